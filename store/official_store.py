"""The official-results part of `Store` (a mixin): thin methods over store/official*.py.

Needs from the Store it is mixed into: `data_dir`, `regions()`, `framework_for(year)`. Files are
measured by `store.limits.refuse_oversize` before they are read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from store import official, official_tables
from store.audit import logged
from store.limits import read_within_limit, refuse_oversize
from store.official import OfficialVersion
from store.official_import import check_official
from store.parse_worker import run_in_worker


class OfficialResults:
    def official_versions(self) -> list[OfficialVersion]:
        """Every version of the official-results table, oldest first, whatever its status."""
        return official.read_versions(self.data_dir)

    def official_table(self, year: int | None = None, region: str | None = None) -> pd.DataFrame:
        """The active official results (of `year`, `region` when given) in official_tables.EXPORT_COLUMNS:
        published values as their decimal text ('' where not published), recomputed and difference."""
        return official_tables.official_table(official.official_rows(self.data_dir), self.regions(),
                                              self.framework_for, year=year, region=region)

    def official_ranking(self, year: int) -> pd.DataFrame:
        """The published figures of `year` ranked among themselves: region_code, index (as published),
        rank (1, 2, 2, 4), previous_index, change, region_name, rank_published, rank_of, source, source_url."""
        return official_tables.ranking(self.official_table(), year)

    def official_differences(self) -> pd.DataFrame:
        """Official rows whose published index differs from its recomputed one by more than 0.01."""
        return official_tables.differing(self.official_table())

    def import_official(self, name: str, data: bytes, *, created_by: str | None = None) -> OfficialVersion:
        """Check a CSV/XLSX file of published results and merge it by (region, year) into a new active
        version. Raises IngestRefused listing every problem (nothing written), StoreBusy,
        StoreWriteFailed or StoreDamaged (nothing written)."""
        with logged(self.data_dir, "official_import", who=created_by, detail=name) as entry:
            refuse_oversize(data, name)
            rows = run_in_worker(name, check_official, name, data, self.regions())   # bounded memory and time
            version = official.commit_official(self.data_dir, rows, source=name,
                                               sha256=official.file_sha256(data), created_by=created_by)
            entry["ids"], entry["counts"] = [version.id], {"rows": version.imported, "table": version.rows}
            return version

    def import_official_file(self, path: str | Path, *, created_by: str | None = None) -> OfficialVersion:
        """`import_official` of a file on disk, refused by size before it is read."""
        path = Path(path)
        return self.import_official(path.name, read_within_limit(path), created_by=created_by)

    def undo_official(self, version_id: str | None = None, *, created_by: str | None = None,
                      allow_empty: bool = False) -> OfficialVersion | None:
        """Retract the active version (or `version_id`); the previous one becomes active again. None
        when there is nothing to undo; KeyError for an unknown id; IngestRefused (would_empty) when
        it would leave no official results, unless `allow_empty`."""
        with logged(self.data_dir, "official_retract", who=created_by, ids=[version_id] if version_id else []) as entry:
            version = official.retract_official(self.data_dir, version_id, created_by, allow_empty)
            entry["ids"] = [version.id] if version else []
            entry["detail"] = "" if version else "nothing to undo"
            return version

    def restore_official(self, version_id: str, *, created_by: str | None = None) -> OfficialVersion:
        """Make a superseded or retracted version active again; KeyError for an unknown id."""
        with logged(self.data_dir, "official_restore", who=created_by, ids=[version_id]):
            return official.restore_official(self.data_dir, version_id, created_by)

    def export_official(self, fmt: str = "csv", *, year: int | None = None, region: str | None = None,
                        lang: str = "id") -> bytes:
        """The official results as CSV, JSON or XLSX bytes (EXPORT_COLUMNS), formulas neutralised."""
        return official_tables.export_bytes(self.official_table(year, region), fmt, lang)

    def official_stamp(self) -> tuple:
        """What changes when the official results change (for caches keyed by data version)."""
        version = official.active_version(self.data_dir)
        return ("official", version.id if version else "")

