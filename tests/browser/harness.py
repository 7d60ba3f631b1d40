"""The pieces of the browser suite: a Streamlit server on a free local port, Debian chromium, a
watch on every page (console errors, uncaught errors, dialogs, non-local requests), the wait for a
finished Streamlit run with drawn charts, full-length screenshots, and axe-core.

Nothing here downloads a browser: Playwright drives the Debian chromium that `make system-deps`
installs, and axe-core comes from ./node_modules (`npm ci`, run by `make test`).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
from playwright.sync_api import BrowserContext, ConsoleMessage, Dialog, Page, Request, Route, WebSocket

from tests.browser import reading
from tests.browser.reading import (  # noqa: F401 (re-exported: the browser tests import them from harness)
    RUN_TIMEOUT_MS,
    SCREENSHOTS,
    axe_violations,
    chart_titles,
    error_boxes,
    metric_values,
    open_options,
    screenshot,
    title,
    wait_for_run,
    wait_until_rerun,
)
from tests.browser.servers import (  # noqa: F401 (re-exported: the browser tests import them from harness)
    ADMIN_PASSWORD,
    ARTIFACTS,
    Server,
    copy_demo_data,
    free_port,
    free_ports,
    stop,
    streamlit_server,
    wait_until_healthy,
)

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# Root in a container needs --no-sandbox; the rest keep chromium off the network (this machine's
# network is closed, and a test must never depend on Google's services).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SIZES = {"laptop": (1366, 768), "projector": (1920, 1080), "phone": (390, 844)}
LANGS = ("id", "en")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
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


# Read by the browser tests from harness too; assigned here, after Tab.visit's `charts` argument.
charts = reading.charts
