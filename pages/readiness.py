"""Kesiapan bukti dukung: per owner OPD, the evidence it must have ready before the next evaluation,
the deadlines and days left, its checklist as XLSX, and the national or provincial roll-up."""

import streamlit as st

from components import cached, frame
from components.pickers import region_view
from sections.readiness import evidence

ctx = frame.context()
view = region_view(ctx, "readiness.title")
grid = cached.region_indicators(ctx.data_version, view.region, ctx.year, ctx.stage)
if grid.empty:
    st.info(ctx.t("region.not_assessed", name=view.name, year=ctx.year, stage=ctx.stage))
    st.stop()
st.caption(ctx.t("readiness.intro"))
on = evidence.today()
evidence.deadlines(ctx, on)
table = evidence.opd_progress(ctx, grid)
evidence.checklist(ctx, view, grid, table, on)
evidence.rollup(ctx, view)
