"""The DuckDB side of the store: one in-memory database per data folder, a cursor per call.

No snapshot row is held in memory: each reader (the live Store, and one per frozen agenda) has a
schema whose views `scores` and `assessments` read the parquet files of its own snapshots (the
active ones, or an agenda's), so memory does not grow with history or with the number of regions.
A query runs with its reader's schema first on the search path, so every named SQL file reads
`scores`, `assessments` and `regions` (the one table in memory: the reference list) as before.

DuckDB reads only what a query needs: the year and stage of a file are the names of its folders
(year=2025/stage=II, checked against the manifest), so a filter on year or stage drops the other
snapshots' files before any is opened, and inside a file DuckDB skips the row groups whose
statistics cannot match (snapshots.py sorts the files for that). A view cannot take bound parameters and DuckDB must see
the file names at bind time to prune, so the views are written with quoted literals (`_literal`)
from the manifest, whose paths are checked to stay inside the snapshots folder. The views are
replaced when the reader's snapshots change; snapshot files are immutable per snapshot id.
A DuckDB connection is not thread-safe: each call takes its own cursor; replacing views holds the
database's lock.
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
import pyarrow as pa
import pyarrow.parquet as pq

from store.atomic import StoreDamaged
from store.manifest import MANIFEST_NAME, Snapshot, active, read_manifest

SQL_DIR = Path(__file__).parent / "sql"


@cache
def named_sql(name: str) -> str:
    """The text of store/sql/<name>.sql (parameters are `$name` placeholders)."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


SCHEMA_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")   # generated below; checked before it enters SQL
# Per view: the manifest attribute naming its file, the columns each file must have, and the columns
# it shows (typed as the tables the named SQL files were written against).
VIEWS = {
    "scores": ("scores_path", ("region_code", "kind", "dimension", "code", "score", "band"),
               "year, stage, snapshot_id, framework_id, region_code, kind, dimension, code, "
               "CAST(score AS DOUBLE) AS score, CAST(band AS TINYINT) AS band"),
    "assessments": ("path", ("region_code", "indicator_code", "level", "claimed_level", "evidence", "note"),
                    "year, stage, region_code, indicator_code, CAST(level AS TINYINT) AS level, "
                    "CAST(claimed_level AS TINYINT) AS claimed_level, evidence, note"),
}
NO_SNAPSHOT = {   # the shape of a view over no snapshot at all (an empty store)
    "scores": "SELECT CAST(NULL AS BIGINT) AS year, CAST(NULL AS VARCHAR) AS stage, CAST(NULL AS VARCHAR) AS "
              "snapshot_id, CAST(NULL AS VARCHAR) AS framework_id, CAST(NULL AS VARCHAR) AS region_code, "
              "CAST(NULL AS VARCHAR) AS kind, CAST(NULL AS VARCHAR) AS dimension, CAST(NULL AS VARCHAR) AS code, "
              "CAST(NULL AS DOUBLE) AS score, CAST(NULL AS TINYINT) AS band WHERE false",
    "assessments": "SELECT CAST(NULL AS BIGINT) AS year, CAST(NULL AS VARCHAR) AS stage, CAST(NULL AS VARCHAR) AS "
                   "region_code, CAST(NULL AS VARCHAR) AS indicator_code, CAST(NULL AS TINYINT) AS level, "
                   "CAST(NULL AS TINYINT) AS claimed_level, CAST(NULL AS VARCHAR) AS evidence, "
                   "CAST(NULL AS VARCHAR) AS note WHERE false",
}
HIVE = "hive_partitioning = true, hive_types = {'year': BIGINT, 'stage': VARCHAR}"
UNREADABLE = (duckdb.IOException, duckdb.InvalidInputException)   # a file gone or damaged under a query


def _literal(value: str) -> str:
    """`value` as a DuckDB string literal (quotes doubled); only for the view text, see the module doc."""
    if "\x00" in value:
        raise StoreDamaged(repr(value), "snapshot_missing")
    return "'" + value.replace("'", "''") + "'"


def _in_its_folder(snapshots_dir: Path, snapshot: Snapshot) -> bool:
    """True when both files sit in year=<year>/stage=<stage>/ (as commits write them) and nothing else in
    their path looks like a hive key, so the folder names are the manifest's year and stage."""
    expected = ("year=" + str(snapshot.year), "stage=" + snapshot.stage)
    return "=" not in str(snapshots_dir.resolve()) and all(
        Path(relative).parts[:-1] == expected and "=" not in Path(relative).name
        for relative in (snapshot.path, snapshot.scores_path))


def view_sql(view: str, snapshots_dir: Path, snapshots: list[Snapshot]) -> str:
    """The SELECT of `view` (scores | assessments) over exactly these snapshots' files.

    Usually one scan of all the files, whose year and stage come from their folders (DuckDB skips the
    files of other years and stages, and the binding stays cheap with a long history); the snapshot
    id and framework are picked by file name. A snapshot filed elsewhere (a hand-edited manifest)
    makes it one branch per snapshot with the manifest's values as constants: the same rows, slower."""
    attribute, _, columns = VIEWS[view]
    if not snapshots:
        return NO_SNAPSHOT[view]
    files = {str(snapshots_dir / getattr(s, attribute)): s for s in snapshots}
    if all(_in_its_folder(snapshots_dir, s) for s in snapshots):
        by_file = {name: " ".join(f"WHEN {_literal(file)} THEN {_literal(getattr(s, name))}"
                                  for file, s in files.items()) for name in ("id", "framework_id")}
        listed = ", ".join(_literal(file) for file in files)
        return (f"SELECT {columns} FROM (SELECT *, CASE filename {by_file['id']} END AS snapshot_id, "
                f"CASE filename {by_file['framework_id']} END AS framework_id "
                f"FROM read_parquet([{listed}], filename = true, {HIVE}))")
    return "\nUNION ALL\n".join(
        f"SELECT {columns} FROM (SELECT CAST({int(s.year)} AS BIGINT) AS year, {_literal(s.stage)} AS stage, "
        f"{_literal(s.id)} AS snapshot_id, {_literal(s.framework_id)} AS framework_id, * "
        f"FROM read_parquet({_literal(file)}))"
        for file, s in files.items())


class SharedTables:
    """The one database of a data folder: the regions table, and a schema of views per reader."""

    def __init__(self, snapshots_dir: Path, regions: pd.DataFrame):
        self.snapshots_dir = snapshots_dir
        self.connection = duckdb.connect(":memory:")
        self.lock = threading.RLock()
        self.readers: weakref.WeakSet[Database] = weakref.WeakSet()
        self._checked: set[tuple] = set()   # (file, size, mtime) found readable: not opened again
        cursor = self.connection.cursor()
        try:
            cursor.register("regions_frame", regions)
            cursor.execute("CREATE TABLE regions AS SELECT * FROM regions_frame")
            cursor.unregister("regions_frame")
        finally:
            cursor.close()

    def add_schema(self, schema: str) -> None:
        """The schema of one reader, with its two views over no snapshot yet."""
        if not SCHEMA_NAME.match(schema):
            raise ValueError(f"not a schema name: {schema!r}")
        with self.lock:
            cursor = self.connection.cursor()
            try:
                cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
                for view in VIEWS:
                    cursor.execute(f"CREATE VIEW IF NOT EXISTS {schema}.{view} AS {NO_SNAPSHOT[view]}")
            finally:
                cursor.close()

    def choose(self, schema: str, snapshots: list[Snapshot]) -> None:
        """Point `schema`'s views at exactly `snapshots` after checking that their files can be read
        (StoreDamaged naming the first file that cannot)."""
        self.check_files(snapshots)
        with self.lock:
            cursor = self.connection.cursor()
            try:   # one transaction: a query running meanwhile sees the old set or the new one, never a mix
                cursor.execute("BEGIN TRANSACTION")
                for view in VIEWS:
                    cursor.execute(f"CREATE OR REPLACE VIEW {schema}.{view} AS "
                                   + view_sql(view, self.snapshots_dir, snapshots))
                cursor.execute("COMMIT")
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            finally:
                cursor.close()

    def check_files(self, snapshots: list[Snapshot], *, again: bool = False) -> None:
        """StoreDamaged (code snapshot_missing, naming the file) when a file of `snapshots` is missing,
        is not parquet (truncated, overwritten) or lacks a column the views read. A file found good
        is not opened again unless `again` or it changed on disk."""
        for snapshot in snapshots:
            for attribute, needed, _ in VIEWS.values():
                path = self.snapshots_dir / getattr(snapshot, attribute)
                try:
                    stat = path.stat()
                except OSError:   # a hand-deleted file: say which, instead of DuckDB's IOException
                    raise StoreDamaged(path.name, "snapshot_missing") from None
                key = (str(path), stat.st_size, stat.st_mtime_ns)
                if key in self._checked and not again:
                    continue
                try:
                    columns = set(pq.read_schema(path).names)
                except (OSError, pa.ArrowException) as error:
                    raise StoreDamaged(f"{path.name}: {type(error).__name__}", "snapshot_missing") from None
                missing = [column for column in needed if column not in columns]
                if missing:
                    raise StoreDamaged(f"{path.name}: no column {missing[0]}", "snapshot_missing")
                self._checked.add(key)

    def snapshot_ids(self) -> set[str]:
        """The ids of the snapshots some live reader's views read now."""
        return set().union(*(reader.chosen_ids for reader in list(self.readers)))


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
                self._tables.choose(self._schema, snapshots)
                self.chosen_ids = {s.id for s in snapshots}
                self._active = snapshots
                self._loaded_signature = signature
        return self._active

    def _chosen(self, manifest: list[Snapshot]) -> list[Snapshot]:
        """The active snapshots, or exactly the pinned ones (whatever their status now)."""
        if self._pinned is None:
            return active(manifest)
        return [s for s in manifest if s.id in self._pinned]

    def query(self, name: str, **params) -> pd.DataFrame:
        """Run the named SQL file with bound parameters over this reader's snapshots; a data frame.
        StoreDamaged (naming the file) when a snapshot file went missing or bad since it was checked."""
        snapshots = self.refresh()
        cursor = self._tables.connection.cursor()
        try:
            cursor.execute(f"SET search_path = '{self._schema},main'")
            return cursor.execute(named_sql(name), params).df()
        except UNREADABLE:
            self._tables.check_files(snapshots, again=True)   # raises StoreDamaged for the file at fault
            raise
        finally:
            cursor.close()
