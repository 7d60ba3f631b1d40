"""Saved what-if scenarios on real parquet: stored once per choice, read back, shown beside the
actual figures with hand-computed index, band and ranks, refused cleanly, and from the CLI."""

import json

import pytest

from scoring.whatif import WhatIfError
from store import Store
from store.cli import main
from store.scenarios import Scenario, ScenarioRefused
from tests.store.helpers import tree_fingerprint
from tests.store.test_programmes import GOOD, csv_file, scored_store

TWO_UP = {"GOV.A.02": 4, "ENV.A.03": 4}


def test_saved_scenario_reads_back_with_hand_computed_figures(tiny_data_dir):
    store = scored_store(tiny_data_dir)
    saved = store.save_scenario(Scenario("35.09", "  Dua   indikator\n naik ", 2024, "II", TWO_UP), created_by="Ani")
    assert saved.name == "Dua indikator naik" and saved.created_by == "Ani"
    again = store.save_scenario(Scenario("35.09", "Dua indikator naik", 2024, "II", dict(TWO_UP)))
    assert again.id == saved.id and again.created_by == "Ani"          # the same choices: one file
    assert [s.id for s in store.scenarios("35.09")] == [saved.id]
    assert store.scenario("35.09", saved.id) == saved
    # 35.09: 2.825 now; GOV.A.02 0->4 and ENV.A.03 1->4 give 3.8 (band 3 -> 5 from 3.8, 4th -> 3rd of 5)
    table = store.scenario_table(["35.09", "35.78"], 2024, "II")
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["region_code"], row["name"], row["changes"]) == ("35.09", "Dua indikator naik", 2)
    assert row["index_before"] == pytest.approx(2.825) and row["index_after"] == pytest.approx(3.8)
    assert (row["band_before"], row["band_after"], row["rank_before"], row["rank_after"]) == (3, 5, 4, 3)
    assert store.scenario_table(["35.09"], 2025, "II").empty       # it starts from 2024 II only


def test_a_programme_scenario_follows_the_register_and_the_data(tiny_data_dir):
    store = scored_store(tiny_data_dir)
    store.import_programmes("35.09", "p.csv", csv_file(*GOOD))
    saved = store.save_scenario(Scenario("35.09", "P1 selesai", 2024, "II", programmes=("P1",)))
    # P1: GOV.A.02 -> 4 (+0.3), ENV.A.03 -> 2 (+0.225): 2.825 -> 3.35, 3rd
    result = store.scenario_result(saved)
    assert result.index_after == pytest.approx(3.35) and result.rank_after == 3
    store.import_programmes("35.09", "p.csv", csv_file(GOOD[1]))   # P1 dropped from the register
    with pytest.raises(WhatIfError):
        store.scenario_result(saved)
    assert store.scenario_table(["35.09"], 2024, "II").empty          # no longer applies: not shown


@pytest.mark.parametrize(("scenario", "expected"), [
    (Scenario("35.09", "   ", 2024, "II", TWO_UP), ScenarioRefused),
    (Scenario("35.09", "x" * 61, 2024, "II", TWO_UP), ScenarioRefused),
    (Scenario("35.09", "kosong", 2024, "II"), ScenarioRefused),
    (Scenario("35.09", "tahun lain", 2019, "II", TWO_UP), ScenarioRefused),
    (Scenario("35.09", "indikator asing", 2024, "II", {"XYZ.9": 3}), WhatIfError),
    (Scenario("35.09", "level asing", 2024, "II", {"GOV.A.02": 7}), WhatIfError),
    (Scenario("35.09", "program asing", 2024, "II", programmes=("NOPE",)), WhatIfError),
])
def test_a_scenario_that_cannot_apply_is_refused_and_nothing_written(tiny_data_dir, scenario, expected):
    store = scored_store(tiny_data_dir)
    before = tree_fingerprint(tiny_data_dir)
    with pytest.raises(expected):
        store.save_scenario(scenario)
    assert tree_fingerprint(tiny_data_dir) == before


def test_damaged_scenario_files_and_foreign_ids_are_skipped(tiny_data_dir):
    store = scored_store(tiny_data_dir)
    saved = store.save_scenario(Scenario("35.09", "baik", 2024, "II", TWO_UP))
    folder = tiny_data_dir / "scenarios" / "35.09"
    (folder / "0123456789ab.json").write_text("{not json")
    assert [s.id for s in store.scenarios("35.09")] == [saved.id]
    assert store.scenario("35.09", "../../etc/passwd") is None
    assert store.scenario("35.78", saved.id) is None


def test_scenarios_cli_saves_lists_shows_and_deletes(tiny_data_dir, capsys):
    scored_store(tiny_data_dir)
    base = ["--data-dir", str(tiny_data_dir), "scenarios"]
    assert main([*base, "save", "--region", "35.09", "--year", "2024", "--stage", "II", "--name", "Dua naik",
                 "--set", "GOV.A.02=4", "--set", "ENV.A.03=4", "--by", "Ani"]) == 0
    scenario_id = capsys.readouterr().out.strip()
    assert main([*base, "show", "--region", "35.09", scenario_id]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["name"] == "Dua naik" and shown["levels"] == {"ENV.A.03": 4, "GOV.A.02": 4}
    assert shown["index_after"] == pytest.approx(3.8) and (shown["rank_before"], shown["rank_after"]) == (4, 3)
    assert main([*base, "list", "--region", "35.09"]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == [scenario_id]
    assert main([*base, "save", "--region", "35.09", "--year", "2024", "--stage", "II", "--name", "kosong"]) == 2
    assert "--set" in capsys.readouterr().err
    assert main([*base, "delete", "--region", "35.09", scenario_id]) == 0
    assert main([*base, "show", "--region", "35.09", scenario_id]) == 2
    assert Store(tiny_data_dir).scenarios("35.09") == []


def test_a_deeply_nested_scenario_file_is_skipped_and_named_not_a_traceback(tiny_data_dir, capsys):
    """Issue 25 (3): a scenario file nested 100,000 levels deep made `scenarios list` print a traceback
    and broke the region, gaps and compare pages of its region for every viewer."""
    store = scored_store(tiny_data_dir)
    saved = store.save_scenario(Scenario("35.09", "baik", 2024, "II", TWO_UP))
    folder = tiny_data_dir / "scenarios" / "35.09"
    (folder / "0123456789ab.json").write_text('{"region": "35.09", "levels": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert [s.id for s in store.scenarios("35.09")] == [saved.id]
    assert list(store.scenario_table(["35.09"], 2024, "II")["scenario_id"]) == [saved.id]
    assert [name for name, *_ in store.skipped_scenarios("35.09")] == ["0123456789ab.json"]
    assert main(["--data-dir", str(tiny_data_dir), "--lang", "en", "scenarios", "list", "--region", "35.09"]) == 0
    out, err = capsys.readouterr()
    assert [json.loads(line)["id"] for line in out.splitlines()] == [saved.id]
    assert "0123456789ab.json: JSON nested more than 32 levels deep; the file is skipped." in err
    assert "Traceback" not in err
