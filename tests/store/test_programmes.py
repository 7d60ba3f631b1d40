"""Programme registers: import (CSV/XLSX, id/en headers), the malformed-file corpus, versions,
export round trip, and the what-if CLI on real parquet with hand-computed figures."""

import io
import json

import openpyxl
import pandas as pd
import pytest

from store import IngestRefused, Store
from store.cli import main
from store.programmes import links
from tests.conftest import TINY_LEVELS, assessment_rows
from tests.store.helpers import tree_fingerprint

HEADER_EN = ("programme_code,name,dimension,indicators,owner_opd,budget,budget_source,start_year,end_year,status,"
             "progress,quick_win,rpjmd_ref")
HEADER_ID = ("kode_program;nama_program;dimensi;indikator;opd_pengampu;anggaran;sumber_anggaran;tahun_mulai;"
             "tahun_selesai;status;progres;quick_win;rujukan_rpjmd")
GOOD = [
    "P1,Satu Data Jember,GOV,GOV.A.02=4; ENV.A.03=2,Diskominfo,1500000000,APBD,2023,2025,running,40,no,Misi 2",
    "P2,Bank sampah digital,ENV,ENV.A.02=4,DLH,250000000,DPA,2024,2024,done,100,yes,",
]


def csv_file(*rows, header=HEADER_EN):
    return ("\n".join([header, *rows]) + "\n").encode()


def refused(store, data, name="programmes.csv", region="35.09"):
    with pytest.raises(IngestRefused) as caught:
        store.import_programmes(region, name, data)
    return caught.value.problems


def test_import_reads_every_field_and_each_import_is_a_new_version(tiny_data_dir):
    store = Store(tiny_data_dir)
    assert store.import_programmes("35.09", "p.csv", csv_file(*GOOD), created_by="Ani") == 1
    register = store.programmes("35.09").set_index("programme_code")
    assert register.loc["P1", "budget"] == 1_500_000_000 and register.loc["P1", "status"] == "running"
    assert register.loc["P1", "indicators"] == "GOV.A.02=4; ENV.A.03=2"
    assert bool(register.loc["P2", "quick_win"]) and register.loc["P2", "budget_source"] == "DPA"
    assert register.loc["P1", "updated_by"] == "Ani"
    assert links(store.programmes("35.09")).values.tolist() == [["P1", "GOV.A.02", 4], ["P1", "ENV.A.03", 2],
                                                                 ["P2", "ENV.A.02", 4]]
    indonesian = csv_file("P9;Jaringan desa;gov;GOV.A.01=4;diskominfo;Rp 1.250.000;lainnya;2024;2026;berjalan;"
                          "10%;ya;", header=HEADER_ID)
    assert store.import_programmes("35.09", "p.csv", indonesian) == 2
    register = store.programmes("35.09")
    assert register["programme_code"].tolist() == ["P9"]  # an import replaces the register
    assert register.iloc[0][["dimension", "owner_opd", "budget", "budget_source", "status", "progress"]].tolist() == \
        ["GOV", "Diskominfo", 1_250_000.0, "other", "running", 10.0]
    assert (tiny_data_dir / "programmes" / "35.09" / "v0001.parquet").exists()  # the old version stays


CORPUS = {  # name: (row, expected problem code, column)
    "unknown_indicator": ("P1,A,GOV,GOV.Z.09=3,Diskominfo,1,APBD,2024,2025,planned,0,no,", "unknown_indicator",
                          "indicators"),
    "level_out_of_range": ("P1,A,GOV,GOV.A.01=5,Diskominfo,1,APBD,2024,2025,planned,0,no,", "bad_level",
                           "indicators"),
    "end_before_start": ("P1,A,GOV,GOV.A.01=3,Diskominfo,1,APBD,2025,2023,planned,0,no,", "end_before_start",
                         "end_year"),
    "negative_budget": ("P1,A,GOV,GOV.A.01=3,Diskominfo,-5000,APBD,2024,2025,planned,0,no,", "bad_budget",
                        "budget"),
    "unknown_opd": ("P1,A,GOV,GOV.A.01=3,Dinas Antah Berantah,1,APBD,2024,2025,planned,0,no,", "unknown_opd",
                    "owner_opd"),
    "formula": ('P1,"=HYPERLINK(""http://x"",""klik"")",GOV,GOV.A.01=3,Diskominfo,1,APBD,2024,2025,planned,0,no,',
                "formula_text", "name"),
    "bad_status": ("P1,A,GOV,GOV.A.01=3,Diskominfo,1,APBD,2024,2025,maybe,0,no,", "bad_status", "status"),
    "progress_over_100": ("P1,A,GOV,GOV.A.01=3,Diskominfo,1,APBD,2024,2025,running,120,no,", "bad_progress",
                          "progress"),
}


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_malformed_file_is_refused_with_place_and_nothing_written(tiny_data_dir, case):
    store = Store(tiny_data_dir)
    store.import_programmes("35.09", "p.csv", csv_file(*GOOD))
    before = tree_fingerprint(tiny_data_dir)
    row, code, column = CORPUS[case]
    problems = refused(store, csv_file(GOOD[1], row), name=f"{case}.csv")
    assert [(p.code, p.row, p.column) for p in problems] == [(code, 3, column)]
    assert problems[0].file == f"{case}.csv"
    for lang in ("id", "en"):
        assert problems[0].describe(lang).startswith(f"{case}.csv, {'baris' if lang == 'id' else 'row'} 3")
    assert tree_fingerprint(tiny_data_dir) == before


def test_duplicate_codes_name_both_rows(tiny_data_dir):
    store = Store(tiny_data_dir)
    before = tree_fingerprint(tiny_data_dir)
    problems = refused(store, csv_file(GOOD[0], GOOD[1], GOOD[0].replace("Satu Data", "Lain")))
    assert [(p.code, p.row, p.value, p.expected) for p in problems] == [("duplicate_programme", 4, "P1", "2")]
    assert "P1" in problems[0].message("en") and "baris 2" in problems[0].message("id")
    assert tree_fingerprint(tiny_data_dir) == before


def test_every_problem_of_a_file_is_listed(tiny_data_dir):
    store = Store(tiny_data_dir)
    problems = refused(store, csv_file("P1,A,XXX,GOV.A.01=3,Diskominfo,-1,APBN,2024,20x5,planned,0,maybe,"))
    assert {p.code for p in problems} == {"unknown_dimension", "bad_budget", "bad_budget_source",
                                          "bad_programme_year", "bad_quick_win"}
    assert not (tiny_data_dir / "programmes").exists()


def test_xlsx_formula_without_value_and_unknown_region_are_refused(tiny_data_dir):
    store = Store(tiny_data_dir)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER_EN.split(","))
    sheet.append(GOOD[0].replace("1500000000", "=1000*2").split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    problems = refused(store, buffer.getvalue(), name="p.xlsx")
    assert ("formula_no_value", 2, "budget") in [(p.code, p.row, p.column) for p in problems]
    assert refused(store, csv_file(*GOOD), region="99.99")[0].code == "unknown_region"
    assert not (tiny_data_dir / "programmes").exists()


def test_export_neutralises_formulas_and_imports_back(tiny_data_dir):
    store = Store(tiny_data_dir)
    store.import_programmes("35.09", "p.csv", csv_file(*GOOD))
    workbook = openpyxl.load_workbook(io.BytesIO(store.export_programmes("35.09", "xlsx", "id")))
    rows = list(workbook["program"].values)   # the sheet named in the headers' language
    assert rows[0][:3] == ("kode_program", "nama_program", "dimensi")
    assert rows[1][5] == 1500000000 and rows[2][2] == "ENV"
    assert store.import_programmes("35.09", "back.xlsx", store.export_programmes("35.09", "xlsx", "id")) == 2
    again = store.programmes("35.09")
    assert again[["programme_code", "indicators", "budget"]].values.tolist() == \
        [["P1", "GOV.A.02=4; ENV.A.03=2", 1.5e9], ["P2", "ENV.A.02=4", 2.5e8]]


def scored_store(tiny_data_dir):
    store = Store(tiny_data_dir)
    all_at = {level: {code: level for code in TINY_LEVELS} for level in (2, 3, 4)}
    rows = assessment_rows({"35.09": TINY_LEVELS, "35.78": all_at[3], "35.10": all_at[4], "35.11": all_at[2],
                            "31.71": all_at[4]})   # indices 2.825, 3.0, 4.0, 2.0, 4.0
    store.ingest_rows(rows, year=2024, stage="II", source="test")
    return store


def test_whatif_cli_prints_hand_computed_index_band_and_rank(tiny_data_dir, capsys):
    store = scored_store(tiny_data_dir)
    store.import_programmes("35.09", "p.csv", csv_file(*GOOD))
    base = ["--data-dir", str(tiny_data_dir), "whatif", "--region", "35.09", "--year", "2024", "--stage", "II"]
    assert main([*base, "--set", "GOV.A.02=4", "--set", "ENV.A.03=4", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["index_before"] == pytest.approx(2.825) and result["index_after"] == pytest.approx(3.8)
    # 4.0, 4.0, 3.0, [2.825], 2.0 -> 4th; 3.8 is band 5 (from 3.8) and 3rd behind the two 4.0
    assert (result["band_before"], result["band_after"], result["rank_before"], result["rank_after"]) == (3, 5, 4, 3)
    # programme P1: GOV.A.02 -> 4 (+0.3), ENV.A.03 -> 2 (+0.225): 3.35, above 3.0: 3rd
    assert main([*base, "--programme", "P1"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["index_after"] == pytest.approx(3.35) and result["rank_after"] == 3
    assert main([*base, "--set", "GOV.A.02=9"]) == 2
    assert "GOV.A.02=9" in capsys.readouterr().err
    assert main([*base, "--programme", "NOPE"]) == 2


def test_programmes_cli_import_refuses_and_exports(tiny_data_dir, tmp_path, capsys):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(csv_file(*GOOD))
    bad.write_bytes(csv_file(CORPUS["negative_budget"][0]))
    base = ["--data-dir", str(tiny_data_dir), "--lang", "id", "programmes"]
    assert main([*base, "import", str(bad), "--region", "35.09"]) == 2
    assert "bad.csv, baris 2, kolom budget" in capsys.readouterr().err
    assert main([*base, "import", str(good), "--region", "35.09"]) == 0
    assert capsys.readouterr().out.strip() == "35.09 v0001"
    assert main([*base, "export", "--region", "35.09", "--format", "csv"]) == 0
    exported = pd.read_csv(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")))
    assert exported["budget"].tolist() == [1500000000, 250000000]
