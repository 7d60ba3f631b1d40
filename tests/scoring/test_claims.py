"""Claims against verification on the tiny framework, every expected figure worked out by hand.

Index shares of tiny.toml: GOV.A.01 0.2, GOV.A.02 0.075, GOV.B.01 0.2, ENV.A.01 0.1, ENV.A.02 0.2,
ENV.A.03 0.225. Dimension shares: GOV.A.01 1/3, GOV.A.02 1/6, GOV.B.01 1/2; ENV.A.01 0.2,
ENV.A.02 0.2, ENV.A.03 0.6.
"""

from __future__ import annotations

import pandas as pd
import pytest

from scoring.claims import claim_outcomes, claims_summary

# R1 claims (stage I)            and what stage II made of them
#   GOV.A.01 3 submitted          3 verified  -> accepted
#   GOV.A.02 2 submitted          2 missing   -> evidence missing (counts 0)
#   GOV.B.01 4 submitted          2 verified  -> lowered
#   ENV.A.01 0 missing            0 missing   -> not claimed
#   ENV.A.02 5 submitted          5 verified  -> accepted
#   ENV.A.03 2 submitted          1 verified  -> lowered
R1_CLAIMS = {"GOV.A.01": (3, "submitted"), "GOV.A.02": (2, "submitted"), "GOV.B.01": (4, "submitted"),
             "ENV.A.01": (0, "missing"), "ENV.A.02": (5, "submitted"), "ENV.A.03": (2, "submitted")}
R1_VERIFIED = {"GOV.A.01": (3, "verified"), "GOV.A.02": (2, "missing"), "GOV.B.01": (2, "verified"),
               "ENV.A.01": (0, "missing"), "ENV.A.02": (5, "verified"), "ENV.A.03": (1, "verified")}
CODES = list(R1_CLAIMS)


def rows(region: str, levels: dict[str, tuple[int, str]], claims: dict[str, tuple[int, str]]) -> pd.DataFrame:
    frame = pd.DataFrame([{"region_code": region, "indicator_code": code, "level": level,
                           "claimed_level": claims[code][0], "evidence": evidence}
                          for code, (level, evidence) in levels.items()])
    frame["claimed_level"] = frame["claimed_level"].astype("Int64")
    return frame


@pytest.fixture
def one_region():
    return rows("R1", R1_CLAIMS, R1_CLAIMS), rows("R1", R1_VERIFIED, R1_CLAIMS)


@pytest.fixture
def two_regions(one_region):
    """R2 claims 1 everywhere, all verified; R3 is only in stage I (not verified this year)."""
    ones = {code: (1, "submitted") for code in CODES}
    stage_one = pd.concat([one_region[0], rows("R2", ones, ones), rows("R3", ones, ones)])
    verified = {code: (1, "verified") for code in CODES}
    return stage_one, pd.concat([one_region[1], rows("R2", verified, ones)])


def test_outcome_of_every_claim(tiny, one_region):
    outcomes = claim_outcomes(*one_region, tiny).set_index("indicator_code")
    assert outcomes["outcome"].to_dict() == {
        "ENV.A.01": "not_claimed", "ENV.A.02": "accepted", "ENV.A.03": "lowered",
        "GOV.A.01": "accepted", "GOV.A.02": "evidence_missing", "GOV.B.01": "lowered"}
    assert outcomes["verified"].to_dict() == {"ENV.A.01": 0, "ENV.A.02": 5, "ENV.A.03": 1,
                                              "GOV.A.01": 3, "GOV.A.02": 0, "GOV.B.01": 2}


def test_index_claimed_verified_and_failure_shares(tiny, one_region):
    index = claims_summary(claim_outcomes(*one_region, tiny), "index").iloc[0]
    # claimed 0.2*3 + 0.075*2 + 0.2*4 + 0.1*0 + 0.2*5 + 0.225*2 = 3.0
    assert index["claimed_index"] == pytest.approx(3.0)
    # verified 0.2*3 + 0 + 0.2*2 + 0 + 0.2*5 + 0.225*1 = 2.225
    assert index["verified_index"] == pytest.approx(2.225)
    assert index["points_lost"] == pytest.approx(0.775)
    assert (index["claims"], index["failed"]) == (5, 3)
    assert index["failed_share"] == pytest.approx(3 / 5)
    assert index["evidence_missing_share"] == pytest.approx(1 / 5)
    assert index["lowered_share"] == pytest.approx(2 / 5)


def test_per_dimension(tiny, one_region):
    by_dimension = claims_summary(claim_outcomes(*one_region, tiny), "dimension").set_index("key")
    assert list(by_dimension.index) == ["GOV", "ENV"]  # most points lost first
    gov, env = by_dimension.loc["GOV"], by_dimension.loc["ENV"]
    assert gov["claimed_index"] == pytest.approx(3 / 3 + 2 / 6 + 4 / 2)  # 3.333
    assert gov["verified_index"] == pytest.approx(3 / 3 + 0 + 2 / 2)  # 2.0
    assert gov["points_lost"] == pytest.approx(0.075 * 2 + 0.2 * 2)
    assert gov["failed_share"] == pytest.approx(2 / 3)
    assert env["claimed_index"] == pytest.approx(0.2 * 5 + 0.6 * 2)  # 2.2
    assert env["verified_index"] == pytest.approx(0.2 * 5 + 0.6 * 1)  # 1.6
    assert env["failed_share"] == pytest.approx(1 / 2)
    assert by_dimension["points_lost"].sum() == pytest.approx(3.0 - 2.225)


def test_per_owner_opd_worst_first(tiny, one_region):
    by_opd = claims_summary(claim_outcomes(*one_region, tiny), "owner_opd").set_index("key")
    assert list(by_opd.index) == ["Diskominfo", "Dinas PUPR", "Bapperida", "DLH"]
    assert by_opd.loc["Diskominfo", "claimed_index"] == pytest.approx((0.2 * 3 + 0.2 * 4) / 0.4)
    assert by_opd.loc["Diskominfo", "verified_index"] == pytest.approx((0.2 * 3 + 0.2 * 2) / 0.4)
    assert by_opd.loc["Bapperida", "evidence_missing_share"] == 1.0
    assert by_opd.loc["Dinas PUPR", "lowered_share"] == 1.0
    assert by_opd.loc["DLH", "failed"] == 0


def test_per_indicator_levels(tiny, one_region):
    by_indicator = claims_summary(claim_outcomes(*one_region, tiny), "indicator").set_index("key")
    assert by_indicator.loc["GOV.B.01", ["claimed_index", "verified_index"]].tolist() == [4, 2]
    assert by_indicator.loc["ENV.A.01", "claims"] == 0


def test_many_regions_average_scores_and_pool_claims(tiny, two_regions):
    outcomes = claim_outcomes(*two_regions, tiny)
    assert set(outcomes["region_code"]) == {"R1", "R2"}  # R3 has no stage II: not compared
    index = claims_summary(outcomes, "index").iloc[0]
    assert index["claimed_index"] == pytest.approx((3.0 + 1.0) / 2)
    assert index["verified_index"] == pytest.approx((2.225 + 1.0) / 2)
    assert (index["claims"], index["failed"]) == (11, 3)


def test_no_region_in_both_stages_gives_empty_frames(tiny, one_region):
    stage_one, stage_two = one_region
    outcomes = claim_outcomes(stage_one, stage_two.assign(region_code="R9"), tiny)
    assert outcomes.empty
    assert claims_summary(outcomes, "dimension").empty
