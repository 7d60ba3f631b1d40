"""Every page renders in both languages; key figures equal what store and scoring return."""

import json

import pytest

from i18n import format_number, t
from scoring.peers import peer_set
from tests.pages.conftest import PAGES, chart_specs, metric, open_page


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_defaults(data_dir, page, lang):
    app = open_page(page, lang=lang)
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error
    assert app.title, "every page has a title"
    specs = chart_specs(app)
    if page != "method":
        assert specs, f"{page} draws charts"
    for chart in app.get("plotly_chart"):
        config = json.loads(chart.proto.config)
        assert config["toImageButtonOptions"]["width"] == 1920, "toolbar PNG at projector resolution"
    source = "Data as of" if lang == "en" else "Data per"
    for spec in specs:
        layout = spec["layout"]
        assert layout["title"]["text"], "every chart has a title"
        assert source in layout["title"]["text"], "source and data-as-of under every chart title"
    synthetic = "SYNTHETIC DATA" if lang == "en" else "DATA SINTETIS"
    assert any(synthetic in w.value for w in app.warning), "demo data is marked on every page"


def test_overview_headline_equals_store(data_dir, store):
    app = open_page("overview", lang="en", year=2024, stage="II")
    ranking = store.ranking(2024, "II")
    assert metric(app, "Regions assessed") == str(len(ranking))
    assert metric(app, "Median index") == format_number(ranking["index"].median(), "en")
    minimum = store.framework_of(2024, "II").minimum_target_band   # 3, "Good" (from 2.50)
    share = (ranking["band"] >= minimum).mean() * 100
    assert metric(app, "Good or better") == format_number(share, "en", 0) + "%"


def test_region_index_equals_scores_cli_figure(data_dir, store):
    app = open_page("region", lang="en", region="35.09", year=2025, stage="II")
    index = store.scores(2025, "II", "index").set_index("region_code").loc["35.09", "index"]
    assert app.title[0].value == "Profile of Kabupaten Jember"
    assert metric(app, "Smart City Index 2025") == format_number(index, "en")
    indonesian = open_page("region", lang="id", region="35.09", year=2025, stage="II")
    assert metric(indonesian, "Indeks Smart City 2025") == format_number(index, "id")
    assert "," in format_number(index, "id")


def test_url_state_reproduces_a_view(data_dir, store):
    app = open_page("region", lang="en", region="35.78", year=2023, stage="I")
    index = store.scores(2023, "I", "index").set_index("region_code").loc["35.78", "index"]
    assert app.title[0].value == "Profile of Kota Surabaya"
    assert metric(app, "Smart City Index 2023") == format_number(index, "en")
    assert app.query_params["region"] == ["35.78"] or app.query_params["region"] == "35.78"


def test_region_not_assessed_shows_a_message(data_dir, store):
    assessed = set(store.scores(2019, "II", "index")["region_code"])
    missing = next(code for code in store.regions()["code"] if code not in assessed)
    app = open_page("region", lang="en", region=missing, year=2019, stage="II")
    assert not app.exception
    assert any("was not assessed in 2019 stage II" in i.value for i in app.info)


def test_year_with_only_stage_one_shows_a_message(data_dir, store):
    stage_two = store.active_snapshot(2025, "II")
    store.retract(stage_two.id, allow_empty=True)  # the year keeps only stage I, as asked
    for page in PAGES[:-1]:
        app = open_page(page, lang="en", year=2025, stage="II")
        assert not app.exception, (page, [e.value for e in app.exception])
        assert any("No data for 2025 stage II" in i.value for i in app.info), page


def test_filter_matching_nothing_shows_a_message(data_dir, store):
    ranking = store.ranking(2025, "II")
    counts = ranking.groupby(["province_code", "kind"]).size()
    provinces = store.regions()["province_code"].unique()
    empty = next((p, k) for p in provinces for k in ("kota", "kabupaten") if (p, k) not in counts.index)
    app = open_page("overview", lang="en", province=empty[0], kind=empty[1])
    assert not app.exception
    assert any("No region matches these filters" in i.value for i in app.info)


def test_compare_peer_set_nearest_by_distance(data_dir, store):
    app = open_page("compare", lang="en", region="35.09", peers="distance", mode="peers")
    assert not app.exception
    expected = ["35.09", *peer_set("35.09", "distance", store.regions(), store.scores(2025, "II", "index"),
                                   store.scores(2025, "II", "dimension"), store.cohorts(), count=7)]
    names = store.regions().set_index("code")["name"]
    heatmap = next(s for s in chart_specs(app) if s["data"][0]["type"] == "heatmap")
    assert heatmap["data"][0]["y"] == [names[c] for c in expected]


def test_gaps_action_list_downloads_as_xlsx(data_dir, store):
    import io

    import openpyxl

    from reports.tables import action_table
    from store.exports import xlsx_bytes
    from views.region import plans

    app = open_page("gaps", lang="en", region="35.09", year=2025, stage="II")
    assert not app.exception
    (button,) = [b for b in app.get("download_button") if b.proto.label == t("gaps.download", "en")]
    assert not button.proto.disabled
    # the bytes the button serves, opened as a workbook: one row per action of every scope's plan
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(action_table(store, "35.09", 2025, "II", "en"), "Actions")))
    rows = list(workbook["Actions"].iter_rows(values_only=True))
    every_plan = plans(store.region_indicators("35.09", 2025, "II"), store.framework_of(2025, "II"))
    actions = [a for plan in every_plan.values() for a in plan.actions]
    assert len(rows) == 1 + len(actions)
    assert [row[1] for row in rows[1:]] == [a.indicator_code for a in actions]


def test_trends_stage_comparison_equals_store(data_dir, store):
    app = open_page("trends", lang="en", year=2024, stage="II")
    pair = store.index_pair((2024, "I"), (2024, "II"))
    assert metric(app, "Median change stage I → II") == format_number(pair["change"].median(), "en", signed=True)


def test_catalogue_words_exist_in_both_languages():
    assert t("word.index", "en") == "Smart City Index"
    assert t("word.index", "id") == "Indeks Smart City"


def test_region_in_view_follows_to_other_pages(data_dir, store):
    app = open_page("region", lang="en", region="35.78", year=2025, stage="II")
    assert app.title[0].value == "Profile of Kota Surabaya"
    app.query_params.pop("region", None)  # a sidebar link carries no region in its URL
    app.switch_page("pages/gaps.py")
    app.run()
    assert app.title[0].value == "Gaps to target: Kota Surabaya"
    app.query_params.pop("region", None)
    app.switch_page("pages/compare.py")
    app.run()
    assert app.selectbox(key="region").value == "35.78"


def test_a_missing_snapshot_file_is_explained_not_a_traceback(data_dir):
    from store.manifest import read_manifest

    # read the manifest only: a Store would load the rows into memory, and the app would answer from them
    active = next(s for s in read_manifest(data_dir / "snapshots")
                  if (s.year, s.stage, s.status) == (2025, "II", "active"))
    (data_dir / "snapshots" / active.scores_path).unlink()
    app = open_page("overview", lang="id")
    assert not app.exception, [e.value for e in app.exception]
    assert any("Berkas versi data aktif hilang atau rusak" in e.value and active.scores_path.split("/")[-1] in e.value
               for e in app.error), [e.value for e in app.error]
