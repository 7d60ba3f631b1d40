"""Reading a page in chromium for the browser suite: the wait for a finished Streamlit run with drawn
charts, what the page shows (titles, metrics, chart titles, error boxes), full-length screenshots and
axe-core (tests/browser/harness.py re-exports these)."""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Locator, Page

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
RUN_TIMEOUT_MS = 60_000


# --- waiting for Streamlit ------------------------------------------------------------------------
_RUN_FINISHED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.dataset.testScriptState === 'notRunning'
    && app.dataset.testConnectionState === 'CONNECTED'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]')
    && !!document.querySelector('[data-testid="stMain"] h1, [data-testid="stException"]');
}"""

# Each chart container with what plotly drew in it: the svg and its marks (points, lines, bars,
# heatmap image); plotly is loaded lazily, so a container can appear before its plot.
_CHARTS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(box => {
  const plot = box.querySelector('.js-plotly-plot');
  const svg = plot && plot.querySelector('svg.main-svg');
  const rect = (plot || box).getBoundingClientRect();
  const marks = plot ? [...plot.querySelectorAll(
      'g.trace path.point, g.trace path.js-line, g.trace.bars g.point path, g.hm image, g.trace path.js-fill')]
    .filter(m => m.tagName === 'image' || (m.getAttribute('d') || '').length > 2).length : 0;
  return {alt: box.getAttribute('aria-label') || '', title: plot ? (plot.querySelector('.gtitle') || {}).textContent
          || '' : '', svg: !!svg, marks, width: Math.round(rect.width), height: Math.round(rect.height)};
})"""


def charts(page: Page) -> list[dict]:
    return page.evaluate(_CHARTS)


_LAYOUT = """() => { const main = document.querySelector('[data-testid="stMain"]');
  return [main ? main.scrollHeight : 0, document.querySelectorAll('[data-testid="stElementContainer"]').length]; }"""


def wait_for_run(page: Page, expected_charts: int | None = None, settle_ms: int = 600) -> list[dict]:
    """Wait until the script run is over (no running indicator, no stale element, a page title or
    an exception), then until at least `expected_charts` charts are drawn and neither the charts
    nor the page's height change for `settle_ms` (plotly and the data grids load lazily, after
    the run). An exception ends the wait at once: the caller's checks report it."""
    page.wait_for_function(_RUN_FINISHED, timeout=RUN_TIMEOUT_MS)
    deadline = time.monotonic() + 30
    last, stable_since = None, time.monotonic()
    while True:
        found = charts(page)
        drawn = all(c["svg"] and c["marks"] > 0 for c in found)
        signature = [page.evaluate(_LAYOUT), [(c["alt"], c["marks"], c["height"]) for c in found]]
        if signature != last:
            last, stable_since = signature, time.monotonic()
        enough = len(found) >= (expected_charts or 0)
        if page.locator('[data-testid="stException"]').count():
            return found
        if drawn and enough and (time.monotonic() - stable_since) * 1000 >= settle_ms:
            return found
        if time.monotonic() > deadline:
            return found
        page.wait_for_timeout(100)


def wait_until_rerun(page: Page, condition: str, arg=None) -> None:
    """After an interaction: wait for `condition` (a JS predicate), then for the run to finish."""
    page.wait_for_function(condition, arg=arg, timeout=RUN_TIMEOUT_MS)
    wait_for_run(page)


_MAIN_SCROLL = """() => { const main = document.querySelector('[data-testid="stMain"]');
  return main ? main.scrollTop : 0; }"""


def open_options(page: Page, field: Locator) -> Locator:
    """Open the option list of a selectbox or multiselect (`field`: its input) and return its options.

    The field is scrolled into view first and the scroll is left to settle before the click.
    Streamlit scrolls inside its own main container, and the option list closes when a container
    around its field scrolls: a click on a field below the fold (Playwright scrolls to it as part
    of the click) opened the list and the scroll closed it again at once, so nothing appeared."""
    field.scroll_into_view_if_needed()
    last = None
    for _ in range(50):   # at most 5 s; a scroll into view is over in a frame or two
        now = page.evaluate(_MAIN_SCROLL)
        if now == last:
            break
        last = now
        page.wait_for_timeout(100)
    field.click()
    options = page.locator('[role="option"]')
    options.first.wait_for()
    return options


# --- what the page shows --------------------------------------------------------------------------
_ERROR_BOXES = '[data-testid="stException"], [data-testid="stAlertContentError"]'


def error_boxes(page: Page) -> list[str]:
    return [text[:500] for text in page.locator(_ERROR_BOXES).all_inner_texts()]


def title(page: Page) -> str:
    heading = page.locator('[data-testid="stMain"] h1')
    return heading.first.inner_text().strip() if heading.count() else ""


def metric_values(page: Page) -> dict[str, str]:
    """Every st.metric on the page: label -> value."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-testid="stMetric"]')]
      .map(m => [(m.querySelector('[data-testid="stMetricLabel"]') || {}).innerText?.trim(),
                 (m.querySelector('[data-testid="stMetricValue"]') || {}).innerText?.trim()]))""")


def chart_titles(page: Page) -> list[str]:
    """The first line of every chart title (plotly puts the units and source on a second line)."""
    return [c["title"] for c in charts(page)]


def screenshot(page: Page, name: str) -> Path:
    """The whole page, not only the viewport: Streamlit scrolls inside its main container, so the
    viewport is made as tall as that container's content for the shot, then restored."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size
    height = size["height"]
    for _ in range(4):   # a taller viewport can lay the page out again (plotly re-sizes on resize)
        content = page.evaluate("""() => Math.max(
          ...[...document.querySelectorAll('[data-testid="stMain"], '
                + '[data-testid="stSidebar"][aria-expanded="true"] [data-testid="stSidebarContent"]')]
             .map(e => e.scrollHeight), document.documentElement.scrollHeight)""")
        wanted = min(max(size["height"], int(content)), 12_000)
        if wanted == height:
            break
        height = wanted
        page.set_viewport_size({"width": size["width"], "height": height})
        wait_for_run(page, settle_ms=300)
    page.screenshot(path=path, full_page=True, animations="disabled")
    if height != size["height"]:
        page.set_viewport_size(size)
        wait_for_run(page, settle_ms=200)
    return path


# --- accessibility --------------------------------------------------------------------------------
# Rules switched off for one element of Streamlit's own making that the app cannot change; each
# entry says which element and why. Everything else is checked on every page.
AXE_EXCLUDE: list[list[str]] = []
AXE_DISABLED_RULES: dict[str, str] = {}


def axe_violations(page: Page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (WCAG 2 A/AA and best practices) on the page; the violations of `impacts`."""
    if not AXE.exists():
        raise FileNotFoundError(f"{AXE} missing: run `npm ci` (make test does) to install axe-core")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"],
               "rules": {rule: {"enabled": False} for rule in AXE_DISABLED_RULES}}
    result = page.evaluate("""async ([exclude, options]) => {
        const found = await axe.run(exclude.length ? {exclude: exclude} : document, options);
        return found.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                    summary: n.failureSummary}))}));
    }""", [AXE_EXCLUDE, options])
    return [v for v in result if v["impact"] in impacts]
