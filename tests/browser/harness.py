"""The pieces of the browser suite: a Streamlit server on a free local port, Debian chromium, a
watch on every page (console errors, uncaught errors, dialogs, non-local requests), the wait for a
finished Streamlit run with drawn charts, full-length screenshots, and axe-core.

Nothing here downloads a browser: Playwright drives the Debian chromium that `make system-deps`
installs, and axe-core comes from ./node_modules (`npm ci`, run by `make test`).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pandas as pd
from playwright.sync_api import BrowserContext, ConsoleMessage, Dialog, Locator, Page, Request, Route, WebSocket

from tools import deploy_local

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
# Root in a container needs --no-sandbox; the rest keep chromium off the network (this machine's
# network is closed, and a test must never depend on Google's services).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ADMIN_PASSWORD = "browser-suite-admin"
SIZES = {"laptop": (1366, 768), "projector": (1920, 1080), "phone": (390, 844)}
LANGS = ("id", "en")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
RUN_TIMEOUT_MS = 60_000
# Charts each known page draws on the demo data (pages/*.py); a page not listed here (one added
# later) must draw at least the charts it shows once its run has settled.
PAGE_CHARTS = {"overview": 2, "region": 5, "compare": 3, "gaps": 2, "plan": 2, "readiness": 2, "trends": 3, "method": 0,
               "present": 0, "data": 0}


def app_pages() -> dict[str, str]:
    """Every st.Page of app.py, in navigation order: page module name -> URL path ("" for the
    default page, which Streamlit serves at the root)."""
    found = []
    for node in ast.walk(ast.parse((REPO / "app.py").read_text())):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Page" and node.args
                and isinstance(node.args[0], ast.Constant)):
            continue
        keywords = {k.arg: k.value.value for k in node.keywords if isinstance(k.value, ast.Constant)}
        name = Path(node.args[0].value).stem
        path = "" if keywords.get("default") else keywords.get("url_path", name)
        found.append((node.lineno, name, path))
    return {name: path for _, name, path in sorted(found)}


# --- the server -----------------------------------------------------------------------------------
@dataclass
class Server:
    url: str
    data_dir: Path
    log: Path
    process: subprocess.Popen

    def link(self, path: str, **params) -> str:
        query = urlencode({k: v for k, v in params.items() if v is not None})
        return f"{self.url}/{path.strip('/')}" + (f"?{query}" if query else "")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_demo_data(target: Path) -> Path:
    shutil.copytree(REPO / "data", target, ignore=shutil.ignore_patterns(".matra.lock"))
    return target


@contextmanager
def streamlit_server(data_dir: Path, name: str) -> Iterator[Server]:
    """`streamlit run app.py` on a free port against `data_dir`; stopped (and reaped) on exit."""
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"server-{name}.log"
    env = {**os.environ, "MATRA_DATA_DIR": str(data_dir), "MATRA_ADMIN_PASSWORD": ADMIN_PASSWORD,
           "MATRA_USER": "browser-suite"}
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, log, seconds=60)
        yield Server(url=url, data_dir=data_dir, log=log, process=process)
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Terminate a server (or proxy) process and reap it; killed if it does not stop in 15 s."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# `free_ports(count)`: distinct free local ports, the deployment's own helper (one copy).
free_ports = deploy_local.free_ports


def wait_until_healthy(url: str, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    """Wait until the Streamlit server at `url` answers its health check; RuntimeError with the end
    of `log` when `process` (the server, or a script that starts it) exits or time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} not healthy after {seconds:g} s:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)


# --- the watch on a page --------------------------------------------------------------------------
def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname in LOCAL_HOSTS


# Streamlit's frontend looks for its server under each prefix of the page's path: on /region it
# first asks /region/_stcore/health and /region/_stcore/host-config (404, logged by chromium as
# "Failed to load resource"), then finds the server at /_stcore/... . That probe is how Streamlit
# supports a base URL path; it is the only console error we accept, and only for those two URLs.
_BASE_PATH_PROBE = re.compile(r"^https?://[^/]+/[\w-]+(?:/[\w-]+)*/_stcore/(?:health|host-config)$")


def benign(message: ConsoleMessage) -> bool:
    return (message.text.startswith("Failed to load resource: the server responded with a status of 404")
            and bool(_BASE_PATH_PROBE.match(message.location.get("url", ""))))


@dataclass
class Watch:
    """What a page did that it should not: every list must stay empty."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        return {name: values for name, values in vars(self).items() if values}

    def clear(self) -> None:
        for values in vars(self).values():
            values.clear()


def block_foreign_requests(context: BrowserContext, watch: Watch) -> None:
    """Abort (and record) every request that leaves this machine; local ones never reach Python."""
    def abort(route: Route) -> None:
        if route.request.url not in watch.foreign_requests:
            watch.foreign_requests.append(route.request.url)
        route.abort("blockedbyclient")

    context.route(re.compile(r"^(?!https?://(127\.0\.0\.1|localhost)[:/])(?!data:|blob:)"), abort)


def watch_page(page: Page, watch: Watch) -> Watch:
    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and not benign(message):
            watch.console_errors.append(f"{message.text} @ {message.location.get('url', '')}")

    def on_dialog(dialog: Dialog) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_request(request: Request) -> None:
        if not is_local(request.url) and request.url not in watch.foreign_requests:
            watch.foreign_requests.append(request.url)

    def on_websocket(socket_: WebSocket) -> None:
        if not is_local(socket_.url.replace("ws://", "http://").replace("wss://", "https://")):
            watch.foreign_requests.append(socket_.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    page.on("dialog", on_dialog)
    page.on("request", on_request)
    page.on("websocket", on_websocket)
    return watch


def new_context(browser, size: tuple[int, int]) -> tuple[BrowserContext, Watch]:
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID",
                                  timezone_id="Asia/Jakarta", service_workers="block")
    context.set_default_timeout(RUN_TIMEOUT_MS)
    watch = Watch()
    block_foreign_requests(context, watch)
    return context, watch


def open_view(context: BrowserContext, watch: Watch, url: str, charts: int | None = None) -> Page:
    """A new tab on `url`, returned once Streamlit's run has finished and its charts are drawn."""
    page = context.new_page()
    watch_page(page, watch)
    page.goto(url, wait_until="domcontentloaded")
    wait_for_run(page, charts)
    return page


class Tab:
    """One tab in one language at one screen size that goes from page to page through the sidebar,
    as a reader does: the first page is loaded from its URL, the next ones by clicking their link
    in the navigation (a Streamlit rerun in the same session, not a reload)."""

    def __init__(self, browser, server: Server, lang: str, size: tuple[int, int]):
        self.server, self.lang = server, lang
        self.context, self.watch = new_context(browser, size)
        self.page = self.context.new_page()
        watch_page(self.page, self.watch)

    def visit(self, path: str, charts: int | None = None) -> Page:
        """Show the page at URL `path`; the watch then holds only what happened since."""
        self.watch.clear()
        page = self.page
        if urlsplit(page.url).path.strip("/") == path or page.url == "about:blank":
            page.goto(self.server.link(path, lang=self.lang), wait_until="domcontentloaded")
        else:
            before = title(page)
            clicked = page.evaluate("""(path) => {
              const link = [...document.querySelectorAll('[data-testid="stSidebarNav"] a')]
                .find(a => new URL(a.href).pathname.replace(/^\\/+|\\/+$/g, '') === path);
              if (link) link.click();
              return !!link; }""", path.strip("/"))
            assert clicked, f"no link to /{path} in the navigation"
            page.wait_for_function("""(before) => { const h1 = document.querySelector('[data-testid="stMain"] h1');
                return (!!h1 && h1.innerText.trim() !== before)
                       || !!document.querySelector('[data-testid="stException"]'); }""", arg=before)
        wait_for_run(page, charts)
        return page

    def close(self) -> None:
        self.context.close()


class Tabs:
    """At most one open Tab: asking for another language or size closes the one before."""

    def __init__(self, browser, server: Server):
        self.browser, self.server = browser, server
        self.key, self.tab = None, None

    def get(self, lang: str, size: tuple[int, int]) -> Tab:
        if self.key != (lang, size):
            self.discard()
            self.key, self.tab = (lang, size), Tab(self.browser, self.server, lang, size)
        return self.tab

    def discard(self) -> None:
        if self.tab is not None:
            self.tab.close()
        self.key, self.tab = None, None


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


# --- an administrator's upload ------------------------------------------------------------------------
def raised_region_upload(data_dir: Path, tmp_path: Path) -> tuple[str, int, pd.Series]:
    """The latest stage II snapshot with its lowest-ranked region that has a previous year raised to
    the framework's top level everywhere, as the CSV an administrator would upload: (file, year, the
    region's ranking row).
    That region becomes the top riser once the file is committed."""
    from store import Store

    store = Store(data_dir)
    year = max(store.years("II"))
    rows = pd.read_parquet(store.snapshots_dir / store.active_snapshot(year, "II").path)
    ranking = store.ranking(year, "II")
    region = ranking[ranking["improvement"].notna()].iloc[-1]
    top = store.framework_for(year).max_level
    rows.loc[rows["region_code"] == region["region_code"], ["level", "claimed_level", "evidence"]] = \
        [top, top, "verified"]
    path = tmp_path / f"hasil-{year}-II.csv"
    rows.to_csv(path, index=False)
    return str(path), year, region


def commit_through_data_page(context: BrowserContext, watch: Watch, server: Server, upload: str,
                             name: str = "Browser Suite") -> None:
    """Sign in as administrator on the server's Data page, upload `upload`, commit it and wait for
    the success line (the words after the snapshot id: its first words alone also name the page's
    snapshot history)."""
    from i18n import t

    page = open_view(context, watch, server.link(app_pages()["data"], lang="en"))
    page.get_by_label(t("data.name", "en")).fill(name)
    page.get_by_label(t("data.password", "en"), exact=True).fill(ADMIN_PASSWORD)
    page.get_by_role("button", name=t("data.signin", "en")).click()
    page.get_by_text(t("auth.signed_in_as", "en", name=name, role=t("auth.role_admin", "en"))).wait_for()
    wait_for_run(page)
    uploader = page.get_by_role("region", name=t("data.upload_file", "en"), exact=True)
    uploader.locator('input[type="file"]').set_input_files(upload)
    commit = page.get_by_role("button", name=t("data.commit", "en"))
    commit.wait_for()
    wait_for_run(page)
    commit.click()
    page.get_by_text(t("data.committed", "en", id="\0").split("\0")[1].strip()).first.wait_for()
    wait_for_run(page)
    assert error_boxes(page) == []
    page.close()
