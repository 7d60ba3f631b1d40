"""Official (published) results: import by code and by name, merge by (region, year), undo, export
columns, and the check of a published index against its published components. Small hand-written
files on a real data folder (the real frameworks and region list)."""

from __future__ import annotations

import io
import json
import shutil

import openpyxl
import pandas as pd
import pytest

from store import Store
from store.audit import AUDIT_NAME, read_log
from store.cli import main
from store.official_tables import EXPORT_COLUMNS
from store.problems import IngestRefused
from tests.conftest import REPO
from tests.store.helpers import tree_fingerprint

HEADER = "region,year,index,baseline,output,outcome,impact,quick_win,rank,rank_of,source,source_url,quote\n"
JAMBI = "Kota Jambi,2024,\"3,48\",3.84,3.18,3.53,3.63,3.35,13,191,Pemkot Jambi,https://jambikota.go.id/content/931,q\n"


@pytest.fixture
def store(tmp_path) -> Store:
    data_dir = tmp_path / "data"
    for part in ("framework", "reference"):
        shutil.copytree(REPO / "data" / part, data_dir / part)
    return Store(data_dir)


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def table(store: Store) -> dict[tuple[str, int], str]:
    rows = store.official_table()
    return dict(zip(zip(rows["region_code"], rows["year"], strict=True), rows["index"], strict=True))


def test_import_by_code_and_by_name_as_letters_write_them(store, tmp_path):
    text = (HEADER + JAMBI
            + "35.71,2023,3.10,,,,,,,,Koran,,\n"              # by code
            + "Kab. Kediri,2023,2.90,,,,,,,,Koran,,\n"         # Kab. = Kabupaten
            + "Kabupaten Batang Hari,2023,2.75,,,,,,,,Koran,,\n"  # spaced where the list writes Batanghari
            + "Tabalong,2023,3.38,,,,,,8,130,Portal,,\n")      # a bare name that only one region has
    store.import_official_file(write(tmp_path, "a.csv", text), created_by="tester")
    assert table(store) == {("15.71", 2024): "3.48", ("35.71", 2023): "3.10", ("35.06", 2023): "2.90",
                            ("15.04", 2023): "2.75", ("63.09", 2023): "3.38"}


def data_files(store: Store) -> dict[str, str]:
    """Every file of the data folder but the audit log (the one file a refused write adds a line to)."""
    return {name: digest for name, digest in tree_fingerprint(store.data_dir).items() if name != AUDIT_NAME}


def test_ambiguous_or_unknown_name_refused_with_candidates_and_nothing_written(store, tmp_path):
    store.import_official_file(write(tmp_path, "first.csv", HEADER + JAMBI))
    before = data_files(store)
    path = write(tmp_path, "bad.csv", HEADER + JAMBI + "Kediri,2023,3.10,,,,,,,,Koran,,\n"
                 + "Kota Kedri,2023,3.00,,,,,,,,Koran,,\n")
    with pytest.raises(IngestRefused) as refused:
        store.import_official_file(path)
    ambiguous, unknown = refused.value.problems
    assert (ambiguous.code, ambiguous.file, ambiguous.row, ambiguous.column, ambiguous.value) == (
        "ambiguous_region", "bad.csv", 3, "region", "Kediri")
    assert ambiguous.expected == "Kabupaten Kediri (35.06); Kota Kediri (35.71)"
    assert "Kota Kediri (35.71)" in ambiguous.message("en") and "Kota Kediri (35.71)" in ambiguous.message("id")
    assert (unknown.code, unknown.row) == ("official_unknown_region", 4) and "Kota Kediri" in unknown.expected
    assert data_files(store) == before
    logged = [(e["action"], e["outcome"], e["detail"][:14]) for e in read_log(store.data_dir)]
    assert logged == [("official_import", "ok", "first.csv"), ("official_import", "refused", "IngestRefused:")]


def test_bad_values_cut_address_and_duplicates_each_named(store, tmp_path):
    text = (HEADER + "Kota Jambi,2024,3.481,,,,,,20,10,Koran,https://www.fokussatu.id/nasional/amp/9514397782/…,\n"
            + "15.71,2024,3.48,,,,,,,,,,\n" + "Kota Bandung,1999,4.5,,,,,,,,Koran,,\n")
    with pytest.raises(IngestRefused) as refused:
        store.import_official_file(write(tmp_path, "bad.csv", text))
    found = {(p.code, p.row, p.column) for p in refused.value.problems}
    assert found == {("official_bad_value", 2, "index"), ("official_rank_above", 2, "rank"),
                     ("official_bad_url", 2, "source_url"), ("official_missing", 3, "source"),
                     ("official_duplicate", 3, "region"), ("official_bad_year", 4, "year"),
                     ("official_bad_value", 4, "index")}
    assert not (store.data_dir / "official").exists()


def test_merge_by_region_and_year_then_undo_step_by_step(store, tmp_path):
    store.import_official_file(write(tmp_path, "a.csv", HEADER + JAMBI + "Kota Bandung,2023,3.83,,,,,,,,K,,\n"))
    store.import_official_file(write(tmp_path, "b.csv", HEADER + "Kota Bandung,2023,3.84,,,,,,,,K2,,\n"
                                     + "Kota Bandung,2024,3.93,,,,,,,,K3,,\n"))
    assert table(store) == {("15.71", 2024): "3.48", ("32.73", 2023): "3.84", ("32.73", 2024): "3.93"}
    assert [v.status for v in store.official_versions()] == ["superseded", "active"]
    assert main(["--data-dir", str(store.data_dir), "official", "undo", "--by", "tester"]) == 0
    assert table(store) == {("15.71", 2024): "3.48", ("32.73", 2023): "3.83"}
    undone = store.official_versions()[-1]
    assert (undone.status, undone.retracted_by) == ("retracted", "tester")
    before = data_files(store)
    assert main(["--data-dir", str(store.data_dir), "official", "undo"]) == 2   # would leave nothing
    assert data_files(store) == before
    store.undo_official(allow_empty=True)
    assert table(store) == {} and store.undo_official() is None
    assert main(["--data-dir", str(store.data_dir), "official", "undo"]) == 2


def test_export_columns_exact_text_and_formulas_neutralised(store, tmp_path):
    hostile = HEADER + JAMBI.replace(",q\n", ",=HYPERLINK(\"http://x\")\n") + "Kota Bandung,2024,3.90,,,,,,,,-cmd,,\n"
    store.import_official_file(write(tmp_path, "a.csv", hostile))
    frame = pd.read_csv(io.BytesIO(store.export_official("csv")), dtype=str, keep_default_na=False,
                        encoding="utf-8-sig")
    assert list(frame.columns) == EXPORT_COLUMNS == [
        "region_code", "region_name", "year", "index", "baseline", "output", "outcome", "impact", "quick_win",
        "rank", "rank_of", "group", "predicate", "source_url", "source", "published_on", "quote",
        "recomputed", "difference"]
    bandung, jambi = frame.iloc[0], frame.iloc[1]   # 2024, the highest published first
    assert (bandung["region_name"], bandung["index"], bandung["recomputed"], bandung["source"]) == (
        "Kota Bandung", "3.90", "", "'-cmd")
    assert (jambi["index"], jambi["baseline"], jambi["recomputed"], jambi["difference"]) == (
        "3.48", "3.84", "3.48", "0.0")
    assert jambi["quote"] == "'=HYPERLINK(\"http://x\")"
    workbook = openpyxl.load_workbook(io.BytesIO(store.export_official("xlsx", region="15.71")))
    cells = {h.value: c.value for h, c in zip(workbook.active[1], workbook.active[2], strict=True)}
    assert (cells["index"], cells["baseline"], cells["recomputed"], cells["rank_of"]) == ("3.48", "3.84", 3.48, 191)
    assert cells["quote"].startswith("'=")
    records = json.loads(store.export_official("json", year=2024, region="32.73"))
    assert records == [dict.fromkeys(EXPORT_COLUMNS) | {
        "region_code": "32.73", "region_name": "Kota Bandung", "year": 2024, "index": "3.90", "source": "-cmd"}]


def test_check_flags_a_row_beyond_001_and_accepts_one_within(store, tmp_path, capsys):
    # Jambi's components give 3.475 -> 3.48 with 2024's weights 10/20/30/20/20; published 3.49 is
    # within 0.01 (rounded components), published 3.50 is not (a typo or a wrong weight).
    ok = JAMBI.replace("\"3,48\"", "3.49")
    store.import_official_file(write(tmp_path, "ok.csv", HEADER + ok))
    assert main(["--data-dir", str(store.data_dir), "official", "check"]) == 0
    assert store.official_table().loc[0, "difference"] == 0.01
    store.import_official_file(write(tmp_path, "bad.csv", HEADER + JAMBI.replace("\"3,48\"", "3.50")))
    capsys.readouterr()
    assert main(["--data-dir", str(store.data_dir), "official", "check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["region_code,region_name,year,index,recomputed,difference,source_url",
                     "15.71,Kota Jambi,2024,3.50,3.48,0.02,https://jambikota.go.id/content/931"]


def test_check_uses_the_years_own_chain_weights(store, tmp_path):
    # 2021 is read with the 2017-2021 weights 10/20/30/30/10: the same components give
    # 0.384 + 0.636 + 1.059 + 1.089 + 0.335 = 3.503 -> 3.50, not 3.48.
    store.import_official_file(write(tmp_path, "a.csv", HEADER + JAMBI.replace(",2024,", ",2021,")))
    row = store.official_table().iloc[0]
    assert (row["recomputed"], row["difference"]) == (3.50, -0.02)


def test_shipped_figures_load_and_agree_with_their_components():
    shipped = Store(REPO / "data")
    rows = shipped.official_table()
    jambi = rows[(rows["region_code"] == "15.71") & (rows["year"] == 2024)].iloc[0]
    assert (jambi["index"], jambi["rank"], jambi["rank_of"], jambi["recomputed"]) == ("3.48", "13", "191", 3.48)
    assert shipped.official_differences().empty
    assert not rows["source_url"].str.contains("…|\\.\\.\\.", regex=True).any()
    assert (rows["source"] != "").all()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_back_unchanged_trailing_zeros_and_all(store, tmp_path, fmt):
    store.import_official_file(REPO / "tools" / "official_published.csv")
    exported = store.export_official(fmt)
    again = Store(tmp_path / "again")
    for part in ("framework", "reference"):
        shutil.copytree(store.data_dir / part, again.data_dir / part)
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(exported)
    again.import_official_file(path)
    assert again.export_official("csv") == store.export_official("csv")
    assert "3.80" in set(again.official_table(region="35.77")["index"])


def test_restore_makes_an_undone_version_active_again(store, tmp_path):
    first = store.import_official_file(write(tmp_path, "a.csv", HEADER + JAMBI))
    second = store.import_official_file(write(tmp_path, "b.csv", HEADER + "Kota Bandung,2024,3.93,,,,,,,,K,,\n"))
    store.undo_official()
    assert table(store) == {("15.71", 2024): "3.48"}
    assert main(["--data-dir", str(store.data_dir), "official", "restore", second.id]) == 0
    assert table(store) == {("15.71", 2024): "3.48", ("32.73", 2024): "3.93"}
    assert [v.status for v in store.official_versions()] == ["superseded", "active"]
    store.restore_official(first.id)
    assert table(store) == {("15.71", 2024): "3.48"}
    assert main(["--data-dir", str(store.data_dir), "official", "restore", "nope"]) == 2
