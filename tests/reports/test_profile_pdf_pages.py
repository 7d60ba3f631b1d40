"""The A4 PDF profile looked at as images: every page rendered to PNG with pypdfium2 (PDFium, the
engine of Chromium's PDF viewer). Header cells are found in the image by their fill colour and their
text read back from the PDF inside each cell: a word broken across two lines ("Kesenjang|an") reads
"Kesenjang an", which is no header the profile drew. The first page is filled (no half-empty page)
and gives the national, province and evaluation-group ranks and the fewest actions to the next band."""

from __future__ import annotations

import re

import numpy as np
import pypdfium2 as pdfium
import pytest
from scipy import ndimage

from i18n import t
from reports import pdf_tables, profile_pdf
from tests.reports.conftest import JEMBER, STAGE, SURABAYA

SCALE = 2                    # pixels per PDF point
MIN_CELL_PT = 12             # a fill area narrower or lower than this is a letter's counter, not a cell
BODY_TOP_MM, BODY_BOTTOM_MM, PAGE_MM = 15, 275, 297   # ProfileDocument's top margin, footer zone and A4 height
MIN_FILLED = 0.85            # page 1's content reaches this far down its body
MAX_BLANK = 0.15             # and no blank band inside it is taller than this share of the body


def pages(pdf: bytes) -> list[tuple[np.ndarray, object, float]]:
    """(RGB pixels, text page, page height in points) of every page."""
    document = pdfium.PdfDocument(pdf)
    rendered = []
    for page in document:
        pixels = np.asarray(page.render(scale=SCALE).to_pil().convert("RGB"))
        rendered.append((pixels, page.get_textpage(), page.get_height()))
    return rendered


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def header_cells(pixels: np.ndarray, textpage, height: float) -> list[str]:
    """The text of every header cell on the page, its lines joined by a space."""
    mask = np.all(pixels == pdf_tables.HEAD_FILL, axis=2)
    labels, _ = ndimage.label(mask)
    texts = []
    for rows, columns in ndimage.find_objects(labels):
        if (columns.stop - columns.start) < MIN_CELL_PT * SCALE or (rows.stop - rows.start) < MIN_CELL_PT * SCALE:
            continue
        left, right = columns.start / SCALE, columns.stop / SCALE
        top, bottom = height - rows.start / SCALE, height - rows.stop / SCALE
        texts.append(words(textpage.get_text_bounded(left=left, bottom=bottom, right=right, top=top)))
    return texts


@pytest.fixture
def drawn_headers(monkeypatch) -> list[list[str]]:
    """The header of every table the profile draws (a spy around reports.pdf_tables.table)."""
    headers = []
    real = profile_pdf.table

    def spy(pdf, header, *args, **kwargs):
        headers.append([words(pdf.safe(str(label))) for label in header])
        return real(pdf, header, *args, **kwargs)

    monkeypatch.setattr(profile_pdf, "table", spy)
    return headers


@pytest.mark.parametrize(("region", "year", "lang"),
                         [(JEMBER, 2025, "id"), (JEMBER, 2024, "en"), (SURABAYA, 2025, "en")])
def test_pdf_pages_as_images(report_store, drawn_headers, region, year, lang):
    rendered = pages(profile_pdf.profile_pdf(report_store, region, year, STAGE, lang))
    expected = {label for header in drawn_headers for label in header}
    found = [cell for page in rendered for cell in header_cells(*page)]
    # every header cell reads as one of the drawn headers (a word broken inside reads as no header) ...
    assert set(found) <= expected, sorted(set(found) - expected)
    # ... and every drawn header was found in the images
    assert set(found) == expected
    assert len(found) >= sum(len(header) for header in drawn_headers)

    pixels, textpage, _ = rendered[0]
    body = pixels[round(pixels.shape[0] * BODY_TOP_MM / PAGE_MM):round(pixels.shape[0] * BODY_BOTTOM_MM / PAGE_MM)]
    inked = np.flatnonzero((body < 245).any(axis=(1, 2)))
    assert inked[-1] / len(body) >= MIN_FILLED, "page 1 ends half-way"
    blank_bands = np.diff(inked)
    assert blank_bands.max() / len(body) <= MAX_BLANK, "a blank band inside page 1"

    first_page = words(textpage.get_text_range())
    row = report_store.ranking(year, STAGE).set_index("region_code").loc[region]
    groups = report_store.group_names(lang)
    ranks = [(t("region.metric_rank", lang), row["rank"], len(report_store.ranking(year, STAGE))),
             (t("reports.rank_province", lang, province=row["province_name"]), row["province_rank"],
              row["province_regions"]),
             (t("reports.rank_group", lang, group=groups[row["group"]]), row["group_rank"], row["group_regions"])]
    for label, rank, total in ranks:
        assert words(label) in first_page
        assert t("region.rank_of", lang, rank=int(rank), total=int(total)) in first_page
    plan = report_store.plan(region, year, STAGE)
    assert t("reports.next_band_title", lang) in first_page
    if plan.next_band is not None and plan.reachable:
        assert t("reports.next_band_count", lang, count=plan.action_count) in first_page
