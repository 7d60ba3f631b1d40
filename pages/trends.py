"""Trends: index and dimensions over years, stage I to II, movers, cohorts, a slope chart."""

import pandas as pd
import streamlit as st

from charts.labels import region_colours
from charts.profiles import lines, slope
from charts.theme import CHART_CONFIG
from components import cached, figures, frame, official, url_state
from components.pickers import LAST_REGION, region_label, start_from_view
from components.tables import show_table
from i18n import format_number
from scoring import INDEX_CODE, summaries
from views.compare import MAX_REGIONS
from views.trends import crosses_method_change, measure_codes, trend_chart, trend_measure

ctx = frame.context()
heading = st.empty()   # titled for the province once its picker is read
heading.title(ctx.t("trends.title"))
frame.guide(ctx, "trends")
if not frame.has_data(ctx):
    st.stop()
framework = cached.framework_of(ctx.year, ctx.stage)
band_names = framework.band_names(ctx.lang)
band_lowers = {b.level: b.lower for b in framework.bands}
regions = cached.regions()
labels = region_label(regions)
ranking = cached.ranking(ctx.data_version, ctx.year, ctx.stage)
provinces = dict(zip(regions["province_code"], regions["province_name"], strict=False))

where, left, right = st.columns([1, 2, 1])
# The province scope (URL ?province=35, as on the overview) narrows the movers, the stage I -> II list
# and the cohorts to its regions, and starts the region picker from the province's best.
scope = tuple(url_state.multiselect(ctx.t("word.province"), sorted(provinces), key="province", container=where,
                                    format_func=provinces.get, placeholder=ctx.t("widget.all_provinces")))
scope_name = ", ".join(provinces[code] for code in scope)
if scope:
    heading.title(ctx.t("trends.title_scope", scope=scope_name))


def in_scope(title: str) -> str:
    """A section title followed by the province scope ("… · Jawa Timur"); unchanged for the nation."""
    return ctx.t("trends.in_scope", title=title, scope=scope_name) if scope else title


ranked = summaries.filter_regions(ranking, scope)["region_code"].tolist()
chosen = url_state.multiselect(ctx.t("trends.regions"), sorted(labels, key=labels.get), key="regions",
                               default=start_from_view(ranked, labels), format_func=labels.get,
                               max_selections=MAX_REGIONS, container=left, placeholder=ctx.t("widget.choose_options"))
code = url_state.selectbox(ctx.t("trends.measure"), measure_codes(framework), key="dimension", default=INDEX_CODE,
                           container=right,
                           format_func=lambda c: trend_measure(c, framework).name(framework, ctx.lang,
                                                                                  ctx.t("word.index")))
measure = trend_measure(code, framework)
measure_name = measure.name(framework, ctx.lang, ctx.t("word.index"))
kind = measure.kind
trend = cached.trend(ctx.data_version, tuple(chosen), ctx.stage, kind)
medians = cached.national_medians(ctx.data_version, ctx.stage, kind)
title = ctx.t("trends.lines_title", measure=measure_name, stage=ctx.stage)
method_changes = cached.method_changes(ctx.data_version, ctx.stage)
# One colour per region on every chart of the page; the region in view always in the highlight colour.
region_names = dict(zip(regions["code"], regions["name"], strict=True))
home = url_state.url_value("region") or st.session_state.get(LAST_REGION)
colours = region_colours([region_names[code] for code in chosen], region_names.get(home) if home in chosen else None)
# Shared by every session (components/cached.py): the data version, stage and language are in ctx; the
# chosen regions, the measure and their colours (by name) are the rest of what the figures show.
lines_figure = cached.shared_figure(
    ("trends_lines", ctx, tuple(chosen), measure.code, tuple(colours.items())),
    lambda: figures.trend_lines(ctx, framework, trend_chart(
        trend, medians, measure, chosen, region_names, ctx.t("trends.national_median"), framework.max_level,
        cached.official_table(ctx.data_version), lambda name: ctx.t("official.series", name=name), ctx.lang),
        measure.code, method_changes, colours))
st.plotly_chart(lines_figure, key="trends_lines", config=CHART_CONFIG, alt=title)
official.trend_index_note(ctx, chosen, measure.code == INDEX_CODE)
if measure.code == INDEX_CODE:
    official.trend_sources(ctx, chosen)

st.subheader(in_scope(ctx.t("trends.stages_title", year=ctx.year)))
st.caption(ctx.t("trends.stages_hint"))
stage_pair = summaries.filter_regions(cached.index_pair(ctx.data_version, (ctx.year, "I"), (ctx.year, "II")), scope)
if stage_pair.empty:
    st.info(ctx.t("trends.stage_pair_missing", year=ctx.year))
else:
    one, two = st.columns(2)
    one.metric(ctx.t("trends.stage_median"), format_number(stage_pair["change"].median(), ctx.lang, signed=True))
    two.metric(ctx.t("trends.stage_dropped"), f"{int((stage_pair['change'] < 0).sum())} / {len(stage_pair)}")
    _, drops = summaries.movers(stage_pair, "change")
    st.markdown(f"**{ctx.t('trends.stage_largest')}**")
    st.dataframe(pd.DataFrame({
        ctx.t("word.region"): drops["name"], ctx.t("word.province"): drops["province_name"],
        ctx.t("trends.col_stage_one"): drops["first_score"].map(lambda v: format_number(v, ctx.lang)),
        ctx.t("trends.col_stage_two"): drops["second_score"].map(lambda v: format_number(v, ctx.lang)),
        ctx.t("word.change"): drops["change"].map(lambda v: format_number(v, ctx.lang, signed=True)),
    }), hide_index=True, width="stretch")

years = cached.store().years(ctx.stage)
if len(years) < 2:
    st.info(ctx.t("trends.need_years"))
    st.stop()
left, right = st.columns(2)
first = url_state.selectbox(ctx.t("trends.first_year"), years[:-1], key="from", default=years[0], container=left)
later = [y for y in years if y > first]
last = url_state.selectbox(ctx.t("trends.last_year"), later, key="to", default=later[-1], container=right)

pair = summaries.filter_regions(cached.index_pair(ctx.data_version, (first, ctx.stage), (last, ctx.stage)), scope)
st.subheader(in_scope(ctx.t("trends.movers_title", first=first, last=last)))
crossed = crosses_method_change(first, last, method_changes)
if crossed:   # the movers and the slope chart below compare across it
    st.warning(ctx.t("trends.method_note", first=first, last=last, years=", ".join(map(str, crossed))))
gains, losses = summaries.movers(pair, "change")
gain_column, loss_column = st.columns(2)
for column, rows, label, none in ((gain_column, gains, "overview.gains", "overview.none_gains"),
                                  (loss_column, losses, "overview.losses", "overview.none_losses")):
    column.markdown(f"**{ctx.t(label)}**")
    show_table(pd.DataFrame({
        ctx.t("word.region"): rows["name"],
        str(first): rows["first_score"].map(lambda v: format_number(v, ctx.lang)),
        str(last): rows["second_score"].map(lambda v: format_number(v, ctx.lang)),
        ctx.t("word.change"): rows["change"].map(lambda v: format_number(v, ctx.lang, signed=True)),
    }), ctx.t(none), column.container(key=f"trends_{label.split('.')[-1]}"), hide_index=True, width="stretch")

slope_rows = pair[pair["region_code"].isin(chosen)]
slope_frame = pd.concat([
    pd.DataFrame({"series": slope_rows["name"], "year": first, "score": slope_rows["first_score"]}),
    pd.DataFrame({"series": slope_rows["name"], "year": last, "score": slope_rows["second_score"]}),
])
slope_title = ctx.t("trends.slope_title", first=first, last=last)
units = figures.score_units(ctx, framework)
st.plotly_chart(cached.shared_figure(("trends_slope", ctx, scope, tuple(chosen), first, last, tuple(colours.items())),
                                     lambda: slope(slope_frame, first, last, ctx.chart_text(slope_title, units),
                                                   ctx.t("word.score"), colours, top=framework.max_level)),
                key="trends_slope", config=CHART_CONFIG, alt=slope_title)

cohorts = cached.cohort_medians(ctx.data_version, ctx.stage, scope)
cohort_series = pd.DataFrame({
    "year": cohorts["year"], "score": cohorts["score"],
    "series": cohorts["cohort"].map(lambda c: ctx.t("trends.cohort_series", cohort=c)),
})
cohort_title = in_scope(ctx.t("trends.cohorts_title"))
st.plotly_chart(cached.shared_figure(("trends_cohorts", ctx, scope), lambda: lines(
                    cohort_series, ctx.chart_text(cohort_title, units), ctx.t("word.score"), band_lowers, band_names,
                    figures.method_marks(ctx, method_changes), top=framework.max_level)),
                key="trends_cohorts", config=CHART_CONFIG, alt=cohort_title)
