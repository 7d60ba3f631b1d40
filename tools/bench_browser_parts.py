"""The parts of the browser benchmark that happen in one Chromium on the servers' own machine
(tools/bench_browser.py): server start to the first chart, the charts each page sends, fresh-session
page loads, sidebar navigation and a filter change, and the region page's PDF download. Each part
prints its rows through the report (tools/bench_report.py) beside the floor's."""

from __future__ import annotations

import asyncio
import math
import time
from pathlib import Path

from tools import bench_browser_pages as browser_part
from tools import bench_browser_ws as ws_part
from tools.bench_report import (
    GOALS,
    NAVIGATION,
    PAGES,
    Report,
    errors_of,
    median,
    ratio,
    seconds,
    spread,
    times,
    verdict,
)
from tools.bench_servers import Server, chromium_counts, start_server


async def server_start(browser, logs: Path, report: Report, extra: tuple[str, ...] = ()) -> dict[str, Server]:
    """Start the floor, then the app (one at a time), each timed to its first chart in a browser."""
    report.heading("Server start -> first chart (process start to the first chart drawn in a fresh tab)")
    servers, firsts = {}, {}
    for name in ("floor", "app"):
        server = start_server(name, logs, extra)
        servers[name] = server
        timing = await browser_part.load(browser, server.url, 1, timeout=120_000)
        first = time.perf_counter() - server.started if timing.first is not None else math.nan
        firsts[name] = (first, server.healthy, timing.error)
    app, floor = firsts["app"], firsts["floor"]
    report.add("start", "health answers", seconds(app[1]), seconds(floor[1]), times(ratio(app[1], floor[1])))
    report.add("start", "first chart", seconds(app[0]), seconds(floor[0]), times(ratio(app[0], floor[0])),
               f"<= {GOALS['start']:.0f} s", verdict(app[0], GOALS["start"]), f"{seconds(app[0])} s")
    for name, (_, _, error) in firsts.items():
        if error:
            report.notes.append(f"{name} start: {error}")
    return servers


async def discover_charts(servers: dict[str, Server]) -> dict[str, int]:
    """The plotly charts each page sends, from one websocket run per page (which also warms the
    server's caches). Counted from the server's messages, not the DOM: Streamlit loads plotly.js
    lazily, so a chart box appears seconds after the run has finished."""
    counts = {}
    for name, path in PAGES.items():
        counts[name] = (await ws_part.page_run(servers["app"].url, path)).charts
    counts["floor/one"] = (await ws_part.page_run(servers["floor"].url, "")).charts
    return counts


async def page_loads(browser, servers, counts, repeat: int, report: Report) -> dict[str, list]:
    """Fresh context per load; app pages and the floor in turn, so load on the machine hits both."""
    results: dict[str, list] = {name: [] for name in PAGES} | {"floor": []}
    for _ in range(repeat):
        results["floor"].append(await browser_part.load(browser, servers["floor"].url, counts["floor/one"]))
        for name, path in PAGES.items():
            results[name].append(await browser_part.load(browser, f"{servers['app'].url}/{path}", counts[name]))
    floor_first = median([t.first for t in results["floor"]])
    floor_all = median([t.all for t in results["floor"]])
    report.heading(f"Fresh session: page load -> first chart (median / p95 s, n={repeat})")
    report.add("load first", "floor", spread([t.first for t in results["floor"]]))
    for name in PAGES:
        firsts = [t.first for t in results[name]]
        value = ratio(median(firsts), floor_first)
        report.add("load first", f"{name} ({counts[name]} charts)", spread(firsts), seconds(floor_first),
                   times(value), f"<= {GOALS['first']}x", verdict(value, GOALS["first"]))
    report.heading(f"Fresh session: page load -> all charts drawn, run finished (median / p95 s, n={repeat})")
    report.add("load all", "floor", spread([t.all for t in results["floor"]]))
    for name in PAGES:
        alls = [t.all for t in results[name]]
        value = ratio(median(alls), floor_all)
        report.add("load all", f"{name} ({counts[name]} charts)", spread(alls), seconds(floor_all), times(value),
                   f"<= {GOALS['all']}x", verdict(value, GOALS["all"]))
    for name, timings in results.items():
        for error in errors_of(timings):
            report.notes.append(f"load {name}: {error}")
    return results


async def clicks(browser, servers, counts, repeat: int, report: Report) -> None:
    """Sidebar navigation and a filter change, each in one session that stays open."""
    app_context = await browser_part.new_context(browser)
    floor_context = await browser_part.new_context(browser)
    try:
        app, floor = await app_context.new_page(), await floor_context.new_page()
        await app.goto(servers["app"].url, wait_until="commit")
        await browser_part.ready(app, counts["overview"])
        await floor.goto(servers["floor"].url, wait_until="commit")
        await browser_part.ready(floor, counts["floor/one"])
        navigation: dict[str, list] = {name: [] for name in NAVIGATION} | {"floor": []}
        for _ in range(repeat):
            for path in NAVIGATION:
                name = path or "overview"
                navigation[path].append(await browser_part.navigate(app, path, counts[name]))
            for path in ("two", ""):
                navigation["floor"].append(await browser_part.navigate(floor, path, counts["floor/one"]))
        floor_all = median([t.all for t in navigation["floor"]])
        report.heading(f"Sidebar navigation -> first chart / all charts (median s; n={repeat} per page)")
        report.add("navigation", "floor (page one <-> two), all charts", spread([t.all for t in navigation["floor"]]))
        for path in NAVIGATION:
            timings = navigation[path]
            all_median = median([t.all for t in timings])
            report.add("navigation", f"-> {path or 'overview'} first / all",
                       f"{seconds(median([t.first for t in timings]))} / {seconds(all_median)}",
                       seconds(floor_all), times(ratio(all_median, floor_all)))
        # The filter: the sidebar's stage radio (options I, II), back and forth on the overview.
        filters: dict[str, list] = {"app": [], "floor": []}
        for _ in range(repeat):
            for index in (0, 1):
                filters["app"].append(await browser_part.choose_option(app, "stage", index, counts["overview"]))
                filters["floor"].append(await browser_part.choose_option(floor, "stage", index, counts["floor/one"]))
        app_all = [t.all for t in filters["app"]]
        floor_all = [t.all for t in filters["floor"]]
        report.heading(f"Filter change (sidebar stage I <-> II on the overview) -> redrawn (n={2 * repeat})")
        report.add("filter", "all charts redrawn, median / p95", spread(app_all), spread(floor_all),
                   times(ratio(median(app_all), median(floor_all))))
        for name, timings in (*navigation.items(), *filters.items()):
            for error in errors_of(timings):
                report.notes.append(f"click {name or 'overview'}: {error}")
    finally:
        await app_context.close()
        await floor_context.close()


async def pdf_download(browser, servers, counts, report: Report) -> None:
    """The region page's PDF profile: time to the saved file and the chromium the server keeps."""
    app = servers["app"]
    report.heading("Region page: profile PDF download (click -> file saved)")
    context = await browser_part.new_context(browser, accept_downloads=True)
    try:
        page = await context.new_page()
        await page.goto(f"{app.url}/region", wait_until="commit")
        await browser_part.ready(page, counts["region"])
        before_server, before_other = chromium_counts(app.process.pid)
        first, size = await browser_part.download_seconds(page, "region_download_pdf")
        await asyncio.sleep(3)   # let an export's browser shut down, as it says it does
        after_server, after_other = chromium_counts(app.process.pid)
        again, _ = await browser_part.download_seconds(page, "region_download_pdf")
        left = after_server - before_server
        report.add("pdf", f"first click ({size / 1024:.0f} KiB)", seconds(first), "", "", f"<= {GOALS['pdf']:.0f} s",
                   verdict(first, GOALS["pdf"]), f"{seconds(first)} s")
        report.add("pdf", "second click (cached bytes)", seconds(again))
        report.add("pdf", "chromium under the server, before / 3 s after", f"{before_server} / {after_server}", "",
                   "", "0 left", "PASS" if left <= 0 else "MISS")
        report.add("pdf", "other chromium on the machine before / after", f"{before_other} / {after_other}")
    except Exception as error:
        report.add("pdf", "first click", "failed", "", "", f"<= {GOALS['pdf']:.0f} s", "MISS")
        report.notes.append(f"pdf: {type(error).__name__}: {str(error).splitlines()[0][:200]}")
    finally:
        await context.close()
