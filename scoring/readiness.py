"""Evidence readiness: per owner OPD, how much of its evidence is verified, what each indicator still
needs, and the days left to the next evaluation window. Pure: `today` is always a parameter.

- An OPD's progress is the share of its indicators with verified evidence.
- The next windows are those not yet closed on `today` (closes >= today), earliest first; days left
  = closes - today (0 on the closing day); a window not yet open also says days until it opens.
- The next evaluation is the year of the earliest window not yet closed; both its windows are shown,
  a closed one as closed (no days left).
- The roll-up counts an indicator row of an assessed region as verified or not; an indicator a
  region has no row for counts as not verified (nothing was shown for it).
- An indicator's next step: "verify" when its recorded level is above the level that counts (the
  evidence for the recorded level is what is missing), else "raise" to the level above the one that
  counts, or "top" at the framework's top level (max_level).
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


CHECKLIST_COLUMNS = ["indicator_code", "dimension", "level", "claimed_level", "evidence", "effective_level",
                     "next_level", "next_step", "target_level"]


def evidence_checklist(grid: pd.DataFrame, owner_opd: str, max_level: int) -> pd.DataFrame:
    """The OPD's indicators: indicator_code, dimension, level, claimed_level, evidence, effective_level,
    next_level (the level above the one that counts, NA at max_level), next_step (verify | raise | top) and
    target_level (the recorded level for verify, next_level for raise, NA at the top).
    Unverified first, then by code."""
    rows = grid[grid["owner_opd"] == owner_opd].copy()
    below_top = rows["effective_level"] < max_level
    rows["next_level"] = (rows["effective_level"].astype(int) + 1).where(below_top).astype("Int64")
    verify = (rows["evidence"] != "verified") & (rows["level"] > rows["effective_level"])
    rows["next_step"] = ["verify" if v else ("top" if pd.isna(n) else "raise")
                         for v, n in zip(verify, rows["next_level"], strict=True)]
    rows["target_level"] = rows["next_level"].where(~verify, rows["level"].astype("Int64")).astype("Int64")
    rows["order"] = (rows["evidence"] == "verified").astype(int)
    return rows.sort_values(["order", "indicator_code"])[CHECKLIST_COLUMNS].reset_index(drop=True)


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


EVALUATION_COLUMNS = ["year", "stage", "opens", "closes", "closed", "open_now", "days_left", "days_to_open"]


def next_evaluation(calendar: pd.DataFrame, today: datetime.date) -> pd.DataFrame:
    """Both windows (stage I questionnaire, stage II verification) of the next evaluation: the year
    of the earliest window not yet closed on `today`. Columns EVALUATION_COLUMNS, stage I first;
    days_left (to closing, 0 on the closing day) is NA for a window already closed; days_to_open
    is 0 once open. Empty when every window has closed."""
    upcoming = next_windows(calendar, today)
    if upcoming.empty:
        return pd.DataFrame(columns=EVALUATION_COLUMNS)
    year = upcoming["year"].iloc[0]
    rows = calendar[calendar["year"] == year].sort_values("stage").copy()
    rows["closed"] = [closes < today for closes in rows["closes"]]
    rows["open_now"] = [opens <= today <= closes for opens, closes in zip(rows["opens"], rows["closes"], strict=True)]
    days = [None if closed else (closes - today).days
            for closes, closed in zip(rows["closes"], rows["closed"], strict=True)]
    rows["days_left"] = pd.array(days, dtype="Int64")
    rows["days_to_open"] = [max(0, (opens - today).days) for opens in rows["opens"]]
    return rows[EVALUATION_COLUMNS].reset_index(drop=True)


def lagging_everywhere(rollup: pd.DataFrame, provinces: int, share: float = 0.75) -> pd.DataFrame:
    """The OPD types of an opd_rollup that lag nearly everywhere: behind their province's overall
    progress in at least `share` of `provinces`; most provinces first, then least ready."""
    rows = rollup[rollup["provinces_behind"] >= share * provinces]
    return rows.sort_values(["provinces_behind", "progress"], ascending=[False, True], ignore_index=True)


def regions_counted(counts: pd.DataFrame) -> int:
    """How many regions the province counts of opd_rollup cover (each province's assessed regions)."""
    return int(counts.groupby("province_code")["regions"].max().sum())


def opd_rollup(counts: pd.DataFrame, owners: dict[str, str]) -> pd.DataFrame:
    """Which OPD types lag across regions. `counts`: province_code, province_name, indicator_code,
    verified (regions with verified evidence), regions (assessed regions of the province);
    `owners`: indicator_code -> owner_opd (every framework indicator).
    Output per owner_opd: indicators, expected (rows = regions × indicators), verified, progress
    (verified / expected), provinces_below_half (provinces where its progress < 0.5), provinces_behind
    (provinces where its progress is below the province's progress over all indicators); least ready first."""
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
    overall = by_province.sum(axis=0) / expected_by_province.sum(axis=0)
    table["provinces_behind"] = share.lt(overall, axis=1).sum(axis=1).to_numpy()
    return table.sort_values(["progress", "owner_opd"], ignore_index=True)
