"""The data folder's reference parts: framework versions per year, the region list and the basemap."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from scoring import Framework, FrameworkError, load_framework
from scoring.framework_rules import Rule

BUNDLED_REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"
REGION_COLUMNS = ["code", "name", "province_code", "province_name", "kind", "latitude", "longitude"]


def _signature(folder: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*.toml")))


@lru_cache(maxsize=8)
def _frameworks(folder: Path, signature: tuple) -> tuple[Framework, ...]:
    loaded = [(name, load_framework(folder / name)) for name, _ in signature]
    problems = overlap_problems(loaded)
    if problems:
        raise FrameworkError(str(folder), problems)
    return tuple(framework for _, framework in loaded)


def overlap_problems(loaded: list[tuple[str, Framework]]) -> list[Rule]:
    """Two files that claim one year (a year must have exactly one method), or one id twice."""
    problems = []
    owner: dict[int, str] = {}
    ids: dict[str, str] = {}
    for name, framework in loaded:
        if framework.id in ids:
            problems.append(Rule("same_id", first=ids[framework.id], second=name, id=framework.id))
        ids[framework.id] = name
        for year in framework.years:
            if year in owner:
                problems.append(Rule("same_year", first=owner[year], second=name, year=year))
            else:
                owner[year] = name
    return problems


def frameworks(framework_dir: Path) -> tuple[Framework, ...]:
    """Every framework version in use (covering at least one year), loaded and validated (cached
    until a file changes). Raises FrameworkError when a file is invalid or two files cover the same
    year. A version another has wholly replaced (`years = []`, `superseded_by`) is left out here and
    found only by `framework_by_id`, for the snapshots loaded with it."""
    return tuple(fw for fw in _frameworks(framework_dir, _signature(framework_dir)) if fw.years)


def framework_files(framework_dir: Path) -> list[tuple[str, Framework]]:
    """(file name, framework) of every file in the folder, superseded versions included."""
    signature = _signature(framework_dir)
    return list(zip([name for name, _ in signature], _frameworks(framework_dir, signature), strict=True))


def stamp(framework_dir: Path) -> tuple:
    """Changes whenever a framework file is written, added or removed (names and modification times)."""
    return _signature(framework_dir)


def framework_for_year(framework_dir: Path, year: int) -> Framework | None:
    """The framework version that applies to `year`, or None when no file covers it."""
    return next((fw for fw in frameworks(framework_dir) if year in fw.years), None)


def framework_by_id(framework_dir: Path, framework_id: str) -> Framework | None:
    """The framework version with this id (the one recorded with a snapshot), or None."""
    return next((fw for fw in _frameworks(framework_dir, _signature(framework_dir)) if fw.id == framework_id), None)


@lru_cache(maxsize=8)
def _regions(path: Path, mtime: int) -> pd.DataFrame:
    table = pd.read_csv(path, dtype={"code": str, "province_code": str})
    return table[REGION_COLUMNS]


def regions(reference_dir: Path) -> pd.DataFrame:
    """The 514 kab/kota: columns code, name, province_code, province_name, kind, latitude, longitude."""
    path = reference_dir / "regions.csv"
    return _regions(path, path.stat().st_mtime_ns).copy()


@dataclass(frozen=True)
class Basemap:
    """The map's base layer (tools/build_basemap.py, Natural Earth): each ring or line is a flat
    tuple lon0, lat0, lon1, lat1, … in degrees. `indonesia` and `neighbours` are land outlines (closed
    rings, the last point not repeated) inside `box` (west, south, east, north); `borders` are the
    province borders as (province code, province code, line)."""

    box: tuple[float, float, float, float]
    indonesia: tuple[tuple[float, ...], ...]
    neighbours: tuple[tuple[float, ...], ...]
    borders: tuple[tuple[str, str, tuple[float, ...]], ...]


def _checked_line(values, path: Path, where: str, box, closed: bool) -> tuple[float, ...]:
    line = tuple(float(v) for v in values)
    if len(line) % 2 or len(line) < (6 if closed else 4):
        raise ValueError(f"{path}: {where} has {len(line)} numbers; expected lon, lat pairs, "
                         f"at least {3 if closed else 2} points")
    west, south, east, north = box
    for lon, lat in zip(line[::2], line[1::2], strict=True):
        if not (west <= lon <= east and south <= lat <= north):
            raise ValueError(f"{path}: {where} has the point {lon}, {lat} outside the box {list(box)}")
    return line


@lru_cache(maxsize=4)
def _basemap(path: Path, mtime: int) -> Basemap:
    raw = json.loads(path.read_text(encoding="utf-8"))
    box = tuple(float(v) for v in raw["box"])
    return Basemap(
        box=box,
        indonesia=tuple(_checked_line(r, path, f"indonesia ring {i}", box, True)
                        for i, r in enumerate(raw["indonesia"])),
        neighbours=tuple(_checked_line(r, path, f"neighbours ring {i}", box, True)
                         for i, r in enumerate(raw["neighbours"])),
        borders=tuple((str(b["between"][0]), str(b["between"][1]),
                       _checked_line(b["line"], path, f"border {i}", box, False))
                      for i, b in enumerate(raw["borders"])),
    )


def basemap(reference_dir: Path) -> Basemap:
    """The base layer under every map, read once per file version and checked (rings of lon/lat
    pairs inside the box). A data folder without reference/basemap.json uses the bundled one: it is
    geography, not data a user supplies."""
    path = reference_dir / "basemap.json"
    if not path.exists():
        path = BUNDLED_REFERENCE / "basemap.json"
    return _basemap(path, path.stat().st_mtime_ns)
