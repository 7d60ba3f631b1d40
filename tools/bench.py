"""Benchmark the store calls behind the main views, its memory, and a commit, at several data sizes.

    python tools/bench.py [--repeat 50] [--scales 1,10,100] [--skip-10x] [--skip-commit] [--record FILE]

Data sets, each a complete data folder written by tools/make_demo_data.make_data_folder (seed
2017) in a temporary folder, so nothing in the repository is touched: `1x` has the 514 regions of
data/reference, `10x` every region cloned ten times (5,140 regions, ~4.7 M assessment rows),
`100x` a hundred times (51,400 regions, ~47 M rows). Default scales: 1,10.

Each data set is generated and then benchmarked in fresh (spawned) processes, so a peak RSS is
that of one server-like process: imports, opening the store and that set's calls. Opening the store
is timed once; then each call is made once to warm up and `--repeat` times timed, with the region
varied over a fixed seeded sample so no cache can flatter it. Last, in another fresh process, a
commit of the national 2025 stage II rows (replacing the year/stage) and a merge of one region into
it are timed with their peak RSS.

Goals (median of the timed calls): <= 50 ms at 1x, <= 150 ms at 10x; at 100x the national ranking
<= 100 ms, one region's calls <= 50 ms, the trend <= 150 ms. Memory: peak RSS at 10x <= 1.5x the
1x figure, at 100x <= 2 GiB, a commit <= 2 GiB. Last, the plan and compare pages' answers at the
stored bounds (MATRA_MAX_PROGRAMMES, MATRA_MAX_SCENARIOS; tools/bench_bounds.py). Prints PASS/MISS
per figure with how far it is from its goal (median / goal) and always exits 0 (a benchmark, not a test).
The call figures of each scale are also kept in `--record` (default bench-data/store-bench.json, one
entry per scale with the time, commit and load average), where `make bench-browser` finds the 100x
national ranking for its list of goals.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import duckdb  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

YEAR, STAGE, SEED = 2025, "II", 2017
RANKING, REGION, TREND, GAPS = (f"ranking({YEAR}, {STAGE})", "region_scores(1 region)",
                                "trend(5 regions, dimension)", "region_indicators + priority")
GOALS_MS = {1: dict.fromkeys((RANKING, REGION, TREND, GAPS), 50.0),
            10: dict.fromkeys((RANKING, REGION, TREND, GAPS), 150.0),
            100: {RANKING: 100.0, REGION: 50.0, TREND: 150.0, GAPS: 50.0}}
RSS_RATIO_GOAL = 1.5       # peak RSS at 10x against 1x
RSS_GOAL_MIB = 2048.0      # peak RSS at 100x, and of a commit
RECORD = REPO / "bench-data" / "store-bench.json"   # the last figures of each scale (bench_browser reads 100x)


def rss_mib() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_scaled(root: Path, scale: int) -> Path:
    """Write the data folder of one scale (run in its own process so its memory doesn't count later)."""
    from tools.make_demo_data import make_data_folder

    target = root / f"{scale}x"
    make_data_folder(target, scale, SEED, quiet=True)
    return target


def timed(call, arguments: list[tuple]) -> list[float]:
    """Wall time in ms of call(*args) for each args (the first one is also used as warm-up)."""
    call(*arguments[0])
    times = []
    for args in arguments:
        start = time.perf_counter()
        call(*args)
        times.append((time.perf_counter() - start) * 1000)
    return times


def python_peak_kib(call, args: tuple) -> float:
    """tracemalloc peak of one call in KiB (Python + numpy allocations; not DuckDB's own memory)."""
    tracemalloc.start()
    try:
        call(*args)
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def run_benchmark(data_dir: str, repeat: int) -> dict:
    """Open the store in `data_dir`, time each view's calls; return the figures."""
    from scoring import indicator_priority
    from store import Store

    rss_after_imports = rss_mib()
    start = time.perf_counter()
    store = Store(data_dir)
    snapshots = store.active_snapshots()  # creates the DuckDB connection and the views over the files
    load_ms = (time.perf_counter() - start) * 1000
    # The rankings the writer keeps (store/rankings.py) are keyed by the ranking code too: when the
    # code changed since the data was generated, write them as an operator does after an upgrade.
    rankings_written = len(store.write_rankings())

    codes = sorted(store.ranking(YEAR, STAGE)["region_code"])
    rng = random.Random(SEED)
    sample = rng.sample(codes, min(repeat, len(codes)))
    one_region = [(sample[i % len(sample)],) for i in range(repeat)]
    five_regions = [(rng.sample(codes, 5),) for _ in range(repeat)]

    def gaps(code: str):
        grid = store.region_indicators(code, YEAR, STAGE)
        return indicator_priority(grid, store.framework_for(YEAR), {})

    calls = [
        (RANKING, lambda: store.ranking(YEAR, STAGE), [()] * repeat),
        (REGION, lambda c: store.region_scores(c, YEAR, STAGE), one_region),
        (TREND, lambda cs: store.trend(cs, STAGE, "dimension"), five_regions),
        (GAPS, gaps, one_region),
    ]
    rows = []
    for name, call, arguments in calls:
        times = timed(call, arguments)
        rows.append({"call": name, "n": len(times), "median": statistics.median(times),
                     "p95": float(np.percentile(times, 95)),
                     "py_peak_kib": python_peak_kib(call, arguments[0])})
    return {"rankings_written": rankings_written, "regions": len(store.regions()), "snapshots": len(snapshots),
            "rows": sum(s.rows for s in snapshots), "load_ms": load_ms, "calls": rows,
            "rss_imports": rss_after_imports, "rss_peak": rss_mib()}


def run_commit(data_dir: str) -> dict:
    """Commit the national rows of (YEAR, STAGE) again as a new snapshot (one note changed, so it is
    a new file), then merge one region into it, as an upload does; time and peak RSS of each."""
    from store import Store
    from store.snapshots import commit_snapshot, read_snapshot_rows

    store = Store(data_dir)
    rss_after_imports = rss_mib()
    current = store.active_snapshot(YEAR, STAGE)
    rows = read_snapshot_rows(store.snapshots_dir, current)
    rows.loc[0, "note"] = "bench: committed again"
    framework = store.framework_for(YEAR)
    start = time.perf_counter()
    store.ingest_rows(rows, year=YEAR, stage=STAGE, source="tools/bench.py", created_by="bench")
    replace_s, replace_rss = time.perf_counter() - start, rss_mib()
    region = rows[rows["region_code"] == rows["region_code"].iloc[0]].copy()
    region["note"] = "bench: merged"
    del rows
    start = time.perf_counter()
    commit_snapshot(Path(data_dir), region, year=YEAR, stage=STAGE, framework=framework, source="bench.csv",
                    sha256="bench-merge", created_by="bench", replace_all=False)
    return {"rows": current.rows, "regions": current.regions, "rss_imports": rss_after_imports,
            "replace_s": replace_s, "replace_rss": replace_rss,
            "merge_s": time.perf_counter() - start, "merge_rss": rss_mib()}


def in_fresh_process(function, *args):
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


def cpu_count() -> int:
    """What `nproc` prints: the CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


def verdict(passed: bool) -> str:
    return "PASS" if passed else "MISS"


def print_table(results: dict[int, dict]) -> None:
    header = (f"{'data set':<8} {'call':<30} {'n':>4} {'median ms':>10} {'p95 ms':>9} "
              f"{'goal ms':>8} {'result':>6} {'of goal':>8} {'py peak KiB':>12}")
    print(header)
    print("-" * len(header))
    for scale, result in results.items():
        goals = GOALS_MS.get(scale, GOALS_MS[max(GOALS_MS)])
        for row in result["calls"]:
            goal = goals[row["call"]]
            print(f"{f'{scale}x':<8} {row['call']:<30} {row['n']:>4} {row['median']:>10.2f} "
                  f"{row['p95']:>9.2f} {'<= ' + format(goal, 'g'):>8} {verdict(row['median'] <= goal):>6} "
                  f"{row['median'] / goal:>7.2f}x {row['py_peak_kib']:>12,.0f}")


def record(path: Path, scale: int, result: dict) -> None:
    """Keep this scale's call figures in `path` (JSON: scale -> when, commit, load, calls with goals)."""
    import subprocess

    try:
        kept = json.loads(path.read_text()) if path.exists() else {}
    except (OSError, ValueError):
        kept = {}
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    goals = GOALS_MS.get(scale, GOALS_MS[max(GOALS_MS)])
    kept[str(scale)] = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "commit": commit,
                        "load": " ".join(f"{v:.2f}" for v in os.getloadavg()),
                        "calls": [{**{k: row[k] for k in ("call", "n", "median", "p95")}, "goal": goals[row["call"]]}
                                  for row in result["calls"]]}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(kept, indent=1))


def print_memory(results: dict[int, dict]) -> None:
    print("\nmemory (peak RSS of a fresh process that opens the store and makes the calls above)")
    for scale, result in results.items():
        print(f"  {scale}x: {result['rss_peak']:.0f} MiB (after imports {result['rss_imports']:.0f} MiB)")
    if 1 in results and 10 in results:
        ratio = results[10]["rss_peak"] / results[1]["rss_peak"]
        print(f"  RSS 10x / 1x = {ratio:.2f} (goal <= {RSS_RATIO_GOAL:g}) {verdict(ratio <= RSS_RATIO_GOAL)}")
    if 100 in results:
        peak = results[100]["rss_peak"]
        print(f"  RSS 100x = {peak:.0f} MiB (goal <= {RSS_GOAL_MIB:.0f}) {verdict(peak <= RSS_GOAL_MIB)}")


def print_commit(scale: int, commit: dict) -> None:
    print(f"  {scale}x: {commit['rows']:,} rows of {commit['regions']:,} regions; replace {commit['replace_s']:.1f} s, "
          f"peak RSS {commit['replace_rss']:.0f} MiB; merge of 1 region {commit['merge_s']:.1f} s, "
          f"peak RSS {commit['merge_rss']:.0f} MiB (after imports {commit['rss_imports']:.0f} MiB; goal <= "
          f"{RSS_GOAL_MIB:.0f}) {verdict(max(commit['replace_rss'], commit['merge_rss']) <= RSS_GOAL_MIB)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=50, help="timed calls per row (default 50)")
    parser.add_argument("--scales", default="1,10", help="data sizes, comma-separated (default 1,10; e.g. 1,10,100)")
    parser.add_argument("--skip-10x", action="store_true", help="the 1x data only (same as --scales 1)")
    parser.add_argument("--skip-commit", action="store_true", help="no commit timing")
    parser.add_argument("--record", type=Path, default=RECORD,
                        help="keep each scale's call figures in this JSON file (default bench-data/store-bench.json)")
    parser.add_argument("--skip-bounds", action="store_true",
                        help="no plan/compare timing at the stored bounds (tools/bench_bounds.py)")
    args = parser.parse_args()
    repeat = max(1, args.repeat)
    scales = [1] if args.skip_10x else sorted({int(s) for s in args.scales.split(",") if s.strip()})

    print(f"Python {platform.python_version()}, duckdb {duckdb.__version__}, pandas {pd.__version__}, "
          f"numpy {np.__version__}; nproc {cpu_count()}; {platform.platform()}")
    print(f"repeat {repeat}, year {YEAR}, stage {STAGE}, region sample seed {SEED}, scales {scales}\n")
    results = {}
    with tempfile.TemporaryDirectory(prefix="matra-bench-") as temp:
        for scale in scales:   # each scale's figures as soon as they are measured (100x takes long)
            start = time.perf_counter()
            folder = in_fresh_process(make_scaled, Path(temp), scale)
            print(f"{scale}x data generated in {time.perf_counter() - start:.1f} s "
                  f"(make_demo_data.make_data_folder, seed {SEED}, in a separate process)")
            result = results[scale] = in_fresh_process(run_benchmark, str(folder), repeat)
            print(f"{scale}x: {result['regions']:,} regions, {result['snapshots']} snapshots, "
                  f"{result['rows']:,} assessment rows; store opened in {result['load_ms']:.0f} ms; "
                  f"peak RSS {result['rss_peak']:.0f} MiB (after imports {result['rss_imports']:.0f} MiB); "
                  f"rankings written before timing: {result['rankings_written']} (0: the data's were current)\n")
            print_table({scale: result})
            record(args.record, scale, result)
            if not args.skip_commit:
                print(f"\ncommit of {YEAR} stage {STAGE} (fresh process: read the national rows, commit them "
                      "as a new snapshot, then merge one region into it)")
                print_commit(scale, in_fresh_process(run_commit, str(folder)))
            print(flush=True)
    print_memory(results)
    if not args.skip_bounds:
        from tools.bench_bounds import print_bounds, run_bounds

        print()
        print_bounds(in_fresh_process(run_bounds, 2, 3))


if __name__ == "__main__":
    main()
