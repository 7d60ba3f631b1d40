"""Gaps: gap to target per dimension, priority indicators, gap per OPD, path to the next band."""

import pandas as pd
import streamlit as st

from charts.bars import score_bars
from charts.theme import CHART_CONFIG
from components import cached, figures, frame
from components.downloads import csv_help, report_downloads
from components.pickers import region_view
from components.whatif_panel import whatif_panel
from i18n import format_number
from reports.tables import action_text
from scoring import INDEX_SCOPE, band_labels, default_target
from scoring.bands import GAIN_DIGITS
from store.exports import csv_bytes, csv_dialect, xlsx_bytes
from views.region import dimension_gaps, gaps_chart

ctx = frame.context()
view = region_view(ctx, "gaps.title")
region, name, framework = view.region, view.name, view.framework
band_names, dimension_names = view.band_names, view.dimension_names
grid = cached.region_indicators(ctx.data_version, region, ctx.year, ctx.stage)
if grid.empty:
    st.info(ctx.t("region.not_assessed", name=name, year=ctx.year, stage=ctx.stage))
    st.stop()

scores = cached.region_scores(ctx.data_version, region, ctx.year, ctx.stage)
targets = cached.targets(ctx.data_version, region, ctx.year)
gaps = dimension_gaps(framework, scores, targets)
if targets:
    st.caption(ctx.t("gaps.target_note_own"))
else:
    st.caption(ctx.t("gaps.target_note_national", value=format_number(default_target(framework), ctx.lang),
                     band=band_labels(framework, ctx.lang)[framework.minimum_target_band]))
st.plotly_chart(figures.gap_bars(ctx, framework, gaps_chart(ctx, framework, name, gaps), gaps["band"]),
                key="gaps_dimensions", config=CHART_CONFIG,
                alt=ctx.t("gaps.dimension_title"))
st.dataframe(pd.DataFrame({
    ctx.t("word.dimension"): gaps["dimension"].map(dimension_names),
    ctx.t("word.score"): gaps["shown"].map(lambda v: format_number(v, ctx.lang)),
    ctx.t("word.band"): gaps["band"].map(framework.band_labels(ctx.lang)),
    ctx.t("gaps.target"): gaps["target"].map(lambda v: format_number(v, ctx.lang)),
    ctx.t("gaps.col_gap"): gaps["gap"].map(lambda v: format_number(max(v, 0.0), ctx.lang)),
    ctx.t("gaps.col_met"): gaps["met"].map({True: ctx.t("gaps.yes"), False: ctx.t("gaps.no")}),
}), hide_index=True, width="stretch")

st.subheader(ctx.t("gaps.priority_title"))
st.caption(ctx.t("gaps.priority_intro"))
answers = cached.gap_answers(ctx.data_version, region, ctx.year, ctx.stage)
top = answers["top"]
st.dataframe(pd.DataFrame({
    ctx.t("region.col_code"): top["indicator_code"],
    ctx.t("region.col_indicator"): top["indicator_code"].map(lambda c: framework.indicator(c).name(ctx.lang)),
    ctx.t("word.dimension"): top["dimension"].map(dimension_names),
    ctx.t("region.col_owner"): top["owner_opd"],
    ctx.t("region.col_counts"): top["effective_level"].astype(int),
    ctx.t("gaps.col_next_action"): [f"{ctx.t('gaps.kind_' + kind)} {start}→{end}" for kind, start, end
                                    in zip(top["next_action"], top["from_level"], top["to_level"], strict=True)],
    ctx.t("gaps.col_gain"): top["index_gain"].map(
        lambda v: format_number(v, ctx.lang, digits=GAIN_DIGITS, signed=True)),
}), hide_index=True, width="stretch")

st.subheader(ctx.t("gaps.opd_title"))
opds = answers["opds"]
lagging = opds[opds["index_gain"] > 0]  # the chart shows who holds the region back; the table lists all
opd_chart = pd.DataFrame({"label": lagging["owner_opd"], "score": lagging["index_gain"], "band": pd.NA,
                          "score_text": lagging["index_gain"].map(
                              lambda v: format_number(v, ctx.lang, digits=GAIN_DIGITS))})
figure = score_bars(opd_chart, ctx.chart_text(ctx.t("gaps.opd_title"), ctx.t("gaps.opd_units")),
                    ctx.t("gaps.col_gain"), band_names, top=framework.max_level)
figure.update_xaxes(range=[0, max(0.05, float(opds["index_gain"].max()) * 1.3)], dtick=None, tickvals=None)
st.plotly_chart(figure, key="gaps_opd", config=CHART_CONFIG, alt=ctx.t("gaps.opd_title"))
st.dataframe(pd.DataFrame({
    ctx.t("region.col_owner"): opds["owner_opd"],
    ctx.t("gaps.col_indicators"): opds["indicators"],
    ctx.t("gaps.col_gain"): opds["index_gain"].map(lambda v: format_number(v, ctx.lang, digits=GAIN_DIGITS)),
    ctx.t("gaps.col_verify_gain"): opds["verify_gain"].map(lambda v: format_number(v, ctx.lang, digits=GAIN_DIGITS)),
    ctx.t("gaps.col_below"): opds["below_target"],
    ctx.t("gaps.col_missing_evidence"): opds["missing_evidence"],
    ctx.t("gaps.col_over_claims"): opds["over_claims"],
}), hide_index=True, width="stretch")

st.subheader(ctx.t("gaps.path_title"))
st.caption(ctx.t("gaps.path_intro"))
for scope, plan in answers["plans"].items():
    label = ctx.t("gaps.path_scope_index") if scope == INDEX_SCOPE else dimension_names[scope]
    score = format_number(plan.score, ctx.lang)
    with st.expander(f"{label}: {score} · {plan.band.label(ctx.lang)}"):
        if plan.next_band is None:
            st.write(ctx.t("gaps.path_top"))
            continue
        target = format_number(plan.next_lower, ctx.lang)
        if not plan.reachable:
            st.write(ctx.t("gaps.path_unreachable", score=score, band=plan.band.label(ctx.lang), target=target,
                           next_band=plan.next_band.label(ctx.lang), top=framework.max_level))
            continue
        st.write(ctx.t("gaps.path_line", score=score, band=plan.band.label(ctx.lang), target=target,
                       next_band=plan.next_band.label(ctx.lang), steps=plan.action_count,
                       after=format_number(plan.score_after, ctx.lang)))
        st.markdown("\n".join(
            "- " + ctx.t("gaps.path_step", code=action.indicator_code,
                         name=framework.indicator(action.indicator_code).name(ctx.lang), owner=action.owner_opd,
                         what=action_text(action, framework.indicator(action.indicator_code), ctx.lang),
                         gain=format_number(action.gain, ctx.lang, digits=GAIN_DIGITS), count=action.count)
            for action in plan.actions))

whatif_panel(ctx, region, framework, grid, cached.programmes(region))

action_list = cached.action_list(ctx.data_version, region, ctx.year, ctx.stage, ctx.lang)
left, right = st.columns(2)
file_stem = f"matra-actions-{region}-{ctx.year}-{ctx.stage}"
left.download_button(ctx.t("gaps.download"), lambda: xlsx_bytes(action_list, ctx.t("reports.sheet_actions")),
                     file_name=f"{file_stem}.xlsx",
                     mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     disabled=action_list.empty, key="gaps_download_xlsx")
right.download_button(ctx.t("gaps.download_csv"), lambda: csv_bytes(action_list, csv_dialect(ctx.lang)),
                      file_name=f"{file_stem}.csv", mime="text/csv", disabled=action_list.empty,
                      key="gaps_download_csv", help=csv_help(ctx.lang))

# Exports (reports/): this region's deck and PDF profile, built only when clicked.
report_downloads(ctx, region, key="gaps_download_report", tables=False)
