"""Peer sets for comparison: same province, same kind, same cohort, nearest by distance, or the
most similar profile (nearest on dimension scores). Pure pandas; deterministic (ties by code)."""

from __future__ import annotations

import math

import pandas as pd

PEER_METHODS = ("province", "kind", "cohort", "distance", "profile")
EARTH_RADIUS_KM = 6371.0


def _haversine_km(lat1, lon1, lat2, lon2):
    lat1, lon1 = math.radians(lat1), math.radians(lon1)
    lat2 = lat2.map(math.radians)
    lon2 = lon2.map(math.radians)
    a = ((lat2 - lat1) / 2).map(math.sin) ** 2 + math.cos(lat1) * lat2.map(math.cos) * (
        ((lon2 - lon1) / 2).map(math.sin) ** 2)
    return 2 * EARTH_RADIUS_KM * a.map(lambda v: math.asin(math.sqrt(min(1.0, v))))


def peer_set(anchor: str, method: str, regions: pd.DataFrame, index_scores: pd.DataFrame,
             dimension_scores: pd.DataFrame, cohorts: pd.DataFrame, count: int = 7) -> list[str]:
    """`count` peers of `anchor` among the regions assessed (those in `index_scores`).

    regions: code, province_code, kind, latitude, longitude; index_scores: region_code, index;
    dimension_scores: region_code, dimension, score; cohorts: region_code, cohort.
    province / kind / cohort: the same group, closest index first. distance: nearest centroids.
    profile: smallest Euclidean distance between the six dimension scores.
    Returns region codes, the anchor excluded.
    """
    if method not in PEER_METHODS:
        raise ValueError(f"method must be one of {PEER_METHODS}")
    assessed = index_scores.set_index("region_code")["index"]
    info = regions.set_index("code").loc[lambda r: r.index.isin(assessed.index)]
    if anchor not in regions["code"].to_numpy():
        return []
    me = regions.set_index("code").loc[anchor]
    candidates = info.drop(index=anchor, errors="ignore")
    if method in ("province", "kind", "cohort"):
        if method == "cohort":
            cohort_of = cohorts.set_index("region_code")["cohort"]
            group = cohort_of.reindex(candidates.index) == cohort_of.get(anchor)
        else:
            column = "province_code" if method == "province" else "kind"
            group = candidates[column] == me[column]
        candidates = candidates[group.to_numpy()]
        anchor_index = assessed.get(anchor, assessed.median())
        distance = (assessed.reindex(candidates.index) - anchor_index).abs()
    elif method == "distance":
        distance = _haversine_km(me["latitude"], me["longitude"], candidates["latitude"],
                                 candidates["longitude"])
    else:
        wide = dimension_scores.pivot(index="region_code", columns="dimension", values="score")
        if anchor not in wide.index:
            return []
        distance = ((wide.drop(index=anchor) - wide.loc[anchor]) ** 2).sum(axis=1) ** 0.5
    ordered = pd.DataFrame({"distance": distance}).reset_index(names="code")
    ordered = ordered.sort_values(["distance", "code"]).head(count)
    return ordered["code"].tolist()
