"""Gaps to target, indicator priority and the path to the next band.

All functions take the effective-level grid of ONE region (`effective_levels(...)` filtered to it),
so they share its shares: a score is sum(share x effective level), and raising one indicator by one
level raises a dimension by its dimension_share and the index by its index_share.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from scoring.bands import BOUNDARY_TOLERANCE, band_for
from scoring.framework import MAX_LEVEL, Framework

INDEX_SCOPE = "index"


def default_target(framework: Framework) -> float:
    """The national minimum target: the lower bound of the framework's minimum band ("Baik", 2.6)."""
    level = framework.minimum_target_band
    return next(band.lower for band in framework.bands if band.level == level)


def gap_table(dimension_scores: pd.DataFrame, framework: Framework,
              targets: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Gap to target per dimension of one region.

    `dimension_scores` has columns dimension, score. `targets` maps dimension -> target score (the
    region's own, from RPJMD/masterplan); a dimension without one gets the national minimum.
    Output columns: dimension, score, target, target_source (region | national_minimum),
    gap (target - score; negative when the target is exceeded), met (bool).
    """
    targets = targets or {}
    fallback = default_target(framework)
    table = dimension_scores[["dimension", "score"]].copy()
    own = table["dimension"].map(lambda d: targets.get(d))
    table["target"] = own.fillna(fallback).astype(float)
    table["target_source"] = own.notna().map({True: "region", False: "national_minimum"})
    table["gap"] = table["target"] - table["score"]
    table["met"] = table["gap"] <= BOUNDARY_TOLERANCE
    return table.reset_index(drop=True)


def indicator_priority(region_grid: pd.DataFrame, framework: Framework,
                       targets: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Indicators ranked by the index gain if each reached its target level.

    An indicator's target level is the dimension target rounded up to a whole level (2.6 -> 3).
    Output: the grid's columns plus target_level, level_gap, index_gain (index_share x level_gap)
    and dimension_gain, sorted by index_gain (largest first), then code.
    """
    targets = targets or {}
    fallback = default_target(framework)
    table = region_grid.copy()
    target_score = table["dimension"].map(lambda d: targets.get(d, fallback)).astype(float)
    table["target_level"] = target_score.map(lambda t: min(MAX_LEVEL, math.ceil(t - 1e-9)))
    table["level_gap"] = (table["target_level"] - table["effective_level"]).clip(lower=0)
    table["index_gain"] = table["index_share"] * table["level_gap"]
    table["dimension_gain"] = table["dimension_share"] * table["level_gap"]
    return table.sort_values(["index_gain", "indicator_code"], ascending=[False, True],
                             ignore_index=True)


@dataclass(frozen=True)
class Upgrade:
    """Raise one indicator from `from_level` to `to_level` (each level one step of the plan).

    `evidence_only` is True when the region already claims that level and only needs the
    evidence verified; `gain` is the score increase in the plan's scope.
    """

    indicator_code: str
    from_level: int
    to_level: int
    gain: float
    evidence_only: bool

    @property
    def steps(self) -> int:
        return self.to_level - self.from_level


def _evidence_level(row) -> float:
    """The level an indicator would count at with its evidence verified (no new work)."""
    candidates = [row["effective_level"]]
    if row["evidence"] != "verified":
        candidates.append(row["level"])
    claimed = row.get("claimed_level")
    if claimed is not None and not pd.isna(claimed):
        candidates.append(float(claimed))
    return min(MAX_LEVEL, max(candidates))


def path_to_next_band(region_grid: pd.DataFrame, framework: Framework,
                      scope: str = INDEX_SCOPE) -> tuple[list[Upgrade], float | None]:
    """The fewest one-level upgrades that lift `scope` (a dimension code or "index") a band.

    Returns (upgrades, target_lower): evidence-only upgrades first, then by gain. `target_lower` is
    the lower bound of the next band, or None with an empty plan when the score is already in the
    top band or cannot reach it. Taking the largest shares first is optimal for the count, because
    every step of one indicator adds the same share; among equal shares evidence-only steps win.
    """
    share_column = "index_share" if scope == INDEX_SCOPE else "dimension_share"
    rows = region_grid if scope == INDEX_SCOPE else region_grid[region_grid["dimension"] == scope]
    score = float((rows[share_column] * rows["effective_level"]).sum())
    current = band_for(score, framework)
    higher = [band for band in framework.bands if band.level == current.level + 1]
    if not higher:
        return [], None
    target = higher[0].lower
    needed = target - score - BOUNDARY_TOLERANCE
    evidence_steps, work_steps = [], []
    for _, row in rows.iterrows():
        start, evidence_until = int(row["effective_level"]), int(_evidence_level(row))
        for level in range(start, MAX_LEVEL):
            step = (row[share_column], row["indicator_code"], level)
            (evidence_steps if level < evidence_until else work_steps).append(step)
    chosen = _fewest_steps(evidence_steps, work_steps, needed)
    if chosen is None:
        return [], None
    grouped: dict[tuple[str, bool], list] = {}
    for share, code, level, evidence_only in chosen:
        grouped.setdefault((code, evidence_only), []).append((level, share))
    upgrades = [
        Upgrade(code, min(lv for lv, _ in picks), max(lv for lv, _ in picks) + 1,
                sum(share for _, share in picks), evidence_only)
        for (code, evidence_only), picks in grouped.items()
    ]
    upgrades.sort(key=lambda u: (not u.evidence_only, -u.gain, u.indicator_code))
    return upgrades, target


def _by_share(steps: list[tuple]) -> list[tuple]:
    return sorted(steps, key=lambda step: (-step[0], step[1], step[2]))


def _fewest_steps(evidence_steps: list[tuple], work_steps: list[tuple], needed: float):
    """The fewest steps whose shares add up to `needed`, with as many evidence-only ones as that
    count allows. Steps are (share, code, level); the result adds an evidence_only flag.

    The count: taking the largest shares first is optimal (all steps of one indicator share one
    value). Then, for that count, try the most evidence-only steps first; an indicator's new-work
    steps may only follow all of its evidence-only steps.
    """
    everything = _by_share([(*s, True) for s in evidence_steps] + [(*s, False) for s in work_steps])
    total, count = 0.0, 0
    for share, *_ in everything:
        if total >= needed:
            break
        total += share
        count += 1
    if total < needed:
        return None
    evidence_sorted = _by_share(evidence_steps)
    for evidence_count in range(min(count, len(evidence_sorted)), -1, -1):
        picked = _by_share(evidence_sorted[:evidence_count])
        pending = {code for _, code, _ in evidence_sorted[evidence_count:]}
        open_work = [s for s in _by_share(work_steps) if s[1] not in pending]
        plan = [(*s, True) for s in picked] + [(*s, False) for s in open_work[:count - evidence_count]]
        if len(plan) == count and sum(step[0] for step in plan) >= needed:
            return plan
    return [step for step in everything[:count]]


def opd_summary(priority: pd.DataFrame) -> pd.DataFrame:
    """Per owner OPD, from `indicator_priority` output: indicators owned, index gain if all reached
    their target, indicators below target, missing evidence (a level shown but not verified) and
    over-claims (claimed level above the verified level). Sorted by index gain, largest first."""
    table = priority.assign(
        below_target=priority["level_gap"] > 0,
        missing_evidence=(priority["evidence"] != "verified") & (priority["level"] > 0),
        over_claim=pd.to_numeric(priority["claimed_level"]).fillna(-1) > priority["level"],
    )
    summary = table.groupby("owner_opd").agg(
        indicators=("indicator_code", "size"), index_gain=("index_gain", "sum"),
        below_target=("below_target", "sum"), missing_evidence=("missing_evidence", "sum"),
        over_claims=("over_claim", "sum"))
    return summary.reset_index().sort_values(["index_gain", "owner_opd"], ascending=[False, True],
                                             ignore_index=True)
