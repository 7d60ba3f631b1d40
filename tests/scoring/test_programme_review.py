"""Late, not started and behind-schedule programmes, uncovered gaps and budget per dimension,
on a fixed `this_year` (2026), every figure by hand."""

import pandas as pd
import pytest

from scoring import effective_levels
from scoring.programme_review import budget_by_dimension, expected_progress, programme_issues, uncovered_gaps
from tests.conftest import TINY_LEVELS, assessment_rows

REGISTER = pd.DataFrame([
    # code, dimension, budget, status, start, end, progress
    ("A", "GOV", 100.0, "running", 2023, 2025, 90.0),   # end 2025 passed: late
    ("B", "GOV", 50.0, "planned", 2025, 2027, 0.0),     # start 2025 passed, still planned: not started
    ("C", "ENV", 30.0, "running", 2025, 2028, 10.0),    # expected (2026-2025+0.5)/4 = 37.5%; 10 < 12.5: behind
    ("D", "ENV", 20.0, "running", 2025, 2028, 13.0),    # 13 >= 12.5: on track
    ("E", "ENV", 999.0, "stopped", 2020, 2022, 40.0),   # stopped: neither late nor counted in budget
    ("F", "GOV", 5.0, "done", 2020, 2021, 100.0),
], columns=["programme_code", "dimension", "budget", "status", "start_year", "end_year", "progress"])


def test_expected_progress_is_the_share_of_years_gone():
    assert expected_progress(2025, 2028, 2026) == pytest.approx(37.5)
    assert expected_progress(2027, 2028, 2026) == 0.0 and expected_progress(2020, 2021, 2026) == 100.0


def test_issues_on_a_fixed_year():
    issues = programme_issues(REGISTER, 2026)
    assert issues[["programme_code", "issue"]].values.tolist() == [["A", "late"], ["B", "not_started"],
                                                                   ["C", "behind"]]
    assert programme_issues(REGISTER, 2025)["programme_code"].tolist() == []  # C expected 12.5%: 10 is on track


def test_budget_per_dimension_leaves_out_stopped_programmes():
    money = budget_by_dimension(REGISTER, ["GOV", "ENV", "LIV"])
    assert money.values.tolist() == [["GOV", 155.0, 3], ["ENV", 50.0, 2], ["LIV", 0.0, 0]]


def test_uncovered_gaps_rank_unlinked_indicators_by_gain_to_the_top_level(tiny):
    grid = effective_levels(assessment_rows({"35.09": dict(TINY_LEVELS, **{"ENV.A.01": 2})}), tiny)
    linked = pd.DataFrame({"programme_code": ["P"], "indicator_code": ["ENV.A.03"], "target_level": [3]})
    gaps = uncovered_gaps(grid, linked, tiny.max_level)
    # to level 4: GOV.A.02 0.075*4 = 0.3; ENV.A.01 0.1*2 = 0.2; GOV.A.01 0.2*1 = 0.2; GOV.B.01 and ENV.A.02 at 4: none
    assert gaps["indicator_code"].tolist() == ["GOV.A.02", "ENV.A.01", "GOV.A.01"]
    assert gaps["gain"].tolist() == pytest.approx([0.3, 0.2, 0.2])
    assert uncovered_gaps(grid, linked, tiny.max_level, minimum_gain=0.25)["indicator_code"].tolist() == ["GOV.A.02"]
