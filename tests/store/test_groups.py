"""Evaluation groups are data (data/groups/groups.csv): the ranking's group and group_rank come from the
file, ranked with the shared-rank rule within each group; the bundled demo file gives 2024 two groups."""

from __future__ import annotations

import csv
import io

import pytest

from store import IngestRefused, Store
from tests.conftest import TINY_LEVELS
from tests.store.helpers import long_csv
from tests.store.test_cli import run


@pytest.fixture
def grouped(tiny_data_dir):
    """2024 II: four regions. Indices (tiny shares): 35.09 2.825; 35.78 all at 4 -> 4.0; 11.01 all at 1 -> 1.0;
    11.02 2.825 again. Groups: reguler = 35.09, 35.78, 11.01; baru = 11.02."""
    store = Store(tiny_data_dir)
    levels = {"35.09": TINY_LEVELS, "35.78": {c: 4 for c in TINY_LEVELS}, "11.01": {c: 1 for c in TINY_LEVELS},
              "11.02": TINY_LEVELS}
    store.ingest_bytes("all.csv", long_csv(levels).encode(), year=2024, stage="II")
    (tiny_data_dir / "groups").mkdir()
    (tiny_data_dir / "groups" / "groups.csv").write_text(
        "year,region_code,group\n2024,35.09,reguler\n2024,35.78,reguler\n2024,11.01,reguler\n2024,11.02,baru\n"
        "2023,35.09,baru\n")
    (tiny_data_dir / "groups" / "names.csv").write_text("group,name_id,name_en\nreguler,Reguler,Regular\n")
    return tiny_data_dir


def test_group_ranks_are_shared_ranks_within_each_group(grouped):
    table = Store(grouped).ranking(2024, "II").set_index("region_code")
    # national: 35.78 4.00 first, 35.09 and 11.02 2.83 share 2nd, 11.01 1.00 4th
    assert table["rank"].to_dict() == {"35.78": 1, "35.09": 2, "11.02": 2, "11.01": 4}
    # reguler: 35.78 1, 35.09 2, 11.01 3; baru: 11.02 alone, 1st (its 2.83 ties nobody there)
    assert table["group"].to_dict() == {"35.78": "reguler", "35.09": "reguler", "11.02": "baru", "11.01": "reguler"}
    assert table["group_rank"].to_dict() == {"35.78": 1, "35.09": 2, "11.02": 1, "11.01": 3}
    assert table["group_regions"].to_dict() == {"35.78": 3, "35.09": 3, "11.02": 1, "11.01": 3}
    assert Store(grouped).group_names("en") == {"reguler": "Regular"}   # 'baru' has no name row: its code


def test_the_cli_ranking_has_group_and_group_rank(grouped):
    out = run(grouped, "ranking", "--year", "2024", "--stage", "II")
    assert out.returncode == 0, out.stderr
    rows = {row["region_code"]: row for row in csv.DictReader(io.StringIO(out.stdout))}
    assert [(rows[r]["group"], rows[r]["group_rank"]) for r in ("35.78", "35.09", "11.02", "11.01")] == [
        ("reguler", "1"), ("reguler", "2"), ("baru", "1"), ("reguler", "3")]


def test_a_region_the_file_does_not_list_has_no_group(grouped):
    (grouped / "groups" / "groups.csv").write_text("year,region_code,group\n2024,35.09,reguler\n")
    table = Store(grouped).ranking(2024, "II").set_index("region_code")
    assert table.loc["35.09", ["group", "group_rank"]].tolist() == ["reguler", 1]
    assert table.loc[["35.78", "11.01", "11.02"], "group"].isna().all()
    assert table.loc[["35.78", "11.01", "11.02"], "group_rank"].isna().all()


def test_a_broken_groups_file_is_refused_naming_row_and_value(grouped):
    (grouped / "groups" / "groups.csv").write_text("year,region_code,group\n2024,35.09,a\n2024,35.09,b\nxx,35.78,a\n")
    with pytest.raises(IngestRefused) as refused:
        Store(grouped).evaluation_groups(2024)
    text = str(refused.value)
    assert "groups.csv, row 3, column region_code" in text and "35.09 2024" in text
    assert "row 4, column year" in text and "'xx'" in text


def test_the_demo_data_ranks_2024_in_two_groups_of_191_and_50():
    from tests.conftest import REPO

    table = Store(REPO / "data").ranking(2024, "II")
    assert table["group"].value_counts().to_dict() == {"reguler": 191, "angkatan-2023": 50}
    for _, rows in table.groupby("group"):   # within a group the ranks are the shared ranks of the shown index
        expected = rows["shown"].rank(method="min", ascending=False).astype(int)
        assert rows["group_rank"].astype(int).tolist() == expected.tolist()
        assert rows["group_rank"].min() == 1


def test_the_framework_bands_lie_on_the_0_to_4_scale_and_say_so():
    from tests.conftest import REPO

    out = run(REPO / "data", "framework", "--year", "2025", "--part", "bands", "--format", "json")
    assert out.returncode == 0, out.stderr
    import json

    bands = json.loads(out.stdout)
    assert {band["max_level"] for band in bands} == {4}
    assert all(0 <= band["lower"] <= 4 for band in bands) and bands[-1]["name_id"] == "Memuaskan"
