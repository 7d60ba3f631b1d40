"""Chart text is legible at every size: on every page that draws charts, at the laptop, projector
and phone sizes, in both languages, no text of a plotly chart lies outside its chart (or outside the
plot area that clips it) and no two texts of one chart overlap.

What is measured: the bounding box of every visible, non-empty SVG `text` of each chart (tick
labels, axis titles, titles, annotations, legend items, bar and point labels, heatmap cells)
against the chart's outer svg box and against each other. A text clipped by a clip path (a point
label with cliponaxis) must lie inside that clip's box too: that is how "Kabupat" got cut.

One tab per (size, language) goes through the pages by the sidebar as a reader does; it starts on
the profile of the assessed region with the longest name (Kabupaten Administrasi Kepulauan Seribu),
so the region pages and the peers of the comparison carry long names; the plan page is opened for a
long-named region that has programmes. A failing chart is kept as an image in
test-artifacts/screenshots/legibility/ (every chart with MATRA_CHART_SHOTS=1), for a person to look at.
"""

from __future__ import annotations

import os

import pytest

from tests.browser.harness import LANGS, PAGE_CHARTS, SCREENSHOTS, SIZES, app_pages, error_boxes, wait_for_run

pytestmark = pytest.mark.browser
PAGES = app_pages()
# Every page of app.py that draws charts; the region page is visited first (from its URL).
CHART_PAGES = ["region", *[name for name in PAGES if name != "region" and PAGE_CHARTS.get(name, 1) > 0]]
# Pages opened from their URL with a region: the longest assessed name (Kabupaten Administrasi
# Kepulauan Seribu) for the profile and the pages after it; for the plan, a long name with programmes.
OPENED_WITH_REGION = {"region": "31.01", "plan": "16.08"}
EXPECTED_CHARTS = {**PAGE_CHARTS, "plan": 2}
TOLERANCE = 2                 # px: glyph boxes of neighbouring lines may touch by a pixel or two
SHOTS = SCREENSHOTS / "legibility"
# An image of every chart (MATRA_CHART_SHOTS=1), to look at them all; otherwise only of a failing one
# (test_pages keeps a full-length image of every page at every size anyway).
KEEP_EVERY_CHART = os.environ.get("MATRA_CHART_SHOTS") == "1"

# For each chart: its name (its alt text, the title; else the title's first line), its outer svg box, and the
# boxes of its visible texts, each with the box of the clip path it is drawn under (if any).
_TEXT_BOXES = """() => {
  const box = r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
  const clipBox = el => {
    const holder = el.parentElement && el.parentElement.closest('[clip-path]');
    if (!holder) return null;
    const id = (holder.getAttribute('clip-path').match(/#([^)"']+)/) || [])[1];
    const shape = id && document.getElementById(id) && document.getElementById(id).querySelector('rect');
    const matrix = holder.getScreenCTM();
    if (!shape || !matrix) return null;
    const corner = (x, y) => new DOMPoint(x, y).matrixTransform(matrix);
    const x = +shape.getAttribute('x') || 0, y = +shape.getAttribute('y') || 0;
    const a = corner(x, y), b = corner(x + (+shape.getAttribute('width')), y + (+shape.getAttribute('height')));
    return {left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), right: Math.max(a.x, b.x), bottom: Math.max(a.y, b.y)};
  };
  const visible = el => {
    if (!el.textContent.trim() || !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return false;
    for (let node = el; node && node.tagName !== 'svg'; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (+style.opacity === 0 || +style.fillOpacity === 0 || node.getAttribute('opacity') === '0') return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const kind = el => ['g-gtitle', 'annotation', 'legend', 'xtick', 'ytick', 'g-xtitle', 'g-ytitle', 'angularaxistick',
      'radialaxistick', 'textpoint', 'bartext', 'hm', 'colorbar'].find(k => el.closest('.' + k)) || 'text';
  return [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(container => {
    const plot = container.querySelector('.js-plotly-plot');
    const svg = plot && plot.querySelector('svg.main-svg');
    if (!svg) return null;
    const heading = plot.querySelector('.gtitle tspan');
    const name = container.getAttribute('aria-label') || (heading && heading.textContent) || '(untitled)';
    const texts = [...plot.querySelectorAll('svg text')]
      .filter(el => !el.closest('.hoverlayer') && visible(el))
      .map(el => ({text: el.textContent.trim(), kind: kind(el), box: box(el.getBoundingClientRect()),
                   clip: clipBox(el)}));
    return {name, key: [...container.closest('[class*="st-key-"]')?.classList || []]
              .find(c => c.startsWith('st-key-'))?.slice(7) || '', frame: box(svg.getBoundingClientRect()), texts};
  }).filter(Boolean);
}"""


def _inside(inner: dict, outer: dict, tolerance: float = TOLERANCE) -> bool:
    return (inner["left"] >= outer["left"] - tolerance and inner["top"] >= outer["top"] - tolerance
            and inner["right"] <= outer["right"] + tolerance and inner["bottom"] <= outer["bottom"] + tolerance)


def _overlap(one: dict, other: dict) -> float:
    """The smaller side of the two boxes' intersection, in px (0 when they do not meet)."""
    width = min(one["right"], other["right"]) - max(one["left"], other["left"])
    height = min(one["bottom"], other["bottom"]) - max(one["top"], other["top"])
    return max(0.0, min(width, height))


def _clipped_box(frame: dict, clip: dict | None) -> dict:
    if clip is None:
        return frame
    return {"left": max(frame["left"], clip["left"]), "top": max(frame["top"], clip["top"]),
            "right": min(frame["right"], clip["right"]), "bottom": min(frame["bottom"], clip["bottom"])}


def chart_problems(chart: dict) -> list[str]:
    """What is illegible in one measured chart: texts outside it (or its clip) and overlapping texts."""
    problems = []
    texts = chart["texts"]
    for text in texts:
        if not _inside(text["box"], _clipped_box(chart["frame"], text["clip"])):
            where = "its plot area" if text["clip"] and _inside(text["box"], chart["frame"]) else "the chart"
            problems.append(f"{text['kind']} {text['text']!r} is cut by {where}: {_rounded(text['box'])} "
                            f"outside {_rounded(_clipped_box(chart['frame'], text['clip']))}")
    for number, one in enumerate(texts):
        for other in texts[number + 1:]:
            if _overlap(one["box"], other["box"]) > TOLERANCE:
                problems.append(f"{one['kind']} {one['text']!r} overlaps {other['kind']} {other['text']!r}")
    return problems


def _rounded(box: dict) -> tuple[int, ...]:
    return tuple(round(box[side]) for side in ("left", "top", "right", "bottom"))


def measure(page) -> list[dict]:
    return page.evaluate(_TEXT_BOXES)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", list(SIZES))
def test_chart_text_is_inside_its_chart_and_never_overlaps(tabs, demo_server, size, lang):
    tab = tabs.get(lang, SIZES[size])
    SHOTS.mkdir(parents=True, exist_ok=True)
    failures = []
    for name in CHART_PAGES:
        expected = EXPECTED_CHARTS.get(name)
        if name in OPENED_WITH_REGION:   # the pages after it follow this region
            page = tab.page
            page.goto(demo_server.link(PAGES[name], lang=lang, region=OPENED_WITH_REGION[name]),
                      wait_until="domcontentloaded")
            wait_for_run(page, expected)
        else:
            page = tab.visit(PAGES[name], charts=expected)
        assert error_boxes(page) == [], f"{name}-{size}-{lang}"
        measured = measure(page)
        assert len(measured) >= (expected or 1), f"{name}-{size}-{lang}: {len(measured)} charts measured"
        for number, chart in enumerate(measured):
            assert chart["texts"], f"{name}-{size}-{lang} {chart['name']}: no text measured"
            problems = chart_problems(chart)
            failures += [f"{name} · {size} · {lang} · chart {chart['name']!r} ({chart['key']}): {problem}"
                         for problem in problems]
            if problems or KEEP_EVERY_CHART:
                page.locator('[data-testid="stPlotlyChart"]').nth(number).screenshot(
                    path=SHOTS / f"{name}-{size}-{lang}-{number}-{chart['key'] or 'chart'}.png", animations="disabled")
    assert not failures, f"{len(failures)} illegible chart texts:\n" + "\n".join(failures)


def test_the_measure_sees_clipped_and_overlapping_text():
    """The checks themselves: a text past the right edge, one under a clip, two on top of each other."""
    frame = {"left": 0, "top": 0, "right": 300, "bottom": 200}

    def text(label, left, top, right, bottom, clip=None):
        return {"text": label, "kind": "ytick", "box": {"left": left, "top": top, "right": right, "bottom": bottom},
                "clip": clip}

    clean = {"frame": frame, "texts": [text("a", 10, 10, 60, 24), text("b", 10, 24, 60, 38)]}
    assert chart_problems(clean) == []
    cut = {"frame": frame, "texts": [text("Kabupaten", 250, 10, 320, 24)]}
    assert "cut by the chart" in chart_problems(cut)[0]
    clipped = {"frame": frame, "texts": [text("Kabupat", 200, 10, 260, 24,
                                              clip={"left": 50, "top": 0, "right": 240, "bottom": 180})]}
    assert "cut by its plot area" in chart_problems(clipped)[0]
    overlapping = {"frame": frame, "texts": [text("-0,010", 10, 10, 60, 24), text("Indikator", 40, 12, 120, 26)]}
    assert chart_problems(overlapping) == ["ytick '-0,010' overlaps ytick 'Indikator'"]
