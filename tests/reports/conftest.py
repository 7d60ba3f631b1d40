"""Export tests run on a temporary copy of the bundled demo data (real parquet, real DuckDB).

One read-only copy serves the whole session; a test that writes (a new snapshot) takes its own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from store import Store
from tests.conftest import REPO

YEAR, STAGE = 2024, "II"
JEMBER, SURABAYA = "35.09", "35.78"


def copy_data(target: Path) -> Path:
    shutil.copytree(REPO / "data", target, ignore=shutil.ignore_patterns(".matra.lock"))
    return target


@pytest.fixture(scope="session")
def report_data(tmp_path_factory) -> Path:
    return copy_data(tmp_path_factory.mktemp("reports") / "data")


@pytest.fixture(scope="session")
def report_store(report_data) -> Store:
    return Store(report_data)


@pytest.fixture
def writable_store(tmp_path) -> Store:
    return Store(copy_data(tmp_path / "data"))


def region_rows(store: Store, region: str, year: int = YEAR, stage: str = STAGE) -> pd.DataFrame:
    """The stored assessment rows of one region (as ingest_rows takes them)."""
    snapshot = store.active_snapshot(year, stage)
    rows = pd.read_parquet(store.snapshots_dir / snapshot.path)
    return rows[rows["region_code"] == region].reset_index(drop=True)


def slide_texts(slide) -> list[str]:
    """Every text on a slide: text boxes, shapes and table cells."""
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def charts(slide) -> list:
    return [shape.chart for shape in slide.shapes if shape.has_chart]
