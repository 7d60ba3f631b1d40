"""The reads of a `Store` over the snapshots: reference data, frameworks, the snapshot list and
every score, ranking, change, plan and claim a page, slide or command line asks for.

`StoreReads` is a mixin of `store.repository.Store` (which gives it `data_dir`, `snapshots_dir`,
`framework_dir`, `reference_dir` and `database`); it writes nothing. Reads go through DuckDB (named
SQL over the active snapshots); scores come from the pre-aggregated table written at ingest; the
indicator-level views rebuild the effective-level grid with `scoring` for one region only. The
registers beside the snapshots (programmes, scenarios, the calendar) are read in `store/read_registers.py`;
every write is in `store/write.py`.
"""

from __future__ import annotations

import pandas as pd

from scoring import (
    SCORE_KINDS,
    STAGES,
    ChangeBreakdown,
    Framework,
    FrameworkError,
    Plan,
    change_breakdown,
    effective_levels,
    plan_next_band,
    shown_difference,
)
from scoring.bands import with_bands
from scoring.claims import claim_outcomes
from store import catalog, rankings
from store.manifest import Snapshot, read_manifest


class StoreReads:
    # reference ------------------------------------------------------------------------------
    def regions(self) -> pd.DataFrame:
        """All kab/kota: code, name, province_code, province_name, kind, latitude, longitude."""
        return catalog.regions(self.reference_dir)

    def basemap(self) -> catalog.Basemap:
        """Indonesia's coastline, its neighbours' and the province borders (store.catalog.Basemap)."""
        return catalog.basemap(self.reference_dir)

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
        """Every version by id, those another version wholly replaced included (snapshots name them)."""
        return {framework.id: framework for _, framework in catalog.framework_files(self.framework_dir)}

    # snapshots ------------------------------------------------------------------------------
    def snapshots(self) -> list[Snapshot]:
        """Every snapshot in the manifest, oldest first, whatever its status."""
        return read_manifest(self.snapshots_dir)

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
            rows = with_bands(rows, {"only": self.framework_of(year, stage)})
        if by == "index":
            return rows.rename(columns={"score": "index"})[["region_code", "index", "band"]]
        if by == "dimension":
            return rows[["region_code", "dimension", "score", "band"]]
        if by == "chain":
            return rows.rename(columns={"code": "chain"})[["region_code", "chain", "score"]]
        return rows.rename(columns={"code": "element"})[["region_code", "dimension", "element",
                                                          "score"]]

    def ranking(self, year: int, stage: str) -> pd.DataFrame:
        """National ranking of a year and stage, best first (scoring.ranking.RANKING_COLUMNS): shared
        ranks of the shown index, band of the shown value, province and kind ranks, change of the
        shown values, rank change among regions assessed in both years, method change, close calls, and
        the rank within the year's evaluation group (data/groups/groups.csv). Read from the ranking the
        writer stored for exactly these inputs when there is one (store/rankings.py), else computed."""
        written = rankings.read(self, year, stage)
        return written if written is not None else rankings.computed(self, year, stage)

    def change(self, region: str, year: int, stage: str) -> ChangeBreakdown | None:
        """Why the region's index moved since the year before: method effect + level effects."""
        current = self.region_indicators(region, year, stage)
        previous = self.region_indicators(region, year - 1, stage)
        if current.empty or previous.empty:
            return None
        return change_breakdown(current, self.framework_of(year, stage), previous, self.framework_of(year - 1, stage))

    def plan(self, region: str, year: int, stage: str, scope: str = "index") -> Plan | None:
        """The fewest actions that lift the region's index (or a dimension code) to the next band."""
        grid = self.region_indicators(region, year, stage)
        return None if grid.empty else plan_next_band(grid, self.framework_of(year, stage), scope)

    def claims(self, year: int, regions: list[str] | None = None) -> pd.DataFrame:
        """Stage I claims against stage II verification per (region, indicator) of `year` for
        `regions` (all when None): scoring.claims.claim_outcomes with the snapshot's framework."""
        framework = self.framework_of(year, "II") or self.framework_of(year, "I")
        stage_one, stage_two = self.claims_rows(year, regions)
        if framework is None:
            return pd.DataFrame()
        if stage_one.empty or stage_two.empty:
            stage_one, stage_two = stage_one.iloc[:0], stage_two.iloc[:0]
        return claim_outcomes(stage_one, stage_two, framework)

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

    def cohort_medians(self, stage: str, provinces: tuple[str, ...] = ()) -> pd.DataFrame:
        """Median index per year for each cohort: year, cohort, score, regions; over the regions of
        `provinces` (province codes) when given, else every region."""
        return self.database.query("cohort_medians", stage=stage, provinces=list(provinces))

    def index_pair(self, first: tuple[int, str], second: tuple[int, str]) -> pd.DataFrame:
        """Regions assessed in both (year, stage) picks: region_code, name, province_code, province_name,
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
        banded = with_bands(rows, self._frameworks_by_id()) if not rows.empty else rows
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

