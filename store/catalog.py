"""The data folder's reference parts: framework versions per year and the region list."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from scoring import Framework, load_framework

REGION_COLUMNS = ["code", "name", "province_code", "province_name", "kind", "latitude", "longitude"]


def _signature(folder: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*.toml")))


@lru_cache(maxsize=8)
def _frameworks(folder: Path, signature: tuple) -> tuple[Framework, ...]:
    return tuple(load_framework(folder / name) for name, _ in signature)


def frameworks(framework_dir: Path) -> tuple[Framework, ...]:
    """Every framework file in the folder, loaded and validated (cached until a file changes)."""
    return _frameworks(framework_dir, _signature(framework_dir))


def framework_for_year(framework_dir: Path, year: int) -> Framework | None:
    """The framework version that applies to `year`, or None when no file covers it."""
    matches = [fw for fw in frameworks(framework_dir) if year in fw.years]
    return matches[0] if matches else None


@lru_cache(maxsize=8)
def _regions(path: Path, mtime: int) -> pd.DataFrame:
    table = pd.read_csv(path, dtype={"code": str, "province_code": str})
    return table[REGION_COLUMNS]


def regions(reference_dir: Path) -> pd.DataFrame:
    """The 514 kab/kota: columns code, name, province_code, province_name, kind, latitude, longitude."""
    path = reference_dir / "regions.csv"
    return _regions(path, path.stat().st_mtime_ns).copy()
