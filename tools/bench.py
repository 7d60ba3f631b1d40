"""Benchmark the store calls behind the main views, on the demo data and on a 10x larger set.

    python tools/bench.py [--repeat 50] [--skip-10x]

Data sets (both in temporary folders; nothing in the repository is touched):
  demo  a copy of the bundled data/ (514 regions, 2019-2025, stages I and II);
  10x   framework/ copied from data/, reference/ cloned ten times (5,140 regions) and snapshots
        generated with tools/make_demo_data.generate(seed=2017, scale=10).

Each data set is benchmarked in a fresh (spawned) process, so its peak RSS is its own. The one-off
DuckDB load is timed separately; then each call is made once to warm up and `--repeat` times timed,
with the region varied over a fixed seeded sample so no cache can flatter it. Goals: median <= 50 ms
on the demo set, <= 150 ms at 10x. Prints PASS/MISS per row and always exits 0 (not a test).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import random
import resource
import shutil
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
GOALS_MS = {"demo": 50.0, "10x": 150.0}


def rss_mib() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_demo(root: Path) -> Path:
    target = root / "demo"
    shutil.copytree(REPO / "data", target)
    return target


def make_10x(root: Path) -> Path:
    """Build the 10x data folder (run in its own process so its memory doesn't count later)."""
    from tools.make_demo_data import generate, scaled_reference

    target = root / "10x"
    shutil.copytree(REPO / "data" / "framework", target / "framework")
    scaled_reference(REPO / "data" / "reference", target / "reference", 10)
    generate(target, seed=SEED, scale=10, quiet=True)
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
    """Load the store in `data_dir`, time each view's calls; return the figures."""
    from scoring import indicator_priority
    from store import Store

    rss_after_imports = rss_mib()
    start = time.perf_counter()
    store = Store(data_dir)
    snapshots = store.active_snapshots()  # creates the DuckDB connection and loads every table
    load_ms = (time.perf_counter() - start) * 1000

    codes = sorted(store.ranking(YEAR, STAGE)["region_code"])
    rng = random.Random(SEED)
    sample = rng.sample(codes, min(repeat, len(codes)))
    one_region = [(sample[i % len(sample)],) for i in range(repeat)]
    five_regions = [(rng.sample(codes, 5),) for _ in range(repeat)]

    def gaps(code: str):
        grid = store.region_indicators(code, YEAR, STAGE)
        return indicator_priority(grid, store.framework_for(YEAR), {})

    calls = [
        (f"ranking({YEAR}, {STAGE})", lambda: store.ranking(YEAR, STAGE), [()] * repeat),
        ("region_scores(1 region)", lambda c: store.region_scores(c, YEAR, STAGE), one_region),
        ("trend(5 regions, dimension)", lambda cs: store.trend(cs, STAGE, "dimension"), five_regions),
        ("region_indicators + priority", gaps, one_region),
    ]
    rows = []
    for name, call, arguments in calls:
        times = timed(call, arguments)
        rows.append({"call": name, "n": len(times), "median": statistics.median(times),
                     "p95": float(np.percentile(times, 95)),
                     "py_peak_kib": python_peak_kib(call, arguments[0])})
    return {"regions": len(store.regions()), "snapshots": len(snapshots),
            "rows": sum(s.rows for s in snapshots), "load_ms": load_ms, "calls": rows,
            "rss_imports": rss_after_imports, "rss_peak": rss_mib()}


def in_fresh_process(function, *args):
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


def cpu_count() -> int:
    """What `nproc` prints: the CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


def print_table(results: dict[str, dict]) -> None:
    header = (f"{'data set':<8} {'call':<30} {'n':>4} {'median ms':>10} {'p95 ms':>9} "
              f"{'goal ms':>8} {'result':>6} {'py peak KiB':>12}")
    print(header)
    print("-" * len(header))
    for label, result in results.items():
        goal = GOALS_MS[label]
        for row in result["calls"]:
            verdict = "PASS" if row["median"] <= goal else "MISS"
            print(f"{label:<8} {row['call']:<30} {row['n']:>4} {row['median']:>10.2f} "
                  f"{row['p95']:>9.2f} {'<= ' + format(goal, 'g'):>8} {verdict:>6} "
                  f"{row['py_peak_kib']:>12,.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=50, help="timed calls per row (default 50)")
    parser.add_argument("--skip-10x", action="store_true", help="benchmark the demo data only")
    args = parser.parse_args()
    repeat = max(1, args.repeat)

    print(f"Python {platform.python_version()}, duckdb {duckdb.__version__}, pandas {pd.__version__}, "
          f"numpy {np.__version__}; nproc {cpu_count()}; {platform.platform()}")
    print(f"repeat {repeat}, year {YEAR}, stage {STAGE}, region sample seed {SEED}\n")
    results = {}
    with tempfile.TemporaryDirectory(prefix="matra-bench-") as temp:
        root = Path(temp)
        folders = {"demo": make_demo(root)}
        if not args.skip_10x:
            start = time.perf_counter()
            folders["10x"] = in_fresh_process(make_10x, root)
            print(f"10x data generated in {time.perf_counter() - start:.1f} s "
                  f"(make_demo_data.generate, seed {SEED}, scale 10, in a separate process)")
        for label, folder in folders.items():
            result = results[label] = in_fresh_process(run_benchmark, str(folder), repeat)
            print(f"{label}: {result['regions']:,} regions, {result['snapshots']} snapshots, "
                  f"{result['rows']:,} assessment rows; one-off load {result['load_ms']:.0f} ms; "
                  f"peak RSS {result['rss_peak']:.0f} MiB (after imports {result['rss_imports']:.0f} MiB)")
    print()
    print_table(results)


if __name__ == "__main__":
    main()
