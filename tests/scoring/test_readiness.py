"""Evidence readiness per OPD, deadlines on fixed dates and the roll-up, by hand on the tiny framework.

tiny.toml owners: Diskominfo GOV.A.01, GOV.B.01; Bapperida GOV.A.02; DLH ENV.A.01, ENV.A.02;
Dinas PUPR ENV.A.03.
"""

import datetime

import pandas as pd
import pytest

from scoring import effective_levels
from scoring.readiness import (
    evidence_checklist,
    lagging_everywhere,
    next_evaluation,
    next_windows,
    opd_readiness,
    opd_rollup,
)
from tests.conftest import TINY_LEVELS, assessment_rows

D = datetime.date


def grid(tiny):
    rows = assessment_rows({"35.09": TINY_LEVELS})
    rows.loc[rows["indicator_code"] == "GOV.B.01", "evidence"] = "submitted"
    rows.loc[rows["indicator_code"] == "ENV.A.02", "evidence"] = "missing"
    return effective_levels(rows, tiny)


def test_readiness_counts_per_opd(tiny):
    table = opd_readiness(grid(tiny)).set_index("owner_opd")
    # Diskominfo 1 verified of 2 (GOV.B.01 submitted); DLH 1 of 2 (ENV.A.02 missing); the others 1 of 1
    assert table.loc["Diskominfo", ["indicators", "verified", "submitted", "missing"]].tolist() == [2, 1, 1, 0]
    assert table.loc["DLH", ["indicators", "verified", "submitted", "missing"]].tolist() == [2, 1, 0, 1]
    assert table["progress"].to_dict() == {"DLH": 0.5, "Diskominfo": 0.5, "Bapperida": 1.0, "Dinas PUPR": 1.0}
    assert list(table.index[:2]) == ["DLH", "Diskominfo"]  # least ready first


def test_checklist_puts_unverified_first_with_the_next_level(tiny):
    checklist = evidence_checklist(grid(tiny), "Diskominfo", tiny.max_level)
    assert checklist["indicator_code"].tolist() == ["GOV.B.01", "GOV.A.01"]
    # GOV.B.01 level 4 submitted counts 0: the next level that would count is 1; GOV.A.01 verified 3: next 4
    assert checklist["next_level"].tolist() == [1, 4]
    dlh = evidence_checklist(grid(tiny), "DLH", tiny.max_level).set_index("indicator_code")["next_level"]
    # level 4 with missing evidence counts 0 (next 1); ENV.A.01 verified at the top level 4: no next level
    assert dlh["ENV.A.02"] == 1 and dlh["ENV.A.01"] is pd.NA
    verified = effective_levels(assessment_rows({"35.09": TINY_LEVELS}), tiny)
    top = evidence_checklist(verified, "DLH", tiny.max_level).set_index("indicator_code")
    assert top.loc["ENV.A.02", "next_level"] is pd.NA


CALENDAR = pd.DataFrame({"year": [2026, 2026, 2027], "stage": ["I", "II", "I"],
                         "opens": [D(2026, 3, 2), D(2026, 6, 1), D(2027, 3, 1)],
                         "closes": [D(2026, 4, 30), D(2026, 8, 28), D(2027, 4, 30)]})


def test_days_left_on_fixed_dates():
    windows = next_windows(CALENDAR, D(2026, 4, 10))
    # stage I open: 20 days to 30 April; stage II opens in 52 days (10 April -> 1 June), closes in 140
    assert windows[["stage", "days_left", "days_to_open", "open_now"]].values.tolist() == [
        ["I", 20, 0, True], ["II", 140, 52, False], ["I", 385, 325, False]]
    assert next_windows(CALENDAR, D(2026, 4, 30))["days_left"].iloc[0] == 0  # the closing day still counts
    assert next_windows(CALENDAR, D(2026, 5, 1))["stage"].tolist() == ["II", "I"]
    assert next_windows(CALENDAR, D(2028, 1, 1)).empty


def test_rollup_counts_missing_rows_as_not_verified():
    owners = {"A.1": "Diskominfo", "A.2": "Diskominfo", "B.1": "DLH"}
    counts = pd.DataFrame({"province_code": ["35", "35", "35", "31"], "province_name": ["Jatim"] * 3 + ["DKI"],
                           "indicator_code": ["A.1", "A.2", "B.1", "A.1"], "verified": [3, 1, 4, 2],
                           "regions": [4, 4, 4, 2]})
    table = opd_rollup(counts, owners).set_index("owner_opd")
    # Diskominfo: expected 2 x (4 + 2) = 12, verified 3 + 1 + 2 = 6 -> 0.5; province 35: 4/8 = 0.5, 31: 2/4 = 0.5
    assert table.loc["Diskominfo", ["expected", "verified"]].tolist() == [12, 6]
    assert table.loc["Diskominfo", "progress"] == pytest.approx(0.5)
    assert table.loc["Diskominfo", "provinces_below_half"] == 0
    # DLH: expected 6, verified 4 -> 2/3; province 31 has no B.1 row: 0/2 < 0.5
    assert table.loc["DLH", "progress"] == pytest.approx(4 / 6) and table.loc["DLH", "provinces_below_half"] == 1


def test_next_step_is_verify_when_the_recorded_level_does_not_count(tiny):
    steps = evidence_checklist(grid(tiny), "Diskominfo", tiny.max_level).set_index("indicator_code")
    # GOV.B.01 recorded 4, submitted: counts 0 -> verify its evidence for level 4; GOV.A.01 verified 3 -> raise to 4
    assert steps.loc["GOV.B.01", ["next_step", "target_level"]].tolist() == ["verify", 4]
    assert steps.loc["GOV.A.01", ["next_step", "target_level"]].tolist() == ["raise", 4]
    dlh = evidence_checklist(grid(tiny), "DLH", tiny.max_level).set_index("indicator_code")
    assert dlh.loc["ENV.A.02", ["next_step", "target_level"]].tolist() == ["verify", 4]   # level 4, missing
    verified = effective_levels(assessment_rows({"35.09": TINY_LEVELS}), tiny)
    top = evidence_checklist(verified, "DLH", tiny.max_level).set_index("indicator_code").loc["ENV.A.02"]
    assert top["next_step"] == "top" and top["target_level"] is pd.NA
    # stage I scores the claim: a submitted level 3 already counts 3, so the next step is to raise it
    claimed = effective_levels(assessment_rows({"35.09": TINY_LEVELS}, evidence="submitted"), tiny, "claimed")
    assert evidence_checklist(claimed, "Diskominfo", tiny.max_level).set_index("indicator_code").loc[
        "GOV.A.01", ["next_step", "target_level"]].tolist() == ["raise", 4]


def test_next_evaluation_shows_both_windows_of_its_year_on_fixed_dates():
    columns = ["year", "stage", "closed", "open_now", "days_left", "days_to_open"]
    # 10 April 2026: stage I open, 20 days to 30 April; stage II opens 1 June (52 days), closes 28 August (140)
    assert next_evaluation(CALENDAR, D(2026, 4, 10))[columns].values.tolist() == [
        [2026, "I", False, True, 20, 0], [2026, "II", False, False, 140, 52]]
    # 1 May 2026: stage I closed yesterday (no days left); stage II 30 + 30 + 31 + 28 = 119 days
    on_may_first = next_evaluation(CALENDAR, D(2026, 5, 1))
    assert on_may_first["closed"].tolist() == [True, False]
    assert on_may_first["days_left"].iloc[0] is pd.NA and on_may_first["days_left"].iloc[1] == 119
    # 1 September 2026: the 2026 windows are closed: 2027 stage I, 30+31+30+31+31+28 = 181 days to open
    # (1 Sep -> 1 Mar), + 31 (March) + 29 (1 -> 30 April) = 241 days to close
    assert next_evaluation(CALENDAR, D(2026, 9, 1))[columns].values.tolist() == [[2027, "I", False, False, 241, 181]]
    assert next_evaluation(CALENDAR, D(2026, 8, 28))["days_left"].tolist() == [pd.NA, 0]  # closing day counts
    assert next_evaluation(CALENDAR, D(2028, 1, 1)).empty


def test_rollup_names_the_opd_types_behind_their_province_nearly_everywhere():
    owners = {"A.1": "Diskominfo", "A.2": "Diskominfo", "B.1": "DLH"}
    counts = pd.DataFrame({
        "province_code": ["35", "35", "35", "31", "32", "32", "32"],
        "province_name": ["Jatim", "Jatim", "Jatim", "DKI", "Jabar", "Jabar", "Jabar"],
        "indicator_code": ["A.1", "A.2", "B.1", "A.1", "A.1", "A.2", "B.1"],
        "verified": [3, 1, 4, 2, 0, 0, 2], "regions": [4, 4, 4, 2, 2, 2, 2]})
    table = opd_rollup(counts, owners).set_index("owner_opd")
    # 35: Diskominfo 4/8 = 0.5 < overall 8/12; DLH 4/4. 31: Diskominfo 2/4 = 0.5 > overall 2/6; DLH 0/2.
    # 32: Diskominfo 0/4 < overall 2/6; DLH 2/2. Diskominfo is behind in 35 and 32, DLH in 31.
    assert table["provinces_behind"].to_dict() == {"Diskominfo": 2, "DLH": 1}
    assert table.loc["Diskominfo", "progress"] == pytest.approx(6 / 16)
    assert lagging_everywhere(opd_rollup(counts, owners), 3, share=0.6)["owner_opd"].tolist() == ["Diskominfo"]
    assert lagging_everywhere(opd_rollup(counts, owners), 3)["owner_opd"].tolist() == []   # 2 < 0.75 x 3
    assert lagging_everywhere(opd_rollup(counts, owners), 3, share=1 / 3)["owner_opd"].tolist() == [
        "Diskominfo", "DLH"]


def test_regions_counted_sums_each_provinces_assessed_regions():
    import pandas as pd

    from scoring.readiness import regions_counted

    counts = pd.DataFrame({"province_code": ["35", "35", "12"], "indicator_code": ["A", "B", "A"],
                           "verified": [3, 1, 2], "regions": [4, 4, 2]})
    assert regions_counted(counts) == 6   # 4 in 35 (not 8: one row per indicator), 2 in 12
