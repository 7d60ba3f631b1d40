import pandas as pd
import pytest

from scoring import effective_levels, gap_table, improvement, indicator_priority, path_to_next_band
from tests.conftest import TINY_LEVELS, assessment_rows


def test_gap_table_uses_own_target_else_national_minimum(tiny):
    scores = pd.DataFrame({"dimension": ["GOV", "ENV"], "score": [3.0, 2.0]})
    table = gap_table(scores, tiny, {"GOV": 3.5})
    rows = table.set_index("dimension")
    assert rows.loc["GOV", "target"] == 3.5 and rows.loc["GOV", "target_source"] == "region"
    assert rows.loc["GOV", "gap"] == pytest.approx(0.5)
    assert rows.loc["ENV", "target"] == 2.6 and rows.loc["ENV", "target_source"] == "national_minimum"
    assert rows.loc["ENV", "gap"] == pytest.approx(0.6)
    assert not rows["met"].any()


def test_indicator_priority_is_index_gain_to_target_level(tiny):
    grid = effective_levels(assessment_rows({"35.09": TINY_LEVELS}), tiny)
    ranked = indicator_priority(grid, tiny).set_index("indicator_code")
    # target 2.6 -> level 3. GOV.A.02 (outcome, weight 1 of 4 in outcome): 0.3 x 1/4 x 3
    assert ranked.loc["GOV.A.02", "index_gain"] == pytest.approx(0.225)
    # ENV.A.03 (outcome, weight 3 of 4): 0.3 x 3/4 x (3 - 1)
    assert ranked.loc["ENV.A.03", "index_gain"] == pytest.approx(0.45)
    assert ranked.loc["GOV.B.01", "index_gain"] == 0  # already above target
    assert ranked.index[0] == "ENV.A.03"


def test_path_to_next_band_for_the_index(tiny):
    grid = effective_levels(assessment_rows({"35.09": TINY_LEVELS}), tiny)
    upgrades, target = path_to_next_band(grid, tiny)
    assert target == 3.5  # from 2.825 (band 3) to band 4
    # Largest index shares: ENV.A.03 0.225 per level, then 0.2 (GOV.A.01 output, GOV.B.01 impact)
    # 2.825 + 0.225 x 3 = 3.5 exactly: three steps of ENV.A.03 (1 -> 4).
    assert [(u.indicator_code, u.from_level, u.to_level) for u in upgrades] == [("ENV.A.03", 1, 4)]


def test_path_lists_evidence_only_fixes_first(tiny):
    rows = assessment_rows({"35.09": TINY_LEVELS})
    rows.loc[rows["indicator_code"] == "GOV.A.01", ["level", "claimed_level"]] = [1, 3]
    grid = effective_levels(rows, tiny)
    upgrades, _ = path_to_next_band(grid, tiny, scope="GOV")
    assert upgrades[0].evidence_only and upgrades[0].indicator_code == "GOV.A.01"


def test_path_is_empty_in_the_top_band(tiny):
    grid = effective_levels(assessment_rows({"35.09": {k: 5 for k in TINY_LEVELS}}), tiny)
    assert path_to_next_band(grid, tiny) == ([], None)


def test_improvement_flags_a_change_of_method():
    current = pd.DataFrame({"region_code": ["a", "b"], "score": [3.0, 2.0]})
    previous = pd.DataFrame({"region_code": ["a"], "score": [2.5]})
    result = improvement(current, previous, current_framework="x-2022",
                         previous_framework="x-2019").set_index("region_code")
    assert result.loc["a", "improvement"] == pytest.approx(0.5)
    assert bool(result.loc["a", "method_changed"])
    assert pd.isna(result.loc["b", "previous_score"]) and not bool(result.loc["b", "method_changed"])
    same = improvement(current, previous, current_framework="x", previous_framework="x")
    assert not same["method_changed"].any()


def test_index_change_breakdown_adds_up_to_the_index_change(tiny):
    from scoring import index_scores, load_framework
    from scoring.change import index_change_breakdown
    from tests.conftest import FIXTURES

    old = load_framework(FIXTURES / "tiny-2019.toml")
    before = assessment_rows({"r": {k: 2 for k in TINY_LEVELS}})
    after = assessment_rows({"r": TINY_LEVELS})
    breakdown = index_change_breakdown(effective_levels(after, tiny), effective_levels(before, old))
    change = index_scores(after, tiny)["index"].iloc[0] - index_scores(before, old)["index"].iloc[0]
    assert breakdown["index_contribution"].sum() == pytest.approx(change)
    top = breakdown.iloc[0]
    # ENV.A.02 quick_win 2 -> 5: 0.2 x 5 - 0.1 x 2 = 0.8 (the weight of quick wins also changed)
    assert top["indicator_code"] == "ENV.A.02" and top["index_contribution"] == pytest.approx(0.8)


def test_change_by_dimension_adds_contributions_in_order():
    from scoring.change import change_by_dimension

    breakdown = pd.DataFrame({"dimension": ["ENV", "GOV", "ENV"], "index_contribution": [0.1, -0.2, 0.05]})
    assert change_by_dimension(breakdown, ["GOV", "ENV", "ECO"]).tolist() == pytest.approx([-0.2, 0.15, 0.0])
