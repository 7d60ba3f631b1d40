"""Issue 25 (4, 5): registers, scenarios and notes bounded where they are stored (settings
MATRA_MAX_PROGRAMMES, MATRA_MAX_SCENARIOS, MATRA_MAX_NOTES, refused with a clear message in both
languages, nothing written), and every import parsed in the bounded worker, not the server process."""

import pytest

from store import IngestRefused, meetings
from store.cli import main
from store.scenarios import Scenario, ScenarioRefused
from tests.store.helpers import tree_fingerprint
from tests.store.test_calendar import GOOD as CALENDAR
from tests.store.test_programmes import GOOD, csv_file, scored_store

TARGETS = b"region_code,year,dimension,target\n35.09,2024,GOV,3.2\n"


def programme_rows(count: int) -> list[str]:
    return [f"Q{n},Program {n},GOV,GOV.A.02=4,Diskominfo,1000,APBD,2024,2025,running,10,no," for n in range(count)]


def test_a_register_over_the_bound_is_refused_whole_and_named(tiny_data_dir, monkeypatch, capsys, tmp_path):
    """The attack: a register of 100,000 rows was accepted and the plan page then took minutes."""
    store = scored_store(tiny_data_dir)
    monkeypatch.setenv("MATRA_MAX_PROGRAMMES", "3")
    assert store.import_programmes("35.09", "p.csv", csv_file(*programme_rows(3))) == 1
    before = tree_fingerprint(tiny_data_dir)
    with pytest.raises(IngestRefused) as refused:
        store.import_programmes("35.09", "p.csv", csv_file(*programme_rows(4)))
    [problem] = refused.value.problems
    assert (problem.code, problem.value, problem.expected) == ("too_many_programmes", "4", "3")
    assert "4 programmes; the limit is 3 per region (setting MATRA_MAX_PROGRAMMES)" in problem.describe("en")
    assert "memuat 4 program; batasnya 3 per daerah" in problem.describe("id")
    assert tree_fingerprint(tiny_data_dir) == before
    big = tmp_path / "big.csv"
    big.write_bytes(csv_file(*programme_rows(5000)))
    assert main(["--data-dir", str(tiny_data_dir), "--lang", "en", "programmes", "import", str(big),
                 "--region", "35.09"]) == 2
    assert "5000 programmes; the limit is 3" in capsys.readouterr().err
    assert tree_fingerprint(tiny_data_dir) == before


def test_the_default_bound_is_the_setting(tiny_data_dir):
    store = scored_store(tiny_data_dir)
    with pytest.raises(IngestRefused, match="301 programmes; the limit is 300"):
        store.import_programmes("35.09", "p.csv", csv_file(*programme_rows(301)))


@pytest.mark.parametrize("write", ["programmes", "calendar", "targets"])
def test_imports_are_parsed_in_the_worker_not_the_server_process(tiny_data_dir, monkeypatch, write):
    """The attack: the Data page parsed registers and calendars in the server process (100,000 bad rows:
    23.5 s, server RSS 276 -> 1,927 MB). A reader that fails in this process proves the parse is elsewhere."""
    from store import reading

    store = scored_store(tiny_data_dir)

    def in_the_server(*args, **kwargs):
        raise AssertionError("parsed in the server process")

    for module in ("store.programmes", "store.calendar", "store.targets", "store.reading"):
        monkeypatch.setattr(f"{module}.read_grid", in_the_server)
    assert reading.read_grid is in_the_server
    done = {"programmes": lambda: store.import_programmes("35.09", "p.csv", csv_file(*GOOD)),
            "calendar": lambda: store.import_calendar("c.csv", CALENDAR),
            "targets": lambda: store.import_targets("t.csv", TARGETS, created_by="Ani")}[write]()
    assert done in (1, 2)


def test_a_worker_out_of_time_is_a_problem_not_a_stall(tiny_data_dir, monkeypatch):
    store = scored_store(tiny_data_dir)
    before = tree_fingerprint(tiny_data_dir)
    monkeypatch.setenv("MATRA_PARSE_SECONDS", "0.05")
    with pytest.raises(IngestRefused) as refused:
        store.import_programmes("35.09", "p.csv", csv_file(*programme_rows(50_000)))
    assert [p.code for p in refused.value.problems] == ["parse_timeout"]
    assert "MATRA_PARSE_SECONDS" in refused.value.problems[0].describe("en")
    assert tree_fingerprint(tiny_data_dir) == before


def test_scenarios_per_region_are_bounded(tiny_data_dir, monkeypatch, capsys):
    """The attack: any signed-in note taker could save scenarios without limit (compare: 27.8 s at 1,000)."""
    store = scored_store(tiny_data_dir)
    monkeypatch.setenv("MATRA_MAX_SCENARIOS", "2")
    first = store.save_scenario(Scenario("35.09", "satu", 2024, "II", {"GOV.A.02": 4}))
    store.save_scenario(Scenario("35.09", "dua", 2024, "II", {"GOV.A.02": 3}))
    assert store.save_scenario(Scenario("35.09", "satu", 2024, "II", {"GOV.A.02": 4})).id == first.id  # same: kept
    store.save_scenario(Scenario("35.78", "lain", 2024, "II", {"GOV.A.02": 4}))   # another region: its own count
    before = tree_fingerprint(tiny_data_dir)
    with pytest.raises(ScenarioRefused) as refused:
        store.save_scenario(Scenario("35.09", "tiga", 2024, "II", {"GOV.A.02": 1}))
    assert (refused.value.code, refused.value.value) == ("too_many_scenarios", "2")
    assert tree_fingerprint(tiny_data_dir) == before
    assert main(["--data-dir", str(tiny_data_dir), "--lang", "en", "scenarios", "save", "--region", "35.09",
                 "--year", "2024", "--stage", "II", "--name", "tiga", "--set", "GOV.A.02=1"]) == 2
    assert capsys.readouterr().err.strip() == ("35.09 already has 2 saved scenarios, the most allowed (setting "
                                               "MATRA_MAX_SCENARIOS); delete one first")
    store.delete_scenario("35.09", first.id)
    store.save_scenario(Scenario("35.09", "tiga", 2024, "II", {"GOV.A.02": 1}))


def test_notes_per_agenda_are_bounded(tiny_data_dir, monkeypatch):
    monkeypatch.setenv("MATRA_MAX_NOTES", "2")
    agenda = "0123456789abcdef"
    first = meetings.save_note(tiny_data_dir, agenda, {"item": 0, "note": "a"}, created_by="Ani")
    meetings.save_note(tiny_data_dir, agenda, {"item": 0, "note": "b"}, created_by="Ani")
    meetings.save_note(tiny_data_dir, agenda, {"item": 0, "note": "a2", "id": first}, created_by="Ani")  # an edit
    before = tree_fingerprint(tiny_data_dir)
    with pytest.raises(meetings.TooManyNotes) as refused:
        meetings.save_note(tiny_data_dir, agenda, {"item": 1, "note": "c"}, created_by="Ani")
    assert refused.value.limit == 2
    assert tree_fingerprint(tiny_data_dir) == before
    assert sorted(n["note"] for n in meetings.read_notes(tiny_data_dir, agenda)) == ["a2", "b"]
