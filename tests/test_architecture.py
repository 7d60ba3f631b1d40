"""The house rules that keep the layers apart, and the settings table in the README.

`ALLOWED` is the README's table "Layout and what may import what", written out; a test parses the
table and fails when the two differ, so changing a rule means changing both, on purpose.
"""

import ast
import re
import sys
from pathlib import Path

import pytest

from store.settings import SETTINGS
from tests.conftest import REPO

# Every top-level name of this project (folders and app.py); an import of any other name is a library.
PROJECT = {"app", "pages", "sections", "components", "views", "charts", "scoring", "store", "i18n", "tools",
           "reports", "tests", "data"}

# The README's "may import" column: project packages each layer may import (itself always allowed).
ALLOWED = {
    "app.py": {"components", "i18n"},
    "pages": {"sections", "components", "views", "charts", "store", "scoring", "reports", "i18n"},
    "sections": {"components", "views", "charts", "store", "scoring", "reports", "i18n"},
    "components": {"views", "charts", "store", "scoring", "reports", "i18n"},
    "views": {"scoring", "store"},
    "charts": set(),
    "scoring": set(),
    "store": {"scoring", "i18n"},   # i18n: the command lines' messages (store/cli_common.py)
    "i18n": {"scoring"},
    "tools": {"store", "scoring"},
    "reports": {"views", "store", "scoring", "charts", "i18n"},
}
# One file beyond its layer's row, named in the README under the table: the server starter applies
# the routing workaround, which lives in components/routing.py alone.
FILE_EXCEPTIONS = {"tools/serve.py": {"components"}}
# Where the README's column names the libraries too, the layer may import only those (and the standard library).
ONLY_LIBRARIES = {"charts": {"plotly", "pandas"}, "scoring": {"pandas"}}

# Libraries kept to their layers: Streamlit drives the UI only; DuckDB sits behind store/ only.
STREAMLIT_LAYERS = {"app.py", "pages", "sections", "components", "tools"}
# The tools that start, run or measure a server; every other tool stays free of Streamlit (README names them).
STREAMLIT_TOOLS = {"tools/serve.py", "tools/bench_browser.py", "tools/bench_browser_ws.py", "tools/bench_floor_app.py",
                   "tools/static_bundle.py"}
DUCKDB_LAYERS = {"store"}
DUCKDB_EXCEPTIONS = {"tools/bench.py"}   # prints duckdb.__version__ beside its timings; queries go through Store
PLOTLY_FREE = {"scoring", "store", "i18n", "views"}

# The only module that reads the environment and the OS user (see store/settings.py). parse_worker
# hands the whole environment on to its worker process (PYTHONPATH extended), which is not a setting;
# tools/deploy_local.py hands it on to the app processes it starts (with PYTHON and one cookie secret).
ENVIRONMENT_READERS = {"store/settings.py", "store/parse_worker.py", "tools/deploy_local.py"}


def layer_files(layer: str) -> list[Path]:
    if layer.endswith(".py"):
        return [REPO / layer]
    return sorted((REPO / layer).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def offenders(layers, bad_names) -> dict[str, list[str]]:
    """{file: [names it imports that `bad_names(layer, imported)` rejects]} over `layers`."""
    found = {}
    for layer in layers:
        for path in layer_files(layer):
            bad = sorted(bad_names(layer, imported_modules(path)))
            if bad:
                found[str(path.relative_to(REPO))] = bad
    return found


def readme_table() -> dict[str, set[str]]:
    """{folder: backticked names of its "may import" cell} from the README's layout table."""
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Layout and what may import what", 1)[1].split("\n## ", 1)[0]
    table = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        folder = cells[0].strip("`").rstrip("/")
        table[folder] = set(re.findall(r"`([^`]+)`", cells[2]))
    return table


def test_the_readme_table_is_the_rule_this_test_enforces():
    table = readme_table()
    written = {("app.py" if folder == "app.py" else folder): names for folder, names in table.items()
               if folder in ALLOWED}
    assert set(written) == set(ALLOWED), "a layer is missing from the README table or from ALLOWED"
    for layer, names in written.items():
        assert names & PROJECT == ALLOWED[layer], layer
        assert names - PROJECT == ONLY_LIBRARIES.get(layer, set()), layer
    assert "Nothing imports `pages`." in (REPO / "README.md").read_text()


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_import_only_what_the_table_allows(layer):
    own = layer.removesuffix(".py")
    found = offenders([layer], lambda _, names: (names & PROJECT) - ALLOWED[layer] - {own})
    assert {path: names for path, names in found.items() if set(names) - FILE_EXCEPTIONS.get(path, set())} == {}


def test_file_exceptions_are_named_in_the_readme():
    readme = (REPO / "README.md").read_text()
    assert all(f"`{path}`" in readme and "components/routing.py" in readme for path in FILE_EXCEPTIONS)


def test_nothing_imports_pages_or_app():
    assert offenders(ALLOWED, lambda _, names: names & {"pages", "app"}) == {}


def test_only_pages_sections_components_and_reports_import_views():
    others = set(ALLOWED) - {"views"}
    importers = {layer for layer in others if offenders([layer], lambda _, names: names & {"views"})}
    assert importers <= {"pages", "sections", "components", "reports"}


@pytest.mark.parametrize("layer", sorted(ONLY_LIBRARIES))
def test_layers_with_a_library_list_use_only_those(layer):
    allowed = set(sys.stdlib_module_names) | ONLY_LIBRARIES[layer] | {layer}
    assert offenders([layer], lambda _, names: names - allowed) == {}


def test_streamlit_only_in_the_ui_layers():
    layers = set(ALLOWED) - STREAMLIT_LAYERS
    assert offenders(layers, lambda _, names: names & {"streamlit"}) == {}


def test_streamlit_only_in_the_tools_that_run_a_server_and_the_readme_names_them():
    found = set(offenders(["tools"], lambda _, names: names & {"streamlit"}))
    assert found <= STREAMLIT_TOOLS
    readme = (REPO / "README.md").read_text()
    assert [name for name in sorted(STREAMLIT_TOOLS) if f"`{name}`" not in readme] == []


def test_duckdb_only_behind_the_store():
    found = offenders(set(ALLOWED) - DUCKDB_LAYERS, lambda _, names: names & {"duckdb"})
    assert set(found) <= DUCKDB_EXCEPTIONS


def test_no_figures_below_the_ui():
    assert offenders(PLOTLY_FREE, lambda _, names: names & {"plotly"}) == {}


def test_pages_hold_no_sql():
    for path in (REPO / "pages").glob("*.py"):
        text = path.read_text().upper()
        assert "SELECT " not in text and "READ_PARQUET" not in text, path


def reads_environment(path: Path) -> list[str]:
    """os.environ / os.getenv / getpass uses in a module, as `name:line`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os" \
                and node.attr in {"environ", "getenv", "environb", "getenvb"}:
            found.append(f"os.{node.attr}:{node.lineno}")
        elif isinstance(node, ast.Import) and any(alias.name == "getpass" for alias in node.names):
            found.append(f"getpass:{node.lineno}")
        elif isinstance(node, ast.ImportFrom) and (node.module in {"getpass"} or (
                node.module == "os" and {alias.name for alias in node.names} & {"environ", "getenv"})):
            found.append(f"from {node.module}:{node.lineno}")
    return found


def test_only_store_settings_reads_the_environment():
    found = {}
    for layer in ALLOWED:
        for path in layer_files(layer):
            name = str(path.relative_to(REPO))
            if name not in ENVIRONMENT_READERS and reads_environment(path):
                found[name] = reads_environment(path)
    assert found == {}


def test_the_readme_names_every_module_that_reads_the_environment():
    readme = (REPO / "README.md").read_text()
    assert [name for name in sorted(ENVIRONMENT_READERS - {"store/settings.py"}) if f"`{name}`" not in readme] == []


def test_every_named_environment_reader_still_reads_it():
    """A module that stopped reading the environment leaves the list (and the README's sentence)."""
    assert [name for name in sorted(ENVIRONMENT_READERS) if not reads_environment(REPO / name)] == []


def test_every_setting_read_is_a_known_setting():
    known = {item.name for item in SETTINGS}
    asked = set()
    for layer in ALLOWED:
        for path in layer_files(layer):
            asked |= set(re.findall(r"""\bsetting\(\s*["'](\w+)["']""", path.read_text()))
    assert asked, "no setting(...) call found: has the function been renamed?"
    assert asked <= known


def test_every_setting_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text()
    assert [s.name for s in SETTINGS if f"`{s.name}`" not in readme] == []


def test_streamlit_sends_no_usage_statistics():
    """The app must reach nothing outside this machine; Streamlit's default would fetch a metrics
    config from the internet in every browser that opens the dashboard."""
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False


# Every module stays short enough to read at a sitting (DESIGN.md: modules under ~300 lines), the
# tests and tools as much as the product.
MAX_MODULE_LINES = 300
# Modules allowed to be longer, each with its reason; empty while every module keeps the rule.
LONG_MODULE_EXCEPTIONS: dict[str, str] = {}


def module_lengths() -> dict[str, int]:
    """{path: line count} of every Python module of the project (tests and tools included; not node_modules/)."""
    lengths = {}
    for path in sorted(REPO.rglob("*.py")):
        name = path.relative_to(REPO)
        if name.parts[0] == "node_modules" or any(part.startswith(".") for part in name.parts):
            continue
        lengths[str(name)] = len(path.read_text().splitlines())
    return lengths


def test_every_module_is_under_300_lines():
    lengths = module_lengths()
    assert {"scoring/framework.py", "app.py", "tools/serve.py", "tests/conftest.py"} <= set(lengths), \
        "the walk missed the project's modules"
    too_long = {name: count for name, count in lengths.items()
                if count > MAX_MODULE_LINES and name not in LONG_MODULE_EXCEPTIONS}
    assert too_long == {}


def test_long_module_exceptions_are_still_long():
    """An exception that the module no longer needs is removed, so the list stays honest."""
    lengths = module_lengths()
    assert {name for name in LONG_MODULE_EXCEPTIONS if lengths.get(name, 0) <= MAX_MODULE_LINES} == set()

