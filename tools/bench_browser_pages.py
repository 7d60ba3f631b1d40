"""What a person waits for in Chromium (used by tools/bench_browser.py): a fresh session's page
load until the first chart and until all charts are drawn, a sidebar click, a filter change, a
PDF download, and N sessions opening a page at once.

Times are taken inside the page: a predicate polled on every animation frame records
`performance.now()` the first time it holds. For a page load that is the time since the
navigation started (the browser's own clock, no Python round trip); for a click, the time since
the click. "Drawn" means what the browser suite (tests/browser/harness.py) means: plotly's svg is
in the chart box with at least one mark (point, line, bar, heatmap image) in it; "all charts" adds
that Streamlit's run has finished, nothing is stale, and at least the page's known chart count
is there.

Debian /usr/bin/chromium, driven by Playwright; nothing is downloaded.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field

CHROMIUM = "/usr/bin/chromium"
# As tests/browser/harness.py: root in a container needs --no-sandbox; the rest keep chromium off
# the network (the machine's network is closed).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1366, "height": 768}
WAIT_MS = 60_000

_STATE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  const boxes = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .filter(box => !box.closest('[data-stale="true"]'));
  const drawn = boxes.filter(box => {
    const plot = box.querySelector('.js-plotly-plot');
    if (!plot || !plot.querySelector('svg.main-svg')) return false;
    return [...plot.querySelectorAll('g.trace path.point, g.trace path.js-line, g.trace.bars g.point path, '
                                     + 'g.hm image, g.trace path.js-fill')]
      .some(m => m.tagName === 'image' || (m.getAttribute('d') || '').length > 2);
  });
  const finished = !!app && app.dataset.testScriptState === 'notRunning'
    && app.dataset.testConnectionState === 'CONNECTED'
    && !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]') && !!h1;
  return {charts: boxes.length, drawn: drawn.length, finished, title: h1 ? h1.innerText.trim() : '',
          error: !!document.querySelector('[data-testid="stException"]')};
}"""

# Holds when the page shows what `mode` asks ("first": one chart drawn; "all": the run finished
# and `expected` charts drawn), under a title other than `before` when one is given; records when.
_WAIT = f"""([mode, expected, before]) => {{
  const s = ({_STATE})();
  if (before !== null && s.title === before && !s.error) return false;
  const ok = s.error || (mode === 'first' ? s.drawn >= 1
                                          : s.finished && s.charts >= expected && s.drawn === s.charts);
  if (ok) {{ window.__benchAt = performance.now(); window.__benchError = s.error; }}
  return ok;
}}"""


@dataclass
class Timing:
    first: float | None = None     # seconds to the first chart drawn
    all: float | None = None       # seconds to every chart drawn and the run finished
    error: str = ""


@dataclass
class Load:
    """N sessions opening a page at once."""

    timings: list[Timing] = field(default_factory=list)
    wall: float = 0.0


async def new_context(browser, **options):
    context = await browser.new_context(viewport=VIEWPORT, locale="id-ID", timezone_id="Asia/Jakarta",
                                        service_workers="block", **options)
    context.set_default_timeout(WAIT_MS)
    # Anything that leaves this machine is aborted (none is expected; the browser suite checks that).
    await context.route(re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])(?!data:|blob:)"),
                        lambda route: route.abort("blockedbyclient"))
    return context


async def _mark(page, mode: str, expected: int, before: str | None, timeout: float) -> float:
    """Wait for `mode`; the page clock (ms) when it first held. RuntimeError on an exception box."""
    await page.wait_for_function(_WAIT, arg=[mode, expected, before], polling="raf", timeout=timeout)
    at, failed = await page.evaluate("() => [window.__benchAt, window.__benchError]")
    if failed:
        shown = await page.locator('[data-testid="stException"]').first.inner_text()
        raise RuntimeError(f"the page shows an exception: {' '.join(shown.split())[:160]}")
    return at


async def state(page) -> dict:
    return await page.evaluate(_STATE)


async def ready(page, expected: int, timeout: float = WAIT_MS) -> None:
    """Wait until the run has finished with `expected` charts drawn."""
    await _mark(page, "all", expected, None, timeout)


async def load(browser, url: str, expected: int, timeout: float = WAIT_MS) -> Timing:
    """A fresh context (no cookies, no cache) opens `url`: time to the first and to all charts."""
    context = await new_context(browser)
    timing = Timing()
    try:
        page = await context.new_page()
        await page.goto(url, wait_until="commit", timeout=timeout)
        if expected:
            timing.first = await _mark(page, "first", expected, None, timeout) / 1000
        timing.all = await _mark(page, "all", expected, None, timeout) / 1000
    except Exception as error:   # a benchmark reports a failed load; it does not stop
        timing.error = f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
    finally:
        await context.close()
    return timing


async def concurrent_loads(browser, url: str, expected: int, count: int, timeout: float) -> Load:
    """`count` fresh contexts (made first, not timed) open `url` at the same moment."""
    contexts = [await new_context(browser) for _ in range(count)]
    pages = [await context.new_page() for context in contexts]

    async def one(page) -> Timing:
        timing = Timing()
        try:
            await page.goto(url, wait_until="commit", timeout=timeout)
            timing.first = await _mark(page, "first", expected, None, timeout) / 1000
            timing.all = await _mark(page, "all", expected, None, timeout) / 1000
        except Exception as error:
            timing.error = f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
        return timing

    started = time.perf_counter()
    try:
        timings = await asyncio.gather(*(one(page) for page in pages))
        return Load(timings=list(timings), wall=time.perf_counter() - started)
    finally:
        for context in contexts:
            await context.close()


_CLICK_LINK = """(path) => {
  const link = [...document.querySelectorAll('[data-testid="stSidebarNav"] a')]
    .find(a => new URL(a.href).pathname.replace(/^\\/+|\\/+$/g, '') === path);
  if (!link) return null;
  const at = performance.now();
  link.click();
  return at;
}"""

_CLICK_OPTION = """([key, index]) => {
  const options = document.querySelectorAll(`.st-key-${key} [data-testid="stRadioOption"] input`);
  if (options.length <= index) return null;
  const at = performance.now();
  options[index].click();
  return at;
}"""


async def click_and_time(page, script: str, arg, expected: int, timeout: float = WAIT_MS) -> Timing:
    """Run a click `script` (returns the page clock at the click, null when nothing to click) and
    time until the new page title shows its first chart and all of them."""
    timing = Timing()
    try:
        before = (await state(page))["title"]
        clicked = await page.evaluate(script, arg)
        if clicked is None:
            raise RuntimeError(f"nothing to click for {arg!r}")
        if expected:
            timing.first = (await _mark(page, "first", expected, before, timeout) - clicked) / 1000
        timing.all = (await _mark(page, "all", expected, before, timeout) - clicked) / 1000
    except Exception as error:
        timing.error = f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
    return timing


async def navigate(page, path: str, expected: int) -> Timing:
    """Click the sidebar link to `path` (a rerun in the same session, not a reload)."""
    return await click_and_time(page, _CLICK_LINK, path.strip("/"), expected)


async def choose_option(page, key: str, index: int, expected: int) -> Timing:
    """Click option `index` of the radio with widget key `key` (e.g. the sidebar's stage)."""
    return await click_and_time(page, _CLICK_OPTION, [key, index], expected)


async def download_seconds(page, button_key: str, timeout: float = 180_000) -> tuple[float, int]:
    """Click the download button with widget key `button_key`; seconds until the file is saved and
    its size in bytes."""
    button = page.locator(f".st-key-{button_key} button")
    await button.scroll_into_view_if_needed()
    started = time.perf_counter()
    async with page.expect_download(timeout=timeout) as waiting:
        await button.click()
    download = await waiting.value
    path = await download.path()
    seconds = time.perf_counter() - started
    return seconds, path.stat().st_size
