"""Hand-calculated figures: exact decimals, band of the shown value, gaps on shown values."""

import pandas as pd
import pytest

from scoring import band_for, gap_table, index_scores, round_score, smart_city_index
from scoring.bands import shown_difference, shown_text
from tests.conftest import TINY_LEVELS, assessment_rows

CHAINS = ("baseline", "output", "outcome", "impact", "quick_win")


def _components(*values):
    return dict(zip(CHAINS, values, strict=True))


def test_kota_jambi_2024_is_exactly_3_475_and_shows_3_48():
    components = _components(3.84, 3.18, 3.53, 3.63, 3.35)
    fractions = dict(zip(CHAINS, (0.1, 0.2, 0.3, 0.2, 0.2), strict=True))
    percents = dict(zip(CHAINS, (10, 20, 30, 20, 20), strict=True))
    assert smart_city_index(components, fractions) == 3.475
    assert smart_city_index(components, percents) == 3.475  # percentages are divided by their sum
    assert round_score(smart_city_index(components, fractions)) == 3.48


def test_exact_x_xx5_rounds_up():
    weights = dict(zip(CHAINS, (0.1, 0.2, 0.3, 0.2, 0.2), strict=True))
    assert round_score(smart_city_index(_components(3.57, 3.97, 4.26, 2.89, 4.19), weights)) == 3.85


def test_round_score_reads_the_float_as_a_spreadsheet_does():
    assert round_score(3.4749999999999996) == 3.48   # float noise of 3.475
    assert round_score(3.47499999999999) == 3.47     # a real 3.47499999999999
    assert shown_text(-0.001) == "0.00" and shown_text(-0.005) == "-0.01"


@pytest.mark.parametrize(("score", "level"), [
    (1.7949, 1), (1.795, 2), (2.5949, 2), (2.595, 3), (2.6, 3), (3.4949, 3), (3.495, 4), (3.7949, 4), (3.795, 5),
])
def test_band_is_the_band_of_the_shown_value(tiny, score, level):
    assert band_for(score, tiny).level == level


def test_index_scores_are_exact_at_a_boundary(tiny):
    # index shares: GOV.A.01 0.2, GOV.A.02 0.075, GOV.B.01 0.2, ENV.A.01 0.1, ENV.A.02 0.2, ENV.A.03 0.225
    levels = {"GOV.A.01": 3, "GOV.A.02": 1, "GOV.B.01": 3, "ENV.A.01": 1, "ENV.A.02": 2, "ENV.A.03": 2}
    # 0.6 + 0.075 + 0.6 + 0.1 + 0.4 + 0.45 = 2.225
    table = index_scores(assessment_rows({"r": levels}), tiny)
    assert table["index"].iloc[0] == 2.225 and round_score(table["index"].iloc[0]) == 2.23
    assert index_scores(assessment_rows({"r": TINY_LEVELS}), tiny)["index"].iloc[0] == 2.825


def test_gap_uses_shown_values_so_gap_0_00_is_met(tiny):
    scores = pd.DataFrame({"dimension": ["GOV", "ENV"], "score": [2.595, 2.5949]})
    rows = gap_table(scores, tiny).set_index("dimension")
    assert rows.loc["GOV", "shown"] == 2.6 and rows.loc["GOV", "gap"] == 0.0 and bool(rows.loc["GOV", "met"])
    assert rows.loc["ENV", "gap"] == 0.01 and not bool(rows.loc["ENV", "met"])
    own = gap_table(scores, tiny, {"GOV": 3.5}).set_index("dimension")
    assert own.loc["GOV", "target_source"] == "region" and own.loc["GOV", "gap"] == 0.9


def test_change_shown_is_the_difference_of_shown_values():
    assert shown_difference(2.264, 1.855) == 0.40  # 2.26 - 1.86, not round(0.409) = 0.41
    assert shown_difference(2.001, 2.004) == 0.0
