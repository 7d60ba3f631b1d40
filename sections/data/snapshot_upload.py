"""The Data page's assessment upload: check (in a bounded worker process), preview merge or
replace, commit. A file replaces only the regions it holds unless the administrator ticks
"replace the whole year and stage", which names how many regions would disappear."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from components import auth, widgets
from i18n import format_number
from scoring import STAGES
from sections.data.snapshot_stewardship import flash
from sections.data.tables import problems_frame
from store.atomic import StoreUnavailable
from store.problems import Problem


def snapshot_upload(store, ctx, admin: str, years: list[int]) -> None:
    st.subheader(ctx.t("data.upload_title"))
    _start_year_stage(years, ctx)
    left, middle = st.columns(2)
    year = widgets.selectbox(left, ctx.t("data.template_year"), years, key="upload_year")
    stage = widgets.selectbox(middle, ctx.t("data.template_stage"), STAGES, key="upload_stage")
    uploaded = st.file_uploader(ctx.t("data.upload_file"), type=["csv", "xlsx"], key="upload_file")
    if uploaded is None:
        return
    content = uploaded.getvalue()
    _year_stage_from_file(store, ctx, uploaded.name, content, years, (year, stage))
    key = (hashlib.sha256(content).hexdigest(), year, stage, ctx.data_version)
    identity = auth.current_identity()
    role = auth.role_of(identity)
    if st.session_state.get("_check_key") != key:
        # Read in a worker process with memory and time limits: a hostile file cannot stall the server.
        check = store.check_upload(uploaded.name, content, year=year, stage=stage, in_worker=True,
                                   created_by=admin, role=role)
        outside = _outside_scope(identity, check)
        if outside:   # refused before the store is asked to write: the audit log says so, once per file
            store.record_refusal("ingest", Problem("outside_scope", file=uploaded.name, value=", ".join(outside[:20])),
                                 created_by=admin, role=role, ids=[uploaded.name, *outside[:20]],
                                 counts={"regions_outside": len(outside)})
        st.session_state["_check"], st.session_state["_check_key"] = check, key
    check = st.session_state["_check"]
    _report(check, ctx)
    if not check.ok or not _in_scope(ctx, identity, check):
        return
    try:
        _preview_and_commit(store, ctx, admin, check, year, stage, uploaded.name)
    except StoreUnavailable as error:
        st.error(error.message(ctx.lang))
    except auth.NotAllowed:   # signed out, or the role or scope changed, since the page was drawn
        st.error(ctx.t("auth.not_allowed"))


def _outside_scope(identity, check) -> list[str]:
    """The regions of a readable file outside the account's scope ("?" when nobody is signed in)."""
    if not check.ok:
        return []
    return identity.outside(check.rows["region_code"].unique()) if identity is not None else ["?"]


def _in_scope(ctx, identity, check) -> bool:
    """A data steward uploads only for the regions on their account: say which are outside."""
    outside = _outside_scope(identity, check)
    if outside:
        st.error(ctx.t("auth.outside_scope", count=len(outside), regions=", ".join(outside[:20]),
                       scope=", ".join(identity.regions) if identity is not None else "-"))
    return not outside


def _start_year_stage(years: list[int], ctx) -> None:
    """The upload's year and stage before the boxes are drawn: the page's year and stage II at
    first, or what the last uploaded file said it is for (set before the widgets exist, as
    Streamlit requires)."""
    stated = st.session_state.pop("_stated_pending", None)
    if stated is not None:
        st.session_state["upload_year"], st.session_state["upload_stage"] = stated
    st.session_state.setdefault("upload_year", ctx.year if ctx.year in years else years[-1])
    st.session_state.setdefault("upload_stage", STAGES[-1])


def _year_stage_from_file(store, ctx, name: str, content: bytes, years: list[int], chosen: tuple) -> None:
    """Take the year and stage from a file that names them (a Matra template), once per file;
    a choice changed by hand afterwards stands, and the check then refuses the file naming both."""
    digest = hashlib.sha256(content).hexdigest()
    if st.session_state.get("_stated_for") != digest:
        st.session_state["_stated_for"] = digest
        stated = store.stated_year_stage(name, content)
        st.session_state["_stated"] = stated
        if stated is not None and stated != chosen and stated[0] in years:
            st.session_state["_stated_pending"] = stated
            st.rerun()
    stated = st.session_state.get("_stated")
    if stated is not None and stated == chosen:
        st.info(ctx.t("steward.year_from_file", year=stated[0], stage=stated[1]))


def _report(check, ctx) -> None:
    st.markdown(f"**{ctx.t('data.report_title')}**")
    if check.errors:
        st.error(ctx.t("data.report_errors", count=len(check.errors)))
        st.dataframe(problems_frame(check.errors, ctx), hide_index=True, width="stretch")
    else:
        st.success(ctx.t("data.report_ok", rows=len(check.rows), regions=check.rows["region_code"].nunique()))
    if check.warnings:
        st.warning(ctx.t("data.report_warnings", count=len(check.warnings)))
        st.dataframe(problems_frame(check.warnings, ctx), hide_index=True, width="stretch")


def _preview_and_commit(store, ctx, admin, check, year, stage, source) -> None:
    merge = store.preview(check, year=year, stage=stage)
    replacing = store.preview(check, year=year, stage=stage, replace_all=True)
    st.markdown(f"**{ctx.t('data.preview_title')}**")
    st.write(ctx.t("data.merge_note", regions=check.rows["region_code"].nunique(), kept=len(merge.regions_kept),
                   year=year, stage=stage))
    # Replacing the whole year and stage removes other regions: an administrator's choice, never a steward's.
    replace_all = auth.may("retract") and st.checkbox(ctx.t("data.replace_all", year=year, stage=stage,
                                                            count=len(replacing.regions_removed)),
                                                      key="upload_replace_all")
    preview = replacing if replace_all else merge
    if preview.duplicate_of:
        st.info(ctx.t("data.duplicate", id=preview.duplicate_of))
    st.write(ctx.t("data.preview_counts", added=len(preview.regions_added), changed=len(preview.regions_changed),
                   unchanged=len(preview.regions_unchanged), indicators=len(preview.indicator_changes)))
    if preview.regions_removed:
        st.warning(ctx.t("data.regions_removed", count=len(preview.regions_removed), year=year, stage=stage))
    moves = preview.index_moves
    if not moves.empty:
        st.dataframe(pd.DataFrame({
            ctx.t("word.region"): moves["name"],
            ctx.t("data.col_current"): moves["current_index"].map(lambda v: format_number(v, ctx.lang)),
            ctx.t("data.col_new"): moves["new_index"].map(lambda v: format_number(v, ctx.lang)),
            ctx.t("word.change"): moves["change"].map(lambda v: format_number(v, ctx.lang, signed=True)),
        }), hide_index=True, width="stretch")
    if preview.duplicate_of or not st.button(ctx.t("data.commit"), type="primary", key="commit"):
        return
    who = auth.require("upload", check.rows["region_code"].unique())   # re-checked at the moment of writing
    if replace_all:
        auth.require("retract")
    bar = st.progress(0.0)
    snapshot, _ = store.commit_upload(
        check, year=year, stage=stage, source=source, **who.recorded(), replace_all=replace_all,
        progress=lambda fraction, step: bar.progress(min(1.0, fraction), ctx.t(f"data.step_{step}")))
    st.session_state.pop("_check_key", None)
    flash("success", ctx.t("data.committed", id=snapshot.id))  # runs the page again: every list shows it
