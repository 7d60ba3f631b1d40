"""Gaps to target, the priority of indicators and the OPDs that hold a region back.

All functions take the effective-level grid of ONE region (`effective_levels(...)` filtered to it).
Gaps and "target met" use shown values (two decimals, half up), like everything a person reads:
a score shown as 2.60 against a target of 2.60 has gap 0.00 and meets it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

import pandas as pd

from scoring.bands import band_for, round_score
from scoring.framework import Framework
from scoring.plan import VERIFY, action_priority, counted_and_verifiable


def default_target(framework: Framework) -> float:
    """The national minimum target: the lower bound of the framework's minimum band ("Baik", 2.5)."""
    level = framework.minimum_target_band
    return next(band.lower for band in framework.bands if band.level == level)


def gap_table(dimension_scores: pd.DataFrame, framework: Framework,
              targets: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Gap to target per dimension of one region, on shown values.

    `dimension_scores` has columns dimension, score. `targets` maps dimension -> target score (the
    region's own, from RPJMD/masterplan); a dimension without one gets the national minimum.
    Output columns: dimension, score (unrounded), shown (two decimals), band (level of the shown
    value), target (two decimals), target_source (region | national_minimum), gap (target - shown,
    two decimals; negative when the target is exceeded), met (gap <= 0).
    """
    targets = targets or {}
    fallback = default_target(framework)
    table = dimension_scores[["dimension", "score"]].copy()
    own = table["dimension"].map(lambda d: targets.get(d))
    table["shown"] = table["score"].map(round_score)
    table["band"] = table["shown"].map(lambda shown: band_for(shown, framework).level)
    table["target"] = own.fillna(fallback).astype(float).map(round_score)
    table["target_source"] = own.notna().map({True: "region", False: "national_minimum"})
    table["gap"] = [round_score(target - shown) for target, shown in zip(table["target"], table["shown"], strict=True)]
    table["met"] = table["gap"] <= 0
    return table.reset_index(drop=True)


def target_level(target: float, max_level: int) -> int:
    """The whole level an indicator needs for a dimension target: 2.6 -> 3, 3.0 -> 3 (at most max_level)."""
    return min(max_level, math.ceil(Fraction(repr(float(target)))))


def indicator_priority(region_grid: pd.DataFrame, framework: Framework,
                       targets: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Every indicator with an action left, ranked by the index gain of its next action (see
    `scoring.plan.action_priority`), plus target_level (its dimension target rounded up to a whole
    level) and below_target (counted level under it)."""
    targets = targets or {}
    fallback = default_target(framework)
    table = action_priority(region_grid, framework)
    table["target_level"] = table["dimension"].map(
        lambda d: target_level(targets.get(d, fallback), framework.max_level)).astype(int)
    table["below_target"] = table["effective_level"] < table["target_level"]
    return table


def opd_summary(region_grid: pd.DataFrame, framework: Framework,
                targets: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Per owner OPD: indicators owned; index_gain (the index one next action on each of its
    indicators would add); verify_gain (the index its recorded levels would add once verified);
    below_target (indicators counted under the target level); missing_evidence (recorded levels not
    counted for want of verified evidence); over_claims (rows verified lower than claimed, i.e.
    rejected claims). Sorted by index_gain, largest first, then OPD."""
    priority = indicator_priority(region_grid, framework, targets)
    shares = framework.shares_of("index")
    rows = []
    for owner, owned in region_grid.groupby("owner_opd", sort=True):
        mine = priority[priority["owner_opd"] == owner]
        verify_gain = Fraction(0)
        missing = 0
        for _, row in owned.iterrows():
            counted, verifiable = counted_and_verifiable(row)
            if verifiable is not None:
                verify_gain += shares[row["indicator_code"]] * (verifiable - counted)
                missing += 1
        claimed = pd.to_numeric(owned["claimed_level"]).astype(float)
        over = ((owned["evidence"] == "verified") & (claimed > owned["level"])).sum()
        rows.append({"owner_opd": owner, "indicators": len(owned), "index_gain": float(mine["index_gain"].sum()),
                     "verify_gain": float(verify_gain), "verifications": int((mine["next_action"] == VERIFY).sum()),
                     "below_target": int(mine["below_target"].sum()), "missing_evidence": missing,
                     "over_claims": int(over)})
    summary = pd.DataFrame(rows)
    return summary.sort_values(["index_gain", "owner_opd"], ascending=[False, True], ignore_index=True)
