"""The words every page shows in chromium at 1366x768: in the Indonesian UI no English widget
placeholder ("Choose options", "Choose an option", "Select…"); in both languages no raw message key
(`overview.metric_share`), no Streamlit "empty" for a table without rows, and no band written with
its order number ("5 · Memuaskan", which reads as a level 5 on the 0–4 scale).

What is read: the visible text, and what a reader meets on opening a widget or an expander (the
text inside select boxes, tables' accessible cells, chart text, placeholders and labels)."""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from i18n import catalogue
from scoring import load_framework
from tests.browser.harness import LANGS, PAGE_CHARTS, REPO, SIZES, app_pages

pytestmark = pytest.mark.browser
PAGES = app_pages()

# Streamlit's own English placeholders, which a widget shows when the app passes none.
ENGLISH_PLACEHOLDERS = ("Choose options", "Choose an option", "Select…", "Select...")
KEY_PREFIXES = sorted({key.split(".")[0] for key in catalogue()}, key=len, reverse=True)
# A message key as t() takes it: a known prefix, a dot, a lower-case name ("overview.metric_share").
RAW_KEY = re.compile(rf"\b(?:{'|'.join(map(re.escape, KEY_PREFIXES))})\.[a-z][a-z0-9_]*\b")
BAND_NAMES = sorted({name for path in (REPO / "data" / "framework").glob("*.toml")
                     for band in load_framework(path).bands for name in (band.name_id, band.name_en)},
                    key=len, reverse=True)
NUMBERED_BAND = re.compile(rf"\b\d\s*·\s*(?:{'|'.join(map(re.escape, BAND_NAMES))})\b")

_TEXTS = """() => {
  const texts = [document.body.innerText];
  for (const e of document.querySelectorAll(
      '[data-baseweb="select"], [data-testid="stDataFrame"], [data-testid="stExpander"], '
      + '[data-testid="stTabs"], [data-testid="stPlotlyChart"] svg text, [data-testid="stMetric"]'))
    texts.push(e.textContent);
  for (const e of document.querySelectorAll('[placeholder], [aria-placeholder]'))
    texts.push(e.getAttribute('placeholder') || e.getAttribute('aria-placeholder'));
  return texts.join('\\n');
}"""
# The data grid draws its cells on a canvas; its accessible table holds their text (headers and
# the cells in view). A table without rows gets one row of blank cells, on which the canvas writes
# Streamlit's English "empty": such a grid is counted here as the word.
_CELLS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')].flatMap(grid => {
  const cells = [...grid.querySelectorAll('[data-testid^="glide-cell-"]')].map(c => c.textContent.trim());
  const headers = [...grid.querySelectorAll('[role="columnheader"]')].map(c => c.textContent.trim());
  return [...headers, ...cells, ...(cells.length && cells.every(c => c === '') ? ['empty'] : [])];
})"""

_GRIDS_FILLED = """() => [...document.querySelectorAll('[data-testid="stDataFrame"]')]
  .every(grid => grid.querySelector('[data-testid^="glide-cell-"]'))"""


def word_problems(text: str, cells: list[str], lang: str) -> list[str]:
    """What reads wrong in a page's `text` and table `cells` in `lang`."""
    problems = [f"English placeholder {p!r}" for p in ENGLISH_PLACEHOLDERS if lang == "id" and p in text]
    problems += [f"raw message key {key!r}" for key in sorted(set(RAW_KEY.findall(text)))]
    problems += [f"band with its number {band!r}" for band in sorted(set(NUMBERED_BAND.findall(text)))]
    if lang == "id" and re.search(r"\bempty\b", text, re.IGNORECASE):
        problems.append("the English word 'empty'")
    if "empty" in cells or any(line.strip() == "empty" for line in text.splitlines()):
        problems.append("a table that says 'empty'")
    return problems


def test_the_word_checks_catch_what_they_guard_against():
    """The checks fail on each thing they look for, and pass a clean Indonesian page."""
    assert word_problems("Pilih satu atau lebih · Tingkat kematangan: Memuaskan · 2025 · Tahap II", [], "id") == []
    assert word_problems("Choose options", [], "id") == ["English placeholder 'Choose options'"]
    assert word_problems("Choose options", [], "en") == []
    assert word_problems("Judul: overview.metric_share", [], "en") == ["raw message key 'overview.metric_share'"]
    assert word_problems("5 · Memuaskan", [], "id") == ["band with its number '5 · Memuaskan'"]
    assert word_problems("Peringkat 3 · Very Good", [], "en") == ["band with its number '3 · Very Good'"]
    assert word_problems("Turun", ["Daerah", "empty"], "en") == ["a table that says 'empty'"]
    assert word_problems("Tabel empty", [], "id") == ["the English word 'empty'"]


@pytest.mark.parametrize(("name", "lang"), [pytest.param(name, lang, id=f"{name}-{lang}")
                                            for lang in LANGS for name in PAGES])
def test_every_page_reads_in_its_language(tabs, name, lang):
    tab = tabs.get(lang, SIZES["laptop"])
    page = tab.visit(PAGES[name], charts=PAGE_CHARTS.get(name))
    with contextlib.suppress(PlaywrightTimeout):   # grids fill their cells after the run; one that never does
        page.wait_for_function(_GRIDS_FILLED, timeout=15_000)   # is read as text
    problems = word_problems(page.evaluate(_TEXTS), page.evaluate(_CELLS), lang)
    assert problems == [], f"{name} ({lang}): {problems}"
