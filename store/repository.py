"""`Store`: the one object pages, tools and the CLI ask for data, scores and changes.

Reads go through DuckDB (named SQL over the active snapshots); writes go through `snapshots`
(atomic files + manifest). Scores come from the pre-aggregated table written at ingest; the
indicator-level views rebuild the effective-level grid with `scoring` for one region only.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pandas as pd

from scoring import (
    SCORE_KINDS,
    STAGES,
    ChangeBreakdown,
    Framework,
    FrameworkError,
    Plan,
    effective_levels,
    shown_difference,
)
from scoring.whatif import WhatIf, WhatIfError, programme_levels, simulate
from store import analysis, calendar, catalog, exports, programmes, scenarios, targets
from store.database import Database
from store.limits import Limits
from store.manifest import Snapshot, read_manifest
from store.parse_worker import check_in_worker
from store.problems import IngestRefused, Problem
from store.scenarios import Scenario, ScenarioRefused
from store.settings import data_dir as default_data_dir
from store.settings import setting
from store.snapshots import Progress, commit_snapshot, content_sha256, read_snapshot_rows, retract_snapshot
from store.upload import Preview, UploadCheck, build_preview, check_upload, refuse_unless_committable, too_large


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
        """The framework version that scores new data of `year` (None when no file covers it)."""
        return catalog.framework_for_year(self.framework_dir, year)

    def framework_by_id(self, framework_id: str) -> Framework:
        """The framework version with this id; FrameworkError when no file has it any more."""
        framework = catalog.framework_by_id(self.framework_dir, framework_id)
        if framework is None:
            raise FrameworkError(str(self.framework_dir), [f"no framework file has id '{framework_id}', which a "
                                                           "snapshot was scored with; restore that file"])
        return framework

    def framework_of(self, year: int, stage: str) -> Framework | None:
        """The framework a year and stage is read with: the one recorded with its snapshot (so a
        later file cannot change how old data reads), or the year's file when there is no snapshot."""
        snapshot = self.active_snapshot(year, stage)
        if snapshot is None or not snapshot.framework_id:
            return self.framework_for(year)
        return self.framework_by_id(snapshot.framework_id)

    def _frameworks_by_id(self) -> dict[str, Framework]:
        return {framework.id: framework for framework in self.frameworks()}

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
    def ingest_file(self, path: str | Path, *, year: int, stage: str, created_by: str | None = None,
                    replace_all: bool = False, in_worker: bool = False) -> tuple[Snapshot, bool]:
        """Validate a CSV/XLSX file and commit it to (year, stage): merged by region into the active
        snapshot, or as the whole (year, stage) with `replace_all`.

        Returns (snapshot, created); created is False when the same file is already active.
        Raises IngestRefused listing every problem; then nothing at all is written. A file over
        MATRA_MAX_UPLOAD_MB is refused before it is read.
        """
        path = Path(path)
        self.refuse_oversize(path)
        data = path.read_bytes()
        return self.ingest_bytes(path.name, data, year=year, stage=stage, created_by=created_by,
                                 replace_all=replace_all, in_worker=in_worker)

    @staticmethod
    def refuse_oversize(path: Path) -> None:
        """IngestRefused when the file at `path` is over MATRA_MAX_UPLOAD_MB (checked before reading it)."""
        limit_mb = float(setting("MATRA_MAX_UPLOAD_MB"))
        if path.is_file() and path.stat().st_size > limit_mb * 1048576:
            raise IngestRefused([Problem("too_large", file=path.name, value=f"{path.stat().st_size / 1048576:.2f}",
                                         expected=f"{limit_mb:g}")])

    def ingest_bytes(self, name: str, data: bytes, *, year: int, stage: str, created_by: str | None = None,
                     replace_all: bool = False, in_worker: bool = False) -> tuple[Snapshot, bool]:
        """`check_upload` then `commit_upload`: raises IngestRefused listing every problem."""
        check = self.check_upload(name, data, year=year, stage=stage, in_worker=in_worker)
        if not check.ok:
            raise IngestRefused(check.errors or [Problem("empty_file", file=name)])
        return self.commit_upload(check, year=year, stage=stage, source=name, created_by=created_by,
                                  replace_all=replace_all)

    def check_upload(self, name: str, data: bytes, *, year: int, stage: str, in_worker: bool = False) -> UploadCheck:
        """Read and validate an upload (long or wide CSV/XLSX) for (year, stage); writes nothing and
        never raises for bad input: problems are in `.errors`, loadable concerns in `.warnings`.
        Reading stays within the MATRA_MAX_* limits; `in_worker` reads in a separate process bounded
        by MATRA_PARSE_MEMORY_MB and MATRA_PARSE_SECONDS (the web server does)."""
        framework = self.framework_for(year) if stage in STAGES else None
        checker = check_in_worker if in_worker else check_upload
        check = checker(name, data, year=year, stage=stage, framework=framework, regions=self.regions(),
                        limits=Limits.from_settings())
        if check.ok:  # the same bytes already loaded elsewhere is most likely a wrong year or stage
            check.warnings += [Problem("same_file_loaded", file=name, value=s.id, expected=f"{s.year} {s.stage}",
                                       warning=True)
                               for s in self.snapshots() if s.sha256 == check.sha256 and s.status == "active"
                               and (s.year, s.stage) != (year, stage)]
        return check

    def preview(self, check: UploadCheck, *, year: int, stage: str, replace_all: bool = False) -> Preview:
        """What committing `check` would change against the active snapshot of (year, stage): merged
        by region, or replacing the whole (year, stage) with `replace_all`. Raises IngestRefused
        when the check is not committable for that year and stage, StoreDamaged when the active
        snapshot's files are missing."""
        framework = self.framework_for(year)
        refuse_unless_committable(check, year, stage, framework)
        current = next((s for s in self.snapshots() if (s.year, s.stage, s.status) == (year, stage, "active")),
                       None)
        rows = index = None
        if current is not None:
            rows = read_snapshot_rows(self.snapshots_dir, current)
            scores = read_snapshot_rows(self.snapshots_dir, replace(current, path=current.scores_path))
            index = scores[scores["kind"] == "index"]
        return build_preview(check, rows, index, current, framework, self.regions(), replace_all)

    def commit_upload(self, check: UploadCheck, *, year: int, stage: str, source: str,
                      created_by: str | None = None, progress: Progress | None = None,
                      replace_all: bool = False) -> tuple[Snapshot, bool]:
        """Commit a checked upload to (year, stage); returns (snapshot, created). By default the new
        snapshot is the one active at commit time (under the writer lock) with the file's regions
        replaced; `replace_all` makes the file the whole (year, stage). The same file already active
        gives (that snapshot, False) and writes nothing. Raises IngestRefused when `check` is not ok
        or was made for another year/stage; StoreBusy when another writer holds the lock;
        StoreWriteFailed / StoreDamaged when the disk or the store fails (nothing written).
        `progress(fraction 0..1, step)` is told of each step."""
        framework = self.framework_for(year)
        refuse_unless_committable(check, year, stage, framework)
        return commit_snapshot(self.data_dir, check.rows, year=year, stage=stage, framework=framework,
                               source=source, sha256=check.sha256, created_by=created_by, progress=progress,
                               replace_all=replace_all)

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

    def retract(self, snapshot_id: str, created_by: str | None = None) -> Snapshot:
        """Retract a snapshot (recording who and when); the previous one of its (year, stage)
        becomes active again. Nothing is deleted. Raises KeyError for an unknown id."""
        return retract_snapshot(self.data_dir, snapshot_id, created_by)

    # targets ------------------------------------------------------------------------------------
    def targets_table(self, year: int | None = None) -> pd.DataFrame:
        """Stored dimension targets (of `year` when given): region_code, name, year, dimension, target,
        note, updated_at, updated_by."""
        return targets.targets_table(self.data_dir, self.regions(), year)

    def save_targets(self, frame: pd.DataFrame, *, created_by: str | None = None) -> int:
        """Set the targets of the (region_code, year, dimension) keys in `frame` (columns region_code,
        year, dimension, target, optional note); a blank target removes the key's target. Every other
        row is kept. Returns the number of keys set or removed. Raises IngestRefused listing every
        problem (unknown region, dimension not in the year's framework, target outside 0-5)."""
        rows = targets.checked_targets(targets.records_from_frame(frame), [], file="", sheet="",
                                       framework_for=self.framework_for, regions=self.regions())
        return targets.save_targets(self.data_dir, rows, created_by=created_by) if len(rows) else 0

    def import_targets(self, name: str, data: bytes, *, created_by: str | None = None) -> int:
        """Save targets from a CSV/XLSX file: long (region_code|kode_wilayah, year|tahun,
        dimension|dimensi, target) or wide (region and year columns, one column per dimension code).
        Returns the number of keys set or removed; raises IngestRefused listing every problem."""
        oversized = too_large(name, data, float(setting("MATRA_MAX_UPLOAD_MB")))
        if oversized:
            raise IngestRefused(oversized)
        codes = {d.code for f in self.frameworks() for d in f.dimensions}
        grid, records, problems = targets.records_from_file(name, data, codes)
        rows = targets.checked_targets(records, problems, file=name, sheet=grid.sheet,
                                       framework_for=self.framework_for, regions=self.regions())
        return targets.save_targets(self.data_dir, rows, created_by=created_by)

    def export_targets(self, fmt: str = "csv", year: int | None = None) -> bytes:
        """Targets as CSV or XLSX bytes (the targets_table columns), spreadsheet formulas neutralised;
        the file imports back unchanged."""
        table = self.targets_table(year)
        if fmt == "xlsx":
            return exports.xlsx_bytes(table, sheet="targets")
        if fmt == "csv":
            return exports.csv_bytes(table)
        raise ValueError("fmt must be csv or xlsx")

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
        if by in ("index", "dimension") and not rows.empty:
            rows = analysis.with_bands(rows, {"only": self.framework_of(year, stage)})
        if by == "index":
            return rows.rename(columns={"score": "index"})[["region_code", "index", "band"]]
        if by == "dimension":
            return rows[["region_code", "dimension", "score", "band"]]
        if by == "chain":
            return rows.rename(columns={"code": "chain"})[["region_code", "chain", "score"]]
        return rows.rename(columns={"code": "element"})[["region_code", "dimension", "element",
                                                          "score"]]

    def ranking(self, year: int, stage: str) -> pd.DataFrame:
        """National ranking of a year and stage, best first (store.analysis.RANKING_COLUMNS): shared
        ranks of the shown index, band of the shown value, province and kind ranks, change of the
        shown values, rank change among regions assessed in both years, method change, close calls."""
        return analysis.ranking(self, year, stage)

    def change(self, region: str, year: int, stage: str) -> ChangeBreakdown | None:
        """Why the region's index moved since the year before: method effect + level effects."""
        return analysis.change(self, region, year, stage)

    def plan(self, region: str, year: int, stage: str, scope: str = "index") -> Plan | None:
        """The fewest actions that lift the region's index (or a dimension code) to the next band."""
        return analysis.plan(self, region, year, stage, scope)

    def claims(self, year: int, regions: list[str] | None = None) -> pd.DataFrame:
        """Stage I claims against stage II verification per (region, indicator) of `year` for
        `regions` (all when None): scoring.claims.claim_outcomes with the snapshot's framework."""
        return analysis.claims(self, year, regions)

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
        pair = self.database.query("index_pair", first_year=first[0], first_stage=first[1],
                                   second_year=second[0], second_stage=second[1])
        pair["change"] = [shown_difference(b, a) for a, b in zip(pair["first_score"], pair["second_score"],
                                                                  strict=True)]
        return pair.sort_values(["change", "region_code"], ascending=[False, True], ignore_index=True)

    def cohorts(self) -> pd.DataFrame:
        """region_code, cohort: the first year a region appears in the active snapshots."""
        return self.database.query("cohorts")

    def region_scores(self, region: str, year: int, stage: str) -> pd.DataFrame:
        """One region's scores of every kind: kind, dimension, code, score, band, framework_id
        (band of the shown value for index and dimension rows, NA otherwise)."""
        rows = self.database.query("region_scores", region=region, year=year, stage=stage)
        return self._banded(rows)

    def _banded(self, rows: pd.DataFrame) -> pd.DataFrame:
        banded = analysis.with_bands(rows, self._frameworks_by_id()) if not rows.empty else rows
        if not rows.empty and "kind" in rows:
            banded["band"] = banded["band"].where(rows["kind"].isin(("index", "dimension")))
        return banded

    def trend(self, regions: list[str], stage: str, kind: str = "index") -> pd.DataFrame:
        """Scores over all years: year, region_code, name, code, score, band, framework_id."""
        return self._banded(self.database.query("trend", regions=list(regions), stage=stage, kind=kind))

    def region_indicators(self, region: str, year: int, stage: str) -> pd.DataFrame:
        """One region's full indicator grid (every framework indicator, missing ones at level 0):
        the columns of scoring.effective_levels plus note. Empty when the region was not assessed."""
        rows = self.database.query("region_assessments", region=region, year=year, stage=stage)
        framework = self.framework_of(year, stage) if not rows.empty else None
        if rows.empty or framework is None:
            return pd.DataFrame()
        rows.insert(0, "region_code", region)
        grid = effective_levels(rows, framework, framework.policy_for_stage(stage))
        notes = rows.set_index("indicator_code")["note"]
        grid["note"] = grid["indicator_code"].map(notes).fillna("")
        return grid

    def claims_rows(self, year: int, regions: list[str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Stage I rows (the claims) and stage II rows (their verification) of a year for `regions`
        (every region when None or empty): region_code, indicator_code, level, claimed_level,
        evidence. Input of scoring.claims; a stage not loaded gives an empty frame."""
        rows = self.database.query("claims_rows", year=year, regions=list(regions or []))
        stages = [rows[rows["stage"] == stage].drop(columns="stage").reset_index(drop=True)
                  for stage in STAGES]
        return stages[0], stages[1]

    # programmes and what-if (store/programmes.py, scoring/whatif.py) ------------------------------
    def programmes(self, region: str) -> pd.DataFrame:
        """The region's programme register (store.programmes.SCHEMA columns); empty when none."""
        return programmes.read_programmes(self.data_dir, region)

    def programmes_stamp(self, region: str) -> tuple:
        """Changes when the region's register gets a new version (a cache key)."""
        return programmes.register_stamp(self.data_dir, region)

    def scenarios_stamp(self, region: str) -> tuple:
        """Changes when a scenario of the region is saved or deleted (a cache key)."""
        return scenarios.stamp(self.data_dir, region)

    def import_programmes(self, region: str, name: str, data: bytes, *, created_by: str | None = None,
                          synthetic: bool = False) -> int:
        """Replace the region's register from a CSV/XLSX file; returns the new version number.
        Raises IngestRefused listing every problem; then nothing is written."""
        if region not in set(self.regions()["code"]):
            raise IngestRefused([Problem("unknown_region", file=name, value=region)])
        problems = too_large(name, data, float(setting("MATRA_MAX_UPLOAD_MB")))
        if problems:
            raise IngestRefused(problems)
        rows = programmes.check_file(name, data, self.programme_framework())
        return programmes.save_programmes(self.data_dir, region, rows, created_by=created_by, synthetic=synthetic)

    def export_programmes(self, region: str, fmt: str = "csv", lang: str = "en") -> bytes:
        """The region's register as CSV or XLSX in import form, formulas neutralised."""
        frame = programmes.export_frame(self.programmes(region), lang)
        if fmt == "xlsx":
            return exports.xlsx_bytes(frame, sheet="programmes")
        if fmt == "csv":
            return exports.csv_bytes(frame)
        raise ValueError("fmt must be csv or xlsx")

    def programme_framework(self) -> Framework:
        """The framework programme links are checked against: the one covering the latest year."""
        return max(self.frameworks(), key=lambda f: max(f.years))

    def whatif(self, region: str, year: int, stage: str, *, levels: dict | None = None,
               programme_codes: list[str] | tuple[str, ...] = ()) -> WhatIf | None:
        """Index, band, national and province rank before and after setting `levels` (code -> level or
        "verify") and finishing `programme_codes` as planned. None when the region was not assessed.
        Raises WhatIfError for an unknown indicator, level or programme code."""
        grid = self.region_indicators(region, year, stage)
        if grid.empty:
            return None
        register = programmes.links(self.programmes(region))
        known = set(register["programme_code"]) | set(self.programmes(region)["programme_code"])
        unknown = set(programme_codes) - known
        if unknown:
            raise WhatIfError(f"unknown programme {', '.join(sorted(unknown))} of {region}")
        lifts = programme_levels(register, list(programme_codes))
        table = self.scores(year, stage, "index")
        provinces = dict(zip(self.regions()["code"], self.regions()["province_code"], strict=True))
        return simulate(grid, self.framework_of(year, stage), table, region, levels=levels, lifts=lifts,
                        province_codes=provinces)

    # saved scenarios (store/scenarios.py) --------------------------------------------------------
    def scenarios(self, region: str, year: int | None = None, stage: str | None = None) -> list[Scenario]:
        """The region's saved scenarios (newest first), only those starting from `year`/`stage` when given."""
        return [s for s in scenarios.read_scenarios(self.data_dir, region)
                if (year is None or s.year == year) and (stage is None or s.stage == stage)]

    def skipped_scenarios(self, region: str) -> list[tuple[str, str, str]]:
        """(file, why in Indonesian, why in English) for each of the region's scenario files that
        cannot be read (damaged, too large, nested too deep); they are left out of `scenarios`."""
        return scenarios.skipped_scenarios(self.data_dir, region)

    def scenario(self, region: str, scenario_id: str) -> Scenario | None:
        return scenarios.read_scenario(self.data_dir, region, scenario_id)

    def save_scenario(self, scenario: Scenario, *, created_by: str | None = None) -> Scenario:
        """Store `scenario` after checking it applies: the region was assessed in its year and stage,
        every indicator and level is valid and every programme is in the register. Raises
        ScenarioRefused (not assessed, bad name, nothing chosen) or WhatIfError."""
        if self.scenario_result(scenario) is None:
            raise ScenarioRefused("not_assessed", f"{scenario.region} {scenario.year} {scenario.stage}")
        return scenarios.save_scenario(self.data_dir, scenario, created_by)

    def delete_scenario(self, region: str, scenario_id: str) -> bool:
        return scenarios.delete_scenario(self.data_dir, region, scenario_id)

    def scenario_result(self, scenario: Scenario) -> WhatIf | None:
        """The scenario's index, band and ranks before and after, on the data read now."""
        return self.whatif(scenario.region, scenario.year, scenario.stage, levels=scenario.levels,
                           programme_codes=scenario.programmes)

    def scenario_table(self, regions: list[str], year: int, stage: str) -> pd.DataFrame:
        """The saved scenarios of `regions` starting from `year`/`stage`, each beside the actual figures:
        region_code, scenario_id, name, changes (indicators set + programmes), index_before, index_after,
        band_before, band_after, rank_before, rank_after, province_rank_before, province_rank_after.
        A scenario that no longer applies (an indicator or programme gone) is left out."""
        rows = []
        for region in regions:
            for scenario in self.scenarios(region, year, stage):
                try:
                    result = self.scenario_result(scenario)
                except WhatIfError:
                    continue
                if result is not None:
                    rows.append({"region_code": region, "scenario_id": scenario.id, "name": scenario.name,
                                 "changes": len(scenario.levels) + len(scenario.programmes), **result.as_dict()})
        columns = ["region_code", "scenario_id", "name", "changes", "index_before", "index_after", "band_before",
                   "band_after", "rank_before", "rank_after", "province_rank_before", "province_rank_after"]
        return pd.DataFrame(rows, columns=columns)

    # evidence readiness (store/calendar.py, scoring/readiness.py) -------------------------------
    def calendar(self) -> pd.DataFrame:
        """Evaluation windows: year, stage, opens, closes (dates), note; empty when none is set."""
        return calendar.read_calendar(self.data_dir)

    def import_calendar(self, name: str, data: bytes) -> int:
        """Replace the evaluation calendar from a CSV/XLSX file; IngestRefused lists every problem."""
        return calendar.save_calendar(self.data_dir, name, data)

    def evidence_by_province(self, year: int, stage: str) -> pd.DataFrame:
        """province_code, province_name, indicator_code, verified (regions), regions (assessed)."""
        return self.database.query("evidence_by_province", year=year, stage=stage)


@cache
def shared_store(data_dir: str, pinned: tuple[str, ...] | None = None) -> Store:
    """One Store per data folder (and pinned snapshot set) per process; its DuckDB connection is
    shared by all sessions, each call taking its own cursor."""
    return Store(data_dir, pinned)
