"""The A4 PDF profile: read back with pypdf. Charts need chromium (kaleido); each export starts
and stops its own browser (see test_browser_lifetime.py)."""

import io

import pytest
from pypdf import PdfReader

from i18n import format_date, format_number
from reports import images
from reports.errors import ExportRefused, ExportUnavailable
from reports.profile_pdf import profile_pdf
from tests.reports.conftest import JEMBER, STAGE, SURABAYA, YEAR

A4_POINTS = (595.28, 841.89)


def text_of(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(("region", "lang", "pages"), [(JEMBER, "en", 3), (SURABAYA, "id", 4)])
def test_profile_names_the_region_and_its_index(report_store, region, lang, pages):
    reader, text = text_of(profile_pdf(report_store, region, YEAR, STAGE, lang))
    # A4 pages, flowed (tests/reports/test_profile_pdf_pages.py checks how full they are): Jember
    # takes 3; Surabaya 2024, 17 actions from Memuaskan (3.90) and 26 OPDs in its gain table, takes 4.
    assert len(reader.pages) == pages
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (width, height) == pytest.approx(A4_POINTS, abs=0.5)
    name = report_store.regions().set_index("code").loc[region, "name"]
    index = report_store.scores(YEAR, STAGE, "index").set_index("region_code").loc[region, "index"]
    assert name in text
    assert format_number(index, lang) in text
    assert ("SYNTHETIC DATA" if lang == "en" else "DATA SINTETIS") in text
    as_of = format_date(report_store.data_as_of(), lang)   # the newest active snapshot's date
    assert (f"Data as of {as_of}" if lang == "en" else f"Data per {as_of}") in text
    assert ("Priority indicators" if lang == "en" else "Indikator prioritas") in text
    images_in_pdf = [image for page in reader.pages for image in page.images]
    assert len(images_in_pdf) == 2   # the radar and the trend, as PNG from kaleido


def test_without_chromium_the_pdf_is_unavailable_with_how_to_enable(report_store, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert not images.images_available()
    with pytest.raises(ExportUnavailable) as unavailable:
        profile_pdf(report_store, JEMBER, YEAR, STAGE, "en")
    assert "apt-get install chromium" in str(unavailable.value)
    assert "Pasang paket Debian chromium" in unavailable.value.message("id")


def test_a_bad_request_is_refused_before_any_rendering(report_store):
    with pytest.raises(ExportRefused):
        profile_pdf(report_store, "99.99", YEAR, STAGE, "en")


def test_without_a_unicode_font_text_falls_back_to_latin_1(monkeypatch):
    from reports import fonts

    monkeypatch.setattr(fonts, "unicode_font", lambda: None)
    document = fonts.ProfileDocument("Sumber: data – 29 Nov 2026", lambda page: f"Halaman {page}")
    document.add_page()
    document.write_line("⚠️ Skor 1,86 → 2,60 ≈ target")
    text = PdfReader(io.BytesIO(bytes(document.output()))).pages[0].extract_text()
    assert "Skor 1,86 -> 2,60 ~ target" in text and "Sumber: data - 29 Nov 2026" in text
