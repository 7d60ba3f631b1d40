"""Compare a whole province: the peer sets "every region of its province" and "every region of its
kind in its province" take every assessed region (more than the 8 a radar can show), the chart
becomes the index as bars, highest first, and every compared region gets its band and ranks; the
ranking export of the comparison carries the evaluation group and the rank within it."""

from __future__ import annotations

import io

import openpyxl
import pytest

from i18n import t
from reports.tables import ranking_table, table_bytes
from tests.pages.conftest import chart_specs, open_page

YEAR, STAGE, SURABAYA = 2024, "II", "35.78"


def standing(app, lang: str):
    [table] = [d.value for d in app.dataframe if t("compare.col_province_rank", lang) in d.value.columns]
    return table


@pytest.mark.parametrize(("peers", "kind"), [("all_province_kind", "kota"), ("all_province", None)])
def test_every_region_of_the_province_with_band_and_ranks(store, peers, kind):
    ranking = store.ranking(YEAR, STAGE)
    regions = store.regions().set_index("code")
    expected = [c for c in ranking["region_code"] if regions.loc[c, "province_code"] == "35"
                and (kind is None or regions.loc[c, "kind"] == kind)]
    assert len(expected) > 8 if kind is None else len(expected) == 9   # Jawa Timur's 9 kota, all assessed
    app = open_page("compare", region=SURABAYA, peers=peers, year=YEAR, stage=STAGE, lang="en")
    assert not app.exception
    table = standing(app, "en")
    rows = ranking.set_index("region_code")
    assert sorted(table[t("word.region", "en")]) == sorted(rows.loc[expected, "name"])
    names = store.framework_of(YEAR, STAGE).band_names("en")
    by_name = rows.reset_index().set_index("name")
    for line in table.itertuples(index=False):
        row = by_name.loc[line[0]]
        shown = dict(zip(table.columns, line, strict=True))
        assert shown[t("word.band", "en")] == names[int(row["band"])]
        assert shown[t("compare.col_rank", "en")] == f"{int(row['rank'])} of {len(ranking)}"
        assert shown[t("compare.col_province_rank", "en")] == \
            f"{int(row['province_rank'])} of {int(row['province_regions'])} (Jawa Timur)"
        assert shown[t("compare.col_group_rank", "en")].startswith(f"{int(row['group_rank'])} of ")
    # more than a radar can show: the index as bars, highest first (sorted here by hand)
    [bars] = [s for s in chart_specs(app) if s["data"][0]["type"] == "bar" and
              t("compare.bars_title", "en", count=len(expected)) in s["layout"]["title"]["text"]]
    order = sorted(expected, key=lambda c: (-rows.loc[c, "index"], c))
    assert bars["data"][0]["y"] == [rows.loc[c, "name"] for c in order]
    assert not [s for s in chart_specs(app) if s["data"][0]["type"] == "scatterpolar"]


def test_a_comparison_of_eight_or_fewer_keeps_the_radar(store):
    app = open_page("compare", region=SURABAYA, peers="province", year=YEAR, stage=STAGE, lang="en")
    assert not app.exception
    assert len(standing(app, "en")) == 8
    assert [s for s in chart_specs(app) if s["data"][0]["type"] == "scatterpolar"]


def test_the_comparisons_ranking_export_has_the_group_columns(store):
    ranking = store.ranking(YEAR, STAGE)
    codes = ranking.loc[ranking["province_code"] == "35", "region_code"].tolist()
    book = openpyxl.load_workbook(io.BytesIO(table_bytes(ranking_table(store, YEAR, STAGE, "id", codes), "xlsx",
                                                         "Peringkat")))
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    assert t("word.group", "id") in header and t("word.group_rank", "id") in header
    assert sheet.max_row == len(codes) + 1
    group_rank = header.index(t("word.group_rank", "id"))
    by_name = ranking.set_index("name")
    name = header.index(t("word.region", "id"))
    for row in sheet.iter_rows(min_row=2, values_only=True):
        assert row[group_rank] == int(by_name.loc[row[name], "group_rank"])
