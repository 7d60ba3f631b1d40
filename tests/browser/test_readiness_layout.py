"""The readiness page's evidence checklist at 1366×768: every column, "Aksi berikutnya" (next action)
and "Yang dibutuhkan" (what it needs) included, lies inside the main area with no sideways scrolling,
in the table or on the page. A full-length screenshot is kept in test-artifacts/screenshots/."""

from __future__ import annotations

import pytest

from i18n import t
from tests.browser.harness import LANGS, PAGE_CHARTS, SIZES, new_context, open_view, screenshot

pytestmark = pytest.mark.browser

# Each header cell of the checklist table (the page's first st.table) with its box, and whether the
# table, the main area or the document scrolls sideways.
_CHECKLIST = """() => {
  const table = document.querySelector('[data-testid="stMain"] [data-testid="stTable"]');
  if (!table) return null;
  const main = document.querySelector('[data-testid="stMain"]');
  const box = element => { const r = element.getBoundingClientRect(); return {left: r.left, right: r.right}; };
  const scrolls = element => element.scrollWidth > element.clientWidth + 1;
  return {
    headers: [...table.querySelectorAll('thead th')].map(th => ({text: th.innerText.trim(), ...box(th)})),
    main: box(main), viewport: window.innerWidth,
    sideways: {table: [...table.querySelectorAll('*')].concat([table]).some(scrolls), main: scrolls(main),
               document: scrolls(document.documentElement)},
  };
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_checklist_shows_the_next_step_and_what_it_needs_without_scrolling(browser, demo_server, lang):
    context, watch = new_context(browser, SIZES["laptop"])
    try:
        page = open_view(context, watch, demo_server.link("readiness", region="35.09", lang=lang),
                         PAGE_CHARTS["readiness"])
        layout = page.evaluate(_CHECKLIST)
        screenshot(page, f"readiness-checklist-{lang}-1366")
    finally:
        context.close()
    assert layout is not None, "the checklist is no static table (a data grid cuts long text or scrolls sideways)"
    texts = [header["text"] for header in layout["headers"]]
    for key in ("readiness.col_next_step", "readiness.col_next_needs", "readiness.col_expected"):
        assert t(key, lang) in texts
    right = min(layout["viewport"], layout["main"]["right"])
    for header in layout["headers"]:
        assert layout["main"]["left"] <= header["left"] and header["right"] <= right + 1, header
    assert layout["sideways"] == {"table": False, "main": False, "document": False}
