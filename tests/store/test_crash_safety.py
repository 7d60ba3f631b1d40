"""Crash safety on real files: writers SIGKILLed at random moments, concurrent writers, a busy lock."""

import multiprocessing
import random
import time

import pyarrow.parquet as pq
import pytest

from store import Store, atomic
from store.atomic import TEMP_MARKER, StoreBusy, writer_lock
from store.manifest import read_manifest
from tests.store import kill_worker
from tests.store.helpers import long_csv, tree_fingerprint

KILLS = 40


@pytest.fixture(scope="module")
def processes():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.store.kill_worker"])
    return context


def assert_consistent(data_dir):
    """The state a fresh reader sees: parsable manifest, every referenced file readable, exactly one
    active snapshot per (year, stage) that has any, and queries that run."""
    snapshots_dir = data_dir / "snapshots"
    manifest = read_manifest(snapshots_dir)
    assert len({s.id for s in manifest}) == len(manifest)
    for snapshot in manifest:
        assert pq.read_table(snapshots_dir / snapshot.path).num_rows == snapshot.rows
        pq.read_table(snapshots_dir / snapshot.scores_path)
    for key in {(s.year, s.stage) for s in manifest}:
        assert [s.status for s in manifest if (s.year, s.stage) == key].count("active") == 1, key
    store = Store(data_dir)
    assert len(store.scores(2024, "II", "index")) == 3
    store.targets("35.09", 2024)
    return manifest


def leftovers(data_dir):
    snapshots_dir = data_dir / "snapshots"
    referenced = {p for s in read_manifest(snapshots_dir) for p in (s.path, s.scores_path)}
    temp = list(data_dir.rglob(f"{TEMP_MARKER}*"))
    orphans = [p for p in snapshots_dir.rglob("*.parquet")
               if p.relative_to(snapshots_dir).as_posix() not in referenced]
    return temp + orphans


@pytest.mark.slow   # ~100 s of killed writers; CI runs it (plain pytest), deselect locally with -m 'not slow'
def test_killed_writers_never_leave_an_inconsistent_store(tiny_data_dir, processes):
    randomness = random.Random(2017)
    store = Store(tiny_data_dir)
    store.ingest_bytes("seed.csv", kill_worker.upload(0, 0), year=2024, stage="II")
    started = time.monotonic()
    store.ingest_bytes("warm.csv", kill_worker.upload(0, 1), year=2024, stage="II")
    # Kill within about five writes' time, however fast this machine is, so kills land everywhere.
    window = 5 * (time.monotonic() - started) + 0.05
    messy = 0
    for kill in range(KILLS):
        ready = processes.Event()
        writer = processes.Process(target=kill_worker.write_forever, args=(str(tiny_data_dir), kill, ready))
        writer.start()
        assert ready.wait(30)
        time.sleep(randomness.uniform(0.0, window))
        writer.kill()
        writer.join()
        assert_consistent(tiny_data_dir)
        messy += bool(leftovers(tiny_data_dir))
    manifest = assert_consistent(tiny_data_dir)
    assert len(manifest) > 5, "the writers hardly wrote: the kills tested nothing"
    assert any(s.status == "retracted" for s in manifest)
    Store(tiny_data_dir).ingest_bytes("after.csv", kill_worker.upload(999, 1), year=2024, stage="II")
    assert leftovers(tiny_data_dir) == []
    assert_consistent(tiny_data_dir)
    print(f"{KILLS} kills, {len(manifest)} snapshots, {messy} kills left files for the next write to clean")


def test_two_concurrent_writers_both_finish_or_one_is_told_to_retry(tiny_data_dir, processes):
    writers = [processes.Process(target=kill_worker.write_once, args=(str(tiny_data_dir), seed))
               for seed in (1, 2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
    codes = sorted(w.exitcode for w in writers)
    assert codes in ([0, 0], [0, kill_worker.BUSY_EXIT])
    manifest = assert_consistent(tiny_data_dir)
    assert len(manifest) == codes.count(0)
    if codes == [0, 0]:
        assert {s.created_by for s in manifest} == {"writer 1", "writer 2"}


def test_a_busy_store_refuses_quickly_and_writes_nothing(tiny_data_dir, monkeypatch):
    store = Store(tiny_data_dir)
    store.ingest_bytes("a.csv", long_csv().encode(), year=2024, stage="II")
    monkeypatch.setattr(atomic, "LOCK_TIMEOUT_SECONDS", 0.2)
    before = tree_fingerprint(tiny_data_dir)
    with writer_lock(tiny_data_dir):  # a second open file description: flock conflicts in-process too
        with pytest.raises(StoreBusy, match="try again"):
            store.ingest_bytes("b.csv", long_csv(evidence="submitted").encode(), year=2024, stage="II")
        with pytest.raises(StoreBusy):
            store.retract(store.snapshots()[0].id, created_by="x")
        with pytest.raises(StoreBusy):
            store.import_targets("t.csv", b"region_code,year,dimension,target\n35.09,2024,GOV,3\n")
    assert tree_fingerprint(tiny_data_dir) == before
