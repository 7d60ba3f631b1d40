"""Wording of the Indonesian UI: the agreed headings and labels, and Streamlit's own widget placeholders in
the UI language (the ruled-out words, "snapshot" among them, are tests/i18n/test_glossary.py's)."""

import pytest

from i18n import t
from scoring import load_framework
from tests.conftest import REPO
from tests.pages.conftest import open_page

STREAMLIT_DEFAULTS = {"Choose options", "Choose an option", "Select options", "Select an option"}


def test_agreed_indonesian_wording():
    assert t("gaps.path_title", "id") == "Jumlah kenaikan level paling sedikit agar naik satu tingkat"
    assert t("compare.peers_distance", "id") == "Terdekat secara geografis"
    sources = t("method.sources", "id", top=4)
    assert "predikat indeks SPBE" in sources and "Kurang" in sources and "Memuaskan" in sources
    for lang in ("id", "en"):   # the 4.0 scale with its three sources, every address whole (no cut "…")
        sources = t("method.sources", lang, top=4)
        assert "skala 4,0" in sources and "0–4" in sources and "…" not in sources
        assert all(address in sources for address in (
            "https://tvtabalong.com/nilai-smart-city-tabalong-2024-kembali-meningkat",
            "https://diskominfo.semarangkab.go.id/?p=3605",
            "https://eranesia.id/news/berita/regional/10155/makassar-naikkan-nilai-smart-city-364-berkat-"))


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
        allowed = {t("widget.choose_options", "id"), t("widget.all_provinces", "id"), t("overview.all", "id")}
        assert set(placeholders) <= allowed, placeholders
