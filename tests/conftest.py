"""Shared fixtures: the tiny framework, and small data folders built from the real reference data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from scoring import load_framework

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
# Index 0.2x3 + 0.075x0 + 0.2x4 + 0.1x4 + 0.2x4 + 0.225x1 = 2.825 (band 3 from 2.6); GOV 1.75, ENV 2.2.
TINY_LEVELS = {"GOV.A.01": 3, "GOV.A.02": 0, "GOV.B.01": 4, "ENV.A.01": 4, "ENV.A.02": 4,
               "ENV.A.03": 1}


@pytest.fixture(scope="session")
def tiny():
    return load_framework(FIXTURES / "tiny.toml")


def assessment_rows(levels_by_region: dict[str, dict[str, int]], evidence: str = "verified"
                    ) -> pd.DataFrame:
    rows = [
        {"region_code": region, "indicator_code": code, "level": level, "claimed_level": level,
         "evidence": evidence, "note": ""}
        for region, levels in levels_by_region.items() for code, level in levels.items()
    ]
    frame = pd.DataFrame(rows)
    frame["claimed_level"] = frame["claimed_level"].astype("Int64")
    return frame


@pytest.fixture
def tiny_data_dir(tmp_path) -> Path:
    """A data folder with the tiny framework, the real region list and no snapshots."""
    data_dir = tmp_path / "data"
    (data_dir / "framework").mkdir(parents=True)
    shutil.copy(FIXTURES / "tiny.toml", data_dir / "framework" / "tiny.toml")
    shutil.copy(FIXTURES / "tiny-2019.toml", data_dir / "framework" / "tiny-2019.toml")
    shutil.copytree(REPO / "data" / "reference", data_dir / "reference")
    return data_dir
