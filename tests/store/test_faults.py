"""Store faults: an unwritable folder and a full disk (injected OSErrors: the tests run as root, where
chmod protects nothing), a hand-corrupted manifest and a deleted parquet file. After each the data
folder is byte-identical (files and folders), readers get the old answers, the error is a
StoreUnavailable whose message says what is wrong in both languages, and the next write works."""

from __future__ import annotations

import errno
import json

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from store import Store, atomic, manifest, snapshots
from store.atomic import StoreDamaged, StoreUnavailable, StoreWriteFailed
from tests.conftest import TINY_LEVELS
from tests.store.helpers import long_csv, tree_fingerprint

LOW = {code: 1 for code in TINY_LEVELS}
HIGH = {code: 4 for code in TINY_LEVELS}   # every indicator at the top level
PARTIAL = long_csv({"35.78": LOW}).encode()          # a partial upload: one region, merged
NEW_YEAR = long_csv({"11.01": HIGH}).encode()         # for a (year, stage) with no folder yet


def tree_state(folder):
    """Every file with its sha256, and every folder (a failed commit must also remove folders it made)."""
    return tree_fingerprint(folder), sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_dir())


def answers(data_dir):
    store = Store(data_dir)
    scores = store.scores(2024, "II", "index").sort_values("region_code", ignore_index=True)
    return scores, store.ranking(2024, "II"), [(s.id, s.status) for s in store.snapshots()]


def assert_same_answers(data_dir, expected):
    scores, ranking, listing = answers(data_dir)
    assert_frame_equal(scores, expected[0])
    assert_frame_equal(ranking, expected[1])
    assert listing == expected[2]


@pytest.fixture
def stored(tiny_data_dir):
    """2024 II: three regions, then 35.09 raised by a partial upload (so one snapshot is superseded)."""
    store = Store(tiny_data_dir)
    store.ingest_bytes("all.csv", long_csv({"35.09": TINY_LEVELS, "35.78": TINY_LEVELS, "11.01": TINY_LEVELS})
                       .encode(), year=2024, stage="II")
    store.ingest_bytes("jember.csv", long_csv({"35.09": HIGH}).encode(), year=2024, stage="II")
    return tiny_data_dir


def os_error(code):
    return OSError(code, errno.errorcode[code] + " (injected)", "/injected/path")


def fail_temp_files(monkeypatch, code):
    """A read-only folder: no temp file can be created in it."""
    def mkstemp(*args, **kwargs):
        raise os_error(code)
    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)


def fail_rename(monkeypatch, code):
    """The temp file is written but renaming it into place fails (folder made read-only meanwhile)."""
    def replace(source, target):
        raise os_error(code)
    monkeypatch.setattr(atomic.os, "replace", replace)


def fail_parquet_write(monkeypatch, code, nth):
    """The nth parquet write (1: assessments, 2: scores) writes half a file, then fails."""
    calls = []
    real = snapshots.pq.write_table

    def write_table(table, where, **kwargs):
        calls.append(where)
        if len(calls) == nth:
            real(table.slice(0, table.num_rows // 2), where, **kwargs)
            raise os_error(code)
        return real(table, where, **kwargs)
    monkeypatch.setattr(snapshots.pq, "write_table", write_table)


def fail_manifest_write(monkeypatch, code):
    """The new manifest is half written, then the disk refuses the rest."""
    def atomic_write_bytes(path, data):
        def write(temp):
            temp.write_bytes(data[:len(data) // 2])
            raise os_error(code)
        atomic.atomic_write(path, write)
    monkeypatch.setattr(manifest, "atomic_write_bytes", atomic_write_bytes)


def fail_fsync(monkeypatch, code):
    def fsync(fd):
        raise os_error(code)
    monkeypatch.setattr(atomic.os, "fsync", fsync)


FAULTS = {
    "read-only: temp file": (lambda m: fail_temp_files(m, errno.EROFS), "not_writable"),
    "read-only: rename": (lambda m: fail_rename(m, errno.EROFS), "not_writable"),
    "permission: assessments parquet": (lambda m: fail_parquet_write(m, errno.EACCES, 1), "not_writable"),
    "disk full: scores parquet": (lambda m: fail_parquet_write(m, errno.ENOSPC, 2), "disk_full"),
    "disk full: manifest": (lambda m: fail_manifest_write(m, errno.ENOSPC), "disk_full"),
    "quota: fsync": (lambda m: fail_fsync(m, errno.EDQUOT), "disk_full"),
    "i/o error: manifest": (lambda m: fail_manifest_write(m, errno.EIO), "write_failed"),
}
WRITES = {
    "merge": lambda store: store.ingest_bytes("part.csv", PARTIAL, year=2024, stage="II"),
    "replace_all": lambda store: store.ingest_bytes("part.csv", PARTIAL, year=2024, stage="II", replace_all=True),
    "new year": lambda store: store.ingest_bytes("new.csv", NEW_YEAR, year=2023, stage="II"),
    "retract": lambda store: store.retract(store.active_snapshot(2024, "II").id, created_by="tester"),
}
MESSAGES = {"not_writable": ("cannot be written", "tidak dapat ditulis"), "disk_full": ("disk is full", "Disk penuh"),
            "write_failed": ("Writing failed", "Gagal menyimpan")}


@pytest.mark.parametrize("write", list(WRITES))
@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_failing_disk_leaves_the_store_as_it_was(stored, monkeypatch, fault, write):
    inject, code = FAULTS[fault]
    if write == "retract" and "parquet" in fault:
        pytest.skip("retracting writes no parquet")
    before, expected = tree_state(stored), answers(stored)
    store = Store(stored)
    store.active_snapshots(), store.regions()  # a reader that has loaded the old state
    inject(monkeypatch)
    with pytest.raises(StoreWriteFailed) as failed:
        WRITES[write](Store(stored))
    monkeypatch.undo()

    error = failed.value
    assert isinstance(error, StoreUnavailable) and error.code == code
    english, indonesian = error.message("en"), error.message("id")
    assert MESSAGES[code][0] in english and MESSAGES[code][1] in indonesian
    assert "nothing was written" in english and "tidak disimpan" in indonesian
    assert "injected" in english  # the OS's own words, for whoever fixes the disk
    assert tree_state(stored) == before
    assert_same_answers(stored, expected)
    assert store.scores(2024, "II", "index").sort_values("region_code", ignore_index=True).equals(expected[0])

    WRITES[write](Store(stored))  # the disk is fine again: the same write now works
    assert tree_state(stored) != before


@pytest.mark.parametrize("damage", {
    "truncated": lambda text: text[:len(text) // 2],
    "empty": lambda text: "",
    "not json": lambda text: "\x00\x01 not a manifest",
    "a list": lambda text: "[]",
    "snapshots not a list": lambda text: json.dumps({"version": 1, "snapshots": {"a": 1}}),
    "snapshots null": lambda text: json.dumps({"version": 1, "snapshots": None}),
    "entry missing a field": lambda text: _edit(text, lambda e: e.pop("path")),
    "year as text": lambda text: _edit(text, lambda e: e.update(year="2024")),
    "stage as number": lambda text: _edit(text, lambda e: e.update(stage=2)),
    "rows as text": lambda text: _edit(text, lambda e: e.update(rows="many")),
    "regions null": lambda text: _edit(text, lambda e: e.update(regions=None)),
    "unknown status": lambda text: _edit(text, lambda e: e.update(status="bogus")),
    "path outside the folder": lambda text: _edit(text, lambda e: e.update(path="../../reference/x.parquet")),
    "two active": lambda text: _edit(text, lambda e: e.update(status="active"), index=0),
    "same id twice": lambda text: _edit(text, lambda e: e.update(id="x"), index=None),
}.items(), ids=lambda item: item[0])
def test_a_hand_corrupted_manifest_is_reported_and_nothing_is_written(stored, damage):
    path = stored / "snapshots" / manifest.MANIFEST_NAME
    good = path.read_bytes()
    expected = answers(stored)
    path.write_text(damage[1](good.decode()), encoding="utf-8")
    before = tree_state(stored)
    store = Store(stored)
    attempts = [store.snapshots, lambda: store.scores(2024, "II", "index"), lambda: store.ranking(2024, "II"),
                lambda: store.ingest_bytes("part.csv", PARTIAL, year=2024, stage="II"),
                lambda: store.ingest_bytes("new.csv", NEW_YEAR, year=2023, stage="II"),
                lambda: store.retract(expected[2][0][0], created_by="tester")]
    for attempt in attempts:
        with pytest.raises(StoreDamaged) as damaged:
            attempt()
        assert damaged.value.code == "manifest_damaged"
        english, indonesian = damaged.value.message("en"), damaged.value.message("id")
        assert "manifest is damaged" in english and "manifest.json" in english and "nothing was written" in english
        assert "rusak" in indonesian and "tidak ada yang disimpan" in indonesian
    assert tree_state(stored) == before
    path.write_bytes(good)  # restored from a backup: the old answers again
    assert_same_answers(stored, expected)


def _edit(text, change, index=-1):
    document = json.loads(text)
    if index is None:
        for entry in document["snapshots"]:
            change(entry)
    else:
        change(document["snapshots"][index])
    return json.dumps(document)


@pytest.mark.parametrize("which", ["path", "scores_path"])
def test_a_deleted_parquet_file_of_the_active_snapshot_is_reported(stored, which):
    store = Store(stored)
    current = store.active_snapshot(2024, "II")
    (stored / "snapshots" / getattr(current, which)).unlink()
    before = tree_state(stored)
    check = store.check_upload("part.csv", PARTIAL, year=2024, stage="II")
    assert check.ok

    with pytest.raises(StoreDamaged) as damaged:
        store.preview(check, year=2024, stage="II")
    assert damaged.value.code == "snapshot_missing"
    assert getattr(current, which) in damaged.value.message("en")
    assert "missing" in damaged.value.message("en") and "hilang" in damaged.value.message("id")
    if which == "path":  # merging needs the active snapshot's rows
        with pytest.raises(StoreDamaged) as damaged:
            store.commit_upload(check, year=2024, stage="II", source="part.csv")
        assert damaged.value.code == "snapshot_missing"
        with pytest.raises(StoreDamaged):
            store.ingest_bytes("part.csv", PARTIAL, year=2024, stage="II")
    assert tree_state(stored) == before

    # The way out the message names: retract that snapshot; the previous one answers again.
    Store(stored).retract(current.id, created_by="tester")
    revived = Store(stored)
    assert revived.active_snapshot(2024, "II").regions == 3
    levels = revived.region_indicators("35.09", 2024, "II").set_index("indicator_code")["level"].to_dict()
    assert levels == TINY_LEVELS  # the snapshot before the partial upload of 35.09


def test_replace_all_does_not_need_the_missing_file(stored):
    store = Store(stored)
    current = store.active_snapshot(2024, "II")
    (stored / "snapshots" / current.path).unlink()
    snapshot, created = store.ingest_bytes("part.csv", PARTIAL, year=2024, stage="II", replace_all=True)
    assert created and snapshot.regions == 1 and snapshot.mode == "replace"
    assert Store(stored).scores(2024, "II", "index")["region_code"].tolist() == ["35.78"]


def test_a_reader_is_told_clearly_when_a_parquet_file_is_missing(stored):
    current = Store(stored).active_snapshot(2024, "II")
    (stored / "snapshots" / current.scores_path).unlink()
    with pytest.raises(StoreDamaged):
        Store(stored).scores(2024, "II", "index")


def test_an_absent_manifest_is_an_empty_store_not_damage(tiny_data_dir):
    assert Store(tiny_data_dir).snapshots() == []
    assert Store(tiny_data_dir).scores(2024, "II", "index").empty
    pd.testing.assert_index_equal(Store(tiny_data_dir).scores(2024, "II", "index").columns,
                                  pd.Index(["region_code", "index", "band"]))
