"""The plan and compare pages' answers at the stored bounds (issue 25): a region's register of
MATRA_MAX_PROGRAMMES programmes and MATRA_MAX_SCENARIOS saved scenarios for each compared region.

    python tools/bench_bounds.py [--regions 2] [--repeat 3]     (also a section of tools/bench.py)

On a temporary copy of the bundled data folder: one register at the programme bound, then the
scenario bound filled for `--regions` regions (distinct scenarios: one indicator set to a level,
plus programmes). Timed, as the pages compute them once per data version (components/cached.py
caches the result for every session after that): the plan page's scoring work (every programme's
effect, scoring.whatif.programme_effects, and the index if all finish, as views.action.plan_summary
does it) and the compare page's scenario table (Store.scenario_table, which
reports.tables.scenario_table labels). tools/ imports store and scoring only. Prints the median
and max against the goals and always exits 0 (a benchmark, not a test).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

YEAR, STAGE = 2025, "II"
PLAN_GOAL_MS = 2000.0      # the plan page's first computation at the register bound (then cached)
COMPARE_GOAL_MS = 5000.0   # the compare page's scenario table at the scenario bound, 2 regions (then cached)
HEADER = ("programme_code,name,dimension,indicators,owner_opd,budget,budget_source,start_year,end_year,status,"
          "progress,quick_win,rpjmd_ref")


def _register(codes: list[str], count: int, top: int) -> bytes:
    """`count` programmes, each lifting one indicator to a level from 1 to `top` (the framework's max_level)."""
    rows = [f"B{n:04d},Program {n},{codes[n % len(codes)].split('.')[0]},{codes[n % len(codes)]}={1 + n % top},"
            f"Diskominfo,{1000 + n},APBD,2024,2026,running,10,no," for n in range(count)]
    return ("\n".join([HEADER, *rows]) + "\n").encode()


def fill_to_bounds(store, regions: list[str]) -> dict:
    """The first region's register at the programme bound; each region's scenarios at the scenario bound."""
    from store import scenarios
    from store.scenarios import Scenario
    from store.settings import setting

    most_programmes, most_scenarios = int(setting("MATRA_MAX_PROGRAMMES")), int(setting("MATRA_MAX_SCENARIOS"))
    grid = store.region_indicators(regions[0], YEAR, STAGE)
    codes = list(grid["indicator_code"])
    top = store.framework_of(YEAR, STAGE).max_level
    store.import_programmes(regions[0], "bench.csv", _register(codes, most_programmes, top), created_by="bench")
    for region in regions:
        region_codes = list(store.region_indicators(region, YEAR, STAGE)["indicator_code"])
        for n in range(most_scenarios):   # the store's own writer (the bound is checked under its lock)
            levels = {region_codes[n % len(region_codes)]: 1 + (n // len(region_codes)) % top,
                      region_codes[(n + 7) % len(region_codes)]: "verify"}
            scenarios.save_scenario(store.data_dir, Scenario(region, f"Bench {n}", YEAR, STAGE, levels), "bench")
    return {"programmes": most_programmes, "scenarios": most_scenarios}


def run_bounds(regions_compared: int, repeat: int) -> dict:
    from scoring import scope_score
    from scoring.whatif import apply_changes, programme_effects, programme_levels
    from store import Store
    from store.programmes import links

    with tempfile.TemporaryDirectory(prefix="matra-bounds-") as temp:
        data_dir = Path(temp) / "data"
        shutil.copytree(REPO / "data", data_dir, ignore=shutil.ignore_patterns(".matra.lock"))
        store = Store(data_dir)
        regions = list(store.ranking(YEAR, STAGE)["region_code"][:regions_compared])
        bounds = fill_to_bounds(store, regions)
        framework = store.framework_of(YEAR, STAGE)

        def plan() -> None:
            grid = store.region_indicators(regions[0], YEAR, STAGE)
            register = store.programmes(regions[0])
            linked = links(register)   # the scoring work of views.action.plan_summary (tools/ may not import views)
            programme_effects(grid, framework, linked)
            scope_score(apply_changes(grid, lifts=programme_levels(linked, list(register["programme_code"])),
                                      max_level=framework.max_level),
                        framework)

        def compare() -> None:
            table = store.scenario_table(regions, YEAR, STAGE)   # under reports.tables.scenario_table
            assert len(table) == bounds["scenarios"] * len(regions), len(table)

        timings, cpu = {}, {}
        for name, call in (("plan", plan), ("compare", compare)):
            runs, used = [], []
            for _ in range(repeat):
                start, start_cpu = time.perf_counter(), time.process_time()
                call()
                runs.append((time.perf_counter() - start) * 1000)
                used.append((time.process_time() - start_cpu) * 1000)
            timings[name], cpu[name] = runs, used
    return {**bounds, "regions": regions, "timings": timings, "cpu": cpu}


def print_bounds(result: dict) -> None:
    print(f"plan and compare at the bounds: register of {result['programmes']} programmes (MATRA_MAX_PROGRAMMES), "
          f"{result['scenarios']} scenarios per region (MATRA_MAX_SCENARIOS) x {len(result['regions'])} regions "
          "compared; computed once per data version, then cached for every session")
    for name, goal in (("plan", PLAN_GOAL_MS), ("compare", COMPARE_GOAL_MS)):
        runs, used = result["timings"][name], result["cpu"][name]
        median, median_cpu = statistics.median(runs), statistics.median(used)
        print(f"  {name:<8} median {median:8.0f} ms  max {max(runs):8.0f} ms  goal <= {goal:g} ms  "
              f"{'PASS' if median <= goal else 'MISS'}   (CPU {median_cpu:.0f} ms: "
              f"{'PASS' if median_cpu <= goal else 'MISS'} on an idle core)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regions", type=int, default=2, help="regions on the compare page (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="timed computations of each (default 3)")
    args = parser.parse_args()
    print_bounds(run_bounds(max(1, args.regions), max(1, args.repeat)))


if __name__ == "__main__":
    main()
