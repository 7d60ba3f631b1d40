"""Region decks: native charts whose series equal what store and scoring return, on every chart
slide a footer with source, data-as-of and filters, numbers in the deck's language."""

import io

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from charts.theme import BAND_COLOURS
from i18n import format_date, format_number, t
from reports.deck import region_deck
from reports.errors import ExportRefused
from reports.slides import FOOTER_NAME
from scoring import band_for, indicator_priority
from tests.reports.conftest import JEMBER, STAGE, SURABAYA, YEAR, charts, slide_texts


@pytest.fixture(scope="module")
def deck_id(report_store):
    return Presentation(io.BytesIO(region_deck(report_store, [JEMBER, SURABAYA], YEAR, STAGE, "id")))


def expected_dimensions(store, region):
    """Region score, province median, national median per dimension, straight from the store."""
    scores = store.scores(YEAR, STAGE, "dimension")
    provinces = store.regions().set_index("code")["province_code"]
    province = scores[scores["region_code"].map(provinces) == provinces[region]]
    codes = [d.code for d in store.framework_for(YEAR).dimensions]
    own = scores[scores["region_code"] == region].set_index("dimension")["score"].reindex(codes)
    return (own.tolist(), province.groupby("dimension")["score"].median().reindex(codes).tolist(),
            scores.groupby("dimension")["score"].median().reindex(codes).tolist())


def test_slide_titles_per_region(deck_id):
    titles = [slide.shapes.title.text for slide in deck_id.slides]
    per_region = ["Indeks, tingkat kematangan, dan perubahan",
                  "Enam dimensi dibanding provinsi, nasional, dan target", "Tren indeks dan dimensi, Tahap II",
                  "Indikator prioritas: kenaikan indeks per aksi berikutnya",
                  "Kenaikan indeks per OPD pengampu (satu aksi per indikator)"]
    claims = "{}: klaim Tahap I dan verifikasi Tahap II 2024"
    assert titles == ["Profil Kabupaten Jember", *per_region, claims.format("Kabupaten Jember"),
                      "Profil Kota Surabaya", *per_region, claims.format("Kota Surabaya")]


def test_index_slide_shows_the_stored_index_band_and_dimension_bars(deck_id, report_store):
    index = report_store.scores(YEAR, STAGE, "index").set_index("region_code")["index"]
    framework = report_store.framework_for(YEAR)
    for slide, region in ((deck_id.slides[1], JEMBER), (deck_id.slides[8], SURABAYA)):
        texts = "\n".join(slide_texts(slide))
        assert format_number(index[region], "id") in texts
        assert "," in format_number(index[region], "id")
        band = band_for(index[region], framework)
        assert band.name_id in texts
        (bars,) = charts(slide)
        assert bars.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
        own, _, _ = expected_dimensions(report_store, region)
        assert list(bars.plots[0].series[0].values) == pytest.approx(own)
        first = bars.plots[0].series[0].points[0]
        assert first.data_label.text_frame.text.startswith(format_number(own[0], "id"))
        level = band_for(own[0], framework).level
        assert str(first.format.fill.fore_color.rgb) == BAND_COLOURS[level].lstrip("#")


def test_radar_equals_region_province_and_national_scores(deck_id, report_store):
    framework = report_store.framework_for(YEAR)
    (radar,) = charts(deck_id.slides[2])
    assert radar.chart_type == XL_CHART_TYPE.RADAR_MARKERS
    assert list(radar.plots[0].categories) == [d.name_id for d in framework.dimensions]
    series = radar.plots[0].series
    assert [s.name for s in series] == ["Kabupaten Jember", "Median Jawa Timur", "Median nasional", "Target"]
    own, province, national = expected_dimensions(report_store, JEMBER)
    assert list(series[0].values) == pytest.approx(own)
    assert list(series[1].values) == pytest.approx(province)
    assert list(series[2].values) == pytest.approx(national)
    assert list(series[3].values) == pytest.approx([2.5] * 6)   # no own target: the national minimum (Baik)


def test_trend_line_equals_store_trend(deck_id, report_store):
    (line,) = charts(deck_id.slides[3])
    trend = report_store.trend([JEMBER], STAGE, "index").sort_values("year")
    assert list(line.plots[0].categories) == [str(y) for y in trend["year"]]
    index = line.plots[0].series[0]
    assert index.name == "Indeks Smart City"
    assert list(index.values) == pytest.approx(trend["score"].tolist())
    assert len(line.plots[0].series) == 7   # the index and six dimensions, as on the region page


def test_priority_and_opd_slides_follow_scoring(deck_id, report_store):
    framework = report_store.framework_for(YEAR)
    grid = report_store.region_indicators(JEMBER, YEAR, STAGE)
    priority = indicator_priority(grid, framework, report_store.targets(JEMBER, YEAR))
    texts = slide_texts(deck_id.slides[4])
    top = priority.iloc[0]
    assert top["indicator_code"] in texts
    assert format_number(top["index_gain"], "id", digits=3, signed=True) in texts
    (bars,) = charts(deck_id.slides[5])
    gains = priority.groupby("owner_opd")["index_gain"].sum().sort_values(ascending=False)
    assert bars.plots[0].series[0].values[0] == pytest.approx(gains.iloc[0])


def test_every_content_slide_carries_source_date_and_filters(deck_id, report_store):
    as_of = format_date(report_store.data_as_of(), "id")
    for slide in deck_id.slides:
        if slide.shapes.title.text.startswith("Profil"):
            continue
        footers = [shape.text_frame.text for shape in slide.shapes if shape.name == FOOTER_NAME]
        assert len(footers) == 1, slide.shapes.title.text
        assert "Sumber: data sintetis Matra" in footers[0] and f"Data per {as_of}" in footers[0]
        assert "tahun 2024 · Tahap II" in footers[0]
        assert "Kabupaten Jember (35.09)" in footers[0] or "Kota Surabaya (35.78)" in footers[0]


def test_cover_marks_synthetic_data(deck_id):
    assert any("DATA SINTETIS" in text for text in slide_texts(deck_id.slides[0]))


def test_english_deck_uses_english_words_and_decimal_point(report_store):
    deck = Presentation(io.BytesIO(region_deck(report_store, [SURABAYA], YEAR, STAGE, "en")))
    index = report_store.scores(YEAR, STAGE, "index").set_index("region_code").loc[SURABAYA, "index"]
    assert deck.slides[0].shapes.title.text == "Profile of Kota Surabaya"
    texts = "\n".join(slide_texts(deck.slides[1]))
    assert format_number(index, "en") in texts and "." in format_number(index, "en")
    footer = next(s.text_frame.text for s in deck.slides[2].shapes if s.name == FOOTER_NAME)
    assert f"Source: Matra synthetic data. Data as of {format_date(report_store.data_as_of(), 'en')}." in footer
    (radar,) = charts(deck.slides[2])
    assert radar.plots[0].series[2].name == "National median"


def test_bad_requests_are_refused(report_store):
    with pytest.raises(ExportRefused, match="Unknown region"):
        region_deck(report_store, ["99.99"], YEAR, STAGE, "id")
    with pytest.raises(ExportRefused, match="No data for 2031"):
        region_deck(report_store, [JEMBER], 2031, STAGE, "id")
    assessed = set(report_store.scores(YEAR, STAGE, "index")["region_code"])
    absent = next(code for code in report_store.regions()["code"] if code not in assessed)
    with pytest.raises(ExportRefused, match="not assessed") as refused:
        region_deck(report_store, [absent], YEAR, STAGE, "id")
    assert "tidak dinilai" in refused.value.message("id")


def test_a_change_of_method_is_flagged_not_hidden(report_store):
    deck = Presentation(io.BytesIO(region_deck(report_store, [JEMBER], 2022, STAGE, "en")))
    texts = "\n".join(slide_texts(deck.slides[1]))
    assert "The 2022 framework" in texts and "change of method" in texts


def test_claims_slide_shows_both_stages_per_dimension_and_the_failed_opds(deck_id, report_store):
    from scoring.claims import claims_summary

    outcomes = report_store.claims(YEAR, [JEMBER])
    by_dimension = claims_summary(outcomes, "dimension").set_index("key")
    framework = report_store.framework_of(YEAR, "II")
    slide = deck_id.slides[6]
    (bars,) = charts(slide)
    claimed, verified = bars.plots[0].series
    codes = [d.code for d in framework.dimensions]
    assert list(claimed.values) == pytest.approx(by_dimension.loc[codes, "claimed_index"].tolist())
    assert list(verified.values) == pytest.approx(by_dimension.loc[codes, "verified_index"].tolist())
    total = claims_summary(outcomes, "index").iloc[0]
    texts = "\n".join(slide_texts(slide))
    assert f"Indeks diklaim (Tahap I): {format_number(total['claimed_index'], 'id')}" in texts
    worst = claims_summary(outcomes, "owner_opd").iloc[0]
    assert worst["key"] in texts


@pytest.mark.parametrize("lang", ["id", "en"])
def test_rank_box_writes_the_rank_once(report_store, lang):
    """The rank box reads "Peringkat / 93 dari 241": the rank and the total once, not "93" then "93 dari 241"."""
    ranking = report_store.ranking(YEAR, STAGE).set_index("region_code")
    deck = Presentation(io.BytesIO(region_deck(report_store, [JEMBER], YEAR, STAGE, lang)))
    label = t("region.metric_rank", lang)
    (box,) = [text for text in slide_texts(deck.slides[1]) if text.startswith(label + "\n")]
    rank_of = t("region.rank_of", lang, rank=int(ranking.loc[JEMBER, "rank"]), total=len(ranking))
    assert box.split("\n") == [label, rank_of]
