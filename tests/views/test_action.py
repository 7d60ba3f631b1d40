"""views.action by hand: the changes a scenario makes, and a register's summary on a tiny grid."""

import pandas as pd
import pytest

from scoring.whatif import VERIFY
from views.action import plan_summary, scenario_changes

A, B = "GOV.A.01", "ENV.A.01"   # index shares 1/5 and 1/10 in the tiny framework


def grid():
    # A: recorded 3 but counted 1 (evidence not verified); B: 2 counted
    return pd.DataFrame({"indicator_code": [A, B], "level": [3, 2], "effective_level": [1.0, 2.0]})


def register():
    return pd.DataFrame({"programme_code": ["P1", "P2"], "name": ["Satu", "Dua"],
                         "indicators": [f"{A}=4; {B}=3", f"{B}=4"],
                         "budget": [1e9, 5e8], "start_year": [2024, 2020], "end_year": [2026, 2021],
                         "status": ["running", "running"], "progress": [50.0, 10.0]})


def test_scenario_changes_name_levels_now_and_after():
    changes = scenario_changes({B: 4, A: VERIFY}, ("P2",), grid(), register())
    assert str(changes["level_now"].iloc[0]) == "2"              # shown as a whole level, never "1.0"
    assert changes.astype(object).where(changes.notna(), None).to_dict("records") == [
        {"kind": "indicator", "code": B, "level_now": 2, "level_after": 4, "verify": False},
        {"kind": "indicator", "code": A, "level_now": 1, "level_after": 3, "verify": True},
        {"kind": "programme", "code": "P2", "level_now": None, "level_after": 4, "verify": False},
    ]


def test_plan_summary_by_hand(tiny):
    summary = plan_summary(grid(), tiny, register(), this_year=2025)
    # now 0.2*1 + 0.1*2 = 0.4; all done: A -> 4, B -> max(3, 4) = 4: 0.2*4 + 0.1*4 = 1.2
    assert summary.index_now == pytest.approx(0.4) and summary.index_all_done == pytest.approx(1.2)
    assert summary.programmes == 2 and summary.budget == 1.5e9
    # P1 alone: 0.2*4 + 0.1*3 = 1.1 (+0.7); P2 alone: 0.2 + 0.1*4 = 0.6 (+0.2)
    assert summary.top["programme_code"].tolist() == ["P1", "P2"]
    assert summary.top["gain"].tolist() == pytest.approx([0.7, 0.2])
    assert summary.issues == 1          # P2 ended in 2021 at 10 %: late
