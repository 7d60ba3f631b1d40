"""Writing snapshots: validated rows -> immutable parquet + pre-aggregated scores + manifest entry.

Order of a commit (under the writer lock): assessments parquet, scores parquet, then the manifest.
The manifest replace is the commit point: a crash before it leaves only files nobody references,
which `clean_store` removes at the next write; a crash after it leaves a complete snapshot.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from scoring import Framework, region_scores
from store.atomic import atomic_write, clean_leftovers, writer_lock
from store.manifest import Snapshot, read_manifest, with_new_active, write_manifest

ASSESSMENT_SCHEMA = pa.schema([
    ("region_code", pa.string()), ("indicator_code", pa.string()), ("level", pa.int8()),
    ("claimed_level", pa.int8()), ("evidence", pa.string()), ("note", pa.string()),
])
SCORE_SCHEMA = pa.schema([
    ("region_code", pa.string()), ("kind", pa.string()), ("dimension", pa.string()),
    ("code", pa.string()), ("score", pa.float64()), ("band", pa.int8()),
])


def who() -> str:
    try:
        return os.environ.get("MATRA_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _write_parquet(path: Path, frame: pd.DataFrame, schema: pa.Schema) -> None:
    table = pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)
    atomic_write(path, lambda temp: pq.write_table(table, temp, row_group_size=16384,
                                                    compression="zstd"))


Progress = Callable[[float, str], None]


def _no_progress(fraction: float, step: str) -> None:
    """Default progress callback: report nothing."""


def clean_store(snapshots_dir: Path) -> list[Path]:
    """Remove temp files and snapshot files the manifest does not reference (crash leftovers),
    and temp files in the sibling targets folder. Call with the writer lock held."""
    removed = clean_leftovers(snapshots_dir) + clean_leftovers(snapshots_dir.parent / "targets")
    referenced = {p for s in read_manifest(snapshots_dir) for p in (s.path, s.scores_path)}
    for parquet in snapshots_dir.rglob("*.parquet"):
        if parquet.relative_to(snapshots_dir).as_posix() not in referenced:
            parquet.unlink()
            removed.append(parquet)
    return removed


def content_sha256(rows: pd.DataFrame) -> str:
    """A digest of the rows themselves, for data that did not come from a file."""
    return hashlib.sha256(rows.to_csv(index=False).encode("utf-8")).hexdigest()


def commit_snapshot(data_dir: Path, rows: pd.DataFrame, *, year: int, stage: str,
                    framework: Framework, source: str, sha256: str,
                    created_by: str | None = None, synthetic: bool = False,
                    progress: Progress | None = None) -> tuple[Snapshot, bool]:
    """Write `rows` as the new active snapshot of (year, stage); return (snapshot, created).

    `rows` are validated assessment rows (region_code, indicator_code, level, claimed_level,
    evidence, note). If the active snapshot of (year, stage) came from the same sha256, nothing is
    written and that snapshot is returned with created=False. `progress(fraction, step)` is told
    of each step (steps: lock, score, write, manifest, done) with fractions rising to 1.
    """
    report = progress or _no_progress
    snapshots_dir = data_dir / "snapshots"
    report(0.0, "lock")
    with writer_lock(data_dir):
        clean_store(snapshots_dir)
        manifest = read_manifest(snapshots_dir)
        for existing in manifest:
            if (existing.year, existing.stage, existing.status, existing.sha256) == (
                    year, stage, "active", sha256):
                report(1.0, "done")
                return existing, False
        report(0.1, "score")
        now = datetime.now(UTC)
        snapshot_id = f"{year}-{stage}-{now:%Y%m%dT%H%M%S%f}-{sha256[:8]}"
        folder = Path(f"year={year}") / f"stage={stage}"
        ordered = rows.sort_values(["region_code", "indicator_code"], ignore_index=True)
        scores = region_scores(ordered, framework, framework.policy_for_stage(stage))
        report(0.4, "write")
        _write_parquet(snapshots_dir / folder / f"{snapshot_id}.parquet", ordered, ASSESSMENT_SCHEMA)
        report(0.7, "write")
        _write_parquet(snapshots_dir / folder / f"{snapshot_id}.scores.parquet", scores,
                       SCORE_SCHEMA)
        report(0.9, "manifest")
        snapshot = Snapshot(
            id=snapshot_id, year=year, stage=stage, status="active",
            created_at=now.isoformat(timespec="seconds"), created_by=created_by or who(),
            source=source, sha256=sha256, rows=len(ordered),
            regions=int(ordered["region_code"].nunique()), framework_id=framework.id,
            path=(folder / f"{snapshot_id}.parquet").as_posix(),
            scores_path=(folder / f"{snapshot_id}.scores.parquet").as_posix(),
            synthetic=synthetic,
        )
        write_manifest(snapshots_dir, with_new_active(manifest, snapshot))
        report(1.0, "done")
        return snapshot, True


def retract_snapshot(data_dir: Path, snapshot_id: str, created_by: str | None = None) -> Snapshot:
    """Mark a snapshot retracted, recording who and when; the newest earlier non-retracted one of
    its (year, stage) becomes active again. Nothing is deleted. Retracting a retracted snapshot
    changes nothing. Raises KeyError for an unknown id."""
    snapshots_dir = data_dir / "snapshots"
    with writer_lock(data_dir):
        clean_store(snapshots_dir)
        manifest = read_manifest(snapshots_dir)
        target = next((s for s in manifest if s.id == snapshot_id), None)
        if target is None:
            raise KeyError(snapshot_id)
        if target.status == "retracted":
            return target
        retracted = replace(target, status="retracted", retracted_by=created_by or who(),
                            retracted_at=datetime.now(UTC).isoformat(timespec="seconds"))
        updated = [retracted if s.id == snapshot_id else s for s in manifest]
        if target.status == "active":
            candidates = [s for s in updated if (s.year, s.stage) == (target.year, target.stage)
                          and s.status == "superseded"]
            if candidates:
                revived = candidates[-1].id
                updated = [replace(s, status="active") if s.id == revived else s for s in updated]
        write_manifest(snapshots_dir, updated)
        return retracted
