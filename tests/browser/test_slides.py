"""Slides for the room, in chromium: every slide of an agenda that holds each kind of view fits a
1280x720 and a 1920x1080 screen without scrolling (heading, charts, legend, captions and the
controls inside the viewport), its text is large, the Previous/Next/Leave buttons show their whole
label, no chart text is cut or overlaps another (the check of test_legibility.py), and the keys a
presentation clicker sends (PageDown/PageUp) and the arrow keys move between
slides, in Indonesian and English. A screenshot of each slide is kept in test-artifacts/screenshots/.

The slides are driven as in the room: the first one is opened from the agenda's link, the next ones
by pressing keys (a Streamlit rerun in the same tab, not a page load)."""

from __future__ import annotations

import pytest

from reports.agenda import Agenda, AgendaItem, encode
from store import Store
from store.scenarios import Scenario
from tests.browser.harness import LANGS, SCREENSHOTS, charts, error_boxes, new_context
from tests.browser.test_legibility import chart_problems, measure

pytestmark = pytest.mark.browser
SLIDE_SIZES = {"720p": (1280, 720), "1080p": (1920, 1080)}
ITEMS = (AgendaItem("overview", {"province": "35"}), AgendaItem("region", {"region": "35.09"}),
         AgendaItem("compare", {"regions": "35.09,35.78,35.73"}), AgendaItem("gaps", {"region": "35.09"}),
         AgendaItem("trends", {"regions": "35.09,35.78", "dimension": "GOV"}),
         AgendaItem("claims", {"region": "35.09"}), AgendaItem("plan", {"region": "35.09"}),
         AgendaItem("scenario", {"region": "35.09"}))   # the scenario's id is added once it is saved
KINDS = ("title", *(item.view for item in ITEMS), "notes")   # slide number n shows KINDS[n - 1]
CHARTS = {"title": 0, "notes": 0, "scenario": 0}             # every other slide draws one chart
MIN_TEXT_PX = {"720p": 16, "1080p": 22}   # HTML text of a slide (the root font follows the screen)
MIN_CHART_TEXT_PX = 14                    # SVG text of its charts (plotly sizes in px)
MIN_FOOTER_PX = {"720p": 20, "1080p": 30}  # the frozen-data line at the foot: read from the back of a room
CONTROLS = ("present_previous", "present_next", "present_language", "present_leave")

_SLIDE_SHOWN = """(number) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const counter = document.querySelector('.st-key-slide_controls h3');
  return !!app && app.dataset.testScriptState === 'notRunning' && app.dataset.testConnectionState === 'CONNECTED'
    && !document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"]')
    && !!counter && counter.innerText.trim().startsWith(number + ' /');
}"""

# Where the slide ends, against the screen: the scroll containers' heights, the lowest and rightmost
# edge of anything drawn in the main area (elements, texts, the charts' SVG text), and the smallest
# text, both HTML and SVG.
_MEASURE = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const shown = [...main.querySelectorAll('[data-testid="stElementContainer"], p, li, h1, h2, h3, '
                 + '[data-testid="stMetricValue"], .js-plotly-plot svg text, button')]
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
  const rects = shown.map(e => e.getBoundingClientRect());
  const size = e => parseFloat(getComputedStyle(e).fontSize);
  const htmlTexts = shown.filter(e => !(e instanceof SVGElement) && /^(P|LI|H1|H2|H3)$/.test(e.tagName)
                                 && e.innerText.trim() && !e.closest('[data-testid="stAlert"]'));
  const svgTexts = shown.filter(e => e instanceof SVGElement && e.textContent.trim());
  return {scroll: main.scrollHeight, client: main.clientHeight, page: document.documentElement.scrollHeight,
          pageWidth: document.documentElement.scrollWidth,
          bottom: Math.max(...rects.map(r => r.bottom)), right: Math.max(...rects.map(r => r.right)),
          top: Math.min(...rects.map(r => r.top)),
          htmlText: Math.min(...htmlTexts.map(size)), svgText: Math.min(...svgTexts.map(e => size(e)), 99),
          height: window.innerHeight, width: window.innerWidth};
}"""

# The footer line: its type size and how many lines it takes.
_FOOTER = """() => {
  const line = document.querySelector('.st-key-slide_footer p');
  if (!line) return null;
  const size = parseFloat(getComputedStyle(line).fontSize);
  return {size, lines: Math.round(line.getBoundingClientRect().height / parseFloat(getComputedStyle(line).lineHeight
                                                                                     || size * 1.4)),
          text: line.innerText};
}"""

# A control's label is cut when any part of the button holds more than it shows (an ellipsis).
_CUT_LABELS = """(keys) => keys.map(key => {
  const button = [...document.querySelectorAll(`.st-key-${key} button`)].find(shown => shown.offsetWidth > 0);
  if (!button) return [key, 'missing'];
  const cut = [button, ...button.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1);
  return cut ? [key, button.innerText] : null;
}).filter(Boolean)"""


@pytest.fixture(scope="module")
def agenda_link(demo_server):
    store = Store(demo_server.data_dir)
    top = store.framework_for(2025).max_level
    scenario = store.save_scenario(Scenario("35.09", "Verifikasi dua indikator tata kelola", 2025, "II",
                                            {"GOV.LP.01": top, "GOV.KP.03": "verify"}, ("ENV-01",)))
    items = (*ITEMS[:-1], AgendaItem("scenario", {"region": "35.09", "scenario": scenario.id}))
    agenda = Agenda("Rakor Smart City Jawa Timur", 2025, "II", "id", tuple(store.current_snapshot_ids()), items)
    return lambda lang, slide=1: demo_server.link("present", agenda=encode(agenda), mode="slides", slide=slide,
                                                  lang=lang)


def wait_for_slide(page, number: int, charts_expected: int) -> None:
    """Until slide `number` is shown, its run is over and its charts are drawn and settled."""
    page.wait_for_function(_SLIDE_SHOWN, arg=number)
    last = None
    for _ in range(100):
        found = charts(page)
        signature = [(c["marks"], c["width"], c["height"]) for c in found]
        if len(found) >= charts_expected and all(c["svg"] and c["marks"] for c in found) and signature == last:
            return
        last = signature
        page.wait_for_timeout(250)


def slide_problems(page, size: str) -> dict:
    """What keeps the shown slide from fitting the screen or being read: empty when it is right."""
    found = page.evaluate(_MEASURE)
    problems = {}
    if found["scroll"] > found["client"] or found["page"] > found["height"]:
        problems["scrolls"] = (found["scroll"], found["client"], found["page"])
    if found["bottom"] > found["height"] + 0.5 or found["top"] < -0.5:
        problems["below or above the screen"] = (round(found["top"]), round(found["bottom"]), found["height"])
    if found["right"] > found["width"] + 0.5 or found["pageWidth"] > found["width"]:
        problems["past the right edge"] = (round(found["right"]), found["pageWidth"], found["width"])
    if found["htmlText"] < MIN_TEXT_PX[size]:
        problems["small text"] = found["htmlText"]
    if found["svgText"] < MIN_CHART_TEXT_PX:
        problems["small chart text"] = found["svgText"]
    cut = page.evaluate(_CUT_LABELS, list(CONTROLS))
    if cut:
        problems["cut labels"] = cut
    footer = page.evaluate(_FOOTER)
    if footer is None or footer["size"] < MIN_FOOTER_PX[size] or footer["lines"] > 1:
        problems["footer"] = footer
    if page.locator(".modebar").count():   # plotly's toolbar: nothing for a room to click
        problems["chart toolbar"] = page.locator(".modebar").count()
    return problems


def press(page, key: str, number: int) -> None:
    page.keyboard.press(key)
    wait_for_slide(page, number, CHARTS.get(KINDS[number - 1], 1))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", SLIDE_SIZES)
def test_every_slide_fits_the_screen_and_keys_move_through_them(browser, agenda_link, size, lang):
    context, watch = new_context(browser, SLIDE_SIZES[size])
    try:
        page = context.new_page()
        page.goto(agenda_link(lang), wait_until="domcontentloaded")
        wait_for_slide(page, 1, 0)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        problems = {}
        for number, kind in enumerate(KINDS, start=1):
            if number > 1:   # a keyboard's arrow and a clicker's PageDown, in turn
                press(page, "ArrowRight" if number % 2 else "PageDown", number)
            shown = charts(page)
            assert error_boxes(page) == [], (kind, error_boxes(page))
            assert len(shown) == CHARTS.get(kind, 1) and all(chart["marks"] > 0 for chart in shown), (kind, shown)
            page.screenshot(path=SCREENSHOTS / f"slide-{lang}-{size}-{number}-{kind}.png")
            if found := slide_problems(page, size):
                problems[f"{number} {kind}"] = found
            for chart in measure(page):   # the same text-box check as every page's charts
                if illegible := chart_problems(chart):
                    problems[f"{number} {kind}: {chart['name']}"] = illegible
        assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())

        assert page.locator(".st-key-present_next button >> visible=true").is_disabled()
        press(page, "PageUp", len(KINDS) - 1)
        press(page, "ArrowLeft", len(KINDS) - 2)
        assert page.locator(".st-key-slide_controls h3").inner_text().startswith(f"{len(KINDS) - 2} /")
        assert watch.problems() == {}
    finally:
        context.close()


def test_keys_typed_into_a_field_do_not_turn_the_slide(browser, agenda_link):
    """Arrow keys that edit text stay in the field; the same key outside it turns the slide."""
    context, watch = new_context(browser, SLIDE_SIZES["720p"])
    try:
        page = context.new_page()
        page.goto(agenda_link("en", slide=3), wait_until="domcontentloaded")
        wait_for_slide(page, 3, 1)
        page.evaluate("""() => { const field = document.createElement('input'); field.id = 'typed';
            field.value = 'abc'; document.querySelector('[data-testid="stMain"]').prepend(field); }""")
        page.focus("#typed")
        for key in ("ArrowLeft", "ArrowRight", "PageDown", "PageUp"):
            page.keyboard.press(key)
        page.wait_for_timeout(1500)
        assert page.locator(".st-key-slide_controls h3").inner_text().startswith("3 /")
        page.locator("#typed").evaluate("field => field.blur()")
        press(page, "ArrowLeft", 2)
        assert watch.problems() == {}
    finally:
        context.close()
