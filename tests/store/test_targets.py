"""Dimension targets: save, validate, import (CSV/XLSX, long/wide), export, on real parquet."""

import io
import shutil

import openpyxl
import pandas as pd
import pytest

from store import IngestRefused, Store
from store.exports import neutralise
from tests.store.helpers import tree_fingerprint


def frame(*rows):
    return pd.DataFrame(rows, columns=["region_code", "year", "dimension", "target"])


def test_save_replaces_given_keys_keeps_others_and_feeds_the_reader(tiny_data_dir):
    store = Store(tiny_data_dir)
    assert store.targets("35.09", 2024) == {} and store.targets_table().empty
    assert store.save_targets(frame(("35.09", 2024, "GOV", 3.0), ("35.09", 2024, "ENV", 2.6),
                                    ("35.78", 2023, "GOV", 4)), created_by="Ani") == 3
    assert store.targets("35.09", 2024) == {"ENV": 2.6, "GOV": 3.0}
    assert store.save_targets(frame(("35.09", 2024, "gov", 3.5)), created_by="Budi") == 1
    assert store.targets("35.09", 2024) == {"ENV": 2.6, "GOV": 3.5}
    table = store.targets_table(2024)
    assert list(table.columns[:5]) == ["region_code", "name", "year", "dimension", "target"]
    assert table.set_index("dimension").loc["GOV", "updated_by"] == "Budi"
    assert table["name"].unique().tolist() == ["Kabupaten Jember"]
    assert len(store.targets_table()) == 3
    assert store.save_targets(frame(("35.09", 2024, "ENV", None)), created_by="Ani") == 1  # blank clears
    assert store.targets("35.09", 2024) == {"GOV": 3.5}


def test_save_refuses_every_problem_and_writes_nothing(tiny_data_dir):
    store = Store(tiny_data_dir)
    store.save_targets(frame(("35.09", 2024, "GOV", 3.0)), created_by="Ani")
    before = tree_fingerprint(tiny_data_dir)
    with pytest.raises(IngestRefused) as refused:
        store.save_targets(frame(("99.99", 2024, "GOV", 3), ("35.09", 2024, "ENVI", 3),
                                 ("35.09", 2024, "ENV", 5.5), ("35.09", 2031, "GOV", 1),
                                 ("35.09", 2024, "ENV", "tinggi"), ("35.78", 2024, "GOV", -0.1)), created_by="x")
    found = [(p.code, p.row, p.column) for p in refused.value.problems]
    assert found == [("unknown_region", 1, "region_code"), ("unknown_dimension", 2, "dimension"),
                     ("bad_target", 3, "target"), ("bad_year", 4, "year"), ("bad_target", 5, "target"),
                     ("conflicting_row", 5, "region_code, year, dimension"), ("bad_target", 6, "target")]
    assert refused.value.problems[1].suggestion == "ENV"
    assert tree_fingerprint(tiny_data_dir) == before


def xlsx(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_import_export_round_trip_neutralises_formulas(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    long_csv = ("kode_wilayah;tahun;dimensi;target;catatan\n"
                "35.09;2024;GOV;3,2;=HYPERLINK(\"http://x\",\"klik\")\n"
                "Kota Surabaya;2024;ENV;2.6;RPJMD 2021-2026\n").encode("cp1252")
    assert store.import_targets("t.csv", long_csv, created_by="Ani") == 2
    wide = xlsx([["region_code", "year", "GOV", "ENV", "nama"], ["11.01", 2023, 2.8, None, "Aceh Selatan"],
                 ["11.01", 2024, 3, 3.1, ""]])
    assert store.import_targets("w.xlsx", wide, created_by="Budi") == 3
    table = store.targets_table()
    assert len(table) == 5 and store.targets("35.09", 2024) == {"GOV": 3.2}
    note = table.set_index(["region_code", "dimension"]).loc[("35.09", "GOV"), "note"]
    assert note.startswith("=HYPERLINK")

    exported = store.export_targets("csv")
    assert b"\n35.09,Kabupaten Jember,2024,GOV,3.2,\"'=HYPERLINK" in exported
    book = openpyxl.load_workbook(io.BytesIO(store.export_targets("xlsx", 2024)))
    cells = [c.value for row in book.active.iter_rows() for c in row]
    assert neutralise(note) in cells and all(not str(c).startswith("=") for c in cells if c)
    assert book.active.max_row == 5  # header + the four 2024 rows

    fresh = tmp_path / "fresh"
    shutil.copytree(tiny_data_dir, fresh, ignore=shutil.ignore_patterns("targets"))
    other = Store(fresh)
    assert other.import_targets("export.xlsx", store.export_targets("xlsx"), created_by="C") == 5
    assert other.import_targets("export.csv", exported, created_by="C") == 5
    pd.testing.assert_frame_equal(other.targets_table()[["region_code", "year", "dimension", "target"]],
                                  table[["region_code", "year", "dimension", "target"]])


def test_import_refuses_bad_files_with_rows_and_writes_nothing(tiny_data_dir):
    store = Store(tiny_data_dir)
    before = tree_fingerprint(tiny_data_dir)
    cases = {
        "cols.csv": (b"region_code,target\n35.09,3\n", [("missing_column", 1, "year"),
                                                          ("missing_column", 1, "dimension")]),
        "bad.csv": (b"region_code,year,dimension,target\n35.09,2024,GOV,9\n35.09,2024,GOV,3\n35.0,2024,ENV,1\n",
                    [("bad_target", 2, "target"), ("conflicting_row", 3, "region_code, year, dimension"),
                     ("unknown_region", 4, "region_code")]),
        "wide.csv": (b"kode_wilayah,tahun,GOV,ENV\n35.09,2024,3,x\n35.09,20x4,1,1\n",
                     [("bad_target", 2, "ENV"), ("bad_year", 3, "tahun")]),
        "empty.csv": (b"", [("empty_file", None, "")]),
        "formula.xlsx": (xlsx([["region_code", "year", "dimension", "target"], ["35.09", 2024, "GOV", "=1+2"]]),
                         [("formula_no_value", 2, "target")]),
    }
    for name, (data, expected) in cases.items():
        with pytest.raises(IngestRefused) as refused:
            store.import_targets(name, data, created_by="x")
        assert [(p.code, p.row, p.column) for p in refused.value.problems] == expected, name
    assert tree_fingerprint(tiny_data_dir) == before
