"""The PPTX comparison slide gives every compared region its index, band and ranks (national,
province, evaluation group) as the store's ranking has them, and a whole province compared (every kota
of Jawa Timur) is drawn as index bars, highest first."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from i18n import format_number, t
from reports.agenda import Agenda, AgendaItem
from reports.deck import agenda_deck
from tests.reports.conftest import JEMBER, STAGE, SURABAYA, YEAR, charts


def compare_slide(store, params: dict[str, str], lang: str):
    agenda = Agenda("Rakor", YEAR, STAGE, lang, store.current_snapshot_ids(), (AgendaItem("compare", params),))
    return Presentation(io.BytesIO(agenda_deck(store, agenda))).slides[1]


def table_rows(slide) -> list[list[str]]:
    [table] = [shape.table for shape in slide.shapes if shape.has_table]
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_compared_region_has_its_band_and_ranks(report_store, lang):
    slide = compare_slide(report_store, {"regions": f"{JEMBER},{SURABAYA}"}, lang)
    header, *rows = table_rows(slide)
    assert header == [t(key, lang) for key in ("overview.head_region", "overview.head_index", "overview.head_band",
                                               "compare.head_rank", "compare.head_province_rank",
                                               "compare.head_group_rank")]
    ranking = report_store.ranking(YEAR, STAGE).set_index("region_code")
    bands = report_store.framework_of(YEAR, STAGE).band_names(lang)
    assert [row[0] for row in rows] == [ranking.loc[JEMBER, "name"], ranking.loc[SURABAYA, "name"]]
    for row, code in zip(rows, (JEMBER, SURABAYA), strict=True):
        expected = ranking.loc[code]
        assert row[1:] == [
            format_number(expected["index"], lang), bands[int(expected["band"])],
            t("region.rank_of", lang, rank=int(expected["rank"]), total=len(ranking)),
            t("region.rank_of", lang, rank=int(expected["province_rank"]), total=int(expected["province_regions"])),
            t("region.rank_of", lang, rank=int(expected["group_rank"]), total=int(expected["group_regions"]))]
    [chart] = charts(slide)
    assert chart.chart_type == XL_CHART_TYPE.RADAR_MARKERS


def test_a_whole_province_is_drawn_as_sorted_bars(report_store):
    slide = compare_slide(report_store, {"region": SURABAYA, "peers": "all_province_kind"}, "en")
    ranking = report_store.ranking(YEAR, STAGE).set_index("region_code")
    regions = report_store.regions().set_index("code")
    kota = [c for c in ranking.index if regions.loc[c, "province_code"] == "35" and regions.loc[c, "kind"] == "kota"]
    assert len(kota) == 9
    _, *rows = table_rows(slide)
    assert sorted(row[0] for row in rows) == sorted(ranking.loc[kota, "name"])
    [chart] = charts(slide)
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    order = sorted(kota, key=lambda c: (-ranking.loc[c, "index"], c))
    assert list(chart.plots[0].categories) == [ranking.loc[c, "name"] for c in order]
    assert list(chart.plots[0].series[0].values) == pytest.approx([ranking.loc[c, "index"] for c in order])
