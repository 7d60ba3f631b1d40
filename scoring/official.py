"""Published (official) results beside Matra's own scores: the check of a published index against
its published components, and the ranking of published figures among themselves.

A published index is a fact and stands as published: it is never recomputed or re-rounded here.
Its components are themselves rounded to two decimals, so the index recomputed from them (with
that year's chain weights, exactly, rounded half up by `round_score`) can differ from it by 0.01;
a larger difference means a wrong weight or a typo. Values arrive as the decimal text stored
("3.48"); a float of such text has that decimal as its shortest repr, which is what
`scoring.exact.as_fraction` reads, so nothing here loses the written decimal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd

from scoring.aggregate import CHAIN_TYPES, smart_city_index
from scoring.bands import round_score, shown_difference
from scoring.ranking import shared_ranks

TOLERANCE = 0.01   # the most two rounded components can move a two-decimal index
WeightsFor = Callable[[int], Mapping[str, float] | None]


def _number(text) -> float | None:
    if text is None or (not isinstance(text, str) and pd.isna(text)) or str(text).strip() == "":
        return None
    return float(text)


def recomputed_index(components: Mapping[str, object], weights: Mapping[str, float] | None) -> float | None:
    """The index from the five published components with `weights` (chain type -> weight), shown
    (two decimals, half up); None when a component or the weights are missing."""
    values = {chain: _number(components.get(chain)) for chain in CHAIN_TYPES}
    if weights is None or any(value is None for value in values.values()):
        return None
    return round_score(smart_city_index(values, weights))


def with_recomputed(table: pd.DataFrame, weights_for: WeightsFor) -> pd.DataFrame:
    """`table` (official rows: year, index, baseline ... quick_win as decimal text) with two columns
    added: recomputed (float, two decimals; NA without all five components or weights) and
    difference (published minus recomputed, two decimals; NA likewise)."""
    result = table.copy()
    recomputed = [recomputed_index(row, weights_for(int(row["year"]))) for row in table.to_dict("records")]
    result["recomputed"] = pd.Series(recomputed, index=table.index, dtype="Float64")
    result["difference"] = pd.Series(
        [pd.NA if again is None else shown_difference(float(published), again)
         for published, again in zip(table["index"], recomputed, strict=True)],
        index=table.index, dtype="Float64")
    return result


def beyond_tolerance(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a `with_recomputed` table whose published index differs from the recomputed one
    by more than TOLERANCE (a wrong weight or a typo)."""
    return table[table["difference"].abs().gt(TOLERANCE).fillna(False)]


def official_ranking(current: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """The published figures of one year ranked among themselves.

    current / previous: region_code, index (decimal text as published). Output, best first:
    region_code, index (unchanged text), rank (competition ranks of the published values: 1, 2, 2,
    4), previous_index (text, NA when none), change (published minus last year's published, NA
    when none)."""
    table = current[["region_code", "index"]].copy()
    table["value"] = table["index"].astype(float)
    table = table.sort_values(["value", "region_code"], ascending=[False, True], ignore_index=True)
    table["rank"] = shared_ranks(table["value"])
    before = previous[["region_code", "index"]].rename(columns={"index": "previous_index"})
    table = table.merge(before, on="region_code", how="left")
    table["change"] = pd.Series([pd.NA if pd.isna(then) else shown_difference(now, float(then))
                                 for now, then in zip(table["value"], table["previous_index"], strict=True)],
                                dtype="Float64")
    return table.drop(columns=["value"])


def beside_computed(official: pd.DataFrame, computed: pd.DataFrame) -> pd.DataFrame:
    """A region's published figures beside Matra's computed index of the same years.

    official: year, index (decimal text as published), rank, rank_of, predicate, source, source_url;
    computed: year, score (Matra's unrounded index). Output per published year, oldest first: the
    official columns unchanged, computed (NA when Matra has no score that year), difference (published
    minus Matra's shown value, two decimals; NA likewise) and differs (True when |difference| > 0.01)."""
    scores = dict(zip(computed["year"].astype(int), computed["score"], strict=True))
    table = official.sort_values("year").reset_index(drop=True).copy()
    table["computed"] = pd.Series([scores.get(int(year), pd.NA) for year in table["year"]], dtype="Float64")
    table["difference"] = pd.Series(
        [pd.NA if pd.isna(mine) else shown_difference(float(published), float(mine))
         for published, mine in zip(table["index"], table["computed"], strict=True)], dtype="Float64")
    table["differs"] = table["difference"].abs().gt(TOLERANCE).fillna(False).astype(bool)
    return table
