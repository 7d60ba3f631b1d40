"""Benchmark what a person feels in a browser, side by side with a floor, on the demo data.

    python tools/bench_browser.py [--repeat 5] [--sessions 1,10,20,50] [--ws-runs 20] [--quick]
                                  [--parts start,payload,loads,clicks,ws,network,capacity,sessions,pdf]

Servers on free local ports, started the way `make run` and `make deploy-local` start the app:
  app    `python tools/serve.py` (app.py and its pages on data/, or MATRA_DATA_DIR);
  floor  `streamlit run tools/bench_floor_app.py`: a bare page on the same Streamlit version that
         draws one plotly chart of the overview map's size from an in-memory frame.
Both use the repository's .streamlit/config.toml and no file watcher.
  deployment  `make deploy-local` (tools/deploy_local.py): nginx with deploy/nginx.conf, the static
         bundle precompressed, in front of two app processes (started for the network and capacity parts).

Figures (each beside its floor, with the ratio app / floor; medians and p95 over --repeat):
  server start -> first chart; a fresh browser context's page load -> first chart and -> all
  charts, per page; sidebar navigation -> chart; a filter change (the sidebar's stage) -> redrawn;
  server CPU per page run and N concurrent page runs at the websocket level (no browser,
  tools/bench_browser_ws.py); N browser contexts opening the overview at once (p50/p95, errors,
  server RSS); the region page's PDF download and the chromium processes the server leaves behind;
  the websocket payload of every page by element (tools/bench_network.py); first and repeat visits
  to the overview and the region page on a throttled network (2 Mbit/s / 150 ms, 10 Mbit/s / 50 ms)
  for `make run`, the deployment and the floor, with the bytes sent (tools/bench_network.py); the
  sessions one and two app processes take at once within p95 2 s (tools/bench_load.py).

The parts live in tools/bench_browser_parts.py (one browser on this machine), tools/bench_load.py,
tools/bench_network.py, tools/bench_servers.py and tools/bench_report.py (figures and goals).

Goals (issue 13), checked on every run: first chart <= 1.25x floor; all charts <= 2x floor; server
CPU per page run <= 0.1 s; 20 concurrent websocket page runs p95 <= 2 s; server start -> first
chart <= 5 s; 20 concurrent browser sessions p95 <= 3x one session, no error; PDF <= 3 s, no
browser left. Issue 22: first visit -> first chart <= 15 s at 2 Mbit/s / 150 ms behind the
deployment, repeat visit <= 2 s; national ranking at 100x <= 100 ms (measured by `make bench ARGS=
"--scales 100"`, not here: the row says so). Prints PASS/MISS per goal and always exits 0 (a
benchmark, not a test).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tools import bench_browser_pages as browser_part  # noqa: E402
from tools import bench_browser_parts as parts  # noqa: E402
from tools import bench_load as load  # noqa: E402
from tools import bench_network as network  # noqa: E402
from tools.bench_report import GOALS, Report, verdict  # noqa: E402
from tools.bench_servers import (  # noqa: E402
    Server,
    app_pids,
    chromium_version,
    load_average,
    start_deployment,
    stop_server,
)

STORE_RECORD = REPO / "bench-data" / "store-bench.json"   # tools/bench.py keeps its figures there
PARTS = ("start", "payload", "loads", "clicks", "ws", "network", "capacity", "sessions", "pdf")


async def guarded(part, report: Report) -> None:
    """Run one part; a part that breaks is reported and the next one still runs."""
    try:
        await part
    except Exception as error:
        traceback.print_exc()
        report.notes.append(f"{part.__name__} stopped early: {type(error).__name__}: "
                            f"{str(error).splitlines()[0][:200] if str(error) else ''}")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="loads per page and clicks per kind (default 5)")
    parser.add_argument("--sessions", default="1,10,20,50", help="browser contexts at once (default 1,10,20,50)")
    parser.add_argument("--ws-runs", type=int, default=20, help="sequential websocket page runs per page")
    parser.add_argument("--ws-sessions", default="1,20", help="concurrent websocket sessions (default 1,20)")
    parser.add_argument("--quick", action="store_true",
                        help="--repeat 2 --sessions 1,10 --ws-runs 5 --ws-sessions 1,20 (a quick look)")
    parser.add_argument("--skip-pdf", action="store_true", help="leave out the PDF download")
    parser.add_argument("--parts", default=",".join(PARTS),
                        help=f"the parts to run, comma-separated (default all: {','.join(PARTS)})")
    parser.add_argument("--server-option", action="append", default=[], metavar="KEY=VALUE",
                        help="a Streamlit option for both servers, e.g. runner.postScriptGC=false (a what-if)")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat, args.sessions, args.ws_runs, args.ws_sessions = 2, "1,10", 5, "1,20"
    args.sessions = [int(n) for n in str(args.sessions).split(",") if n.strip()]
    args.ws_sessions = [int(n) for n in str(args.ws_sessions).split(",") if n.strip()]
    args.parts = [name.strip() for name in str(args.parts).split(",") if name.strip()]
    unknown = set(args.parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts {sorted(unknown)}; known: {', '.join(PARTS)}")
    if args.skip_pdf and "pdf" in args.parts:
        args.parts.remove("pdf")
    return args


def ranking_100x(report: Report, record: Path = STORE_RECORD) -> None:
    """The 100x national ranking is the store benchmark's (it needs a 51,400-region data folder that
    takes minutes to generate): its last figure from `make bench ARGS="--scales 100"` (kept in
    bench-data/store-bench.json with its time and commit), or n/a when it was never run here."""
    report.heading("National ranking at 100x (store benchmark, tools/bench.py)")
    goal = GOALS["ranking_100x"] * 1000
    try:
        kept = json.loads(record.read_text()).get("100")
    except (OSError, ValueError):
        kept = None
    row = next((c for c in kept["calls"] if c["call"].startswith("ranking(")), None) if kept else None
    if row is None:
        report.add("store", "national ranking at 100x, median", "not measured", "", "", f"<= {goal:.0f} ms", "n/a",
                   "not measured")
        report.notes.append("national ranking at 100x: run `make bench ARGS='--scales 100 --skip-commit'` first "
                            "(docs/benchmark.md); this benchmark reads its figure")
        return
    median_ms = row["median"]
    report.add("store", "national ranking at 100x, median", f"{median_ms:.1f} ms", "", "", f"<= {goal:.0f} ms",
               verdict(median_ms / 1000, GOALS["ranking_100x"]), f"{median_ms:.1f} ms")
    report.notes.append(f"national ranking at 100x: from `make bench` at {kept['when']} (commit {kept['commit']}, "
                        f"load average {kept['load']}; n={row['n']}, p95 {row['p95']:.1f} ms)")


async def run(args: argparse.Namespace, report: Report) -> None:
    import plotly
    import streamlit
    from playwright.async_api import async_playwright

    print(f"Python {platform.python_version()}, streamlit {streamlit.__version__}, plotly {plotly.__version__}; "
          f"{chromium_version()}; nproc {os.cpu_count()}; {platform.platform()}")
    print(f"load average at start {load_average()}; repeat {args.repeat}, sessions {args.sessions}, "
          f"ws runs {args.ws_runs}, ws sessions {args.ws_sessions}; parts {','.join(args.parts)}; "
          f"server options {args.server_option or 'none'}", flush=True)
    wanted = set(args.parts)
    with tempfile.TemporaryDirectory(prefix="matra-bench-browser-") as logs:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=browser_part.CHROMIUM,
                                                       args=browser_part.CHROMIUM_ARGS)
            servers: dict[str, Server] = {}
            deployment = None
            try:
                servers = await parts.server_start(browser, Path(logs), report, tuple(args.server_option))
                counts = await parts.discover_charts(servers)
                print(f"\ncharts per page (plotly charts the server sends): {counts}", flush=True)
                app, floor = servers["app"], servers["floor"]
                steps = {"payload": lambda: network.payloads(app.url, floor.url, report),
                         "loads": lambda: parts.page_loads(browser, servers, counts, args.repeat, report),
                         "clicks": lambda: parts.clicks(browser, servers, counts, args.repeat, report),
                         "ws": lambda: load.websocket_runs(servers, args.ws_runs, args.ws_sessions, report)}
                for name, step in steps.items():
                    if name in wanted:
                        await guarded(step(), report)
                if wanted & {"network", "capacity"}:
                    deployment = start_deployment(2)
                    print(f"\ndeployment: nginx at {deployment.url} in front of app processes on ports "
                          f"{deployment.app_ports}", flush=True)
                if "network" in wanted:
                    await guarded(network.network(browser, {"make run": app.url, "deployment": deployment.url},
                                                  floor.url, counts, report), report)
                if "capacity" in wanted:
                    await guarded(load.capacity({"1 process (make run)": (app.url, [app.process.pid]),
                                                 "2 processes behind nginx": (deployment.url, app_pids(deployment))},
                                                report), report)
                if "sessions" in wanted and args.sessions:
                    await guarded(load.browser_sessions(browser, servers, counts, args.sessions, report), report)
                if "pdf" in wanted:
                    await guarded(parts.pdf_download(browser, servers, counts, report), report)
                ranking_100x(report)
            finally:
                await browser.close()
                if deployment is not None:
                    deployment.stop()
                    shutil.rmtree(deployment.folder, ignore_errors=True)   # its nginx config and logs
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
