"""The programme register and evaluation calendar part of the Data page (administrators only):
template downloads, upload with every problem listed before anything is written, export."""

from __future__ import annotations

import streamlit as st

from components import auth, widgets
from components.pickers import region_label
from sections.data.tables import problems_frame
from sections.data.writes import report_write
from store.programme_template import csv_programme_template, xlsx_programme_template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _write(ctx, write, success: str) -> None:
    def refused(problems) -> None:
        st.error(ctx.t("programmes.refused", count=len(problems)))
        st.dataframe(problems_frame(problems, ctx), hide_index=True, width="stretch")
    report_write(ctx, write, success, refused)


def programmes_upload(store, ctx, admin: str) -> None:
    st.subheader(ctx.t("programmes.title"))
    st.caption(ctx.t("programmes.hint"))
    framework = store.programme_framework()
    one, two = st.columns(2)
    one.download_button(ctx.t("programmes.template_xlsx"), xlsx_programme_template(framework),
                        file_name="matra-programmes-template.xlsx", mime=XLSX, key="programmes_tpl_xlsx")
    two.download_button(ctx.t("programmes.template_csv"), csv_programme_template(framework),
                        file_name="matra-programmes-template.csv", mime="text/csv", key="programmes_tpl_csv")
    labels = region_label(store.regions())
    codes = sorted(labels, key=labels.get)
    region = widgets.selectbox(st, ctx.t("programmes.region"), codes, format_func=labels.get, key="programmes_region",
                               index=codes.index("35.09") if "35.09" in codes else 0)
    uploaded = st.file_uploader(ctx.t("programmes.upload"), type=["csv", "xlsx"], key="programmes_file")
    if uploaded is not None and st.button(ctx.t("programmes.import"), key="programmes_import"):
        _write(ctx, lambda: store.import_programmes(region, uploaded.name, uploaded.getvalue(),
                                                    **auth.require("programmes").recorded()),
               "programmes.imported")
    current = store.programmes(region)
    st.caption(ctx.t("programmes.current", count=len(current)))
    left, right = st.columns(2)
    left.download_button(ctx.t("programmes.export_csv"), store.export_programmes(region, "csv", ctx.lang),
                         file_name=f"matra-programmes-{region}.csv", mime="text/csv", key="programmes_csv",
                         disabled=current.empty)
    right.download_button(ctx.t("programmes.export_xlsx"), store.export_programmes(region, "xlsx", ctx.lang),
                          file_name=f"matra-programmes-{region}.xlsx", mime=XLSX, key="programmes_xlsx",
                          disabled=current.empty)

    st.subheader(ctx.t("calendar.title"))
    calendar = store.calendar()
    st.dataframe(calendar.assign(opens=calendar["opens"].map(str), closes=calendar["closes"].map(str)),
                 hide_index=True, width="stretch")
    calendar_file = st.file_uploader(ctx.t("calendar.upload"), type=["csv", "xlsx"], key="calendar_file")
    if calendar_file is not None and st.button(ctx.t("calendar.import"), key="calendar_import"):
        _write(ctx, lambda: auth.require("calendar") and store.import_calendar(
            calendar_file.name, calendar_file.getvalue()), "calendar.imported")
