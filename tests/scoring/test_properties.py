"""Properties of the scoring model, checked on random inputs (hypothesis) and exhaustively."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import band_for, effective_levels, path_to_next_band, region_scores
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


def _score(grid, share):
    return float((grid[share] * grid["effective_level"]).sum())


@pytest.mark.parametrize("scope", ["index", "ENV"])
def test_path_reaches_next_band_and_is_shortest(tiny, scope):
    """Exhaustive on a small grid of starting levels: the plan reaches the next band, and no set
    of fewer one-level upgrades does."""
    share = "index_share" if scope == "index" else "dimension_share"
    codes = CODES if scope == "index" else [c for c in CODES if c.startswith("ENV")]
    checked = 0
    for start in itertools.product([0, 2, 4], repeat=len(codes)):
        levels = dict(TINY_LEVELS, **dict(zip(codes, start, strict=True)))
        grid = effective_levels(assessment_rows({"r": levels}), tiny)
        upgrades, target = path_to_next_band(grid, tiny, scope=scope)
        rows = grid if scope == "index" else grid[grid["dimension"] == scope]
        if target is None:
            assert band_for(_score(rows, share), tiny).level == 5 or not upgrades
            continue
        raised = dict(levels)
        for upgrade in upgrades:
            raised[upgrade.indicator_code] = upgrade.to_level
        new_rows = effective_levels(assessment_rows({"r": raised}), tiny)
        new_rows = new_rows if scope == "index" else new_rows[new_rows["dimension"] == scope]
        assert band_for(_score(new_rows, share), tiny).lower >= target
        steps = sum(u.steps for u in upgrades)
        shares = dict(zip(rows["indicator_code"], rows[share], strict=True))
        room = {c: MAX_LEVEL - int(levels[c]) for c in rows["indicator_code"]}
        assert not _reachable_with(steps - 1, shares, room, target - _score(rows, share))
        checked += 1
    assert checked > 5


def _reachable_with(budget, shares, room, needed):
    """Whether any choice of at most `budget` one-level upgrades adds `needed` (brute force)."""
    if budget < 0:
        return False
    codes = list(shares)
    for counts in itertools.product(*[range(min(room[c], budget) + 1) for c in codes]):
        if sum(counts) <= budget and sum(n * shares[c] for n, c in zip(counts, codes,
                                                                        strict=True)) >= needed - 1e-9:
            return True
    return False
