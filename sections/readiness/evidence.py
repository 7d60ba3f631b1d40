"""The pieces of the evidence readiness page: the next evaluation's deadlines, readiness per OPD,
one OPD's evidence checklist with its "daftar bukti dukung" downloads, and the national or
provincial roll-up per OPD type. Rules live in scoring.readiness; tables and workbooks in
reports.readiness; this module only draws.

`today()` is the date days are counted from; tests replace it to get fixed figures.
"""

from __future__ import annotations

import datetime

import pandas as pd
import streamlit as st

from charts.readiness import progress_bars
from charts.theme import CHART_CONFIG
from components import cached, url_state
from i18n import format_date, format_number
from reports.readiness import XLSX_MIME, checklist_frame, evidence_workbook, evidence_workbooks_zip, workbook_name
from scoring.readiness import lagging_everywhere, next_evaluation, opd_readiness, opd_rollup, regions_counted

ROLLUP_SCOPES = ("all", "province")  # URL codes of the roll-up: every region, or the province
SCREEN_COLUMNS = ("code", "indicator", "evidence", "counts", "expected", "next_step", "next_needs")
CHECKLIST_KEY = "readiness_checklist"
# On a phone seven columns cannot fit side by side, and a table that scrolls sideways is a region a
# keyboard cannot reach (axe: scrollable-region-focusable). Below 640 px the checklist keeps to the
# screen's width: fixed columns, smaller type, long words broken where they must be, and
# the level that counts and the evidence expected left to the XLSX, which has every column.
NARROW_SCREEN_CSS = f"""<style>
@media (max-width: 640px) {{
  .st-key-{CHECKLIST_KEY} table {{ table-layout: fixed; width: 100% !important; }}
  .st-key-{CHECKLIST_KEY} th, .st-key-{CHECKLIST_KEY} td {{ padding: 0.25rem !important; }}
  .st-key-{CHECKLIST_KEY} th *, .st-key-{CHECKLIST_KEY} td * {{
    font-size: 0.7rem !important; overflow-wrap: anywhere; }}
  .st-key-{CHECKLIST_KEY} th:nth-child(4), .st-key-{CHECKLIST_KEY} td:nth-child(4),
  .st-key-{CHECKLIST_KEY} th:nth-child(5), .st-key-{CHECKLIST_KEY} td:nth-child(5) {{ display: none; }}
}}
</style>"""


def today() -> datetime.date:
    return datetime.date.today()


@st.cache_data(show_spinner=False, max_entries=16)
def _evidence_by_province(version: tuple, year: int, stage: str) -> pd.DataFrame:
    return cached.store().evidence_by_province(year, stage)


@st.cache_data(show_spinner=False, max_entries=32)
def _workbook(version: tuple, region: str, year: int, stage: str, owner_opd: str, on: datetime.date) -> bytes:
    return evidence_workbook(cached.store(), region, year, stage, owner_opd, on)


@st.cache_data(show_spinner=False, max_entries=8)
def _workbooks(version: tuple, region: str, year: int, stage: str, on: datetime.date) -> bytes:
    return evidence_workbooks_zip(cached.store(), region, year, stage, on)


def _percent(share: float, lang: str) -> str:
    return format_number(100 * share, lang, digits=1)


def deadlines(ctx, on: datetime.date) -> None:
    """The next evaluation's stage I and stage II windows with days left (or closed)."""
    windows = next_evaluation(cached.store().calendar(), on)
    if windows.empty:
        st.info(ctx.t("readiness.calendar_none"))
        return
    st.subheader(ctx.t("readiness.calendar_title", year=int(windows["year"].iloc[0])))
    columns = st.columns(len(windows))
    for column, window in zip(columns, windows.itertuples(), strict=True):
        value = (ctx.t("readiness.closed") if window.closed
                 else ctx.t("readiness.days_left", days=int(window.days_left)))
        dates = ctx.t("readiness.window_dates", opens=format_date(str(window.opens), ctx.lang),
                      closes=format_date(str(window.closes), ctx.lang))
        column.metric(ctx.t(f"readiness.window_{window.stage}"), value, help=dates)
        state = ("" if window.closed else ctx.t("readiness.open_now") if window.open_now
                 else ctx.t("readiness.opens_in", days=int(window.days_to_open)))
        column.caption(" · ".join(part for part in (dates, state) if part))
    st.caption(ctx.t("readiness.today", date=format_date(on.isoformat(), ctx.lang)))


def opd_progress(ctx, grid: pd.DataFrame) -> pd.DataFrame:
    """Summary metrics, the chart and the table of readiness per OPD; returns scoring's table."""
    table = opd_readiness(grid)
    opds, verified, ready = st.columns(3)
    opds.metric(ctx.t("readiness.summary_opds"), len(table))
    verified.metric(ctx.t("readiness.summary_verified"),
                    ctx.t("readiness.of", part=int(table["verified"].sum()), whole=int(table["indicators"].sum())),
                    help=_percent(table["verified"].sum() / table["indicators"].sum(), ctx.lang) + "%")
    ready.metric(ctx.t("readiness.summary_ready"),
                 ctx.t("readiness.of", part=int((table["progress"] >= 1).sum()), whole=len(table)))
    st.subheader(ctx.t("readiness.progress_title"))
    chart = pd.DataFrame({"label": table["owner_opd"], "progress": table["progress"],
                          "text": [f"{_percent(p, ctx.lang)}% · {v}/{n}" for p, v, n
                                   in zip(table["progress"], table["verified"], table["indicators"], strict=True)]})
    st.plotly_chart(cached.shared_figure(("readiness_opds", ctx, cached.frame_key(chart)), lambda: progress_bars(
                        chart, ctx.chart_text(ctx.t("readiness.progress_title"), ctx.t("readiness.progress_units")),
                        ctx.t("readiness.progress_axis"))),
                    key="readiness_opds", config=CHART_CONFIG, alt=ctx.t("readiness.progress_title"))
    st.dataframe(pd.DataFrame({
        ctx.t("readiness.col_opd"): table["owner_opd"],
        ctx.t("readiness.col_indicators"): table["indicators"],
        ctx.t("readiness.col_verified"): table["verified"],
        ctx.t("readiness.col_submitted"): table["submitted"],
        ctx.t("readiness.col_missing"): table["missing"],
        ctx.t("readiness.col_progress"): table["progress"].map(lambda p: _percent(p, ctx.lang)),
    }), hide_index=True, width="stretch")
    return table


def checklist(ctx, view, grid: pd.DataFrame, table: pd.DataFrame, on: datetime.date) -> None:
    """One OPD's indicators (chosen in the URL as `opd`), its XLSX and the ZIP of every OPD."""
    st.subheader(ctx.t("readiness.checklist_title"))
    counts = table.set_index("owner_opd")
    owner = url_state.selectbox(
        ctx.t("readiness.pick_opd"), list(table["owner_opd"]), key="opd",
        format_func=lambda o: ctx.t("readiness.opd_option", opd=o, verified=int(counts.loc[o, "verified"]),
                                    indicators=int(counts.loc[o, "indicators"])))
    checklist_table = checklist_frame(view.framework, grid, owner, ctx.lang)
    # A static table wraps long text in its cells, so the next step and what it needs stay on screen at
    # 1366 px (a data grid cuts them or scrolls sideways); the levels recorded and claimed are in the XLSX.
    with st.container(key=CHECKLIST_KEY):
        st.markdown(NARROW_SCREEN_CSS, unsafe_allow_html=True)   # a constant: no data in it
        st.table(checklist_table[[ctx.t(f"readiness.col_{column}") for column in SCREEN_COLUMNS]], hide_index=True)
    st.caption(ctx.t("readiness.checklist_more"))
    version, region, year, stage = ctx.data_version, view.region, ctx.year, ctx.stage
    left, right = st.columns(2)
    left.download_button(ctx.t("readiness.download_opd", opd=owner),
                         data=lambda: _workbook(version, region, year, stage, owner, on),
                         file_name=workbook_name(region, owner), mime=XLSX_MIME, key="readiness_download_opd",
                         on_click="ignore")
    right.download_button(ctx.t("readiness.download_all"), data=lambda: _workbooks(version, region, year, stage, on),
                          file_name=f"{workbook_name(region, 'semua-opd')[:-5]}.zip", mime="application/zip",
                          key="readiness_download_all", on_click="ignore")
    st.caption(ctx.t("readiness.download_note"))


def rollup(ctx, view) -> None:
    """Readiness per OPD type over every assessed region, nationally or in the region's province."""
    st.subheader(ctx.t("readiness.rollup_title"))
    province_code = cached.regions().set_index("code").loc[view.region, "province_code"]
    scope = url_state.radio(ctx.t("readiness.rollup_scope"), ROLLUP_SCOPES, key="rollup", horizontal=True,
                            format_func=lambda s: ctx.t(f"readiness.scope_{s}", province=view.province))
    counts = _evidence_by_province(ctx.data_version, ctx.year, ctx.stage)
    if scope == "province":
        counts = counts[counts["province_code"] == province_code]
    owners = {indicator.code: indicator.owner_opd for indicator in view.framework.indicators}
    table = opd_rollup(counts, owners)
    provinces = int(counts["province_code"].nunique())
    regions = regions_counted(counts)
    st.caption(ctx.t("readiness.rollup_intro", year=ctx.year, stage=ctx.stage))
    chart = pd.DataFrame({"label": table["owner_opd"], "progress": table["progress"],
                          "text": table["progress"].map(lambda p: _percent(p, ctx.lang) + "%")})
    title = f"{ctx.t('readiness.rollup_title')}: {ctx.t(f'readiness.scope_{scope}', province=view.province)}"
    st.plotly_chart(cached.shared_figure(("readiness_rollup", ctx, title, regions, cached.frame_key(chart)),
                                         lambda: progress_bars(chart, ctx.chart_text(
                                             title, ctx.t("readiness.rollup_units", regions=regions)),
                                             ctx.t("readiness.progress_axis"))),
                    key="readiness_rollup", config=CHART_CONFIG, alt=title)
    columns = {
        ctx.t("readiness.col_opd"): table["owner_opd"],
        ctx.t("readiness.col_indicators"): table["indicators"],
        ctx.t("readiness.col_expected_rows"): table["expected"],
        ctx.t("readiness.col_verified"): table["verified"],
        ctx.t("readiness.col_progress"): table["progress"].map(lambda p: _percent(p, ctx.lang)),
    }
    if scope == "all":
        columns[ctx.t("readiness.col_below_half")] = table["provinces_below_half"]
        columns[ctx.t("readiness.col_behind")] = table["provinces_behind"]
    st.dataframe(pd.DataFrame(columns), hide_index=True, width="stretch")
    if scope == "all":
        lagging = lagging_everywhere(table, provinces)
        st.caption(ctx.t("readiness.behind_help"))
        if lagging.empty:
            st.write(ctx.t("readiness.lagging_none"))
        else:
            st.write(ctx.t("readiness.lagging", items="; ".join(
                ctx.t("readiness.lagging_item", opd=row.owner_opd, behind=int(row.provinces_behind),
                      provinces=provinces) for row in lagging.itertuples())))
