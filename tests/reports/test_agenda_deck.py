"""Agenda decks: one slide per item from the agenda's frozen snapshots, notes as the last slides."""

import io

import pytest
from pptx import Presentation

from reports.agenda import Agenda, AgendaItem
from reports.deck import agenda_deck
from reports.errors import ExportRefused
from reports.slides import FOOTER_NAME
from tests.reports.conftest import JEMBER, STAGE, SURABAYA, YEAR, charts, region_rows, slide_texts

NOTES = [
    {"item": 1, "note": "=HYPERLINK(\"http://x\")", "decision": "Naikkan GOV", "owner_opd": "Diskominfo",
     "due_date": "2026-12-15"},
    {"item": 4, "note": "Pantau tren", "decision": "", "owner_opd": "Bapperida", "due_date": "Q1"},
]


def agenda_for(store, lang="id", items=None) -> Agenda:
    items = items or (
        AgendaItem("overview", {"province": "35"}),
        AgendaItem("region", {"region": JEMBER}),
        AgendaItem("compare", {"regions": f"{JEMBER},{SURABAYA}"}),
        AgendaItem("gaps", {"region": SURABAYA}, "Kesenjangan Surabaya"),
        AgendaItem("trends", {"regions": f"{JEMBER},{SURABAYA}", "dimension": "GOV"}),
    )
    return Agenda("Rakor Smart City Jawa Timur", YEAR, STAGE, lang, store.current_snapshot_ids(), items)


def test_one_slide_per_item_then_notes(report_store):
    deck = Presentation(io.BytesIO(agenda_deck(report_store, agenda_for(report_store), NOTES)))
    titles = [slide.shapes.title.text for slide in deck.slides]
    assert titles == ["Rakor Smart City Jawa Timur", "Ikhtisar Jawa Timur 2024 · Tahap II", "Profil Kabupaten Jember",
                      "Enam dimensi: 2 daerah", "Kesenjangan Surabaya", "Smart Governance per tahun, Tahap II",
                      "Catatan rapat dan tindak lanjut"]
    notes = slide_texts(deck.slides[-1])
    assert "2. Profil daerah" in notes and "=HYPERLINK(\"http://x\")" in notes
    assert "15 Des 2026" in notes and "Q1" in notes and "Bapperida" in notes
    for slide in list(deck.slides)[1:]:
        footer = next(s.text_frame.text for s in slide.shapes if s.name == FOOTER_NAME)
        assert "Data per" in footer and "tahun 2024 · Tahap II" in footer


def test_item_charts_equal_the_store(report_store):
    deck = Presentation(io.BytesIO(agenda_deck(report_store, agenda_for(report_store, "en"))))
    dimensions = report_store.scores(YEAR, STAGE, "dimension")
    framework = report_store.framework_for(YEAR)
    codes = [d.code for d in framework.dimensions]
    (bands,) = charts(deck.slides[1])
    east_java = dimensions[dimensions["region_code"].str.startswith("35.")]
    counts = east_java[east_java["dimension"] == codes[0]]["band"].value_counts()
    assert [s.values[0] for s in bands.plots[0].series] == [counts.get(b.level, 0) for b in framework.bands]
    (radar,) = charts(deck.slides[3])
    surabaya = dimensions[dimensions["region_code"] == SURABAYA].set_index("dimension")["score"].reindex(codes)
    assert radar.plots[0].series[1].name == "Kota Surabaya"
    assert list(radar.plots[0].series[1].values) == pytest.approx(surabaya.tolist())
    (lines,) = charts(deck.slides[5])
    trend = report_store.trend([JEMBER], STAGE, "dimension")
    governance = trend[trend["code"] == "GOV"].set_index("year")["score"]
    by_year = dict(zip(lines.plots[0].categories, lines.plots[0].series[0].values, strict=True))
    assert {int(y): v for y, v in by_year.items() if v is not None} == pytest.approx(governance.to_dict())
    assert lines.plots[0].series[-1].name == "National median"
    assert slide_texts(deck.slides[-1])[-1] == "No meeting notes yet."


def test_frozen_agenda_keeps_its_numbers_after_new_data(writable_store):
    store = writable_store
    agenda = agenda_for(store, items=(AgendaItem("region", {"region": JEMBER}),))
    before = charts(Presentation(io.BytesIO(agenda_deck(store, agenda))).slides[1])[0]
    rows = region_rows(store, JEMBER)
    rows["level"] = 5
    rows["evidence"] = "verified"
    store.ingest_rows(rows, year=YEAR, stage=STAGE, source="raised.csv", synthetic=True)
    after_deck = Presentation(io.BytesIO(agenda_deck(store, agenda)))
    after = charts(after_deck.slides[1])[0]
    assert list(after.plots[0].series[0].values) == list(before.plots[0].series[0].values)
    assert max(after.plots[0].series[0].values) < 5
    assert any("Sudah ada data yang lebih baru" in text for text in slide_texts(after_deck.slides[0]))


def test_unknown_snapshots_and_bad_notes_are_refused(report_store):
    agenda = agenda_for(report_store)
    stale = Agenda(agenda.title, YEAR, STAGE, "id", ("2024-II-gone",), agenda.items)
    with pytest.raises(ExportRefused, match="does not hold: 2024-II-gone"):
        agenda_deck(report_store, stale)
    for notes in ([{"item": 9, "note": "x"}], ["not a dict"], [{"item": "1"}]):
        with pytest.raises(ExportRefused, match="notes"):
            agenda_deck(report_store, agenda, notes)


def test_an_overview_of_a_group_names_the_group_in_its_title_and_footer(report_store):
    group = report_store.ranking(YEAR, STAGE)["group"].dropna().iloc[0]
    name = report_store.group_names("id")[group]
    items = (AgendaItem("overview", {"group": group, "kind": "kota"}),)
    deck = Presentation(io.BytesIO(agenda_deck(report_store, agenda_for(report_store, items=items))))
    slide = deck.slides[1]
    assert slide.shapes.title.text == f"Ikhtisar 2024 · Tahap II · kelompok {name}"   # not "nasional"
    footer = next(s.text_frame.text for s in slide.shapes if s.name == FOOTER_NAME)
    assert f"tahun 2024 · Tahap II · nasional · Kota · kelompok {name}" in footer
