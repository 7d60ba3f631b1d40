"""No headless chromium stays behind after an export (reports.images): the PDF's images share one
browser that is stopped when the export ends, also when the export fails halfway."""

import time

import pytest

from reports import images
from reports.profile_pdf import profile_pdf
from tests.reports.conftest import JEMBER, STAGE, YEAR

needs_chromium = pytest.mark.skipif(not images.images_available(), reason=str(images.unavailable_reason()))


def browsers_left(seconds: float = 10) -> list[int]:
    """Our chromium processes, after giving a closing browser a moment to end."""
    deadline = time.monotonic() + seconds
    while (left := images.browser_processes()) and time.monotonic() < deadline:
        time.sleep(0.25)
    return left


@needs_chromium
def test_after_a_pdf_export_no_chromium_of_ours_is_running(report_store, monkeypatch):
    seen_during_export = []
    real_render = images._render

    def render_and_count(figure, opts):
        png = real_render(figure, opts)   # the browser starts with the first image
        seen_during_export.append(len(images.browser_processes()))
        return png

    monkeypatch.setattr(images, "_render", render_and_count)
    assert profile_pdf(report_store, JEMBER, YEAR, STAGE, "id").startswith(b"%PDF")
    assert min(seen_during_export) > 0          # the process scan does see the running browser
    assert browsers_left() == []


@needs_chromium
def test_an_export_that_fails_halfway_also_stops_the_browser(monkeypatch):
    import plotly.graph_objects as go

    class Boom(RuntimeError):
        pass

    with pytest.raises(Boom), images.browser_session():
        images.figure_png(go.Figure(go.Bar(x=["a"], y=[1])), width=200, height=150)
        assert images.browser_processes()
        raise Boom
    assert browsers_left() == []
