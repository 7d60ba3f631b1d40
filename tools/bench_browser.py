"""Benchmark what a person feels in a browser, side by side with a floor, on the demo data.

    python tools/bench_browser.py [--repeat 5] [--sessions 1,10,20,50] [--ws-runs 20] [--quick]

Two servers on free local ports, started the way `make run` starts the app:
  app    `python tools/serve.py` (app.py and its pages on data/, or MATRA_DATA_DIR);
  floor  `streamlit run tools/bench_floor_app.py`: a bare page on the same Streamlit version that
         draws one plotly chart of the overview map's size from an in-memory frame.
Both use the repository's .streamlit/config.toml and no file watcher.

Figures (each beside its floor, with the ratio app / floor; medians and p95 over --repeat):
  server start -> first chart; a fresh browser context's page load -> first chart and -> all
  charts, per page; sidebar navigation -> chart; a filter change (the sidebar's stage) -> redrawn;
  server CPU per page run and N concurrent page runs at the websocket level (no browser,
  tools/bench_browser_ws.py); N browser contexts opening the overview at once (p50/p95, errors,
  server RSS); the region page's PDF download and the chromium processes the server leaves behind.

Goals (issue 13), checked on every run: first chart <= 1.25x floor; all charts <= 2x floor; server
CPU per page run <= 0.1 s; 20 concurrent websocket page runs p95 <= 2 s; server start -> first
chart <= 5 s; 20 concurrent browser sessions p95 <= 3x one session, no error; PDF <= 3 s, no
browser left. Prints PASS/MISS per goal and always exits 0 (a benchmark, not a test).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tools import bench_browser_pages as browser_part  # noqa: E402
from tools import bench_browser_ws as ws_part  # noqa: E402

# The pages timed (URL path; "" is the default page, the overview) and the floor's two pages.
PAGES = {"overview": "", "region": "region", "compare": "compare", "gaps": "gaps", "trends": "trends",
         "plan": "plan", "readiness": "readiness"}
FLOOR_PAGES = ("", "two")
NAVIGATION = ("region", "compare", "gaps", "trends", "")   # sidebar clicks, from the overview
GOALS = {"first": 1.25, "all": 2.0, "cpu": 0.1, "ws20_p95": 2.0, "start": 5.0, "concurrent_ratio": 3.0,
         "pdf": 3.0}


# --- statistics -----------------------------------------------------------------------------------
def percentile(values, q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks (numpy's default);
    NaN when there are no values."""
    ordered = sorted(v for v in values if v is not None and not math.isnan(v))
    if not ordered:
        return math.nan
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values) -> float:
    return percentile(values, 50)


def ratio(value: float, floor: float) -> float:
    """value / floor; NaN when either is missing or the floor is zero."""
    if value is None or floor is None or math.isnan(value) or math.isnan(floor) or floor == 0:
        return math.nan
    return value / floor


def verdict(value: float, goal: float) -> str:
    """PASS when value <= goal, MISS when above, n/a when there is no value."""
    if value is None or math.isnan(value):
        return "n/a"
    return "PASS" if value <= goal else "MISS"


def seconds(value: float) -> str:
    return "–" if value is None or math.isnan(value) else f"{value:.2f}"


def times(value: float) -> str:
    return "–" if value is None or math.isnan(value) else f"{value:.2f}x"


# --- servers and processes ------------------------------------------------------------------------
@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen
    started: float   # time.perf_counter() at the process start
    healthy: float = math.nan   # seconds from the start to /_stcore/health answering


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(name: str, logs: Path, extra: tuple[str, ...] = ()) -> Server:
    """Start the app or the floor; `extra` are more Streamlit options ("runner.postScriptGC=false")."""
    port = free_port()
    options = ["--server.port", str(port), "--server.headless", "true", "--server.address", "127.0.0.1",
               "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    for option in extra:
        key, _, value = option.partition("=")
        options += [f"--{key}", value]
    if name == "app":
        command = [sys.executable, "tools/serve.py", *options]
    else:
        command = [sys.executable, "-m", "streamlit", "run", "tools/bench_floor_app.py", *options]
    with (logs / f"{name}.log").open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = Server(name, f"http://127.0.0.1:{port}", process, started)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    server.healthy = time.perf_counter() - started
                    return server
        except OSError:
            time.sleep(0.05)
    tail = (logs / f"{name}.log").read_text(errors="replace")[-2000:]
    stop_server(server)
    raise RuntimeError(f"the {name} server did not become healthy:\n{tail}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def process_table() -> dict[int, tuple[int, str]]:
    """{pid: (parent pid, command name)} of every process now."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                head, rest = (entry / "stat").read_text().rsplit(")", 1)
                table[int(entry.name)] = (int(rest.split()[1]), head.split("(", 1)[1])
            except (OSError, ValueError, IndexError):
                continue
    return table


def descendants(pid: int, table: dict[int, tuple[int, str]]) -> set[int]:
    children: dict[int, list[int]] = {}
    for child, (parent, _) in table.items():
        children.setdefault(parent, []).append(child)
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def chromium_counts(server_pid: int) -> tuple[int, int]:
    """(chromium processes under the server, chromium processes on the machine that are not this
    benchmark's own). The second includes other users of the machine (e.g. a test suite)."""
    table = process_table()
    ours = descendants(os.getpid(), table)
    under_server = descendants(server_pid, table)
    chromium = {pid for pid, (_, name) in table.items() if "chrom" in name or "headless" in name}
    return len(chromium & under_server), len(chromium - ours)


def load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def chromium_version() -> str:
    try:
        return subprocess.run([browser_part.CHROMIUM, "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "chromium not found"


# --- the report -----------------------------------------------------------------------------------
@dataclass
class Report:
    # (section, figure, app, floor, ratio, goal, result, the value held against the goal)
    rows: list[tuple] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, section: str, figure: str, app: str, floor: str = "", ratio_text: str = "", goal: str = "",
            result: str = "", compared: str = "") -> None:
        self.rows.append((section, figure, app, floor, ratio_text, goal, result, compared or ratio_text or app))
        print(f"  {figure:<42} {app:>16} {floor:>16} {ratio_text:>7} {goal:>14} {result:>5}", flush=True)

    def heading(self, title: str) -> None:
        print(f"\n{title}\n  {'figure':<42} {'app':>16} {'floor':>16} {'ratio':>7} {'goal':>14} {'':>5}", flush=True)
        print("  " + "-" * 105, flush=True)

    def summary(self) -> None:
        goals = [row for row in self.rows if row[6] in ("PASS", "MISS", "n/a")]
        print("\nGoals (issue 13)")
        print("  " + "-" * 105)
        for section, figure, _, _, _, goal, result, compared in goals:
            print(f"  {result:<5} {section + ': ' + figure:<68} {compared:>16}  goal {goal}")
        passed = sum(row[6] == "PASS" for row in goals)
        print(f"  {passed} of {len(goals)} goals met")
        for note in self.notes:
            print(f"  note: {note}")


def spread(values: list[float]) -> str:
    """'median / p95' in seconds."""
    return f"{seconds(median(values))} / {seconds(percentile(values, 95))}"


def errors_of(timings) -> list[str]:
    return [t.error for t in timings if t.error]


# --- the parts ------------------------------------------------------------------------------------
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


async def websocket_runs(servers, runs: int, sessions: list[int], report: Report) -> None:
    """CPU per page run (sequential fresh sessions) and N concurrent runs, without a browser."""
    app, floor = servers["app"], servers["floor"]
    floor_runs, floor_cpu = await ws_part.sequential_runs(floor.url, "", runs, floor.process.pid)
    report.heading(f"Websocket level (no browser): server CPU and wall time per page run (n={runs}, sequential)")
    floor_wall = median([r.seconds for r in floor_runs])
    report.add("ws", "floor: CPU s per run | wall median", f"{floor_cpu:.3f} | {seconds(floor_wall)}")
    for name, path in PAGES.items():
        page_runs, cpu = await ws_part.sequential_runs(app.url, path, runs, app.process.pid)
        wall = median([r.seconds for r in page_runs])
        report.add("ws cpu", f"{name}: CPU s per run | wall median", f"{cpu:.3f} | {seconds(wall)}",
                   f"{floor_cpu:.3f}", times(ratio(cpu, floor_cpu)), f"<= {GOALS['cpu']} s", verdict(cpu, GOALS["cpu"]),
                   f"{cpu:.3f} s")
        failed = [r for r in page_runs if not r.ok]
        if failed:
            report.notes.append(f"ws {name}: {len(failed)} failed runs ({failed[0].error or 'exception'})")
    report.heading("Websocket level: N fresh sessions run the overview at once (p50 / p95 s; errors; CPU s/run)")
    single = math.nan
    for count in sessions:
        app_runs, cpu, peak = await ws_part.concurrent_runs(app.url, "", count, app.process.pid)
        floor_load, floor_cpu, _ = await ws_part.concurrent_runs(floor.url, "", count, floor.process.pid)
        p95 = percentile([r.seconds for r in app_runs], 95)
        if count == 1:
            single = p95
        errors = sum(not r.ok for r in app_runs)
        goal = (f"<= {GOALS['ws20_p95']:.0f} s", verdict(p95, GOALS["ws20_p95"]) if not errors else "MISS",
                f"p95 {seconds(p95)} s") if count == 20 else ("", "", "")
        report.add("ws concurrent", f"N={count}: p50 / p95, {errors} errors, CPU {cpu:.2f} s/run",
                   spread([r.seconds for r in app_runs]), spread([r.seconds for r in floor_load]),
                   times(ratio(p95, percentile([r.seconds for r in floor_load], 95))), *goal)
        if count > 1 and not math.isnan(single):
            report.notes.append(f"ws N={count}: p95 is {ratio(p95, single):.1f}x the single run; server peak RSS "
                                f"{peak:.0f} MiB")


async def browser_sessions(browser, servers, counts, sessions: list[int], report: Report) -> None:
    """N fresh browser contexts open the overview (app) or the floor at once."""
    app = servers["app"]
    report.heading("Browser: N contexts open the overview at once -> first chart / all charts (p50 / p95 s)")
    single = math.nan
    for count in sessions:
        timeout = 60_000 + 6_000 * count
        floor_pid = servers["floor"].process.pid
        floor_cpu_before = ws_part.cpu_seconds(floor_pid)
        floor_load = await browser_part.concurrent_loads(browser, servers["floor"].url, counts["floor/one"], count,
                                                          timeout)
        floor_cpu = (ws_part.cpu_seconds(floor_pid) - floor_cpu_before) / count
        rss_before, cpu_before = ws_part.rss_mib(app.process.pid), ws_part.cpu_seconds(app.process.pid)
        app_load, peak = await ws_part.with_peak_rss(
            app.process.pid, browser_part.concurrent_loads(browser, app.url, counts["overview"], count, timeout))
        cpu = (ws_part.cpu_seconds(app.process.pid) - cpu_before) / count
        firsts = [t.first for t in app_load.timings]
        errors = errors_of(app_load.timings)
        p95 = percentile(firsts, 95)
        if count == 1:
            single = median(firsts)
        report.add("browser N", f"N={count}: first chart", spread(firsts),
                   spread([t.first for t in floor_load.timings]),
                   times(ratio(median(firsts), median([t.first for t in floor_load.timings]))))
        goal = ("", "")
        if count == 20:
            value = ratio(p95, single)
            goal = (f"<= {GOALS['concurrent_ratio']:.0f}x single", "MISS" if errors else verdict(value,
                                                                                           GOALS["concurrent_ratio"]))
            report.add("browser N", "N=20: p95 first chart / single session", times(value), "", "", *goal)
        floor_errors = len(errors_of(floor_load.timings))
        report.add("browser N", f"N={count}: all charts; errors {len(errors)} (floor {floor_errors})",
                   spread([t.all for t in app_load.timings]), spread([t.all for t in floor_load.timings]))
        report.add("browser N", f"N={count}: server RSS before / peak MiB", f"{rss_before:.0f} / {peak:.0f}",
                   "", "", "", "")
        report.add("browser N", f"N={count}: server CPU s per page run", f"{cpu:.3f}", f"{floor_cpu:.3f}",
                   times(ratio(cpu, floor_cpu)))
        for error in errors[:3]:
            report.notes.append(f"browser N={count}: {error}")


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


async def guarded(part, report: Report) -> None:
    """Run one part; a part that breaks is reported and the next one still runs."""
    try:
        await part
    except Exception as error:
        traceback.print_exc()
        report.notes.append(f"{part.__name__} stopped early: {type(error).__name__}: "
                            f"{str(error).splitlines()[0][:200] if str(error) else ''}")


# --- the run --------------------------------------------------------------------------------------
def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="loads per page and clicks per kind (default 5)")
    parser.add_argument("--sessions", default="1,10,20,50", help="browser contexts at once (default 1,10,20,50)")
    parser.add_argument("--ws-runs", type=int, default=20, help="sequential websocket page runs per page")
    parser.add_argument("--ws-sessions", default="1,20", help="concurrent websocket sessions (default 1,20)")
    parser.add_argument("--quick", action="store_true",
                        help="--repeat 2 --sessions 1,10 --ws-runs 5 --ws-sessions 1,20 (a quick look)")
    parser.add_argument("--skip-pdf", action="store_true", help="leave out the PDF download")
    parser.add_argument("--server-option", action="append", default=[], metavar="KEY=VALUE",
                        help="a Streamlit option for both servers, e.g. runner.postScriptGC=false (a what-if)")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat, args.sessions, args.ws_runs, args.ws_sessions = 2, "1,10", 5, "1,20"
    args.sessions = [int(n) for n in str(args.sessions).split(",") if n.strip()]
    args.ws_sessions = [int(n) for n in str(args.ws_sessions).split(",") if n.strip()]
    return args


async def run(args: argparse.Namespace, report: Report) -> None:
    import plotly
    import streamlit
    from playwright.async_api import async_playwright

    print(f"Python {platform.python_version()}, streamlit {streamlit.__version__}, plotly {plotly.__version__}; "
          f"{chromium_version()}; nproc {os.cpu_count()}; {platform.platform()}")
    print(f"load average at start {load_average()}; repeat {args.repeat}, sessions {args.sessions}, "
          f"ws runs {args.ws_runs}, ws sessions {args.ws_sessions}; server options {args.server_option or 'none'}",
          flush=True)
    with tempfile.TemporaryDirectory(prefix="matra-bench-browser-") as logs:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=browser_part.CHROMIUM,
                                                       args=browser_part.CHROMIUM_ARGS)
            servers: dict[str, Server] = {}
            try:
                servers = await server_start(browser, Path(logs), report, tuple(args.server_option))
                counts = await discover_charts(servers)
                print(f"\ncharts per page (plotly charts the server sends): {counts}", flush=True)
                parts = [page_loads(browser, servers, counts, args.repeat, report),
                         clicks(browser, servers, counts, args.repeat, report),
                         websocket_runs(servers, args.ws_runs, args.ws_sessions, report)]
                if args.sessions:
                    parts.append(browser_sessions(browser, servers, counts, args.sessions, report))
                if not args.skip_pdf:
                    parts.append(pdf_download(browser, servers, counts, report))
                for part in parts:
                    await guarded(part, report)
            finally:
                await browser.close()
                for server in servers.values():
                    stop_server(server)
    print(f"\nload average at the end {load_average()}")


def main(argv=None) -> int:
    args = parse_args(argv)
    report = Report()
    try:
        asyncio.run(run(args, report))
    except Exception:   # a benchmark reports what broke and still exits 0
        traceback.print_exc()
        report.notes.append("the run stopped early (traceback above)")
    report.summary()
    return 0


if __name__ == "__main__":
    sys.exit(main())
