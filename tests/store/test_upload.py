"""Accepted upload shapes, warnings, templates, preview, commit and retract on real files."""

import io
import json
import shutil

import openpyxl
import pandas as pd
import pytest

from store import IngestRefused, Store
from store.templates import csv_template, xlsx_template
from tests.conftest import TINY_LEVELS
from tests.store.helpers import long_csv, tree_fingerprint

CODES = list(TINY_LEVELS)
# The content every shape below spells: region -> (name, evidence, note, levels); 11.01 lacks ENV.A.03.
CONTENT = {
    "35.09": ("Kabupaten Jember", "verified", "catatan é", TINY_LEVELS),
    "35.78": ("Kota Surabaya", "submitted", "", {c: 4 - v for c, v in TINY_LEVELS.items()}),  # 0-4
    "11.01": ("Kabupaten Aceh Selatan", "verified", "x;y, \"z\"", {c: 2 for c in CODES[:-1]}),
}
EVIDENCE_ID = {"verified": "terverifikasi", "submitted": "diajukan"}


def _quote(text, delimiter):
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if any(c in text for c in f'{delimiter}"\n') else text


def long_rows(by_name=False, indonesian_evidence=False):
    for code, (name, evidence, note, levels) in CONTENT.items():
        for indicator, level in levels.items():
            yield [name if by_name else code, indicator, str(level), "",
                   EVIDENCE_ID[evidence] if indonesian_evidence else evidence, note]


def wide_rows(by_name=False):
    for code, (name, evidence, note, levels) in CONTENT.items():
        yield [name if by_name else code] + [str(levels.get(c, "")) for c in CODES] + [evidence, note]


def delimited(header, rows, delimiter=",", prefix=""):
    lines = [delimiter.join(_quote(str(c), delimiter) for c in header)]
    lines += [delimiter.join(_quote(c, delimiter) for c in row) for row in rows]
    return prefix + "\r\n".join(lines) + "\r\n"


def workbook(header, rows, sheet="data", numeric=True):
    book = openpyxl.Workbook()
    book.active.title = sheet
    book.active.append(header)
    for row in rows:
        book.active.append([int(c) if numeric and c.isdigit() and len(c) == 1 else c or None for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


EN = ["region_code", "indicator_code", "level", "claimed_level", "evidence", "note"]
ID = ["Kode Wilayah", "KODE_INDIKATOR", "level", "Level Klaim", "Bukti", "catatan"]
SHAPES = {
    "long-en-comma.csv": lambda: delimited(EN, long_rows()).encode("utf-8"),
    "long-id-semicolon-cp1252-names.csv": lambda: delimited(
        ID, long_rows(by_name=True, indonesian_evidence=True), ";").encode("cp1252"),
    "long-bom-spaced-headers.csv": lambda: delimited(
        [" Region Code ", "Indicator  Code", "LEVEL", "claimed-level", "Evidence", "Note"], long_rows(),
        prefix="\ufeff").encode("utf-8"),
    "long-with-year-stage.csv": lambda: delimited(
        [*EN, "tahun", "tahap"], ([*r, "2024", "Tahap II"] for r in long_rows())).encode("utf-8"),
    "long-sep-hint.csv": lambda: delimited(EN, long_rows(), ";", prefix="sep=;\n").encode("utf-8"),
    "long-utf16-tab.csv": lambda: delimited(EN, long_rows(), "\t").encode("utf-16"),
    "long.xlsx": lambda: workbook(EN, long_rows()),
    "wide-id-semicolon.csv": lambda: delimited(["kode_wilayah", *CODES, "bukti", "catatan"], wide_rows(),
                                               ";").encode("utf-8"),
    "wide-names.xlsx": lambda: workbook(["Wilayah", *[c.lower() for c in CODES], "Evidence", "Note"],
                                        wide_rows(by_name=True)),
}


def load(data_dir, name, data):
    store = Store(data_dir)
    snapshot, created = store.ingest_bytes(name, data, year=2024, stage="II", created_by="tester")
    assert created
    return pd.read_parquet(data_dir / "snapshots" / snapshot.path), store.scores(2024, "II", "index")


def test_every_accepted_shape_loads_to_the_same_snapshot_content(tiny_data_dir, tmp_path):
    results = {}
    for number, (name, build) in enumerate(SHAPES.items()):
        data_dir = tmp_path / f"d{number}"
        shutil.copytree(tiny_data_dir, data_dir)
        results[name] = load(data_dir, name, build())
    reference_rows, reference_index = results["long-en-comma.csv"]
    assert len(reference_rows) == 17 and set(reference_rows["note"]) == {"catatan é", "", 'x;y, "z"'}
    assert reference_rows["claimed_level"].isna().all()
    for name, (rows, index) in results.items():
        pd.testing.assert_frame_equal(rows, reference_rows, obj=name)
        pd.testing.assert_frame_equal(index, reference_index, obj=name)


def test_wide_form_rules_and_warnings(tiny_data_dir):
    store = Store(tiny_data_dir)
    text = delimited(["region_code", *CODES], [["35.09", "3", "", "4", "2", "4", "1"]])
    check = store.check_upload("w.csv", text.encode(), year=2024, stage="II")
    assert check.ok and check.form == "wide"
    assert set(check.rows["evidence"]) == {"verified"} and check.rows["claimed_level"].isna().all()
    assert [(w.code, w.value, w.expected) for w in check.warnings] == [("missing_indicators", "35.09", "1")]
    below = long_csv().replace("35.09,GOV.B.01,4,4", "35.09,GOV.B.01,4,2")
    check = store.check_upload("b.csv", below.encode(), year=2024, stage="II")
    assert check.ok and [(w.code, w.row, w.column) for w in check.warnings] == [
        ("claimed_below_level", 4, "claimed_level")]
    assert "2" in check.warnings[0].message("en") and "terverifikasi" in check.warnings[0].message("id")


def test_region_codes_that_a_spreadsheet_turned_into_numbers_still_match(tiny_data_dir):
    rows = [[35.1, code, level, None, "verified", None] for code, level in TINY_LEVELS.items()]
    book = openpyxl.Workbook()
    book.active.append(EN)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    check = Store(tiny_data_dir).check_upload("n.xlsx", buffer.getvalue(), year=2024, stage="II")
    assert check.ok and set(check.rows["region_code"]) == {"35.10"}


def test_filled_in_templates_load(tiny_data_dir, tiny):
    store = Store(tiny_data_dir)
    template = xlsx_template(tiny, store.regions(), year=2024, stage="II")
    book = openpyxl.load_workbook(io.BytesIO(template))
    assert book.sheetnames == ["instructions", "data", "indicators", "regions"]
    instructions = " ".join(str(c.value) for row in book["instructions"].iter_rows() for c in row if c.value)
    assert "Bentuk lebar" in instructions and "Wide form" in instructions and "bukti" in instructions
    assert [c.value for c in book["data"][1]] == EN
    assert [row[0] for row in book["indicators"].iter_rows(min_row=2, values_only=True)] == CODES
    assert book["regions"].max_row == len(store.regions()) + 1
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in book["data"].data_validations.dataValidation}
    assert lists["C2"] == '"0,1,2,3,4"' and "tidak ada" in lists["E2"] and lists["A2"].startswith("regions!")
    for code, level in TINY_LEVELS.items():
        book["data"].append(["Kabupaten Jember", code, level, level, "terverifikasi", None])
    filled = io.BytesIO()
    book.save(filled)
    snapshot, created = store.ingest_bytes("filled.xlsx", filled.getvalue(), year=2024, stage="II")
    assert created and snapshot.rows == 6
    assert store.scores(2024, "II", "index")["index"].iloc[0] == pytest.approx(2.825)
    empty_check = store.check_upload("t.xlsx", template, year=2024, stage="II")
    assert [p.code for p in empty_check.errors] == ["empty_file"]
    snapshot, created = store.ingest_bytes("t.csv", csv_template(tiny, store.regions()), year=2024, stage="I")
    assert created and snapshot.rows == 1


def test_preview_lists_changes_and_index_moves(tiny_data_dir):
    store = Store(tiny_data_dir)
    first = long_csv({"35.09": TINY_LEVELS, "11.01": TINY_LEVELS})
    check = store.check_upload("a.csv", first.encode(), year=2024, stage="II")
    preview = store.preview(check, year=2024, stage="II")
    assert preview.regions_added == ["11.01", "35.09"] and preview.duplicate_of is None
    assert len(preview.indicator_changes) == 12 and preview.indicator_changes["old_level"].isna().all()
    assert preview.index_moves["current_index"].isna().all()
    assert preview.index_moves["new_index"].tolist() == pytest.approx([2.825, 2.825])
    snapshot, _ = store.commit_upload(check, year=2024, stage="II", source="a.csv", created_by="t")
    again = store.preview(check, year=2024, stage="II")
    assert again.duplicate_of == snapshot.id and again.regions_unchanged == ["11.01", "35.09"]

    raised = dict(TINY_LEVELS, **{"GOV.A.02": 4})
    second = long_csv({"35.09": raised, "35.78": TINY_LEVELS})
    check = store.check_upload("b.csv", second.encode(), year=2024, stage="II")
    preview = store.preview(check, year=2024, stage="II")
    assert (preview.regions_added, preview.regions_changed, preview.regions_unchanged) == (["35.78"], ["35.09"], [])
    assert (preview.regions_kept, preview.regions_removed) == (["11.01"], [])  # merge by region: 11.01 stays
    replacing = store.preview(check, year=2024, stage="II", replace_all=True)
    assert (replacing.regions_kept, replacing.regions_removed) == ([], ["11.01"])
    change = preview.indicator_changes.set_index(["region_code", "indicator_code"]).loc[("35.09", "GOV.A.02")]
    assert (change["old_level"], change["new_level"]) == (0, 4)
    moves = preview.index_moves.set_index("region_code")
    assert list(preview.index_moves.columns) == ["region_code", "name", "current_index", "new_index", "change"]
    # GOV.A.02 is an outcome indicator: 0.3 x 1/4 of the index per level, x 4 levels = +0.3
    assert moves.loc["35.09", "change"] == pytest.approx(0.3)
    assert moves.loc["35.09", "name"] == "Kabupaten Jember" and pd.isna(moves.loc["35.78", "current_index"])


def test_commit_upload_progress_duplicates_and_refusals(tiny_data_dir):
    store = Store(tiny_data_dir)
    check = store.check_upload("a.csv", long_csv().encode(), year=2024, stage="II")
    steps = []
    snapshot, created = store.commit_upload(check, year=2024, stage="II", source="a.csv", created_by="t",
                                            progress=lambda fraction, step: steps.append((fraction, step)))
    fractions = [f for f, _ in steps]
    assert created and fractions == sorted(fractions) and fractions[0] == 0 and fractions[-1] == 1
    assert all(isinstance(step, str) and step for _, step in steps)
    before = tree_fingerprint(tiny_data_dir)
    same, created = store.commit_upload(check, year=2024, stage="II", source="again.csv", created_by="t")
    assert not created and same.id == snapshot.id and tree_fingerprint(tiny_data_dir) == before
    with pytest.raises(IngestRefused) as refused:
        store.commit_upload(check, year=2023, stage="II", source="a.csv", created_by="t")
    assert refused.value.problems[0].code == "check_mismatch"
    bad = store.check_upload("b.csv", b"region_code\n35.09\n", year=2024, stage="II")
    with pytest.raises(IngestRefused):
        store.commit_upload(bad, year=2024, stage="II", source="b.csv", created_by="t")
    assert tree_fingerprint(tiny_data_dir) == before
    elsewhere = store.check_upload("a.csv", long_csv().encode(), year=2024, stage="I")
    assert [w.code for w in elsewhere.warnings] == ["same_file_loaded"]


def test_retract_records_who_and_when_and_old_manifests_load(tiny_data_dir):
    store = Store(tiny_data_dir)
    first, _ = store.ingest_bytes("a.csv", long_csv().encode(), year=2024, stage="II")
    second, _ = store.ingest_bytes("b.csv", long_csv({"35.09": {c: 4 for c in CODES}}).encode(),
                                   year=2024, stage="II")
    retracted = store.retract(second.id, created_by="Budi")
    assert retracted.retracted_by == "Budi" and retracted.retracted_at.startswith("20")
    entry = next(s for s in store.snapshots() if s.id == second.id)
    assert (entry.status, entry.retracted_by) == ("retracted", "Budi")
    assert store.active_snapshot(2024, "II").id == first.id
    manifest = tiny_data_dir / "snapshots" / "manifest.json"
    payload = json.loads(manifest.read_text())
    for item in payload["snapshots"]:
        del item["retracted_by"], item["retracted_at"]
    payload["snapshots"][0]["added_by_a_newer_version"] = 1
    manifest.write_text(json.dumps(payload))
    assert [s.retracted_by for s in Store(tiny_data_dir).snapshots()] == ["", ""]
