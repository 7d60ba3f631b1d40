"""Writers for the kill and concurrency tests, run in child processes (imported by a forkserver so
that starting one is cheap). Each write is a real Store call on the given data folder."""

from __future__ import annotations

import sys

import pandas as pd

from store import Store
from store.atomic import StoreBusy
from tests.conftest import TINY_LEVELS
from tests.store.helpers import long_csv

BUSY_EXIT = 3


def upload(seed: int, step: int) -> bytes:
    """A valid upload whose content differs for every (seed, step)."""
    levels = {code: (seed + step + offset) % 5 for offset, code in enumerate(TINY_LEVELS)}  # levels 0-4
    text = long_csv({"35.09": levels, "35.78": TINY_LEVELS, "11.01": levels})
    return text.replace(",verified,\n", f",verified,run {seed} step {step}\n", 1).encode()


def write_forever(data_dir: str, seed: int, ready) -> None:
    """Commit, save targets and retract in turn until killed, starting with the write `seed` picks
    (so kills land in every kind of write); set `ready` before the first write."""
    store = Store(data_dir)
    store.regions(), store.framework_for(2024)  # warm the caches, so that writing starts at once
    ready.set()
    step = seed
    while True:
        step += 1
        if step % 3 == 0:
            store.ingest_bytes(f"kill-{seed}-{step}.csv", upload(seed, step), year=2024, stage="II",
                               created_by="killer")
        elif step % 3 == 1:
            store.save_targets(pd.DataFrame([{"region_code": "35.09", "year": 2024, "dimension": "GOV",
                                              "target": (seed + step) % 50 / 10}]), created_by="killer")
        else:
            snapshots = store.snapshots()
            active = [s for s in snapshots if s.status == "active"]
            if any(s.status == "superseded" for s in snapshots) and active:
                store.retract(active[-1].id, created_by="killer")


def write_once(data_dir: str, seed: int) -> None:
    """One commit; exit code BUSY_EXIT when the store stayed busy."""
    try:
        Store(data_dir).ingest_bytes(f"once-{seed}.csv", upload(seed, 0), year=2024, stage="II",
                                     created_by=f"writer {seed}")
    except StoreBusy:
        sys.exit(BUSY_EXIT)
