#!/usr/bin/env python3
"""Rebuild data/reference/regions.csv (and provinces.csv) from npm packages.

Sources (see NOTICE for attribution and licences):
  * idn-area-data (ODbL 1.0 data): Kemendagri codes and names of the
    38 provinces and 514 kabupaten/kota.
  * geografis (MIT): village coordinates, averaged per regency to give a
    centroid.

geografis predates the 2022 Papua split, so regencies of the old and new
Papua provinces (91-96) are matched by normalised name; elsewhere they are
matched by code, checking that the names agree. A region that cannot be
matched that way gets the mean of the villages of its districts, matched
by district code and name. Only the standard library is needed, plus
`npm` unless --node-modules points at an existing install.

Usage:
  python tools/build_reference.py                      # installs via npm
  python tools/build_reference.py --node-modules DIR   # reuse an install
"""
from __future__ import annotations

import csv
import json
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import npm_build

PACKAGES = {"idn-area-data": "4.0.1", "geografis": "1.3.2"}
REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "data" / "reference"
COLUMNS = ["code", "name", "province_code", "province_name", "kind", "latitude", "longitude"]
PAPUA_PROVINCES = {"91", "92", "93", "94", "95", "96"}
LAT_RANGE, LON_RANGE = (-11.0, 6.5), (94.0, 141.5)
EXPECTED = {"regions": 514, "kabupaten": 416, "kota": 98, "provinces": 38}
SMALL_WORDS = {"dan"}
ACRONYMS = {"DKI", "DI"}
MIN_DISTRICT_SHARE = 0.5  # fallback needs at least half the districts matched


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a UTF-8 CSV file with a header row into a list of dicts."""
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def title_case(name: str) -> str:
    """Title-case an area name, e.g. 'KABUPATEN PANGKAJENE DAN KEPULAUAN'.

    Hyphenated parts are capitalised ('Toli-Toli'), small words stay lower
    case except at the start, and known acronyms stay upper case.
    """
    words = []
    for i, word in enumerate(name.split()):
        if word.upper() in ACRONYMS:
            words.append(word.upper())
        elif i > 0 and word.lower() in SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def province_display(name: str) -> str:
    """Shorten special-region province names: 'Daerah Istimewa X' -> 'DI X'."""
    name = re.sub(r"(?i)^daerah khusus ibu ?kota\s+", "DKI ", name.strip())
    name = re.sub(r"(?i)^daerah istimewa\s+", "DI ", name)
    return title_case(name)


def name_key(name: str) -> str:
    """Normalise a regency name for matching; the kind stays in the key.

    'KAB. FAK-FAK', 'Kabupaten Fak Fak' -> 'kab:FAKFAK'; 'Kota Administrasi
    Jakarta Pusat' -> 'kota:JAKARTAPUSAT'. Keeping the kind avoids folding
    'Kota Jayapura' into 'Kabupaten Jayapura'.
    """
    words = re.sub(r"[^A-Z0-9]+", " ", name.upper()).split()
    kind = "kab"
    if words and words[0] in ("KABUPATEN", "KAB"):
        words = words[1:]
    elif words and words[0] == "KOTA":
        kind, words = "kota", words[1:]
    if words and words[0] == "ADMINISTRASI":
        words = words[1:]
    return kind + ":" + "".join(words)


def plain_key(name: str) -> str:
    """Normalise a district name: upper case, letters and digits only."""
    return re.sub(r"[^A-Z0-9]+", "", name.upper())


def load_geografis(node_modules: Path) -> tuple[dict, dict]:
    """Return geografis regencies and districts keyed by code.

    regencies: code -> {"name", "points"}; districts: code -> {"name", "points"},
    where points is a list of (lat, lon) village coordinates.
    """
    villages = json.loads((node_modules / "geografis/data/json/data.json").read_text(encoding="utf-8"))
    regencies: dict[str, dict] = {}
    districts: dict[str, dict] = {}
    for village in villages:
        if village.get("latitude") is None or village.get("longitude") is None:
            continue
        point = (float(village["latitude"]), float(village["longitude"]))
        parts = village["code"].split(".")
        regency = regencies.setdefault(".".join(parts[:2]), {"name": village["city"], "points": []})
        district = districts.setdefault(".".join(parts[:3]), {"name": village["district"], "points": []})
        regency["points"].append(point)
        district["points"].append(point)
    return regencies, districts


def mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Arithmetic mean of (lat, lon) points."""
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def district_fallback(regency: dict, idn_districts: list[dict], geo_districts: dict, group: set[str]):
    """Centroid from idn-area-data districts matched to geografis districts.

    Each district is matched by code with an equal normalised name, else by
    unique name within the province group. Returns (point, note) or None.
    """
    by_name: dict[str, list[str]] = {}
    for code, district in geo_districts.items():
        if code[:2] in group:
            by_name.setdefault(plain_key(district["name"]), []).append(code)
    points, matched = [], 0
    for district in idn_districts:
        key = plain_key(district["name"])
        geo = geo_districts.get(district["code"])
        if geo is not None and plain_key(geo["name"]) == key:
            code = district["code"]
        elif len(by_name.get(key, [])) == 1:
            code = by_name[key][0]
        else:
            continue
        matched += 1
        points.extend(geo_districts[code]["points"])
    if not idn_districts or matched / len(idn_districts) < MIN_DISTRICT_SHARE:
        return None
    return mean_point(points), f"{matched}/{len(idn_districts)} districts matched"


def locate_regions(regencies: list[dict], districts: list[dict], geo_regencies: dict, geo_districts: dict):
    """Give every idn-area-data regency a centroid; return (coords, notes)."""
    papua_index: dict[str, str] = {}
    for code, regency in geo_regencies.items():
        if code[:2] in PAPUA_PROVINCES:
            key = name_key(regency["name"])
            if key in papua_index:
                sys.exit(f"ambiguous geografis name {regency['name']!r} in Papua")
            papua_index[key] = code
    districts_of: dict[str, list[dict]] = {}
    for district in districts:
        districts_of.setdefault(district["regency_code"], []).append(district)

    coords: dict[str, tuple[float, float]] = {}
    notes: list[str] = []
    for regency in regencies:
        code, key, province = regency["code"], name_key(regency["name"]), regency["province_code"]
        same_code = geo_regencies.get(code)
        if province in PAPUA_PROVINCES:
            geo_code = papua_index.get(key)
            if geo_code is not None and geo_code != code:
                notes.append(f"{code} {regency['name']}: Papua split, matched by name to geografis {geo_code}")
        elif same_code is not None and name_key(same_code["name"]) == key:
            geo_code = code
        else:
            # Code and name disagree: look for the name elsewhere in the province.
            hits = [c for c, r in geo_regencies.items() if c[:2] == province and name_key(r["name"]) == key]
            geo_code = hits[0] if len(hits) == 1 else None
            if geo_code:
                notes.append(f"{code} {regency['name']}: matched by name to geografis {geo_code}")
        if geo_code is not None:
            coords[code] = mean_point(geo_regencies[geo_code]["points"])
            continue
        group = PAPUA_PROVINCES if province in PAPUA_PROVINCES else {province}
        result = district_fallback(regency, districts_of.get(code, []), geo_districts, group)
        if result is None:
            sys.exit(f"cannot locate {code} {regency['name']}")
        coords[code] = result[0]
        geo_name = same_code["name"] if same_code else "none"
        notes.append(f"{code} {regency['name']} (geografis {code}: {geo_name}): "
                     f"district fallback, {result[1]}")
    return coords, notes


def build_rows(provinces: dict[str, str], regencies: list[dict], coords: dict) -> list[dict]:
    """Assemble the output rows, sorted by code, coordinates rounded."""
    rows = []
    for regency in sorted(regencies, key=lambda r: r["code"]):
        code, province = regency["code"], regency["province_code"]
        kind = "kota" if int(code.split(".")[1]) >= 71 else "kabupaten"
        name = title_case(regency["name"])
        if name_key(name).startswith("kota:") != (kind == "kota"):
            sys.exit(f"kind of {code} {name} disagrees with its code")
        lat, lon = coords[code]
        rows.append({"code": code, "name": name, "province_code": province,
                     "province_name": provinces[province], "kind": kind,
                     "latitude": f"{lat:.5f}", "longitude": f"{lon:.5f}"})
    return rows


def verify(rows: list[dict]) -> None:
    """Exit with an error unless counts, codes and coordinates are as expected."""
    kinds = [row["kind"] for row in rows]
    found = {"regions": len({row["code"] for row in rows}), "kabupaten": kinds.count("kabupaten"),
             "kota": kinds.count("kota"), "provinces": len({row["province_code"] for row in rows})}
    problems = [f"{k}: {found[k]} != {v}" for k, v in EXPECTED.items() if found[k] != v]
    for row in rows:
        lat, lon = float(row["latitude"]), float(row["longitude"])
        if not re.fullmatch(r"\d{2}\.\d{2}", row["code"]) or not row["name"]:
            problems.append(f"bad code or name: {row}")
        if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
            problems.append(f"{row['code']} {row['name']} outside Indonesia: {lat}, {lon}")
    if problems:
        sys.exit("verification failed:\n  " + "\n  ".join(problems))


def write_csv_atomic(path: Path, columns: list[str], rows: list[dict]) -> None:
    """Write rows to a temp file next to `path`, then os.replace it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def build(node_modules: Path, out_dir: Path) -> None:
    """Read both packages, compute centroids, verify and write the CSV files."""
    data = node_modules / "idn-area-data" / "data"
    provinces = {p["code"]: province_display(p["name"]) for p in read_csv(data / "provinces.csv")}
    regencies = read_csv(data / "regencies.csv")
    geo_regencies, geo_districts = load_geografis(node_modules)
    coords, notes = locate_regions(regencies, read_csv(data / "districts.csv"), geo_regencies, geo_districts)
    rows = build_rows(provinces, regencies, coords)
    verify(rows)
    write_csv_atomic(out_dir / "regions.csv", COLUMNS, rows)
    write_csv_atomic(out_dir / "provinces.csv", ["code", "name"],
                     [{"code": c, "name": n} for c, n in sorted(provinces.items())])
    kinds = [row["kind"] for row in rows]
    print(f"wrote {len(rows)} regions ({kinds.count('kabupaten')} kabupaten, {kinds.count('kota')} kota) "
          f"in {len(provinces)} provinces to {out_dir}")
    for note in notes:
        print("special case:", note)


def main(argv: list[str] | None = None) -> None:
    """Install the pinned packages (unless --node-modules), check their versions and build."""
    npm_build.run(__doc__.split("\n\n")[0], PACKAGES, OUT_DIR, build, argv)


if __name__ == "__main__":
    main()
