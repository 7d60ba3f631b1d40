"""Retract and restore snapshots: which one becomes active, said before it happens; nothing deleted.

Retracting the active snapshot of a (year, stage) makes the newest superseded one active again;
when there is none the year and stage would have no data, which is refused unless `allow_empty`.
Restoring makes a retracted or superseded snapshot the active one of its (year, stage) again, and
the one active until then superseded. Both run under the writer lock and append a line to the audit
log (store/audit.py), refused ones too.

Official results and framework versions, where another module versions them, restore the same
way: their module keeps statuses in its own manifest and calls `audit.logged(data_dir, "restore",
...)` around the change; `effect`/`apply` here are for assessment snapshots only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from scoring import shown_difference
from store import audit
from store.atomic import StoreWriteFailed, writer_lock
from store.manifest import Snapshot, read_manifest, write_manifest
from store.problems import IngestRefused, Problem
from store.settings import current_user
from store.snapshots import clean_store, read_snapshot_rows


@dataclass(frozen=True)
class Effect:
    """What retracting or restoring `target` does to its (year, stage): `active_after` is the
    snapshot active afterwards (None: no data left), `active_before` the one active now. From
    `apply`, `target` is the snapshot as it is afterwards (its new status, who and when)."""

    action: str                  # retract | restore
    target: Snapshot
    active_before: Snapshot | None
    active_after: Snapshot | None
    changes: bool                # False when the target already has the asked status

    @property
    def leaves_empty(self) -> bool:
        return self.changes and self.active_after is None


def _find(manifest: list[Snapshot], snapshot_id: str) -> Snapshot:
    target = next((s for s in manifest if s.id == snapshot_id), None)
    if target is None:
        raise IngestRefused([Problem("unknown_snapshot", value=snapshot_id)])
    return target


def effect(manifest: list[Snapshot], snapshot_id: str, action: str) -> Effect:
    """The effect of `action` (retract | restore) on the snapshot `snapshot_id`, computed from the
    manifest as it is; IngestRefused (unknown_snapshot) for an id not in it."""
    target = _find(manifest, snapshot_id)
    same = [s for s in manifest if (s.year, s.stage) == (target.year, target.stage)]
    before = next((s for s in same if s.status == "active"), None)
    if action == "restore":
        return Effect(action, target, before, target, target.status != "active")
    if target.status != "active":  # retracting a superseded one changes what it may come back as, not the data
        return Effect(action, target, before, before, target.status != "retracted")
    earlier = [s for s in same if s.status == "superseded"]
    return Effect(action, target, before, earlier[-1] if earlier else None, True)


def apply(data_dir: Path, snapshot_id: str, action: str, *, created_by: str | None = None, role: str = "",
          allow_empty: bool = False) -> Effect:
    """Retract or restore `snapshot_id` under the writer lock; returns the Effect that happened.
    Raises IngestRefused (unknown_snapshot) for an id not in the manifest, StoreBusy /
    StoreWriteFailed / StoreDamaged when the store cannot write (nothing written).
    Retracting the only version of a (year, stage) raises IngestRefused (would_empty) unless
    `allow_empty`. Nothing is deleted; the audit log gets one line (refused ones too)."""
    who = created_by or current_user()
    with audit.logged(data_dir, action, who=who, role=role, ids=[snapshot_id]) as entry:
        try:
            with writer_lock(data_dir):
                snapshots_dir = Path(data_dir) / "snapshots"
                manifest = read_manifest(snapshots_dir)
                change = effect(manifest, snapshot_id, action)
                target = change.target
                entry["detail"] = f"{target.year} {target.stage}"
                if change.active_after is not None and change.active_after.id != snapshot_id:
                    entry["ids"].append(change.active_after.id)
                if change.leaves_empty and not allow_empty:
                    raise IngestRefused([Problem("would_empty", value=snapshot_id,
                                                 expected=f"{target.year} {target.stage}")])
                clean_store(snapshots_dir)
                updated = _updated(manifest, change, who) if change.changes else manifest
                if change.changes:
                    write_manifest(snapshots_dir, updated)
                entry["counts"] = {"changed": int(change.changes), "regions": target.regions}
                return replace(change, target=_find(updated, snapshot_id))
        except OSError as error:
            raise StoreWriteFailed.from_os_error(error) from None


def _updated(manifest: list[Snapshot], change: Effect, who: str) -> list[Snapshot]:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    target, after = change.target, change.active_after
    if change.action == "retract":
        statuses = {target.id: replace(target, status="retracted", retracted_by=who, retracted_at=now)}
        if after is not None and after.id != target.id and after.status != "active":
            statuses[after.id] = replace(after, status="active")
    else:
        statuses = {target.id: replace(target, status="active", retracted_by="", retracted_at="",
                                       restored_by=who, restored_at=now)}
        if change.active_before is not None:
            statuses[change.active_before.id] = replace(change.active_before, status="superseded")
    return [statuses.get(s.id, s) for s in manifest]


def index_moves(snapshots_dir: Path, change: Effect, regions) -> pd.DataFrame:
    """The index of every region the change touches, now and afterwards: region_code, name,
    current_index, new_index (NaN: no data afterwards), change (scoring.shown_difference), largest fall
    first. Read from the snapshots' stored scores, the figures every page shows."""
    def index_of(snapshot: Snapshot | None) -> pd.Series:
        if snapshot is None:
            return pd.Series(dtype=float)
        scores = read_snapshot_rows(snapshots_dir, replace(snapshot, path=snapshot.scores_path))
        return scores[scores["kind"] == "index"].set_index("region_code")["score"]

    now, after = index_of(change.active_before), index_of(change.active_after)
    codes = sorted(set(now.index) | set(after.index))
    moves = pd.DataFrame({"region_code": codes})
    moves["name"] = moves["region_code"].map(regions.set_index("code")["name"])
    moves["current_index"] = moves["region_code"].map(now).astype(float)
    moves["new_index"] = moves["region_code"].map(after).astype(float)
    moves["change"] = [shown_difference(new, old) if pd.notna(new) and pd.notna(old) else float("nan")
                       for new, old in zip(moves["new_index"], moves["current_index"], strict=True)]
    unchanged = moves["current_index"].eq(moves["new_index"])
    return moves[~unchanged].sort_values(["change", "region_code"], na_position="first", ignore_index=True)
