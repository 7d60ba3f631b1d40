"""Where the server spends CPU on a page run: py-spy samples the running app server while fresh
websocket sessions run a page (tools/bench_browser_ws.py), after warm-up runs (caches warm).

    pip install py-spy        # not a project requirement; only this script uses it
    python tools/bench_profile.py [--pages overview,region] [--runs 20] [--rate 250]

Prints, per page: the server's CPU seconds per run (/proc), then the sampled time split by what it
was doing (inclusive: a sample counts for every group that has a frame on its stack, so groups
may overlap), the top functions by self time and the project's functions by inclusive time.
A benchmark helper: it always exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tools import bench_browser_ws as ws_part  # noqa: E402
from tools.bench_report import PAGES  # noqa: E402
from tools.bench_servers import start_server, stop_server  # noqa: E402

# (group, substrings of a frame "function (file:line)"): what the question is about.
GROUPS = [
    ("st.plotly_chart (marshalling incl. JSON)", ("streamlit/elements/plotly_chart.py",)),
    ("plotly JSON serialisation", ("plotly/io/_json.py", "_plotly_utils/utils.py", "to_plotly_json")),
    ("plotly figure building/validation", ("plotly/basedatatypes.py", "_plotly_utils/basevalidators.py",
                                           "plotly/graph_objs/", "plotly/validator_cache.py")),
    ("charts/ builders (incl. plotly)", ("(charts/",)),
    ("st.dataframe / Arrow (incl. styling)", ("streamlit/elements/arrow.py", "streamlit/dataframe_util.py",
                                              "pyarrow/")),
    ("pandas Styler", ("pandas/io/formats/style",)),
    ("store/ + duckdb", ("(store/", "duckdb")),
    ("st.cache_data (hash/pickle/copy)", ("streamlit/runtime/caching/",)),
    ("widgets + session state", ("streamlit/elements/widgets/", "streamlit/runtime/state/")),
    ("i18n", ("(i18n/",)),
    ("scoring/ + views/", ("(scoring/", "(views/")),
    ("protobuf + websocket send", ("google/protobuf", "forward_msg", "starlette", "websockets/", "uvicorn")),
    ("script run (exec of app.py + page)", ("script_runner.py",)),
]
# py-spy names files relative to sys.path; a page runs by file path, so it shows as "(overview.py:12)".
PROJECT = ("(components/", "(sections/", "(charts/", "(views/", "(store/", "(scoring/", "(i18n/", "(app.py:",
           *(f"({page.stem}.py:" for page in (REPO / "pages").glob("*.py")))


def parse_raw(path: Path) -> list[tuple[list[str], int]]:
    """py-spy's raw (collapsed) output: 'frame;frame;...;leaf count' per line, root first."""
    stacks = []
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            stacks.append((stack.split(";"), int(count)))
    return stacks


def inclusive(stacks, markers) -> int:
    return sum(count for frames, count in stacks if any(m in f for f in frames for m in markers))


def report(stacks, rate: int, runs: int, cpu: float, top: int = 12) -> None:
    """Shares of the samples; seconds are the share times the server's CPU per run (on a loaded
    machine the GIL holder also waits for a core, so sampled time exceeds CPU time)."""
    total = sum(count for _, count in stacks)
    print(f"  sampled: {total} samples of the thread holding the GIL at {rate}/s "
          f"({total / rate / runs:.3f} s per run); groups inclusive, overlapping:")
    for group, markers in GROUPS:
        share = inclusive(stacks, markers) / max(total, 1)
        print(f"    {group:<44} {100 * share:5.1f} %  ~{share * cpu:.3f} CPU s/run")
    self_time = Counter()
    project_time = Counter()
    for frames, count in stacks:
        self_time[frames[-1]] += count
        for frame in {f for f in frames if any(p in f for p in PROJECT)}:
            project_time[frame] += count
    print("  top self time:")
    for frame, count in self_time.most_common(top):
        print(f"    {100 * count / total:5.1f} %  {short(frame)}")
    print("  project functions, inclusive:")
    for frame, count in project_time.most_common(top + 8):
        print(f"    {100 * count / total:5.1f} %  {short(frame)}")


def short(frame: str) -> str:
    return frame[:110]


async def runs_of(url: str, path: str, count: int) -> list:
    return [await ws_part.page_run(url, path) for _ in range(count)]


def profile_page(server, name: str, path: str, runs: int, rate: int, out: Path) -> None:
    asyncio.run(runs_of(server.url, path, 3))   # warm caches for this page
    raw = out / f"{name}.txt"
    spy = subprocess.Popen(["py-spy", "record", "--pid", str(server.process.pid), "--rate", str(rate), "--format",
                            "raw", "--output", str(raw), "--nonblocking", "--gil"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)   # py-spy attaches
    before = ws_part.cpu_seconds(server.process.pid)
    done = asyncio.run(runs_of(server.url, path, runs))
    time.sleep(0.3)
    cpu = (ws_part.cpu_seconds(server.process.pid) - before) / runs
    spy.send_signal(signal.SIGINT)
    spy.wait(timeout=60)
    walls = sorted(r.seconds for r in done)
    print(f"\n{name}: {runs} runs, server CPU {cpu:.3f} s per run (/proc, includes py-spy's overhead), "
          f"wall median {walls[len(walls) // 2]:.3f} s, {done[0].charts} charts, {done[0].tables} tables, "
          f"{done[0].sent_bytes / 1024:.0f} KiB sent per run")
    if raw.exists():
        report(parse_raw(raw), rate, runs, cpu)
    else:
        print("  py-spy wrote nothing (is it allowed to attach? ptrace)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default="overview,region")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rate", type=int, default=250)
    parser.add_argument("--keep", help="a folder to keep py-spy's raw stacks in (a temporary one otherwise)")
    parser.add_argument("--server-option", action="append", default=[], metavar="KEY=VALUE",
                        help="a Streamlit option for the server, e.g. runner.postScriptGC=false (a what-if)")
    args = parser.parse_args(argv)
    if shutil.which("py-spy") is None:
        print("py-spy not found: pip install py-spy")
        return 0
    with tempfile.TemporaryDirectory(prefix="matra-profile-") as folder:
        out = Path(args.keep or folder)
        out.mkdir(parents=True, exist_ok=True)
        server = start_server("app", out, tuple(args.server_option))
        print(f"server options: {args.server_option or 'none'}")
        try:
            for name in args.pages.split(","):
                profile_page(server, name, PAGES[name], args.runs, args.rate, out)
        finally:
            stop_server(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
