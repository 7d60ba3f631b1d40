"""Writing snapshots: validated rows -> immutable parquet + pre-aggregated scores + manifest entry.

Order of a commit (under the writer lock): assessments parquet, scores parquet, then the manifest.
The manifest replace is the commit point: a crash before it leaves only files nobody references,
which `clean_store` removes at the next write; a crash after it leaves a complete snapshot.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from scoring import Framework, region_scores
from store.atomic import StoreDamaged, StoreWriteFailed, atomic_write, clean_leftovers, writer_lock
from store.manifest import Snapshot, read_manifest, with_new_active, write_manifest
from store.settings import current_user

ASSESSMENT_SCHEMA = pa.schema([
    ("region_code", pa.string()), ("indicator_code", pa.string()), ("level", pa.int8()),
    ("claimed_level", pa.int8()), ("evidence", pa.string()), ("note", pa.string()),
])
SCORE_SCHEMA = pa.schema([
    ("region_code", pa.string()), ("kind", pa.string()), ("dimension", pa.string()),
    ("code", pa.string()), ("score", pa.float64()), ("band", pa.int8()),
])


def who() -> str:
    """The name recorded as who made a change (MATRA_USER, else the OS user; see store/settings.py)."""
    return current_user()


# Readers do not load snapshots: they query the files (store/database.py), and DuckDB skips every
# row group whose min/max statistics cannot match a filter. So the files are sorted by what the
# views filter on (assessments by region, scores by kind then region: a ranking reads only the
# index rows, a region page one row group per kind) and cut into modest row groups (~170 regions of
# assessments at 100x). Files written before this layout read the same, only slower.
ROW_GROUP_ROWS = 16384
SORT_KEYS = {"assessments": ["region_code", "indicator_code"], "scores": ["kind", "region_code", "code"]}


def _write_parquet(path: Path, frame: pd.DataFrame, schema: pa.Schema) -> None:
    table = pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)
    atomic_write(path, lambda temp: pq.write_table(table, temp, row_group_size=ROW_GROUP_ROWS,
                                                    compression="zstd"))


Progress = Callable[[float, str], None]


def _no_progress(fraction: float, step: str) -> None:
    """Default progress callback: report nothing."""


def snapshot_scores(rows: pd.DataFrame, framework: Framework, stage: str) -> pd.DataFrame:
    """Every score of `rows` as a commit stores them (scoring.region_scores with the stage's evidence
    policy: stage I is scored on its claims), sorted as written. The upload preview asks this same
    function, so what it shows is what the commit will store."""
    scores = region_scores(rows, framework, framework.policy_for_stage(stage))
    return scores.sort_values(SORT_KEYS["scores"], ignore_index=True)


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


def _active_of(manifest: list[Snapshot], year: int, stage: str) -> Snapshot | None:
    return next((s for s in manifest if (s.year, s.stage, s.status) == (year, stage, "active")), None)


def read_snapshot_rows(snapshots_dir: Path, snapshot: Snapshot) -> pd.DataFrame:
    """The assessment rows of a snapshot; StoreDamaged when its file is missing or unreadable."""
    try:
        return pq.read_table(snapshots_dir / snapshot.path).to_pandas()
    except (OSError, pa.ArrowException) as error:
        raise StoreDamaged(f"{snapshot.path}: {type(error).__name__}", "snapshot_missing") from None


def merged_rows(base: pd.DataFrame | None, rows: pd.DataFrame) -> pd.DataFrame:
    """`base` with the regions of `rows` replaced by `rows` (all of `rows` when there is no base)."""
    if base is None or base.empty:
        return rows
    kept = base[~base["region_code"].isin(set(rows["region_code"]))]
    typed = rows.astype({"claimed_level": "Int64"}) if "claimed_level" in rows else rows
    return pd.concat([kept.astype(typed.dtypes.to_dict(), errors="ignore"), typed], ignore_index=True)


def commit_snapshot(data_dir: Path, rows: pd.DataFrame, *, year: int, stage: str,
                    framework: Framework, source: str, sha256: str,
                    created_by: str | None = None, synthetic: bool = False,
                    progress: Progress | None = None, replace_all: bool = True) -> tuple[Snapshot, bool]:
    """Write a new active snapshot of (year, stage); return (snapshot, created).

    `rows` are validated assessment rows (region_code, indicator_code, level, claimed_level,
    evidence, note). With `replace_all` they are the whole (year, stage); without it they are
    merged by region into the snapshot active when the writer lock is taken (its other regions are
    kept), so concurrent partial uploads of different regions all survive. If the active snapshot
    came from the same sha256 (and replacing would drop nothing), nothing is written and it is
    returned with created=False. `progress(fraction, step)` is told of each step (lock, score,
    write, manifest, done). Raises StoreBusy, StoreWriteFailed (disk full, not writable) or
    StoreDamaged (manifest or base snapshot unreadable); then the data folder is as it was.
    """
    report = progress or _no_progress
    snapshots_dir = data_dir / "snapshots"
    report(0.0, "lock")
    try:
        with writer_lock(data_dir):
            manifest = read_manifest(snapshots_dir)
            clean_store(snapshots_dir)
            current = _active_of(manifest, year, stage)
            if current is not None and current.sha256 == sha256 and (
                    not replace_all or current.regions == rows["region_code"].nunique()):
                report(1.0, "done")
                return current, False
            base = read_snapshot_rows(snapshots_dir, current) if current is not None and not replace_all else None
            combined = merged_rows(base, rows)
            return _write_snapshot(data_dir, combined, manifest, year=year, stage=stage, framework=framework,
                                   source=source, sha256=sha256, created_by=created_by, synthetic=synthetic,
                                   report=report, base_id="" if base is None else current.id)
    except OSError as error:
        raise StoreWriteFailed.from_os_error(error) from None


def _write_snapshot(data_dir: Path, rows: pd.DataFrame, manifest: list[Snapshot], *, year: int, stage: str,
                    framework: Framework, source: str, sha256: str, created_by: str | None, synthetic: bool,
                    report: Progress, base_id: str) -> tuple[Snapshot, bool]:
    """The files and manifest entry of a commit (writer lock held); on any failure the files this
    commit wrote are removed again, so the folder is byte-for-byte as before."""
    snapshots_dir = data_dir / "snapshots"
    report(0.1, "score")
    now = datetime.now(UTC)
    snapshot_id = f"{year}-{stage}-{now:%Y%m%dT%H%M%S%f}-{sha256[:8]}"
    folder = Path(f"year={year}") / f"stage={stage}"
    ordered = rows.sort_values(SORT_KEYS["assessments"], ignore_index=True)
    scores = snapshot_scores(ordered, framework, stage)
    created_dirs = [d for d in (snapshots_dir, snapshots_dir / folder.parent, snapshots_dir / folder)
                    if not d.exists()]
    written = [snapshots_dir / folder / f"{snapshot_id}{suffix}" for suffix in (".parquet", ".scores.parquet")]
    try:
        report(0.4, "write")
        _write_parquet(written[0], ordered, ASSESSMENT_SCHEMA)
        report(0.7, "write")
        _write_parquet(written[1], scores, SCORE_SCHEMA)
        report(0.9, "manifest")
        snapshot = Snapshot(
            id=snapshot_id, year=year, stage=stage, status="active",
            created_at=now.isoformat(timespec="seconds"), created_by=created_by or who(),
            source=source, sha256=sha256, rows=len(ordered),
            regions=int(ordered["region_code"].nunique()), framework_id=framework.id,
            path=(folder / f"{snapshot_id}.parquet").as_posix(),
            scores_path=(folder / f"{snapshot_id}.scores.parquet").as_posix(),
            synthetic=synthetic, mode="merge" if base_id else "replace", base_id=base_id,
        )
        write_manifest(snapshots_dir, with_new_active(manifest, snapshot))
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        for folder_made in reversed(created_dirs):
            with contextlib.suppress(OSError):
                folder_made.rmdir()
        raise
    report(1.0, "done")
    return snapshot, True
