"""Hostile text: a snapshot whose notes, source and author, a region list whose region and
province names, and a programme register and saved scenario whose names carry HTML and script.
Every page that shows them must show them as text: no dialog, no injected element, no request
that leaves the machine or fetches the injected image."""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd
import pytest

from reports.agenda import Agenda, AgendaItem, encode
from store import Store
from store.scenarios import Scenario
from tests.browser.conftest import discard_after_failure
from tests.browser.harness import (
    LANGS,
    Tabs,
    app_pages,
    charts,
    copy_demo_data,
    error_boxes,
    screenshot,
    streamlit_server,
    title,
)

pytestmark = pytest.mark.browser
PAGES = app_pages()
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
HOSTILE = (IMG, SCRIPT)

# Anything the hostile text could have become in the DOM. `src="x"` resolves to /x on the server.
_INJECTED = """() => ({
  images: [...document.querySelectorAll('img')].filter(i => i.getAttribute('src') === 'x').length,
  scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert(1)')).length,
  handlers: [...document.querySelectorAll('[onerror], [onload], [onmouseover]')]
              .filter(e => (e.getAttribute('onerror') || e.getAttribute('onload')
                            || e.getAttribute('onmouseover') || '').includes('alert')).length,
  svg: [...document.querySelectorAll('svg image, svg script, svg foreignObject')]
         .filter(e => (e.outerHTML || '').includes('alert(1)')).length,
})"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    data_dir = copy_demo_data(tmp_path_factory.mktemp("browser-hostile") / "data")
    regions_csv = data_dir / "reference" / "regions.csv"
    regions = pd.read_csv(regions_csv, dtype=str)
    regions["name"] = [f"{name} {HOSTILE[i % 2]}" for i, name in enumerate(regions["name"])]
    regions["province_name"] = [f"{name} {HOSTILE[(i + 1) % 2]}" for i, name in enumerate(regions["province_name"])]
    regions.to_csv(regions_csv, index=False)

    store = Store(data_dir)
    year = max(store.years("II"))
    for stage in ("I", "II"):
        snapshot = store.active_snapshot(year, stage)
        rows = pd.read_parquet(store.snapshots_dir / snapshot.path)
        rows["note"] = [HOSTILE[i % 2] for i in range(len(rows))]
        store.ingest_rows(rows, year=year, stage=stage, source=f"{IMG}.csv", created_by=SCRIPT, synthetic=True)
    # the region pages' default region (the top of the ranking) gets a programme register and a saved
    # what-if scenario with hostile names (plan page, what-if panel, compare's scenario table)
    top = store.ranking(year, "II")["region_code"].iloc[0]
    code = store.region_indicators(top, year, "II")["indicator_code"].iloc[0]
    header = "programme_code,name,dimension,indicators,owner_opd,budget,budget_source,start_year,end_year,status"
    register = (f'{header}\nH1,"{IMG}",GOV,{code}=4,Diskominfo,1000,APBD,{year},{year + 1},running\n'
                f'H2,"{SCRIPT}",GOV,{code}=4,Diskominfo,2000,APBD,{year},{year + 2},planned\n')
    store.import_programmes(top, "hostile.csv", register.encode())
    top_level = store.framework_for(year).max_level
    store.save_scenario(Scenario(top, f"{SCRIPT} {IMG}", year, "II", {code: top_level}, ("H1",)), created_by=IMG)
    with streamlit_server(data_dir, "hostile") as server:
        yield server


@pytest.fixture(scope="module")
def hostile_tabs(browser, hostile_server):
    tabs = Tabs(browser, hostile_server)
    yield tabs
    tabs.discard()


@pytest.fixture
def tabs(hostile_tabs, request):
    yield hostile_tabs
    discard_after_failure(hostile_tabs, request)


def hover_every_chart(page) -> None:
    """Draw a hover label (plotly writes region names into it) on a point of every chart."""
    for index in range(len(charts(page))):
        points = page.locator('[data-testid="stPlotlyChart"]').nth(index).locator("path.point, g.point path")
        for number in range(min(points.count(), 10)):   # the first point with an area (a zero bar has none)
            point = points.nth(number)
            point.scroll_into_view_if_needed()
            box = point.bounding_box()
            if box and box["width"] > 1 and box["height"] > 1:
                point.hover(force=True)
                break


# Every page shows hostile names with its defaults: all regions and provinces carry them, and the
# region pages default to the top of the ranking; the indicator table on the region page shows
# the notes.
@pytest.mark.parametrize(("name", "lang"), [pytest.param(name, lang, id=f"{name}-{lang}")
                                            for lang in LANGS for name in PAGES])
def test_hostile_names_and_notes_stay_text(tabs, name, lang):
    tab = tabs.get(lang, (1366, 900))
    fetched_x = []

    def injected_image(request) -> None:
        if urlsplit(request.url).path == "/x":
            fetched_x.append(request.url)

    tab.page.on("request", injected_image)
    try:
        page = tab.visit(PAGES[name])
        hover_every_chart(page)
        screenshot(page, f"hostile-{name}-{lang}")
    finally:
        tab.page.remove_listener("request", injected_image)
    assert page.evaluate(_INJECTED) == {"images": 0, "scripts": 0, "handlers": 0, "svg": 0}
    assert fetched_x == []
    assert error_boxes(page) == []
    assert tab.watch.problems() == {}
    if name == "region":   # the hostile name reached the page, and shows as text
        assert "onerror=alert(1)" in title(page) or "<script>" in title(page)
    if name == "plan":     # the hostile programme names are drawn as chart text
        texts = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot svg text')]"
                              ".map(t => t.textContent)")
        drawn = ["".join(text.split()) for text in texts]     # long labels wrap over lines (tspans)
        assert any("".join(IMG.split()) in text for text in drawn) and any(SCRIPT in text for text in drawn), texts


def test_slide_chart_shows_hostile_programme_names_exactly_as_typed(tabs, hostile_server):
    """Issue 25 (9): the plan slide's chart escaped programme names twice (`&lt;/div&gt;` was drawn
    instead of `</div>`); now the drawn text is exactly the typed name, and nothing is injected."""
    store = Store(hostile_server.data_dir)
    year = max(store.years("II"))
    top = store.ranking(year, "II")["region_code"].iloc[0]
    agenda = Agenda("Rakor", year, "II", "en", tuple(store.current_snapshot_ids()),
                    (AgendaItem("plan", {"region": top}),))
    tab = tabs.get("en", (1366, 900))
    page = tab.page
    page.goto(hostile_server.link("present", agenda=encode(agenda), mode="slides", slide=2, lang="en"),
              wait_until="domcontentloaded")
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot g.ytick text')].length >= 2",
                           timeout=90_000)   # a slide has no page title for wait_for_run to wait on
    page.wait_for_timeout(600)
    screenshot(page, "hostile-plan-slide")
    texts = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot svg text')].map(t => t.textContent)")
    drawn = ["".join(text.split()) for text in texts]     # long labels wrap over lines (tspans)
    assert "H1·" + "".join(IMG.split()) in drawn and "H2·" + SCRIPT in drawn, texts
    assert not [text for text in texts if "&lt;" in text or "&gt;" in text or "&amp;" in text], texts
    assert page.evaluate(_INJECTED) == {"images": 0, "scripts": 0, "handlers": 0, "svg": 0}
