"""Agenda slides of a region's action plan and of a saved what-if scenario, in the PPTX deck: the
figures equal what the store's what-if computes by another path (one programme at a time)."""

import io

import pytest
from pptx import Presentation

from i18n import format_number
from reports.agenda import Agenda, AgendaItem
from reports.deck import agenda_deck
from store.scenarios import Scenario
from tests.reports.conftest import JEMBER, STAGE, YEAR, charts, slide_texts


def deck_of(store, *items, lang="en"):
    agenda = Agenda("Rakor", YEAR, STAGE, lang, store.current_snapshot_ids(), items)
    return Presentation(io.BytesIO(agenda_deck(store, agenda)))


def test_plan_slide_lists_the_programmes_that_add_most(writable_store):
    store = writable_store
    register = store.programmes(JEMBER)
    assert len(register) >= 2
    deck = deck_of(store, AgendaItem("plan", {"region": JEMBER}))
    slide = deck.slides[1]
    assert slide.shapes.title.text == "Kabupaten Jember: action plan"
    (bars,) = charts(slide)
    before = store.whatif(JEMBER, YEAR, STAGE).index_before
    gains = {code: store.whatif(JEMBER, YEAR, STAGE, programme_codes=[code]).index_after - before
             for code in register["programme_code"]}
    expected = sorted(gains.values(), reverse=True)[:6]
    # largest first, the first category at the top (as on the live slide)
    assert bars.category_axis.reverse_order
    assert list(bars.plots[0].series[0].values) == pytest.approx(expected, abs=1e-12)
    everything = store.whatif(JEMBER, YEAR, STAGE, programme_codes=list(register["programme_code"]))
    texts = slide_texts(slide)
    assert f"Programmes\n{len(register)}" in texts
    assert f"Index if all finish\n{format_number(everything.index_after, 'en')} (" \
           f"{format_number(everything.index_after - before, 'en', signed=True)})" in texts


def test_scenario_slide_sets_the_scenario_beside_the_actual_figures(writable_store):
    store = writable_store
    levels = {"GOV.LP.01": 4, "GOV.KP.03": "verify"}   # 4: the framework's top level
    saved = store.save_scenario(Scenario(JEMBER, "=cmd|' /C calc'!A0", YEAR, STAGE, levels), created_by="Ani")
    expected = store.whatif(JEMBER, YEAR, STAGE, levels=levels)
    deck = deck_of(store, AgendaItem("scenario", {"region": JEMBER, "scenario": saved.id}), lang="id")
    slide = deck.slides[1]
    assert slide.shapes.title.text == "Kabupaten Jember: skenario simulasi"
    texts = slide_texts(slide)
    index_row = texts.index("Indeks Smart City")
    assert texts[index_row + 1: index_row + 3] == [format_number(expected.index_before, "id"),
                                                   format_number(expected.index_after, "id")]
    rank_row = texts.index("Peringkat nasional")
    assert texts[rank_row + 1: rank_row + 3] == [str(expected.rank_before), str(expected.rank_after)]
    grid = store.region_indicators(JEMBER, YEAR, STAGE).set_index("indicator_code")
    recorded = int(grid.loc["GOV.KP.03", "level"])
    lines = [line for text in texts for line in text.splitlines()]
    counted = int(grid.loc["GOV.KP.03", "effective_level"])
    assert any(line.startswith("GOV.KP.03") and
               line.endswith(f"level tercatat {recorded} diverifikasi (dihitung {counted} sekarang)") for line in lines)
    assert any(line.startswith("GOV.LP.01") and
               f"level {int(grid.loc['GOV.LP.01', 'effective_level'])} → 4" in line for line in lines)


def test_a_deleted_scenario_region_or_year_becomes_a_slide_saying_so_and_the_deck_is_made(writable_store):
    """Issue 25 (8): an agenda whose saved scenario was deleted refused the whole deck (exit 2, no file)."""
    store = writable_store
    deck = deck_of(store, AgendaItem("region", {"region": JEMBER}),
                   AgendaItem("scenario", {"region": JEMBER, "scenario": "0123456789ab"}, "Skenario A"),
                   AgendaItem("region", {"region": "99.99"}), AgendaItem("gaps", {"region": JEMBER, "year": "1990"}),
                   AgendaItem("plan", {"region": JEMBER}), lang="en")
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert titles == ["Rakor", "Profile of Kabupaten Jember", "2. Skenario A", "3. Region profile", "4. Region gaps",
                      "Kabupaten Jember: action plan", "Meeting notes and follow-ups"]
    said = "This agenda item cannot be shown; the other items are in the deck:"
    assert f"{said}\nThis scenario no longer exists or does not apply to this agenda's data." \
        in slide_texts(deck.slides[2])
    assert "99.99" in "\n".join(slide_texts(deck.slides[3]))
    assert "1990" in "\n".join(slide_texts(deck.slides[4]))
    assert all(said not in "\n".join(slide_texts(deck.slides[n])) for n in (1, 5))
