"""views.action by hand: the changes a scenario makes, and a register's summary on a tiny grid."""

import pandas as pd
import pytest

from scoring.whatif import VERIFY
from views.action import plan_summary, scenario_changes


def grid():
    # A: recorded 3 but counted 1 (evidence not verified); B: 2 counted; shares 0.5 and 0.25
    return pd.DataFrame({"indicator_code": ["A", "B"], "level": [3, 2], "effective_level": [1.0, 2.0],
                         "index_share": [0.5, 0.25]})


def register():
    return pd.DataFrame({"programme_code": ["P1", "P2"], "name": ["Satu", "Dua"], "indicators": ["A=4; B=3", "B=5"],
                         "budget": [1e9, 5e8], "start_year": [2024, 2020], "end_year": [2026, 2021],
                         "status": ["running", "running"], "progress": [50.0, 10.0]})


def test_scenario_changes_name_levels_now_and_after():
    changes = scenario_changes({"B": 4, "A": VERIFY}, ("P2",), grid(), register())
    assert str(changes["level_now"].iloc[0]) == "1"              # shown as a whole level, never "1.0"
    assert changes.astype(object).where(changes.notna(), None).to_dict("records") == [
        {"kind": "indicator", "code": "A", "level_now": 1, "level_after": 3, "verify": True},
        {"kind": "indicator", "code": "B", "level_now": 2, "level_after": 4, "verify": False},
        {"kind": "programme", "code": "P2", "level_now": None, "level_after": 5, "verify": False},
    ]


def test_plan_summary_by_hand(tiny):
    summary = plan_summary(grid(), tiny, register(), this_year=2025)
    # now 0.5*1 + 0.25*2 = 1.0; all done: A -> 4, B -> max(3, 5) = 5: 0.5*4 + 0.25*5 = 3.25
    assert summary.index_now == pytest.approx(1.0) and summary.index_all_done == pytest.approx(3.25)
    assert summary.programmes == 2 and summary.budget == 1.5e9
    # P1 alone: 0.5*4 + 0.25*3 = 2.75 (+1.75); P2 alone: 0.5 + 0.25*5 = 1.75 (+0.75)
    assert summary.top["programme_code"].tolist() == ["P1", "P2"]
    assert summary.top["gain"].tolist() == pytest.approx([1.75, 0.75])
    assert summary.issues == 1          # P2 ended in 2021 at 10 %: late
