"""Published results: the index recomputed from published components, and published figures
ranked among themselves. Hand-computed cases."""

from __future__ import annotations

import pandas as pd

from scoring.official import beside_computed, official_ranking, recomputed_index

WEIGHTS_2022 = {"baseline": 0.10, "output": 0.20, "outcome": 0.30, "impact": 0.20, "quick_win": 0.20}
JAMBI = {"baseline": "3.84", "output": "3.18", "outcome": "3.53", "impact": "3.63", "quick_win": "3.35"}


def test_recomputed_from_published_components_is_exact_and_half_up():
    # 0.384 + 0.636 + 1.059 + 0.726 + 0.670 = 3.475 exactly: half up gives 3.48 (binary floats give 3.4749...)
    assert recomputed_index(JAMBI, WEIGHTS_2022) == 3.48
    # percentages read the same as fractions
    assert recomputed_index(JAMBI, {k: v * 100 for k, v in WEIGHTS_2022.items()}) == 3.48


def test_nothing_recomputed_without_all_five_components_or_weights():
    assert recomputed_index({**JAMBI, "impact": ""}, WEIGHTS_2022) is None
    assert recomputed_index(JAMBI, None) is None


def test_published_figures_rank_among_themselves_with_shared_ranks_and_change():
    current = pd.DataFrame({"region_code": ["a", "b", "c", "d"], "index": ["3.40", "3.48", "3.40", "3.10"]})
    previous = pd.DataFrame({"region_code": ["a", "d"], "index": ["3.45", "2.90"]})
    ranked = official_ranking(current, previous)
    assert list(ranked["region_code"]) == ["b", "a", "c", "d"]
    assert list(ranked["rank"]) == [1, 2, 2, 4]
    assert list(ranked["index"]) == ["3.48", "3.40", "3.40", "3.10"]   # the published text, untouched
    assert ranked["change"].tolist() == [pd.NA, -0.05, pd.NA, 0.2]


def test_published_beside_computed_says_where_they_differ_beyond_001():
    official = pd.DataFrame({"year": [2024, 2023, 2022], "index": ["3.48", "3.80", "3.10"]})
    computed = pd.DataFrame({"year": [2022, 2023], "score": [3.105, 3.2149]})   # shown 3.11 and 3.21
    table = beside_computed(official, computed)
    assert list(table["year"]) == [2022, 2023, 2024] and list(table["index"]) == ["3.10", "3.80", "3.48"]
    assert table["difference"].tolist() == [-0.01, 0.59, pd.NA]
    assert table["differs"].tolist() == [False, True, False]
