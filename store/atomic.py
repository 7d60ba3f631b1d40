"""Crash-safe writes: temp file in the same folder, fsync, atomic rename; one writer at a time.

A reader sees either the old file or the new one, never half of one. Leftover temp files (from a
writer killed mid-way) carry TEMP_MARKER in their name and are removed by `clean_leftovers`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

TEMP_MARKER = ".matra-tmp-"
LOCK_NAME = ".matra.lock"
LOCK_TIMEOUT_SECONDS = 10.0  # how long a writer waits for another one before StoreBusy


class StoreBusy(RuntimeError):
    """Another writer holds the lock; try again in a moment."""


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write(temp_path)`, fsync the result and rename it onto `path` atomically."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=TEMP_MARKER, suffix=path.suffix, dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        write(temp)
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, path)
        _fsync_dir(path.parent)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    atomic_write(path, lambda temp: temp.write_bytes(data))


@contextlib.contextmanager
def writer_lock(data_dir: Path, timeout: float | None = None) -> Iterator[None]:
    """Serialise writers across processes (flock on data_dir/.matra.lock).

    Waits up to `timeout` seconds (default LOCK_TIMEOUT_SECONDS), then raises StoreBusy. The OS
    releases the lock when the holder dies, so a killed writer never leaves the store locked.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / LOCK_NAME, "a+") as handle:
        deadline = time.monotonic() + (LOCK_TIMEOUT_SECONDS if timeout is None else timeout)
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreBusy("another change is being written; try again") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove temp files left by killed writers (call with the writer lock held)."""
    removed = []
    if folder.exists():
        for leftover in folder.rglob(f"{TEMP_MARKER}*"):
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed
