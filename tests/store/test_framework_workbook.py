"""The framework as a workbook: export, edit, import; the round trip keeps every figure, an edit gives
the scores computed by hand, a broken workbook is refused where it is broken and nothing is written."""

from __future__ import annotations

import io
import shutil
import tomllib

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from i18n import t
from scoring import load_framework
from store import IngestRefused, Store, catalog
from store.cli import main
from store.framework_versions import export_workbook, import_workbook, preview_import, toml_text
from tests.conftest import REPO, assessment_rows
from tests.store.helpers import tree_fingerprint

LEVELS = {"GOV.A.01": 3, "GOV.A.02": 2, "GOV.B.01": 4, "ENV.A.01": 1, "ENV.A.02": 2, "ENV.A.03": 4}


def edit(data: bytes, change) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    change(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def columns(sheet) -> dict[str, int]:
    """Field key (header row 2) -> 1-based column."""
    return {cell.value: cell.column for cell in sheet[2] if cell.value}


def row_of(sheet, key: str, value) -> int:
    column = columns(sheet)[key]
    return next(r for r in range(3, sheet.max_row + 1) if sheet.cell(r, column).value == value)


def put(sheet, key: str, row_key: str, row_value, value) -> None:
    sheet.cell(row_of(sheet, row_key, row_value), columns(sheet)[key]).value = value


def empty_framework_folder(tmp_path, source, name: str = "fresh") -> Store:
    data_dir = tmp_path / name
    (data_dir / "framework").mkdir(parents=True)
    shutil.copytree(source / "reference", data_dir / "reference")
    return Store(data_dir)


@pytest.mark.parametrize("year", [2022, 2019])
def test_tiny_round_trip_writes_the_same_framework(tiny_data_dir, tmp_path, year):
    store = Store(tiny_data_dir)
    workbook = export_workbook(store.framework_dir, year)
    # into the same folder: the version is there already, nothing is written
    before = tree_fingerprint(tiny_data_dir)
    plan = import_workbook(tiny_data_dir, "kerangka.xlsx", workbook)
    assert plan.unchanged and tree_fingerprint(tiny_data_dir) == before
    # into a folder without it: the file written loads as the same framework
    fresh = empty_framework_folder(tmp_path, tiny_data_dir)
    plan = import_workbook(fresh.data_dir, "kerangka.xlsx", workbook)
    assert load_framework(fresh.framework_dir / plan.file) == store.framework_for(year)


@pytest.mark.parametrize("year", [2019, 2025])
def test_shipped_round_trip_gives_the_same_scores(tmp_path, year):
    shipped = empty_framework_folder(tmp_path, REPO / "data", "shipped")
    for path in (REPO / "data" / "framework").glob("*.toml"):
        shutil.copy(path, shipped.framework_dir / path.name)
    imported = empty_framework_folder(tmp_path, REPO / "data", "imported")
    plan = import_workbook(imported.data_dir, "kerangka.xlsx", export_workbook(shipped.framework_dir, year))
    original = shipped.framework_for(year)
    assert plan.file == f"{original.id}.toml" and imported.framework_for(year) == original
    levels = {i.code: n % 3 + 1 for n, i in enumerate(original.indicators)}
    for store in (shipped, imported):
        store.ingest_rows(assessment_rows({"35.09": levels, "35.78": {c: v % 2 for c, v in levels.items()}}),
                          year=year, stage="II", source="same.csv")
    for kind in ("index", "dimension", "chain", "element"):
        assert shipped.scores(year, "II", kind).equals(imported.scores(year, "II", kind))


def edited_tiny(workbook: bytes, years: str = "2022-2024") -> bytes:
    def change(book):
        put(book["bobot_rantai"], "weight", "chain", "output", 0.3)
        put(book["bobot_rantai"], "weight", "chain", "outcome", 0.2)
        put(book["pengaturan"], "value", "key", "years", years)
        put(book["indikator"], "level_3_id", "code", "GOV.A.01", "Tersedia dan dipakai semua OPD")
        sheet = book["indikator"]
        template = row_of(sheet, "code", "GOV.B.01")
        new = sheet.max_row + 1
        for column in range(1, sheet.max_column + 1):
            sheet.cell(new, column).value = sheet.cell(template, column).value
        put(sheet, "code", "code", "GOV.B.01", "GOV.B.01")   # the template row stays
        sheet.cell(new, columns(sheet)["code"]).value = "GOV.B.02"
        sheet.cell(new, columns(sheet)["name_id"]).value = "Indikator 7"
    return edit(workbook, change)


def test_an_edited_workbook_gives_the_scores_computed_by_hand(tiny_data_dir):
    store = Store(tiny_data_dir)
    store.ingest_rows(assessment_rows({"35.09": LEVELS}), year=2022, stage="II", source="before.csv")
    workbook = edited_tiny(export_workbook(store.framework_dir, 2023))
    plan = import_workbook(tiny_data_dir, "kerangka.xlsx", workbook, by="Ibu Planner")
    # the same workbook again is the version now there: nothing is written (no -v3)
    before = tree_fingerprint(tiny_data_dir)
    again = import_workbook(tiny_data_dir, "kerangka.xlsx", workbook)
    assert (again.unchanged, again.file, again.id) == (True, "tiny-2022-v2.toml", "tiny-2022-v2")
    assert tree_fingerprint(tiny_data_dir) == before
    # the id is taken with other content: the new version gets the next id and wholly replaces tiny.toml
    assert (plan.id, plan.file) == ("tiny-2022-v2", "tiny-2022-v2.toml")
    assert [(r.file, r.years, r.kept) for r in plan.replaced] == [("tiny.toml", (2022, 2023, 2024), ())]
    assert plan.changes.indicators_added == ("GOV.B.02",) and plan.changes.levels_changed == ("GOV.A.01",)
    assert sorted(plan.changes.weights_changed) == [("chain", "outcome", 0.3, 0.2), ("chain", "output", 0.2, 0.3)]
    framework = store.framework_for(2023)
    assert framework.id == "tiny-2022-v2"
    assert framework.indicator("GOV.A.01").level_text(3, "id") == "Tersedia dan dipakai semua OPD"
    # the replaced version stays readable by id (for the snapshots loaded with it) but covers no year
    assert store.framework_by_id("tiny-2022").years == ()
    store.ingest_rows(assessment_rows({"35.09": {**LEVELS, "GOV.B.02": 2}}), year=2023, stage="II", source="t")
    # by hand: baseline 1; output 3; outcome (2x1 + 4x3)/4 = 3.5; impact (4 + 2)/2 = 3; quick win 2
    # index = 0.1x1 + 0.3x3 + 0.2x3.5 + 0.2x3 + 0.2x2 = 2.7 (before the edit: 0.1+0.6+1.05+0.8+0.4 = 2.95)
    assert store.scores(2023, "II", "index")["index"].iloc[0] == pytest.approx(2.7)
    # GOV: element A (3x2 + 2x1)/3 = 8/3, element B (4 + 2)/2 = 3 -> (8/3 + 3)/2 = 17/6
    dimensions = store.scores(2023, "II", "dimension").set_index("dimension")["score"]
    assert dimensions["GOV"] == pytest.approx(17 / 6)
    # the 2022 snapshot loaded before keeps the version it was loaded with: 2.95, as by hand above
    assert store.framework_of(2022, "II").id == "tiny-2022"
    assert store.scores(2022, "II", "index")["index"].iloc[0] == pytest.approx(2.95)
    region = store.region_scores("35.09", 2022, "II")
    assert region.loc[region["kind"] == "index", "band"].notna().all()


def test_a_version_for_some_years_narrows_the_other_file_and_says_so(tiny_data_dir, capsys):
    store = Store(tiny_data_dir)
    path = tiny_data_dir.parent / "kerangka.xlsx"
    path.write_bytes(edited_tiny(export_workbook(store.framework_dir, 2022), years="2024"))
    stamp = catalog.stamp(store.framework_dir)
    assert main(["--data-dir", str(tiny_data_dir), "--lang", "en", "framework", "import", str(path)]) == 0
    said = capsys.readouterr()
    assert said.out.strip() == "tiny-2022-v2.toml"
    assert "replaced tiny.toml for the years 2024; tiny.toml keeps the years 2022, 2023" in said.err
    assert tomllib.loads((store.framework_dir / "tiny.toml").read_text())["years"] == [2022, 2023]
    assert (store.framework_for(2023).id, store.framework_for(2024).id) == ("tiny-2022", "tiny-2022-v2")
    assert catalog.stamp(store.framework_dir) != stamp   # data_version (caches) sees the change


def test_cli_export_writes_a_workbook_and_the_catalogue_still_prints(tiny_data_dir, capsys):
    out = tiny_data_dir.parent / "kerangka.xlsx"
    assert main(["--data-dir", str(tiny_data_dir), "framework", "export", "--year", "2022", "--format", "xlsx",
                 "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["petunjuk", "pengaturan", "bobot_rantai", "predikat", "dimensi", "elemen",
                               "indikator", "daftar"]
    guide = book["petunjuk"]
    assert (guide["A2"].value, guide["B2"].value) == (t("framework_files.guide_01", "id"),
                                                      t("framework_files.guide_01", "en"))
    sheet = book["indikator"]
    assert sheet.freeze_panes == "A3" and sheet.auto_filter.ref.startswith("A2:")
    top = len(load_framework(tiny_data_dir / "framework" / "tiny.toml").indicators[0].levels_id) - 1
    assert {f"level_{n}_{lang}" for n in range(top + 1) for lang in ("id", "en")} <= set(columns(sheet))
    assert f"level_{top + 1}_id" not in columns(sheet)
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists[f"{get_column_letter(columns(sheet)['chain'])}3"].startswith("daftar!")
    assert lists[f"{get_column_letter(columns(sheet)['element'])}3"].startswith("elemen!")
    assert main(["--data-dir", str(tiny_data_dir), "framework", "--year", "2022", "--part", "chains"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "chain,weight"


def test_text_that_looks_like_a_formula_or_breaks_toml_round_trips():
    raw = tomllib.loads((REPO / "tests" / "fixtures" / "tiny.toml").read_text())
    raw["name_id"] = '=HYPERLINK("x") "kutip" \\ baris\nbaru \x7f'
    assert tomllib.loads(toml_text(raw, ["komentar\nbaris dua"])) == raw


BROKEN = {
    "wrong chain type": (lambda b: put(b["indikator"], "chain", "code", "GOV.A.02", "outcomes"),
                         ("bad_value", "indikator", "GOV.A.02", "chain")),
    "weights not summing": (lambda b: put(b["bobot_rantai"], "weight", "chain", "impact", 0.25),
                            ("framework_rule", "bobot_rantai", None, "weight")),
    "duplicate code": (lambda b: put(b["indikator"], "code", "code", "ENV.A.03", "ENV.A.02"),
                       ("duplicate_code", "indikator", "ENV.A.03", "code")),
    "band above max_level": (lambda b: put(b["predikat"], "lower", "level", 5, 9.5),
                             ("framework_rule", "predikat", None, "lower")),
    "missing sheet": (lambda b: b.remove(b["elemen"]), ("missing_sheet", "", None, "")),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_workbook_is_refused_where_it_is_broken_and_nothing_is_written(tiny_data_dir, name):
    store = Store(tiny_data_dir)
    workbook = export_workbook(store.framework_dir, 2022)
    original = openpyxl.load_workbook(io.BytesIO(workbook))
    change, (code, sheet, row_code, column) = BROKEN[name]
    row = row_of(original["indikator"], "code", row_code) if row_code else None
    before = tree_fingerprint(tiny_data_dir)
    with pytest.raises(IngestRefused) as refused:
        import_workbook(tiny_data_dir, "kerangka.xlsx", edit(workbook, change))
    found = [(p.code, p.sheet, p.row, p.column) for p in refused.value.problems]
    assert any(p[0] == code and p[1] == sheet and p[2] == row and column in p[3] for p in found), found
    if name == "missing sheet":
        assert refused.value.problems[0].value == "elemen"
    assert tree_fingerprint(tiny_data_dir) == before


def test_a_level_column_outside_the_scale_and_a_renamed_column_are_named(tiny_data_dir):
    store = Store(tiny_data_dir)
    workbook = export_workbook(store.framework_dir, 2022)
    top = len(store.framework_for(2022).indicators[0].levels_id) - 1

    def change(book):
        sheet = book["indikator"]
        extra = sheet.max_column + 1
        sheet.cell(2, extra).value = f"level_{top + 1}_id"
        sheet.cell(3, extra).value = "di luar skala"
        sheet.cell(2, columns(sheet)["aspect"]).value = "aspek_kesiapan"
    before = tree_fingerprint(tiny_data_dir)
    with pytest.raises(IngestRefused) as refused:
        preview_import(tiny_data_dir, "kerangka.xlsx", edit(workbook, change))
    problems = {(p.code, p.sheet, p.row, p.value) for p in refused.value.problems}
    assert ("unknown_column", "indikator", 2, f"level_{top + 1}_id") in problems
    assert ("unknown_column", "indikator", 2, "aspek_kesiapan") in problems
    assert ("missing_column", "indikator", 2) in {(p.code, p.sheet, p.row) for p in refused.value.problems}
    english = "\n".join(p.describe("en") for p in refused.value.problems)
    indonesian = "\n".join(p.describe("id") for p in refused.value.problems)
    assert "sheet indikator, row 2" in english and "lembar indikator, baris 2" in indonesian
    assert tree_fingerprint(tiny_data_dir) == before


def test_cli_refusal_exits_2_with_every_problem(tiny_data_dir, capsys):
    store = Store(tiny_data_dir)
    path = tiny_data_dir.parent / "rusak.xlsx"
    path.write_bytes(edit(export_workbook(store.framework_dir, 2022),
                          lambda b: put(b["indikator"], "aspect", "code", "GOV.A.01", "budaya")))
    before = tree_fingerprint(tiny_data_dir)
    assert main(["--data-dir", str(tiny_data_dir), "--lang", "id", "framework", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "lembar indikator, baris 3, kolom G (aspect): Nilai 'budaya' tidak sah" in err
    assert tree_fingerprint(tiny_data_dir) == before


def test_a_file_over_the_limits_or_not_a_workbook_is_refused_before_it_is_parsed(tiny_data_dir, monkeypatch):
    store = Store(tiny_data_dir)
    workbook = export_workbook(store.framework_dir, 2022)
    before = tree_fingerprint(tiny_data_dir)
    monkeypatch.setenv("MATRA_MAX_UPLOAD_MB", str(len(workbook) / 2 / 1048576))
    with pytest.raises(IngestRefused) as refused:
        import_workbook(tiny_data_dir, "besar.xlsx", workbook)
    assert [p.code for p in refused.value.problems] == ["too_large"]
    monkeypatch.delenv("MATRA_MAX_UPLOAD_MB")
    for name, data in (("kerangka.csv", b"code,name\nA,B\n"), ("rusak.xlsx", workbook[: len(workbook) // 2])):
        with pytest.raises(IngestRefused) as refused:
            import_workbook(tiny_data_dir, name, data)
        assert [p.code for p in refused.value.problems] == ["unreadable"], name
    assert tree_fingerprint(tiny_data_dir) == before


def test_the_export_never_guesses_a_top_level():
    """A framework without max_level is refused, not given one counted from its level descriptions."""
    from scoring import FrameworkError
    from scoring.framework import read_framework_file
    from store.framework_workbook import framework_workbook

    raw = read_framework_file(REPO / "data" / "framework" / "smartcity-2022.toml")
    assert framework_workbook(raw, [])   # the shipped file exports
    for broken in ({k: v for k, v in raw.items() if k != "max_level"}, {**raw, "max_level": True}):
        with pytest.raises(FrameworkError, match="max_level"):
            framework_workbook(broken, [])


def test_a_broken_framework_rule_is_worded_in_the_reader_s_language(tiny_data_dir):
    """The rules' sentences (scoring.framework_rules) come through i18n: Indonesian in an Indonesian
    report, English in an English one, with the same facts."""
    store = Store(tiny_data_dir)
    workbook = edit(export_workbook(store.framework_dir, 2022),
                    lambda b: put(b["bobot_rantai"], "weight", "chain", "impact", 0.25))
    with pytest.raises(IngestRefused) as refused:
        preview_import(tiny_data_dir, "kerangka.xlsx", workbook)
    (rule,) = [p for p in refused.value.problems if p.code == "framework_rule"]
    # tiny.toml's 0.10 + 0.20 + 0.30 + 0.20 + 0.20 with impact 0.20 -> 0.25: 1.05
    assert rule.message("id") == ("Kerangka tidak memenuhi aturan (pemeriksaan check-framework): "
                                  "jumlah bobot rantai hasil 1.05; jumlahnya harus 1")
    assert rule.message("en") == ("The framework breaks a rule (the check-framework check): "
                                  "chain weights sum to 1.05; they must sum to 1")
