"""A programme register read against the region's scores: what is late, what no programme covers,
and the money per dimension. Pure: frames and a `this_year` in (never the clock), frames out.

- late: not done or stopped, and its end year has passed (end_year < this_year).
- not started: still planned although its start year has passed (start_year < this_year).
- behind: running, and its progress is more than BEHIND_POINTS below the share of its years gone
  by (this year counted as half gone): expected % = (this_year - start_year + 0.5) / years × 100.
- an uncovered gap: an indicator no programme links whose index gain to the framework's top level
  (index_share × (max_level - effective_level)) is at least `minimum_gain`.
"""

from __future__ import annotations

import pandas as pd

BEHIND_POINTS = 25.0
REVIEW_COLUMNS = ["programme_code", "status", "start_year", "end_year", "progress", "expected_progress", "issue"]


def expected_progress(start_year: int, end_year: int, this_year: int) -> float:
    """Share of the programme's years gone by at mid `this_year`, in % (0 before, 100 after)."""
    years = end_year - start_year + 1
    return max(0.0, min(100.0, (this_year - start_year + 0.5) / years * 100))


def programme_issues(programmes: pd.DataFrame, this_year: int) -> pd.DataFrame:
    """Programmes late, not started or behind schedule (REVIEW_COLUMNS; issue late | not_started |
    behind), in register order."""
    rows = []
    for row in programmes.itertuples(index=False):
        expected = expected_progress(int(row.start_year), int(row.end_year), this_year)
        issue = None
        if row.status in ("planned", "running") and row.end_year < this_year:
            issue = "late"
        elif row.status == "planned" and row.start_year < this_year:
            issue = "not_started"
        elif row.status == "running" and float(row.progress) < expected - BEHIND_POINTS:
            issue = "behind"
        if issue:
            rows.append({"programme_code": row.programme_code, "status": row.status, "start_year": row.start_year,
                         "end_year": row.end_year, "progress": float(row.progress),
                         "expected_progress": expected, "issue": issue})
    return pd.DataFrame(rows, columns=REVIEW_COLUMNS)


def uncovered_gaps(grid: pd.DataFrame, links: pd.DataFrame, max_level: int, minimum_gain: float = 0.0
                   ) -> pd.DataFrame:
    """Indicators no programme links, largest index gain to the top level (max_level) first: indicator_code, dimension,
    owner_opd, effective_level, gain. Only gains above `minimum_gain` (and above 0)."""
    linked = set(links["indicator_code"])
    open_rows = grid[~grid["indicator_code"].isin(linked)].copy()
    levels_left = max_level - open_rows["effective_level"].astype(float)
    open_rows["gain"] = open_rows["index_share"].astype(float) * levels_left
    open_rows = open_rows[(open_rows["gain"] > 0) & (open_rows["gain"] >= minimum_gain)]
    columns = ["indicator_code", "dimension", "owner_opd", "effective_level", "gain"]
    return open_rows.sort_values(["gain", "indicator_code"], ascending=[False, True])[columns].reset_index(drop=True)


def budget_by_dimension(programmes: pd.DataFrame, dimensions: list[str]) -> pd.DataFrame:
    """dimension, budget (Rp, stopped programmes left out), programmes: one row per dimension code
    in `dimensions` order, 0 where none."""
    counted = programmes[programmes["status"] != "stopped"]
    sums = counted.groupby("dimension")["budget"].sum()
    counts = counted.groupby("dimension")["programme_code"].count()
    return pd.DataFrame({"dimension": dimensions,
                         "budget": [float(sums.get(d, 0.0)) for d in dimensions],
                         "programmes": [int(counts.get(d, 0)) for d in dimensions]})
