"""`Store`: the one object pages, tools and the CLI ask for data, scores and changes.

`Store` is assembled from three parts, each in its own module, so a newcomer finds a method by
what it does: `store/read.py` (reference data, frameworks, snapshots, scores, rankings, changes,
plans, claims: DuckDB over the active snapshots), `store/read_registers.py` (programmes, saved
scenarios and what-if, the calendar) and `store/write.py` (uploads, retraction, targets, registers,
scenarios, the calendar: atomic writes under the writer lock). This module holds what they share:
the data folder, the one DuckDB `Database`, frozen (pinned) stores and `shared_store`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from store.database import Database
from store.official_store import OfficialResults
from store.read import StoreReads
from store.read_registers import RegisterReads
from store.settings import data_dir as default_data_dir
from store.write import StoreWrites


class Store(StoreReads, RegisterReads, StoreWrites, OfficialResults):
    """The data of one folder (`data_dir`, default MATRA_DATA_DIR), answering from the active
    snapshots, or from exactly the `pinned` snapshot ids (a frozen agenda)."""

    def __init__(self, data_dir: str | Path | None = None, pinned: tuple[str, ...] | None = None):
        self.data_dir = Path(data_dir) if data_dir else default_data_dir()
        self.pinned = tuple(pinned) if pinned is not None else None
        self.snapshots_dir = self.data_dir / "snapshots"
        self.framework_dir = self.data_dir / "framework"
        self.reference_dir = self.data_dir / "reference"
        self._database: Database | None = None

    @property
    def database(self) -> Database:
        if self._database is None:
            self._database = Database(self.snapshots_dir, self.regions(), self.pinned)
        return self._database

    def frozen(self, snapshot_ids: tuple[str, ...]) -> Store:
        """A read-only view of exactly these snapshots (an agenda frozen to the data it was made
        with): every query answers as if they were the active ones, whatever came later."""
        return Store(self.data_dir, pinned=tuple(snapshot_ids))


@cache
def shared_store(data_dir: str, pinned: tuple[str, ...] | None = None) -> Store:
    """One Store per data folder (and pinned snapshot set) per process; its DuckDB connection is
    shared by all sessions, each call taking its own cursor."""
    return Store(data_dir, pinned)
