"""Saved what-if scenarios beside the actual figures, for the regions a page shows (compare page):
a table with a link that opens each scenario, and its CSV/XLSX export (reports.tables.scenario_table)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cached, url_state
from components.downloads import csv_help
from i18n import format_number, t
from reports import tables
from store.exports import csv_dialect


def _stamps(codes: tuple[str, ...]) -> tuple:
    """Changes when a scenario of one of `codes` is saved or deleted."""
    return tuple(cached.store().scenarios_stamp(code) for code in codes)


@st.cache_data(show_spinner=False, max_entries=32)
def _table(version: tuple, stamps: tuple, codes: tuple[str, ...], year: int, stage: str, lang: str):
    return tables.scenario_table(cached.store(), codes, year, stage, lang)


@st.cache_data(show_spinner=False, max_entries=32)
def _file(version: tuple, stamps: tuple, codes: tuple[str, ...], year: int, stage: str, lang: str, file_format: str):
    frame = _table(version, stamps, codes, year, stage, lang)
    return tables.table_bytes(frame, file_format, t("scenario.sheet", lang), csv_dialect(lang))


def scenario_section(ctx, codes: list[str], key: str) -> None:
    """The saved scenarios of `codes` for the page's year and stage, or a line saying there are none."""
    st.subheader(ctx.t("scenario.title"))
    codes = tuple(codes)
    stamps = _stamps(codes)
    frame = _table(ctx.data_version, stamps, codes, ctx.year, ctx.stage, ctx.lang)
    if frame.empty:
        st.caption(ctx.t("scenario.none", year=ctx.year, stage=ctx.stage))
        return
    st.caption(ctx.t("scenario.hint", year=ctx.year, stage=ctx.stage))
    # On screen, each figure as "now → scenario" (the export keeps them in separate columns).
    def pair(now_key: str, after_key: str, number: bool = False) -> list[str]:
        shown = (lambda v: format_number(v, ctx.lang)) if number else str
        return [f"{shown(a)} → {shown(b)}" for a, b in zip(frame[ctx.t(now_key)], frame[ctx.t(after_key)], strict=True)]

    code_column = frame[ctx.t("reports.col_region_code")]
    shown = pd.DataFrame({
        ctx.t("word.region"): frame[ctx.t("word.region")],
        ctx.t("scenario.col_name"): frame[ctx.t("scenario.col_name")],
        ctx.t("scenario.col_open"): [
            url_state.link("region", region=code, year=ctx.year, stage=ctx.stage, lang=ctx.lang, scenario=scenario_id)
            for code, scenario_id in zip(code_column, frame["id"], strict=True)],
        ctx.t("scenario.col_changes"): frame[ctx.t("scenario.col_changes")],
        ctx.t("scenario.col_index"): pair("scenario.col_index_now", "scenario.col_index_after", number=True),
        ctx.t("scenario.col_band"): pair("scenario.col_band_now", "scenario.col_band_after"),
        ctx.t("scenario.col_rank"): pair("scenario.col_rank_now", "scenario.col_rank_after"),
        ctx.t("scenario.col_province_rank"): pair("scenario.col_province_rank_now",
                                                  "scenario.col_province_rank_after"),
    })
    st.dataframe(shown, hide_index=True, width="stretch", key=f"{key}_table", column_config={
        ctx.t("scenario.col_open"): st.column_config.LinkColumn(display_text=ctx.t("scenario.open"))})
    left, right, _ = st.columns(3)
    for column, file_format in ((left, "csv"), (right, "xlsx")):
        column.download_button(
            ctx.t(f"scenario.download_{file_format}"),
            data=lambda f=file_format: _file(ctx.data_version, stamps, codes, ctx.year, ctx.stage, ctx.lang, f),
            file_name=f"matra-scenarios-{ctx.year}-{ctx.stage}.{file_format}", mime=tables.MIME_TYPES[file_format],
            key=f"{key}_{file_format}", on_click="ignore", help=csv_help(ctx.lang) if file_format == "csv" else None)
