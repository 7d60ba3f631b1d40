"""Fixtures of the browser suite: Debian chromium driven by Playwright, and one Streamlit server on
a temporary copy of the demo data for the pages and the read-only journeys. They live as long as
the tests/browser package runs (Playwright's event loop and the server are gone before the rest of
the test session)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, Tabs, copy_demo_data, streamlit_server


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so a fixture can tell whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="package")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: `make system-deps` installs Debian chromium")
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="package")
def demo_server(tmp_path_factory):
    """The app on a pristine copy of the bundled demo data (nothing in the session writes to it)."""
    data_dir = copy_demo_data(tmp_path_factory.mktemp("browser-demo") / "data")
    with streamlit_server(data_dir, "demo") as server:
        yield server


@pytest.fixture(scope="package")
def demo_tabs(browser, demo_server):
    tabs = Tabs(browser, demo_server)
    yield tabs
    tabs.discard()


def discard_after_failure(tabs: Tabs, request) -> None:
    """A failed test may leave its tab anywhere: the next test starts from a fresh one."""
    report = getattr(request.node, "report_call", None)
    if report is None or report.failed:
        tabs.discard()


@pytest.fixture
def tabs(demo_tabs, request):
    yield demo_tabs
    discard_after_failure(demo_tabs, request)
