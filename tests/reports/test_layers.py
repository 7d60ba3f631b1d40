"""reports/ builds files for the CLI and the pages: it uses store, scoring, charts and i18n, and
never Streamlit, DuckDB, components, sections or pages (the pages reach it through components.downloads)."""

from tests.conftest import REPO
from tests.test_architecture import imported_modules

FORBIDDEN = {"streamlit", "duckdb", "components", "sections", "pages"}


def test_reports_import_no_ui_and_no_database():
    offenders = {str(path.relative_to(REPO)): sorted(imported_modules(path) & FORBIDDEN)
                 for path in (REPO / "reports").rglob("*.py") if imported_modules(path) & FORBIDDEN}
    assert not offenders


def test_reports_modules_stay_small():
    sizes = {path.name: len(path.read_text().splitlines()) for path in (REPO / "reports").glob("*.py")}
    assert max(sizes.values()) < 300, sizes
