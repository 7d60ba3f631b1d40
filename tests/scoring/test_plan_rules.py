"""The plan's two rules, on inputs that reach them:

- the goal is the next band's lower bound as SHOWN (a score of L - 0.005 shows as L: the half-step
  window, scoring.plan.HALF_SHOWN_STEP). The tiny framework's index moves in steps of 0.025 and
  never lands in that window, so these tests use `tiny_half`: the same framework with chain weights
  in hundredths (index steps of 0.005), whose plans often end inside it;
- the plan has the fewest actions there are. Checked against an independent count: for each number
  of actions the largest gain any choice of that many actions gives (a knapsack over each
  indicator's ladder), and the first count whose gain reaches the next band as shown (band_for).
  Neither uses the plan's ordering nor its goal constant.
"""

from __future__ import annotations

import random
import re
from fractions import Fraction

import pytest

from scoring import band_for, effective_levels, plan_next_band
from scoring.aggregate import exact_scope_score
from scoring.framework import load_framework
from scoring.plan import _ladder
from tests.conftest import FIXTURES, TINY_LEVELS, assessment_rows

CODES = list(TINY_LEVELS)
CASES = 250   # random grids per framework; a wrong ordering or goal fails within the first few dozen
HALF_WEIGHTS = "[chain_weights]\nbaseline = 0.11\noutput = 0.19\noutcome = 0.30\nimpact = 0.20\nquick_win = 0.20\n\n"
# Bands of our own, all within a 0-4 scale, so the fixture holds whatever scale tiny.toml is on.
HALF_BANDS = "".join(f'[[bands]]\nlevel = {n}\nname_id = "Pita {n}"\nname_en = "Band {n}"\nlower = {lower}\n'
                     for n, lower in enumerate([0.0, 1.8, 2.6, 3.5, 3.9], start=1)) + "\n"


@pytest.fixture(scope="module")
def tiny_half(tmp_path_factory):
    text = re.sub(r"\[chain_weights\]\n.*?\n\n", HALF_WEIGHTS, (FIXTURES / "tiny.toml").read_text(), flags=re.S)
    text = text[:text.index("[[bands]]")] + HALF_BANDS + text[text.index("[[dimensions]]"):]
    path = tmp_path_factory.mktemp("frameworks") / "tiny-half.toml"
    path.write_text(text.replace('id = "tiny-2022"', 'id = "tiny-half"'))
    return load_framework(path)


def grid_of(framework, levels, evidence):
    rows = assessment_rows({"r": levels})
    rows["evidence"] = [evidence[code] for code in rows["indicator_code"]]
    return effective_levels(rows, framework)


def fewest_actions(grid, framework, scope):
    """The fewest actions that put `scope` in the next band as shown, or None (knapsack over ladders)."""
    shares = framework.shares_of(scope)
    rows = grid if scope == "index" else grid[grid["dimension"] == scope]
    ladders = [[step.gain for step in _ladder(row, shares[row["indicator_code"]], framework.max_level)]
               for _, row in rows.iterrows()]
    best = {0: Fraction(0)}   # actions -> the largest gain that many actions can give
    for ladder in ladders:
        prefix = [sum(ladder[:n], Fraction(0)) for n in range(len(ladder) + 1)]
        combined: dict[int, Fraction] = {}
        for count, gain in best.items():
            for taken, added in enumerate(prefix):
                combined[count + taken] = max(combined.get(count + taken, Fraction(-1)), gain + added)
        best = combined
    score = exact_scope_score(grid, framework, scope)
    current = band_for(float(score), framework).level
    for count in sorted(best):
        if band_for(float(score + best[count]), framework).level > current:
            return count
    return None


def random_cases(seed, count, scopes, top):
    rng = random.Random(seed)
    evidence_choices = ["verified", "verified", "submitted", "missing"]
    for _ in range(count):
        yield ({code: rng.randint(0, top) for code in CODES}, {code: rng.choice(evidence_choices) for code in CODES},
               rng.choice(scopes))


def test_a_score_that_shows_as_the_next_band_is_in_it(tiny_half):
    """By hand (index shares 0.19, 0.075, 0.2, 0.11, 0.2, 0.225): 0.19x0 + 0.075x1 + 0.2x0 + 0.11x2
    + 0.2x3 + 0.225x3 = 1.57 (band 1). One level of ENV.A.03 (+0.225) gives 1.795, shown 1.80: band 2
    in one action. Aiming at 1.800 itself would take two (no single action adds 0.23)."""
    levels = {"GOV.A.01": 0, "GOV.A.02": 1, "GOV.B.01": 0, "ENV.A.01": 2, "ENV.A.02": 3, "ENV.A.03": 3}
    plan = plan_next_band(grid_of(tiny_half, levels, dict.fromkeys(CODES, "verified")), tiny_half)
    assert plan.score == pytest.approx(1.57) and plan.band.level == 1
    assert plan.reachable and plan.action_count == 1 and plan.score_after == pytest.approx(1.795)
    assert [(a.indicator_code, a.to_level) for a in plan.actions] == [("ENV.A.03", 4)]


@pytest.mark.parametrize("framework_name", ["tiny", "tiny_half"])
def test_every_plan_has_the_fewest_actions_and_reaches_the_band(framework_name, request):
    framework = request.getfixturevalue(framework_name)
    window = 0
    # tiny_half's dimension scores move in sixths, never into the window: its index is what reaches it
    scopes = ["index"] if framework_name == "tiny_half" else ["index", "GOV", "ENV"]
    top = framework.max_level   # the framework's scale
    for levels, evidence, scope in random_cases(2026, CASES, scopes, top):
        grid = grid_of(framework, levels, evidence)
        plan = plan_next_band(grid, framework, scope)
        fewest = fewest_actions(grid, framework, scope)
        case = (levels, evidence, scope)
        if plan.next_band is None:
            assert fewest is None, case
            continue
        assert plan.reachable == (fewest is not None), case
        if plan.reachable:
            assert plan.action_count == fewest, case
            assert band_for(plan.score_after, framework).level >= plan.next_band.level, case
            window += plan.score_after < plan.next_band.lower   # reached only as shown
    if framework_name == "tiny_half":
        assert window > 0, "the fixture no longer reaches the half-step window"
