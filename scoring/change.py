"""Year-on-year improvement, flagging a change of framework version between the two years."""

from __future__ import annotations

import pandas as pd


def improvement(current: pd.DataFrame, previous: pd.DataFrame, *, current_framework: str,
                previous_framework: str | None, keys: tuple[str, ...] = ("region_code",)
                ) -> pd.DataFrame:
    """Score this year minus the score the year before (same stage), per key.

    `current` and `previous` have the key columns and `score`. Output: keys, score,
    previous_score (NA when not assessed the year before), improvement, method_changed (True when
    the two years were scored with different framework versions: the change is then partly a
    change of method, and the UI must say so).
    """
    keys = list(keys)
    merged = current[[*keys, "score"]].merge(
        previous[[*keys, "score"]].rename(columns={"score": "previous_score"}), on=keys, how="left")
    merged["improvement"] = merged["score"] - merged["previous_score"]
    changed = previous_framework is not None and previous_framework != current_framework
    merged["method_changed"] = changed & merged["previous_score"].notna()
    return merged


def index_change_breakdown(current_grid: pd.DataFrame, previous_grid: pd.DataFrame) -> pd.DataFrame:
    """Why the index moved: each indicator's contribution this year minus last year.

    Both grids are one region's `effective_levels` (with index_share and dimension_share). An
    indicator contributes index_share x effective_level, so the contributions' differences add up
    exactly to the index change, even when the framework (and with it the shares) changed.
    Output: indicator_code, dimension, previous_level, effective_level, level_change,
    index_contribution, dimension_contribution; sorted by |index_contribution|, largest first.
    """
    columns = ["indicator_code", "dimension", "effective_level", "index_share", "dimension_share"]
    merged = current_grid[columns].merge(
        previous_grid[columns].rename(columns={"effective_level": "previous_level",
                                               "index_share": "previous_index_share",
                                               "dimension_share": "previous_dimension_share",
                                               "dimension": "previous_dimension"}),
        on="indicator_code", how="outer")
    merged["dimension"] = merged["dimension"].fillna(merged["previous_dimension"])
    for column in ("effective_level", "previous_level", "index_share", "previous_index_share",
                   "dimension_share", "previous_dimension_share"):
        merged[column] = merged[column].fillna(0.0)
    merged["level_change"] = merged["effective_level"] - merged["previous_level"]
    merged["index_contribution"] = (merged["index_share"] * merged["effective_level"]
                                    - merged["previous_index_share"] * merged["previous_level"])
    merged["dimension_contribution"] = (merged["dimension_share"] * merged["effective_level"]
                                        - merged["previous_dimension_share"] * merged["previous_level"])
    merged = merged.assign(size=merged["index_contribution"].abs())
    merged = merged.sort_values(["size", "indicator_code"], ascending=[False, True], ignore_index=True)
    return merged[["indicator_code", "dimension", "previous_level", "effective_level", "level_change",
                   "index_contribution", "dimension_contribution"]]


def change_by_dimension(breakdown: pd.DataFrame, dimensions: list[str]) -> pd.Series:
    """The index change per dimension: the sum of its indicators' index contributions (from
    `index_change_breakdown`), in the order of `dimensions` (0 for a dimension with no change)."""
    return breakdown.groupby("dimension")["index_contribution"].sum().reindex(dimensions, fill_value=0.0)
