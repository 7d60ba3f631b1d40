"""Indicator -> element -> dimension scores, chain components and the Indeks Smart City.

Input assessments are one row per (region, indicator): columns region_code, indicator_code, level
(0-5), claimed_level (0-5 or NA) and evidence (verified | submitted | missing). An indicator of the
framework that a region has no row for counts as level 0: nothing was shown for it.
Every score is on the 0-5 scale and unrounded; round only for display (`round_score`).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import pandas as pd

from scoring.bands import band_levels
from scoring.exact import as_fraction, exact_shares, exact_sum, weighted_sums
from scoring.framework import CHAIN_TYPES, Framework
from scoring.vocabulary import INDEX_CODE, INDEX_SCOPE

__all__ = [
    "CHAIN_TYPES",
    "chain_scores",
    "dimension_scores",
    "effective_levels",
    "element_scores",
    "index_scores",
    "region_scores",
    "scope_score",
    "smart_city_index",
]


def effective_levels(assessments: pd.DataFrame, framework: Framework,
                     policy: str | None = None) -> pd.DataFrame:
    """Every (region, framework indicator) with the level that counts under the evidence policy.

    A verified level counts as given. An unverified one (submitted or missing evidence) counts as 0
    under policy "zero" (the default of the framework) or as its claimed level under "claimed".
    Output columns: region_code, indicator_code, level, claimed_level, evidence, effective_level,
    plus the framework's indicator_table columns (dimension, element, chain, shares, owner_opd...).
    """
    policy = policy or framework.unverified_counts_as
    table = framework.indicator_table
    regions = pd.Series(assessments["region_code"].unique(), name="region_code", dtype=object)
    grid = regions.to_frame().merge(table, how="cross")
    columns = ["region_code", "indicator_code", "level", "claimed_level", "evidence"]
    present = assessments[[c for c in columns if c in assessments.columns]].copy()
    present["region_code"] = present["region_code"].astype(object)
    present["indicator_code"] = present["indicator_code"].astype(object)
    grid = grid.merge(present, on=["region_code", "indicator_code"], how="left")
    if "claimed_level" not in grid:
        grid["claimed_level"] = pd.NA
    grid["level"] = pd.to_numeric(grid["level"]).fillna(0).astype(float)
    grid["evidence"] = grid["evidence"].fillna("missing").astype(object)
    verified = grid["evidence"] == "verified"
    if policy == "claimed":
        claimed = pd.to_numeric(grid["claimed_level"]).astype(float)
        unverified_value = claimed.fillna(grid["level"])
    else:
        unverified_value = 0.0
    grid["effective_level"] = grid["level"].where(verified, unverified_value).astype(float)
    return grid


def _weighted(grid: pd.DataFrame, keys: list[str], share: str, framework: Framework) -> pd.DataFrame:
    """Exact sum(share x effective level) per group (see scoring.exact)."""
    return weighted_sums(grid, keys, framework.exact_shares[share])


def element_scores(assessments: pd.DataFrame, framework: Framework, *,
                   grid: pd.DataFrame | None = None) -> pd.DataFrame:
    """Weighted mean of each element's indicators. Columns: region_code, dimension, element, score."""
    grid = effective_levels(assessments, framework) if grid is None else grid
    return _weighted(grid, ["region_code", "dimension", "element"], "element_share", framework)


def dimension_scores(assessments: pd.DataFrame, framework: Framework, *,
                     grid: pd.DataFrame | None = None) -> pd.DataFrame:
    """Weighted mean of each dimension's elements. Columns: region_code, dimension, score, band."""
    grid = effective_levels(assessments, framework) if grid is None else grid
    scores = _weighted(grid, ["region_code", "dimension"], "dimension_share", framework)
    scores["band"] = band_levels(scores["score"], framework)
    return scores


def chain_scores(assessments: pd.DataFrame, framework: Framework, *,
                 grid: pd.DataFrame | None = None) -> pd.DataFrame:
    """Weighted mean of the indicators of each chain type. Columns: region_code, chain, score."""
    grid = effective_levels(assessments, framework) if grid is None else grid
    return _weighted(grid, ["region_code", "chain"], "chain_share", framework)


def scope_rows(region_grid: pd.DataFrame, scope: str) -> pd.DataFrame:
    """The grid rows that make up a scope: every indicator for the index, a dimension's otherwise."""
    return region_grid if scope == INDEX_SCOPE else region_grid[region_grid["dimension"] == scope]


def exact_scope_score(region_grid: pd.DataFrame, framework: Framework, scope: str = INDEX_SCOPE) -> Fraction:
    """The exact score of a scope (INDEX_SCOPE or a dimension code) from one region's grid."""
    rows = scope_rows(region_grid, scope)
    return exact_sum(dict(zip(rows["indicator_code"], rows["effective_level"], strict=True)),
                     framework.shares_of(scope))


def scope_score(region_grid: pd.DataFrame, framework: Framework, scope: str = INDEX_SCOPE) -> float:
    """The score of a scope from one region's grid, unrounded: the one index (and dimension score)
    of a single region, used by the plan, the what-if and the action views alike."""
    return float(exact_scope_score(region_grid, framework, scope))


def smart_city_index(components: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """The index from its chain components (published ones: scoring.official): sum(weight x component)
    / sum(weights), unrounded. A chain type missing from `components` counts as 0; weights may be
    fractions or percentages. The sum is the one exact weighted sum (`scoring.exact.exact_sum`), so
    components 3.84/3.18/3.53/3.63/3.35 with weights 10/20/30/20/20 give exactly 3.475 (shown 3.48)."""
    unknown = set(components) - set(weights)
    if unknown:
        raise KeyError(f"no weight for chain types {sorted(unknown)}")
    if sum((as_fraction(weight) for weight in weights.values()), Fraction(0)) <= 0:
        raise ValueError("chain weights must add up to more than 0")
    shares = exact_shares(weights, dict.fromkeys(weights, INDEX_SCOPE))
    return float(exact_sum({chain: components.get(chain, 0) for chain in weights}, shares))


def index_scores(assessments: pd.DataFrame, framework: Framework, *,
                 grid: pd.DataFrame | None = None) -> pd.DataFrame:
    """The Indeks Smart City per region. Columns: region_code, index, band."""
    grid = effective_levels(assessments, framework) if grid is None else grid
    # sum(index_share x level) is sum(chain weight x chain component), computed exactly in one pass
    result = _weighted(grid, ["region_code"], "index_share", framework).rename(columns={"score": "index"})
    result["band"] = band_levels(result["index"], framework)
    return result


def region_scores(assessments: pd.DataFrame, framework: Framework,
                  policy: str | None = None) -> pd.DataFrame:
    """Every score of every region in one long table (the pre-aggregated snapshot table).
    `policy` is the evidence policy (default the framework's; see Framework.policy_for_stage).

    Columns: region_code, kind (index | dimension | chain | element), dimension (for dimension and
    element rows), code (dimension, chain or element code; INDEX_CODE for the index), score, band
    (band level for index and dimension rows, NA otherwise).
    """
    grid = effective_levels(assessments, framework, policy)
    index = index_scores(assessments, framework, grid=grid).rename(columns={"index": "score"})
    index = index.assign(kind="index", dimension=pd.NA, code=INDEX_CODE)
    dimensions = dimension_scores(assessments, framework, grid=grid)
    dimensions = dimensions.assign(kind="dimension", code=dimensions["dimension"])
    chains = chain_scores(assessments, framework, grid=grid)
    chains = chains.rename(columns={"chain": "code"}).assign(kind="chain", dimension=pd.NA, band=pd.NA)
    elements = element_scores(assessments, framework, grid=grid)
    elements = elements.rename(columns={"element": "code"}).assign(kind="element", band=pd.NA)
    columns = ["region_code", "kind", "dimension", "code", "score", "band"]
    frames = [frame[columns].astype({"band": "Int64", "dimension": object})
              for frame in (index, dimensions, chains, elements)]
    combined = pd.concat(frames, ignore_index=True)
    return combined.sort_values(["region_code", "kind", "code"], ignore_index=True)
