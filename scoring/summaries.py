"""Summaries of a ranking for the national views: headline figures, province roll-up, band counts.

Pure pandas over the frames the store returns (a ranking has region_code, province_code,
province_name, kind, index, band, improvement, rank_change).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Headline:
    regions_assessed: int
    median_index: float
    share_at_minimum_band: float   # share at the framework's minimum target band or above
    top_riser: str | None        # region_code with the largest improvement
    top_riser_change: float | None
    top_faller: str | None
    top_faller_change: float | None


def headline(ranking: pd.DataFrame, minimum_band: int) -> Headline:
    """Headline figures of a (possibly filtered) ranking; `minimum_band` is the framework's
    minimum_target_band (the share at that band or above)."""
    if ranking.empty:
        return Headline(0, float("nan"), float("nan"), None, None, None, None)
    moves = ranking.dropna(subset=["improvement"]).sort_values(["improvement", "region_code"])
    riser = moves.iloc[-1] if not moves.empty and moves["improvement"].iloc[-1] > 0 else None
    faller = moves.iloc[0] if not moves.empty and moves["improvement"].iloc[0] < 0 else None
    return Headline(
        regions_assessed=len(ranking),
        median_index=float(ranking["index"].median()),
        share_at_minimum_band=float((ranking["band"] >= minimum_band).mean()),
        top_riser=None if riser is None else riser["region_code"],
        top_riser_change=None if riser is None else float(riser["improvement"]),
        top_faller=None if faller is None else faller["region_code"],
        top_faller_change=None if faller is None else float(faller["improvement"]),
    )


MOVERS = 10   # the largest rises and falls a page, slide or export lists


def movers(table: pd.DataFrame, column: str = "improvement", count: int = MOVERS
           ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `count` largest rises and falls of `column` (a shown change: the ranking's improvement,
    an index pair's change), ties by region code. Only real moves: a flat region is neither."""
    moved = table.dropna(subset=[column])
    gains = moved[moved[column] > 0].sort_values([column, "region_code"], ascending=[False, True]).head(count)
    losses = moved[moved[column] < 0].sort_values([column, "region_code"]).head(count)
    return gains, losses


def province_summary(ranking: pd.DataFrame, band_levels: list[int]) -> pd.DataFrame:
    """Per province: regions, regions per band (band_1..band_5), median, min, max, spread
    (max - min), regions that moved up and down since last year. Sorted by median, highest first."""
    if ranking.empty:
        return pd.DataFrame()
    grouped = ranking.groupby(["province_code", "province_name"])
    summary = grouped["index"].agg(regions="size", median="median", lowest="min", highest="max")
    summary["spread"] = summary["highest"] - summary["lowest"]
    for level in band_levels:
        summary[f"band_{level}"] = grouped["band"].apply(lambda s, lv=level: int((s == lv).sum()))
    summary["moved_up"] = grouped["improvement"].apply(lambda s: int((s > 0).sum()))
    summary["moved_down"] = grouped["improvement"].apply(lambda s: int((s < 0).sum()))
    return summary.reset_index().sort_values(["median", "province_code"], ascending=[False, True],
                                             ignore_index=True)


def band_counts(dimension_scores: pd.DataFrame) -> pd.DataFrame:
    """Regions per (dimension, band). Input: region_code, dimension, score, band."""
    counts = dimension_scores.groupby(["dimension", "band"]).size().rename("regions").reset_index()
    return counts


def filter_regions(ranking: pd.DataFrame, provinces=(), kind: str | None = None,
                   cohort_codes: set[str] | None = None) -> pd.DataFrame:
    """Rows of a ranking in the chosen provinces (all when empty), kind, and cohort regions."""
    rows = ranking
    if provinces:
        rows = rows[rows["province_code"].isin(list(provinces))]
    if kind:
        rows = rows[rows["kind"] == kind]
    if cohort_codes is not None:
        rows = rows[rows["region_code"].isin(cohort_codes)]
    return rows


def dimension_benchmarks(dimension_scores: pd.DataFrame, region: str, province_codes: pd.Series
                         ) -> pd.DataFrame:
    """One region's dimension scores beside its province's and the national median.

    `dimension_scores`: region_code, dimension, score (all regions of a year and stage);
    `province_codes`: region_code -> province_code. Output: dimension, score, province_median,
    national_median (NaN score when the region was not assessed).
    """
    national = dimension_scores.groupby("dimension")["score"].median().rename("national_median")
    province = province_codes.get(region)
    same_province = dimension_scores["region_code"].map(province_codes) == province
    provincial = (dimension_scores[same_province].groupby("dimension")["score"].median()
                  .rename("province_median"))
    own = dimension_scores[dimension_scores["region_code"] == region].set_index("dimension")["score"]
    table = pd.concat([own.rename("score"), provincial, national], axis=1)
    return table.rename_axis("dimension").reset_index()


def strengths_and_weaknesses(element_scores: pd.DataFrame, count: int = 3
                             ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The `count` strongest and weakest elements of one region (element_scores: element, score)."""
    ordered = element_scores.sort_values(["score", "element"], ascending=[False, True])
    return ordered.head(count), ordered.tail(count).iloc[::-1]
