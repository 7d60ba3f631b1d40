"""The national ranking written beside the scores, so that a read does not rank every region again.

Ranking a year and stage costs little at the bundled size (about 30 ms) but grows with the regions:
at 100x data (24,000 ranked regions) about half a second, nearly all of it the display rounding of
each value (`scoring.bands.round_score`). A ranking is a function of a few inputs only: the active
snapshot of the year and stage, the one of the year before (ids; snapshot files are immutable per
id), the framework file the snapshot was scored with, the region list, the evaluation groups and the
code that ranks. So after every commit, retraction and restoration the writer computes the rankings
the change touches with the one ranking (`computed`: `scoring.ranking.national_ranking` on the
stored index rows, as every read did before) and writes each to `rankings/<key>.parquet` in the
data folder, where the key is a digest of all of those inputs. A read computes the key from the
manifest and the files' stamps (no data read) and reads that file when it exists; otherwise (data
written before, a groups or region file edited by hand, a frozen agenda whose file was pruned) it
ranks as before. A file is only ever read for its own inputs, so it cannot go stale: anything that
changes a rank changes the key. `python -m store rankings` writes every missing one (after editing
data/groups/ or the region list, or after upgrading the app).
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from scoring.ranking import RANKING_COLUMNS, national_ranking
from store import catalog, groups
from store.atomic import StoreUnavailable, atomic_write, clean_leftovers, writer_lock

FOLDER = "rankings"
# The code a written ranking depends on: a change to any of these files changes every key.
CODE = ("scoring/ranking.py", "scoring/bands.py", "scoring/framework_model.py", "scoring/framework.py",
        "store/rankings.py", "store/groups.py", "store/catalog.py", "store/sql/index_rows.sql")


def computed(store, year: int, stage: str) -> pd.DataFrame:
    """The ranking of a year and stage computed from the stored index rows (RANKING_COLUMNS, best
    first): what `Store.ranking` returns, and the only thing a written ranking holds."""
    current = store.database.query("index_rows", year=year, stage=stage)
    if current.empty:
        return national_ranking(current, current, None, store.regions())
    previous = store.database.query("index_rows", year=year - 1, stage=stage)
    return national_ranking(current, previous, store.framework_of(year, stage), store.regions(),
                            store.evaluation_groups(year))


def read(store, year: int, stage: str) -> pd.DataFrame | None:
    """The written ranking of a year and stage for the store's snapshots as they are now, or None
    when there is none (or it cannot be read: it is derived data, the caller ranks instead)."""
    key = ranking_key(store, year, stage)
    path = Path(store.data_dir) / FOLDER / f"{key}.parquet"
    if key is None or not path.is_file():
        return None
    try:
        table = pq.read_table(path).to_pandas()
    except (OSError, pa.ArrowException):
        return None
    return table if list(table.columns) == RANKING_COLUMNS else None


def write_missing(store, pairs: Iterable[tuple[int, str]] | None = None) -> list[Path]:
    """Write the ranking of each (year, stage) in `pairs` (every active one when None) that has no
    file for its current key, under the writer lock; remove files no active year and stage uses.
    Returns the files written."""
    data_dir = Path(store.data_dir)
    folder = data_dir / FOLDER
    written = []
    with writer_lock(data_dir):
        clean_leftovers(folder)
        active = {(s.year, s.stage) for s in store.active_snapshots()}
        wanted = active if pairs is None else active & set(pairs)
        for year, stage in sorted(wanted):
            key = ranking_key(store, year, stage)
            path = folder / f"{key}.parquet"
            if key is None or path.exists():
                continue
            table = pa.Table.from_pandas(computed(store, year, stage), preserve_index=False)
            atomic_write(path, lambda temp, table=table: pq.write_table(table, temp, compression="zstd"))
            written.append(path)
        keep = {f"{ranking_key(store, year, stage)}.parquet" for year, stage in active}
        for old in folder.glob("*.parquet") if folder.exists() else ():
            if old.name not in keep:
                old.unlink(missing_ok=True)
    return written


def write_after_change(store, year: int, stage: str) -> None:
    """After a write to (year, stage): write its ranking and the next year's (whose rank change
    compares with it). A ranking not written is only slower to read, never different, so a busy or
    full disk here does not turn the committed change into an error."""
    with contextlib.suppress(StoreUnavailable, OSError):
        write_missing(store, [(year, stage), (year + 1, stage)])


def ranking_key(store, year: int, stage: str) -> str | None:
    """A digest of everything the ranking of (year, stage) depends on; None when it has no snapshot."""
    current = store.active_snapshot(year, stage)
    if current is None:
        return None
    previous = store.active_snapshot(year - 1, stage)
    framework = store.framework_of(year, stage)
    framework_file = next((store.framework_dir / name for name, version in catalog.framework_files(store.framework_dir)
                           if framework is not None and version.id == framework.id), None)
    parts = [current.id, previous.id if previous else "", current.framework_id,
             previous.framework_id if previous else "", _file_digest(framework_file),
             _file_digest(store.reference_dir / "regions.csv"), _file_digest(store.data_dir / groups.GROUPS_FILE),
             _code_digest()]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


def _file_digest(path: Path | None) -> str:
    if path is None:
        return "-"
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "-"
    return _digest_of(str(path), (stat.st_mtime_ns, stat.st_size, stat.st_ino))


@lru_cache(maxsize=64)
def _digest_of(path: str, stamp: tuple) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@cache
def _code_digest() -> str:
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"pandas {pd.__version__} pyarrow {pa.__version__} python {sys.version}".encode())
    for name in CODE:
        digest.update((root / name).read_bytes())
    return digest.hexdigest()
