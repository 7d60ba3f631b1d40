"""The committed demo data (data/, read through the store) behaves like the programme.

Public facts it must follow: 25 regions in 2017, 75 by 2018, 100 by 2019, 241 by 2023; in 2024
stage I covers 241 regions and stage II verifies the 191 of the 2017-2022 cohorts. Everything else
is checked as a rule (subset, claims never exceeded, follow-up indicators, change of method).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scoring.claims import claim_outcomes, claims_summary
from store import Store

DATA = Path(__file__).resolve().parents[2] / "data"
YEARS = range(2017, 2026)
KEYS = ["region_code", "indicator_code"]


@pytest.fixture(scope="module")
def store() -> Store:
    return Store(DATA)


@pytest.fixture(scope="module")
def stages(store) -> dict[int, tuple[pd.DataFrame, pd.DataFrame]]:
    return {year: store.claims_rows(year) for year in YEARS}


def regions_of(rows: pd.DataFrame) -> set[str]:
    return set(rows["region_code"])


def test_programme_cohorts_and_the_public_2024_counts(stages):
    in_programme = [len(regions_of(stages[year][0])) for year in YEARS]
    assert in_programme[:3] == [25, 75, 100]
    assert in_programme[YEARS.index(2023)] == 241
    assert len(regions_of(stages[2024][0])) == 241
    assert len(regions_of(stages[2024][1])) == 191
    first_year = {}
    for year in YEARS:
        for region in regions_of(stages[year][0]):
            first_year.setdefault(region, year)
    cohorts = pd.Series(first_year).value_counts()
    assert (cohorts[2017], cohorts[2018], cohorts[2019]) == (25, 50, 25)
    verified_2024 = regions_of(stages[2024][1])
    assert verified_2024 == {region for region, year in first_year.items() if year <= 2022}


def test_a_region_stays_in_the_programme_once_joined(stages):
    for year in YEARS[1:]:
        assert regions_of(stages[year - 1][0]) <= regions_of(stages[year][0]), year


def test_stage_two_verifies_a_subset_of_stage_one_every_year(stages):
    for year in YEARS:
        stage_one, stage_two = stages[year]
        assert len(stage_two) and regions_of(stage_two) <= regions_of(stage_one), year
        assert len(regions_of(stage_two)) <= len(regions_of(stage_one))
    assert any(regions_of(stages[y][1]) < regions_of(stages[y][0]) for y in YEARS)


def test_stage_one_evidence_is_mostly_unverified(stages):
    for year in YEARS:
        shares = stages[year][0]["evidence"].value_counts(normalize=True)
        assert shares.get("verified", 0) < 0.15, year
        assert shares.get("submitted", 0) > 0.6, year
    assert stages[2017][0]["evidence"].ne("verified").all()  # nothing to carry forward in year one


def test_stage_one_verified_only_where_carried_forward(store, stages):
    framework = store.framework_of(2024, "I")
    aspects = {i.code: i.aspect for i in framework.indicators}
    for year in YEARS[1:]:
        carried = stages[year][0][stages[year][0]["evidence"] == "verified"]
        assert set(carried["indicator_code"].map(aspects)) <= {"suprastruktur"}
        previous = stages[year - 1][1]
        previous = previous[previous["evidence"] == "verified"][[*KEYS, "level"]]
        joined = carried.merge(previous, on=KEYS, how="left", suffixes=("", "_before"))
        assert (joined["level_before"] >= joined["level"]).all(), year


def test_stage_two_never_above_the_stage_one_claim(stages):
    for year in YEARS:
        stage_one, stage_two = stages[year]
        joined = stage_two.merge(stage_one, on=KEYS, suffixes=("", "_claim"), validate="one_to_one")
        assert len(joined) == len(stage_two)
        assert (joined["level"] <= joined["level_claim"]).all(), year
        assert (joined["claimed_level"] == joined["level_claim"]).all(), year


def test_some_claims_fail_and_rejection_differs_by_opd_and_dimension(store, stages):
    outcomes = claim_outcomes(*stages[2024], store.framework_of(2024, "II"))
    index = claims_summary(outcomes, "index").iloc[0]
    assert 0.1 < index["failed_share"] < 0.6
    assert index["evidence_missing_share"] > 0.03 and index["lowered_share"] > 0.03
    for by in ("owner_opd", "dimension"):
        summary = claims_summary(outcomes, by)
        summary = summary[summary["claims"] >= 200]
        assert summary["failed_share"].max() - summary["failed_share"].min() > 0.1, by


def test_follow_up_indicators_are_zero_in_a_first_year(store, stages):
    follow_up = {i.code for i in store.framework_of(2024, "II").indicators if i.follows_up_previous}
    assert len(follow_up) >= 6
    seen: set[str] = set()
    checked = 0
    for year in YEARS:
        stage_one, stage_two = stages[year]
        newcomers = regions_of(stage_one) - seen
        for rows in (stage_one, stage_two):
            first = rows[rows["region_code"].isin(newcomers) & rows["indicator_code"].isin(follow_up)]
            assert (first["level"] == 0).all(), year
            checked += len(first)
        later = stage_one[stage_one["region_code"].isin(seen) & stage_one["indicator_code"].isin(follow_up)]
        if year > 2018:
            assert (later["level"] > 0).mean() > 0.5, year  # after the first year they are scored
        seen |= newcomers
    assert checked > 0


def test_the_2022_change_of_method_is_in_the_data(store):
    before, after = store.framework_of(2021, "II"), store.framework_of(2022, "II")
    assert before.id != after.id and before.chain_weights != after.chain_weights
    covered = [year for framework in store.frameworks() for year in framework.years]
    assert len(covered) == len(set(covered))  # no year in two frameworks
    assert all(store.framework_of(year, "I") is not None for year in YEARS)
    trend = store.trend(["35.78"], "II")
    assert set(trend[trend["year"] <= 2021]["framework_id"]) == {before.id}
    assert set(trend[trend["year"] >= 2022]["framework_id"]) == {after.id}


def test_stage_scores_are_claimed_in_stage_one_and_verified_in_stage_two(store, stages):
    """The stored index of stage I is the claimed index, that of stage II the verified one."""
    outcomes = claim_outcomes(*stages[2024], store.framework_of(2024, "II"))
    for region in ("35.09", "35.78"):
        summary = claims_summary(outcomes[outcomes["region_code"] == region], "index").iloc[0]
        stage_one = store.region_scores(region, 2024, "I").set_index("kind").loc["index", "score"]
        stage_two = store.region_scores(region, 2024, "II").set_index("kind").loc["index", "score"]
        assert stage_one == pytest.approx(summary["claimed_index"])
        assert stage_two == pytest.approx(summary["verified_index"])
        assert stage_one > stage_two


def test_scores_rise_slowly_with_setbacks(store, stages):
    early = sorted(regions_of(stages[2018][1]))
    trend = store.trend(early, "II").pivot(index="region_code", columns="year", values="score")
    medians = trend.median()
    assert medians[2025] > medians[2018]
    assert (medians.diff().dropna().abs() < 0.6).all()  # slowly, no jumps
    assert (trend.diff(axis=1) < -0.1).to_numpy().any()  # some regions fall back in a year


def test_example_regions_have_both_stages_in_recent_years(stages):
    for year in (2023, 2024, 2025):
        for rows in stages[year]:
            assert {"35.09", "35.78"} <= regions_of(rows), year


def test_data_folder_stays_small():
    size = sum(path.stat().st_size for path in (DATA / "snapshots").rglob("*") if path.is_file())
    assert size < 1.4 * 1024 * 1024


def test_data_is_marked_synthetic(store):
    assert store.uses_synthetic_data()
