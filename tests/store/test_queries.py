"""Queries behind the views, on real parquet through DuckDB."""

import pytest

from store import Store
from tests.conftest import TINY_LEVELS
from tests.store.helpers import long_csv


def load(store, tmp_path, year, levels_by_region, stage="II"):
    path = tmp_path / f"{year}-{stage}.csv"
    path.write_text(long_csv(levels_by_region))
    return store.ingest_file(path, year=year, stage=stage)[0]


def test_ranking_ranks_moves_and_close_calls(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    low = {k: 1 for k in TINY_LEVELS}
    mid = {k: 3 for k in TINY_LEVELS}
    high = {k: 4 for k in TINY_LEVELS}
    load(store, tmp_path, 2021, {"35.09": high, "35.78": mid, "11.01": low})
    load(store, tmp_path, 2022, {"35.09": mid, "35.78": high, "11.01": dict(mid, **{"GOV.A.02": 2})})
    ranking = store.ranking(2022, "II").set_index("region_code")
    assert ranking.loc["35.78", "rank"] == 1 and ranking.loc["35.78", "rank_change"] == 1
    assert ranking.loc["35.09", "improvement"] == pytest.approx(-1.0)
    assert ranking.loc["35.09", "name"] == "Kabupaten Jember"
    # 35.09 (3.0) and 11.01 (3 - 0.3 x 1/4 = 2.925) are within 0.05 of each other... no: 0.075
    assert not ranking.loc["35.78", "too_close_to_call"]
    assert bool(ranking["method_changed"].all())  # 2021 used tiny-2019, 2022 tiny-2022


def test_close_call_marker(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    base = {k: 3 for k in TINY_LEVELS}
    near = dict(base, **{"ENV.A.01": 2})  # baseline share 0.1: index 2.9
    load(store, tmp_path, 2024, {"35.09": base, "35.78": near, "11.01": {k: 1 for k in base}})
    ranking = store.ranking(2024, "II").set_index("region_code")["too_close_to_call"]
    assert ranking.to_dict() == {"35.09": False, "35.78": False, "11.01": False}
    load(store, tmp_path, 2023, {"35.09": base, "35.78": dict(base, **{"GOV.A.02": 2})})
    ranking = store.ranking(2023, "II").set_index("region_code")["too_close_to_call"]
    # outcome share of GOV.A.02 in the index: 0.3 x 1/4 = 0.075 > 0.05 -> not too close
    assert not ranking.any()


def test_region_queries_and_trend(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    load(store, tmp_path, 2023, {"35.09": {k: 2 for k in TINY_LEVELS}})
    load(store, tmp_path, 2024, {"35.09": TINY_LEVELS})
    trend = store.trend(["35.09"], "II")
    assert trend["year"].tolist() == [2023, 2024]
    assert trend["score"].tolist() == pytest.approx([2.0, 2.825])
    grid = store.region_indicators("35.09", 2024, "II")
    assert len(grid) == 6 and grid.set_index("indicator_code").loc["GOV.B.01", "level"] == 4
    assert store.region_indicators("11.01", 2024, "II").empty
    scores = store.region_scores("35.09", 2024, "II")
    assert set(scores["kind"]) == {"index", "dimension", "chain", "element"}
    assert store.years("II") == [2023, 2024] and store.years("I") == []


def test_frozen_store_keeps_answering_from_its_snapshots(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    first = load(store, tmp_path, 2024, {"35.09": TINY_LEVELS})
    frozen = store.frozen(store.current_snapshot_ids())
    assert frozen.scores(2024, "II", "index")["index"].iloc[0] == pytest.approx(2.825)
    path = tmp_path / "newer.csv"
    from tests.store.helpers import long_csv as make_csv
    path.write_text(make_csv({"35.09": {k: 4 for k in TINY_LEVELS}}))
    store.ingest_file(path, year=2024, stage="II")
    assert store.scores(2024, "II", "index")["index"].iloc[0] == pytest.approx(4.0)
    assert frozen.scores(2024, "II", "index")["index"].iloc[0] == pytest.approx(2.825)
    assert frozen.current_snapshot_ids() == (first.id,)
