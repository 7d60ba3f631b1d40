"""Compare: up to 8 regions by hand, or a peer set (nearest peers, or every region of a province);
radar (sorted index bars beyond 8), heatmap, dumbbell, band and ranks, differences."""

import pandas as pd
import streamlit as st

from charts.labels import region_colours, region_short_name
from charts.profiles import dumbbell
from charts.theme import CHART_CONFIG
from components import cached, figures, frame, official, url_state
from components.downloads import ranking_downloads
from components.pickers import LAST_REGION, region_label, region_picker, start_from_view
from components.tables import difference_config, standing_config, standing_frame
from i18n import format_number
from sections.compare.scenarios import scenario_section
from views.compare import COMPARE_METHODS, DEFAULT_PEERS, MAX_REGIONS, compare_chart, peers_of
from views.compare import assessed as assessed_codes

ctx = frame.context()
st.title(ctx.t("compare.title"))
frame.guide(ctx, "compare")
if not frame.has_data(ctx):
    st.stop()
framework = cached.framework_of(ctx.year, ctx.stage)
regions = cached.regions()
labels = region_label(regions)
names = dict(zip(regions["code"], regions["name"], strict=True))
index_scores = cached.scores(ctx.data_version, ctx.year, ctx.stage, "index")
dimension_scores = cached.scores(ctx.data_version, ctx.year, ctx.stage, "dimension")

mode = url_state.radio(ctx.t("compare.mode"), ["peers", "manual"], key="mode", default="peers",
                       horizontal=True, format_func=lambda m: ctx.t(f"compare.mode_{m}"))
if mode == "peers":
    left, right = st.columns(2)
    anchor = region_picker(ctx, ctx.t("compare.anchor"), container=left)
    method = url_state.selectbox(ctx.t("compare.peer_method"), COMPARE_METHODS, key="peers", default=DEFAULT_PEERS,
                                 container=right, format_func=lambda m: ctx.t(f"compare.peers_{m}"))
    chosen = peers_of(cached.source(ctx.data_version), regions, ctx.year, ctx.stage, anchor, method)
else:
    top = start_from_view(cached.ranking(ctx.data_version, ctx.year, ctx.stage)["region_code"].tolist(), labels)
    chosen = url_state.multiselect(ctx.t("compare.regions"), sorted(labels, key=labels.get), key="regions",
                                   default=top, format_func=labels.get, max_selections=MAX_REGIONS,
                                   placeholder=ctx.t("widget.choose_options"))

assessed = assessed_codes(cached.source(ctx.data_version), ctx.year, ctx.stage, chosen)
missing = [names[code] for code in chosen if code not in assessed]
if missing:
    st.warning(ctx.t("compare.not_assessed", year=ctx.year, stage=ctx.stage, names=", ".join(missing)))
if len(assessed) < 2:
    st.info(ctx.t("compare.need_two"))
    st.stop()

matrix = figures.compare_matrix(ctx, framework, names, assessed, index_scores, dimension_scores)
# One colour per region on every chart of the page; the user's region (the anchor, else the region in
# view) always in the highlight colour.
home = anchor if mode == "peers" else url_state.url_value("region") or st.session_state.get(LAST_REGION)
colours = region_colours([names[code] for code in assessed], names.get(home) if home in assessed else None)
# The matrix is the data version's scores of `assessed`, named: with the colours, the whole of each figure.
shared = (ctx, tuple(assessed), tuple(matrix.index), tuple(colours.items()))
# the agenda view's picture (views.compare.compare_chart): a radar, or a whole province's index as bars
chart = compare_chart(framework, names, assessed, dimension_scores, ctx.lang, index_scores, ctx.t("word.index"))
bands = cached.ranking(ctx.data_version, ctx.year, ctx.stage).set_index("name")["band"]
key = "compare_bars" if chart.kind == "bar" else "compare_radar"
figures.draw(cached.shared_figure((key, *shared),
                                  lambda: figures.compare_figure(ctx, framework, chart, bands, colours)), key)
st.plotly_chart(cached.shared_figure(("compare_heatmap", *shared),
                                     lambda: figures.compare_heatmap(ctx, framework, matrix)),
                key="compare_heatmap", config=CHART_CONFIG, alt=ctx.t("compare.heatmap_title"))

first = assessed[0]
peer_median = matrix.median()
rows = pd.DataFrame({"label": matrix.columns, "score": matrix.iloc[0].to_numpy(),
                     "reference": peer_median.to_numpy()})
rows.attrs["series_name"] = names[first]
st.plotly_chart(cached.shared_figure(("compare_dumbbell", *shared), lambda: dumbbell(
                    rows, ctx.chart_text(ctx.t("compare.dumbbell_title", name=names[first]),
                                         figures.score_units(ctx, framework)),
                    ctx.t("compare.peer_median"), ctx.t("word.score"), colours[names[first]],
                    top=framework.max_level)),
                key="compare_dumbbell", config=CHART_CONFIG, alt=ctx.t("compare.dumbbell_title", name=names[first]))

st.subheader(ctx.t("compare.standing_title"))
st.container(key="compare_standing_rows").dataframe(   # the key names the table for a browser test
    standing_frame(cached.ranking(ctx.data_version, ctx.year, ctx.stage), assessed, ctx,
                   framework.band_names(ctx.lang), cached.group_names(ctx.lang)),
    hide_index=True, width="stretch", key="compare_standing", column_config=standing_config(ctx))
ranking_downloads(ctx, tuple(assessed), key="compare_ranking")

st.subheader(ctx.t("compare.table_title"))
st.caption(ctx.t("compare.table_hint"))
group_median = matrix.median()
differences = matrix.apply(lambda column: [
    f"{format_number(value, ctx.lang)} ({format_number(value - group_median[column.name], ctx.lang, signed=True)})"
    for value in column]).rename(index=region_short_name)
differences.loc[ctx.t("compare.peer_median")] = group_median.map(lambda v: format_number(v, ctx.lang))
st.container(key="compare_differences_rows").dataframe(   # the key names the table for a browser test
    differences.rename_axis(ctx.t("word.region")).reset_index(), hide_index=True, width="stretch",
    column_config=difference_config(ctx, framework))

official.compare_table(ctx, assessed, ctx.year)
scenario_section(ctx, assessed, key="compare_scenarios")
