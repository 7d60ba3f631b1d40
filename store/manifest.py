"""The snapshot manifest: one JSON file listing every snapshot and its status.

Snapshots are immutable; a new one for the same (year, stage) makes the previous active one
superseded, and retracting makes the previous one active again. Nothing is ever deleted.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path, PurePosixPath

from store.atomic import StoreDamaged, atomic_write_bytes
from store.bounded_json import read_json_file

MANIFEST_NAME = "manifest.json"
STATUSES = ("active", "superseded", "retracted")


@dataclass(frozen=True)
class Snapshot:
    id: str
    year: int
    stage: str
    status: str
    created_at: str
    created_by: str
    source: str
    sha256: str
    rows: int
    regions: int
    framework_id: str
    path: str          # assessments parquet, relative to the snapshots folder
    scores_path: str   # pre-aggregated scores parquet, relative to the snapshots folder
    synthetic: bool = False
    retracted_by: str = ""  # who retracted it and when (ISO); empty unless status is retracted
    retracted_at: str = ""
    mode: str = "replace"   # merge: the previous snapshot with the file's regions replaced; replace: the file only
    base_id: str = ""       # the snapshot a merge started from (empty for replace)
    restored_by: str = ""   # who last made it active again (store/retraction.py) and when (ISO)
    restored_at: str = ""


def read_manifest(snapshots_dir: Path) -> list[Snapshot]:
    """All snapshots, oldest first (an absent manifest is an empty store). Raises StoreDamaged
    when the file is not a manifest (hand-edited, truncated by a tool)."""
    path = snapshots_dir / MANIFEST_NAME
    if not path.exists():
        return []
    try:
        entries = read_json_file(path)["snapshots"]
        # Keys a newer version may add are ignored; fields added later have defaults, so old files load.
        known = {f.name for f in fields(Snapshot)}
        snapshots = [Snapshot(**{k: v for k, v in entry.items() if k in known}) for entry in entries]
    except (ValueError, KeyError, TypeError, AttributeError) as error:  # JSON errors are ValueErrors
        raise StoreDamaged(f"{path}: {type(error).__name__} {str(error)[:120]}".strip()) from None
    for snapshot in snapshots:
        wrong = _wrong_field(snapshot)
        if wrong:
            raise StoreDamaged(f"{path}: entry {snapshot.id!r}: {wrong}")
    if len({s.id for s in snapshots}) != len(snapshots):
        raise StoreDamaged(f"{path}: two entries with the same id")
    keys = [(s.year, s.stage) for s in active(snapshots)]
    twice = next((key for key in keys if keys.count(key) > 1), None)
    if twice:
        raise StoreDamaged(f"{path}: two active snapshots of {twice[0]} {twice[1]}")
    return snapshots


FIELD_TYPES = {"str": str, "int": int, "bool": bool}


def _wrong_field(snapshot: Snapshot) -> str:
    """What is wrong with a manifest entry ('' when nothing): a value of the wrong type, an unknown
    status, or a file path outside the snapshots folder."""
    for item in fields(Snapshot):
        value = getattr(snapshot, item.name)
        kind = FIELD_TYPES[item.type]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            return f"{item.name} = {value!r}"
    if snapshot.status not in STATUSES:
        return f"status = {snapshot.status!r}"
    for name in ("path", "scores_path"):
        relative = PurePosixPath(getattr(snapshot, name))
        if relative.is_absolute() or ".." in relative.parts or relative.suffix != ".parquet":
            return f"{name} = {str(relative)!r}"
    return ""


def shared_year_stages(snapshots) -> list[tuple[int, str]]:
    """(year, stage) pairs held by more than one of `snapshots`: a set of snapshots to read together
    (an agenda's) must have at most one per year and stage."""
    counts: dict[tuple[int, str], int] = {}
    for snapshot in snapshots:
        counts[(snapshot.year, snapshot.stage)] = counts.get((snapshot.year, snapshot.stage), 0) + 1
    return sorted(pair for pair, count in counts.items() if count > 1)


def write_manifest(snapshots_dir: Path, snapshots: list[Snapshot]) -> None:
    payload = {"version": 1, "snapshots": [asdict(s) for s in snapshots]}
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    atomic_write_bytes(snapshots_dir / MANIFEST_NAME, text.encode("utf-8"))


def with_new_active(snapshots: list[Snapshot], new: Snapshot) -> list[Snapshot]:
    """The manifest after `new` becomes the active snapshot of its (year, stage)."""
    updated = [
        replace(s, status="superseded")
        if s.year == new.year and s.stage == new.stage and s.status == "active" else s
        for s in snapshots
    ]
    return [*updated, new]


def active(snapshots: list[Snapshot]) -> list[Snapshot]:
    return [s for s in snapshots if s.status == "active"]
