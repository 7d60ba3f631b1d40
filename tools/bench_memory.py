"""Memory that comes back after a burst of websocket sessions (issue 25), and the burst's speed.

    python tools/bench_memory.py [--sessions 50] [--watch 60] [--before]

Starts the app as `make run` does (tools/serve.py) on a free port, opens one session of each
page so the caches of this data version are built, lets it settle and reads the idle RSS. Then a
burst: `--sessions` fresh websocket sessions open the overview at once, then as many open the
region page, each for another region (tools/bench_browser_ws.py drives them; nothing is drawn).
When they have closed, the server's RSS is read every 5 s for `--watch` seconds. Goal: RSS back
within 1.5x of the idle process within a minute; the burst's p95 page time is printed beside its
goal too. With `--before` the same run is made first on a server without the memory settings
(glibc's default arenas, no trim), for comparison. Prints figures
and PASS/MISS; always exits 0 (a benchmark).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from store.settings import environment_with  # noqa: E402
from tools.bench_browser_ws import page_run, rss_mib, with_peak_rss  # noqa: E402

RSS_RATIO_GOAL = 1.5        # RSS a minute after the burst / idle RSS
P95_GOAL_S = 2.0            # a page run's p95 at the burst (the house goal for one page)
BEFORE = {"MATRA_MALLOC_ARENAS": "0", "MATRA_TRIM_SECONDS": "0"}


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(log: Path, before: bool) -> tuple[subprocess.Popen, str]:
    port = free_port()
    options = ["--server.port", str(port), "--server.headless", "true", "--server.address", "127.0.0.1",
               "--server.fileWatcherType", "none"]
    env = environment_with(**(BEFORE if before else {}))
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "tools/serve.py", *options], cwd=REPO, stdout=out,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit(f"the server did not start: see {log}")


def regions(count: int) -> list[str]:
    """`count` region codes spread over the reference list (every n-th), so sessions differ."""
    import csv

    with (REPO / "data" / "reference" / "regions.csv").open(encoding="utf-8") as handle:
        codes = [row["code"] for row in csv.DictReader(handle)]
    step = max(1, len(codes) // max(count, 1))
    return [codes[(n * step) % len(codes)] for n in range(count)]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def burst(url: str, pid: int, sessions: int, watch: float) -> dict:
    for page in ("", "region", "compare", "gaps", "trends"):   # warm this data version's caches
        await page_run(url, page)
    await asyncio.sleep(20)   # the warm-up sessions closed, the trimmer ran
    idle = rss_mib(pid)
    figures = {"idle": idle}
    peak = idle
    codes = regions(sessions)
    for page in ("", "region"):   # the region page for a different region in each session
        queries = [f"region={code}" if page else "" for code in codes]
        runs, top = await with_peak_rss(pid, asyncio.gather(*(page_run(url, page, query) for query in queries)))
        peak = max(peak, top)
        figures[page or "overview"] = {"p95": p95([r.seconds for r in runs]),
                                       "median": statistics.median(r.seconds for r in runs),
                                       "errors": sum(not r.ok for r in runs)}
    figures["peak"] = peak
    figures["after"] = []
    closed = time.monotonic()
    while time.monotonic() - closed < watch:
        await asyncio.sleep(5)
        figures["after"].append((round(time.monotonic() - closed), rss_mib(pid)))
    return figures


def report(label: str, figures: dict, sessions: int) -> None:
    idle, last = figures["idle"], figures["after"][-1][1]
    print(f"{label}: idle {idle:.0f} MiB, peak {figures['peak']:.0f} MiB during {sessions} + {sessions} sessions")
    for page in ("overview", "region"):
        run = figures[page]
        print(f"  {page:<8} p95 {run['p95']:6.1f} s  median {run['median']:6.1f} s  errors {run['errors']}  "
              f"goal p95 <= {P95_GOAL_S:g} s {'PASS' if run['p95'] <= P95_GOAL_S else 'MISS'}")
    print("  RSS after the burst closed: " + ", ".join(f"{t} s {rss:.0f}" for t, rss in figures["after"]))
    ratio = last / idle
    print(f"  after {figures['after'][-1][0]} s: {last:.0f} MiB = {ratio:.2f} x idle (goal <= {RSS_RATIO_GOAL:g}) "
          f"{'PASS' if ratio <= RSS_RATIO_GOAL else 'MISS'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=50, help="sessions per page in the burst (default 50)")
    parser.add_argument("--watch", type=float, default=60, help="seconds to watch RSS after the burst (default 60)")
    parser.add_argument("--before", action="store_true", help="first a server without the memory settings")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="matra-memory-") as temp:
        for before in ([True, False] if args.before else [False]):
            process, url = start(Path(temp) / f"server-{before}.log", before)
            try:
                figures = asyncio.run(burst(url, process.pid, args.sessions, args.watch))
            finally:
                process.terminate()
                process.wait(timeout=30)
            report("without the memory settings (default arenas, no trim)" if before
                   else "with the memory settings (2 arenas, trim every 10 s)", figures, args.sessions)


if __name__ == "__main__":
    main()
