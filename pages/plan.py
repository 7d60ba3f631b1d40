"""Rencana aksi: the region's masterplan programmes, what each would lift, uncovered gaps, late or
stalled programmes, budget per dimension against its gap, a timeline and the what-if panel."""

import datetime

import pandas as pd
import streamlit as st

from charts.programmes import budget_bars, timeline
from charts.theme import CHART_CONFIG
from components import cached, frame
from components.figures import change_metric
from components.pickers import region_view
from components.tables import show_table
from components.whatif_panel import whatif_panel
from i18n import format_number
from scoring.bands import GAIN_DIGITS
from scoring.programme_review import budget_by_dimension, programme_issues, uncovered_gaps
from store.exports import xlsx_bytes
from store.programmes import links
from views.action import programme_table
from views.region import dimension_gaps

ctx = frame.context()
view = region_view(ctx, "plan.title")
region, framework, dimension_names = view.region, view.framework, view.dimension_names
grid = cached.region_indicators(ctx.data_version, region, ctx.year, ctx.stage)
register = cached.programmes(region)
if grid.empty:
    st.info(ctx.t("region.not_assessed", name=view.name, year=ctx.year, stage=ctx.stage))
    st.stop()
if register.empty:
    st.info(ctx.t("plan.none"))
    st.stop()
if bool(register["synthetic"].any()):
    st.warning(ctx.t("plan.synthetic"))

this_year = datetime.date.today().year
linked = links(register)
status_names = {s: ctx.t(f"plan.status_{s}") for s in ("planned", "running", "done", "stopped")}
answers = cached.plan_answers(ctx.data_version, region, ctx.year, ctx.stage, this_year)
summary = answers["summary"]
left, middle, right = st.columns(3)
left.metric(ctx.t("plan.summary_programmes"), summary.programmes)
middle.metric(ctx.t("plan.summary_budget"), format_number(summary.budget / 1e9, ctx.lang))
change_metric(right, ctx.t("plan.summary_all_done"), format_number(summary.index_all_done, ctx.lang),
              summary.index_change, ctx.lang)
right.caption(ctx.t("plan.band_reaches" if summary.band_all_done > summary.band_now else "plan.band_stays",
                    band=framework.band_labels(ctx.lang)[summary.band_all_done]))

st.subheader(ctx.t("plan.effects_title"))
effects = answers["effects"].set_index("programme_code")
table = programme_table(register, effects, ctx.t, dimension_names, status_names, view.band_names)
shown = table.copy()   # the page writes numbers in the UI language; the workbook keeps them numbers
for column, digits, signed in (("plan.col_budget", 0, False), ("plan.col_index_after", 2, False),
                               ("plan.col_gain", GAIN_DIGITS, True)):
    shown[ctx.t(column)] = table[ctx.t(column)].map(lambda v, d=digits, s=signed: format_number(v, ctx.lang, digits=d,
                                                                                                 signed=s))
st.dataframe(shown, hide_index=True, width="stretch")  # st.dataframe shows text as text: names stay inert
st.download_button(ctx.t("plan.download"), lambda: xlsx_bytes(table, ctx.t("plan.sheet")),
                   file_name=f"matra-plan-{region}-{ctx.year}-{ctx.stage}.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="plan_download")

st.subheader(ctx.t("plan.timeline_title"))
bars = pd.DataFrame({"label": register["programme_code"] + " · " + register["name"],
                     "start_year": register["start_year"], "end_year": register["end_year"],
                     "status": register["status"], "progress_text": register["progress"].map(lambda v: f"{v:.0f}%")})
st.plotly_chart(cached.shared_figure(("plan_timeline", ctx, this_year, cached.frame_key(bars)), lambda: timeline(
                    bars, ctx.chart_text(ctx.t("plan.timeline_title"), ctx.t("plan.timeline_units")), status_names,
                    ctx.t("plan.year_axis"), this_year)),
                key="plan_timeline", config=CHART_CONFIG, alt=ctx.t("plan.timeline_title"))

st.subheader(ctx.t("plan.budget_title"))
gaps = dimension_gaps(framework, cached.region_scores(ctx.data_version, region, ctx.year, ctx.stage),
                            cached.targets(ctx.data_version, region, ctx.year)).set_index("dimension")
money = budget_by_dimension(register, [d.code for d in framework.dimensions])
money_chart = pd.DataFrame({
    "label": money["dimension"].map(dimension_names), "budget": money["budget"] / 1e9,
    "budget_text": (money["budget"] / 1e9).map(lambda v: format_number(v, ctx.lang)),
    "gap_text": money["dimension"].map(lambda d: ctx.t("plan.gap_text", gap=format_number(gaps.loc[d, "gap"], ctx.lang))
                                       if gaps.loc[d, "gap"] > 0 else ctx.t("plan.gap_met")),
})
st.plotly_chart(cached.shared_figure(("plan_budget", ctx, cached.frame_key(money_chart)), lambda: budget_bars(
                    money_chart, ctx.chart_text(ctx.t("plan.budget_title"), ctx.t("plan.budget_units")),
                    ctx.t("plan.budget_axis"))),
                key="plan_budget", config=CHART_CONFIG, alt=ctx.t("plan.budget_title"))

st.subheader(ctx.t("plan.uncovered_title"))
st.caption(ctx.t("plan.uncovered_intro", top=framework.max_level))
uncovered = uncovered_gaps(grid, linked, framework.max_level).head(15)
show_table(pd.DataFrame({
    ctx.t("plan.col_code"): uncovered["indicator_code"],
    ctx.t("plan.col_indicator"): uncovered["indicator_code"].map(lambda c: framework.indicator(c).name(ctx.lang)),
    ctx.t("plan.col_dimension"): uncovered["dimension"].map(dimension_names),
    ctx.t("plan.col_owner"): uncovered["owner_opd"],
    ctx.t("plan.col_level"): uncovered["effective_level"].astype(int),
    ctx.t("plan.col_potential", top=framework.max_level): uncovered["gain"].map(
        lambda v: format_number(v, ctx.lang, digits=GAIN_DIGITS, signed=True)),
}), ctx.t("plan.uncovered_none", top=framework.max_level), hide_index=True, width="stretch")

st.subheader(ctx.t("plan.issues_title", year=this_year))
issues = programme_issues(register, this_year)
if issues.empty:
    st.write(ctx.t("plan.issues_none"))
else:
    names = dict(zip(register["programme_code"], register["name"], strict=True))
    st.dataframe(pd.DataFrame({
        ctx.t("plan.col_code"): issues["programme_code"],
        ctx.t("plan.col_name"): issues["programme_code"].map(names),
        ctx.t("plan.col_issue"): issues["issue"].map(lambda i: ctx.t(f"plan.issue_{i}")),
        ctx.t("plan.col_status"): issues["status"].map(status_names),
        ctx.t("plan.col_progress"): issues["progress"].round(0).astype(int),
        ctx.t("plan.col_expected"): issues["expected_progress"].round(0).astype(int),
    }), hide_index=True, width="stretch")

whatif_panel(ctx, region, framework, grid, register)
