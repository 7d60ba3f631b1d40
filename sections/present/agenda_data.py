"""Reads for a meeting agenda, frozen to the snapshots it was made with, and what changed since.

Every number on a slide comes from `Store.frozen(agenda.snapshot_ids)`, cached by those ids: the
snapshots are immutable, so the ids are the cached. Known limit: region targets are not part of a
snapshot; a frozen agenda shows the targets as they are now (the cache key carries their stamp).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components import cached
from components.frame import Context
from store import Store
from store.manifest import Snapshot

READS = ("ranking", "scores", "region_scores", "region_indicators", "trend", "targets", "national_medians",
         "cohorts", "claims")


@st.cache_resource(max_entries=8, show_spinner=False)
def frozen_store(data_dir: str, snapshot_ids: tuple[str, ...]) -> Store:
    """One pinned Store per agenda snapshot set, the least used dropped; it reads the data folder's
    one shared database through its own snapshots (store/database.py)."""
    return Store(data_dir).frozen(snapshot_ids)


@st.cache_data(max_entries=256, show_spinner=False)
def _read(data_dir: str, snapshot_ids: tuple[str, ...], targets_stamp: int, name: str, args: tuple):
    if name not in READS:
        raise ValueError(f"{name} is not a read of the store")
    return getattr(frozen_store(data_dir, snapshot_ids), name)(*args)


class FrozenData:
    """The store's reads, answered from exactly `snapshot_ids` (cached)."""

    def __init__(self, snapshot_ids: tuple[str, ...]):
        self.snapshot_ids = tuple(snapshot_ids)
        self.data_dir = str(cached.store().data_dir)
        targets = cached.store().data_dir / "targets" / "targets.parquet"
        self._stamp = targets.stat().st_mtime_ns if targets.exists() else 0

    @property
    def store(self) -> Store:
        return frozen_store(self.data_dir, self.snapshot_ids)

    def _ask(self, name: str, *args):
        return _read(self.data_dir, self.snapshot_ids, self._stamp, name, args)

    def ranking(self, year: int, stage: str) -> pd.DataFrame:
        return self._ask("ranking", year, stage)

    def scores(self, year: int, stage: str, by: str) -> pd.DataFrame:
        return self._ask("scores", year, stage, by)

    def region_scores(self, region: str, year: int, stage: str) -> pd.DataFrame:
        return self._ask("region_scores", region, year, stage)

    def region_indicators(self, region: str, year: int, stage: str) -> pd.DataFrame:
        return self._ask("region_indicators", region, year, stage)

    def trend(self, regions: tuple[str, ...], stage: str, kind: str = "index") -> pd.DataFrame:
        return self._ask("trend", tuple(regions), stage, kind)

    def targets(self, region: str, year: int) -> dict[str, float]:
        return self._ask("targets", region, year)

    def national_medians(self, stage: str, kind: str = "index") -> pd.DataFrame:
        return self._ask("national_medians", stage, kind)

    def cohorts(self) -> pd.DataFrame:
        return self._ask("cohorts")

    def claims(self, year: int, regions: tuple[str, ...]) -> pd.DataFrame:
        return self._ask("claims", year, list(regions))

    def has(self, year: int, stage: str) -> bool:
        return any((s.year, s.stage) == (year, stage) for s in status(self.snapshot_ids).snapshots)


@dataclass(frozen=True)
class DataStatus:
    """What an agenda shows and how that differs from the data now active.

    snapshots: the agenda's snapshots found in the manifest (by year, stage); missing: ids the
    manifest no longer knows; newer: active snapshots the agenda does not use (newer data, or an
    older one made active again by a retraction)."""

    snapshots: tuple[Snapshot, ...]
    missing: tuple[str, ...]
    newer: tuple[Snapshot, ...]

    @property
    def as_of(self) -> str:
        return max((s.created_at for s in self.snapshots), default="")

    @property
    def synthetic(self) -> bool:
        return any(s.synthetic for s in self.snapshots)


def status(snapshot_ids: tuple[str, ...]) -> DataStatus:
    manifest = {s.id: s for s in cached.store().snapshots()}
    chosen = tuple(sorted((manifest[i] for i in snapshot_ids if i in manifest), key=lambda s: (s.year, s.stage)))
    missing = tuple(i for i in snapshot_ids if i not in manifest)
    newer = tuple(sorted((s for s in cached.store().active_snapshots() if s.id not in set(snapshot_ids)),
                         key=lambda s: (s.year, s.stage)))
    return DataStatus(chosen, missing, newer)


def frozen_context(ctx: Context, agenda) -> Context:
    """The page context for an agenda: its year and stage, and the data-as-of of its snapshots
    (so every chart's source line names the frozen data)."""
    found = status(agenda.snapshot_ids)
    return Context(lang=ctx.lang, year=agenda.year, stage=agenda.stage, data_version=tuple(agenda.snapshot_ids),
                   data_as_of=found.as_of, synthetic=found.synthetic)
