"""`python -m store` as a user runs it: a real subprocess, real files, exit codes and outputs."""

import csv
import io
import json
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, REPO, TINY_LEVELS
from tests.store.helpers import long_csv, tree_fingerprint


def run(data_dir, *args):
    return subprocess.run([sys.executable, "-m", "store", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=120)


def test_ingest_then_scores_match_hand_calculation(tiny_data_dir, tmp_path):
    upload = tmp_path / "a.csv"
    upload.write_text(long_csv())
    result = run(tiny_data_dir, "ingest", str(upload), "--year", "2024", "--stage", "II")
    assert result.returncode == 0, result.stderr
    snapshot_id = result.stdout.strip()
    assert snapshot_id.startswith("2024-II-")
    index = list(csv.DictReader(io.StringIO(run(tiny_data_dir, "scores", "--year", "2024",
                                                "--stage", "II", "--by", "index").stdout)))
    assert index == [{"region_code": "35.09", "index": "2.825", "band": "3"}]
    dims = json.loads(run(tiny_data_dir, "scores", "--year", "2024", "--stage", "II", "--by",
                          "dimension", "--format", "json").stdout)
    assert {d["dimension"]: d["score"] for d in dims} == pytest.approx({"GOV": 3.0, "ENV": 2.2})
    chain = run(tiny_data_dir, "scores", "--year", "2024", "--stage", "II", "--by", "chain").stdout
    assert chain.splitlines()[0] == "region_code,chain,score"
    element = run(tiny_data_dir, "scores", "--year", "2024", "--stage", "II", "--by",
                  "element").stdout
    assert element.splitlines()[0] == "region_code,dimension,element,score"
    listing = run(tiny_data_dir, "snapshots", "--format", "csv").stdout
    header = listing.splitlines()[0].split(",")
    assert header[:9] == ["id", "year", "stage", "status", "created_at", "created_by", "source",
                          "sha256", "rows"]
    assert snapshot_id in listing


def test_refused_ingest_exits_2_with_report_and_writes_nothing(tiny_data_dir, tmp_path):
    upload = tmp_path / "bad.csv"
    upload.write_text("region_code,indicator_code,level,claimed_level,evidence,note\n"
                      "35.09,GOV.A.01,8,3,verified,\n")
    before = tree_fingerprint(tiny_data_dir)
    result = run(tiny_data_dir, "ingest", str(upload), "--year", "2024", "--stage", "II")
    assert result.returncode == 2
    assert "bad.csv, row 2, column level" in result.stderr
    assert result.stdout == ""
    assert tree_fingerprint(tiny_data_dir) == before
    indonesian = run(tiny_data_dir, "--lang", "id", "ingest", str(upload), "--year", "2024",
                     "--stage", "II")
    assert "baris 2, kolom level" in indonesian.stderr


def test_framework_parts_have_documented_columns(tiny_data_dir):
    expected = {
        "indicators": "code,name_id,name_en,dimension,element,chain,aspect,weight,owner_opd",
        "chains": "chain,weight",
        "elements": "dimension,element,weight",
        "bands": "level,name_id,name_en,lower,max_level",
    }
    for part, header in expected.items():
        result = run(tiny_data_dir, "framework", "--year", "2024", "--part", part)
        assert result.returncode == 0 and result.stdout.splitlines()[0] == header
    chains = json.loads(run(tiny_data_dir, "framework", "--year", "2020", "--part", "chains",
                            "--format", "json").stdout)
    assert {c["chain"]: c["weight"] for c in chains}["impact"] == 0.3


def test_check_framework_explains_problems(tmp_path):
    good = run(tmp_path, "check-framework", str(FIXTURES / "tiny.toml"))
    assert good.returncode == 0 and "6 indicators" in good.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text((FIXTURES / "tiny.toml").read_text().replace("weight = 3.0", "weight = -1"))
    result = run(tmp_path, "check-framework", str(bad))
    assert result.returncode == 2 and "indicator ENV.A.03 has weight -1" in result.stderr
    indonesian = run(tmp_path, "--lang", "id", "check-framework", str(bad))   # the rule in the reader's language
    assert indonesian.returncode == 2 and "- indikator ENV.A.03 berbobot -1; diharapkan angka > 0" in indonesian.stderr


def test_retract_unknown_id_is_refused(tiny_data_dir):
    assert run(tiny_data_dir, "retract", "nope").returncode == 2


def test_template_then_filled_template_ingests_and_retract_records_who(tiny_data_dir, tmp_path):
    import openpyxl

    xlsx, csv_file = tmp_path / "t.xlsx", tmp_path / "t.csv"
    assert run(tiny_data_dir, "template", "--year", "2024", "--stage", "II", "--format", "xlsx",
               "--out", str(xlsx)).returncode == 0
    assert run(tiny_data_dir, "template", "--year", "2024", "--stage", "II", "--format", "csv",
               "--out", str(csv_file)).returncode == 0
    assert csv_file.read_text(encoding="utf-8-sig").splitlines()[0] == (
        "region_code,indicator_code,level,claimed_level,evidence,note,year,stage")
    missing = run(tiny_data_dir, "template", "--year", "2031", "--stage", "II", "--out", str(tmp_path / "x"))
    assert missing.returncode == 2 and not (tmp_path / "x").exists()
    book = openpyxl.load_workbook(xlsx)
    for code, level in TINY_LEVELS.items():
        book["data"].append(["35.09", code, level, None, "verified", None])
    book.save(xlsx)
    first = run(tiny_data_dir, "ingest", str(xlsx), "--year", "2024", "--stage", "II", "--by", "Ani")
    assert first.returncode == 0, first.stderr
    wide = tmp_path / "wide.csv"
    wide.write_text("kode_wilayah;GOV.A.01;GOV.A.02\n35.09;4;4\n")
    second = run(tiny_data_dir, "--lang", "id", "ingest", str(wide), "--year", "2024", "--stage", "II")
    assert second.returncode == 0 and "peringatan" in second.stderr and "4 indikator" in second.stderr
    snapshot_id = second.stdout.strip()
    retract = run(tiny_data_dir, "retract", snapshot_id, "--by", "Budi")
    assert retract.returncode == 0
    listing = list(csv.DictReader(io.StringIO(run(tiny_data_dir, "snapshots", "--format", "csv").stdout)))
    row = next(r for r in listing if r["id"] == snapshot_id)
    assert (row["status"], row["retracted_by"]) == ("retracted", "Budi") and row["retracted_at"]
    assert next(r for r in listing if r["id"] == first.stdout.strip())["status"] == "active"


def test_targets_import_export_and_refusal(tiny_data_dir, tmp_path):
    good = tmp_path / "targets.csv"
    good.write_text("region_code,year,dimension,target,note\n35.09,2024,GOV,3.1,@SUM(1)\n35.09,2024,ENV,2.6,\n")
    result = run(tiny_data_dir, "targets", "import", str(good), "--by", "Ani")
    assert result.returncode == 0 and result.stdout.strip() == "2"
    exported = run(tiny_data_dir, "targets", "export", "--year", "2024")
    rows = list(csv.DictReader(io.StringIO(exported.stdout.lstrip("\ufeff"))))
    assert [(r["dimension"], r["target"], r["updated_by"]) for r in rows] == [("ENV", "2.6", "Ani"),
                                                                               ("GOV", "3.1", "Ani")]
    assert rows[1]["note"] == "'@SUM(1)"
    out = tmp_path / "t.xlsx"
    assert run(tiny_data_dir, "targets", "export", "--format", "xlsx", "--out", str(out)).returncode == 0
    assert out.read_bytes()[:2] == b"PK"
    bad = tmp_path / "bad.csv"
    bad.write_text("region_code,year,dimension,target\n35.09,2024,GOV,4.5\n99.99,2024,XXX,1\n")
    before = tree_fingerprint(tiny_data_dir)
    refused = run(tiny_data_dir, "targets", "import", str(bad))
    assert refused.returncode == 2 and refused.stdout == ""
    assert "bad.csv, row 2, column target" in refused.stderr and "row 3, column region_code" in refused.stderr
    assert "nothing was written" in refused.stderr
    assert tree_fingerprint(tiny_data_dir) == before


def test_a_partial_file_merges_by_region_unless_replace_all_is_asked(tiny_data_dir, tmp_path):
    both = tmp_path / "both.csv"
    both.write_text(long_csv({"35.09": TINY_LEVELS, "35.78": TINY_LEVELS}))
    assert run(tiny_data_dir, "ingest", str(both), "--year", "2024", "--stage", "II").returncode == 0
    one = tmp_path / "jember.csv"
    one.write_text(long_csv({"35.09": {code: 4 for code in TINY_LEVELS}}))  # every indicator at the top level
    merged = run(tiny_data_dir, "ingest", str(one), "--year", "2024", "--stage", "II")
    assert merged.returncode == 0, merged.stderr
    assert "merged by region: 1 region(s) from this file, 1 other region(s) kept" in merged.stderr
    index = {row["region_code"]: row["index"] for row in csv.DictReader(io.StringIO(
        run(tiny_data_dir, "scores", "--year", "2024", "--stage", "II").stdout))}
    assert index == {"35.09": "4.0", "35.78": "2.825"}
    replaced = run(tiny_data_dir, "ingest", str(one), "--year", "2024", "--stage", "II", "--replace-all")
    assert replaced.returncode == 0, replaced.stderr
    assert "1 region(s) no longer show" in replaced.stderr
    index = run(tiny_data_dir, "scores", "--year", "2024", "--stage", "II").stdout.splitlines()
    assert index == ["region_code,index,band", "35.09,4.0,5"]


def test_a_closed_pipe_ends_quietly():
    # ~250 KB of element scores: more than a pipe holds, so the reader's exit breaks the pipe mid-write
    command = (f"{sys.executable} -m store --data-dir {REPO / 'data'} scores --year 2025 --stage I --by element"
               " | head -1")
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, cwd=REPO,
                            timeout=120)
    assert result.stdout == "region_code,dimension,element,score\n"
    assert result.stderr == "" and result.returncode == 0


def test_an_oversize_file_is_refused_before_it_is_read(tiny_data_dir, tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (2 * 1048576))
    result = subprocess.run([sys.executable, "-m", "store", "--data-dir", str(tiny_data_dir), "ingest", str(big),
                             "--year", "2024", "--stage", "II"], capture_output=True, text=True, cwd=REPO,
                            timeout=120, env={**__import__("os").environ, "MATRA_MAX_UPLOAD_MB": "1"})
    assert result.returncode == 2 and "over the limit of 1 MB" in result.stderr


def test_a_damaged_manifest_is_reported_with_exit_1_and_nothing_written(tiny_data_dir, tmp_path):
    upload = tmp_path / "a.csv"
    upload.write_text(long_csv())
    assert run(tiny_data_dir, "ingest", str(upload), "--year", "2024", "--stage", "II").returncode == 0
    manifest = tiny_data_dir / "snapshots" / "manifest.json"
    manifest.write_text(manifest.read_text()[:40])
    before = tree_fingerprint(tiny_data_dir)
    result = run(tiny_data_dir, "ingest", str(upload), "--year", "2023", "--stage", "II")
    assert result.returncode == 1 and "manifest is damaged" in result.stderr and "Traceback" not in result.stderr
    assert tree_fingerprint(tiny_data_dir) == before
