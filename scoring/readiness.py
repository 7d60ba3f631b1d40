"""Evidence readiness: per owner OPD, how much of its evidence is verified, what each indicator still
needs, and the days left to the next evaluation window. Pure: `today` is always a parameter.

- An OPD's progress is the share of its indicators with verified evidence.
- The next windows are those not yet closed on `today` (closes >= today), earliest first; days left
  = closes - today (0 on the closing day); a window not yet open also says days until it opens.
- The roll-up counts an indicator row of an assessed region as verified or not; an indicator a
  region has no row for counts as not verified (nothing was shown for it).
"""

from __future__ import annotations

import datetime

import pandas as pd

OPD_COLUMNS = ["owner_opd", "indicators", "verified", "submitted", "missing", "progress"]


def opd_readiness(grid: pd.DataFrame) -> pd.DataFrame:
    """One region's OPDs (OPD_COLUMNS; progress = verified / indicators, 0-1), least ready first."""
    counts = pd.crosstab(grid["owner_opd"], grid["evidence"])
    table = pd.DataFrame({"owner_opd": counts.index})
    for status in ("verified", "submitted", "missing"):
        table[status] = counts[status].to_numpy() if status in counts else 0
    table["indicators"] = counts.sum(axis=1).to_numpy()
    table["progress"] = table["verified"] / table["indicators"]
    return table[OPD_COLUMNS].sort_values(["progress", "owner_opd"], ignore_index=True)


def evidence_checklist(grid: pd.DataFrame, owner_opd: str) -> pd.DataFrame:
    """The OPD's indicators: indicator_code, dimension, level, claimed_level, evidence, effective_level,
    next_level (the level above the one that counts, NA at 5). Unverified first, then by code."""
    rows = grid[grid["owner_opd"] == owner_opd].copy()
    rows["next_level"] = (rows["effective_level"].astype(int) + 1).where(rows["effective_level"] < 5).astype("Int64")
    rows["order"] = (rows["evidence"] == "verified").astype(int)
    columns = ["indicator_code", "dimension", "level", "claimed_level", "evidence", "effective_level", "next_level"]
    return rows.sort_values(["order", "indicator_code"])[columns].reset_index(drop=True)


def next_windows(calendar: pd.DataFrame, today: datetime.date) -> pd.DataFrame:
    """Windows not yet closed on `today`, earliest closing first: year, stage, opens, closes,
    days_left (to closing), days_to_open (0 when already open), open_now."""
    upcoming = calendar[calendar["closes"] >= today].copy()
    upcoming["days_left"] = [(closes - today).days for closes in upcoming["closes"]]
    upcoming["days_to_open"] = [max(0, (opens - today).days) for opens in upcoming["opens"]]
    upcoming["open_now"] = [opens <= today <= closes for opens, closes in zip(upcoming["opens"], upcoming["closes"],
                                                                               strict=True)]
    columns = ["year", "stage", "opens", "closes", "days_left", "days_to_open", "open_now"]
    return upcoming.sort_values(["closes", "stage"])[columns].reset_index(drop=True)


def opd_rollup(counts: pd.DataFrame, owners: dict[str, str]) -> pd.DataFrame:
    """Which OPD types lag across regions. `counts`: province_code, province_name, indicator_code,
    verified (regions with verified evidence), regions (assessed regions of the province);
    `owners`: indicator_code -> owner_opd (every framework indicator).
    Output per owner_opd: indicators, expected (rows = regions × indicators), verified, progress
    (verified / expected), provinces_below_half (provinces where its progress < 0.5); least ready first."""
    regions = counts.groupby("province_code")["regions"].max()
    per_opd = pd.Series(owners).groupby(pd.Series(owners)).size()
    verified = counts.assign(owner_opd=counts["indicator_code"].map(owners)).dropna(subset=["owner_opd"])
    by_province = verified.groupby(["owner_opd", "province_code"])["verified"].sum().unstack(fill_value=0)
    by_province = by_province.reindex(index=per_opd.index, columns=regions.index, fill_value=0)
    expected_by_province = pd.DataFrame({p: per_opd * n for p, n in regions.items()}, index=per_opd.index)
    share = by_province / expected_by_province
    table = pd.DataFrame({"owner_opd": per_opd.index, "indicators": per_opd.to_numpy(),
                          "expected": expected_by_province.sum(axis=1).to_numpy(),
                          "verified": by_province.sum(axis=1).to_numpy()})
    table["progress"] = table["verified"] / table["expected"]
    table["provinces_below_half"] = (share < 0.5).sum(axis=1).to_numpy()
    return table.sort_values(["progress", "owner_opd"], ignore_index=True)
