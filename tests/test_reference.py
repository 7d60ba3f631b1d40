"""Checks of the committed reference data in data/reference/ and of the
matching logic of tools/build_reference.py (on small synthetic inputs, so no
network or npm is needed)."""
from __future__ import annotations

import csv
import importlib.util
import math
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REGIONS_CSV = ROOT / "data" / "reference" / "regions.csv"
PROVINCES_CSV = ROOT / "data" / "reference" / "provinces.csv"
COLUMNS = ["code", "name", "province_code", "province_name", "kind", "latitude", "longitude"]


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def regions() -> list[dict[str, str]]:
    header, rows = _read(REGIONS_CSV)
    assert header == COLUMNS
    return rows


@pytest.fixture(scope="module")
def by_code(regions) -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in regions}


def _point(row: dict[str, str]) -> tuple[float, float]:
    return float(row["latitude"]), float(row["longitude"])


@pytest.fixture(scope="module")
def builder():
    spec = importlib.util.spec_from_file_location("build_reference", ROOT / "tools" / "build_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the committed CSV -------------------------------------------------------

def test_codes_unique_well_formed_and_sorted(regions):
    codes = [row["code"] for row in regions]
    assert len(codes) == 514
    assert len(set(codes)) == 514
    assert all(re.fullmatch(r"\d{2}\.\d{2}", code) for code in codes)
    assert codes == sorted(codes)
    assert all(row["province_code"] == row["code"][:2] for row in regions)


def test_provinces(regions):
    names = defaultdict(set)
    for row in regions:
        names[row["province_code"]].add(row["province_name"])
    assert len(names) == 38
    assert all(len(n) == 1 for n in names.values()), "one name per province code"
    assert names["31"] == {"DKI Jakarta"}
    assert names["34"] == {"DI Yogyakarta"}
    assert names["35"] == {"Jawa Timur"}
    assert names["96"] == {"Papua Barat Daya"}


def test_provinces_csv_matches_regions(regions):
    header, rows = _read(PROVINCES_CSV)
    assert header == ["code", "name"]
    assert {r["code"]: r["name"] for r in rows} == {r["province_code"]: r["province_name"] for r in regions}


def test_kinds_consistent_with_code_and_name(regions):
    kinds = [row["kind"] for row in regions]
    assert kinds.count("kabupaten") == 416
    assert kinds.count("kota") == 98
    for row in regions:
        is_kota = int(row["code"][3:]) >= 71
        assert row["kind"] == ("kota" if is_kota else "kabupaten"), row
        assert row["name"].startswith("Kota " if is_kota else "Kabupaten "), row


def test_names_present_and_title_case(regions):
    for row in regions:
        for field in ("name", "province_name"):
            value = row[field]
            assert value and value == value.strip(), row
            assert not re.search(r"\b[A-Z]{4,}\b", value), f"upper-case word in {value!r}"
    names = [row["name"] for row in regions]
    assert "Kabupaten Pangkajene dan Kepulauan" in names
    assert "Kota Administrasi Jakarta Selatan" in names


def test_known_regions(by_code):
    jember = by_code["35.09"]
    assert (jember["name"], jember["province_code"], jember["province_name"], jember["kind"]) == (
        "Kabupaten Jember", "35", "Jawa Timur", "kabupaten")
    surabaya = by_code["35.78"]
    assert (surabaya["name"], surabaya["kind"], surabaya["province_name"]) == ("Kota Surabaya", "kota", "Jawa Timur")
    assert by_code["93.01"]["name"] == "Kabupaten Merauke"
    assert by_code["96.71"]["name"] == "Kota Sorong"


def test_coordinates_inside_indonesia_and_rounded(regions):
    for row in regions:
        assert re.fullmatch(r"-?\d+\.\d{5}", row["latitude"]), row
        assert re.fullmatch(r"-?\d+\.\d{5}", row["longitude"]), row
        lat, lon = _point(row)
        assert -11 <= lat <= 6.5 and 94 <= lon <= 141.5, row


def test_centroids_are_distinct(regions):
    points = [_point(row) for row in regions]
    assert len(set(points)) == len(points)


@pytest.mark.parametrize("code, lat, lon, tolerance", [
    ("35.09", -8.17, 113.70, 0.5),   # Jember
    ("35.78", -7.27, 112.73, 0.2),   # Surabaya
    ("31.71", -6.18, 106.83, 0.2),   # Jakarta Pusat
    ("93.01", -8.0, 140.0, 1.5),     # Merauke (moved from 91 to Papua Selatan)
    ("96.71", -0.88, 131.28, 0.3),   # Kota Sorong (moved from 92 to Papua Barat Daya)
    ("12.12", 2.33, 99.06, 0.5),     # Toba (renamed from Toba Samosir)
    ("75.04", 0.55, 121.9, 0.6),     # Pohuwato (misspelt Pahuwato in geografis)
])
def test_known_centroids(by_code, code, lat, lon, tolerance):
    got_lat, got_lon = _point(by_code[code])
    assert abs(got_lat - lat) <= tolerance and abs(got_lon - lon) <= tolerance, (code, got_lat, got_lon)


def test_regions_cluster_by_province(regions):
    """Each region lies near its province; most are nearest their own province's mean."""
    members = defaultdict(list)
    for row in regions:
        members[row["province_code"]].append(_point(row))
    means = {p: (sum(a for a, _ in pts) / len(pts), sum(b for _, b in pts) / len(pts)) for p, pts in members.items()}
    own_nearest = 0
    for row in regions:
        distances = {p: math.dist(_point(row), m) for p, m in means.items()}
        assert distances[row["province_code"]] < 6.0, row
        own_nearest += min(distances, key=distances.get) == row["province_code"]
    assert own_nearest / len(regions) >= 0.8


# --- the build script's logic ------------------------------------------------

def test_title_case_and_province_names(builder):
    assert builder.title_case("KABUPATEN JEMBER") == "Kabupaten Jember"
    assert builder.title_case("KABUPATEN PANGKAJENE DAN KEPULAUAN") == "Kabupaten Pangkajene dan Kepulauan"
    assert builder.title_case("KABUPATEN TOLI-TOLI") == "Kabupaten Toli-Toli"
    assert builder.title_case("Kota Administrasi Jakarta Selatan") == "Kota Administrasi Jakarta Selatan"
    assert builder.province_display("DAERAH KHUSUS IBUKOTA JAKARTA") == "DKI Jakarta"
    assert builder.province_display("Daerah Istimewa Yogyakarta") == "DI Yogyakarta"
    assert builder.province_display("JAWA TIMUR") == "Jawa Timur"


def test_name_key_normalisation(builder):
    assert builder.name_key("KAB. FAK-FAK") == builder.name_key("Kabupaten Fakfak")
    assert builder.name_key("KOTA  SORONG") == builder.name_key("Kota Sorong")
    assert builder.name_key("Kota Jayapura") != builder.name_key("Kabupaten Jayapura")


def _village_points(code: str, lat: float, lon: float) -> dict:
    return {"name": code, "points": [(lat, lon), (lat + 0.2, lon + 0.2)]}


def test_locate_regions_matching_routes(builder):
    """Code match, Papua name match, and district fallback on synthetic data."""
    regencies = [
        {"code": "35.09", "province_code": "35", "name": "Kabupaten Jember"},
        {"code": "93.01", "province_code": "93", "name": "Kabupaten Merauke"},
        {"code": "91.71", "province_code": "91", "name": "Kota Jayapura"},
        {"code": "12.12", "province_code": "12", "name": "Kabupaten Toba"},
    ]
    districts = [{"code": "12.12.01", "regency_code": "12.12", "name": "Balige"},
                 {"code": "12.12.02", "regency_code": "12.12", "name": "Minasate'ne"}]
    geo_regencies = {
        "35.09": {"name": "KAB. JEMBER", "points": [(-8.0, 113.0), (-8.2, 113.2)]},
        "91.01": {"name": "Kabupaten Merauke", "points": [(-8.0, 140.0)]},
        "91.03": {"name": "Kabupaten Jayapura", "points": [(-2.5, 140.0)]},
        "91.71": {"name": "Kota Jayapura", "points": [(-2.6, 140.7)]},
        "12.12": {"name": "Kabupaten Toba Samosir", "points": [(0.0, 100.0)]},
    }
    geo_districts = {"12.12.01": {"name": "Balige", "points": [(2.3, 99.0)]},
                     "12.12.02": {"name": "Minasa Tene", "points": [(2.5, 99.2)]}}
    coords, notes = builder.locate_regions(regencies, districts, geo_regencies, geo_districts)
    assert coords["35.09"] == pytest.approx((-8.1, 113.1))
    assert coords["93.01"] == pytest.approx((-8.0, 140.0))
    assert coords["91.71"] == pytest.approx((-2.6, 140.7))
    assert coords["12.12"] == pytest.approx((2.4, 99.1))
    assert any(note.startswith("12.12") and "district fallback" in note for note in notes)
    assert any(note.startswith("93.01") and "91.01" in note for note in notes)


def test_locate_regions_fails_loudly_when_unmatched(builder):
    regencies = [{"code": "35.09", "province_code": "35", "name": "Kabupaten Jember"}]
    with pytest.raises(SystemExit):
        builder.locate_regions(regencies, [], {"35.09": {"name": "Kabupaten Lumajang", "points": [(0, 0)]}}, {})


def test_write_csv_atomic(builder, tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    builder.write_csv_atomic(target, ["a", "b"], [{"a": "1", "b": "x"}])
    assert target.read_text(encoding="utf-8") == "a,b\n1,x\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
