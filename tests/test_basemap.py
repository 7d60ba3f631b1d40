"""The basemap under every map: the committed data/reference/basemap.json (Natural Earth, built by
tools/build_basemap.py), its loader in store/catalog.py, and the builder's geometry
(tools/basemap_geometry.py) on small hand-made inputs (no network or npm needed)."""
from __future__ import annotations

import csv
import json
import math
import os
from functools import partial
from pathlib import Path

import pandas as pd
import pytest

from charts import maps
from charts.theme import ChartText
from i18n import format_number
from store import catalog
from tools import basemap_geometry as geometry
from tools import build_basemap as builder

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "data" / "reference"
MAX_BYTES = 300_000   # the map is drawn in every browser that opens the overview: keep it small


@pytest.fixture(scope="module")
def basemap():
    return catalog.basemap(REFERENCE)


def points(line):
    return list(zip(line[0::2], line[1::2], strict=True))


def inside(point, ring) -> bool:
    """Even-odd rule: is `point` inside the closed ring?"""
    (x, y), ring_points, hit = point, points(ring), False
    for (x1, y1), (x2, y2) in zip(ring_points, [*ring_points[1:], ring_points[0]], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit


# --- the committed file --------------------------------------------------------------------------

def test_the_file_is_small(basemap):
    assert (REFERENCE / "basemap.json").stat().st_size < MAX_BYTES
    assert len(basemap.indonesia) > 100 and len(basemap.neighbours) > 20


def test_indonesias_land_lies_inside_the_national_map(basemap):
    lons = [lon for ring in basemap.indonesia for lon in ring[0::2]]
    lats = [lat for ring in basemap.indonesia for lat in ring[1::2]]
    assert maps.LON_RANGE[0] < min(lons) < 96 and 140 < max(lons) < maps.LON_RANGE[1]   # Sabang to Merauke
    assert maps.LAT_RANGE[0] < min(lats) < -10 and 5 < max(lats) < maps.LAT_RANGE[1]   # Rote to Miangas


def test_every_region_lies_on_or_beside_indonesias_land(basemap):
    # A centroid is the mean of a region's villages: an island regency's may fall in the sea between
    # its islands, never far from them (the farthest, Parigi Moutong round Tomini Bay, ~0.35 degrees).
    with (REFERENCE / "regions.csv").open(newline="", encoding="utf-8") as handle:
        regions = [(float(r["longitude"]), float(r["latitude"]), r["name"]) for r in csv.DictReader(handle)]
    vertices = [p for ring in basemap.indonesia for p in points(ring)]
    far = []
    for lon, lat, name in regions:
        if not any(inside((lon, lat), ring) for ring in basemap.indonesia):
            distance = min(math.dist((lon, lat), vertex) for vertex in vertices)
            if distance > 0.5:
                far.append((name, round(distance, 2)))
    assert far == []


def test_borders_join_known_provinces(basemap):
    with (REFERENCE / "provinces.csv").open(newline="", encoding="utf-8") as handle:
        codes = {row["code"] for row in csv.DictReader(handle)}
    pairs = {(a, b) for a, b, _ in basemap.borders}
    assert all(a in codes and b in codes and a < b for a, b in pairs)
    assert {("33", "35"), ("32", "33"), ("31", "36"), ("11", "12"), ("91", "92")} <= pairs
    # Natural Earth predates Kalimantan Utara and the 2022 Papua provinces: none of their borders
    # is drawn (none invented), and islands alone (Bali, Kepulauan Riau) have no land border.
    assert not {code for pair in pairs for code in pair} & {"65", "93", "94", "95", "96", "51", "21"}


def test_the_national_map_draws_the_coastline_under_the_dots(basemap):
    rows = pd.DataFrame({"code": ["35.09"], "name": ["Kabupaten Jember"], "longitude": [113.7],
                         "latitude": [-8.2], "band": pd.array([2], dtype="Int64"), "index_text": ["2,00"]})
    text = ChartText("Peta", "", "", shown=partial(format_number, lang="id"))
    figure = maps.band_map(rows, {2: "Cukup"}, text, "Indeks", basemap=basemap)
    coast = next(trace for trace in figure.data if trace.name == "indonesia")
    assert figure.data.index(coast) < [trace.name for trace in figure.data].index("Cukup")
    drawn = [(x, y) for x, y in zip(coast.x, coast.y, strict=True) if not math.isnan(x)]
    assert len(drawn) > 3000   # Indonesia's coast at about a pixel's detail (charts.maps.DETAIL_STEPS)
    assert all(maps.LON_RANGE[0] <= x <= maps.LON_RANGE[1] and maps.LAT_RANGE[0] <= y <= maps.LAT_RANGE[1]
               for x, y in drawn)


# --- the loader ----------------------------------------------------------------------------------

def test_the_basemap_is_read_once(basemap):
    assert catalog.basemap(REFERENCE) is basemap


def test_a_data_folder_without_a_basemap_uses_the_bundled_one(tmp_path, basemap):
    assert catalog.basemap(tmp_path) is basemap


def test_a_broken_basemap_is_refused_naming_the_file_and_the_ring(tmp_path):
    path = tmp_path / "basemap.json"
    good = {"box": [92, -13, 143.5, 8.5], "indonesia": [[110, -7, 111, -7, 111, -8]], "neighbours": [],
            "borders": [{"between": ["33", "35"], "line": [111, -7, 111, -8]}]}
    path.write_text(json.dumps(good))
    assert catalog.basemap(tmp_path).borders == (("33", "35", (111.0, -7.0, 111.0, -8.0)),)
    for broken, message in (
            (dict(good, indonesia=[[110, -7, 111, -7, 111]]), "indonesia ring 0 has 5 numbers"),
            (dict(good, neighbours=[[10, 1, 11, 1, 11, 2]]), "neighbours ring 0 has the point 10.0, 1.0")):
        path.write_text(json.dumps(broken))
        os.utime(path, ns=(1, path.stat().st_mtime_ns + 1_000_000))   # a new version of the file
        with pytest.raises(ValueError, match=message) as raised:
            catalog.basemap(tmp_path)
        assert str(path) in str(raised.value)


# --- the builder ---------------------------------------------------------------------------------

def test_topojson_arcs_and_rings():
    topology = {"transform": {"scale": [0.5, 0.25], "translate": [100, -10]},
                "arcs": [[[0, 0], [2, 0], [0, 4]], [[2, 4], [-2, -4]]]}
    arcs = geometry.topojson_arcs(topology)
    assert arcs == [[(100.0, -10.0), (101.0, -10.0), (101.0, -9.0)], [(101.0, -9.0), (100.0, -10.0)]]
    assert geometry.topojson_ring([0, 1], arcs) == [(100.0, -10.0), (101.0, -10.0), (101.0, -9.0), (100.0, -10.0)]
    assert geometry.topojson_ring([~1], arcs) == [(100.0, -10.0), (101.0, -9.0)]


def test_clip_ring_cuts_at_the_box():
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]
    clipped = geometry.clip_ring(square, (2.0, -1.0, 10.0, 3.0))
    assert sorted(clipped) == sorted([(2.0, 0.0), (4.0, 0.0), (4.0, 3.0), (2.0, 3.0)])
    assert geometry.clip_ring(square, (5.0, 5.0, 6.0, 6.0)) == []


def test_simplify_keeps_what_the_eye_sees():
    line = [(0.0, 0.0), (1.0, 0.004), (2.0, 0.0), (3.0, 0.5), (4.0, 0.0)]
    assert geometry.simplify_line(line, 0.01) == [(0.0, 0.0), (2.0, 0.0), (3.0, 0.5), (4.0, 0.0)]
    assert geometry.area([(0, 0), (2, 0), (2, 3), (0, 3)]) == 6


def test_shared_borders_are_the_edges_two_provinces_share():
    def square(x0):
        return {"type": "Polygon", "coordinates": [[[x0, 0], [x0 + 1, 0], [x0 + 1, 1], [x0, 1], [x0, 0]]]}
    features = [{"geometry": square(0)}, {"geometry": square(1)}, {"geometry": square(5)}]
    borders = builder.shared_borders(features, {0: "35", 1: "33", 2: "51"})
    assert list(borders) == [("33", "35")]
    (line,) = borders[("33", "35")]
    assert sorted([line[0], line[-1]]) == [(1, 0), (1, 1)] and len(line) == 2


def test_provinces_match_by_any_natural_earth_name():
    provinces = {"31": "DKI Jakarta", "34": "DI Yogyakarta", "19": "Kepulauan Bangka Belitung"}
    features = [{"properties": {"name": "Jakarta Raya", "name_id": "Jakarta"}},
                {"properties": {"name": "Yogyakarta", "gn_name": "Daerah Istimewa Yogyakarta"}},
                {"properties": {"name": "Bangka-Belitung", "name_id": "Kepulauan Bangka Belitung"}}]
    assert builder.match_provinces(features, provinces) == {0: "31", 1: "34", 2: "19"}
    with pytest.raises(SystemExit, match="'Atlantis' matches no province codes"):
        builder.match_provinces([{"properties": {"name": "Atlantis"}}], provinces)
