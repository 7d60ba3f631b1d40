"""Claims against verification: what stage I claimed and what survived stage II.

Pure. Input: stage I rows and stage II rows (columns region_code, indicator_code, level,
claimed_level, evidence) of one or many regions of one year, and the framework of that year. Only
regions present in both stages are compared (stage II verifies a subset of stage I).

Per (region, indicator) the claim is the stage I self-assessed level (policy "claimed") and the
verified level is what counts in stage II under the stage II evidence policy. The outcome is
  not_claimed        the claim is 0;
  accepted           the verified level reaches the claim;
  evidence_missing   the claim counts less because its stage II evidence is not verified;
  lowered            the evidence is verified but for a lower level than claimed.
The last two are failed claims. `points_lost` is index_share x (claimed - verified): the index
points a group's failed claims cost, so the points lost of the dimensions (or OPDs, or indicators)
of a region add up to its claimed index minus its verified index.
"""

from __future__ import annotations

import pandas as pd

from scoring.aggregate import effective_levels
from scoring.framework import Framework

OUTCOMES = ("accepted", "lowered", "evidence_missing", "not_claimed")
FAILED = ("lowered", "evidence_missing")
GROUPINGS = ("index", "dimension", "indicator", "owner_opd")
SUMMARY_COLUMNS = ["claimed_index", "verified_index", "points_lost", "claims", "failed",
                   "failed_share", "evidence_missing_share", "lowered_share"]


def claim_outcomes(stage_one: pd.DataFrame, stage_two: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """One row per (region in both stages, framework indicator): region_code, indicator_code,
    dimension, element, chain, owner_opd, index_share, dimension_share, claimed, verified,
    evidence (stage II), outcome, lost (index points: index_share x (claimed - verified), negative
    when stage II verified more than claimed). Empty (same columns) when no region is in both stages."""
    both = sorted(set(stage_one["region_code"]) & set(stage_two["region_code"]))
    columns = ["region_code", "indicator_code", "dimension", "element", "chain", "owner_opd",
               "index_share", "dimension_share", "claimed", "verified", "evidence", "outcome", "lost"]
    if not both:
        return pd.DataFrame(columns=columns)
    claimed = effective_levels(stage_one[stage_one["region_code"].isin(both)], framework, "claimed")
    verified = effective_levels(stage_two[stage_two["region_code"].isin(both)], framework,
                                framework.policy_for_stage("II"))
    keys = ["region_code", "indicator_code"]
    grid = claimed.rename(columns={"effective_level": "claimed"}).merge(
        verified[[*keys, "effective_level", "evidence"]].rename(
            columns={"effective_level": "verified", "evidence": "evidence_two"}), on=keys)
    grid["evidence"] = grid["evidence_two"]
    grid["outcome"] = "lowered"
    grid.loc[grid["evidence"] != "verified", "outcome"] = "evidence_missing"
    grid.loc[grid["verified"] >= grid["claimed"], "outcome"] = "accepted"
    grid.loc[grid["claimed"] <= 0, "outcome"] = "not_claimed"
    grid["lost"] = grid["index_share"] * (grid["claimed"] - grid["verified"])   # the one count of points lost
    return grid[columns].sort_values(keys, ignore_index=True)


def claims_summary(outcomes: pd.DataFrame, by: str) -> pd.DataFrame:
    """Claimed against verified per group, averaged over the regions in `outcomes`.

    `by`: "index" (one row, key "index"), "dimension", "indicator" or "owner_opd". Columns: key,
    claimed_index and verified_index (the group's score on the 0-5 scale: the index, the dimension
    score, the indicator level, or for an OPD the index-share-weighted mean level of its
    indicators; mean over regions), points_lost (index points, mean over regions), claims (claims
    above 0), failed, failed_share, evidence_missing_share, lowered_share (shares of claims).
    Sorted by points lost, largest first (index: one row).
    """
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}")
    if outcomes.empty:
        return pd.DataFrame(columns=["key", *SUMMARY_COLUMNS])
    column = {"index": None, "indicator": "indicator_code"}.get(by, by)
    frame = outcomes.assign(key="index") if column is None else outcomes.assign(key=outcomes[column])
    weight = frame["dimension_share"] if by == "dimension" else frame["index_share"]
    if by == "indicator":
        weight = pd.Series(1.0, index=frame.index)
    frame = frame.assign(weight=weight, claimed_weighted=weight * frame["claimed"],
                         verified_weighted=weight * frame["verified"])
    per_region = frame.groupby(["key", "region_code"]).agg(
        weight=("weight", "sum"), claimed=("claimed_weighted", "sum"),
        verified=("verified_weighted", "sum"), lost=("lost", "sum")).reset_index()
    per_region["claimed_index"] = per_region["claimed"] / per_region["weight"]
    per_region["verified_index"] = per_region["verified"] / per_region["weight"]
    scores = per_region.groupby("key").agg(claimed_index=("claimed_index", "mean"),
                                           verified_index=("verified_index", "mean"),
                                           points_lost=("lost", "mean"))
    counts = frame.assign(claim=frame["outcome"] != "not_claimed",
                          failed=frame["outcome"].isin(FAILED),
                          missing=frame["outcome"] == "evidence_missing",
                          lowered=frame["outcome"] == "lowered").groupby("key")[
        ["claim", "failed", "missing", "lowered"]].sum()
    summary = scores.join(counts).reset_index()
    claims = summary["claim"].where(summary["claim"] > 0)
    summary = summary.assign(
        claims=summary["claim"].astype(int), failed=summary["failed"].astype(int),
        failed_share=(summary["failed"] / claims).fillna(0.0),
        evidence_missing_share=(summary["missing"] / claims).fillna(0.0),
        lowered_share=(summary["lowered"] / claims).fillna(0.0))
    summary = summary.sort_values(["points_lost", "key"], ascending=[False, True], ignore_index=True)
    return summary[["key", *SUMMARY_COLUMNS]]
