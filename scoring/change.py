"""Why a score changed between two years: the change of method, and the levels that moved.

The index change of one region splits exactly into
- a method effect: last year's levels scored with this year's framework minus with last year's
  (zero when both years use the same framework version), and
- level effects: each indicator whose counted level moved, scored with this year's framework
  (its index share x the level change), summed per dimension.
method_effect + sum(level effects) = index change, computed in exact arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from scoring.bands import shown_difference
from scoring.exact import as_fraction, exact_sum
from scoring.framework import Framework
from scoring.vocabulary import INDEX_SCOPE


@dataclass(frozen=True)
class ChangeBreakdown:
    """One region's index change between two years (unrounded floats of exact values).

    by_dimension: dimension, score_before (last year, its framework), score_after (this year),
    contribution (its level effects on the index change). by_indicator: indicator_code, dimension,
    from_level, to_level, contribution; only indicators whose counted level changed, largest
    |contribution| first."""

    index_before: float
    index_after: float
    index_change: float
    method_effect: float
    method_changed: bool
    by_dimension: pd.DataFrame
    by_indicator: pd.DataFrame

    @property
    def shown_change(self) -> float:
        """The change as the region header shows it: shown index after minus shown index before
        (scoring.bands.shown_difference, as the ranking's improvement)."""
        return shown_difference(self.index_after, self.index_before)


def _levels(grid: pd.DataFrame) -> dict[str, Fraction]:
    return {code: as_fraction(int(level)) for code, level in zip(grid["indicator_code"], grid["effective_level"],
                                                                strict=True)}


def change_breakdown(current_grid: pd.DataFrame, current: Framework,
                     previous_grid: pd.DataFrame, previous: Framework) -> ChangeBreakdown:
    """Split one region's index change from `previous_grid` (scored with `previous`) to
    `current_grid` (scored with `current`); both are `effective_levels` grids of the region."""
    now, before = _levels(current_grid), _levels(previous_grid)
    shares = current.shares_of(INDEX_SCOPE)
    index_after = exact_sum(now, shares)
    index_before = exact_sum(before, previous.shares_of(INDEX_SCOPE))
    before_at_current_method = exact_sum(before, shares)
    method_effect = before_at_current_method - index_before
    moved = []
    for indicator in current.indicators:
        start, end = before.get(indicator.code, Fraction(0)), now.get(indicator.code, Fraction(0))
        if start != end:
            moved.append({"indicator_code": indicator.code, "dimension": indicator.dimension,
                          "from_level": int(start), "to_level": int(end),
                          "exact": shares[indicator.code] * (end - start)})
    by_indicator = pd.DataFrame(moved, columns=["indicator_code", "dimension", "from_level", "to_level", "exact"])
    dimension_rows = []
    for dimension in current.dimensions:
        mine = by_indicator[by_indicator["dimension"] == dimension.code]
        contribution = sum(mine["exact"], Fraction(0))
        score_before = (exact_sum(before, previous.shares_of(dimension.code))
                        if dimension.code in {d.code for d in previous.dimensions} else None)
        dimension_rows.append({"dimension": dimension.code,
                               "score_before": None if score_before is None else float(score_before),
                               "score_after": float(exact_sum(now, current.shares_of(dimension.code))),
                               "contribution": float(contribution)})
    by_indicator["contribution"] = [float(value) for value in by_indicator["exact"]]
    by_indicator["size"] = by_indicator["contribution"].abs()
    by_indicator = by_indicator.sort_values(["size", "indicator_code"], ascending=[False, True], ignore_index=True)
    return ChangeBreakdown(
        index_before=float(index_before), index_after=float(index_after),
        index_change=float(index_after - index_before), method_effect=float(method_effect),
        method_changed=current.id != previous.id,
        by_dimension=pd.DataFrame(dimension_rows, columns=["dimension", "score_before", "score_after",
                                                           "contribution"]),
        by_indicator=by_indicator[["indicator_code", "dimension", "from_level", "to_level", "contribution"]],
    )
