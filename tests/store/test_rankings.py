"""The ranking written beside the scores (store/rankings.py) is the ranking computed from the stored
index rows, for every year and stage of the demo data and after every change that moves ranks: a
commit, a retraction, a restoration, the evaluation groups edited by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from store import rankings
from store.repository import Store

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(tmp_path) -> Store:
    target = tmp_path / "data"
    shutil.copytree(REPO / "data", target, ignore=shutil.ignore_patterns(".matra.lock", "rankings"))
    return Store(target)


def pairs(store: Store) -> list[tuple[int, str]]:
    return sorted({(s.year, s.stage) for s in store.active_snapshots()})


def assert_written_is_computed(store: Store, year: int, stage: str) -> pd.DataFrame:
    written = rankings.read(store, year, stage)
    assert written is not None, f"no written ranking for {year} {stage}"
    computed = rankings.computed(store, year, stage)
    pd.testing.assert_frame_equal(written, computed)
    pd.testing.assert_frame_equal(store.ranking(year, stage), computed)
    return written


def test_every_year_and_stage_of_the_demo_data_reads_as_computed(demo):
    assert all(rankings.read(demo, year, stage) is None for year, stage in pairs(demo))   # none written yet
    written = demo.write_rankings()
    assert len(written) == len(pairs(demo)) == 18
    for year, stage in pairs(demo):
        table = assert_written_is_computed(demo, year, stage)
        assert len(table) == demo.active_snapshot(year, stage).regions
    assert demo.write_rankings() == []   # nothing missing: nothing rewritten


def test_retract_and_restore_write_the_rankings_they_change(demo):
    demo.write_rankings()
    before = rankings.read(demo, 2025, "II")
    last_year = demo.active_snapshot(2024, "II")
    demo.retract(last_year.id, allow_empty=True)
    after = assert_written_is_computed(demo, 2025, "II")
    assert after["new"].all() and not before["new"].all()    # no 2024 stage II left: every region is new
    assert after["rank_change"].isna().all()
    demo.restore(last_year.id)
    pd.testing.assert_frame_equal(assert_written_is_computed(demo, 2025, "II"), before)
    assert len(list((demo.data_dir / rankings.FOLDER).glob("*.parquet"))) == len(pairs(demo))   # old keys pruned


def test_a_commit_writes_its_year_and_the_next(demo):
    demo.write_rankings()
    region = demo.ranking(2024, "II")["region_code"].iloc[-1]      # last in 2024: lift it to the top
    rows = demo.region_indicators(region, 2024, "II")[["region_code", "indicator_code"]]
    max_level = demo.framework_of(2024, "II").max_level
    rows = rows.assign(level=max_level, claimed_level=pd.array([max_level] * len(rows), dtype="Int64"),
                       evidence="verified", note="")
    demo.ingest_rows(rows, year=2024, stage="II", source="lift.csv")
    this_year = assert_written_is_computed(demo, 2024, "II")
    assert this_year.loc[this_year["region_code"] == region, "rank"].item() == 1
    next_year = assert_written_is_computed(demo, 2025, "II")
    previous_rank = next_year.loc[next_year["region_code"] == region, "previous_rank"]
    assert previous_rank.empty or previous_rank.item() == 1


def test_groups_edited_by_hand_are_never_read_from_an_old_file(demo):
    demo.write_rankings()
    path = demo.data_dir / "groups" / "groups.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    mine = table["year"] == "2025"
    table.loc[mine, "group"] = table.loc[mine, "group"].map({"reguler": "angkatan-2023", "angkatan-2023": "reguler"})
    table.to_csv(path, index=False)
    assert rankings.read(demo, 2025, "II") is None     # the groups are part of the key
    edited = demo.ranking(2025, "II")
    pd.testing.assert_frame_equal(edited, rankings.computed(demo, 2025, "II"))
    moved = edited.set_index("region_code")["group"]
    assert (moved.loc[table.loc[mine, "region_code"]].to_numpy() == table.loc[mine, "group"].to_numpy()).all()
    demo.write_rankings()
    assert_written_is_computed(demo, 2025, "II")
