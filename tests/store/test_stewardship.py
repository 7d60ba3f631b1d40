"""Retract only what you mean, restore, templates that say their year and stage, preview == commit,
and one audit line per write (issue 24): real files, real DuckDB, the real CLI."""

import hashlib
import io
import json

import openpyxl
import pytest

from store import IngestRefused, Store
from store.templates import csv_template, xlsx_template
from tests.conftest import TINY_LEVELS
from tests.store.helpers import long_csv, tree_fingerprint
from tests.store.test_cli import run

OTHER = {"35.09": {code: 1 for code in TINY_LEVELS}}


@pytest.fixture
def claimed_stage_one(tiny_data_dir):
    """The tiny framework with stage I scored on its claims (as the real framework does)."""
    path = tiny_data_dir / "framework" / "tiny.toml"
    path.write_text(path.read_text().replace('unverified_counts_as = "zero"',
                                             'unverified_counts_as = "zero"\nstage_I = "claimed"'))
    return tiny_data_dir


def _ingest(store, text, stage="II", name="a.csv"):
    return store.ingest_bytes(name, text.encode(), year=2024, stage=stage, created_by="Ani", role="admin")[0]


def _scores_bytes(store):
    return b"".join(store.scores(2024, "II", kind).to_csv(index=False).encode()
                    for kind in ("index", "dimension", "chain", "element"))


def test_retract_then_restore_gives_back_the_same_scores_byte_for_byte(tiny_data_dir):
    store = Store(tiny_data_dir)
    first = _ingest(store, long_csv(OTHER))
    second = _ingest(store, long_csv(), name="b.csv")
    before = _scores_bytes(store)
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tiny_data_dir.rglob("*.parquet")}
    effect = store.change_effect(second.id, "retract")
    assert (effect.active_before.id, effect.active_after.id, effect.leaves_empty) == (second.id, first.id, False)
    store.retract(second.id, created_by="Budi")
    assert _scores_bytes(store) != before
    assert store.change_effect(second.id, "restore").active_after.id == second.id
    restored = store.restore(second.id, created_by="Citra")
    assert (restored.status, restored.restored_by, restored.retracted_by) == ("active", "Citra", "")
    assert _scores_bytes(store) == before
    statuses = {s.id: s.status for s in store.snapshots()}
    assert statuses == {first.id: "superseded", second.id: "active"}
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tiny_data_dir.rglob("*.parquet")} == files


def test_restore_a_superseded_snapshot_supersedes_the_active_one(tiny_data_dir):
    store = Store(tiny_data_dir)
    first = _ingest(store, long_csv(OTHER))
    second = _ingest(store, long_csv(), name="b.csv")
    store.restore(first.id)
    assert {s.id: s.status for s in store.snapshots()} == {first.id: "active", second.id: "superseded"}
    assert store.scores(2024, "II", "index")["index"].tolist() == pytest.approx([1.0])  # every level 1


def test_retracting_the_only_version_needs_allow_empty(tiny_data_dir):
    store = Store(tiny_data_dir)
    only = _ingest(store, long_csv())
    assert store.change_effect(only.id, "retract").leaves_empty
    before = tree_fingerprint(tiny_data_dir)
    with pytest.raises(IngestRefused) as refused:
        store.retract(only.id, created_by="Budi")
    assert "2024 II" in refused.value.problems[0].message("en")
    assert tree_fingerprint(tiny_data_dir) == before
    store.retract(only.id, created_by="Budi", allow_empty=True)
    assert store.active_snapshot(2024, "II") is None
    assert [(e["action"], e["outcome"]) for e in store.audit_log()][-2:] == [("retract", "refused"), ("retract", "ok")]


def test_cli_retract_refuses_empty_without_flag_and_restore_brings_it_back(tiny_data_dir, tmp_path):
    upload = tmp_path / "a.csv"
    upload.write_text(long_csv())
    snapshot_id = run(tiny_data_dir, "ingest", str(upload), "--year", "2024", "--stage", "II").stdout.strip()
    index = run(tiny_data_dir, "scores", "--year", "2024", "--stage", "II").stdout
    before = tree_fingerprint(tiny_data_dir)
    refused = run(tiny_data_dir, "retract", snapshot_id, "--by", "Budi")
    assert refused.returncode == 2 and "--allow-empty" in refused.stderr and refused.stdout == ""
    assert tree_fingerprint(tiny_data_dir) == before
    done = run(tiny_data_dir, "retract", snapshot_id, "--by", "Budi", "--allow-empty")
    assert done.returncode == 0 and "no data" in done.stderr
    assert run(tiny_data_dir, "scores", "--year", "2024", "--stage", "II").stdout != index
    back = run(tiny_data_dir, "restore", snapshot_id, "--by", "Citra")
    assert back.returncode == 0, back.stderr
    assert back.stdout.strip() == f"restored {snapshot_id}" and snapshot_id in back.stderr
    assert run(tiny_data_dir, "scores", "--year", "2024", "--stage", "II").stdout == index
    assert run(tiny_data_dir, "restore", "nope").returncode == 2
    log = json.loads(run(tiny_data_dir, "log", "--format", "json").stdout)
    assert [(e["action"], e["outcome"], e["who"]) for e in log[1:]] == [
        ("retract", "refused", "Budi"), ("retract", "ok", "Budi"), ("restore", "ok", "Citra"),
        ("restore", "refused", log[-1]["who"])]
    assert log[0]["action"] == "ingest" and log[0]["ids"][0] == snapshot_id and log[0]["counts"]["rows"] == 6


def _filled_xlsx(year, stage, tiny_data_dir):
    store = Store(tiny_data_dir)
    book = openpyxl.load_workbook(io.BytesIO(
        xlsx_template(store.framework_for(year), store.regions(), year=year, stage=stage)))
    for code, level in TINY_LEVELS.items():
        book["data"].append(["35.09", code, level, level, "verified", None])
    return book


def test_a_template_for_another_year_or_stage_is_refused_naming_both(tiny_data_dir, tmp_path):
    book = _filled_xlsx(2024, "I", tiny_data_dir)
    assert book.properties.keywords == "matra-template year=2024 stage=I"
    book.save(tmp_path / "t.xlsx")
    before = tree_fingerprint(tiny_data_dir)
    wrong = run(tiny_data_dir, "ingest", str(tmp_path / "t.xlsx"), "--year", "2024", "--stage", "II")
    assert wrong.returncode == 2
    assert "2024 I" in wrong.stderr and "2024 II" in wrong.stderr and "template" in wrong.stderr
    assert tree_fingerprint(tiny_data_dir) == before
    assert json.loads(run(tiny_data_dir, "log", "--format", "json").stdout)[-1]["outcome"] == "refused"
    # A template made before the properties existed still says it on its instructions sheet.
    book.properties.keywords = None
    book.save(tmp_path / "old.xlsx")
    assert run(tiny_data_dir, "ingest", str(tmp_path / "old.xlsx"), "--year", "2023", "--stage", "I").returncode == 2
    right = run(tiny_data_dir, "ingest", str(tmp_path / "t.xlsx"), "--year", "2024", "--stage", "I")
    assert right.returncode == 0, right.stderr


def test_a_csv_template_says_its_year_and_stage_in_columns(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    template = csv_template(store.framework_for(2024), store.regions(), year=2024, stage="I")
    (tmp_path / "t.csv").write_bytes(template)
    wrong = run(tiny_data_dir, "ingest", str(tmp_path / "t.csv"), "--year", "2024", "--stage", "II")
    assert wrong.returncode == 2 and "2024 I" in wrong.stderr and "2024 II" in wrong.stderr
    assert run(tiny_data_dir, "ingest", str(tmp_path / "t.csv"), "--year", "2024", "--stage", "I").returncode == 0


@pytest.mark.parametrize("stage", ["I", "II"])
def test_preview_equals_the_committed_index(claimed_stage_one, stage):
    """Stage I claims with evidence 'submitted': scored on the claims (2.825 by hand, as the verified
    levels in test_cli) in stage I, 0 in stage II where unverified counts as zero."""
    store = Store(claimed_stage_one)
    data = long_csv(evidence="submitted").encode()
    check = store.check_upload("claims.csv", data, year=2024, stage=stage)
    shown = store.preview(check, year=2024, stage=stage).index_moves.set_index("region_code")["new_index"]
    store.commit_upload(check, year=2024, stage=stage, source="claims.csv")
    stored = store.scores(2024, stage, "index").set_index("region_code")["index"]
    assert shown.to_dict() == stored.to_dict()
    assert shown["35.09"] == pytest.approx(2.825 if stage == "I" else 0.0)


def test_every_store_write_appends_one_line_and_refusals_are_logged(tiny_data_dir):
    store = Store(tiny_data_dir)
    _ingest(store, long_csv())
    with pytest.raises(IngestRefused):
        store.ingest_bytes("bad.csv", b"region_code,indicator_code,level\n35.09,GOV.A.01,9\n", year=2024,
                           stage="II", created_by="Ani")
    store.import_targets("t.csv", b"region_code,year,dimension,target\n35.09,2024,GOV,4\n", created_by="Ani")
    log = store.audit_log()
    assert [(e["action"], e["outcome"], e["who"]) for e in log] == [
        ("ingest", "ok", "Ani"), ("ingest", "refused", "Ani"), ("targets", "ok", "Ani")]
    assert log[0]["role"] == "admin" and log[2]["counts"] == {"keys": 1}
    assert "level" in log[1]["detail"]


def test_the_web_process_reads_only_the_properties(tiny_data_dir):
    """Store.stated_year_stage (asked by the Data page outside the bounded worker) reads the XLSX
    properties only; an older template that says it on its instructions sheet alone is left to the
    upload check, which refuses it for another year or stage."""
    store = Store(tiny_data_dir)
    book = _filled_xlsx(2024, "I", tiny_data_dir)
    stamped = io.BytesIO()
    book.save(stamped)
    assert store.stated_year_stage("t.xlsx", stamped.getvalue()) == (2024, "I")
    book.properties.keywords = None
    older = io.BytesIO()
    book.save(older)
    assert store.stated_year_stage("old.xlsx", older.getvalue()) is None
    check = store.check_upload("old.xlsx", older.getvalue(), year=2024, stage="II")
    assert [p.code for p in check.errors] == ["template_mismatch"]
