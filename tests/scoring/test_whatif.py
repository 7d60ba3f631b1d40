"""What-if on the tiny framework, every figure computed by hand.

Index shares of tiny.toml (chain weight x indicator weight within its chain):
GOV.A.01 0.2 (output), GOV.A.02 0.075 and ENV.A.03 0.225 (outcome 0.3 split 1:3), GOV.B.01 0.2
(impact), ENV.A.01 0.1 (baseline), ENV.A.02 0.2 (quick win).
TINY_LEVELS all verified: 3*0.2 + 0 + 4*0.2 + 4*0.1 + 4*0.2 + 1*0.225 = 2.825 (band 3, from 2.6; band 4
from 3.5, band 5 from 3.8). Levels run 0-4.
"""

import pandas as pd
import pytest

from scoring import effective_levels, scope_score
from scoring.whatif import VERIFY, WhatIfError, apply_changes, programme_effects, programme_levels, simulate
from tests.conftest import TINY_LEVELS, assessment_rows

OTHERS = pd.DataFrame({"region_code": ["35.78", "35.10", "35.11", "31.71"], "index": [3.1, 3.9, 2.0, 4.0]})
PROVINCES = {"35.09": "35", "35.78": "35", "35.10": "35", "35.11": "35", "31.71": "31"}


def grid_of(levels, tiny, evidence=None):
    rows = assessment_rows({"35.09": levels})
    for code, value in (evidence or {}).items():
        rows.loc[rows["indicator_code"] == code, "evidence"] = value
    return effective_levels(rows, tiny)


def table_with(index):
    return pd.concat([OTHERS, pd.DataFrame({"region_code": ["35.09"], "index": [index]})], ignore_index=True)


def test_index_is_the_hand_computed_sum(tiny):
    assert scope_score(grid_of(TINY_LEVELS, tiny), tiny) == pytest.approx(2.825, abs=1e-12)


def test_setting_levels_moves_index_band_and_ranks(tiny):
    grid = grid_of(TINY_LEVELS, tiny)
    # GOV.A.02 0 -> 4: +0.3; ENV.A.03 1 -> 3: +0.45; 2.825 -> 3.575 (band 3 -> 4)
    result = simulate(grid, tiny, table_with(2.825), "35.09", levels={"GOV.A.02": 4, "ENV.A.03": 3},
                      province_codes=PROVINCES)
    assert result.index_before == pytest.approx(2.825) and result.index_after == pytest.approx(3.575)
    assert (result.band_before, result.band_after) == (3, 4)
    # national: 4.0, 3.9, 3.1, [2.825], 2.0 -> 4th; after 3.575: 4.0, 3.9, [3.575] -> 3rd
    assert (result.rank_before, result.rank_after) == (4, 3)
    # province 35 leaves out 31.71 (4.0): 3rd -> 2nd
    assert (result.province_rank_before, result.province_rank_after) == (3, 2)


def test_equal_shown_values_share_a_rank(tiny):
    # GOV.A.01 3 -> 4 (+0.2) and GOV.A.02 0 -> 1 (+0.075): 2.825 -> 3.10, equal to 35.78's 3.10
    result = simulate(grid_of(TINY_LEVELS, tiny), tiny, table_with(2.825), "35.09",
                      levels={"GOV.A.01": 4, "GOV.A.02": 1})
    assert result.index_after == pytest.approx(3.1)
    assert result.rank_after == 3  # 4.0 first, 3.9 second, 3.10 and 3.10 share third (1, 2, 3, 3, 5)


def test_verify_counts_the_recorded_level(tiny):
    grid = grid_of(TINY_LEVELS, tiny, evidence={"ENV.A.03": "submitted"})  # level 1 counts 0 until verified
    assert scope_score(grid, tiny) == pytest.approx(2.6)
    verified = apply_changes(grid, {"ENV.A.03": VERIFY}, max_level=tiny.max_level)
    assert scope_score(verified, tiny) == pytest.approx(2.825)


def test_a_programme_lifts_but_never_lowers(tiny):
    grid = grid_of(TINY_LEVELS, tiny)
    register = pd.DataFrame({"programme_code": ["P1", "P1", "P1", "P2"],
                             "indicator_code": ["GOV.A.02", "ENV.A.03", "GOV.B.01", "GOV.A.02"],
                             "target_level": [4, 2, 2, 3]})
    assert programme_levels(register, ["P1", "P2"]) == {"ENV.A.03": 2, "GOV.A.02": 4, "GOV.B.01": 2}
    effects = programme_effects(grid, tiny, register).set_index("programme_code")
    # P1: GOV.A.02 0 -> 4 (+0.3), ENV.A.03 1 -> 2 (+0.225), GOV.B.01 stays 4: 3.35
    assert effects.loc["P1", "index_after"] == pytest.approx(3.35)
    assert effects.loc["P1", "indicators"] == 3 and effects.loc["P1", "band_after"] == 3
    # P2: GOV.A.02 0 -> 3: +0.225 -> 3.05
    assert effects.loc["P2", "gain"] == pytest.approx(0.225)


def test_unknown_indicator_and_bad_level_are_refused(tiny):
    grid = grid_of(TINY_LEVELS, tiny)
    with pytest.raises(WhatIfError, match=r"XX\.01"):
        apply_changes(grid, {"XX.01": 3}, max_level=tiny.max_level)
    with pytest.raises(WhatIfError, match="0 to 4"):
        apply_changes(grid, {"GOV.A.01": 5}, max_level=tiny.max_level)  # 5 is above the top level 4
    assert scope_score(apply_changes(grid, {"GOV.A.01": 4}, max_level=tiny.max_level), tiny) == pytest.approx(3.025)
