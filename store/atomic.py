"""Crash-safe writes: temp file in the same folder, fsync, atomic rename; one writer at a time.

A reader sees either the old file or the new one, never half of one. Leftover temp files (from a
writer killed mid-way) carry TEMP_MARKER in their name and are removed by `clean_leftovers`.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

TEMP_MARKER = ".matra-tmp-"
LOCK_NAME = ".matra.lock"
LOCK_TIMEOUT_SECONDS = 10.0  # how long a writer waits for another one before StoreBusy


# What a reader or writer is told when the store cannot do its work (Indonesian, English).
UNAVAILABLE = {
    "busy": ("Perubahan lain sedang ditulis; coba lagi sebentar lagi.",
             "another change is being written; try again"),
    "disk_full": ("Disk penuh: perubahan tidak disimpan dan data tetap seperti semula ({detail}).",
                  "The disk is full: nothing was written and the data is as it was ({detail})."),
    "not_writable": ("Folder data tidak dapat ditulis: perubahan tidak disimpan dan data tetap seperti semula "
                     "({detail}).",
                     "The data folder cannot be written: nothing was written and the data is as it was ({detail})."),
    "write_failed": ("Gagal menyimpan: perubahan tidak disimpan dan data tetap seperti semula ({detail}).",
                     "Writing failed: nothing was written and the data is as it was ({detail})."),
    "manifest_damaged": ("Daftar versi data (manifest.json) rusak ({detail}). Pulihkan manifest.json dari "
                         "cadangan; tidak ada yang disimpan.",
                         "The snapshot manifest is damaged ({detail}). Restore manifest.json from a backup; "
                         "nothing was written."),
    "snapshot_missing": ("Berkas versi data aktif hilang atau rusak ({detail}). Pulihkan berkas itu atau tarik "
                         "versi data tersebut; tidak ada yang disimpan.",
                         "A file of an active snapshot is missing ({detail}). Restore it or retract that "
                         "snapshot; nothing was written."),
}


class StoreUnavailable(RuntimeError):
    """The store cannot do what was asked (busy, disk full, damaged); nothing was written.
    `message(lang)` says what is wrong in Indonesian or English."""

    code = "write_failed"

    def __init__(self, detail: str = "", code: str | None = None):
        self.code = code or self.code
        self.detail = detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        return UNAVAILABLE[self.code][1 if lang == "en" else 0].format(detail=self.detail)


class StoreBusy(StoreUnavailable):
    """Another writer holds the lock; try again in a moment."""

    code = "busy"


class StoreWriteFailed(StoreUnavailable):
    """The disk refused a write (full, read-only, permissions); the store is as it was."""

    @classmethod
    def from_os_error(cls, error: OSError) -> StoreWriteFailed:
        code = {errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full", errno.EACCES: "not_writable",
                errno.EPERM: "not_writable", errno.EROFS: "not_writable"}.get(error.errno, "write_failed")
        return cls(f"{error.filename or ''} {error.strerror or error}".strip(), code)


class StoreDamaged(StoreUnavailable):
    """The manifest or a file it names is damaged or missing; nothing was written."""

    code = "manifest_damaged"


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


# What the disk says when it refuses a write: full, over quota, read-only, no permission, failing,
# file too large. Any of these inside a write becomes StoreWriteFailed (a clear message, never a
# traceback); other OSErrors (a missing input file) keep their own meaning.
DISK_REFUSALS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO,
                           errno.EFBIG})


@contextlib.contextmanager
def writer_lock(data_dir: Path, timeout: float | None = None) -> Iterator[None]:
    """Serialise writers across processes (flock on data_dir/.matra.lock).

    Waits up to `timeout` seconds (default LOCK_TIMEOUT_SECONDS), then raises StoreBusy. The OS
    releases the lock when the holder dies, so a killed writer never leaves the store locked.
    Every write in the store runs under this lock, so this is where a disk that refuses (read-only,
    full; DISK_REFUSALS) becomes StoreWriteFailed, for taking the lock as for the write inside it;
    atomic_write has already removed its temp file, so nothing was written.
    """
    try:
        with _locked(data_dir, timeout):
            yield
    except OSError as error:
        if error.errno in DISK_REFUSALS:
            raise StoreWriteFailed.from_os_error(error) from None
        raise


@contextlib.contextmanager
def _locked(data_dir: Path, timeout: float | None) -> Iterator[None]:
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / LOCK_NAME, "a+") as handle:
        deadline = time.monotonic() + (LOCK_TIMEOUT_SECONDS if timeout is None else timeout)
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreBusy() from None
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
