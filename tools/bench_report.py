"""The browser benchmark's figures and goals (tools/bench_browser.py and its parts): percentiles,
ratios to the floor, PASS/MISS verdicts and the report that prints each figure beside its goal and
sums them up at the end. No server, no browser."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

# The pages timed (URL path; "" is the default page, the overview) and the floor's two pages.
PAGES = {"overview": "", "region": "region", "compare": "compare", "gaps": "gaps", "trends": "trends",
         "plan": "plan", "readiness": "readiness"}
FLOOR_PAGES = ("", "two")
NAVIGATION = ("region", "compare", "gaps", "trends", "")   # sidebar clicks, from the overview
# Issue 13's goals and issue 22's (a regional office's connection, capacity).
GOALS = {"first": 1.25, "all": 2.0, "cpu": 0.1, "ws20_p95": 2.0, "start": 5.0, "concurrent_ratio": 3.0,
         "pdf": 3.0, "slow_first_visit": 15.0, "repeat_visit": 2.0, "capacity_p95": 2.0, "ranking_100x": 0.1}


# --- statistics -----------------------------------------------------------------------------------
def percentile(values, q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks (numpy's default);
    NaN when there are no values."""
    ordered = sorted(v for v in values if v is not None and not math.isnan(v))
    if not ordered:
        return math.nan
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values) -> float:
    return percentile(values, 50)


def ratio(value: float, floor: float) -> float:
    """value / floor; NaN when either is missing or the floor is zero."""
    if value is None or floor is None or math.isnan(value) or math.isnan(floor) or floor == 0:
        return math.nan
    return value / floor


def verdict(value: float, goal: float) -> str:
    """PASS when value <= goal, MISS when above, n/a when there is no value."""
    if value is None or math.isnan(value):
        return "n/a"
    return "PASS" if value <= goal else "MISS"


def seconds(value: float) -> str:
    return "–" if value is None or math.isnan(value) else f"{value:.2f}"


def times(value: float) -> str:
    return "–" if value is None or math.isnan(value) else f"{value:.2f}x"


# --- the report -----------------------------------------------------------------------------------
@dataclass
class Report:
    # (section, figure, app, floor, ratio, goal, result, the value held against the goal)
    rows: list[tuple] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, section: str, figure: str, app: str, floor: str = "", ratio_text: str = "", goal: str = "",
            result: str = "", compared: str = "") -> None:
        self.rows.append((section, figure, app, floor, ratio_text, goal, result, compared or ratio_text or app))
        print(f"  {figure:<52} {app:>16} {floor:>16} {ratio_text:>7} {goal:>14} {result:>5}", flush=True)

    def heading(self, title: str) -> None:
        print(f"\n{title}\n  {'figure':<52} {'app':>16} {'floor':>16} {'ratio':>7} {'goal':>14} {'':>5}", flush=True)
        print("  " + "-" * 115, flush=True)

    def summary(self) -> None:
        goals = [row for row in self.rows if row[6] in ("PASS", "MISS", "n/a")]
        print("\nGoals (issues 13 and 22)")
        print("  " + "-" * 115)
        for section, figure, _, _, _, goal, result, compared in goals:
            margin = by_how_much(compared, goal)
            print(f"  {result:<5} {section + ': ' + figure:<68} {compared:>16}  goal {goal:<10} {margin}")
        passed = sum(row[6] == "PASS" for row in goals)
        print(f"  {passed} of {len(goals)} goals met")
        for note in self.notes:
            print(f"  note: {note}")


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def by_how_much(compared: str, goal: str) -> str:
    """How far a figure is from its goal, as text: "34 % over" or "12 % under" (value / goal - 1), from
    the last number of `compared` ("p95 2.05 s", "0.126 s", "2.18x") and the number of `goal`
    ("<= 2 s"): the same unit within a row. Empty when either has no number (a failed run)."""
    value, limit = _NUMBER.findall(compared), _NUMBER.findall(goal)
    if not value or not limit or float(limit[0]) == 0:
        return ""
    share = float(value[-1]) / float(limit[0]) - 1
    return f"{abs(share) * 100:.0f} % {'over' if share > 0 else 'under'}"


def spread(values: list[float]) -> str:
    """'median / p95' in seconds."""
    return f"{seconds(median(values))} / {seconds(percentile(values, 95))}"


def errors_of(timings) -> list[str]:
    return [t.error for t in timings if t.error]


def size(count: float) -> str:
    """Bytes as MB (10^6) or kB (10^3), the units a network's Mbit/s goes with."""
    if count is None or math.isnan(count):
        return "–"
    return f"{count / 1e6:.2f} MB" if count >= 1e6 else f"{count / 1e3:.0f} kB"
