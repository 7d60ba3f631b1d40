"""Why it changed at constant method, and ranks/changes/close calls on shown values (hand-computed).

tiny (2022) index shares: GOV.A.01 0.2, GOV.A.02 0.075, GOV.B.01 0.2, ENV.A.01 0.1, ENV.A.02 0.2,
ENV.A.03 0.225; tiny-2019 (chain weights 10/20/30/30/10): GOV.B.01 0.3 and ENV.A.02 0.1, others equal.
"""

import pandas as pd
import pytest

from scoring import change_breakdown, effective_levels, load_framework, ranking_table
from tests.conftest import FIXTURES, TINY_LEVELS, assessment_rows


@pytest.fixture(scope="module")
def old():
    return load_framework(FIXTURES / "tiny-2019.toml")


def test_method_effect_and_level_effects_add_up(tiny, old):
    last_year = dict(TINY_LEVELS, **{"ENV.A.02": 3})
    before = effective_levels(assessment_rows({"r": last_year}), old)
    now_levels = dict(last_year, **{"ENV.A.03": 3, "GOV.A.02": 1})
    after = effective_levels(assessment_rows({"r": now_levels}), tiny)
    result = change_breakdown(after, tiny, before, old)
    # before under 2019: 0.6 + 0 + 1.2 + 0.4 + 0.3 + 0.225 = 2.725; under 2022: 0.6 + 0.8 + 0.4 + 0.6 + 0.225
    # = 2.625 -> method -0.1
    assert result.index_before == pytest.approx(2.725) and result.method_effect == pytest.approx(-0.1)
    # levels: ENV.A.03 1 -> 3 (+0.45), GOV.A.02 0 -> 1 (+0.075); after = 2.625 + 0.525 = 3.15
    assert result.index_after == pytest.approx(3.15) and result.index_change == pytest.approx(0.425)
    movers = result.by_indicator.set_index("indicator_code")
    assert sorted(movers.index) == ["ENV.A.03", "GOV.A.02"]  # GOV.B.01's share moved, its level did not
    assert movers.loc["ENV.A.03", "contribution"] == pytest.approx(0.45)
    assert (movers.loc["ENV.A.03", "from_level"], movers.loc["ENV.A.03", "to_level"]) == (1, 3)
    dims = result.by_dimension.set_index("dimension")
    assert dims.loc["ENV", "contribution"] == pytest.approx(0.45)
    assert dims.loc["GOV", "contribution"] == pytest.approx(0.075)
    # the dimension's own score before/after: ENV elements are one element of weights 1/2/3? read from shares
    assert dims.loc["ENV", "score_after"] > dims.loc["ENV", "score_before"]
    assert result.method_effect + dims["contribution"].sum() == pytest.approx(result.index_change, abs=1e-12)
    assert result.method_changed


def test_same_method_has_no_method_effect(tiny):
    before = effective_levels(assessment_rows({"r": dict(TINY_LEVELS, **{"GOV.B.01": 3})}), tiny)
    after = effective_levels(assessment_rows({"r": TINY_LEVELS}), tiny)  # GOV.B.01 3 -> 4
    result = change_breakdown(after, tiny, before, tiny)
    assert result.method_effect == 0 and not result.method_changed
    assert result.by_indicator["indicator_code"].tolist() == ["GOV.B.01"]
    assert result.index_change == pytest.approx(0.2)


def _scores(rows):
    return pd.DataFrame(rows, columns=["region_code", "index", "framework_id"])


def test_ties_share_a_rank_and_rank_change_ignores_newcomers():
    current = _scores([("a", 3.0, "f"), ("b", 2.996, "f"), ("c", 2.995, "f"), ("d", 2.9, "f"), ("e", 2.5, "f")])
    previous = _scores([("d", 2.8, "f"), ("a", 2.7, "f"), ("e", 2.86, "f")])
    table = ranking_table(current, previous, smallest_step=0.004).set_index("region_code")
    # shown 3.00, 3.00, 3.00 (2.995 rounds half up), 2.90, 2.50
    assert table["rank"].tolist() == [1, 1, 1, 4, 5]
    # among a, d, e (assessed both years): last year e 1, d 2, a 3; now a 1, d 2, e 3
    assert table.loc["a", "rank_change"] == 2 and table.loc["d", "rank_change"] == 0
    assert table.loc["e", "rank_change"] == -2 and pd.isna(table.loc["b", "rank_change"])
    assert table["new"].sum() == 2
    assert table.loc["a", "improvement"] == pytest.approx(0.30)
    assert table.loc["e", "improvement"] == pytest.approx(-0.36)
    assert pd.isna(table.loc["b", "improvement"])
    assert table.loc["a", "previous_rank"] == 3


def test_close_call_uses_the_smallest_step_and_equal_shown_values():
    current = _scores([("a", 3.106, "f"), ("b", 3.1035, "f"), ("c", 3.0, "f"), ("d", 2.9951, "f"), ("e", 2.5, "f")])
    table = ranking_table(current, _scores([]), smallest_step=0.004).set_index("region_code")
    # a-b (shown 3.11, 3.10) differ by 0.0025 < 0.004; c-d 0.0049 >= 0.004 but both show 3.00: tied, too close too
    assert table["too_close_to_call"].to_dict() == {"a": True, "b": True, "c": True, "d": True, "e": False}
    wider = ranking_table(current, _scores([]), smallest_step=0.002).set_index("region_code")
    assert not wider.loc["a", "too_close_to_call"]


def test_method_change_flag_per_region():
    current = _scores([("a", 3.0, "new"), ("b", 2.0, "new")])
    previous = _scores([("a", 2.0, "old")])
    table = ranking_table(current, previous, smallest_step=0.004).set_index("region_code")
    assert bool(table.loc["a", "method_changed"]) and not bool(table.loc["b", "method_changed"])
    same = ranking_table(current, _scores([("a", 2.0, "new")]), smallest_step=0.004)
    assert not same["method_changed"].any()


def test_smallest_step_of_the_tiny_framework(tiny):
    assert tiny.smallest_step == pytest.approx(0.075)
