"""Overview: headline figures, the band map, band distribution, ranking and province roll-up."""

import streamlit as st

from charts.labels import region_short_name
from charts.maps import band_map
from charts.theme import CHART_CONFIG
from components import cached, figures, frame, official, url_state
from components.downloads import ranking_downloads
from components.tables import show_ranking, show_table
from i18n import format_number, format_percent
from scoring import summaries
from views.overview import KINDS, OverviewSelection, map_extent, scope_title, shown_ranking

ctx = frame.context()
heading = st.empty()   # titled once the filters say whether this is the nation or some provinces
heading.title(ctx.t("overview.title", year=ctx.year or "–", stage=ctx.stage))
frame.guide(ctx, "overview")
if not frame.has_data(ctx):
    st.stop()

framework = cached.framework_of(ctx.year, ctx.stage)
band_names = framework.band_names(ctx.lang)
band_labels = framework.band_labels(ctx.lang)
regions = cached.regions()
names = dict(zip(regions["code"], regions["name"], strict=True))
cohorts = cached.cohorts(ctx.data_version)

year_groups = sorted(cached.ranking(ctx.data_version, ctx.year, ctx.stage)["group"].dropna().unique().tolist())
group_names = cached.group_names(ctx.lang)
filter_columns = st.columns(4 if year_groups else 3)
left, middle, right = filter_columns[:3]
provinces = dict(zip(regions["province_code"], regions["province_name"], strict=False))
chosen_provinces = url_state.multiselect(ctx.t("overview.filter_province"), sorted(provinces), key="province",
                                         container=left, format_func=provinces.get,
                                         placeholder=ctx.t("widget.all_provinces"))
kind = url_state.selectbox(ctx.t("overview.filter_kind"), ["", *KINDS], key="kind", default="",
                           container=middle,
                           format_func=lambda k: ctx.t(f"word.{k}") if k else ctx.t("overview.all"))
cohort_years = sorted(cohorts["cohort"].unique().tolist())
cohort = url_state.selectbox(ctx.t("overview.filter_cohort"), ["", *map(str, cohort_years)], key="cohort",
                             default="", container=right,
                             format_func=lambda c: c if c else ctx.t("overview.all"))
group = ""
if year_groups:  # only a year and stage whose regions are ranked in evaluation groups offers the filter
    group = url_state.selectbox(ctx.t("overview.filter_group"), ["", *year_groups], key="group", default="",
                                container=filter_columns[3],
                                format_func=lambda g: group_names.get(g, g) if g else ctx.t("overview.all"))
selection = OverviewSelection(tuple(chosen_provinces), kind, int(cohort) if cohort else None, group)
heading.title(scope_title(selection, provinces, group_names, ctx.t, ctx.year, ctx.stage))
shown = shown_ranking(cached.source(ctx.data_version), ctx.year, ctx.stage, selection)
if shown.empty:
    st.info(ctx.t("overview.no_match"))
    st.stop()

head = summaries.headline(shown, framework.minimum_target_band)
columns = st.columns([1, 1, 1, 2, 2])  # region names need the room
columns[0].metric(ctx.t("overview.metric_regions"), f"{head.regions_assessed}")
columns[1].metric(ctx.t("overview.metric_median"), format_number(head.median_index, ctx.lang))
columns[2].metric(ctx.t("overview.metric_share", band=band_labels[framework.minimum_target_band]),
                  format_percent(head.share_at_minimum_band, ctx.lang))
for column, label, code, change in ((columns[3], "overview.metric_riser", head.top_riser, head.top_riser_change),
                                    (columns[4], "overview.metric_faller", head.top_faller, head.top_faller_change)):
    column.metric(ctx.t(label), region_short_name(names[code]) if code in names else ctx.t("overview.none"),
                  format_number(change, ctx.lang, signed=True) if code else None, help=names.get(code))

yours = url_state.url_value("region")


def overview_map():
    map_rows = regions.merge(shown[["region_code", "index", "band"]], left_on="code", right_on="region_code",
                             how="left")
    map_rows["index_text"] = map_rows["index"].map(lambda v: format_number(v, ctx.lang))
    if selection.filtered:
        map_rows = map_rows[map_rows["band"].notna()]
    return band_map(map_rows, {**band_names, 0: ctx.t("overview.not_assessed")},
                    ctx.chart_text(ctx.t("overview.map_title", count=len(shown)), ctx.t("overview.map_units")),
                    ctx.t("word.index"),
                    extent=map_extent(map_rows[map_rows["province_code"].isin(selection.provinces)]),  # None: nation
                    highlight=(yours, ctx.t("overview.map_yours", name=names[yours])) if yours in names else None,
                    basemap=cached.basemap())


figure = cached.shared_figure(("overview_map", ctx, selection, yours if yours in names else None), overview_map)
st.caption(ctx.t("overview.map_hint"))
clicked = st.plotly_chart(figure, key="overview_map", config=CHART_CONFIG, on_select="rerun", selection_mode="points",
                          alt=ctx.t("overview.map_title", count=len(shown)))
points = clicked.selection.points if clicked and clicked.selection else []
if points and points[0].get("customdata"):
    st.switch_page("pages/region.py", query_params={"region": points[0]["customdata"][0], "year": ctx.year,
                                                      "stage": ctx.stage, "lang": ctx.lang})

dimension_scores = cached.scores(ctx.data_version, ctx.year, ctx.stage, "dimension")
bands_figure = cached.shared_figure(
    ("overview_bands", ctx, selection),
    lambda: figures.band_distribution_figure(ctx, framework, dimension_scores, shown["region_code"]))
st.plotly_chart(bands_figure, key="overview_bands", config=CHART_CONFIG, alt=ctx.t("overview.bands_title"))

st.subheader(ctx.t("overview.ranking_title"))
close = format_number(framework.smallest_step, ctx.lang, digits=4)
st.caption(ctx.t("overview.ranking_hint", close=close))
new_regions = int(shown["new"].sum()) if len(shown) > int(shown["new"].sum()) else 0
if new_regions:
    st.caption(ctx.t("overview.new_regions", count=new_regions))
if shown["method_changed"].any():
    st.caption("⚠️ " + ctx.t("overview.method_note"))
selected = show_ranking(shown, ctx, band_names, key="overview_ranking", group_names=group_names,
                        provinces=selection.provinces)
official.year_summary(ctx, ctx.year)
if selected is not None:
    st.switch_page("pages/region.py", query_params={"region": selected, "year": ctx.year, "stage": ctx.stage,
                                                      "lang": ctx.lang})

gains, losses = summaries.movers(shown)
st.subheader(ctx.t("overview.movers_title", year=ctx.year - 1))
gain_column, loss_column = st.columns(2)
for column, rows, label, none in ((gain_column, gains, "overview.gains", "overview.none_gains"),
                                  (loss_column, losses, "overview.losses", "overview.none_losses")):
    column.markdown(f"**{ctx.t(label)}**")
    show_table(
        rows.assign(change=rows["improvement"].map(lambda v: format_number(v, ctx.lang, signed=True)))[
            ["name", "province_name", "change"]].rename(columns={
                "name": ctx.t("word.region"), "province_name": ctx.t("word.province"),
                "change": ctx.t("word.change")}),
        ctx.t(none), column, hide_index=True, width="stretch")

st.subheader(ctx.t("overview.province_title"))
levels = [b.level for b in framework.bands]
rollup = cached.province_summary(ctx.data_version, ctx.year, ctx.stage, selection, tuple(levels))
table = rollup.assign(**{
    "median": rollup["median"].map(lambda v: format_number(v, ctx.lang)),
    "spread": rollup["spread"].map(lambda v: format_number(v, ctx.lang)),
})
table = table[["province_name", "regions", "median", "spread", *[f"band_{lv}" for lv in levels],
               "moved_up", "moved_down"]]
table.columns = [ctx.t("word.province"), ctx.t("overview.col_regions"), ctx.t("overview.col_median"),
                 ctx.t("overview.col_spread"), *[band_labels[lv] for lv in levels],   # regions per band
                 ctx.t("overview.col_up"), ctx.t("overview.col_down")]
st.dataframe(table, hide_index=True, width="stretch")

# Exports (reports/): the ranking as shown (filters applied), built only when clicked.

ranking_downloads(ctx, tuple(shown["region_code"]), key="overview_download_ranking")
