"""Memory does not grow with the data: a process that opens the store and answers the main views on
ten times the regions (and ten times the assessment rows) stays within 1.5 times the memory it needs
on the demo size (issue 13). Each figure is the peak RSS of a fresh Python process, so imports count
the same on both sides and nothing is shared with the test process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RATIO_GOAL = 1.5

# What a server process does for the overview, region, trends and gaps views: the national ranking
# of every year and stage, and one region's scores, indicators, trend and plan for a sample of regions.
WORKLOAD = r"""
import json, random, resource, sys
sys.path.insert(0, sys.argv[1])
from store import Store

store = Store(sys.argv[2])
rows = sum(s.rows for s in store.active_snapshots())
for year in store.years():
    for stage in ("I", "II"):
        store.ranking(year, stage)
codes = sorted(store.ranking(2025, "II")["region_code"])
for code in random.Random(2017).sample(codes, 20):
    store.region_scores(code, 2025, "II")
    store.region_indicators(code, 2025, "II")
    store.trend([code], "II", "dimension")
    store.plan(code, 2025, "II")
store.national_medians("II")
store.cohort_medians("II")
print(json.dumps({"rows": rows, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

GENERATE = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from tools.make_demo_data import make_data_folder

make_data_folder(Path(sys.argv[2]), int(sys.argv[3]), quiet=True)
"""


def _run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", script, str(REPO), *args], capture_output=True, text=True,
                          timeout=900, check=False, cwd=REPO)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def data_folders(tmp_path_factory) -> dict[int, Path]:
    """The demo data generated at 1x and 10x (same generator, seed and file layout)."""
    root = tmp_path_factory.mktemp("scaled")
    folders = {scale: root / f"{scale}x" for scale in (1, 10)}
    for scale, folder in folders.items():
        _run(GENERATE, str(folder), str(scale))
    return folders


def peak_rss(folder: Path) -> dict:
    return json.loads(_run(WORKLOAD, str(folder)).strip().splitlines()[-1])


@pytest.mark.slow
def test_memory_at_ten_times_the_regions_stays_within_half_again(data_folders):
    small, large = peak_rss(data_folders[1]), peak_rss(data_folders[10])
    assert large["rows"] > 9 * small["rows"]   # the 10x set really holds ten times the rows
    ratio = large["peak_mib"] / small["peak_mib"]
    assert ratio <= RATIO_GOAL, (f"peak RSS {large['peak_mib']:.0f} MiB at 10x ({large['rows']:,} rows) against "
                                 f"{small['peak_mib']:.0f} MiB at 1x ({small['rows']:,} rows): {ratio:.2f}x")
