"""The DuckDB side of the store: one in-memory connection per data folder, a cursor per call.

Active snapshots are loaded into tables (scores, assessments, regions) and reloaded when the
manifest changes, so every query is a named SQL file over small in-memory tables. A DuckDB
connection is not thread-safe: each call takes its own cursor; loading holds a lock.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from store.atomic import StoreDamaged
from store.manifest import MANIFEST_NAME, Snapshot, active, read_manifest

SQL_DIR = Path(__file__).parent / "sql"


@cache
def named_sql(name: str) -> str:
    """The text of store/sql/<name>.sql (parameters are `$name` placeholders)."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


class Database:
    def __init__(self, snapshots_dir: Path, regions: pd.DataFrame, pinned: tuple[str, ...] | None = None):
        self._snapshots_dir = snapshots_dir
        self._pinned = pinned
        self._connection = duckdb.connect(":memory:")
        self._lock = threading.Lock()
        self._loaded_signature: tuple | None = None
        self._active: list[Snapshot] = []
        cursor = self._connection.cursor()
        cursor.register("regions_frame", regions)
        cursor.execute("CREATE TABLE regions AS SELECT * FROM regions_frame")
        cursor.unregister("regions_frame")
        cursor.close()

    def _signature(self) -> tuple:
        path = self._snapshots_dir / MANIFEST_NAME
        try:
            stat = path.stat()
        except FileNotFoundError:
            return ()
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino)

    def refresh(self) -> list[Snapshot]:
        """Reload the tables if the manifest changed since the last load; return active snapshots."""
        signature = self._signature()
        if signature == self._loaded_signature:
            return self._active
        with self._lock:
            if signature != self._loaded_signature:
                snapshots = self._chosen(read_manifest(self._snapshots_dir))
                self._load(snapshots)
                self._active = snapshots
                self._loaded_signature = signature
        return self._active

    def _chosen(self, manifest: list[Snapshot]) -> list[Snapshot]:
        """The active snapshots, or exactly the pinned ones (whatever their status now)."""
        if self._pinned is None:
            return active(manifest)
        return [s for s in manifest if s.id in self._pinned]

    def _load(self, snapshots: list[Snapshot]) -> None:
        cursor = self._connection.cursor()
        try:
            for table, attribute in (("scores", "scores_path"), ("assessments", "path")):
                files = pd.DataFrame({
                    "file": [str(self._snapshots_dir / getattr(s, attribute)) for s in snapshots],
                    "year": pd.Series([s.year for s in snapshots], dtype="int64"),
                    "stage": [s.stage for s in snapshots],
                    "snapshot_id": [s.id for s in snapshots],
                    "framework_id": [s.framework_id for s in snapshots],
                })
                if files.empty:
                    cursor.execute(named_sql(f"empty_{table}"))
                    continue
                missing = [f for f in files["file"] if not Path(f).is_file()]
                if missing:   # a hand-deleted file: say which, instead of DuckDB's IOException
                    raise StoreDamaged(Path(missing[0]).name, "snapshot_missing")
                cursor.register("snapshot_files", files)
                try:
                    cursor.execute(named_sql(f"load_{table}"), {"files": list(files["file"])})
                except duckdb.IOException as error:   # unreadable (truncated, not parquet)
                    raise StoreDamaged(f"{type(error).__name__}", "snapshot_missing") from None
                cursor.unregister("snapshot_files")
        finally:
            cursor.close()

    def query(self, name: str, **params) -> pd.DataFrame:
        """Run the named SQL file with bound parameters; return a data frame."""
        self.refresh()
        cursor = self._connection.cursor()
        try:
            return cursor.execute(named_sql(name), params).df()
        finally:
            cursor.close()
