"""Hostile text: a snapshot whose notes, source and author, and a region list whose region and
province names, carry HTML and script. Every page that shows them must show them as text: no
dialog, no injected element, no request that leaves the machine or fetches the injected image."""

from __future__ import annotations

import pandas as pd
import pytest

from store import Store
from tests.browser.harness import (
    LANGS,
    app_pages,
    charts,
    copy_demo_data,
    error_boxes,
    new_context,
    open_view,
    screenshot,
    streamlit_server,
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
    top = Store(data_dir).ranking(year, "II")["region_code"].head(3).tolist()
    with streamlit_server(data_dir, "hostile") as server:
        server.regions = top
        yield server


def params(name: str, regions: list[str]) -> dict[str, str]:
    """URL parameters that put hostile-named regions on each page."""
    chosen = ",".join(regions)
    return {"region": {"region": regions[0]}, "gaps": {"region": regions[0]},
            "compare": {"mode": "manual", "regions": chosen}, "trends": {"regions": chosen}}.get(name, {})


def hover_every_chart(page) -> None:
    """Draw a hover label (plotly writes names into it) on a point of every chart."""
    for index in range(len(charts(page))):
        point = page.locator('[data-testid="stPlotlyChart"]').nth(index).locator("path.point, g.point path").first
        if point.count():
            point.scroll_into_view_if_needed()
            point.hover(force=True)
            page.wait_for_timeout(150)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_hostile_names_and_notes_stay_text(browser, hostile_server, name, lang):
    context, watch = new_context(browser, (1366, 900))
    fetched_x = []
    context.on("request", lambda request: request.url.split("?")[0].endswith("/x") and fetched_x.append(request.url))
    try:
        url = hostile_server.link(PAGES[name], lang=lang, **params(name, hostile_server.regions))
        page = open_view(context, watch, url)
        hover_every_chart(page)
        page.wait_for_timeout(300)
        screenshot(page, f"hostile-{name}-{lang}")
        assert page.evaluate(_INJECTED) == {"images": 0, "scripts": 0, "handlers": 0, "svg": 0}
        assert fetched_x == []
        assert error_boxes(page) == []
        assert watch.problems() == {}, watch.problems()
        if name == "region":   # the hostile name reached the page, shown as text
            assert "alert(1)" in page.inner_text('[data-testid="stMain"]')
    finally:
        context.close()
