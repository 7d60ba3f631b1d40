"""Ranks, change and "too close to call" on the values a person reads.

- Regions with the same shown index (two decimals) share a rank: 1, 2, 2, 4.
- Rank change compares ranks among the regions assessed in both years, so regions that joined
  this year do not push everyone down; how many joined is counted separately.
- The change shown is the difference of the two shown values (never -0.00).
- Two neighbours in the ranking are too close to call when their shown values are equal or their
  indices differ by less than the smallest change one indicator moving one level can make in the
  framework (`Framework.smallest_step`): one verification could swap them.
"""

from __future__ import annotations

import pandas as pd

from scoring.bands import band_levels, round_score, shown_difference

RANKING_COLUMNS = ["rank", "region_code", "name", "province_code", "province_name", "kind", "index", "shown",
                   "band", "province_rank", "province_regions", "kind_rank", "kind_regions", "group", "group_rank",
                   "group_regions", "previous_index",
                   "previous_shown", "previous_rank", "rank_change", "improvement", "new", "method_changed",
                   "too_close_to_call"]


def shared_ranks(shown: pd.Series) -> pd.Series:
    """Competition ranks of shown values, highest first: equal values share a rank (1, 2, 2, 4)."""
    return shown.rank(method="min", ascending=False).astype("Int64")


def ranking_table(current: pd.DataFrame, previous: pd.DataFrame, *, smallest_step: float) -> pd.DataFrame:
    """A ranking of one year and stage against the year before.

    current / previous: region_code, index, framework_id (previous may be empty).
    Output, best first: region_code, index, shown, rank, previous_index, previous_shown,
    previous_rank (last year's rank among all then assessed), rank_change (rank among regions in
    both years: last year's minus this year's; positive = moved up; NA for a new region),
    improvement (shown - previous shown; NA for a new region), new (not assessed the year before),
    method_changed, too_close_to_call.
    """
    table = current[["region_code", "index", "framework_id"]].copy()
    table["shown"] = table["index"].map(round_score)
    table = table.sort_values(["shown", "index", "region_code"], ascending=[False, False, True], ignore_index=True)
    table["rank"] = shared_ranks(table["shown"])
    before = previous[["region_code", "index", "framework_id"]].rename(
        columns={"index": "previous_index", "framework_id": "previous_framework_id"}).copy()
    before["previous_shown"] = before["previous_index"].map(round_score)
    before["previous_rank"] = shared_ranks(before["previous_shown"]) if len(before) else pd.Series(dtype="Int64")
    table = table.merge(before, on="region_code", how="left")
    table["new"] = table["previous_index"].isna()
    both = table[~table["new"]]
    rank_now = shared_ranks(both["shown"])
    rank_then = shared_ranks(both["previous_shown"])
    table["rank_change"] = (rank_then - rank_now).reindex(table.index).astype("Int64")
    pairs = zip(table["new"], table["index"], table["previous_index"], strict=True)
    table["improvement"] = [pd.NA if new else shown_difference(now, then) for new, now, then in pairs]
    table["improvement"] = table["improvement"].astype("Float64")
    table["method_changed"] = (~table["new"]) & (table["previous_framework_id"] != table["framework_id"])
    table["too_close_to_call"] = _close_calls(table, smallest_step)
    return table.drop(columns=["previous_framework_id"])


def _close_calls(table: pd.DataFrame, smallest_step: float) -> pd.Series:
    index, shown = table["index"], table["shown"]
    above = (index.shift(1) - index < smallest_step) | (shown.shift(1) == shown)
    below = (index - index.shift(-1) < smallest_step) | (shown.shift(-1) == shown)
    return (above.fillna(False) | below.fillna(False)).astype(bool)


def group_ranks(table: pd.DataFrame, column: str) -> pd.Series:
    """`shared_ranks` of the shown index within each group of `column` (province_code, kind); NA without a group."""
    return table.groupby(column)["shown"].transform(shared_ranks).reindex(table.index).astype("Int64")


def national_ranking(current: pd.DataFrame, previous: pd.DataFrame, framework, regions: pd.DataFrame,
                     groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """A year and stage's ranking (`ranking_table`) with region names, the band of the shown value,
    and the rank within the province, among regions of the same kind and within the evaluation group
    (shared ranks of the shown index). current / previous as for ranking_table; `framework` the year's;
    `regions` the region list (code, name, province_code, province_name, kind); `groups` (region_code,
    group) the year's evaluation groups, data read from data/groups/ (a region not in it has no group
    rank). Columns: RANKING_COLUMNS, best first."""
    if current.empty:
        return pd.DataFrame(columns=RANKING_COLUMNS)
    table = ranking_table(current, previous, smallest_step=framework.smallest_step)
    table["band"] = band_levels(table["index"], framework)
    names = regions.rename(columns={"code": "region_code"})[["region_code", "name", "province_code", "province_name",
                                                              "kind"]]
    table = table.merge(names, on="region_code", how="left")
    groups = groups if groups is not None else pd.DataFrame(columns=["region_code", "group"])
    table["group"] = table["region_code"].map(dict(zip(groups["region_code"], groups["group"], strict=True)))
    for column, prefix in (("province_code", "province"), ("kind", "kind"), ("group", "group")):
        table[f"{prefix}_rank"] = group_ranks(table, column)
        table[f"{prefix}_regions"] = table.groupby(column)["region_code"].transform("size").astype("Int64")
    return table[RANKING_COLUMNS]
