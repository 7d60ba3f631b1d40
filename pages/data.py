"""Data management: templates, history (everyone); upload (administrators, and data stewards for their
regions), retract, targets and programmes (administrators). Roles: components/auth.py."""

import streamlit as st

from components import auth, cached, frame, widgets
from components.signin import signin_section
from scoring import STAGES
from sections.data.framework_files import framework_export, framework_import
from sections.data.official_upload import official_downloads, official_upload
from sections.data.programmes_upload import programmes_upload
from sections.data.snapshot_stewardship import audit_table, restore_panel, retract_panel, show_flash
from sections.data.snapshot_upload import snapshot_upload
from sections.data.tables import history_frame
from sections.data.targets_editor import targets_editor
from store.templates import csv_template, xlsx_template

ctx = frame.context()
st.title(ctx.t("data.title"))
store = cached.store()
years = sorted({y for f in store.frameworks() for y in f.years})

st.subheader(ctx.t("data.templates"))
st.caption(ctx.t("data.templates_hint"))
left, middle = st.columns(2)
template_year = widgets.selectbox(left, ctx.t("data.template_year"), years,
                                  index=years.index(ctx.year) if ctx.year in years else len(years) - 1,
                                  key="template_year")
template_stage = widgets.selectbox(middle, ctx.t("data.template_stage"), STAGES, index=len(STAGES) - 1,
                                   key="template_stage")
framework = store.framework_for(template_year)
if framework is None:
    st.info(ctx.t("data.no_framework", year=template_year))
else:
    one, two = st.columns(2)
    one.download_button(ctx.t("data.download_xlsx_template"),
                        xlsx_template(framework, store.regions(), year=template_year, stage=template_stage),
                        file_name=f"matra-template-{template_year}-{template_stage}.xlsx",
                        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="tpl_xlsx")
    two.download_button(ctx.t("data.download_csv_template"),
                        csv_template(framework, store.regions(), year=template_year, stage=template_stage),
                        file_name=f"matra-template-{template_year}-{template_stage}.csv", mime="text/csv",
                        key="tpl_csv")

framework_export(store, ctx, years)

official_downloads(store, ctx)

st.subheader(ctx.t("data.history_title"))
snapshots = store.snapshots()
st.dataframe(history_frame(snapshots, ctx), hide_index=True, width="stretch")

# Everything below writes, by role. Viewers never see these controls, and every write checks the role
# again at the moment of writing (auth.require), so a crafted widget event from a viewer writes nothing.
if not auth.writes_enabled():
    st.info(ctx.t("data.writes_off"))
    st.stop()
identity = signin_section(ctx, "upload", "auth.signin_needed")
if identity is None or not identity.may("upload"):
    st.stop()
admin = identity.name
show_flash()

snapshot_upload(store, ctx, admin, years)
if not identity.may("retract"):   # everything below is an administrator's
    st.stop()
retract_panel(store, ctx, admin)
restore_panel(store, ctx, admin)
targets_editor(store, ctx, admin, years)
programmes_upload(store, ctx, admin)
official_upload(store, ctx, admin)
framework_import(store, ctx, admin)
audit_table(store, ctx)
