"""Hand-computed scores on the tiny framework (see fixtures/tiny.toml)."""

import math

import pandas as pd
import pytest

from scoring import (
    chain_scores,
    dimension_scores,
    effective_levels,
    element_scores,
    index_scores,
    region_scores,
    smart_city_index,
)
from tests.conftest import TINY_LEVELS, assessment_rows


def by(frame, key, column="score"):
    return dict(zip(frame[key], frame[column], strict=True))


def test_element_and_dimension_scores_by_hand(tiny):
    rows = assessment_rows({"35.09": TINY_LEVELS})
    elements = by(element_scores(rows, tiny), "element")
    # GOV.A = (2x3 + 1x0) / 3; GOV.B = 4; ENV.A = (4 + 4 + 3x1) / 5
    assert elements == pytest.approx({"GOV.A": 2.0, "GOV.B": 4.0, "ENV.A": 2.2})
    dimensions = dimension_scores(rows, tiny)
    assert by(dimensions, "dimension") == pytest.approx({"GOV": 3.0, "ENV": 2.2})
    assert by(dimensions, "dimension", "band") == {"GOV": 3, "ENV": 2}


def test_chain_scores_and_index_by_hand(tiny):
    rows = assessment_rows({"35.09": TINY_LEVELS})
    chains = by(chain_scores(rows, tiny), "chain")
    assert chains == pytest.approx({"baseline": 4, "output": 3, "outcome": 0.75, "impact": 4,
                                    "quick_win": 4})
    index = index_scores(rows, tiny)
    # 0.1x4 + 0.2x3 + 0.3x0.75 + 0.2x4 + 0.2x4
    assert index["index"].iloc[0] == pytest.approx(2.825)
    assert index["band"].iloc[0] == 3


def test_smart_city_index_weights_components():
    weights = {"baseline": 0.1, "output": 0.2, "outcome": 0.3, "impact": 0.2, "quick_win": 0.2}
    components = {"baseline": 5, "output": 0, "outcome": 1, "impact": 2, "quick_win": 3}
    assert smart_city_index(components, weights) == pytest.approx(0.5 + 0 + 0.3 + 0.4 + 0.6)
    assert smart_city_index({"output": 4}, weights) == pytest.approx(0.8)
    with pytest.raises(KeyError):
        smart_city_index({"unknown": 1}, weights)


def test_unverified_levels_count_as_zero_by_default_and_as_claimed_on_request(tiny):
    rows = assessment_rows({"35.09": TINY_LEVELS}, evidence="submitted")
    rows.loc[rows["indicator_code"] == "GOV.B.01", "evidence"] = "verified"
    grid = effective_levels(rows, tiny)
    counted = by(grid, "indicator_code", "effective_level")
    assert counted["GOV.B.01"] == 4 and counted["GOV.A.01"] == 0
    claimed = by(effective_levels(rows, tiny, policy="claimed"), "indicator_code", "effective_level")
    assert claimed == pytest.approx({k: float(v) for k, v in TINY_LEVELS.items()})


def test_missing_indicator_counts_as_zero(tiny):
    levels = dict(TINY_LEVELS)
    del levels["GOV.B.01"]
    dimensions = by(dimension_scores(assessment_rows({"35.09": levels}), tiny), "dimension")
    assert dimensions["GOV"] == pytest.approx(1.0)  # (2 + 0) / 2


def test_region_scores_long_table_agrees_with_parts(tiny):
    rows = assessment_rows({"35.09": TINY_LEVELS, "35.78": {k: tiny.max_level for k in TINY_LEVELS}})
    table = region_scores(rows, tiny)
    assert set(table["kind"]) == {"index", "dimension", "chain", "element"}
    top = table[(table["region_code"] == "35.78")]
    assert top["score"].tolist() == pytest.approx([4.0] * len(top))  # every level at the top: every score 4
    index = table[(table["kind"] == "index") & (table["region_code"] == "35.09")]
    assert math.isclose(index["score"].iloc[0], 2.825)
    assert len(table) == 2 * (1 + 2 + 5 + 3)
    assert isinstance(table, pd.DataFrame)
