"""A fresh `streamlit run app.py` (not tools/serve.py) routes a deep link through app.py from the
very first request: the region page with app.py's sidebar, for the region in the link
(components/routing.py holds the one workaround that makes this so)."""

import pytest

from tests.browser.harness import SIZES, copy_demo_data, error_boxes, new_context, open_view, streamlit_server, title

pytestmark = pytest.mark.browser


def test_first_request_of_a_fresh_server_opens_the_deep_link(browser, tmp_path):
    data_dir = copy_demo_data(tmp_path / "data")
    with streamlit_server(data_dir, "routing") as server:   # plain `streamlit run app.py`, nobody visited yet
        context, watch = new_context(browser, SIZES["laptop"])
        try:
            page = open_view(context, watch, server.link("region", region="35.09", year=2025, stage="II", lang="en"))
            assert title(page) == "Profile of Kabupaten Jember"
            assert error_boxes(page) == []
            links = page.eval_on_selector_all('[data-testid="stSidebarNav"] a', "links => links.length")
            assert links >= 6, "app.py's navigation is drawn, not the pages/ folder's"
            assert page.locator('[data-testid="stSidebar"]').get_by_text("Language / Bahasa").count() == 1
            assert "/region" in page.url and "region=35.09" in page.url
        finally:
            context.close()
