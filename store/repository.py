"""`Store`: the one object pages, tools and the CLI ask for data, scores and changes.

Reads go through DuckDB (named SQL over the active snapshots); writes go through `snapshots`
(atomic files + manifest). Scores come from the pre-aggregated table written at ingest; the
indicator-level views rebuild the effective-level grid with `scoring` for one region only.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import pandas as pd

from scoring import Framework, effective_levels
from store import catalog
from store.database import Database
from store.manifest import Snapshot, read_manifest
from store.problems import IngestRefused, Problem
from store.reading import read_table
from store.settings import data_dir as default_data_dir
from store.settings import setting
from store.snapshots import commit_snapshot, content_sha256, retract_snapshot
from store.validate import STAGES, validate_assessments

SCORE_KINDS = ("index", "dimension", "chain", "element")


class Store:
    def __init__(self, data_dir: str | Path | None = None, pinned: tuple[str, ...] | None = None):
        self.data_dir = Path(data_dir) if data_dir else default_data_dir()
        self.pinned = tuple(pinned) if pinned is not None else None
        self.snapshots_dir = self.data_dir / "snapshots"
        self.framework_dir = self.data_dir / "framework"
        self.reference_dir = self.data_dir / "reference"
        self._database: Database | None = None

    @property
    def database(self) -> Database:
        if self._database is None:
            self._database = Database(self.snapshots_dir, self.regions(), self.pinned)
        return self._database

    # reference ------------------------------------------------------------------------------
    def regions(self) -> pd.DataFrame:
        """All kab/kota: code, name, province_code, province_name, kind, latitude, longitude."""
        return catalog.regions(self.reference_dir)

    def frameworks(self) -> tuple[Framework, ...]:
        return catalog.frameworks(self.framework_dir)

    def framework_for(self, year: int) -> Framework | None:
        """The framework version that scores `year` (None when no file covers it)."""
        return catalog.framework_for_year(self.framework_dir, year)

    # snapshots ------------------------------------------------------------------------------
    def snapshots(self) -> list[Snapshot]:
        """Every snapshot in the manifest, oldest first, whatever its status."""
        return read_manifest(self.snapshots_dir)

    def frozen(self, snapshot_ids: tuple[str, ...]) -> Store:
        """A read-only view of exactly these snapshots (an agenda frozen to the data it was made
        with): every query answers as if they were the active ones, whatever came later."""
        return Store(self.data_dir, pinned=tuple(snapshot_ids))

    def current_snapshot_ids(self) -> tuple[str, ...]:
        """The ids of the snapshots this store answers from (active ones, or the pinned set)."""
        return tuple(s.id for s in self.active_snapshots())

    def active_snapshots(self) -> list[Snapshot]:
        return list(self.database.refresh())

    def active_snapshot(self, year: int, stage: str) -> Snapshot | None:
        return next((s for s in self.active_snapshots() if (s.year, s.stage) == (year, stage)), None)

    def years(self, stage: str | None = None) -> list[int]:
        """Years with an active snapshot (of `stage` when given), ascending."""
        return sorted({s.year for s in self.active_snapshots() if stage in (None, s.stage)})

    def uses_synthetic_data(self) -> bool:
        return any(s.synthetic for s in self.active_snapshots())

    def data_as_of(self) -> str:
        """Creation time of the newest active snapshot (ISO date-time), or '' for an empty store."""
        return max((s.created_at for s in self.active_snapshots()), default="")

    # writes -----------------------------------------------------------------------------------
    def ingest_file(self, path: str | Path, *, year: int, stage: str,
                    created_by: str | None = None) -> tuple[Snapshot, bool]:
        """Validate a CSV/XLSX file and commit it as the active snapshot of (year, stage).

        Returns (snapshot, created); created is False when the same file is already active.
        Raises IngestRefused listing every problem; then nothing at all is written.
        """
        path = Path(path)
        data = path.read_bytes()
        return self.ingest_bytes(path.name, data, year=year, stage=stage, created_by=created_by)

    def ingest_bytes(self, name: str, data: bytes, *, year: int, stage: str,
                     created_by: str | None = None) -> tuple[Snapshot, bool]:
        limit_mb = float(setting("MATRA_MAX_UPLOAD_MB"))
        if len(data) > limit_mb * 1024 * 1024:
            raise IngestRefused([Problem("too_large", file=name,
                                         value=f"{len(data) / 1048576:.1f}", expected=f"{limit_mb:g}")])
        framework = self._framework_or_refuse(name, year, stage)
        table = read_table(name, data)
        rows, problems = validate_assessments(table, file=name, framework=framework,
                                              regions=self.regions())
        errors = [p for p in problems if not p.warning]
        if errors:
            raise IngestRefused(errors)
        return commit_snapshot(self.data_dir, rows, year=year, stage=stage, framework=framework,
                               source=name, sha256=hashlib.sha256(data).hexdigest(),
                               created_by=created_by)

    def ingest_rows(self, rows: pd.DataFrame, *, year: int, stage: str, source: str,
                    created_by: str | None = None, synthetic: bool = False) -> tuple[Snapshot, bool]:
        """Commit already-typed rows (tools, tests). The rows are checked against the framework."""
        framework = self._framework_or_refuse(source, year, stage)
        unknown = set(rows["indicator_code"]) - {i.code for i in framework.indicators}
        if unknown:
            raise IngestRefused([Problem("unknown_indicator", file=source, value=code,
                                         expected=framework.id) for code in sorted(unknown)])
        return commit_snapshot(self.data_dir, rows, year=year, stage=stage, framework=framework,
                               source=source, sha256=content_sha256(rows), created_by=created_by,
                               synthetic=synthetic)

    def retract(self, snapshot_id: str) -> Snapshot:
        return retract_snapshot(self.data_dir, snapshot_id)

    def _framework_or_refuse(self, name: str, year: int, stage: str) -> Framework:
        if stage not in STAGES:
            raise IngestRefused([Problem("bad_stage", file=name, value=str(stage),
                                         expected=" | ".join(STAGES))])
        framework = self.framework_for(year)
        if framework is None:
            raise IngestRefused([Problem("no_framework", file=name, value=str(year))])
        return framework

    # reads --------------------------------------------------------------------------------------
    def scores(self, year: int, stage: str, by: str) -> pd.DataFrame:
        """Every region's scores for a year and stage, unrounded.

        by=index: region_code, index, band; dimension: region_code, dimension, score, band;
        chain: region_code, chain, score; element: region_code, dimension, element, score.
        """
        if by not in SCORE_KINDS:
            raise ValueError(f"by must be one of {SCORE_KINDS}")
        rows = self.database.query("scores_by_kind", year=year, stage=stage, kind=by)
        if by == "index":
            return rows.rename(columns={"score": "index"})[["region_code", "index", "band"]]
        if by == "dimension":
            return rows[["region_code", "dimension", "score", "band"]]
        if by == "chain":
            return rows.rename(columns={"code": "chain"})[["region_code", "chain", "score"]]
        return rows.rename(columns={"code": "element"})[["region_code", "dimension", "element",
                                                          "score"]]

    def ranking(self, year: int, stage: str) -> pd.DataFrame:
        """National ranking: rank, region_code, name, province_code, province_name, kind, index,
        band, previous_index, improvement, previous_rank, rank_change (positive = moved up),
        method_changed, too_close_to_call (a neighbour within MATRA_CLOSE_CALL)."""
        return self.database.query("ranking", year=year, stage=stage,
                                   close=float(setting("MATRA_CLOSE_CALL")))

    def targets(self, region: str, year: int) -> dict[str, float]:
        """The region's own dimension targets for `year` (RPJMD/masterplan): dimension -> score.
        Empty when none were set (then the national minimum applies)."""
        path = self.data_dir / "targets" / "targets.parquet"
        if not path.exists():
            return {}
        table = self.database.query("region_targets", path=str(path), region=region, year=year)
        return dict(zip(table["dimension"], table["target"], strict=True))

    def national_medians(self, stage: str, kind: str = "index") -> pd.DataFrame:
        """Median score per year across assessed regions: year, code, score, regions."""
        return self.database.query("national_medians", stage=stage, kind=kind)

    def cohort_medians(self, stage: str) -> pd.DataFrame:
        """Median index per year for each cohort: year, cohort, score, regions."""
        return self.database.query("cohort_medians", stage=stage)

    def index_pair(self, first: tuple[int, str], second: tuple[int, str]) -> pd.DataFrame:
        """Regions assessed in both (year, stage) picks: region_code, name, province_name,
        first_score, second_score, change (second - first), largest rise first."""
        return self.database.query("index_pair", first_year=first[0], first_stage=first[1],
                                   second_year=second[0], second_stage=second[1])

    def cohorts(self) -> pd.DataFrame:
        """region_code, cohort: the first year a region appears in the active snapshots."""
        return self.database.query("cohorts")

    def region_scores(self, region: str, year: int, stage: str) -> pd.DataFrame:
        """One region's scores of every kind: kind, dimension, code, score, band, framework_id."""
        return self.database.query("region_scores", region=region, year=year, stage=stage)

    def trend(self, regions: list[str], stage: str, kind: str = "index") -> pd.DataFrame:
        """Scores over all years: year, region_code, name, code, score, band, framework_id."""
        return self.database.query("trend", regions=list(regions), stage=stage, kind=kind)

    def region_indicators(self, region: str, year: int, stage: str) -> pd.DataFrame:
        """One region's full indicator grid (every framework indicator, missing ones at level 0):
        the columns of scoring.effective_levels plus note. Empty when the region was not assessed."""
        rows = self.database.query("region_assessments", region=region, year=year, stage=stage)
        framework = self.framework_for(year)
        if rows.empty or framework is None:
            return pd.DataFrame()
        rows.insert(0, "region_code", region)
        grid = effective_levels(rows, framework)
        notes = rows.set_index("indicator_code")["note"]
        grid["note"] = grid["indicator_code"].map(notes).fillna("")
        return grid


@cache
def shared_store(data_dir: str, pinned: tuple[str, ...] | None = None) -> Store:
    """One Store per data folder (and pinned snapshot set) per process; its DuckDB connection is
    shared by all sessions, each call taking its own cursor."""
    return Store(data_dir, pinned)
