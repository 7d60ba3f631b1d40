"""The meeting handout: the agenda deck's slides as a PDF, A4 landscape, one slide per page, with
no browser left running once it is made."""

import io

import pytest
from pptx import Presentation
from pypdf import PdfReader

from reports import images
from reports.deck import agenda_deck
from reports.errors import ExportRefused
from reports.handout import agenda_handout, chart_figure
from tests.reports.test_agenda_deck import NOTES, agenda_for
from tests.reports.test_browser_lifetime import browsers_left

needs_chromium = pytest.mark.skipif(not images.images_available(), reason=str(images.unavailable_reason()))
A4_LANDSCAPE_PT = (841.89, 595.28)


def page_sizes(reader: PdfReader) -> list[tuple[float, float]]:
    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]


@needs_chromium
@pytest.mark.parametrize("lang", ["id", "en"])
def test_one_a4_landscape_page_per_slide_of_the_deck(report_store, lang):
    agenda = agenda_for(report_store, lang)
    notes = NOTES * 4   # 8 notes: two notes slides (seven rows each), so two notes pages
    deck = Presentation(io.BytesIO(agenda_deck(report_store, agenda, notes)))
    reader = PdfReader(io.BytesIO(agenda_handout(report_store, agenda, notes)))

    assert len(reader.pages) == len(deck.slides) == 1 + len(agenda.items) + 2
    for width, height in page_sizes(reader):
        assert (width, height) == pytest.approx(A4_LANDSCAPE_PT, abs=0.5)
    for number, (page, slide) in enumerate(zip(reader.pages, deck.slides, strict=True), start=1):
        text = " ".join(page.extract_text().split())
        assert " ".join(slide.shapes.title.text.split()) in text, number
        assert (f"Halaman {number} dari {len(deck.slides)}" if lang == "id"
                else f"Page {number} of {len(deck.slides)}") in text
    charts_drawn = [len(page.images) for page in reader.pages[1:1 + len(agenda.items)]]
    assert all(count >= 1 for count in charts_drawn), charts_drawn
    assert browsers_left() == []


def test_a_refused_agenda_is_refused_before_any_browser_starts(report_store, monkeypatch):
    started = []
    monkeypatch.setattr(images, "_start_server", lambda: started.append(True))
    agenda = agenda_for(report_store)
    with pytest.raises(ExportRefused):
        agenda_handout(report_store, agenda, [{"item": 99, "note": "x"}])
    assert started == []


def test_chart_pictures_keep_the_series_of_the_native_chart():
    options = dict(kind="stacked", categories=["GOV", "ECO"], series=[("1", [3, 4]), ("2", [5, None])],
                   colours=["#111111", "#222222"], labels={0: ["3", "4"]}, point_colours=None, legend=True,
                   value_range=None, title="Bands", markers={})
    figure = chart_figure(options, "id")
    assert [trace.name for trace in figure.data] == ["1", "2"]
    assert list(figure.data[0].x) == [3, 4] and list(figure.data[1].x) == [5, 0]   # counts: none is 0
    assert figure.layout.barmode == "stack" and figure.layout.yaxis.autorange == "reversed"
    radar = chart_figure({**options, "kind": "radar", "value_range": (0, 4)}, "id")
    assert list(radar.data[0].r) == [3, 4, 3] and list(radar.layout.polar.radialaxis.range) == [0, 4]
