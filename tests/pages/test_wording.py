"""Wording of the Indonesian UI: plain words for "snapshot", the agreed headings and labels, and
Streamlit's own widget placeholders in the UI language."""

import importlib
import pkgutil
import re

import pytest

import i18n.messages
from i18n import t
from scoring import load_framework
from tests.conftest import REPO
from tests.pages.conftest import open_page

STREAMLIT_DEFAULTS = {"Choose options", "Choose an option", "Select options", "Select an option"}


def indonesian_values() -> dict[str, str]:
    values = {}
    for module in pkgutil.iter_modules(i18n.messages.__path__):
        messages = importlib.import_module(f"i18n.messages.{module.name}").MESSAGES
        values.update({key: pair[0] for key, pair in messages.items()})
    return values


def test_the_indonesian_ui_says_versi_data_not_snapshot():
    assert [key for key, text in indonesian_values().items() if re.search("snapshot", text, re.I)] == []


def test_agreed_indonesian_wording():
    assert t("gaps.path_title", "id") == "Jumlah kenaikan level paling sedikit agar naik satu tingkat"
    assert t("compare.peers_distance", "id") == "Terdekat secara geografis"
    sources = t("method.sources", "id")
    assert "tingkat kapabilitas SPBE" in sources and "Kurang" in sources and "Memuaskan" in sources


def test_setda_offices_are_named_as_bagian():
    owners = {i.owner_opd for i in load_framework(REPO / "data" / "framework" / "smartcity-2022.toml").indicators}
    setda = sorted(o for o in owners if o.endswith("Setda"))
    assert setda and all(o.startswith("Bagian ") for o in setda), setda


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page, params", [("overview", {}), ("compare", {"region": "35.09", "mode": "manual"}),
                                          ("trends", {})])
def test_multiselect_placeholders_speak_the_ui_language(data_dir, page, params, lang):
    app = open_page(page, lang=lang, **params)
    assert not app.exception, [e.value for e in app.exception]
    placeholders = [m.placeholder for m in app.multiselect]
    assert placeholders, "the page has a multiselect"
    if lang == "id":
        assert not set(placeholders) & STREAMLIT_DEFAULTS, placeholders
        assert set(placeholders) <= {t("widget.choose_options", "id"), t("overview.all", "id")}, placeholders
