"""No chart shows a value above the framework's top level: on the region, compare, trends and gaps
pages and on the live region and compare slides, at 1366x768 in Indonesian and English on the demo
data, every tick drawn on a score axis (cartesian axes, the radar's radial axis, a heatmap's colour
bar) reads at most `max_level` (read from the store: 4 on the published scale), and every radar's
radial range is exactly [0, max_level].

What is read is what chromium drew: the tick texts of the charts' SVG (as test_legibility reads
chart text), parsed as numbers in the page's language. A score axis is a linear axis whose traces'
values all lie at or below max_level (a year or budget axis carries larger values and is left out);
a colour bar colours scores; a radar's radial axis holds scores. A score axis drawn to max_level
shows that top tick (plotly hides a label that would overflow the chart: the scale then ended at 3).
"""

from __future__ import annotations

import pytest

from reports.agenda import Agenda, AgendaItem, encode
from store import Store
from tests.browser.harness import LANGS, PAGE_CHARTS, SIZES, app_pages, error_boxes, new_context, wait_for_run
from tests.browser.test_slides import wait_for_slide

pytestmark = pytest.mark.browser
PAGES = app_pages()
VIEWS = {"region": {"region": "35.09"}, "compare": {"region": "35.09"}, "trends": {}, "gaps": {"region": "35.09"}}
SLIDES = (AgendaItem("region", {"region": "35.09"}), AgendaItem("compare", {"regions": "35.09,35.78,35.73"}))

# Per chart: each linear cartesian axis (its drawn tick texts and the largest value its traces put on
# it), each radar's radial range and drawn ticks, and each colour bar's drawn ticks.
_SCALES = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')].map(gd => {
  const layout = gd._fullLayout;
  const texts = selector => [...gd.querySelectorAll(selector)].filter(t => t.checkVisibility())   // plotly hides
    .map(t => t.textContent.trim()).filter(Boolean);                                             // an overflowing one
  const numbers = values => [...(values || [])].flat(2).filter(v => typeof v === 'number' && isFinite(v));
  const axes = Object.keys(layout).filter(k => /^[xy]axis\\d*$/.test(k) && layout[k].type === 'linear').map(k => {
    const axis = layout[k], letter = axis._id[0];
    const values = gd._fullData.filter(t => t.visible === true && t[letter + 'axis'] === axis._id)
      .flatMap(t => numbers(t[letter]).concat(numbers(t.base)));
    return {id: axis._id, ticks: texts(`.cartesianlayer g.${axis._id}tick text`), top: Math.max(...values),
            end: axis.range[1]};
  });
  const radars = Object.keys(layout).filter(k => /^polar\\d*$/.test(k))   // the radial ticks are its g.xtick
    .map(k => ({range: layout[k].radialaxis.range, ticks: texts('.polarlayer g.xtick text')}));
  const colorbars = texts('.colorbar g[class$="tick"] text');
  return {name: gd.closest('[data-testid="stPlotlyChart"]').getAttribute('aria-label') || '', axes, radars, colorbars};
})"""


def number(text: str, lang: str) -> float:
    """A tick label as drawn: Indonesian writes 0,5 and both may write the minus sign U+2212."""
    cleaned = text.replace("\u2212", "-").replace("\u00a0", "")
    return float(cleaned.replace(",", ".") if lang == "id" else cleaned.replace(",", ""))


def scale_problems(charts: list[dict], top: int, lang: str) -> tuple[list[str], int]:
    """What reads above `top` (or a radar not drawn to exactly [0, top]), and how many score ticks were read."""
    problems, read = [], 0

    def check(where: str, ticks: list[str]) -> None:
        nonlocal read
        for tick in ticks:
            read += 1
            if number(tick, lang) > top:
                problems.append(f"{where}: tick {tick!r} above {top}")

    for chart in charts:
        for axis in chart["axes"]:
            if axis["top"] is not None and axis["top"] <= top:   # a score axis (not years or budgets)
                check(f"{chart['name']!r} axis {axis['id']}", axis["ticks"])
                if axis.get("end") == top and axis["ticks"] and max(number(t, lang) for t in axis["ticks"]) != top:
                    problems.append(f"{chart['name']!r} axis {axis['id']} ends at {top} with no {top} shown")
        for radar in chart["radars"]:
            if radar["range"] != [0, top]:
                problems.append(f"{chart['name']!r} radar range {radar['range']} is not [0, {top}]")
            if not radar["ticks"] or max(number(tick, lang) for tick in radar["ticks"]) != top:
                problems.append(f"{chart['name']!r} radar ticks {radar['ticks']} do not end at {top}")
            check(f"{chart['name']!r} radar", radar["ticks"])
        check(f"{chart['name']!r} colour bar", chart["colorbars"])
    return problems, read


@pytest.fixture(scope="module")
def scale(demo_server):
    """(the latest stage II year, its framework's top level, the agenda link of a region and compare slide)."""
    store = Store(demo_server.data_dir)
    year = max(store.years("II"))
    top = store.framework_for(year).max_level
    agenda = Agenda("Skala 0-4", year, "II", "id", tuple(store.current_snapshot_ids()), SLIDES)
    return year, top, lambda lang, slide: demo_server.link("present", agenda=encode(agenda), mode="slides",
                                                           slide=slide, lang=lang)


@pytest.mark.parametrize("lang", LANGS)
def test_no_chart_reads_above_the_framework_s_top_level(browser, demo_server, scale, lang):
    year, top, slide_link = scale
    context, watch = new_context(browser, SIZES["laptop"])
    problems, radars = {}, 0
    try:
        page = context.new_page()
        shown = [(name, demo_server.link(PAGES[name], lang=lang, **params), None) for name, params in VIEWS.items()]
        shown += [(f"slide {item.view}", slide_link(lang, number), number)   # slide 1 is the agenda's title
                  for number, item in enumerate(SLIDES, start=2)]
        for name, link, slide in shown:
            page.goto(link, wait_until="domcontentloaded")
            if slide:
                wait_for_slide(page, slide, 1)
            else:
                wait_for_run(page, PAGE_CHARTS.get(name))
            assert error_boxes(page) == [], (name, error_boxes(page))
            charts = page.evaluate(_SCALES)
            assert charts, f"{name}: no chart drawn"
            found, read = scale_problems(charts, top, lang)
            assert read, f"{name}: no score tick read"
            radars += sum(len(chart["radars"]) for chart in charts)
            if found:
                problems[name] = found
        assert not problems, "\n".join(f"{name} ({lang}, {year}): {found}" for name, found in problems.items())
        assert radars >= 3, radars   # region, compare and the region slide each draw one
        assert watch.problems() == {}
    finally:
        context.close()


def test_the_check_sees_a_five_and_a_radar_past_the_top():
    """The check itself: a 5 on a score axis, 4,5 on a colour bar (in Indonesian), a radar to 5; years pass."""
    clean = [{"name": "a", "axes": [{"id": "y", "ticks": ["0", "2", "4"], "top": 3.9},
                                    {"id": "x", "ticks": ["2024", "2025"], "top": 2025}],
              "radars": [{"range": [0, 4], "ticks": ["0", "1", "2", "3", "4"]}], "colorbars": ["0", "0,5", "4"]}]
    assert scale_problems(clean, 4, "id") == ([], 11)
    five = [{"name": "b", "axes": [{"id": "y", "ticks": ["4", "5"], "top": 3.9}], "radars": [], "colorbars": ["4,5"]}]
    assert scale_problems(five, 4, "id")[0] == ["'b' axis y: tick '5' above 4", "'b' colour bar: tick '4,5' above 4"]
    hidden_top = [{"name": "d", "axes": [{"id": "x", "ticks": ["0", "1", "2", "3"], "top": 3.4, "end": 4}],
                   "radars": [], "colorbars": []}]
    assert scale_problems(hidden_top, 4, "en")[0] == ["'d' axis x ends at 4 with no 4 shown"]
    radar = [{"name": "c", "axes": [], "radars": [{"range": [0, 5], "ticks": ["0", "5"]}], "colorbars": []}]
    assert len(scale_problems(radar, 4, "en")[0]) == 3
