"""Official (published) results: the Tahap II figures regions and newspapers publish, per (region,
year), kept apart from the assessments in data/official/.

Each import writes a new version: a CSV file of the whole table (versions/<id>.csv, every value
as the decimal text published, so 3.48 stays "3.48") and an entry in data/official/manifest.json,
the commit point, written atomically under the store's writer lock. Like snapshots, a new version
supersedes the active one, and retracting the active one ("undo") makes the previous one active
again; nothing is deleted. An absent folder is an empty table.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import pandas as pd

from store.atomic import StoreDamaged, StoreWriteFailed, atomic_write_bytes, clean_leftovers, writer_lock
from store.manifest import STATUSES
from store.problems import IngestRefused, Problem
from store.snapshots import who

OFFICIAL_DIR = "official"
MANIFEST_NAME = "manifest.json"
OFFICIAL_MANIFEST = Path(OFFICIAL_DIR) / MANIFEST_NAME   # relative to the data folder
COMPONENTS = ["baseline", "output", "outcome", "impact", "quick_win"]
COLUMNS = ["region_code", "year", "index", *COMPONENTS, "rank", "rank_of", "group", "predicate",
           "source_url", "source", "published_on", "quote"]
KEY = ["region_code", "year"]


@dataclass(frozen=True)
class OfficialVersion:
    id: str
    status: str          # active | superseded | retracted, as for snapshots
    created_at: str
    created_by: str
    source: str          # the imported file's name
    sha256: str          # of the imported file
    rows: int            # rows in the whole table of this version
    imported: int        # rows the file set (added or replaced)
    path: str            # versions/<id>.csv, relative to data/official
    retracted_by: str = ""
    retracted_at: str = ""


def official_dir(data_dir: Path) -> Path:
    return Path(data_dir) / OFFICIAL_DIR


def read_versions(data_dir: Path) -> list[OfficialVersion]:
    """Every version, oldest first; [] when nothing was ever imported. StoreDamaged when the
    manifest is not one (hand-edited, truncated)."""
    path = official_dir(data_dir) / MANIFEST_NAME
    if not path.exists():
        return []
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["versions"]
        known = {f.name for f in fields(OfficialVersion)}
        versions = [OfficialVersion(**{k: v for k, v in entry.items() if k in known}) for entry in entries]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise StoreDamaged(f"{path}: {type(error).__name__}") from None
    for version in versions:
        relative = PurePosixPath(version.path)
        if version.status not in STATUSES or relative.is_absolute() or ".." in relative.parts:
            raise StoreDamaged(f"{path}: entry {version.id!r}")
    if sum(v.status == "active" for v in versions) > 1:
        raise StoreDamaged(f"{path}: two active versions")
    return versions


def _write_versions(data_dir: Path, versions: list[OfficialVersion]) -> None:
    payload = {"version": 1, "versions": [asdict(v) for v in versions]}
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    atomic_write_bytes(official_dir(data_dir) / MANIFEST_NAME, text.encode("utf-8"))


def active_version(data_dir: Path) -> OfficialVersion | None:
    return next((v for v in read_versions(data_dir) if v.status == "active"), None)


def empty_table() -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype="Int64" if column == "year" else object) for column in COLUMNS})


def read_version_rows(data_dir: Path, version: OfficialVersion) -> pd.DataFrame:
    """The rows of a version: year as a whole number, every other column text ('' where empty)."""
    try:
        frame = pd.read_csv(official_dir(data_dir) / version.path, dtype=str, keep_default_na=False,
                            encoding="utf-8")
    except (OSError, ValueError) as error:
        raise StoreDamaged(f"{OFFICIAL_DIR}/{version.path}: {type(error).__name__}", "snapshot_missing") from None
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise StoreDamaged(f"{OFFICIAL_DIR}/{version.path}: {', '.join(missing)}", "snapshot_missing")
    return frame[COLUMNS].astype({"year": "Int64"})


def official_rows(data_dir: Path) -> pd.DataFrame:
    """The active table (COLUMNS), sorted by year then region; empty when nothing is imported."""
    version = active_version(data_dir)
    return empty_table() if version is None else read_version_rows(data_dir, version)


def merged(base: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """`base` with the (region, year) keys of `rows` replaced by `rows`; sorted by year, region."""
    keys = set(zip(rows["region_code"], rows["year"].astype(int), strict=True))
    kept = base[[(r, int(y)) not in keys for r, y in zip(base["region_code"], base["year"], strict=True)]]
    combined = pd.concat([kept[COLUMNS], rows[COLUMNS]], ignore_index=True) if len(kept) else rows[COLUMNS]
    combined = combined.astype({"year": "Int64"})
    return combined.sort_values(["year", "region_code"], ignore_index=True)


def _csv_text(table: pd.DataFrame) -> bytes:
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def _clean(data_dir: Path, versions: list[OfficialVersion]) -> None:
    """Remove temp files and version files no manifest entry names (a crash between the two writes)."""
    folder = official_dir(data_dir)
    clean_leftovers(folder)
    referenced = {v.path for v in versions}
    for file in (folder / "versions").glob("*.csv"):
        if file.relative_to(folder).as_posix() not in referenced:
            file.unlink()


def commit_official(data_dir: Path, rows: pd.DataFrame, *, source: str, sha256: str,
                    created_by: str | None = None) -> OfficialVersion:
    """Merge validated rows (COLUMNS, text values) by (region, year) into the active table and make
    the result the new active version. Raises StoreBusy / StoreWriteFailed / StoreDamaged; then
    nothing was written."""
    try:
        with writer_lock(Path(data_dir)):
            versions = read_versions(data_dir)
            _clean(data_dir, versions)
            current = next((v for v in versions if v.status == "active"), None)
            base = empty_table() if current is None else read_version_rows(data_dir, current)
            table = merged(base, rows)
            now = datetime.now(UTC)
            version_id = f"{now:%Y%m%dT%H%M%S%f}-{sha256[:8]}"
            relative = f"versions/{version_id}.csv"
            target = official_dir(data_dir) / relative
            atomic_write_bytes(target, _csv_text(table))
            new = OfficialVersion(id=version_id, status="active", created_at=now.isoformat(timespec="seconds"),
                                  created_by=created_by or who(), source=source, sha256=sha256,
                                  rows=len(table), imported=len(rows), path=relative)
            updated = [replace(v, status="superseded") if v.status == "active" else v for v in versions]
            try:
                _write_versions(data_dir, [*updated, new])
            except BaseException:
                target.unlink(missing_ok=True)
                raise
            return new
    except OSError as error:
        raise StoreWriteFailed.from_os_error(error) from None


def retract_official(data_dir: Path, version_id: str | None = None, created_by: str | None = None,
                     allow_empty: bool = False) -> OfficialVersion | None:
    """Retract a version (the active one when `version_id` is None: undo the last import); when it
    was active, the newest superseded version becomes active again. Nothing is deleted. Returns the
    retracted version; None when there is no active version to undo. KeyError for an unknown id.
    Retracting the active version when no earlier one is left raises IngestRefused (would_empty)
    unless `allow_empty`, as retracting a snapshot does (store/retraction.py)."""
    try:
        with writer_lock(Path(data_dir)):
            versions = read_versions(data_dir)
            _clean(data_dir, versions)
            chosen = next((v for v in versions if (v.id == version_id if version_id else v.status == "active")),
                          None)
            if chosen is None:
                if version_id:
                    raise KeyError(version_id)
                return None
            if chosen.status == "retracted":
                return chosen
            retracted = replace(chosen, status="retracted", retracted_by=created_by or who(),
                                retracted_at=datetime.now(UTC).isoformat(timespec="seconds"))
            updated = [retracted if v.id == chosen.id else v for v in versions]
            earlier = [v for v in updated if v.status == "superseded"]
            if chosen.status == "active" and not earlier and not allow_empty:
                raise IngestRefused([Problem("would_empty", value=chosen.id, expected=OFFICIAL_DIR)])
            if chosen.status == "active" and earlier:
                updated = [replace(v, status="active") if v.id == earlier[-1].id else v for v in updated]
            _write_versions(data_dir, updated)
            return retracted
    except OSError as error:
        raise StoreWriteFailed.from_os_error(error) from None


def restore_official(data_dir: Path, version_id: str, created_by: str | None = None) -> OfficialVersion:
    """Make a superseded or retracted version the active one again (the active one becomes
    superseded); its file is unchanged, so the table is exactly as that version wrote it. Restoring
    the active version changes nothing. KeyError for an unknown id."""
    try:
        with writer_lock(Path(data_dir)):
            versions = read_versions(data_dir)
            _clean(data_dir, versions)
            chosen = next((v for v in versions if v.id == version_id), None)
            if chosen is None:
                raise KeyError(version_id)
            if chosen.status == "active":
                return chosen
            read_version_rows(data_dir, chosen)   # StoreDamaged now rather than a broken active table
            restored = replace(chosen, status="active", retracted_by="", retracted_at="")
            updated = [restored if v.id == version_id else replace(v, status="superseded") if v.status == "active"
                       else v for v in versions]
            _write_versions(data_dir, updated)
            return restored
    except OSError as error:
        raise StoreWriteFailed.from_os_error(error) from None


def file_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
