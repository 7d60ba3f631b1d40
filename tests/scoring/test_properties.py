"""Properties of the scoring model, checked on random inputs (hypothesis) and exhaustively."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import band_for, effective_levels, plan_next_band, region_scores
from scoring.framework import MAX_LEVEL
from tests.conftest import TINY_LEVELS, assessment_rows

CODES = list(TINY_LEVELS)
levels_strategy = st.fixed_dictionaries({code: st.integers(0, 5) for code in CODES})


def _scores(tiny, levels):
    table = region_scores(assessment_rows({"r": levels}), tiny)
    return dict(zip(table["kind"] + ":" + table["code"], table["score"], strict=True))


@settings(max_examples=60, deadline=None)
@given(levels=levels_strategy, raised=st.sampled_from(CODES))
def test_raising_one_indicator_never_lowers_any_score(tiny, levels, raised):
    before = _scores(tiny, levels)
    higher = dict(levels, **{raised: min(MAX_LEVEL, levels[raised] + 1)})
    after = _scores(tiny, higher)
    assert all(after[key] >= before[key] - 1e-12 for key in before)


@settings(max_examples=60, deadline=None)
@given(levels=levels_strategy)
def test_scores_stay_within_0_and_5(tiny, levels):
    assert all(-1e-12 <= value <= 5 + 1e-12 for value in _scores(tiny, levels).values())


@given(a=st.floats(0, 5), b=st.floats(0, 5))
def test_bands_are_monotone(tiny, a, b):
    low, high = sorted((a, b))
    assert band_for(low, tiny).level <= band_for(high, tiny).level


EVIDENCE = st.sampled_from(["verified", "verified", "submitted", "missing"])


def _grid(tiny, levels, evidence):
    rows = assessment_rows({"r": levels})
    rows["evidence"] = [evidence[code] for code in rows["indicator_code"]]
    return effective_levels(rows, tiny)


def _fewest_actions_brute_force(tiny, grid, scope, goal, budget):
    """The fewest actions (by trying every count per indicator ladder) whose total gain reaches goal."""
    from scoring.plan import _ladder

    shares = tiny.shares_of(scope)
    rows = grid if scope == "index" else grid[grid["dimension"] == scope]
    ladders = [[step.gain for step in _ladder(row, shares[row["indicator_code"]])] for _, row in rows.iterrows()]
    best = None
    for counts in itertools.product(*[range(len(ladder) + 1) for ladder in ladders]):
        total_count = sum(counts)
        if total_count > budget or (best is not None and total_count >= best):
            continue
        if sum(sum(ladder[:n]) for ladder, n in zip(ladders, counts, strict=True)) >= goal:
            best = total_count
    return best


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(levels=levels_strategy, evidence=st.fixed_dictionaries({code: EVIDENCE for code in CODES}),
       scope=st.sampled_from(["index", "ENV", "GOV"]))
def test_plan_reaches_the_next_band_with_the_fewest_actions(tiny, levels, evidence, scope):
    """Exhaustive on the tiny framework: when reachable, applying the plan reaches the next band
    (on the shown value), and no combination of fewer actions does."""
    from fractions import Fraction

    from scoring.plan import HALF_SHOWN_STEP, exact_scope_score

    grid = _grid(tiny, levels, evidence)
    plan = plan_next_band(grid, tiny, scope)
    if plan.next_band is None:
        return
    after = dict(levels)
    verified = dict(evidence)
    for action in plan.actions:
        after[action.indicator_code] = action.to_level
        verified[action.indicator_code] = "verified"
    reached = _grid(tiny, after, verified)
    score_after = exact_scope_score(reached, tiny, scope)
    goal = Fraction(repr(plan.next_band.lower)) - HALF_SHOWN_STEP - exact_scope_score(grid, tiny, scope)
    fewest = _fewest_actions_brute_force(tiny, grid, scope, goal, budget=12)
    if plan.reachable:
        assert band_for(float(score_after), tiny).level >= plan.next_band.level
        assert float(score_after) == pytest.approx(plan.score_after)
        if fewest is not None:
            assert plan.action_count == fewest
        else:  # the brute force stops at 12 actions
            assert plan.action_count > 12
    else:
        assert fewest is None and plan.actions == ()


@settings(max_examples=60, deadline=None)
@given(before=levels_strategy, after=levels_strategy, old_method=st.booleans())
def test_change_parts_always_sum_to_the_change(tiny, before, after, old_method):
    from scoring import change_breakdown, index_scores, load_framework
    from tests.conftest import FIXTURES

    previous_framework = load_framework(FIXTURES / "tiny-2019.toml") if old_method else tiny
    result = change_breakdown(effective_levels(assessment_rows({"r": after}), tiny), tiny,
                              effective_levels(assessment_rows({"r": before}), previous_framework), previous_framework)
    expected = (index_scores(assessment_rows({"r": after}), tiny)["index"].iloc[0]
                - index_scores(assessment_rows({"r": before}), previous_framework)["index"].iloc[0])
    assert result.index_change == pytest.approx(expected, abs=1e-12)
    parts = result.method_effect + result.by_dimension["contribution"].sum()
    assert parts == pytest.approx(result.index_change, abs=1e-12)
    assert result.by_indicator["contribution"].sum() == pytest.approx(parts - result.method_effect, abs=1e-12)
    assert all(row.from_level != row.to_level for row in result.by_indicator.itertuples())
