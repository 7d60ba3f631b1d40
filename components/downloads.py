"""Download buttons for the exports in reports/ (PPTX deck, PDF profile, CSV/XLSX tables).

Nothing is built while the page draws: each button gets a callable that Streamlit runs only when
it is clicked (deferred download), and the bytes are cached per data version and selection, so a
page load stays fast and a second click is instant. The PDF button is disabled, with a caption
saying how to enable it, when chromium (needed for chart images) is missing.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components import cached
from i18n import t
from reports.images import images_available
from reports.tables import MIME_TYPES
from store.exports import csv_dialect

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@st.cache_data(show_spinner=False, max_entries=16)
def region_deck_bytes(version: tuple, region: str, year: int, stage: str, lang: str) -> bytes:
    from reports.deck import region_deck

    return region_deck(cached.store(), [region], year, stage, lang)


@st.cache_data(show_spinner=False, max_entries=16)
def profile_pdf_bytes(version: tuple, region: str, year: int, stage: str, lang: str) -> bytes:
    from reports.profile_pdf import profile_pdf

    return profile_pdf(cached.store(), region, year, stage, lang)


@st.cache_data(show_spinner=False, max_entries=32)
def table_file_bytes(version: tuple, table: str, year: int, stage: str, lang: str, file_format: str,
                     region: str | None = None, codes: tuple[str, ...] | None = None) -> bytes:
    from reports import tables

    dialect = csv_dialect(lang)   # Indonesian Excel reads ";" and a decimal comma
    if table == "ranking":
        frame = tables.ranking_table(cached.store(), year, stage, lang, codes)
        return tables.table_bytes(frame, file_format, t("reports.sheet_ranking", lang), dialect)
    return tables.export_table(cached.store(), table, year, stage, lang, file_format, region, dialect)


@st.cache_data(show_spinner=False, max_entries=32)
def claims_file_bytes(version: tuple, year: int, lang: str, file_format: str, codes: tuple[str, ...]) -> bytes:
    """Claims against verification as CSV/XLSX: per indicator for one region, per OPD for several
    (all when `codes` is empty)."""
    from reports import tables

    frame = tables.claims_table(cached.store(), year, lang, list(codes) or None)
    return tables.table_bytes(frame, file_format, t("reports.sheet_claims", lang), csv_dialect(lang))


def csv_help(lang: str) -> str:
    """What a CSV download holds: which separator and decimal mark (store.exports.csv_dialect)."""
    return t(f"reports.csv_help_{csv_dialect(lang)}", lang)


def _button(container, label: str, build: Callable[[], bytes], file_name: str, mime: str, key: str,
            disabled: bool = False, lang: str = "id") -> None:
    help_text = csv_help(lang) if file_name.endswith(".csv") else None
    container.download_button(label, data=build, file_name=file_name, mime=mime, key=key, disabled=disabled,
                              on_click="ignore", help=help_text)


def report_downloads(ctx, region: str, key: str, tables: bool = True) -> None:
    """PPTX deck and PDF profile of `region` (and its indicator table as CSV/XLSX when `tables`)."""
    version, year, stage, lang = ctx.data_version, ctx.year, ctx.stage, ctx.lang
    stem = f"matra-{region}-{year}-{stage}-{lang}"
    st.subheader(ctx.t("reports.downloads"))
    columns = st.columns(4 if tables else 2)
    _button(columns[0], ctx.t("reports.download_deck"),
            lambda: region_deck_bytes(version, region, year, stage, lang), f"{stem}.pptx", PPTX_MIME, f"{key}_pptx",
            lang=lang)
    pdf_ready = images_available()
    _button(columns[1], ctx.t("reports.download_pdf"),
            lambda: profile_pdf_bytes(version, region, year, stage, lang), f"{stem}.pdf", "application/pdf",
            f"{key}_pdf", disabled=not pdf_ready, lang=lang)
    if not pdf_ready:
        columns[1].caption(ctx.t("reports.pdf_unavailable"))
    if tables:
        for column, file_format in zip(columns[2:], ("csv", "xlsx"), strict=True):
            _button(column, ctx.t(f"reports.download_indicators_{file_format}"),
                    lambda f=file_format: table_file_bytes(version, "indicators", year, stage, lang, f, region),
                    f"matra-indicators-{region}-{year}-{stage}.{file_format}", MIME_TYPES[file_format],
                    f"{key}_indicators_{file_format}", lang=lang)


def ranking_downloads(ctx, codes: tuple[str, ...] | None, key: str) -> None:
    """The ranking as shown (the regions in `codes`; all when None) as CSV and XLSX."""
    version, year, stage, lang = ctx.data_version, ctx.year, ctx.stage, ctx.lang
    st.subheader(ctx.t("reports.downloads"))
    left, right, _ = st.columns(3)
    for column, file_format in ((left, "csv"), (right, "xlsx")):
        _button(column, ctx.t(f"reports.download_ranking_{file_format}"),
                lambda f=file_format: table_file_bytes(version, "ranking", year, stage, lang, f, None, codes),
                f"matra-ranking-{year}-{stage}.{file_format}", MIME_TYPES[file_format], f"{key}_{file_format}",
                lang=lang)
