"""What a region's gap views mean: the gap to target per dimension, the priority indicators and the
plans to the next band (index and each dimension), asked once for the gaps page, the plan page, the
live and exported slides and the profile."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from scoring import INDEX_SCOPE, Framework, Plan, band_for, gap_table, indicator_priority, plan_next_band, summaries
from views.chart import SeriesChart, series_chart

TOP_PRIORITIES = 20     # priority indicators a page or profile lists (those with a positive gain)
SLIDE_PRIORITIES = 5    # priority indicators a gaps slide lists beside its chart (live, PPTX and PDF)


def dimension_gaps(framework: Framework, region_scores: pd.DataFrame, targets: dict[str, float]) -> pd.DataFrame:
    """Gap to target per dimension (scoring.gap_table: score, shown, band, target, gap, met) of one
    region, in framework order. `region_scores` is Store.region_scores (kind, code, score)."""
    scores = region_scores[region_scores["kind"] == "dimension"][["code", "score"]]
    gaps = gap_table(scores.rename(columns={"code": "dimension"}), framework, targets)
    order = {d.code: i for i, d in enumerate(framework.dimensions)}
    return gaps.sort_values("dimension", key=lambda s: s.map(order), ignore_index=True)


def region_benchmarks(framework: Framework, all_dimensions: pd.DataFrame, region: str, province_codes: pd.Series,
                      targets: dict[str, float]) -> pd.DataFrame:
    """The radar of a region (page, live slide, PPTX, PDF): one row per dimension in framework order:
    dimension, score, band, province_median, national_median, target, target_source, gap.
    `all_dimensions` is Store.scores(..., "dimension"); `province_codes` region code -> province."""
    benchmarks = summaries.dimension_benchmarks(all_dimensions, region, province_codes)
    gaps = gap_table(benchmarks[["dimension", "score"]], framework, targets).set_index("dimension")
    codes = [d.code for d in framework.dimensions]
    table = benchmarks.set_index("dimension").reindex(codes)
    for column in ("target", "target_source", "gap"):
        table[column] = gaps[column].reindex(codes)
    table["band"] = [band_for(score, framework).level if pd.notna(score) else pd.NA for score in table["score"]]
    return table.rename_axis("dimension").reset_index()[
        ["dimension", "score", "band", "province_median", "national_median", "target", "target_source", "gap"]]


def radar_series(ctx, name: str, province: str, benchmarks: pd.DataFrame) -> list[tuple[str, list]]:
    """The region radar's series from `region_benchmarks`: region, province median, national median,
    target, named in the view's language (`ctx.t`); the page, the live slide, the PPTX and the PDF draw these."""
    return [
        (name, benchmarks["score"].tolist()),
        (ctx.t("region.series_province", province=province), benchmarks["province_median"].tolist()),
        (ctx.t("region.series_national"), benchmarks["national_median"].tolist()),
        (ctx.t("region.series_target"), benchmarks["target"].tolist()),
    ]


def region_chart(ctx, framework: Framework, name: str, province: str, benchmarks: pd.DataFrame) -> SeriesChart:
    """The region view's chart: a radar of radar_series over the dimensions (framework order)."""
    labels = framework.dimension_names(ctx.lang)
    return series_chart("radar", [labels[code] for code in benchmarks["dimension"]],
                        radar_series(ctx, name, province, benchmarks), framework.max_level)


@dataclass(frozen=True)
class GapsModel:
    """The gaps view of an agenda: gaps (dimension_gaps), priorities (the SLIDE_PRIORITIES indicators
    that gain the most) and chart (score against target per dimension, side by side)."""

    gaps: pd.DataFrame
    priorities: pd.DataFrame
    chart: SeriesChart


def gaps_chart(ctx, framework: Framework, name: str, gaps: pd.DataFrame) -> SeriesChart:
    """Score (named after the region) and target per dimension: horizontal bars side by side, on the
    framework's scale. `gaps` is dimension_gaps (or rows with dimension, score, target)."""
    labels = framework.dimension_names(ctx.lang)
    return series_chart("bar", [labels[code] for code in gaps["dimension"]],
                        [(name, gaps["score"].tolist()), (ctx.t("gaps.target"), gaps["target"].tolist())],
                        framework.max_level)


def gaps_model(ctx, framework: Framework, name: str, region_scores: pd.DataFrame, grid: pd.DataFrame,
               targets: dict[str, float], count: int = SLIDE_PRIORITIES) -> GapsModel:
    """The gaps view of one region (`region_scores` Store.region_scores, `grid` its indicator grid)."""
    gaps = dimension_gaps(framework, region_scores, targets)
    return GapsModel(gaps, top_priorities(grid, framework, targets, count), gaps_chart(ctx, framework, name, gaps))


def top_priorities(grid: pd.DataFrame, framework: Framework, targets: dict[str, float],
                   count: int = TOP_PRIORITIES) -> pd.DataFrame:
    """The `count` indicators whose next action gains the most index (scoring.indicator_priority
    rows with a positive gain)."""
    priority = indicator_priority(grid, framework, targets)
    return priority[priority["index_gain"] > 0].head(count).reset_index(drop=True)


def plan_scopes(framework: Framework) -> list[str]:
    """The scopes a plan is made for: the index, then each dimension in framework order."""
    return [INDEX_SCOPE, *[d.code for d in framework.dimensions]]


def plans(grid: pd.DataFrame, framework: Framework) -> dict[str, Plan]:
    """The fewest-actions plan to the next band of every scope (plan_scopes), by scope."""
    return {scope: plan_next_band(grid, framework, scope=scope) for scope in plan_scopes(framework)}


def rank_lines(row, t, group_names: dict[str, str]) -> list[str]:
    """The region's ranks beside the national one, as the region page, its slide and the profile word them:
    within the province and among the same kind, then within its evaluation group when it has one that
    year. `row` is the region's row of Store.ranking (no rank is computed here), `t` message id -> text in
    the reader's language (with the message's values), `group_names` group code -> name."""
    lines = [t("region.group_ranks", province_rank=int(row["province_rank"]),
               province_total=int(row["province_regions"]), province=row["province_name"],
               kind_rank=int(row["kind_rank"]), kind_total=int(row["kind_regions"]),
               kind=t(f"word.{row['kind']}").lower())]   # a common noun after a count
    if pd.notna(row.get("group")):   # the evaluation group the region is ranked in this year (data/groups/)
        lines.append(t("region.group_rank", rank=int(row["group_rank"]), total=int(row["group_regions"]),
                       group=group_names.get(row["group"], row["group"])))
    return lines
