"""The sequence of issue 24 in Chromium: an administrator commits a new year and stage (2026 Tahap I,
the boxes left at 2025 / II: the template says what it is for), then retracts from the same page
session: the list holds the new snapshot, nothing is chosen until they choose, and leaving 2026 I
without data needs the second confirmation; then a restore brings the same figures back."""

from __future__ import annotations

import pytest

from i18n import t
from store import Store
from tests.browser.harness import (
    ADMIN_PASSWORD,
    app_pages,
    copy_demo_data,
    error_boxes,
    new_context,
    open_options,
    open_view,
    screenshot,
    streamlit_server,
    wait_for_run,
)
from tests.pages.test_data_stewardship import template_2026_one

pytestmark = pytest.mark.browser
LAPTOP = (1366, 900)


@pytest.fixture(scope="module")
def steward_server(tmp_path_factory):
    data_dir = copy_demo_data(tmp_path_factory.mktemp("browser-steward") / "data")
    with streamlit_server(data_dir, "steward") as server:
        yield server


def selectbox(page, label: str):
    return page.locator('[data-testid="stSelectbox"]').filter(has_text=label)


def shown(box) -> str:
    """What a selectbox shows: its text, and its input's value or placeholder (Streamlit draws the
    chosen option or the placeholder in a search input)."""
    field = box.locator("input")
    extra = [field.first.input_value(), field.first.get_attribute("placeholder") or ""] if field.count() else []
    return " ".join([box.inner_text(), *extra])


def choose(page, label: str, option_text: str) -> None:
    """Open the selectbox labelled `label`, check the first option holds `option_text`, pick it."""
    options = open_options(page, selectbox(page, label).locator("input").first)
    assert option_text in options.first.inner_text(), options.all_inner_texts()
    options.first.click()
    wait_for_run(page)


def tick(page, label: str) -> None:
    page.get_by_text(label, exact=True).click()
    wait_for_run(page)


def test_commit_then_retract_then_restore_in_one_session(browser, steward_server, tmp_path):
    upload = tmp_path / "matra-2026-I.xlsx"
    store = Store(steward_server.data_dir)
    upload.write_bytes(template_2026_one(store))
    context, watch = new_context(browser, LAPTOP)
    try:
        page = open_view(context, watch, steward_server.link(app_pages()["data"], lang="en"))
        page.get_by_label(t("data.name", "en")).fill("Ibu Planner")
        page.get_by_label(t("data.password", "en"), exact=True).fill(ADMIN_PASSWORD)
        page.get_by_role("button", name=t("data.signin", "en")).click()
        page.get_by_text(t("auth.signed_in_as", "en", name="Ibu Planner", role=t("auth.role_admin", "en"))).wait_for()
        wait_for_run(page)
        assert "2025" in shown(page.locator(".st-key-upload_year"))
        uploader = page.get_by_role("region", name=t("data.upload_file", "en"), exact=True)
        uploader.locator('input[type="file"]').set_input_files(str(upload))
        page.get_by_text(t("steward.year_from_file", "en", year=2026, stage="I")).wait_for()
        assert "2026" in shown(page.locator(".st-key-upload_year"))
        commit = page.get_by_role("button", name=t("data.commit", "en"))
        commit.wait_for()
        wait_for_run(page)
        commit.click()
        page.get_by_text(t("data.committed", "en", id="\0").split("\0")[1].strip()).first.wait_for()
        wait_for_run(page)
        new = store.active_snapshot(2026, "I")
        assert new is not None
        committed = store.scores(2026, "I", "index").to_csv(index=False)

        # Same page session: the retract list has the new snapshot, and nothing is chosen yet.
        retract_label = t("steward.retract_pick", "en")
        assert t("steward.choose", "en") in shown(selectbox(page, retract_label))
        assert page.get_by_role("button", name=t("steward.retract_button", "en")).count() == 0
        choose(page, retract_label, new.id)
        page.get_by_text(t("steward.leaves_empty", "en", year=2026, stage="I")).wait_for()
        button = page.get_by_role("button", name=t("steward.retract_button", "en"))
        assert button.is_disabled()
        tick(page, t("steward.retract_confirm", "en"))
        assert button.is_disabled(), "no data left for 2026 I: a second confirmation is needed"
        tick(page, t("steward.confirm_empty", "en", year=2026, stage="I"))
        screenshot(page, "steward-retract-confirmed")
        button.click()
        page.get_by_text(t("steward.retract_done", "en", id=new.id, year=2026, stage="I")).wait_for()
        wait_for_run(page)
        assert store.active_snapshot(2026, "I") is None
        assert store.active_snapshot(2025, "II") is not None, "the other year and stage stay"

        choose(page, t("steward.restore_pick", "en"), new.id)
        tick(page, t("steward.restore_confirm", "en"))
        page.get_by_role("button", name=t("steward.restore_button", "en")).click()
        page.get_by_text(t("steward.restore_done", "en", id=new.id, year=2026, stage="I")).wait_for()
        wait_for_run(page)
        assert store.active_snapshot(2026, "I").id == new.id
        assert store.scores(2026, "I", "index").to_csv(index=False) == committed
        page.get_by_text(t("steward.audit_title", "en"), exact=True).scroll_into_view_if_needed()
        screenshot(page, "steward-after-restore")
        assert error_boxes(page) == []
        assert watch.problems() == {}
    finally:
        context.close()
