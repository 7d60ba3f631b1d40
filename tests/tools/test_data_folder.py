"""`make_demo_data.py --scale N --out DIR` writes a complete data folder the store serves, and the
snapshot files are laid out so a reader skips what a view does not need (sorted, modest row groups)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from store import Store
from store.snapshots import ROW_GROUP_ROWS
from tools.make_demo_data import make_data_folder

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def doubled(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("doubled") / "data"
    make_data_folder(out, 2, quiet=True)
    return out


def test_a_scaled_folder_has_every_part_and_twice_the_regions(doubled):
    bundled = Store(REPO / "data")
    store = Store(doubled)
    assert {p.name for p in doubled.iterdir()} >= {"framework", "reference", "snapshots", "calendar"}
    assert len(store.regions()) == 2 * len(bundled.regions())
    assert {"35.09", "35.09~2"} <= set(store.regions()["code"])
    assert [f.id for f in store.frameworks()] == [f.id for f in bundled.frameworks()]
    ranked = store.ranking(2025, "II")
    assert len(ranked) == 2 * len(bundled.ranking(2025, "II"))
    assert not store.region_indicators(ranked["region_code"].iloc[-1], 2025, "II").empty
    assert store.uses_synthetic_data()


def test_snapshot_files_are_sorted_for_row_group_pruning(doubled):
    """Assessments sorted by region and scores by kind, in row groups of at most ROW_GROUP_ROWS rows,
    so one region's rows (or the index rows) sit in few row groups and DuckDB skips the others."""
    snapshot = Store(doubled).active_snapshot(2025, "II")
    for relative, key in ((snapshot.path, "region_code"), (snapshot.scores_path, "kind")):
        file = pq.ParquetFile(doubled / "snapshots" / relative)
        values = file.read(columns=[key])[key].to_pylist()
        assert values == sorted(values), relative
        sizes = [file.metadata.row_group(i).num_rows for i in range(file.metadata.num_row_groups)]
        assert max(sizes) <= ROW_GROUP_ROWS, relative
    assert pq.ParquetFile(doubled / "snapshots" / snapshot.path).metadata.num_row_groups > 1


def test_the_cli_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "kept.txt").write_text("mine")
    done = subprocess.run([sys.executable, "tools/make_demo_data.py", "--scale", "2", "--out", str(tmp_path)],
                          capture_output=True, text=True, cwd=REPO, check=False)
    assert done.returncode == 2 and "not empty" in done.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["kept.txt"]
