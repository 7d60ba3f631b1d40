"""The Data page's framework workbook: export (everyone) and import (administrators): the workbook
is checked like an upload (every problem listed, nothing written), then what changes is shown
before an administrator saves it as a new framework version."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from components import auth, widgets
from components.text import plain
from i18n import format_number
from sections.data.tables import problems_frame
from store import IngestRefused
from store.atomic import StoreUnavailable
from store.framework_versions import export_workbook, import_workbook, preview_import

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def framework_export(store, ctx, years: list[int]) -> None:
    """The download of a year's framework as a workbook, for everyone."""
    st.subheader(ctx.t("framework_files.title"))
    st.caption(ctx.t("framework_files.hint"))
    year = widgets.selectbox(st, ctx.t("framework_files.year"), years, key="framework_year",
                             index=years.index(ctx.year) if ctx.year in years else len(years) - 1)
    framework = store.framework_for(year)
    if framework is None:
        st.info(ctx.t("data.no_framework", year=year))
        return
    st.download_button(ctx.t("framework_files.download", id=framework.id),
                       data=lambda: export_workbook(store.framework_dir, year),
                       file_name=f"matra-framework-{framework.id}.xlsx", mime=XLSX, key="framework_xlsx")


def framework_import(store, ctx, admin: str) -> None:
    """Upload, check, preview and save a framework workbook (administrators only)."""
    st.subheader(ctx.t("framework_files.import_title"))
    st.caption(ctx.t("framework_files.import_hint"))
    uploaded = st.file_uploader(ctx.t("framework_files.upload"), type=["xlsx"], key="framework_file")
    if uploaded is None:
        return
    content = uploaded.getvalue()
    key = (hashlib.sha256(content).hexdigest(), ctx.data_version)
    if st.session_state.get("_framework_check_key") != key:
        try:
            st.session_state["_framework_check"] = preview_import(store.data_dir, uploaded.name, content, by=admin)
        except IngestRefused as refused:
            st.session_state["_framework_check"] = refused
        st.session_state["_framework_check_key"] = key
    checked = st.session_state["_framework_check"]
    if isinstance(checked, IngestRefused):
        st.error(ctx.t("framework_files.refused", count=len(checked.problems)))
        st.dataframe(problems_frame(checked.problems, ctx), hide_index=True, width="stretch")
        return
    if checked.unchanged:
        st.info(ctx.t("framework_files.unchanged", file=checked.file))
        return
    _preview(ctx, checked)
    if not st.button(ctx.t("framework_files.save"), type="primary", key="framework_save"):
        return
    try:
        plan = import_workbook(store.data_dir, uploaded.name, content, by=auth.require("framework").name)
    except auth.NotAllowed:   # signed out, or the role changed, since the page was drawn
        st.error(ctx.t("auth.not_allowed"))
    except IngestRefused as refused:   # the folder changed since the preview and the check now fails
        st.error(ctx.t("framework_files.refused", count=len(refused.problems)))
        st.dataframe(problems_frame(refused.problems, ctx), hide_index=True, width="stretch")
    except StoreUnavailable as error:
        st.error(error.message(ctx.lang))
    else:
        st.session_state.pop("_framework_check_key", None)
        st.success(ctx.t("framework_files.saved", id=plan.id, file=plan.file))


def _codes(ctx, codes) -> str:
    return plain(", ".join(codes)) if codes else ctx.t("framework_files.none")


def _preview(ctx, plan) -> None:
    st.markdown(f"**{ctx.t('framework_files.preview')}**")
    years = ", ".join(map(str, plan.years))
    # ids, codes and file names come from the uploaded workbook: made inert for markdown
    lines = [ctx.t("framework_files.will_write", id=plain(plan.id), file=plain(plan.file), years=years)]
    for replaced in plan.replaced:
        words = "framework_files.will_replace" if replaced.kept else "framework_files.will_supersede"
        lines.append(ctx.t(words, file=plain(replaced.file), years=", ".join(map(str, replaced.years)),
                           kept=", ".join(map(str, replaced.kept))))
    changes = plan.changes
    if changes.compared_with:
        details = [ctx.t("framework_files.added", codes=_codes(ctx, changes.indicators_added)),
                   ctx.t("framework_files.removed", codes=_codes(ctx, changes.indicators_removed)),
                   ctx.t("framework_files.levels", codes=_codes(ctx, changes.levels_changed))]
        if changes.bands_changed:
            details.append(ctx.t("framework_files.bands"))
        lines.append(ctx.t("framework_files.compared", id=plain(changes.compared_with)) +
                     "".join(f"\n    - {detail}" for detail in details))
    st.markdown("\n".join(f"- {line}" for line in lines))
    weights = changes.weights_changed
    if weights:
        st.dataframe(pd.DataFrame({
            ctx.t("framework_files.col_weight"): [ctx.t(f"framework_files.weight_{kind}") for kind, *_ in weights],
            ctx.t("framework_files.col_code"): [code for _, code, _, _ in weights],
            ctx.t("framework_files.col_old"): [format_number(old, ctx.lang, 3) for _, _, old, _ in weights],
            ctx.t("framework_files.col_new"): [format_number(new, ctx.lang, 3) for *_, new in weights],
        }), hide_index=True, width="stretch")
    if plan.replaced:
        st.info(ctx.t("framework_files.reload"))
