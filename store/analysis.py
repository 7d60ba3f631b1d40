"""The figures a planner reads, computed once for pages, slides, exports and the CLI alike:
the ranking of a year and stage, why a region's index changed, and its path to the next band.

Each function takes the `Store` (its reads) and hands the numbers to `scoring`; every snapshot is
read with the framework recorded with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from scoring import INDEX_SCOPE, ChangeBreakdown, Framework, Plan, change_breakdown, plan_next_band
from scoring.bands import band_levels
from scoring.claims import claim_outcomes
from scoring.ranking import group_ranks, ranking_table

if TYPE_CHECKING:
    from store.repository import Store

RANKING_COLUMNS = ["rank", "region_code", "name", "province_code", "province_name", "kind", "index", "shown",
                   "band", "province_rank", "province_regions", "kind_rank", "kind_regions", "previous_index",
                   "previous_shown", "previous_rank", "rank_change", "improvement", "new", "method_changed",
                   "too_close_to_call"]


def with_bands(frame: pd.DataFrame, frameworks: dict[str, Framework], score: str = "score") -> pd.DataFrame:
    """Set `band` from the shown value of `score`, with each row's own framework (framework_id column)
    or the only framework given. Stored bands are not trusted: the band rule lives in scoring."""
    frame = frame.copy()
    if frame.empty:
        frame["band"] = pd.Series(dtype="Int64")
        return frame
    if "framework_id" not in frame:
        (framework,) = frameworks.values()
        frame["band"] = band_levels(frame[score], framework)
        return frame
    bands = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    for framework_id, rows in frame.groupby("framework_id"):
        bands.loc[rows.index] = band_levels(rows[score], frameworks[framework_id])
    frame["band"] = bands
    return frame


def ranking(store: Store, year: int, stage: str) -> pd.DataFrame:
    """A year and stage's ranking (scoring.ranking_table) with region names, the band of the shown
    value, and the rank within the province and among regions of the same kind. Columns:
    RANKING_COLUMNS, best first."""
    current = store.database.query("index_rows", year=year, stage=stage)
    if current.empty:
        return pd.DataFrame(columns=RANKING_COLUMNS)
    previous = store.database.query("index_rows", year=year - 1, stage=stage)
    framework = store.framework_of(year, stage)
    table = ranking_table(current, previous, smallest_step=framework.smallest_step)
    table["band"] = band_levels(table["index"], framework)
    regions = store.regions().rename(columns={"code": "region_code"})
    table = table.merge(regions[["region_code", "name", "province_code", "province_name", "kind"]],
                        on="region_code", how="left")
    for column, prefix in (("province_code", "province"), ("kind", "kind")):
        table[f"{prefix}_rank"] = group_ranks(table, column)
        table[f"{prefix}_regions"] = table.groupby(column)["region_code"].transform("size").astype("Int64")
    return table[RANKING_COLUMNS]


def change(store: Store, region: str, year: int, stage: str) -> ChangeBreakdown | None:
    """Why `region`'s index moved since the year before (same stage), or None when it was not
    assessed in one of the two years."""
    current = store.region_indicators(region, year, stage)
    previous = store.region_indicators(region, year - 1, stage)
    if current.empty or previous.empty:
        return None
    return change_breakdown(current, store.framework_of(year, stage), previous, store.framework_of(year - 1, stage))


def plan(store: Store, region: str, year: int, stage: str, scope: str = INDEX_SCOPE) -> Plan | None:
    """The fewest actions that lift `region`'s index (or a dimension) to its next band, or None when
    the region was not assessed."""
    grid = store.region_indicators(region, year, stage)
    if grid.empty:
        return None
    return plan_next_band(grid, store.framework_of(year, stage), scope)


def claims(store: Store, year: int, regions: list[str] | None = None) -> pd.DataFrame:
    """scoring.claims.claim_outcomes of `regions` (every region when None) in `year`: stage I claims
    against stage II verification, with the framework recorded with the stage II snapshot (else
    stage I's). Empty when a stage is missing."""
    framework = store.framework_of(year, "II") or store.framework_of(year, "I")
    stage_one, stage_two = store.claims_rows(year, regions)
    if framework is None or stage_one.empty or stage_two.empty:
        return claim_outcomes(stage_one.iloc[:0], stage_two.iloc[:0], framework) if framework else pd.DataFrame()
    return claim_outcomes(stage_one, stage_two, framework)


def plan_record(plan_result: Plan) -> dict:
    """A plan as the CLI's JSON object (unrounded numbers)."""
    return {
        "score": plan_result.score,
        "band": plan_result.band.level,
        "next_band": None if plan_result.next_band is None else plan_result.next_band.level,
        "next_lower": plan_result.next_lower,
        "reachable": plan_result.reachable,
        "action_count": plan_result.action_count,
        "actions": [{"indicator_code": a.indicator_code, "kind": a.kind, "from_level": a.from_level,
                     "to_level": a.to_level, "gain": a.gain, "owner_opd": a.owner_opd} for a in plan_result.actions],
        "score_after": plan_result.score_after,
        "band_after": None if not plan_result.reachable else plan_result.next_band.level,
    }


def change_record(breakdown: ChangeBreakdown) -> dict:
    """A change breakdown as the CLI's JSON object (unrounded numbers)."""
    return {
        "index_before": breakdown.index_before,
        "index_after": breakdown.index_after,
        "index_change": breakdown.index_change,
        "method_effect": breakdown.method_effect,
        "method_changed": breakdown.method_changed,
        "by_dimension": breakdown.by_dimension.to_dict("records"),
        "by_indicator": breakdown.by_indicator.to_dict("records"),
    }
