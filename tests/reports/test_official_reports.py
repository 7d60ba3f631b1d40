"""The published (official) results in the PPTX deck and the PDF profile: every published index of
the region exactly as the store holds it (only the decimal mark follows the language), beside
Matra's computed index, with every source address written out."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pypdf import PdfReader

from reports.deck import region_deck
from reports.profile_pdf import profile_pdf
from tests.reports.conftest import STAGE, YEAR, slide_texts

BANDUNG = "32.73"


def published(store, lang: str) -> list[str]:
    mark = "," if lang == "id" else "."
    return [value.replace(".", mark) for value in store.official_table(region=BANDUNG)["index"]]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_deck_has_a_slide_of_the_published_results_as_published(report_store, lang):
    deck = Presentation(io.BytesIO(region_deck(report_store, [BANDUNG], YEAR, STAGE, lang)))
    title = "Official published results (real, cited)" if lang == "en" else \
        "Hasil resmi yang diterbitkan (nyata, bersumber)"
    slide = next(s for s in deck.slides if s.shapes.title.text == title)
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    first_column = [row.cells[0].text for row in table.rows][1:]
    official = [row.cells[1].text for row in table.rows][1:]
    rows = report_store.official_table(region=BANDUNG)
    assert first_column == [str(y) for y in rows["year"]]
    assert official == published(report_store, lang) == (["3.34", "3.71", "3.88", "3.83", "3.93"] if lang == "en" else
                                                         ["3,34", "3,71", "3,88", "3,83", "3,93"])
    assert [row.cells[2].text for row in table.rows][1:] == ["", "1 / 100", "", "2 / 141", "1"]
    text = " ".join(slide_texts(slide))
    assert "https://bewarajabar.com/?p=112612" in text and "fokussatu.id" in text
    assert ("synthetic" if lang == "en" else "sintetis") in text


def test_regions_without_a_published_result_get_no_such_slide(report_store):
    deck = Presentation(io.BytesIO(region_deck(report_store, ["35.09"], YEAR, STAGE, "en")))
    assert "Official published results (real, cited)" not in [s.shapes.title.text for s in deck.slides]


def test_pdf_profile_prints_the_published_results_and_their_sources(report_store):
    reader = PdfReader(io.BytesIO(profile_pdf(report_store, BANDUNG, YEAR, STAGE, "id")))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Hasil resmi yang diterbitkan (nyata, bersumber)" in text
    for value in published(report_store, "id"):
        assert value in text
    assert "https://bewarajabar.com/?p=112612" in text


def test_agenda_deck_region_slide_carries_the_published_figure_of_the_year(report_store):
    from reports.agenda import Agenda, AgendaItem
    from reports.deck import agenda_deck

    items = (AgendaItem("region", {"region": BANDUNG}), AgendaItem("region", {"region": "35.09"}))
    agenda = Agenda("Rakor", YEAR, STAGE, "id", report_store.current_snapshot_ids(), items)
    deck = Presentation(io.BytesIO(agenda_deck(report_store, agenda)))
    texts = [" ".join(slide_texts(slide)) for slide in deck.slides]
    official = [t for t in texts if "Indeks resmi 2024 (diterbitkan)" in t]
    assert len(official) == 1 and "Indeks resmi 2024 (diterbitkan): 3,93, peringkat 1" in official[0]
    assert "Kota Bandung" in official[0]
