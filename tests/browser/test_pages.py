"""Every page in chromium, at three screen sizes, in both languages: it draws its charts, shows no
exception or error box, logs no console error, asks nothing from outside this machine, and axe-core
finds no serious or critical accessibility violation. A full-length screenshot of each is kept in
test-artifacts/screenshots/.

One tab per language and size goes through the pages in navigation order by the sidebar links, as
a reader would; the first page of each tab is opened from its URL."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from i18n import t
from tests.browser.harness import (
    LANGS,
    PAGE_CHARTS,
    SIZES,
    app_pages,
    axe_violations,
    charts,
    error_boxes,
    new_context,
    open_view,
    screenshot,
)

pytestmark = pytest.mark.browser
PAGES = app_pages()
CASES = [pytest.param(name, lang, size, id=f"{name}-{lang}-{size}")
         for size in SIZES for lang in LANGS for name in PAGES]


def test_navigation_lists_every_page_of_app_py(browser, demo_server):
    assert {"overview", "region", "compare", "gaps", "trends", "method"} <= set(PAGES)
    context, watch = new_context(browser, SIZES["laptop"])
    try:
        page = open_view(context, watch, demo_server.link("", lang="en"))
        links = page.eval_on_selector_all('[data-testid="stSidebarNav"] a', "links => links.map(a => a.href)")
        assert sorted(urlsplit(link).path.strip("/") for link in links) == sorted(PAGES.values())
        assert watch.problems() == {}
    finally:
        context.close()


@pytest.mark.parametrize(("name", "lang", "size"), CASES)
def test_page_draws_cleanly(tabs, name, lang, size):
    tab = tabs.get(lang, SIZES[size])
    expected = PAGE_CHARTS.get(name)
    page = tab.visit(PAGES[name], charts=expected)
    found = charts(page)

    assert error_boxes(page) == []
    if expected is not None:
        assert len(found) == expected, f"{name} draws {expected} charts, found {len(found)}"
    for chart in found:
        assert chart["svg"] and chart["marks"] > 0, f"chart not drawn: {chart}"
        assert chart["width"] > 100 and chart["height"] > 100, f"chart squashed: {chart}"
        assert chart["title"], f"chart without a title: {chart}"
        assert chart["alt"], f"chart without alt text: {chart}"
    banner = re.search(r"\w[\w ]+", t("banner.synthetic", lang)).group()   # "DATA SINTETIS"
    assert banner in page.inner_text('[data-testid="stMain"]'), "demo data is marked, in the page's language"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= SIZES[size][0] + 1, \
        "the page scrolls sideways"
    if size != "projector":   # the laptop's layout, only wider: axe would find the same
        violations = axe_violations(page)
        assert violations == [], f"axe ({name}-{lang}-{size}): {violations}"
    screenshot(page, f"{name}-{lang}-{size}")
    assert tab.watch.problems() == {}


def test_the_watch_sees_what_it_guards_against(browser, demo_server):
    """The guards of this suite work: a request to another host is blocked and recorded, a
    dialog and an uncaught error are recorded, and a console error fails the page."""
    context, watch = new_context(browser, SIZES["laptop"])
    try:
        page = open_view(context, watch, demo_server.link(PAGES["method"], lang="en"))
        blocked = page.evaluate("""() => fetch('https://cdn.example.com/tracker.js').then(() => false, () => true)""")
        page.evaluate("() => { alert('hello'); console.error('boom'); setTimeout(() => { throw new Error('late') }) }")
        page.wait_for_timeout(300)
        assert blocked
        assert watch.foreign_requests == ["https://cdn.example.com/tracker.js"]
        assert watch.dialogs == ["alert: hello"]
        assert [e.split(" @ ")[0] for e in watch.console_errors] == [
            "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT.Inspector", "boom"]
        assert watch.page_errors == ["late"]
    finally:
        context.close()
