"""The writer lock across processes, as several server processes on one data folder use it: a lock
held by another process makes a writer wait and then refuse (nothing written), it is free again the
moment its holder lets go or dies, and read-modify-write cycles under it lose no update."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from store import Store, StoreBusy, atomic
from store.atomic import writer_lock
from tests.store.helpers import long_csv, tree_fingerprint

HOLD_SECONDS = 60   # how long a holder keeps the lock unless told to let go (or killed)


# child processes --------------------------------------------------------------------------------
def hold_lock(data_dir: str, held, release) -> None:
    """Take the writer lock, say so, and keep it until `release` is set."""
    with writer_lock(Path(data_dir)):
        held.set()
        release.wait(HOLD_SECONDS)


def count_up(data_dir: str, times: int, start) -> None:
    """Add one to the counter file `times` times, each a read, a pause and a write under the lock."""
    counter = Path(data_dir) / "counter"
    start.wait(30)
    for _ in range(times):
        with writer_lock(Path(data_dir), timeout=30):
            value = int(counter.read_text())
            time.sleep(0.002)   # widen the window another writer would slip into without the lock
            counter.write_text(str(value + 1))


# tests ------------------------------------------------------------------------------------------
@pytest.fixture
def processes():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])  # children start with the store already imported
    return context


@pytest.fixture
def holder(processes, tiny_data_dir):
    """A child process holding the writer lock of `tiny_data_dir`; (process, release event)."""
    held, release = processes.Event(), processes.Event()
    child = processes.Process(target=hold_lock, args=(str(tiny_data_dir), held, release))
    child.start()
    assert held.wait(30), "the child never took the lock"
    yield child, release
    if child.is_alive():   # (a killed child still counts as waiting on `release`: setting it would hang)
        release.set()
        child.join(10)
    if child.is_alive():
        child.kill()
        child.join()


def test_a_lock_held_by_another_process_makes_writers_wait_then_refuse(holder, tiny_data_dir, monkeypatch):
    child, release = holder
    started = time.monotonic()
    with pytest.raises(StoreBusy), writer_lock(tiny_data_dir, timeout=0.3):
        pass
    assert time.monotonic() - started >= 0.3   # it waited for the holder before giving up

    monkeypatch.setattr(atomic, "LOCK_TIMEOUT_SECONDS", 0.3)
    store = Store(tiny_data_dir)
    before = tree_fingerprint(tiny_data_dir)
    with pytest.raises(StoreBusy, match="try again"):
        store.ingest_bytes("a.csv", long_csv().encode(), year=2024, stage="II")
    with pytest.raises(StoreBusy):
        store.import_targets("t.csv", b"region_code,year,dimension,target\n35.09,2024,GOV,3\n")
    assert tree_fingerprint(tiny_data_dir) == before

    release.set()
    child.join(10)
    snapshot, created = store.ingest_bytes("a.csv", long_csv().encode(), year=2024, stage="II")
    assert created and store.active_snapshot(2024, "II") == snapshot


def test_a_killed_holder_frees_the_lock_at_once(holder, tiny_data_dir):
    child, _ = holder
    with pytest.raises(StoreBusy), writer_lock(tiny_data_dir, timeout=0.2):
        pass
    os.kill(child.pid, signal.SIGKILL)
    child.join(10)
    started = time.monotonic()
    with writer_lock(tiny_data_dir, timeout=2):
        assert time.monotonic() - started < 1


def test_read_modify_write_under_the_lock_loses_no_update_across_processes(processes, tmp_path):
    (tmp_path / "counter").write_text("0")
    start = processes.Event()
    workers = [processes.Process(target=count_up, args=(str(tmp_path), 10, start)) for _ in range(4)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(60)
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    assert int((tmp_path / "counter").read_text()) == 40
