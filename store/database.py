"""The DuckDB side of the store: one in-memory database per data folder, a cursor per call.

Every Store of a data folder (the live one, and one per frozen agenda) shares one database: the
rows of each snapshot any of them reads are loaded once into `all_scores` / `all_assessments`,
tagged with their snapshot id, and each reader sees its own snapshots through the views `scores`
and `assessments` of its own schema (the active snapshots, or an agenda's). A query runs with its
reader's schema first on the search path, so every named SQL file reads `scores`, `assessments`
and `regions` as before. Rows no reader uses any more are dropped. A DuckDB connection is not
thread-safe: each call takes its own cursor; loading holds the database's lock.
"""

from __future__ import annotations

import hashlib
import re
import threading
import weakref
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


def _statements(name: str) -> list[str]:
    """The statements of a named SQL file, in order (comments dropped)."""
    text = "\n".join(line for line in named_sql(name).splitlines() if not line.lstrip().startswith("--"))
    return [statement.strip() for statement in text.split(";") if statement.strip()]


SCHEMA_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")   # generated below; checked before it enters SQL
VIEWS = {
    "scores": "SELECT year, stage, snapshot_id, framework_id, region_code, kind, dimension, code, score, band "
              "FROM main.all_scores JOIN {schema}.chosen USING (snapshot_id)",
    "assessments": "SELECT year, stage, region_code, indicator_code, level, claimed_level, evidence, note "
                   "FROM main.all_assessments JOIN {schema}.chosen USING (snapshot_id)",
}


class SharedTables:
    """The one database of a data folder: regions, and the rows of every snapshot some reader uses."""

    def __init__(self, snapshots_dir: Path, regions: pd.DataFrame):
        self.snapshots_dir = snapshots_dir
        self.connection = duckdb.connect(":memory:")
        self.lock = threading.RLock()
        self.loaded: set[str] = set()
        self.readers: weakref.WeakSet[Database] = weakref.WeakSet()
        cursor = self.connection.cursor()
        try:
            cursor.register("regions_frame", regions)
            cursor.execute("CREATE TABLE regions AS SELECT * FROM regions_frame")
            cursor.unregister("regions_frame")
            for statement in _statements("snapshot_tables"):
                cursor.execute(statement)
        finally:
            cursor.close()

    def add_schema(self, schema: str) -> None:
        """The schema of one reader: its chosen snapshot ids and its two views."""
        if not SCHEMA_NAME.match(schema):
            raise ValueError(f"not a schema name: {schema!r}")
        cursor = self.connection.cursor()
        try:
            cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            cursor.execute(f"CREATE TABLE IF NOT EXISTS {schema}.chosen (snapshot_id VARCHAR)")
            for view, select in VIEWS.items():
                cursor.execute(f"CREATE OR REPLACE VIEW {schema}.{view} AS " + select.format(schema=schema))
        finally:
            cursor.close()

    def choose(self, schema: str, snapshots: list[Snapshot]) -> None:
        """Load the snapshots not read yet, point `schema` at exactly `snapshots`, drop unused rows."""
        with self.lock:
            self._load([s for s in snapshots if s.id not in self.loaded])
            cursor = self.connection.cursor()
            try:   # one transaction: a query running meanwhile sees the old set or the new one, never none
                cursor.execute("BEGIN TRANSACTION")
                cursor.execute(f"DELETE FROM {schema}.chosen")
                cursor.execute(f"INSERT INTO {schema}.chosen SELECT unnest($ids)", {"ids": [s.id for s in snapshots]})
                cursor.execute("COMMIT")
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            finally:
                cursor.close()
            self._unload_unused(extra={s.id for s in snapshots})

    def _load(self, snapshots: list[Snapshot]) -> None:
        if not snapshots:
            return
        cursor = self.connection.cursor()
        try:
            for table, attribute in (("scores", "scores_path"), ("assessments", "path")):
                files = pd.DataFrame({
                    "file": [str(self.snapshots_dir / getattr(s, attribute)) for s in snapshots],
                    "year": pd.Series([s.year for s in snapshots], dtype="int64"),
                    "stage": [s.stage for s in snapshots],
                    "snapshot_id": [s.id for s in snapshots],
                    "framework_id": [s.framework_id for s in snapshots],
                })
                missing = [f for f in files["file"] if not Path(f).is_file()]
                if missing:   # a hand-deleted file: say which, instead of DuckDB's IOException
                    raise StoreDamaged(Path(missing[0]).name, "snapshot_missing")
                cursor.register("snapshot_files", files)
                try:
                    cursor.execute(named_sql(f"load_{table}"), {"files": list(files["file"])})
                except duckdb.IOException as error:   # unreadable (truncated, not parquet)
                    raise StoreDamaged(f"{type(error).__name__}", "snapshot_missing") from None
                finally:
                    cursor.unregister("snapshot_files")
            self.loaded |= {s.id for s in snapshots}
        except BaseException:
            self._unload_unused()   # a half-loaded set leaves no rows behind
            raise
        finally:
            cursor.close()

    def _unload_unused(self, extra: set[str] = frozenset()) -> None:
        in_use = set(extra).union(*(reader.chosen_ids for reader in list(self.readers)))
        if self.loaded <= in_use and not extra - self.loaded:
            return
        cursor = self.connection.cursor()
        try:
            for statement in _statements("unload_snapshots"):
                cursor.execute(statement, {"ids": sorted(in_use)})
        finally:
            cursor.close()
        self.loaded &= in_use


_SHARED: weakref.WeakValueDictionary[str, SharedTables] = weakref.WeakValueDictionary()
_SHARED_LOCK = threading.Lock()


def shared_tables(snapshots_dir: Path, regions: pd.DataFrame) -> SharedTables:
    """The database of this data folder, made on first use; kept while a Store of it lives."""
    key = str(Path(snapshots_dir).resolve())
    with _SHARED_LOCK:
        tables = _SHARED.get(key)
        if tables is None:
            tables = SharedTables(Path(snapshots_dir), regions)
            _SHARED[key] = tables
        return tables


class Database:
    """One reader of a data folder's shared database: the active snapshots, or exactly `pinned`."""

    def __init__(self, snapshots_dir: Path, regions: pd.DataFrame, pinned: tuple[str, ...] | None = None):
        self._snapshots_dir = snapshots_dir
        self._pinned = pinned
        self._tables = shared_tables(snapshots_dir, regions)
        self._schema = ("active" if pinned is None else
                        "pinned_" + hashlib.sha256(",".join(sorted(pinned)).encode()).hexdigest()[:16])
        self._loaded_signature: tuple | None = None
        self._active: list[Snapshot] = []
        self.chosen_ids: set[str] = set()
        self._tables.readers.add(self)
        self._tables.add_schema(self._schema)

    def _signature(self) -> tuple:
        path = self._snapshots_dir / MANIFEST_NAME
        try:
            stat = path.stat()
        except FileNotFoundError:
            return ()
        return (stat.st_mtime_ns, stat.st_size, stat.st_ino)

    def refresh(self) -> list[Snapshot]:
        """Point this reader at the snapshots the manifest names now (if it changed since the last
        look); return them."""
        signature = self._signature()
        if signature == self._loaded_signature:
            return self._active
        with self._tables.lock:
            if signature != self._loaded_signature:
                snapshots = self._chosen(read_manifest(self._snapshots_dir))
                before, self.chosen_ids = self.chosen_ids, {s.id for s in snapshots}   # before unused rows go
                try:
                    self._tables.choose(self._schema, snapshots)
                except BaseException:
                    self.chosen_ids = before
                    raise
                self._active = snapshots
                self._loaded_signature = signature
        return self._active

    def _chosen(self, manifest: list[Snapshot]) -> list[Snapshot]:
        """The active snapshots, or exactly the pinned ones (whatever their status now)."""
        if self._pinned is None:
            return active(manifest)
        return [s for s in manifest if s.id in self._pinned]

    def query(self, name: str, **params) -> pd.DataFrame:
        """Run the named SQL file with bound parameters over this reader's snapshots; a data frame."""
        self.refresh()
        cursor = self._tables.connection.cursor()
        try:
            cursor.execute(f"SET search_path = '{self._schema},main'")
            return cursor.execute(named_sql(name), params).df()
        finally:
            cursor.close()
