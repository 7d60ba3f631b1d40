"""The official-results part of the Data page: the template and the export for everyone; import
(every problem listed before anything is written) and undo for an administrator."""

from __future__ import annotations

import streamlit as st

from components import auth
from sections.data.tables import problems_frame
from store import IngestRefused
from store.atomic import StoreBusy, StoreUnavailable
from store.official_tables import template_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def official_downloads(store, ctx) -> None:
    """Templates and exports of the official results (no sign-in needed: they are public figures)."""
    st.subheader(ctx.t("official.data_title"))
    st.caption(ctx.t("official.data_intro"))
    one, two, three, four = st.columns(4)
    one.download_button(ctx.t("official.template_xlsx"), template_bytes("xlsx", ctx.lang),
                        file_name="matra-official-template.xlsx", mime=XLSX, key="official_tpl_xlsx")
    two.download_button(ctx.t("official.template_csv"), template_bytes("csv"), file_name="matra-official-template.csv",
                        mime="text/csv", key="official_tpl_csv")
    three.download_button(ctx.t("official.export_csv"), store.export_official("csv"), file_name="matra-official.csv",
                          mime="text/csv", key="official_csv")
    four.download_button(ctx.t("official.export_xlsx"), store.export_official("xlsx", lang=ctx.lang),
                         file_name="matra-official.xlsx", mime=XLSX, key="official_xlsx")
    differing = store.official_differences()
    if len(differing):
        st.warning(ctx.t("official.check_bad", count=len(differing)))
    else:
        st.caption(ctx.t("official.check_ok"))


def official_upload(store, ctx, admin: str) -> None:
    """Import a file of published results (merged by region and year) or undo the last import."""
    st.subheader(ctx.t("official.data_title"))
    uploaded = st.file_uploader(ctx.t("official.upload"), type=["csv", "xlsx"], key="official_file")
    if uploaded is not None and st.button(ctx.t("official.import"), key="official_import"):
        try:
            version = store.import_official(uploaded.name, uploaded.getvalue(),
                                            created_by=auth.require("official").name)
        except auth.NotAllowed:   # signed out, or the role changed, since the page was drawn
            st.error(ctx.t("auth.not_allowed"))
        except IngestRefused as refused:   # file, row, column, value, expected; nothing written
            st.error(ctx.t("official.refused"))
            st.dataframe(problems_frame(refused.problems, ctx), hide_index=True, width="stretch")
        except StoreBusy:
            st.warning(ctx.t("data.busy"))
        except StoreUnavailable as error:
            st.error(error.message(ctx.lang))
        else:
            st.success(ctx.t("official.imported", id=version.id, imported=version.imported, rows=version.rows))
    if st.button(ctx.t("official.undo"), key="official_undo"):
        try:
            undone = store.undo_official(created_by=auth.require("official").name)
        except auth.NotAllowed:
            st.error(ctx.t("auth.not_allowed"))
            return
        except IngestRefused as refused:   # the only version: the table would be empty
            st.warning(" ".join(problem.message(ctx.lang) for problem in refused.problems))
            return
        except StoreUnavailable as error:
            st.error(error.message(ctx.lang))
        else:
            st.success(ctx.t("official.undone", id=undone.id)) if undone else st.info(ctx.t("official.nothing_to_undo"))
