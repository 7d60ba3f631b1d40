"""Page tests run the real app (AppTest) on a temporary copy of the demo data: real store, real
DuckDB, real parquet. Caches are cleared around each test so tests never see each other's data."""

from __future__ import annotations

import contextlib
import json
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from components.routing import app_test_router
from i18n import t
from store import Store, shared_store
from tests.conftest import REPO

APP = str(REPO / "app.py")
PAGES = ("overview", "region", "compare", "gaps", "trends", "method")


@pytest.fixture(scope="session")
def demo_copy(tmp_path_factory) -> Path:
    """One pristine copy of the bundled data per session (copied again per test that writes)."""
    target = tmp_path_factory.mktemp("demo") / "data"
    shutil.copytree(REPO / "data", target, ignore=shutil.ignore_patterns(".matra.lock"))
    return target


@pytest.fixture(autouse=True)
def _route_through_app(monkeypatch):
    """AppTest resets Streamlit's pages/ flag before every run; route through app.py as the server
    does (components/routing.py)."""
    monkeypatch.setattr(app_test_module, "PagesManager", app_test_router())


@contextlib.contextmanager
def app_reads(target: Path, monkeypatch):
    """Point the app at a data folder for one test, with every cache cleared before and after."""
    monkeypatch.setenv("MATRA_DATA_DIR", str(target))
    shared_store.cache_clear()
    st.cache_data.clear()
    st.cache_resource.clear()   # components.cached.shared_figure
    try:
        yield target
    finally:
        shared_store.cache_clear()
        st.cache_data.clear()
        st.cache_resource.clear()


@pytest.fixture
def data_dir(demo_copy, tmp_path, monkeypatch) -> Path:
    target = tmp_path / "data"
    shutil.copytree(demo_copy, target)
    with app_reads(target, monkeypatch):
        yield target


@pytest.fixture
def store(data_dir) -> Store:
    return Store(data_dir)


def open_page(page: str, **params) -> AppTest:
    """Run app.py with URL parameters, then switch to `page` (as a click in the sidebar would)."""
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = str(value)
    app.run()
    if page != "overview":
        app.switch_page(f"pages/{page}.py")
        app.run()
    return app


def sign_in(app: AppTest, name: str, password: str, lang: str = "en") -> AppTest:
    """Fill in and send the one sign-in form (components/signin.py) on the page `app` shows: the
    Data page, the meeting page or the what-if panel."""
    labels = [box.label for box in app.text_input]
    app.text_input[labels.index(t("data.name", lang))].input(name)
    app.text_input[labels.index(t("data.password", lang))].input(password)
    next(b for b in app.button if b.label == t("data.signin", lang)).click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def data_page_signed_in(password: str, lang: str = "en", name: str = "Ibu Planner") -> AppTest:
    """The Data page (2025 Tahap II) with `name` signed in."""
    return sign_in(open_page("data", lang=lang, year=2025, stage="II"), name, password, lang)


def table_with(app: AppTest, column: str):
    """The first table on the page that has `column` (a page may show more tables below it, such as
    the Data page's audit log)."""
    tables = [frame.value for frame in app.dataframe if column in frame.value.columns]
    assert tables, f"no table with {column!r}: {[list(frame.value.columns) for frame in app.dataframe]}"
    return tables[0]


def chart_specs(app: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def metric(app: AppTest, label: str) -> str:
    values = [m.value for m in app.metric if m.label == label]
    assert values, f"no metric {label!r}; metrics: {[m.label for m in app.metric]}"
    return values[0]
