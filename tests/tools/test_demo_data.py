"""The committed demo data (data/, read through the store) behaves like the programme.

Public facts it must follow: members (running totals) 25 (2017), 75 (2018), 100 (2019), 100 (2020),
141 (2021), 191 (2022), 241 (2023 onward); stage II verified 75 regions in 2020, 100 in 2021, 141 in
2023; from 2024 stage II covers all 241 in two evaluation groups (191 "reguler" and the 50 of the 2023
cohort); the index is on the 0-4 scale with published values in 2.04-3.93. Everything else is checked
as a rule (subset, claims never exceeded, follow-up indicators, change of method).
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


def first_years(stages) -> dict[str, int]:
    first_year: dict[str, int] = {}
    for year in YEARS:
        for region in regions_of(stages[year][0]):
            first_year.setdefault(region, year)
    return first_year


def test_programme_cohorts_and_the_public_counts(stages):
    in_programme = {year: len(regions_of(stages[year][0])) for year in YEARS}
    assert in_programme == {2017: 25, 2018: 75, 2019: 100, 2020: 100, 2021: 141, 2022: 191, 2023: 241,
                            2024: 241, 2025: 241}
    verified = {year: len(regions_of(stages[year][1])) for year in (2020, 2021, 2023, 2024, 2025)}
    assert verified == {2020: 75, 2021: 100, 2023: 141, 2024: 241, 2025: 241}
    cohorts = pd.Series(first_years(stages)).value_counts()
    assert cohorts.sort_index().to_dict() == {2017: 25, 2018: 50, 2019: 25, 2021: 41, 2022: 50, 2023: 50}


def test_from_2024_stage_two_ranks_two_evaluation_groups(store, stages):
    """The group of a region and year is data (data/groups/groups.csv), written by the generator."""
    groups = pd.read_csv(DATA / "groups" / "groups.csv", dtype={"region_code": str})
    first_year = first_years(stages)
    for year in YEARS:
        of_year = groups[groups["year"] == year]
        assert set(of_year["region_code"]) == regions_of(stages[year][1]), year  # every verified region, once
        assert of_year["region_code"].is_unique
        sizes = of_year["group"].value_counts().to_dict()
        if year >= 2024:
            assert sizes == {"reguler": 191, "angkatan-2023": 50}, year
            newest = set(of_year.loc[of_year["group"] == "angkatan-2023", "region_code"])
            assert newest == {region for region, joined in first_year.items() if joined == 2023}
        else:
            assert set(sizes) == {"reguler"}, year
    names = pd.read_csv(DATA / "groups" / "names.csv")
    assert set(names["group"]) == set(groups["group"]) and names[["name_id", "name_en"]].notna().all().all()


def test_the_national_picture_looks_like_the_published_one(store, stages):
    """Verified stage II indices on the 0-4 scale: established regions (2017-2022 cohorts) mostly in
    2.0-3.95 (at least 85 % in 2024), the best near 3.8-3.95, the 2023 cohort lower (median at least
    0.5 below), and most regions improving by a few tenths a year (2023 -> 2024: at least 55 % of the
    regions in both years rise by 0.05-0.6, the median change 0.1-0.4)."""
    first_year = first_years(stages)
    ranking = store.ranking(2024, "II").set_index("region_code")["index"]
    assert ranking.between(0, 4).all()
    established = ranking[[first_year[r] <= 2022 for r in ranking.index]]
    newest = ranking[[first_year[r] == 2023 for r in ranking.index]]
    assert (len(established), len(newest)) == (191, 50)
    assert established.between(2.0, 3.95).mean() >= 0.85
    assert 3.8 <= established.max() <= 3.95
    assert newest.median() <= established.median() - 0.5
    before = store.ranking(2023, "II").set_index("region_code")["index"]
    change = (ranking - before).dropna()
    assert len(change) == 141
    assert change.between(0.05, 0.6).mean() >= 0.55
    assert 0.1 <= change.median() <= 0.4


def test_no_stored_score_exceeds_the_framework_s_top_level(store):
    for year in YEARS:
        for stage in ("I", "II"):
            top = store.framework_of(year, stage).max_level
            scores = store.scores(year, stage, "dimension")
            assert scores["score"].between(0, top).all(), (year, stage)
            rows = store.claims_rows(year)[0 if stage == "I" else 1]
            assert rows["level"].between(0, top).all() and rows["claimed_level"].dropna().between(0, top).all()


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
