"""`python -m store` as a user runs it: a real subprocess, real files, exit codes and outputs."""

import csv
import io
import json
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, REPO
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
    assert {d["dimension"]: d["score"] for d in dims} == pytest.approx({"GOV": 3.0, "ENV": 2.0})
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
        "bands": "level,name_id,name_en,lower",
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


def test_retract_unknown_id_is_refused(tiny_data_dir):
    assert run(tiny_data_dir, "retract", "nope").returncode == 2
