import pandas as pd
import pytest

from scoring.peers import peer_set

REGIONS = pd.DataFrame({
    "code": ["a", "b", "c", "d", "e"],
    "province_code": ["1", "1", "1", "2", "2"],
    "kind": ["kota", "kabupaten", "kota", "kota", "kabupaten"],
    "latitude": [0.0, 0.0, 5.0, 0.0, 0.0],
    "longitude": [100.0, 101.0, 100.0, 100.5, 120.0],
})
INDEX = pd.DataFrame({"region_code": list("abcde"), "index": [3.0, 2.9, 1.0, 3.05, 3.0]})
DIMENSIONS = pd.DataFrame({
    "region_code": [r for r in "abcde" for _ in range(2)],
    "dimension": ["GOV", "ENV"] * 5,
    "score": [3, 3, 1, 1, 3, 2.5, 2, 2, 3, 3.1],
})
COHORTS = pd.DataFrame({"region_code": list("abcde"), "cohort": [2017, 2018, 2017, 2017, 2019]})


@pytest.mark.parametrize(("method", "expected"), [
    ("province", ["b", "c"]),       # same province, closest index first
    ("kind", ["d", "c"]),
    ("cohort", ["d", "c"]),
    ("distance", ["d", "b", "c", "e"]),
    ("profile", ["e", "c", "d", "b"]),
])
def test_peer_sets(method, expected):
    assert peer_set("a", method, REGIONS, INDEX, DIMENSIONS, COHORTS, count=7) == expected


def test_peer_set_is_cut_to_count_and_skips_unassessed():
    assert peer_set("a", "distance", REGIONS, INDEX[INDEX["region_code"] != "d"], DIMENSIONS, COHORTS,
                    count=2) == ["b", "c"]
