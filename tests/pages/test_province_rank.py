"""The overview's ranking gives the rank within the province whenever a province is chosen: shared
ranks of the shown index among the province's assessed regions (counted here by hand from the
ranking's indices), with the province's name in the title instead of a column that would repeat it."""

from __future__ import annotations

import pytest

from charts.labels import region_short_name
from i18n import t
from scoring import round_score
from tests.pages.conftest import open_page

YEAR, STAGE = 2024, "II"


def ranking_frame(app, lang: str):
    frames = [frame.value for frame in app.dataframe if t("word.rank_change", lang) in frame.value.columns]
    assert len(frames) == 1
    return frames[0]


def hand_ranks(indices: dict[str, float]) -> dict[str, int]:
    """Competition ranks of the shown (two-decimal) values: 1 + how many show more."""
    shown = {code: round_score(value) for code, value in indices.items()}
    return {code: 1 + sum(other > value for other in shown.values()) for code, value in shown.items()}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_chosen_province_adds_its_rank_column(store, lang):
    ranking = store.ranking(YEAR, STAGE)
    east_java = ranking[ranking["province_code"] == "35"]
    expected = hand_ranks(dict(zip(east_java["region_code"], east_java["index"], strict=True)))
    app = open_page("overview", province="35", year=YEAR, stage=STAGE, lang=lang)
    assert not app.exception
    table = ranking_frame(app, lang)
    assert len(table) == len(east_java)
    names = dict(zip(east_java["name"].map(region_short_name), east_java["region_code"], strict=True))
    shown = dict(zip(table[t("word.region", lang)].map(names.get),
                     table[t("compare.col_province_rank", lang)].astype(int), strict=True))
    assert shown == expected
    assert min(shown.values()) == 1 and max(shown.values()) <= len(east_java)
    assert t("word.province", lang) not in table.columns      # one province: the title names it


def test_several_provinces_keep_the_province_column_and_the_national_view_has_no_province_rank(store):
    app = open_page("overview", province="35,51", year=YEAR, stage=STAGE, lang="en")
    assert not app.exception
    table = ranking_frame(app, "en")
    assert set(table[t("word.province", "en")]) == {"Jawa Timur", "Bali"}
    ranking = store.ranking(YEAR, STAGE)
    bali = ranking[ranking["province_code"] == "51"]
    expected = hand_ranks(dict(zip(bali["name"].map(region_short_name), bali["index"], strict=True)))
    rows = table[table[t("word.province", "en")] == "Bali"]
    assert dict(zip(rows[t("word.region", "en")], rows[t("compare.col_province_rank", "en")].astype(int),
                    strict=True)) == expected
    national = ranking_frame(open_page("overview", year=YEAR, stage=STAGE, lang="en"), "en")
    assert t("compare.col_province_rank", "en") not in national.columns
    assert t("word.province", "en") in national.columns
