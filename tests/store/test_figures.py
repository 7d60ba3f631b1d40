"""Ranking, change and plan through the store and `python -m store` (in-process), hand-computed on
the tiny framework (index shares GOV.A.01 0.2, GOV.A.02 0.075, GOV.B.01 0.2, ENV.A.01 0.1,
ENV.A.02 0.2, ENV.A.03 0.225)."""

import csv
import io
import json

import pytest

from scoring import scope_score
from store import Store
from store.cli import main
from tests.conftest import FIXTURES, TINY_LEVELS
from tests.store.helpers import long_csv

ALL = {level: {k: level for k in TINY_LEVELS} for level in range(6)}


def load(store, tmp_path, year, levels_by_region, stage="II"):
    path = tmp_path / f"{year}-{stage}.csv"
    path.write_text(long_csv(levels_by_region))
    return store.ingest_file(path, year=year, stage=stage)[0]


@pytest.fixture
def two_years(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    load(store, tmp_path, 2023, {"35.09": TINY_LEVELS, "35.78": ALL[3], "11.01": ALL[1]})      # 2.825, 3.0, 1.0
    load(store, tmp_path, 2024, {
        "35.09": dict(TINY_LEVELS, **{"ENV.A.03": 3}),                  # 2.825 + 0.45 = 3.275 (shown 3.28)
        "35.78": dict(ALL[3], **{"GOV.A.02": 4, "GOV.A.01": 4}),       # 3.0 + 0.075 + 0.2 = 3.275
        "11.01": ALL[1], "12.71": ALL[2]})                              # 1.0; new this year: 2.0
    return tiny_data_dir


def cli(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_ranking_cli_ties_new_regions_and_changes(two_years, capsys):
    code, out, _ = cli(capsys, two_years, "ranking", "--year", "2024", "--stage", "II")
    assert code == 0
    rows = {row["region_code"]: row for row in csv.DictReader(io.StringIO(out))}
    assert [rows[r]["rank"] for r in ("35.09", "35.78", "12.71", "11.01")] == ["1", "1", "3", "4"]
    assert rows["35.09"]["shown"] == "3.28" and rows["35.09"]["band"] == "3"
    # the band by its name too (tests/fixtures/tiny.toml: level 3 "Terdefinisi" from 2.6; 1.00 is level 1)
    assert (rows["35.09"]["band_name"], rows["11.01"]["band_name"]) == ("Terdefinisi", "Rintisan")
    assert float(rows["35.09"]["index"]) == 3.275
    # ranks among the regions of both years: 2023 35.78 1, 35.09 2, 11.01 3; 2024 1, 1, 3
    assert (rows["35.09"]["rank_change"], rows["35.78"]["rank_change"], rows["11.01"]["rank_change"]) == ("1", "0", "0")
    assert rows["12.71"]["rank_change"] == "" and rows["12.71"]["change"] == "" and rows["12.71"]["new"] == "True"
    # 3.28 - 2.83 (2.825 shows 2.83) and 3.28 - 3.00; no change shows 0.00
    assert (rows["35.09"]["change"], rows["35.78"]["change"], rows["11.01"]["change"]) == ("0.45", "0.28", "0.00")
    assert rows["35.09"]["close_call"] == rows["35.78"]["close_call"] == "True"   # tied
    assert rows["12.71"]["close_call"] == rows["11.01"]["close_call"] == "False"
    code, out, _ = cli(capsys, two_years, "ranking", "--year", "2024", "--stage", "II", "--format", "json")
    assert {row["region_code"]: row["shown"] for row in json.loads(out)}["11.01"] == "1.00"


def test_ranking_store_has_province_and_kind_ranks(two_years):
    table = Store(two_years).ranking(2024, "II").set_index("region_code")
    assert table.loc["35.78", "province_rank"] == 1 and table.loc["35.09", "province_rank"] == 1
    assert table.loc["35.78", "province_regions"] == 2
    # kota: 35.78 and 12.71; kabupaten: 35.09 and 11.01
    assert table.loc["12.71", "kind_rank"] == 2 and table.loc["11.01", "kind_rank"] == 2


def test_change_cli_adds_up(two_years, capsys):
    code, out, _ = cli(capsys, two_years, "change", "--region", "35.09", "--year", "2024", "--stage", "II")
    assert code == 0
    result = json.loads(out)
    assert result["index_change"] == pytest.approx(0.45) and result["method_effect"] == 0
    assert result["by_indicator"] == [{"indicator_code": "ENV.A.03", "dimension": "ENV", "from_level": 1,
                                       "to_level": 3, "contribution": pytest.approx(0.45)}]
    total = result["method_effect"] + sum(d["contribution"] for d in result["by_dimension"])
    assert total == pytest.approx(result["index_change"], abs=1e-12)
    code, _, err = cli(capsys, two_years, "change", "--region", "12.71", "--year", "2024", "--stage", "II")
    assert code == 2 and "12.71" in err


def test_plan_cli(two_years, capsys):
    code, out, _ = cli(capsys, two_years, "plan", "--region", "35.09", "--year", "2024", "--stage", "II")
    assert code == 0
    plan = json.loads(out)
    # 3.275 -> 3.495 needs 0.22: one raise of ENV.A.03 (0.225)
    assert (plan["band"], plan["next_band"], plan["next_lower"], plan["reachable"]) == (3, 4, 3.5, True)
    assert plan["actions"] == [{"indicator_code": "ENV.A.03", "kind": "raise", "from_level": 3, "to_level": 4,
                                "gain": pytest.approx(0.225), "owner_opd": "Dinas PUPR"}]
    assert plan["score_after"] == pytest.approx(3.5)
    code, out, _ = cli(capsys, two_years, "plan", "--region", "35.09", "--year", "2024", "--stage", "II",
                       "--scope", "GOV")
    gov = json.loads(out)
    # GOV = mean of GOV.A ((2 x 3 + 0) / 3 = 2) and GOV.B (4) = 3.0; needs 0.495. GOV.B.01 is at the top
    # level 4, so: GOV.A.01 3 -> 4 (+1/3) and GOV.A.02 0 -> 1 (+1/6) = 0.5; no single action reaches 0.495
    assert code == 0 and gov["score"] == 3.0 and gov["next_lower"] == 3.5
    assert [(a["indicator_code"], a["kind"], a["to_level"]) for a in gov["actions"]] == [
        ("GOV.A.01", "raise", 4), ("GOV.A.02", "raise", 1)]
    code, _, err = cli(capsys, two_years, "plan", "--region", "35.09", "--year", "2024", "--stage", "II",
                       "--scope", "XXX")
    assert code == 2 and "XXX" in err


def test_a_snapshot_is_read_with_the_framework_recorded_with_it(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    load(store, tmp_path, 2024, {"35.09": TINY_LEVELS})
    stored = store.scores(2024, "II", "index")["index"].iloc[0]
    assert stored == 2.825
    # A new file takes over 2024 with other chain weights (old: tiny covers 2022-2024).
    folder = tiny_data_dir / "framework"
    text = (folder / "tiny.toml").read_text()
    (folder / "tiny.toml").write_text(text.replace("years = [2022, 2023, 2024]", "years = [2022, 2023]"))
    newer = (FIXTURES / "tiny.toml").read_text().replace('id = "tiny-2022"', 'id = "tiny-2024"').replace(
        "years = [2022, 2023, 2024]", "years = [2024]").replace("quick_win = 0.20", "quick_win = 0.10").replace(
        "impact = 0.20", "impact = 0.30")
    (folder / "tiny-2024.toml").write_text(newer)
    store = Store(tiny_data_dir)
    assert store.framework_for(2024).id == "tiny-2024"          # for new uploads
    assert store.framework_of(2024, "II").id == "tiny-2022"     # for the stored snapshot
    grid = store.region_indicators("35.09", 2024, "II")
    assert scope_score(grid, store.framework_of(2024, "II")) == stored
    assert store.plan("35.09", 2024, "II").score == stored
