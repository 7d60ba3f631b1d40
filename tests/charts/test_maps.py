"""The map's basemap and labels (charts/maps.py, charts/labels.py): the land and border traces under
the dots, and the region labels of a zoomed map placed apart. Expected values worked out by hand."""

from __future__ import annotations

import json
import math
from functools import partial
from types import SimpleNamespace

import pandas as pd

from charts import maps
from charts.labels import LABEL_PLACES, map_label, point_label_places
from charts.theme import ChartText
from i18n import format_number

NAMES = {1: "Kurang", 2: "Cukup", 3: "Baik", 4: "Sangat Baik", 5: "Memuaskan"}
TEXT = ChartText("Peta", "", "Sumber: uji", shown=partial(format_number, lang="id"))
BASEMAP = SimpleNamespace(
    box=(92.0, -13.0, 143.5, 8.5),
    indonesia=((110.0, -7.0, 111.0, -7.0, 111.0, -8.0),),
    neighbours=((100.0, 2.0, 101.0, 2.0, 101.0, 3.0), (102.0, 2.0, 103.0, 2.0, 103.0, 3.0)),
    borders=(("33", "35", (111.0, -7.0, 111.0, -8.0)),),
)


def regions(names, lons, lats, bands) -> pd.DataFrame:
    return pd.DataFrame({"code": [f"35.{n:02d}" for n in range(len(names))], "name": names,
                         "longitude": lons, "latitude": lats, "band": pd.array(bands, dtype="Int64"),
                         "index_text": ["2,00"] * len(names)})


def drawn(values) -> list:
    """A basemap trace's coordinates as numbers, its gaps (NaN in the float32 array) as None."""
    return [None if math.isnan(value) else float(value) for value in values]


def test_the_basemap_is_drawn_first_quietly_with_closed_rings_and_gaps():
    figure = maps.band_map(regions(["Kabupaten Jember"], [113.7], [-8.2], [2]), NAMES, TEXT, "Indeks",
                           basemap=BASEMAP)
    neighbours, indonesia, borders, dots = figure.data
    assert drawn(neighbours.x) == [100.0, 101.0, 101.0, 100.0, None, 102.0, 103.0, 103.0, 102.0, None]
    assert drawn(neighbours.y) == [2.0, 2.0, 3.0, 2.0, None, 2.0, 2.0, 3.0, 2.0, None]
    assert drawn(indonesia.x) == [110.0, 111.0, 111.0, 110.0, None]
    assert drawn(borders.x) == [111.0, 111.0, None] and drawn(borders.y) == [-7.0, -8.0, None]
    for trace in (neighbours, indonesia, borders):
        assert trace.meta == maps.BASEMAP_NAME and trace.hoverinfo == "skip" and trace.showlegend is False
        assert trace.customdata is None   # a click on the land never opens a region
    assert neighbours.fill == indonesia.fill == "toself" and borders.fill is None
    assert indonesia.fillcolor != neighbours.fillcolor   # Indonesia stands out from its neighbours
    # typed arrays: plotly sends them base64-encoded, which Streamlit copies and encodes quickly
    assert {str(getattr(trace, axis).dtype) for trace in (neighbours, indonesia, borders) for axis in "xy"} \
        == {"float32"}
    assert json.loads(figure.to_json())["data"][1]["x"]["dtype"] == "f4"   # sent as a typed array
    assert dots.name == "Cukup" and list(dots.x) == [113.7]


def test_a_zoomed_map_draws_only_nearby_land_at_its_own_detail():
    # Zoomed to 110-112 E, 8-6 S: the view reaches one extent further each way (108-114 E, 10-4 S),
    # so the neighbours' rings at 2-3 N are left out. The step is 2 / DETAIL_STEPS = 0.005 degree:
    # the point 0.004 degree from the first is dropped, the one 0.5 degree on is kept.
    basemap = SimpleNamespace(indonesia=((110.0, -7.0, 110.004, -7.0, 110.5, -7.0, 110.5, -7.5),),
                              neighbours=BASEMAP.neighbours, borders=())
    neighbours, indonesia, borders = maps.basemap_traces(basemap, ((110.0, 112.0), (-8.0, -6.0)))
    assert drawn(neighbours.x) == [] and drawn(borders.x) == []
    assert drawn(indonesia.x) == [110.0, 110.5, 110.5, 110.0, None]
    assert drawn(indonesia.y) == [-7.0, -7.0, -7.5, -7.0, None]


def test_without_a_basemap_only_the_dots_are_drawn():
    figure = maps.band_map(regions(["Kabupaten Jember"], [113.7], [-8.2], [2]), NAMES, TEXT, "Indeks")
    assert [trace.name for trace in figure.data] == ["Cukup"]


def test_a_zoomed_map_labels_every_region_and_the_national_one_none():
    rows = regions(["Kabupaten Malang", "Kota Malang", "Kabupaten Administrasi Kepulauan Seribu"],
                   [112.60, 112.63, 106.5], [-8.05, -7.98, -5.6], [2, 3, None])
    extent = ((105.0, 114.0), (-9.0, -5.0))
    figure = maps.band_map(rows, NAMES, TEXT, "Indeks", extent=extent, basemap=BASEMAP)
    labels = [trace for trace in figure.data if trace.name == "labels"]
    assert len(labels) == 1
    (label,) = labels
    assert list(label.text) == ["Malang", "Kota Malang", "Kep. Seribu"]
    assert list(label.x) == [112.60, 112.63, 106.5] and label.marker.opacity == 0
    assert label.textposition[0] != label.textposition[1]   # the two Malangs sit on different sides
    assert figure.layout.height == maps.ZOOMED_HEIGHT
    national = maps.band_map(rows, NAMES, TEXT, "Indeks", basemap=BASEMAP)
    assert not [trace for trace in national.data if trace.name == "labels"]
    assert national.layout.height == maps.HEIGHT


def test_map_labels_drop_the_kabupaten_word_and_keep_kota():
    assert map_label("Kabupaten Jember") == "Jember"
    assert map_label("Kota Surabaya") == "Kota Surabaya"
    assert map_label("Kota Administrasi Jakarta Pusat") == "Kota Jakarta Pusat"
    assert map_label("Kabupaten Administrasi Kepulauan Seribu") == "Kep. Seribu"
    assert map_label("Kabupaten Pangkajene dan Kepulauan") == "Pangkajene dan…"   # 24 characters, cut at 20
    assert map_label("Kota <b>X</b>") == "Kota &lt;b&gt;X&lt;/b&gt;"


def test_two_close_points_label_on_opposite_sides():
    # At 100 px per unit B's dot is 10 px right of A's: A's label on the right (x 6.5..30.5 px)
    # would cover B's dot (5.5..14.5 px), so A, choosing first, goes left; B's right is free.
    assert point_label_places([0.0, 0.1], [0.0, 0.0], ["AAAA", "BBBB"], [100.0], marker_px=9) == [
        "middle left", "middle right"]


def test_a_label_stays_inside_the_bounds():
    # A point at the top-right corner: every place that reaches right or up leaves the frame; the
    # first place wholly inside is "bottom left", the last in the order of preference.
    assert point_label_places([1.0], [1.0], ["AAAA"], [100.0], bounds=(0.0, 0.0, 1.0, 1.0), marker_px=9) == [
        "bottom left"]
    assert LABEL_PLACES[-1][0] == "bottom left"
    # Alone in open space a label takes the first place in the order of preference.
    assert point_label_places([0.5], [0.5], ["AAAA"], [100.0], bounds=(0.0, 0.0, 1.0, 1.0)) == ["middle right"]
