"""Every page that answers a question opens with a folded 'how to read this page' guide in the
UI language (frame.guide)."""

import pytest

from i18n import t
from scoring import load_framework
from tests.conftest import REPO
from tests.pages.conftest import open_page

TOP = load_framework(REPO / "data" / "framework" / "smartcity-2022.toml").max_level   # the guide names the scale

PAGES = ["overview", "region", "compare", "gaps", "plan", "readiness", "trends"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_each_page_has_its_guide(data_dir, page, lang):
    app = open_page(page, region="35.09", lang=lang)
    assert not app.exception
    [expander] = [e for e in app.expander if e.label == t("guide.title", lang)]
    assert t(f"guide.{page}", lang, top=TOP) in [m.value for m in expander.markdown]
