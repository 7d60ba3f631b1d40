"""More than one server on one data folder (docs/deployment.md). A snapshot committed through one
server's Data page shows on another server that had already drawn the old figures, on its next run
and without a restart. The example deployment (deploy/serve-many.sh behind deploy/nginx.conf,
rendered for the test's ports) serves the app through the proxy: the charts draw, the websocket
stays up, every request of one browser reaches one process, and new browsers reach every process."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from charts.labels import region_short_name
from i18n import format_number, t
from store import Store
from tests.browser.harness import (
    ADMIN_PASSWORD,
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGE_CHARTS,
    REPO,
    app_pages,
    chart_titles,
    charts,
    commit_through_data_page,
    copy_demo_data,
    error_boxes,
    free_ports,
    metric_values,
    new_context,
    open_view,
    raised_region_upload,
    stop,
    streamlit_server,
    wait_for_run,
    wait_until_healthy,
    wait_until_rerun,
    watch_page,
)
from tests.browser.harness import Watch as PageWatch
from tools.deploy_local import nginx_main_config, render_site

pytestmark = pytest.mark.browser
PAGES = app_pages()
LAPTOP = (1366, 900)
SEEN_WITHIN_SECONDS = 10      # a commit through one server shows on another on a run this soon after
SERVE_MANY = REPO / "deploy" / "serve-many.sh"
PROXY_HOST = "matra.test"     # not a local name: Streamlit must accept the websocket by its Host header


# --- a commit through server A --------------------------------------------------------------------
def raised_region_file(data_dir: Path, tmp_path: Path) -> tuple[str, int, str, str]:
    """harness.raised_region_upload as (file, year, region code, name as the overview shows it)."""
    path, year, region = raised_region_upload(data_dir, tmp_path)
    return path, year, region["region_code"], region_short_name(region["name"])


def shown_after(read: Callable[[], str], wanted: str) -> str:
    """Ask again (`read` makes the server run the page) until it shows `wanted`, or
    SEEN_WITHIN_SECONDS pass; the last value read."""
    deadline = time.monotonic() + SEEN_WITHIN_SECONDS
    while True:
        value = read()
        if value == wanted or time.monotonic() > deadline:
            return value
        time.sleep(0.5)


@pytest.mark.skipif("data" not in PAGES, reason="the data page (pages/data.py) is not in app.py yet")
def test_a_commit_through_one_server_shows_on_the_other_without_a_restart(browser, tmp_path_factory, tmp_path):
    data_dir = copy_demo_data(tmp_path_factory.mktemp("two-servers") / "data")
    upload, year, code, name = raised_region_file(data_dir, tmp_path)
    riser = t("overview.metric_riser", "en")
    with streamlit_server(data_dir, "two-a") as server_a, streamlit_server(data_dir, "two-b") as server_b:
        context, watch = new_context(browser, LAPTOP)
        try:
            # B draws the old figures first: its database, caches and sessions are warm.
            overview = open_view(context, watch, server_b.link(PAGES["overview"], lang="en"), charts=2)
            region = open_view(context, watch, server_b.link(PAGES["region"], region=code, year=year, stage="II",
                                                             lang="en"), charts=4)
            assert metric_values(overview)[riser] != name
            index_before = metric_values(region)[t("region.metric_index", "en", year=year)]

            commit_through_data_page(context, watch, server_a, upload)
            new_index = Store(data_dir).ranking(year, "II").set_index("region_code").loc[code, "index"]
            assert format_number(new_index, "en") != index_before

            # A fresh session on B (the overview reloaded) ...
            def overview_riser() -> str:
                overview.reload()
                wait_for_run(overview, 2)
                return metric_values(overview)[riser]

            assert shown_after(overview_riser, name) == name

            # ... and the next run of a session B already had open (a language switch) show it.
            region.locator('[data-testid="stSidebar"] label').filter(has_text="Bahasa Indonesia").click()
            index_id = t("region.metric_index", "id", year=year)
            wait_until_rerun(region, "(label) => [...document.querySelectorAll('[data-testid=\"stMetricLabel\"]')]"
                                     ".some(m => m.innerText.trim() === label)", index_id)
            assert metric_values(region)[index_id] == format_number(new_index, "id")

            assert server_b.process.poll() is None   # the same process all along: no restart
            assert error_boxes(overview) == error_boxes(region) == [] and watch.problems() == {}
        finally:
            context.close()


# --- the example deployment -----------------------------------------------------------------------
# deploy/nginx.conf rendered for the test's ports (its upstream servers and its `listen` line; the
# static root stays the documented folder, absent here, so /static/ falls back to the app) and the
# smallest main config around it: the same rendering as `make deploy-local` (tools/deploy_local.py).


@contextmanager
def serve_many(data_dir: Path, ports: list[int], log: Path) -> Iterator[subprocess.Popen]:
    """deploy/serve-many.sh on `ports` against `data_dir`, until every server is healthy; stopped
    with SIGTERM on exit (its process group killed only if it does not stop)."""
    env = {**os.environ, "MATRA_DATA_DIR": str(data_dir), "MATRA_ADMIN_PASSWORD": ADMIN_PASSWORD,
           "PYTHON": sys.executable, "MATRA_USER": "browser-suite"}
    with log.open("wb") as out:
        script = subprocess.Popen(["bash", str(SERVE_MANY), *map(str, ports)], cwd=REPO, env=env, stdout=out,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        for port in ports:
            wait_until_healthy(f"http://127.0.0.1:{port}", script, log)
        yield script
    finally:
        script.send_signal(signal.SIGTERM)
        try:
            script.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(script.pid, signal.SIGKILL)
            script.wait()


@contextmanager
def nginx_proxy(folder: Path, app_ports: list[int], proxy_port: int) -> Iterator[Path]:
    """nginx with the rendered example in front of `app_ports`; yields its access log."""
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")   # sbin: off a user's PATH
    if nginx is None:
        pytest.fail("nginx missing: `make system-deps` installs Debian nginx")
    folder.mkdir(parents=True, exist_ok=True)
    site = folder / "matra.conf"
    site.write_text(render_site(app_ports, f"127.0.0.1:{proxy_port}"))
    main = folder / "nginx.conf"
    main.write_text(nginx_main_config(folder, site))
    checked = subprocess.run([nginx, "-t", "-p", str(folder), "-c", str(main)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([nginx, "-p", str(folder), "-c", str(main)], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_until_healthy(f"http://127.0.0.1:{proxy_port}", process, folder / "error.log", seconds=20)
        yield folder / "access.log"
    finally:
        stop(process)


def routes(access_log: Path) -> list[tuple[str, str, str, str]]:
    """(route key, upstream address, status, URI) of every logged request."""
    return [tuple(line.split(" ", 3)) for line in access_log.read_text().splitlines() if line.count(" ") >= 3]


def accepts(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_the_example_proxy_keeps_each_browser_on_one_of_two_processes(browser, tmp_path_factory, tmp_path):
    data_dir = copy_demo_data(tmp_path_factory.mktemp("behind-proxy") / "data")
    *app_ports, proxy_port = free_ports(3)
    upstreams = {f"127.0.0.1:{port}" for port in app_ports}
    ARTIFACTS.mkdir(exist_ok=True)
    with serve_many(data_dir, app_ports, ARTIFACTS / "serve-many.log"), \
            nginx_proxy(tmp_path / "nginx", app_ports, proxy_port) as access_log:
        # New browsers (no route cookie yet) are spread over the processes, each told its key.
        for _ in range(16):
            with urllib.request.urlopen(f"http://127.0.0.1:{proxy_port}/_stcore/health", timeout=10) as answer:
                assert answer.status == 200
                assert any(cookie.startswith("matra_route=") for cookie in answer.headers.get_all("Set-Cookie"))
        assert {upstream for _, upstream, _, _ in routes(access_log)} == upstreams

        # One browser, under a host name that is not local (resolved to this machine by chromium only).
        chromium = browser.browser_type.launch(executable_path=CHROMIUM, args=[
            *CHROMIUM_ARGS, f"--host-resolver-rules=MAP {PROXY_HOST} 127.0.0.1, EXCLUDE localhost"])
        try:
            context = chromium.new_context(viewport={"width": LAPTOP[0], "height": LAPTOP[1]}, locale="id-ID",
                                           timezone_id="Asia/Jakarta", service_workers="block")
            context.set_default_timeout(60_000)
            outside: list[str] = []
            context.route(re.compile(rf"^(?!https?://({re.escape(PROXY_HOST)}|127\.0\.0\.1|localhost)[:/])"
                                     r"(?!data:|blob:)"), lambda route: (outside.append(route.request.url),
                                                                         route.abort("blockedbyclient")))
            watch, sockets = PageWatch(), []
            page = context.new_page()
            watch_page(page, watch)
            page.on("websocket", lambda socket_: sockets.append(socket_))
            page.goto(f"http://{PROXY_HOST}:{proxy_port}/?lang=id", wait_until="domcontentloaded")
            drawn = wait_for_run(page, PAGE_CHARTS["overview"])
            assert len(drawn) >= PAGE_CHARTS["overview"]
            assert all(chart["svg"] and chart["marks"] > 0 for chart in drawn), drawn

            # A rerun over the same websocket: the language switch retitles the charts.
            before = chart_titles(page)
            page.locator('[data-testid="stSidebar"] label').filter(has_text="English").click()
            wait_until_rerun(page, "(before) => [...document.querySelectorAll('.js-plotly-plot .gtitle')]"
                                   ".some(title => !before.includes(title.textContent))", before)
            assert len(charts(page)) == len(before) and chart_titles(page) != before
            page.wait_for_timeout(3000)   # the socket outlives a few quiet seconds too
            connection = page.evaluate("() => document.querySelector('[data-testid=\"stApp\"]')"
                                       ".dataset.testConnectionState")
            assert connection == "CONNECTED"
            assert len(sockets) == 1 and not sockets[0].is_closed(), [s.url for s in sockets]
            assert urlsplit(sockets[0].url).hostname == PROXY_HOST
            assert error_boxes(page) == []
            foreign = [url for url in watch.foreign_requests if urlsplit(url).hostname != PROXY_HOST]
            assert (watch.console_errors, watch.page_errors, watch.dialogs, foreign, outside) == ([], [], [], [], [])
            route = next(c["value"] for c in context.cookies() if c["name"] == "matra_route")
            context.close()
        finally:
            chromium.close()

        # Every request of that browser, the websocket included (logged when it closed), reached one process.
        deadline = time.monotonic() + 10
        while not any(uri.startswith("/_stcore/stream") for key, _, _, uri in routes(access_log) if key == route):
            assert time.monotonic() < deadline, "the websocket never reached the access log"
            time.sleep(0.2)
        mine = [(upstream, status, uri) for key, upstream, status, uri in routes(access_log) if key == route]
        assert len({upstream for upstream, _, _ in mine}) == 1, mine
        assert mine[0][0] in upstreams
        assert ("101", "/_stcore/stream") in {(status, uri) for _, status, uri in mine}
    assert not any(accepts(port) for port in app_ports)   # serve-many.sh stopped every process it started
