"""Region profile: index and band, radar against benchmarks, trend, why it changed, indicators."""

import pandas as pd
import streamlit as st

from charts.profiles import change_bars, lines
from charts.theme import CHART_CONFIG
from components import cached, figures, frame, official
from components.claims import claims_section
from components.downloads import report_downloads
from components.pickers import region_view
from components.whatif_panel import whatif_panel
from i18n import format_number
from scoring import summaries
from scoring.bands import GAIN_DIGITS
from sections.region.tables import show_indicator_table

ctx = frame.context()
view = region_view(ctx, "region.title")
region, name, framework = view.region, view.name, view.framework
band_names, dimension_names = view.band_names, view.dimension_names
element_names = view.element_names

scores = cached.region_scores(ctx.data_version, region, ctx.year, ctx.stage)
if scores.empty:
    st.info(ctx.t("region.not_assessed", name=name, year=ctx.year, stage=ctx.stage))
    st.stop()

ranking = cached.ranking(ctx.data_version, ctx.year, ctx.stage).set_index("region_code")
row = ranking.loc[region]
figures.region_metrics(ctx, framework, ranking, region, st.columns(3))
previous_framework = cached.framework_of(ctx.year - 1, ctx.stage)
if bool(row["method_changed"]) and previous_framework is not None:
    st.warning(ctx.t("region.method_changed", year=ctx.year, current=framework.name(ctx.lang),
                     previous_year=ctx.year - 1, previous=previous_framework.name(ctx.lang)))

# Radar: the region against its province median, the national median and its target.
all_dimensions = cached.scores(ctx.data_version, ctx.year, ctx.stage, "dimension")
targets = cached.targets(ctx.data_version, region, ctx.year)
radar_figure, gaps = cached.shared_figure(   # figure and gap table, the same for every session
    ("region_radar", ctx, region),
    lambda: figures.region_radar(ctx, framework, region, cached.regions().set_index("code"), all_dimensions, targets))
codes = [d.code for d in framework.dimensions]
chart_column, side_column = st.columns([3, 2])
chart_column.plotly_chart(radar_figure, key="region_radar", config=CHART_CONFIG, alt=ctx.t("region.radar_title"))
if not targets:
    side_column.caption(ctx.t("region.target_national",
                              value=format_number(gaps["target"].iloc[0], ctx.lang)))

# Strengths and weaknesses: strongest and weakest elements.
elements = scores[scores["kind"] == "element"].rename(columns={"code": "element"})
strong, weak = summaries.strengths_and_weaknesses(elements)
for title, rows in ((ctx.t("region.strengths"), strong), (ctx.t("region.weaknesses"), weak)):
    side_column.markdown(f"**{title}**")
    side_column.markdown("\n".join(
        "- " + ctx.t("region.element_line", element=element_names[r.element],
                     dimension=dimension_names[r.dimension], score=format_number(r.score, ctx.lang))
        for r in rows.itertuples()))

# Trend of the index and the dimensions.
trend_index = cached.trend(ctx.data_version, (region,), ctx.stage, "index")
trend_dimensions = cached.trend(ctx.data_version, (region,), ctx.stage, "dimension")
trend = pd.concat([trend_index.assign(series=ctx.t("word.index")),
                   trend_dimensions.assign(series=trend_dimensions["code"].map(dimension_names))])
trend_figure = cached.shared_figure(("region_trend", ctx, region), lambda: lines(
    trend[["year", "series", "score"]],
    ctx.chart_text(ctx.t("region.trend_title", stage=ctx.stage), figures.score_units(ctx, framework)),
    ctx.t("word.score"), {b.level: b.lower for b in framework.bands}, band_names,
    figures.method_marks(ctx, cached.method_changes(ctx.data_version, ctx.stage)), top=framework.max_level))
st.plotly_chart(trend_figure, key="region_trend", config=CHART_CONFIG, alt=ctx.t("region.trend_title", stage=ctx.stage))
official.region_section(ctx, region, name)

# Why did it change: by dimension and by indicator, since the year before.
st.subheader(ctx.t("region.why_title", year=ctx.year - 1))
grid = cached.region_indicators(ctx.data_version, region, ctx.year, ctx.stage)
breakdown = cached.change(ctx.data_version, region, ctx.year, ctx.stage)
if breakdown is None:
    st.info(ctx.t("region.no_change_data"))
else:
    level_effect = breakdown.index_change - breakdown.method_effect
    st.caption(ctx.t("region.why_summary", before=format_number(breakdown.index_before, ctx.lang),
                     after=format_number(breakdown.index_after, ctx.lang),
                     change=format_number(breakdown.shown_change, ctx.lang, signed=True),
                     method=format_number(breakdown.method_effect, ctx.lang, digits=GAIN_DIGITS, signed=True),
                     levels=format_number(level_effect, ctx.lang, digits=GAIN_DIGITS, signed=True)),
               help=ctx.t("region.why_exact",
                          exact=format_number(breakdown.index_change, ctx.lang, digits=GAIN_DIGITS, signed=True)))
    parts = breakdown.by_dimension
    labels = [dimension_names[c] for c in parts["dimension"]]
    values = parts["contribution"].tolist()
    if breakdown.method_changed:
        labels, values = [ctx.t("region.method_bar"), *labels], [breakdown.method_effect, *values]
    dimension_change = pd.DataFrame({"label": labels, "change": values})
    dimension_change["change_text"] = dimension_change["change"].map(
        lambda v: format_number(v, ctx.lang, digits=GAIN_DIGITS, signed=True))
    left, right = st.columns(2)
    left.plotly_chart(cached.shared_figure(("region_why_dimensions", ctx, region), lambda: change_bars(
                          dimension_change,
                          ctx.chart_text(ctx.t("region.why_dimensions"), ctx.t("region.contribution")),
                          ctx.t("region.change_units", top=framework.max_level))),
                      key="region_why_dimensions", config=CHART_CONFIG, alt=ctx.t("region.why_dimensions"))
    left.dataframe(pd.DataFrame({
        ctx.t("word.dimension"): parts["dimension"].map(dimension_names),
        ctx.t("region.col_score_before", year=ctx.year - 1): parts["score_before"].map(
            lambda v: format_number(v, ctx.lang)),
        ctx.t("region.col_score_after", year=ctx.year): parts["score_after"].map(lambda v: format_number(v, ctx.lang)),
        ctx.t("region.col_contribution"): parts["contribution"].map(
            lambda v: format_number(v, ctx.lang, digits=GAIN_DIGITS, signed=True)),
    }), hide_index=True, width="stretch")
    top = breakdown.by_indicator.head(12)
    if top.empty:
        right.info(ctx.t("region.no_movers"))
    else:
        indicator_change = pd.DataFrame({
            "label": [f"{c} · {framework.indicator(c).name(ctx.lang)}" for c in top["indicator_code"]],
            "change": top["contribution"].to_numpy(),
            "change_text": [f"{format_number(v, ctx.lang, digits=GAIN_DIGITS, signed=True)} ({a}→{b})"
                            for v, a, b in zip(top["contribution"], top["from_level"], top["to_level"], strict=True)],
        })
        right.plotly_chart(cached.shared_figure(("region_why_indicators", ctx, region), lambda: change_bars(
                               indicator_change, ctx.chart_text(ctx.t("region.why_indicators"),
                                                                ctx.t("region.contribution")),
                               ctx.t("region.change_units", top=framework.max_level))),
                           key="region_why_indicators", config=CHART_CONFIG, alt=ctx.t("region.why_indicators"))

claims_section(ctx, framework, region, cached.regions().set_index("code"))
whatif_panel(ctx, region, framework, grid, cached.programmes(region))

st.subheader(ctx.t("region.indicators_title"))
show_indicator_table(grid, framework, ctx, key="region_indicators")

# Exports (reports/): deck, PDF profile and the indicator table, built only when clicked.

report_downloads(ctx, region, key="region_download")
