"""The house rules that keep the layers apart, and the settings table in the README."""

import ast
import sys
from pathlib import Path

import pytest

from store.settings import SETTINGS
from tests.conftest import REPO

FORBIDDEN = {
    "scoring": {"streamlit", "duckdb", "store", "components", "charts", "pages", "plotly", "i18n"},
    "store": {"streamlit", "components", "charts", "pages", "plotly", "i18n"},
    "charts": {"streamlit", "store", "duckdb", "components", "pages"},
    "components": {"duckdb", "pages"},
    "pages": {"duckdb"},
    "reports": {"streamlit", "duckdb", "components", "pages"},
}


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layers_import_only_downwards(layer):
    offenders = {}
    for path in (REPO / layer).rglob("*.py"):
        bad = imported_modules(path) & FORBIDDEN[layer]
        if bad:
            offenders[str(path.relative_to(REPO))] = sorted(bad)
    assert not offenders


def test_scoring_uses_only_the_standard_library_and_pandas():
    allowed = set(sys.stdlib_module_names) | {"pandas", "scoring"}
    for path in (REPO / "scoring").rglob("*.py"):
        assert imported_modules(path) <= allowed, path


def test_pages_hold_no_sql():
    for path in (REPO / "pages").glob("*.py"):
        text = path.read_text().upper()
        assert "SELECT " not in text and "READ_PARQUET" not in text, path


def test_every_setting_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text()
    assert [s.name for s in SETTINGS if f"`{s.name}`" not in readme] == []


def test_streamlit_sends_no_usage_statistics():
    """The app must reach nothing outside this machine; Streamlit's default would fetch a metrics
    config from the internet in every browser that opens the dashboard."""
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
