"""Journeys a user takes: from the national ranking to a region's profile, a copied link that
reproduces the view, a language switch that retitles the charts, and an administrator's upload
that changes the overview."""

from __future__ import annotations

import re

import pytest

from charts.labels import region_short_name
from i18n import format_number, t
from store import Store
from tests.browser.harness import (
    app_pages,
    chart_titles,
    commit_through_data_page,
    copy_demo_data,
    error_boxes,
    metric_values,
    new_context,
    open_view,
    raised_region_upload,
    streamlit_server,
    title,
    wait_for_run,
    wait_until_rerun,
)

pytestmark = pytest.mark.browser
PAGES = app_pages()
LAPTOP = (1366, 900)


def click_first_row(page, table_key: str) -> None:
    """Select the first row of an st.dataframe (a canvas grid): click its row-marker cell."""
    grid = page.locator(f'.st-key-{table_key} [data-testid="stDataFrame"]')
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    header = row = 35   # Streamlit's default header and row height, in CSS pixels
    page.mouse.click(box["x"] + 18, box["y"] + header + row / 2)


def test_ranking_row_opens_the_profile_and_its_link_reproduces_it(browser, demo_server):
    store = Store(demo_server.data_dir)
    year = max(store.years("II"))
    top = store.ranking(year, "II").iloc[0]
    context, watch = new_context(browser, LAPTOP)
    fresh, fresh_watch = new_context(browser, LAPTOP)
    try:
        page = open_view(context, watch, demo_server.link(PAGES["overview"], lang="en"), charts=2)
        click_first_row(page, "overview_ranking")
        page.wait_for_url(re.compile(r"/region\?.*region="), timeout=30_000)
        wait_for_run(page, 4)
        assert f"region={top['region_code']}" in page.url
        assert top["name"] in title(page)
        shown = metric_values(page)
        index_label = t("region.metric_index", "en", year=year)
        assert shown[index_label] == format_number(top["index"], "en")

        copy = open_view(fresh, fresh_watch, page.url, charts=4)
        assert title(copy) == title(page)
        assert metric_values(copy)[index_label] == shown[index_label]
        assert chart_titles(copy) == chart_titles(page)
        assert error_boxes(page) == error_boxes(copy) == []
        assert watch.problems() == fresh_watch.problems() == {}
    finally:
        context.close()
        fresh.close()


def test_language_switch_retitles_the_charts(browser, demo_server):
    context, watch = new_context(browser, LAPTOP)
    try:
        page = open_view(context, watch, demo_server.link(PAGES["region"], lang="id"), charts=4)
        before = chart_titles(page)
        assert any(t("region.radar_title", "id") in title for title in before), before
        page.locator('[data-testid="stSidebar"] label').filter(has_text="English").click()
        english = t("region.radar_title", "en")
        wait_until_rerun(page, """(wanted) => [...document.querySelectorAll('.js-plotly-plot .gtitle')]
                                     .some(title => title.textContent.includes(wanted))""", english)
        after = chart_titles(page)
        assert len(after) == len(before)
        assert all(new != old for new, old in zip(after, before, strict=True)), (before, after)
        assert "lang=en" in page.url
        assert error_boxes(page) == [] and watch.problems() == {}
    finally:
        context.close()


@pytest.fixture(scope="module")
def data_server(tmp_path_factory):
    """The app on its own copy of the demo data: the upload journey writes a snapshot."""
    data_dir = copy_demo_data(tmp_path_factory.mktemp("browser-upload") / "data")
    with streamlit_server(data_dir, "upload") as server:
        yield server


@pytest.mark.skipif("data" not in PAGES, reason="the data page (pages/data.py) is not in app.py yet")
def test_administrator_upload_changes_the_overview(browser, data_server, tmp_path):
    upload, _, region = raised_region_upload(data_server.data_dir, tmp_path)
    riser = region["name"]
    context, watch = new_context(browser, LAPTOP)
    try:
        overview = open_view(context, watch, data_server.link(PAGES["overview"], lang="en"), charts=2)
        rise_label = t("overview.metric_riser", "en")
        assert metric_values(overview)[rise_label] != region_short_name(riser)

        commit_through_data_page(context, watch, data_server, upload)

        overview.reload()
        wait_for_run(overview, 2)
        assert metric_values(overview)[rise_label] == region_short_name(riser)   # "Kab. …": fits its card
        assert watch.problems() == {}
    finally:
        context.close()


def test_typing_a_region_name_picks_exactly_that_region(browser, demo_server):
    """'Kota Malang' + Enter adds Kota Malang only (not Kota Magelang, no 'Select 2 matches')."""
    context, watch = new_context(browser, LAPTOP)
    try:
        page = open_view(context, watch, demo_server.link(PAGES["compare"], mode="manual", region="35.09",
                                                          lang="id"), charts=3)
        chooser = page.locator('[data-testid="stMultiSelect"]').first
        before = chooser.inner_text()
        assert "Kabupaten Jember" in before                       # the hand-picked list starts from the region
        search = chooser.locator("input")
        search.click()
        search.type("Kota Malang")
        options = page.locator('[role="option"]')
        options.first.wait_for()
        assert [text.strip() for text in options.all_inner_texts()] == ["Kota Malang (35.73)"]
        search.press("Enter")
        wait_until_rerun(page, "() => new URL(location.href).searchParams.get('regions')?.includes('35.73')")
        after = chooser.inner_text()
        assert "Kota Malang (35.73)" in after and "Magelang" not in after
        assert watch.problems() == {}
    finally:
        context.close()
