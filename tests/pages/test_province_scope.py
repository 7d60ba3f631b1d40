"""A province chosen on the overview titles the page for it and zooms the map to its assessed
regions (the ones its map shows), each labelled with its short name; the user's
region (from the link) is ringed on the map. Both views draw the basemap under the dots."""

import json

import pytest

from charts.labels import map_label
from charts.maps import BASEMAP_NAME
from i18n import t
from store import Store
from tests.pages.conftest import open_page


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_province_titles_the_overview_and_zooms_the_map(data_dir, lang):
    store = Store(data_dir)
    year = max(store.years("II"))
    app = open_page("overview", province="35", region="35.09", year=year, stage="II", lang=lang)
    assert not app.exception
    assert app.title[0].value == t("overview.title_scope", lang, scope="Jawa Timur", year=year, stage="II")
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assessed = set(store.ranking(year, "II")["region_code"])
    east_java = store.regions()[(store.regions()["province_code"] == "35") & store.regions()["code"].isin(assessed)]
    lon = spec["layout"]["xaxis"]["range"]
    lat = spec["layout"]["yaxis"]["range"]
    assert lon[0] == pytest.approx(east_java["longitude"].min() - 0.5)
    assert lon[1] == pytest.approx(east_java["longitude"].max() + 0.5)
    assert lat[0] <= east_java["latitude"].min() - 0.5 and lat[1] >= east_java["latitude"].max() + 0.5
    assert lon[1] - lon[0] < 10                                     # not all Indonesia (47.5 degrees)
    yours = t("overview.map_yours", lang, name="Kabupaten Jember")
    [ring] = [trace for trace in spec["data"] if trace["name"] == yours]
    jember = east_java.set_index("code").loc["35.09"]
    assert ring["x"] == [pytest.approx(jember["longitude"])] and ring["y"] == [pytest.approx(jember["latitude"])]
    [labels] = [trace for trace in spec["data"] if trace["name"] == "labels"]
    assert sorted(labels["text"]) == sorted(map_label(name) for name in east_java["name"])
    assert len(labels["text"]) == len(east_java) > 20
    assert [trace["name"] for trace in spec["data"][:3]] == ["neighbours", "indonesia", "borders"]
    assert all(trace.get("meta") == BASEMAP_NAME for trace in spec["data"][:3])


def test_without_a_province_the_overview_is_national(data_dir):
    app = open_page("overview", lang="en")
    assert app.title[0].value.startswith("National overview")
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["xaxis"]["range"] == [94.0, 141.5]
    assert not [trace for trace in spec["data"] if "(your region)" in trace["name"]]
    assert [trace["name"] for trace in spec["data"][:3]] == ["neighbours", "indonesia", "borders"]
    assert not [trace for trace in spec["data"] if trace["name"] == "labels"]   # 500 names would be a blot
