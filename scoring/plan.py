"""Actions that lift a score, and the fewest of them that reach the next band.

Two kinds of action (one region's indicator grid from `effective_levels`):
- verify: an indicator whose recorded level is not counted because its evidence is not verified
  gets its evidence verified; the recorded level then counts. One action, however many levels.
- raise: with verified evidence, the indicator moves up one level. One action per level.
A row verified at a lower level than claimed is a rejected claim: only raising lifts it.

Per indicator the actions form a ladder (verify first when possible, then one raise per level up
to 5) whose gains never grow: the verify step gains (recorded - counted) x share >= one level. For
such concave ladders, the k largest single-action gains give the largest total any k actions can
give, so the shortest prefix of all steps sorted by gain that reaches the goal is a plan with the
fewest actions there are (tests/scoring check this against exhaustive search). Sums are exact
(`scoring.exact`); the goal is reached when the *shown* score reaches the next band's lower bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import pandas as pd

from scoring.aggregate import exact_scope_score, scope_rows
from scoring.bands import SHOWN_DIGITS, Band, band_for
from scoring.framework import Framework
from scoring.vocabulary import INDEX_SCOPE

VERIFY, RAISE = "verify", "raise"
# A two-decimal score shows as the lower bound L once its exact value reaches L - 0.005 (half up).
HALF_SHOWN_STEP = Fraction(Decimal(5).scaleb(-SHOWN_DIGITS - 1))


@dataclass(frozen=True)
class Action:
    """One entry of a plan: verify an indicator's recorded level, or raise it from_level -> to_level.
    `gain` is the score increase in the plan's scope; `count` the actions it takes."""

    indicator_code: str
    kind: str
    from_level: int
    to_level: int
    gain: float
    owner_opd: str

    @property
    def count(self) -> int:
        return 1 if self.kind == VERIFY else self.to_level - self.from_level


@dataclass(frozen=True)
class Plan:
    """The path of a scope (the index or a dimension) to its next band.

    `reachable` is False in the top band (no `next_band`) or when every action there is would not
    reach it; then `actions` is empty and `score_after` equals `score`."""

    scope: str
    score: float
    band: Band
    next_band: Band | None
    reachable: bool
    actions: tuple[Action, ...]
    score_after: float

    @property
    def next_lower(self) -> float | None:
        return None if self.next_band is None else self.next_band.lower

    @property
    def action_count(self) -> int:
        return sum(action.count for action in self.actions)


@dataclass(frozen=True)
class _Step:
    gain: Fraction
    code: str
    kind: str
    from_level: int
    to_level: int

    @property
    def order(self) -> tuple:
        # largest gain first; on a tie verify first; then a stable order by code and level
        return (-self.gain, self.kind != VERIFY, self.code, self.from_level)


def counted_and_verifiable(row) -> tuple[int, int | None]:
    """(the level that counts now, the recorded level a verification would make count or None)."""
    counted = int(row["effective_level"])
    recorded = int(row["level"])
    if row["evidence"] != "verified" and recorded > counted:
        return counted, recorded
    return counted, None


def _ladder(row, share: Fraction, max_level: int) -> list[_Step]:
    counted, verifiable = counted_and_verifiable(row)
    code = row["indicator_code"]
    steps = []
    base = counted
    if verifiable is not None:
        steps.append(_Step(share * (verifiable - counted), code, VERIFY, counted, verifiable))
        base = verifiable
    steps += [_Step(share, code, RAISE, level, level + 1) for level in range(base, max_level)]
    return steps


def all_steps(region_grid: pd.DataFrame, framework: Framework, scope: str = INDEX_SCOPE) -> list[_Step]:
    shares = framework.shares_of(scope)
    rows = scope_rows(region_grid, scope)
    steps = [step for _, row in rows.iterrows()
             for step in _ladder(row, shares[row["indicator_code"]], framework.max_level)]
    return sorted(steps, key=lambda step: step.order)


def _grouped(steps: list[_Step], framework: Framework) -> tuple[Action, ...]:
    """Consecutive steps of one indicator as actions: its verify, then one raise over all its levels."""
    by_code: dict[str, list[_Step]] = {}
    for step in steps:
        by_code.setdefault(step.code, []).append(step)
    actions = []
    for code, picked in by_code.items():
        owner = framework.indicator(code).owner_opd
        for kind in (VERIFY, RAISE):
            mine = [step for step in picked if step.kind == kind]
            if mine:
                actions.append(Action(code, kind, min(s.from_level for s in mine), max(s.to_level for s in mine),
                                      float(sum((s.gain for s in mine), Fraction(0))), owner))
    return tuple(sorted(actions, key=lambda a: (-a.gain / a.count, a.kind != VERIFY, a.indicator_code)))


def plan_next_band(region_grid: pd.DataFrame, framework: Framework, scope: str = INDEX_SCOPE) -> Plan:
    """The fewest actions that lift `scope` (a dimension code or "index") into the next band."""
    score = exact_scope_score(region_grid, framework, scope)
    band = band_for(float(score), framework)
    higher = [b for b in framework.bands if b.level == band.level + 1]
    if not higher:
        return Plan(scope, float(score), band, None, False, (), float(score))
    goal = Fraction(Decimal(repr(higher[0].lower))) - HALF_SHOWN_STEP
    chosen, total = [], score
    for step in all_steps(region_grid, framework, scope):
        if total >= goal:
            break
        chosen.append(step)
        total += step.gain
    if total < goal:
        return Plan(scope, float(score), band, higher[0], False, (), float(score))
    return Plan(scope, float(score), band, higher[0], True, _grouped(chosen, framework), float(total))


def action_priority(region_grid: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """Each indicator's next action, ranked by the index it adds per action (verifications of high
    recorded levels first, then one level of the indicators with the largest share; indicators at
    any level, including 3 and more, as long as an action is left).

    Output: the grid's columns plus next_action (verify | raise), from_level, to_level, index_gain and
    dimension_gain of that one action; indicators already verified at the top level are left out."""
    index_shares = framework.shares_of(INDEX_SCOPE)
    dimension_shares = framework.exact_shares["dimension_share"]
    rows = []
    for _, row in region_grid.iterrows():
        code = row["indicator_code"]
        ladder = _ladder(row, Fraction(1), framework.max_level)
        if not ladder:
            continue
        first = ladder[0]
        rows.append({"indicator_code": code, "next_action": first.kind, "from_level": first.from_level,
                     "to_level": first.to_level, "index_gain": float(index_shares[code] * first.gain),
                     "dimension_gain": float(dimension_shares[code] * first.gain)})
    actions = pd.DataFrame(rows, columns=["indicator_code", "next_action", "from_level", "to_level",
                                          "index_gain", "dimension_gain"])
    table = region_grid.merge(actions, on="indicator_code", how="inner")
    table["verify_first"] = table["next_action"] != VERIFY
    table = table.sort_values(["index_gain", "verify_first", "indicator_code"], ascending=[False, True, True],
                              ignore_index=True)
    return table.drop(columns="verify_first")
