"""The path to the next band in actions, and indicator priority by gain per action (hand-computed
on the tiny framework; index shares GOV.A.01 0.2, GOV.A.02 0.075, GOV.B.01 0.2, ENV.A.01 0.1,
ENV.A.02 0.2, ENV.A.03 0.225)."""

import pytest

from scoring import effective_levels, indicator_priority, opd_summary, plan_next_band
from tests.conftest import TINY_LEVELS, assessment_rows


def grid_of(levels, evidence=None, claimed=None):
    rows = assessment_rows({"r": levels})
    for code, state in (evidence or {}).items():
        rows.loc[rows["indicator_code"] == code, "evidence"] = state
    for code, level in (claimed or {}).items():
        rows.loc[rows["indicator_code"] == code, "claimed_level"] = level
    return effective_levels(rows, _tiny())


def _tiny():
    from scoring import load_framework
    from tests.conftest import FIXTURES
    return load_framework(FIXTURES / "tiny.toml")


def test_one_verification_unlocking_four_levels_is_one_action(tiny):
    # ENV.A.02 recorded 4 but only submitted: counts 0. Index 2.825 - 0.8 = 2.025 (band 2).
    grid = grid_of(TINY_LEVELS, evidence={"ENV.A.02": "submitted"})
    plan = plan_next_band(grid, tiny)
    assert plan.score == pytest.approx(2.025) and plan.band.level == 2 and plan.next_lower == 2.6
    # verifying gives +0.8 in one action: 2.825 >= 2.595
    assert [(a.indicator_code, a.kind, a.from_level, a.to_level) for a in plan.actions] == [
        ("ENV.A.02", "verify", 0, 4)]
    assert plan.action_count == 1 and plan.score_after == pytest.approx(2.825)
    assert plan.actions[0].owner_opd == tiny.indicator("ENV.A.02").owner_opd


def test_plan_to_band_4_from_2_825(tiny):
    # 2.825 -> goal 3.495 (shown 3.50): needs 0.67. ENV.A.03 +0.225 x 3 = 0.675: three raises, one action entry.
    plan = plan_next_band(grid_of(TINY_LEVELS), tiny)
    assert [(a.indicator_code, a.kind, a.from_level, a.to_level, a.count) for a in plan.actions] == [
        ("ENV.A.03", "raise", 1, 4, 3)]
    assert plan.action_count == 3 and plan.score_after == pytest.approx(3.5)


def test_a_verify_first_greedy_would_take_more_actions(tiny):
    # GOV.A.02 recorded 1, unverified (verify gain 0.075); index 0.6 + 0.6 + 0.2 + 0.6 + 0.225 = 2.225
    levels = {"GOV.A.01": 3, "GOV.A.02": 1, "GOV.B.01": 3, "ENV.A.01": 2, "ENV.A.02": 3, "ENV.A.03": 1}
    grid = grid_of(levels, evidence={"GOV.A.02": "submitted"})
    plan = plan_next_band(grid, tiny)
    assert plan.score == pytest.approx(2.225)
    # needed 2.595 - 2.225 = 0.37: ENV.A.03 +0.225 and one +0.2 raise = 0.425 in 2 actions.
    assert plan.action_count == 2 and plan.reachable
    assert all(a.kind == "raise" for a in plan.actions)
    # verifying GOV.A.02 first (the old "evidence fixes first" rule): 0.075 + 0.225 = 0.30 < 0.37, a third action
    assert 0.075 + 0.225 < 0.37 <= 0.075 + 0.225 + 0.225


def test_a_rejected_claim_is_not_an_evidence_fix(tiny):
    # GOV.A.01 verified at 1 although 3 was claimed: only raising lifts it.
    levels = dict(TINY_LEVELS, **{"GOV.A.01": 1})
    grid = grid_of(levels, claimed={"GOV.A.01": 3})
    priority = indicator_priority(grid, tiny).set_index("indicator_code")
    assert priority.loc["GOV.A.01", "next_action"] == "raise"
    assert (priority.loc["GOV.A.01", "from_level"], priority.loc["GOV.A.01", "to_level"]) == (1, 2)
    assert all(a.kind == "raise" for a in plan_next_band(grid, tiny, "GOV").actions)
    assert opd_summary(grid, tiny).set_index("owner_opd").loc["Diskominfo", "over_claims"] == 1


def test_priority_ranks_by_gain_per_action_including_levels_of_3_and_more(tiny):
    grid = grid_of(TINY_LEVELS, evidence={"ENV.A.02": "missing"})
    priority = indicator_priority(grid, tiny)
    first = priority.iloc[0]
    assert (first["indicator_code"], first["next_action"]) == ("ENV.A.02", "verify")
    assert first["index_gain"] == pytest.approx(0.8)  # 4 levels x 0.2
    gains = priority.set_index("indicator_code")["index_gain"]
    assert "GOV.B.01" not in gains and "ENV.A.01" not in gains  # verified at the top level 4: nothing left
    assert gains["GOV.A.01"] == pytest.approx(0.2)   # at level 3
    assert gains["ENV.A.03"] == pytest.approx(0.225)
    assert list(priority["index_gain"]) == sorted(priority["index_gain"], reverse=True)


def test_top_band_and_unreachable(tiny):
    top = plan_next_band(grid_of({k: tiny.max_level for k in TINY_LEVELS}), tiny)
    assert top.score == pytest.approx(4.0) and top.band.level == 5
    assert top.next_band is None and not top.reachable and top.actions == ()
    # tiny ENV dimension (shares 0.2, 0.2, 0.6) needs 3.795 for band 5; 0.2x2 + 0.2x4 + 0.6x4 = 3.6 (band 4):
    # one raise of ENV.A.01 (+0.2) reaches 3.8.
    env = plan_next_band(grid_of(dict(TINY_LEVELS, **{"ENV.A.01": 2, "ENV.A.02": 4, "ENV.A.03": 4})), tiny, "ENV")
    assert env.band.level == 4 and env.reachable
    assert [(a.indicator_code, a.from_level, a.to_level) for a in env.actions] == [("ENV.A.01", 2, 3)]


def test_opd_summary_counts(tiny):
    grid = grid_of(TINY_LEVELS, evidence={"ENV.A.02": "submitted", "GOV.A.01": "missing"})
    summary = opd_summary(grid, tiny).set_index("owner_opd")
    # Diskominfo owns GOV.A.01 (recorded 3, missing: verify +0.6) and GOV.B.01; DLH owns ENV.A.01 and
    # ENV.A.02 (recorded 4, submitted: verify +0.8)
    assert summary.loc["Diskominfo", ["indicators", "missing_evidence", "verifications"]].tolist() == [2, 1, 1]
    assert summary.loc["Diskominfo", "verify_gain"] == pytest.approx(0.6)
    assert summary.loc["DLH", "verify_gain"] == pytest.approx(0.8)
    # next actions: Diskominfo verify GOV.A.01 0.6 (GOV.B.01 is at the top level 4); DLH verify 0.8
    # (ENV.A.01 at 4 too)
    assert summary.loc["Diskominfo", "index_gain"] == pytest.approx(0.6)
    assert summary.loc["DLH", "index_gain"] == pytest.approx(0.8)
    assert list(summary.index[:2]) == ["DLH", "Diskominfo"]
