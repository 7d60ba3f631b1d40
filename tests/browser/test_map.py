"""The overview's map in chromium: the basemap (land, province borders) is drawn under the dots from
the app's own data, nothing is asked from outside this machine and nothing is logged as an error;
zoomed to Jawa Timur every dot has its label, and on a laptop no two labels overlap. Screenshots of
each view are kept in test-artifacts/screenshots/map-*.png for a person to look at."""

from __future__ import annotations

import pytest

from tests.browser.harness import SIZES, error_boxes, new_context, open_view, screenshot

pytestmark = pytest.mark.browser
# Each size in each language, each size with the national and the zoomed view (four runs, not eight:
# the language changes the words around the map, not the map).
CASES = [pytest.param(lang, size, province, id=f"{lang}-{size}-{province or 'national'}")
         for lang, size, province in (("id", "laptop", "35"), ("en", "laptop", None),
                                      ("en", "phone", "35"), ("id", "phone", None))]

# What the map drew: its basemap traces (from the figure's data) and the boxes of the drawn labels.
_MAP = """() => {
  const plot = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
  const data = plot._fullData;   // arrays decoded (plotly.py sends numbers base64-encoded)
  const basemap = data.filter(t => t.meta === 'basemap').map(t => ({name: t.name,
    points: Array.from(t.x).filter(x => x !== null && x !== undefined && !Number.isNaN(x)).length}));
  const labels = data.find(t => t.name === 'labels');
  // the dots: marker traces with a region code on each point, less the ring round the user's region
  const dots = data.filter(t => t.customdata && t.mode === 'markers' && t.marker.color !== 'rgba(0,0,0,0)');
  const fills = plot.querySelectorAll('g.trace path.js-fill').length;
  const boxes = [...plot.querySelectorAll('g.textpoint text')].filter(t => t.textContent.trim())
    .map(t => { const r = t.getBoundingClientRect();
                return {text: t.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom}; });
  return {basemap, fills, labels: labels ? labels._length : 0,
          dots: dots.reduce((sum, t) => sum + t._length, 0), boxes};
}"""


def overlapping(boxes: list[dict], tolerance: float = 2.0) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if min(a["right"], b["right"]) - max(a["left"], b["left"]) > tolerance
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > tolerance]


@pytest.mark.parametrize(("lang", "size", "province"), CASES)
def test_the_map_draws_its_basemap_locally(browser, demo_server, lang, size, province):
    context, watch = new_context(browser, SIZES[size])
    try:
        page = open_view(context, watch, demo_server.link("", lang=lang, province=province), charts=2)
        drawn = page.evaluate(_MAP)
        screenshot(page, f"map-{size}-{lang}-{province or 'national'}")
        assert error_boxes(page) == []
        assert watch.problems() == {}   # no console error, no request beyond this machine
        assert [layer["name"] for layer in drawn["basemap"]] == ["neighbours", "indonesia", "borders"]
        points = {layer["name"]: layer["points"] for layer in drawn["basemap"]}
        assert points["indonesia"] > 1000 and points["borders"] > 50
        if province is None:
            # nationally the neighbours' land (Malaysia, Timor-Leste, Papua New Guinea) is filled too;
            # zoomed to Jawa Timur none is near enough to be drawn
            assert points["neighbours"] > 100 and drawn["fills"] >= 2
            assert drawn["labels"] == 0 and drawn["boxes"] == []
            return
        assert drawn["fills"] >= 1
        assert drawn["dots"] >= 20 and drawn["labels"] == drawn["dots"] == len(drawn["boxes"])
        if size == "laptop":
            assert overlapping(drawn["boxes"]) == []   # glyph boxes may touch by a pixel or two
    finally:
        context.close()
