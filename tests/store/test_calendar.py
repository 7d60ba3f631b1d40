"""Evaluation calendar import (validated whole, atomic) and the programme template's drop-downs."""

import io
import json

import openpyxl
import pytest

from store import IngestRefused, Store
from store.cli import main
from store.programme_template import xlsx_programme_template
from tests.store.helpers import tree_fingerprint

GOOD = b"year,stage,opens,closes,note\n2026,I,2026-03-02,2026-04-30,\n2026,II,2026-06-01,2026-08-28,\n"


def test_calendar_import_reads_back_and_bad_files_write_nothing(tiny_data_dir):
    store = Store(tiny_data_dir)
    assert store.import_calendar("c.csv", GOOD) == 2
    assert [str(d) for d in store.calendar()["closes"]] == ["2026-04-30", "2026-08-28"]
    before = tree_fingerprint(tiny_data_dir)
    bad = b"tahun,tahap,dibuka,ditutup\n2026,I,2026-04-30,2026-03-02\n2026,I,2026-13-01,2026-04-30\n2026,III,x,y\n"
    with pytest.raises(IngestRefused) as refused:
        store.import_calendar("bad.csv", bad)
    assert [(p.code, p.row, p.column) for p in refused.value.problems] == [
        ("closes_before_opens", 2, "ditutup"), ("bad_date", 3, "dibuka"), ("duplicate_window", 3, "tahap"),
        ("bad_stage", 4, "tahap"), ("bad_date", 4, "dibuka"), ("bad_date", 4, "ditutup")]
    assert tree_fingerprint(tiny_data_dir) == before


def test_template_has_drop_downs_and_its_example_imports(tiny_data_dir):
    store = Store(tiny_data_dir)
    data = xlsx_programme_template(store.programme_framework())
    sheet = openpyxl.load_workbook(io.BytesIO(data))["programmes"]
    ranges = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert ranges["J2:J301"] == '"direncanakan,berjalan,selesai,dihentikan"'
    assert ranges["C2:C301"] == "lists!$A$1:$A$2"  # the tiny framework's two dimensions
    assert store.import_programmes("35.09", "template.xlsx", data) == 1


def test_calendar_cli_imports_shows_and_counts_days_from_a_fixed_date(tiny_data_dir, tmp_path, capsys):
    base = ["--data-dir", str(tiny_data_dir), "calendar"]
    good = tmp_path / "kalender.csv"
    good.write_bytes(b"tahun;tahap;dibuka;ditutup;catatan\n2026;II;2026-06-01;2026-08-28;verifikasi\n"
                     b"2026;I;2026-03-02;2026-04-30;kuesioner\n2027;I;2027-03-01;2027-04-30;\n")
    assert main([*base, "import", str(good)]) == 0
    assert capsys.readouterr().out.strip() == "3"
    assert main([*base, "show"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "year,stage,opens,closes,note", "2026,I,2026-03-02,2026-04-30,kuesioner",
        "2026,II,2026-06-01,2026-08-28,verifikasi", "2027,I,2027-03-01,2027-04-30,"]
    # 10 April 2026: stage I closes in 20 days; stage II opens in 52 (20 + 31 + 1) and closes in 140
    assert main([*base, "show", "--today", "2026-04-10", "--format", "json"]) == 0
    windows = json.loads(capsys.readouterr().out)
    assert [(w["stage"], w["closed"], w["open_now"], w["days_left"], w["days_to_open"]) for w in windows] == [
        ("I", False, True, 20, 0), ("II", False, False, 140, 52)]
    # 1 May 2026: stage I closed (no days left), stage II 30 + 30 + 31 + 28 = 119 days
    assert main([*base, "show", "--today", "2026-05-01", "--format", "json"]) == 0
    assert [w["days_left"] for w in json.loads(capsys.readouterr().out)] == [None, 119]


def test_calendar_cli_refuses_a_bad_file_or_date_and_writes_nothing(tiny_data_dir, tmp_path, capsys):
    base = ["--data-dir", str(tiny_data_dir), "--lang", "en", "calendar"]
    Store(tiny_data_dir).import_calendar("c.csv", GOOD)
    before = tree_fingerprint(tiny_data_dir)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"year,stage,opens,closes\n2026,I,2026-04-30,2026-03-02\n2026,II,=cmd(),2026-08-28\n")
    assert main([*base, "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.csv, row 2, column closes" in err and "bad.csv, row 3, column opens" in err
    assert "refused: 2 problem(s)" in err
    assert main([*base, "show", "--today", "2026-02-30"]) == 2
    assert "--today" in capsys.readouterr().err
    assert tree_fingerprint(tiny_data_dir) == before
