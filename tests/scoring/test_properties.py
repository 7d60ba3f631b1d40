"""Properties of the scoring model, checked on random inputs (hypothesis) and exhaustively."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import band_for, effective_levels, load_framework, region_scores
from tests.conftest import FIXTURES, TINY_LEVELS, assessment_rows

CODES = list(TINY_LEVELS)
TOP = load_framework(FIXTURES / "tiny.toml").max_level  # 4: levels and scores run 0-4
levels_strategy = st.fixed_dictionaries({code: st.integers(0, TOP) for code in CODES})


def _scores(tiny, levels):
    table = region_scores(assessment_rows({"r": levels}), tiny)
    return dict(zip(table["kind"] + ":" + table["code"], table["score"], strict=True))


@settings(max_examples=60, deadline=None)
@given(levels=levels_strategy, raised=st.sampled_from(CODES))
def test_raising_one_indicator_never_lowers_any_score(tiny, levels, raised):
    before = _scores(tiny, levels)
    higher = dict(levels, **{raised: min(TOP, levels[raised] + 1)})
    after = _scores(tiny, higher)
    assert all(after[key] >= before[key] - 1e-12 for key in before)


@settings(max_examples=60, deadline=None)
@given(levels=levels_strategy)
def test_scores_stay_within_0_and_the_top_level(tiny, levels):
    scores = _scores(tiny, levels)
    assert all(-1e-12 <= value <= TOP + 1e-12 for value in scores.values())
    if all(level == TOP for level in levels.values()):
        assert all(value == pytest.approx(TOP) for value in scores.values())


@given(a=st.floats(0, TOP), b=st.floats(0, TOP))
def test_bands_are_monotone(tiny, a, b):
    low, high = sorted((a, b))
    assert band_for(low, tiny).level <= band_for(high, tiny).level


# The plan's rules (fewest actions, the shown goal) are checked in test_plan_rules.py against an
# independent count, on a framework whose scores reach the half-step window.


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
