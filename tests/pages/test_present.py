"""Presentation mode: build an agenda, step through its slides, keep its numbers frozen (the meeting
desk's notes: tests/pages/test_present_notes.py)."""

import base64
import io
import json
import re
import zlib

import pandas as pd
import pytest
import streamlit as st

from i18n import format_number
from reports.agenda import Agenda, AgendaItem, decode, encode
from store import meetings
from tests.pages.conftest import open_page
from tests.pages.test_language import language_only_strings, visible_texts

COUNTER = re.compile(r"^### (\d+) / (\d+)$")


def make_agenda(store, lang="en", items=None) -> Agenda:
    items = items or (AgendaItem("overview", {"province": "35"}), AgendaItem("region", {"region": "35.09"}),
                      AgendaItem("compare", {"regions": "35.09,35.78"}), AgendaItem("gaps", {"region": "35.09"}),
                      AgendaItem("trends", {"regions": "35.09,35.78", "dimension": "GOV"}))
    return Agenda("Rakor Smart City Jawa Timur", 2025, "II", lang, store.current_snapshot_ids(), tuple(items))


def counter(app) -> tuple[int, int]:
    found = [COUNTER.match(m.value) for m in app.markdown if COUNTER.match(m.value)]
    assert found, "the slide counter is shown"
    return int(found[0][1]), int(found[0][2])


def index_shown(app) -> str:
    return next(m.value for m in app.metric if m.label == "Smart City Index 2025")


def click(app, key: str):
    app.button(key=key).click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_slides_step_forward_and_back(data_dir, store):
    agenda = make_agenda(store)
    app = open_page("present", agenda=encode(agenda), mode="slides")
    assert not app.exception, [e.value for e in app.exception]
    assert counter(app) == (1, 7)
    assert app.title[0].value == "Rakor Smart City Jawa Timur"
    assert app.button(key="present_previous").disabled
    widgets = ("selectbox", "multiselect", "text_input", "text_area", "radio", "date_input", "dataframe")
    assert not any(app.main.get(kind) for kind in widgets), "a slide has no widgets but its controls"
    click(app, "present_next")
    assert counter(app) == (2, 7)
    assert app.header[0].value == "Overview of Jawa Timur 2025 · Stage II"
    click(app, "present_next")
    assert counter(app) == (3, 7)
    assert app.header[0].value == "Profile of Kabupaten Jember"
    index = store.scores(2025, "II", "index").set_index("region_code").loc["35.09", "index"]
    assert index_shown(app) == format_number(index, "en")
    click(app, "present_previous")
    assert counter(app) == (2, 7)
    for _ in range(5):
        click(app, "present_next")
    assert counter(app) == (7, 7)
    assert app.header[0].value == "Meeting notes and follow-ups"
    assert app.button(key="present_next").disabled


def test_every_view_draws_a_large_figure(data_dir, store):
    agenda = make_agenda(store)
    for number in range(2, 7):
        app = open_page("present", agenda=encode(agenda), mode="slides", slide=number)
        assert not app.exception, (number, [e.value for e in app.exception])
        assert not app.info, (number, [i.value for i in app.info])
        charts = app.get("plotly_chart")
        assert len(charts) == 1, number
        layout = json.loads(charts[0].proto.spec)["layout"]
        assert layout["font"]["size"] >= 20 and layout["title"]["font"]["size"] >= 28


def test_frozen_agenda_keeps_its_numbers_after_new_data(data_dir, store):
    agenda = make_agenda(store)
    token = encode(agenda)
    before = index_shown(open_page("present", agenda=token, mode="slides", slide=3))
    old_index = store.scores(2025, "II", "index").set_index("region_code").loc["35.09", "index"]
    assert before == format_number(old_index, "en")

    active = store.active_snapshot(2025, "II")
    rows = pd.read_parquet(data_dir / "snapshots" / active.path)
    jember = rows["region_code"] == "35.09"
    rows.loc[jember, ["level", "claimed_level", "evidence"]] = [5, 5, "verified"]
    snapshot, created = store.ingest_rows(rows, year=2025, stage="II", source="rescored-2025-II.csv")
    assert created
    st.cache_data.clear()
    st.cache_resource.clear()
    new_index = store.scores(2025, "II", "index").set_index("region_code").loc["35.09", "index"]
    assert format_number(new_index, "en") != before, "the new snapshot really changes the region"

    app = open_page("present", agenda=token, mode="slides", slide=3)
    assert index_shown(app) == before, "a frozen agenda shows the numbers it was made with"
    assert any("Newer data exists" in c.value for c in app.caption)
    desk = open_page("present", agenda=token)
    assert any("Newer data exists than this agenda shows: 2025 stage II" in w.value for w in desk.warning)
    assert snapshot.id not in decode(token).snapshot_ids


NOT_AN_AGENDA = base64.urlsafe_b64encode(zlib.compress(b'{"title": "x", "items": 3}')).decode().rstrip("=")
# Issue 25 (3): 654 characters of nested JSON showed a RecursionError on /present.
DEEP = base64.urlsafe_b64encode(zlib.compress(b'{"title": "x", "items": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                                              9)).decode().rstrip("=")
TRUNCATED = encode(Agenda("x", 2025, "II", "en", ("a",), (AgendaItem("overview"),)))[:-8]


@pytest.mark.parametrize("token", ["garbage!!", TRUNCATED, NOT_AN_AGENDA, DEEP])
def test_a_damaged_agenda_link_shows_a_clear_message(data_dir, token):
    app = open_page("present", agenda=token, lang="en")
    assert not app.exception, [e.value for e in app.exception]
    assert any("This agenda link is damaged or incomplete" in e.value for e in app.error)
    click(app, "present_new")
    assert "agenda" not in app.query_params
    assert app.text_input(key="present_title"), "the builder opens"


def test_builder_saves_a_frozen_agenda_that_reopens(data_dir, store):
    app = open_page("present", lang="en", year=2024, stage="II")
    app.text_input(key="present_title").input("Rakor Jatim")
    app.selectbox(key="present_new_view").select("region").run()
    app.multiselect(key="present_new_region_regions").select("35.09").select("35.78").run()
    click(app, "present_add")
    app.selectbox(key="present_new_view").select("compare").run()
    app.multiselect(key="present_new_compare_regions").select("35.09").select("35.15").run()
    click(app, "present_add")
    assert len([m for m in app.markdown if m.value.startswith("1. Profile of Kabupaten Jember")]) == 1
    click(app, "present_down_0")
    assert any(m.value.startswith("2. Profile of Kabupaten Jember") for m in app.markdown)
    click(app, "present_remove_1")
    click(app, "present_save")
    agenda = decode(app.query_params["agenda"][0] if isinstance(app.query_params["agenda"], list)
                    else app.query_params["agenda"])
    assert (agenda.title, agenda.year, agenda.stage, agenda.lang) == ("Rakor Jatim", 2024, "II", "en")
    assert [(i.view, i.params) for i in agenda.items] == [("region", {"region": "35.78"}),
                                                          ("compare", {"regions": "35.09,35.15"})]
    assert agenda.snapshot_ids == store.current_snapshot_ids()
    assert app.title[0].value == "Rakor Jatim", "saving opens the agenda"
    assert any(f"?agenda={encode(agenda)}" in c.value for c in app.code)


def test_a_link_opens_in_the_agenda_language_and_can_switch(data_dir, store):
    agenda = make_agenda(store, lang="en")
    app = open_page("present", agenda=encode(agenda), mode="slides", slide=2)
    assert app.header[0].value == "Overview of Jawa Timur 2025 · Stage II"
    click(app, "present_language")
    assert app.header[0].value == "Ikhtisar Jawa Timur 2025 · Tahap II"
    assert counter(app) == (2, 7)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("mode, slide", [("desk", None), ("slides", 3), ("slides", 5)])
def test_present_shows_only_its_language(data_dir, store, lang, mode, slide):
    agenda = make_agenda(store, lang=lang)
    params = {"agenda": encode(agenda), "mode": mode, "lang": lang, **({"slide": slide} if slide else {})}
    app = open_page("present", **params)
    assert not app.exception
    shown = "\n".join(visible_texts(app))
    for owner in ("Dinas Pariwisata", "Dinas Kesehatan", "Dinas Pendidikan"):
        shown = shown.replace(owner, "")
    found = sorted(s for s in language_only_strings("id" if lang == "en" else "en") if s in shown)
    assert not found, found[:10]


def test_the_desk_prepares_the_deck_with_the_notes_when_the_export_exists(data_dir, store):
    pytest.importorskip("reports.deck")
    agenda = make_agenda(store)
    meetings.save_note(data_dir, agenda.id, {"item": 1, "decision": "=cmd|' /C calc'!A0", "owner_opd": "Diskominfo",
                                             "due_date": "2026-12-31"}, "Sekretariat")
    app = open_page("present", agenda=encode(agenda), lang="en")
    click(app, "present_prepare_deck")
    assert not app.error, [e.value for e in app.error]
    assert "Download PPTX slides" in [b.label for b in app.get("download_button")]


def test_a_link_holding_two_versions_of_one_year_and_stage_is_explained_not_drawn(data_dir, store):
    old_ids = store.current_snapshot_ids()
    rows = store.region_indicators("35.09", 2025, "II")   # a new version of 2025 II: the old one is superseded
    upload = "region_code,indicator_code,level,claimed_level,evidence,note\n" + "".join(
        f"35.09,{code},4,4,verified,\n" for code in rows["indicator_code"])
    store.ingest_bytes("jember.csv", upload.encode(), year=2025, stage="II")
    superseded = next(i for i in old_ids if i.startswith("2025-II-"))
    crafted = Agenda("x", 2025, "II", "en", (*store.current_snapshot_ids(), superseded),
                     (AgendaItem("overview"), AgendaItem("region", {"region": "35.09"}), AgendaItem("trends")))
    for params in ({}, {"mode": "slides", "slide": 2}, {"mode": "slides", "slide": 4}):
        app = open_page("present", agenda=encode(crafted), **params)
        assert not app.exception, [e.value for e in app.exception]
        assert any("more than one data version of 2025 stage II" in e.value for e in app.error)
        assert not app.get("plotly_chart") and not app.metric
    from reports.deck import agenda_deck
    from reports.errors import ExportRefused
    with pytest.raises(ExportRefused):
        agenda_deck(store, crafted)


def test_claims_slide_shows_the_same_figures_as_the_region_page(data_dir, store):
    from scoring.claims import claims_summary

    agenda = make_agenda(store, "id", (AgendaItem("claims", {"region": "35.09"}),))
    app = open_page("present", agenda=encode(agenda), mode="slides", slide=2)
    assert not app.exception, [e.value for e in app.exception]
    total = claims_summary(store.claims(2025, ["35.09"]), "index").iloc[0]
    shown = {m.label: m.value for m in app.metric}
    assert shown["Indeks diklaim (Tahap I)"] == format_number(total["claimed_index"], "id")
    assert shown["Indeks terverifikasi (Tahap II)"] == format_number(total["verified_index"], "id")
    assert any(h.value.replace("\\", "").startswith("Kabupaten Jember: klaim Tahap I") for h in app.header)
    assert len(app.get("plotly_chart")) == 1


def test_slide_controls_name_their_keys_and_the_keys_are_listened_to(data_dir, store):
    agenda = make_agenda(store, lang="id")
    app = open_page("present", agenda=encode(agenda), mode="slides", slide=2, lang="id")
    assert not app.exception, [e.value for e in app.exception]
    helps = {key: app.button(key=key).help for key in ("present_previous", "present_next", "present_leave")}
    assert "PageUp" in helps["present_previous"] and "PageDown" in helps["present_next"], helps
    assert app.button(key="present_leave").label == "Tutup"
    scripts = [element.proto.body for element in app.get("html")]
    assert any("PageDown" in body and "present_next" in body for body in scripts), "the clicker script is drawn"
    desk = open_page("present", agenda=encode(agenda), lang="id")
    assert not any("PageDown" in element.proto.body for element in desk.get("html")), "only in slide mode"


def test_the_desk_makes_the_pdf_handout_one_page_per_slide(data_dir, store):
    from pypdf import PdfReader

    from reports import images

    if not images.images_available():
        pytest.skip(str(images.unavailable_reason()))
    agenda = make_agenda(store)
    app = open_page("present", agenda=encode(agenda), lang="en")
    click(app, "present_prepare_handout")
    assert not app.error, [e.value for e in app.error]
    assert "Download PDF handout" in [b.label for b in app.get("download_button")]
    made = [value for key, value in app.session_state.items() if key.startswith("present_handout_")]
    (pdf,) = [value for value in made if isinstance(value, bytes)]
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(agenda.items) + 2   # the slides of the room: title, items, notes
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages} == {(842, 595)}


@pytest.mark.parametrize("item", [AgendaItem("scenario", {"region": "35.09", "scenario": "0123456789ab"}),
                                  AgendaItem("region", {"region": "99.99"}), AgendaItem("gaps", {"region": "99.99"}),
                                  AgendaItem("plan", {"region": "99.99"}), AgendaItem("claims", {"region": "99.99"}),
                                  AgendaItem("compare", {"regions": "99.99"})])
def test_a_missing_scenario_or_region_is_a_slide_saying_so_live(data_dir, store, item):
    """Issue 25 (8): the live /present shows what is missing on that slide; the other slides still draw."""
    agenda = make_agenda(store, items=(item, AgendaItem("region", {"region": "35.09"})))
    missing = open_page("present", agenda=encode(agenda), mode="slides", slide=2)
    assert not missing.exception, [e.value for e in missing.exception]
    assert missing.info, "the slide says what is missing"
    after = open_page("present", agenda=encode(agenda), mode="slides", slide=3)
    assert not after.exception and index_shown(after)
