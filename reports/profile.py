"""The figures of one region profile, computed exactly as the region and gaps pages compute them
(same store queries, same scoring functions), so a deck or PDF says what the screen says."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from reports.context import ReportContext, check_regions, check_year_stage
from reports.errors import ExportRefused
from scoring import Band, Framework, Plan, band_for, opd_summary
from scoring.official import beside_computed
from views.region import plans, rank_lines, region_benchmarks, top_priorities


@dataclass(frozen=True)
class RegionProfile:
    """Everything a profile slide or page shows. Scores are unrounded (round only to display).

    benchmarks: dimension, label, score, band, province_median, national_median, target,
    target_source, gap (framework order). trend: year, code, series, score (index first, then the
    dimensions, as the region page draws it). priority: indicator_priority rows with a positive
    index gain (top 20). opds: opd_summary of all indicators. official: the region's published
    results beside Matra's index (scoring.official.beside_computed; empty when none is recorded).
    rank_figures: (label, rank, total) of the national, province, kind and evaluation-group ranks, as
    Store.ranking gives them (no rank computed here). plans: the fewest actions to the next band of the
    index and of each dimension (views.region.plans, as the gaps page).
    """

    context: ReportContext
    framework: Framework
    code: str
    name: str
    province: str
    index: float
    band: Band
    improvement: float | None
    rank: int
    total: int
    method_changed: bool
    previous_framework: Framework | None
    has_own_targets: bool
    benchmarks: pd.DataFrame
    trend: pd.DataFrame
    priority: pd.DataFrame
    opds: pd.DataFrame
    official: pd.DataFrame = field(default_factory=pd.DataFrame)   # published results beside Matra's
    ranks: tuple[str, ...] = ()   # province/kind and evaluation group ranks, worded (views.region.rank_lines)
    rank_figures: tuple[tuple[str, int, int], ...] = ()
    plans: dict[str, Plan] = field(default_factory=dict)

    @property
    def scope(self) -> str:
        """The filter text naming this region (for footers)."""
        return f"{self.name} ({self.code})"

    def dimension_names(self) -> dict[str, str]:
        return self.framework.dimension_names(self.context.lang)


def region_profile(store, region: str, year: int, stage: str, lang: str) -> RegionProfile:
    """The profile of `region` in (year, stage). Refuses an unknown region, a year/stage without
    data and a region that was not assessed then."""
    check_regions(store, [region])
    check_year_stage(store, year, stage)
    context = ReportContext.of(store, year, stage, lang)
    regions = store.regions().set_index("code")
    name = regions.loc[region, "name"]
    framework = store.framework_of(year, stage)
    ranking = store.ranking(year, stage).set_index("region_code")
    if region not in ranking.index or framework is None:
        raise ExportRefused("region.not_assessed", name=name, year=year, stage=stage)
    row = ranking.loc[region]
    targets = store.targets(region, year)
    grid = store.region_indicators(region, year, stage)
    return RegionProfile(
        context=context, framework=framework, code=region, name=name,
        province=regions.loc[region, "province_name"], index=float(row["index"]),
        band=band_for(row["index"], framework),
        improvement=None if pd.isna(row["improvement"]) else float(row["improvement"]),
        rank=int(row["rank"]), total=len(ranking), method_changed=bool(row["method_changed"]),
        previous_framework=store.framework_of(year - 1, stage),
        has_own_targets=bool(targets),
        benchmarks=_benchmarks(store, region, year, stage, framework, targets, regions, lang),
        trend=_trend(store, region, stage, framework, context),
        priority=top_priorities(grid, framework, targets),
        opds=opd_summary(grid, framework, targets),
        official=beside_computed(store.official_table(region=region), store.trend([region], stage, "index")),
        ranks=tuple(rank_lines(row, context.t, store.group_names(lang))),
        rank_figures=_rank_figures(row, context.t, store.group_names(lang), len(ranking)),
        plans=plans(grid, framework),
    )


def _rank_figures(row, t, group_names: dict[str, str], total: int) -> tuple[tuple[str, int, int], ...]:
    """The national rank, then the ranks within the province, among the same kind and within the
    evaluation group (when the region has one that year), each with its label."""
    figures = [(t("region.metric_rank"), int(row["rank"]), total),
               (t("reports.rank_province", province=row["province_name"]), int(row["province_rank"]),
                int(row["province_regions"])),
               (t(f"reports.rank_{row['kind']}"), int(row["kind_rank"]),
                int(row["kind_regions"]))]
    if pd.notna(row.get("group")):
        figures.append((t("reports.rank_group", group=group_names.get(row["group"], row["group"])),
                        int(row["group_rank"]), int(row["group_regions"])))
    return tuple(figures)


def _benchmarks(store, region, year, stage, framework, targets, regions, lang) -> pd.DataFrame:
    """The radar of the region page: the region against its province and national medians and its
    target, plus the gap table of the gaps page, one row per dimension in framework order."""
    table = region_benchmarks(framework, store.scores(year, stage, "dimension"), region, regions["province_code"],
                              targets)
    table.insert(1, "label", [d.name(lang) for d in framework.dimensions])
    return table


def _trend(store, region, stage, framework, context) -> pd.DataFrame:
    """Index and dimension scores over the years, named as the region page names its lines."""
    names = framework.dimension_names(context.lang)
    index = store.trend([region], stage, "index")
    dimensions = store.trend([region], stage, "dimension")
    trend = pd.concat([index.assign(series=context.t("word.index")),
                       dimensions.assign(series=dimensions["code"].map(names))], ignore_index=True)
    return trend[["year", "code", "series", "score"]]
