"""The trends page scoped to a province (URL ?province=35, as on the overview): the title says the
province, and the movers, the stage I -> II drops and the cohort medians count only its regions
(expected answers worked out here from the store's per-year index scores, not from the page's path)."""

from __future__ import annotations

import statistics

import pytest

from i18n import t
from scoring import round_score
from scoring.summaries import MOVERS
from tests.pages.conftest import chart_specs, open_page
from tests.pages.test_official_pages import decoded

YEAR, STAGE, FIRST = 2025, "II", 2022


def tables_with(app, header: str) -> list:
    return [frame.value for frame in app.dataframe if header in frame.value.columns]


def shown_changes(store, first: tuple[int, str], second: tuple[int, str], province: str) -> dict[str, float]:
    """Name -> shown change (second shown - first shown) of the province's regions assessed in both."""
    regions = store.regions().set_index("code")
    before = store.scores(*first, "index").set_index("region_code")["index"]
    after = store.scores(*second, "index").set_index("region_code")["index"]
    both = [c for c in after.index if c in before.index and regions.loc[c, "province_code"] == province]
    return {regions.loc[c, "name"]: round(round_score(after[c]) - round_score(before[c]), 2) for c in both}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_movers_drops_and_cohorts_of_a_province(store, lang):
    app = open_page("trends", province="35", year=YEAR, stage=STAGE, lang=lang, **{"from": FIRST, "to": YEAR})
    assert not app.exception
    assert app.title[0].value == t("trends.title_scope", lang, scope="Jawa Timur")
    subheaders = [s.value for s in app.subheader]
    assert t("trends.in_scope", lang, title=t("trends.movers_title", lang, first=FIRST, last=YEAR),
             scope="Jawa Timur") in subheaders

    changes = shown_changes(store, (FIRST, STAGE), (YEAR, STAGE), "35")
    rises = sorted((n for n, c in changes.items() if c > 0), key=lambda n: -changes[n])
    falls = sorted((n for n, c in changes.items() if c < 0), key=lambda n: changes[n])
    assert rises   # the demo's Jawa Timur has risers since FIRST
    shown = [n for frame in tables_with(app, str(FIRST)) for n in frame[t("word.region", lang)]]
    assert shown and set(shown) <= set(changes)              # every mover is of the province
    assert len(shown) == min(MOVERS, len(rises)) + min(MOVERS, len(falls))
    # the largest rises and falls of the province (compared by value: a tie at the cut goes by code)
    assert sorted(changes[n] for n in shown if changes[n] > 0) == sorted(changes[n] for n in rises[:MOVERS])
    assert sorted(changes[n] for n in shown if changes[n] < 0) == sorted(changes[n] for n in falls[:MOVERS])

    stage_changes = shown_changes(store, (YEAR, "I"), (YEAR, "II"), "35")
    [drops] = tables_with(app, t("trends.col_stage_one", lang))
    assert set(drops[t("word.province", lang)]) == {"Jawa Timur"}
    assert set(drops[t("word.region", lang)]) <= {n for n, c in stage_changes.items() if c < 0}
    assert len(drops) == min(MOVERS, sum(c < 0 for c in stage_changes.values()))

    regions = store.regions().set_index("code")
    cohorts = store.cohorts().set_index("region_code")["cohort"]
    [cohort_chart] = [s for s in chart_specs(app) if t("trends.cohorts_title", lang) in s["layout"]["title"]["text"]]
    assert "Jawa Timur" in cohort_chart["layout"]["title"]["text"]
    for trace in cohort_chart["data"]:
        cohort = int(trace["name"].split()[-1])
        for year, value in zip(decoded(trace["x"]), decoded(trace["y"]), strict=True):
            scores = store.scores(int(year), STAGE, "index").set_index("region_code")["index"]
            members = [c for c in scores.index if regions.loc[c, "province_code"] == "35" and cohorts[c] == cohort]
            assert value == pytest.approx(statistics.median(scores[members]))


def test_without_a_province_the_movers_are_national(store):
    app = open_page("trends", year=YEAR, stage=STAGE, lang="en", **{"from": FIRST, "to": YEAR})
    assert not app.exception
    assert app.title[0].value == t("trends.title", "en")
    names = {n for frame in tables_with(app, str(FIRST)) for n in frame[t("word.region", "en")]}
    provinces = set(store.regions().set_index("name").loc[sorted(names), "province_code"])
    assert len(provinces) > 1
