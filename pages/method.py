"""Methodology: framework browser, bands, index formula and chain weights, evidence, sources."""

import pandas as pd
import streamlit as st

from components import cached, frame
from i18n import format_date, format_number
from scoring.framework import CHAIN_TYPES

ctx = frame.context()
st.title(ctx.t("method.title"))
store = cached.store()
frameworks = sorted(store.frameworks(), key=lambda f: min(f.years))
year = ctx.year or max(max(f.years) for f in frameworks)
framework = cached.framework_for(year) or frameworks[-1]
st.subheader(ctx.t("method.framework_for", year=year, name=framework.name(ctx.lang)))
if framework.illustrative:
    st.info(ctx.t("method.illustrative"))

st.subheader(ctx.t("method.formula_title"))
st.write(ctx.t("method.formula", top=framework.max_level))
st.subheader(ctx.t("method.rules_title"))
st.markdown(ctx.t("method.rules", step=format_number(framework.smallest_step, ctx.lang, digits=4)))
st.markdown(f"**{ctx.t('method.weights_title')}**")
weights = pd.DataFrame([
    {ctx.t("method.col_year"): f"{min(f.years)}–{max(f.years)}", ctx.t("method.col_framework"): f.name(ctx.lang),
     **{ctx.t(f"method.chain_{c}"): format_number(f.chain_weights[c] * 100, ctx.lang, 0) + "%" for c in CHAIN_TYPES}}
    for f in frameworks
])
st.dataframe(weights, hide_index=True, width="stretch")

st.subheader(ctx.t("method.bands_title"))
bands = list(framework.bands)
st.dataframe(pd.DataFrame([
    {ctx.t("method.col_name"): band.label(ctx.lang),
     ctx.t("method.col_lower"): format_number(band.lower, ctx.lang),
     ctx.t("method.col_range"): f"{format_number(band.lower, ctx.lang)} – "
                                + (f"< {format_number(bands[i + 1].lower, ctx.lang)}" if i + 1 < len(bands)
                                   else format_number(framework.max_level, ctx.lang))}
    for i, band in enumerate(bands)
]), hide_index=True, width="stretch")
st.caption(framework.note("bands_source", ctx.lang))

st.subheader(ctx.t("method.evidence_title"))
st.write(ctx.t(f"method.evidence_{framework.unverified_counts_as}"))

st.subheader(ctx.t("method.browser_title"))
for dimension in framework.dimensions:
    elements = [e for e in framework.elements if e.dimension == dimension.code]
    count = sum(1 for i in framework.indicators if i.dimension == dimension.code)
    with st.expander(f"{dimension.code} · {dimension.name(ctx.lang)} — {ctx.t('method.indicator_count', count=count)}"):
        for element in elements:
            st.markdown(f"**{element.name(ctx.lang)}** ({element.code}, "
                        f"{ctx.t('method.element_weight', weight=format_number(element.weight, ctx.lang, 1))})")
            indicators = [i for i in framework.indicators if i.element == element.code]
            st.dataframe(pd.DataFrame([{
                ctx.t("region.col_code"): i.code, ctx.t("region.col_indicator"): i.name(ctx.lang),
                ctx.t("method.col_chain"): ctx.t(f"method.chain_{i.chain}"), ctx.t("method.col_aspect"): i.aspect,
                ctx.t("method.col_weight"): format_number(i.weight, ctx.lang, 1),
                ctx.t("region.col_owner"): i.owner_opd,
                ctx.t("method.levels"): " · ".join(i.levels_en if ctx.lang == "en" else i.levels_id),
                ctx.t("method.evidence_expected"): i.evidence_en if ctx.lang == "en" else i.evidence_id,
            } for i in indicators]), hide_index=True, width="stretch")

st.subheader(ctx.t("method.sources_title"))
st.markdown(ctx.t("method.sources", top=framework.max_level))
snapshots = store.active_snapshots()
if any(s.synthetic for s in snapshots):
    st.subheader(ctx.t("method.demo_title"))
    st.markdown(ctx.t("method.demo_notes"))
st.subheader(ctx.t("method.snapshots_title"))
st.dataframe(pd.DataFrame([{
    ctx.t("method.col_snapshot"): s.id, ctx.t("sidebar.year"): s.year, ctx.t("method.col_stage"): s.stage,
    ctx.t("method.col_created"): format_date(s.created_at, ctx.lang), ctx.t("method.col_source"): s.source
    + (f" ({ctx.t('method.synthetic_yes')})" if s.synthetic else ""),
    ctx.t("method.col_rows"): s.rows, ctx.t("method.col_regions"): s.regions,
} for s in sorted(snapshots, key=lambda s: (s.year, s.stage))]), hide_index=True, width="stretch")
