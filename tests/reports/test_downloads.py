"""Download buttons in the pages (AppTest on a copy of the demo data): present in the page's
language, nothing built while the page draws, the PDF button disabled without chromium; and the
cached builders behind the buttons return the same bytes as reports/."""

import io

import openpyxl
import pytest
from pptx import Presentation

from components import downloads
from tests.pages.conftest import app_reads, open_page
from tests.reports.conftest import JEMBER, copy_data


@pytest.fixture
def page_data(tmp_path, monkeypatch):
    with app_reads(copy_data(tmp_path / "data"), monkeypatch) as target:
        yield target


def buttons(app) -> dict[str, bool]:
    """label -> disabled, for every download button on the page."""
    return {b.proto.label: b.proto.disabled for b in app.get("download_button")}


def test_region_page_offers_deck_pdf_and_indicator_tables(page_data):
    app = open_page("region", lang="en", region=JEMBER, year=2024, stage="II")
    assert not app.exception
    assert buttons(app) == {"Download slides (PPTX)": False, "Download profile (PDF)": False,
                            "Download the indicator table (CSV)": False,
                            "Download the indicator table (XLSX)": False,
                            "Claims vs verification (CSV)": False, "Claims vs verification (XLSX)": False}
    assert all(b.proto.deferred_file_id for b in app.get("download_button")), "built only when clicked"
    indonesian = open_page("region", lang="id", region=JEMBER, year=2024, stage="II")
    assert "Unduh presentasi (PPTX)" in buttons(indonesian)


def test_pdf_button_is_disabled_with_a_hint_without_chromium(page_data, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    app = open_page("gaps", lang="en", region=JEMBER, year=2024, stage="II")
    assert not app.exception
    assert buttons(app)["Download profile (PDF)"] is True
    assert buttons(app)["Download slides (PPTX)"] is False
    assert any("apt-get install chromium" in caption.value for caption in app.caption)


def test_overview_offers_the_ranking(page_data):
    app = open_page("overview", lang="id", year=2024, stage="II")
    assert not app.exception
    assert {"Unduh peringkat (CSV)", "Unduh peringkat (XLSX)"} <= set(buttons(app))


def test_cached_builders_return_the_exports(page_data):
    version = ("test",)
    deck = Presentation(io.BytesIO(downloads.region_deck_bytes(version, JEMBER, 2024, "II", "en")))
    assert deck.slides[0].shapes.title.text == "Profile of Kabupaten Jember"
    ranking = downloads.table_file_bytes(version, "ranking", 2024, "II", "en", "xlsx", None, ("35.09", "35.78"))
    sheet = openpyxl.load_workbook(io.BytesIO(ranking)).active
    assert sheet.max_row == 3 and {sheet.cell(2, 3).value, sheet.cell(3, 3).value} == {"Kabupaten Jember",
                                                                                       "Kota Surabaya"}


def test_deck_radar_and_index_match_the_region_page(page_data):
    from charts.labels import legend_name
    from reports.deck import region_deck
    from store import Store
    from tests.pages.conftest import chart_specs, metric
    from tests.reports.conftest import charts, slide_texts

    app = open_page("region", lang="en", region=JEMBER, year=2024, stage="II")
    screen = next(spec for spec in chart_specs(app) if spec["data"][0]["type"] == "scatterpolar")
    deck = Presentation(io.BytesIO(region_deck(Store(page_data), [JEMBER], 2024, "II", "en")))
    (radar,) = charts(deck.slides[2])
    for trace, series in zip(screen["data"], radar.plots[0].series, strict=True):
        assert legend_name(series.name) == trace["name"]     # the screen's legend abbreviates ("Kab. Jember")
        assert list(series.values) == pytest.approx(trace["r"][:-1])   # the screen closes the loop
    assert list(radar.plots[0].categories) == [name.replace("<br>", " ") for name in screen["data"][0]["theta"][:-1]]
    shown = metric(app, "Smart City Index 2024")
    assert any(text.startswith("Smart City Index 2024") and shown in text for text in slide_texts(deck.slides[1]))


def test_csv_downloads_speak_the_excel_of_the_ui_language(page_data):
    import csv

    from store import Store

    ranking = Store(page_data).ranking(2024, "II").set_index("region_code")
    indonesian = downloads.table_file_bytes(("t",), "ranking", 2024, "II", "id", "csv", None, ("35.09",))
    lines = indonesian.decode("utf-8-sig").splitlines()
    assert lines[0] == "sep=;"   # Excel reads the separator from this line whatever its locale
    row = dict(zip(*csv.reader(lines[1:], delimiter=";"), strict=True))
    assert "," in row["Indeks Smart City"] and "." not in row["Indeks Smart City"]
    assert float(row["Indeks Smart City"].replace(",", ".")) == float(ranking.loc["35.09", "shown"])
    english = downloads.table_file_bytes(("t",), "ranking", 2024, "II", "en", "csv", None, ("35.09",))
    row = dict(zip(*csv.reader(english.decode("utf-8-sig").splitlines()), strict=True))
    assert float(row["Smart City Index"]) == float(ranking.loc["35.09", "shown"]) and "," not in row["Smart City Index"]
    workbook = openpyxl.load_workbook(io.BytesIO(
        downloads.table_file_bytes(("t",), "ranking", 2024, "II", "id", "xlsx", None, ("35.09",))))
    assert workbook.sheetnames == ["Peringkat"]
