"""Slides for the meeting room: one agenda view per screen, large type, no widgets.

Each slide draws the same figure as its page (components.views) from the agenda's frozen data,
then enlarges it for a projector. Text from an agenda or a meeting note is untrusted (anyone can
craft a link): it goes through `plain()` before st.markdown, and never into HTML.
"""

from __future__ import annotations

import re
from dataclasses import replace

import plotly.graph_objects as go
import streamlit as st

from components import action_slides, cached, figures
from components.claims_view import claims_figure, failed_label
from i18n import format_date, format_number, format_percent
from scoring import STAGES, summaries
from scoring.claims import claims_summary
from views.compare import compared_regions, listed
from views.overview import OverviewSelection, scope_names, shown_ranking
from views.region import dimension_gaps, top_priorities
from views.trends import trend_measure, trend_regions

# Hides the sidebar and Streamlit's header and enlarges text for slide mode. A constant: no user
# text is ever placed in this string.
PROJECTOR_CSS = """<style>
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"] {display: none !important;}
.block-container, [data-testid="stMainBlockContainer"] {padding-top: 1rem !important; max-width: 100% !important;}
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li {font-size: 1.7rem; line-height: 1.4;}
[data-testid="stCaptionContainer"] p {font-size: 1.3rem !important;}
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p {font-size: 3.6rem !important;}
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p {font-size: 1.6rem !important;}
[data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"] p {font-size: 1.6rem !important;}
h1 {font-size: 3.3rem !important;} h2 {font-size: 2.6rem !important;}
</style>"""
_MARKDOWN_SIGNIFICANT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&\"'])")
SLIDE_PRIORITIES = 5   # what fits beside a chart on a projected slide


def plain(text) -> str:
    """Untrusted text made inert for st.markdown: one line, every markdown/HTML character escaped."""
    return _MARKDOWN_SIGNIFICANT.sub(r"\\\1", " ".join(str(text).split()))


def projector_mode() -> None:
    st.markdown(PROJECTOR_CSS, unsafe_allow_html=True)


def projector(figure: go.Figure) -> go.Figure:
    """The figure with type readable from the back of a room (same data, same labels)."""
    height = figure.layout.height or 500
    labelled_lines = bool(figure.layout.annotations)   # band boundaries labelled at the right edge
    figure.update_layout(font=dict(size=22), title=dict(font=dict(size=30)),
                         legend=dict(font=dict(size=20), yref="container", y=0, yanchor="bottom"),
                         margin=dict(l=40, r=220 if labelled_lines else 40, t=130, b=150),
                         height=int(min(max(height * 1.25, 560), 800)))
    figure.update_xaxes(automargin=True)
    figure.update_yaxes(automargin=True)
    figure.update_annotations(font_size=18)
    figure.update_traces(textfont_size=22)
    figure.update_polars(angularaxis_tickfont_size=22, radialaxis_tickfont_size=16)
    for trace in figure.data:
        if trace.type in ("scatter", "scatterpolar"):
            trace.marker.size = max(trace.marker.size or 0, 11)
            trace.line.width = max(trace.line.width or 0, 4)
    return figure


def draw(figure: go.Figure, key: str, container=st) -> None:
    # Streamlit's own chart theme would reset the font sizes; the Matra template carries the rest.
    figures.draw(projector(figure), key=key, container=container, theme=None)


def slide_title(item, ctx, names: dict[str, str]) -> str:
    """The heading of an agenda item: its own title, else one made from its view and selections."""
    if item.title.strip():
        return item.title.strip()
    params = item.params
    if item.view in ("region", "gaps", "claims", "plan", "scenario"):
        name = names.get(params.get("region", ""), params.get("region", ""))
        key = {"region": "region.title", "gaps": "gaps.title", "claims": "present.title_claims",
               "plan": "present.title_plan", "scenario": "present.title_scenario"}[item.view]
        return ctx.t(key, name=name, year=ctx.year)
    if item.view == "compare":
        count = len(listed(params, "regions", set(names)))
        if not count and params.get("region") in names:
            return ctx.t("present.title_peers", name=names[params["region"]])
        return ctx.t("present.title_compare", count=count)
    if item.view == "trends":
        chosen = [names[c] for c in listed(params, "regions", set(names))]
        shown = ", ".join(chosen[:3]) + (f" +{len(chosen) - 3}" if len(chosen) > 3 else "")
        return ctx.t("present.title_trends", names=shown) if chosen else ctx.t("trends.title")
    regions = cached.regions()
    provinces = dict(zip(regions["province_code"], regions["province_name"], strict=False))
    scope = scope_names(OverviewSelection.from_params(params, provinces), provinces)
    if scope:
        return ctx.t("overview.title_scope", scope=", ".join(scope), year=ctx.year, stage=ctx.stage)
    return ctx.t("present.title_overview", year=ctx.year, stage=ctx.stage)


def overview_slide(item, ctx, source, framework, regions) -> None:
    provinces = dict(zip(regions["province_code"], regions["province_name"], strict=False))
    selection = OverviewSelection.from_params(item.params, provinces)
    scope = ", ".join(provinces[p] for p in selection.provinces) or ctx.t("present.national")
    kind_text = f" · {ctx.t(f'word.{selection.kind}')}" if selection.kind else ""
    cohort_text = (f" · {ctx.t('trends.cohort_series', cohort=selection.cohort)}" if selection.cohort is not None
                   else "")
    st.markdown(f"**{plain(scope + kind_text + cohort_text)}**")
    shown = shown_ranking(source, ctx.year, ctx.stage, selection)
    if shown.empty:
        st.info(ctx.t("overview.no_match"))
        return
    head = summaries.headline(shown, framework.minimum_target_band)
    columns = st.columns(3)
    columns[0].metric(ctx.t("overview.metric_regions"), f"{head.regions_assessed}")
    columns[1].metric(ctx.t("overview.metric_median"), format_number(head.median_index, ctx.lang))
    columns[2].metric(ctx.t("overview.metric_share"), format_percent(head.share_band_3_up, ctx.lang))
    dimension_scores = source.scores(ctx.year, ctx.stage, "dimension")
    draw(figures.band_distribution_figure(ctx, framework, dimension_scores, shown["region_code"]), "slide_bands")


def region_slide(item, ctx, source, framework, regions) -> None:
    region = item.params.get("region", "")
    scores = source.region_scores(region, ctx.year, ctx.stage) if region in regions.index else None
    if scores is None or scores.empty:
        st.info(ctx.t("present.not_assessed", year=ctx.year, stage=ctx.stage))
        return
    ranking = source.ranking(ctx.year, ctx.stage).set_index("region_code")
    key_figures, chart = st.columns([1, 2], vertical_alignment="center")
    figures.region_metrics(ctx, framework, ranking, region, (key_figures, key_figures, key_figures))
    figure, _ = figures.region_radar(ctx, framework, region, regions, source.scores(ctx.year, ctx.stage, "dimension"),
                                   source.targets(region, ctx.year))
    draw(figure, "slide_radar", chart)


def compare_slide(item, ctx, source, framework, regions) -> None:
    names = regions["name"].to_dict()
    index_scores = source.scores(ctx.year, ctx.stage, "index")
    assessed = [c for c in compared_regions(source, cached.regions(), ctx.year, ctx.stage, item.params)
                if c in set(index_scores["region_code"])]
    if len(assessed) < 2:
        st.info(ctx.t("compare.need_two"))
        return
    matrix = figures.compare_matrix(ctx, framework, names, assessed, index_scores,
                                  source.scores(ctx.year, ctx.stage, "dimension"))
    draw(figures.compare_heatmap(ctx, matrix), "slide_heatmap")


def gaps_slide(item, ctx, source, framework, regions) -> None:
    region = item.params.get("region", "")
    grid = source.region_indicators(region, ctx.year, ctx.stage) if region in regions.index else None
    if grid is None or grid.empty:
        st.info(ctx.t("present.not_assessed", year=ctx.year, stage=ctx.stage))
        return
    targets = source.targets(region, ctx.year)
    gaps = dimension_gaps(framework, source.region_scores(region, ctx.year, ctx.stage), targets)
    chart, side = st.columns([3, 2])
    draw(figures.gap_dumbbell(ctx, framework, regions.loc[region, "name"], gaps), "slide_gaps", chart)
    top = top_priorities(grid, framework, targets, SLIDE_PRIORITIES)
    side.markdown(f"**{plain(ctx.t('present.priorities'))}**")
    side.markdown("\n".join(
        f"{number}. {plain(framework.indicator(row.indicator_code).name(ctx.lang))} — {plain(row.owner_opd)} "
        f"({plain(format_number(row.index_gain, ctx.lang, digits=3, signed=True))})"
        for number, row in enumerate(top.itertuples(), start=1)) or plain(ctx.t("present.no_priorities")))


def trends_slide(item, ctx, source, framework, regions) -> None:
    ranked = source.ranking(ctx.year, ctx.stage)["region_code"].tolist()
    chosen = trend_regions(item.params, ranked, set(regions.index))
    measure = trend_measure(item.params.get("dimension"), framework)
    trend = source.trend(tuple(chosen), ctx.stage, measure.kind)
    medians = source.national_medians(ctx.stage, measure.kind)
    changes = [year for year in cached.method_changes(ctx.data_version, ctx.stage) if source.has(year, ctx.stage)]
    draw(figures.trend_lines(ctx, framework, trend, medians, measure.code, changes), "slide_trend")


def claims_slide(item, ctx, source, framework, regions) -> None:
    """Stage I claims against stage II verification of one region: per dimension, and the OPDs
    whose claims cost the most index points."""
    region = item.params.get("region", "")
    outcomes = source.claims(ctx.year, (region,)) if region in regions.index else None
    if outcomes is None or outcomes.empty:
        st.info(ctx.t("claims.none", year=ctx.year))
        return
    total = claims_summary(outcomes, "index").iloc[0]
    chart, side = st.columns([3, 2])
    draw(claims_figure(ctx, framework, claims_summary(outcomes, "dimension")), "slide_claims", chart)
    side.metric(ctx.t("claims.metric_claimed"), format_number(total["claimed_index"], ctx.lang))
    side.metric(ctx.t("claims.metric_verified"), format_number(total["verified_index"], ctx.lang))
    side.metric(failed_label(ctx, total), format_percent(total["failed_share"], ctx.lang, digits=1))
    opds = claims_summary(outcomes, "owner_opd")
    top = opds[opds["failed"] > 0].head(SLIDE_PRIORITIES)
    side.markdown(f"**{plain(ctx.t('claims.opd_title'))}**")
    side.markdown("\n".join(
        f"{number}. {plain(row.key)} — {row.failed}/{row.claims} "
        f"({plain(format_number(row.points_lost, ctx.lang, digits=3))})"
        for number, row in enumerate(top.itertuples(), start=1)) or plain(ctx.t("claims.no_failed")))


SLIDES = {"overview": overview_slide, "region": region_slide, "compare": compare_slide, "gaps": gaps_slide,
          "trends": trends_slide, "claims": claims_slide, "plan": action_slides.plan_slide,
          "scenario": action_slides.scenario_slide}


def item_context(item, ctx):
    """The agenda's context, with the item's own year and stage when its params name valid ones."""
    year, stage = item.params.get("year", ""), item.params.get("stage", "")
    return replace(ctx, year=int(year) if year.isdigit() else ctx.year, stage=stage if stage in STAGES else ctx.stage)


def item_slide(item, ctx, source, regions) -> None:
    """One agenda item as a slide, from the agenda's frozen cached. `regions` is indexed by code."""
    ctx = item_context(item, ctx)
    st.header(plain(slide_title(item, ctx, regions["name"].to_dict())))
    framework = cached.framework_of(ctx.year, ctx.stage)
    if framework is None or not source.has(ctx.year, ctx.stage):
        st.info(ctx.t("empty.no_year_stage", year=ctx.year, stage=ctx.stage))
        return
    SLIDES[item.view](item, ctx, source, framework, regions)


def title_slide(agenda, ctx, names: dict[str, str]) -> None:
    st.title(plain(agenda.title or ctx.t("present.untitled")))
    st.subheader(ctx.t("present.subtitle", year=agenda.year, stage=agenda.stage))
    st.markdown("\n".join(f"{number}. {plain(slide_title(item, ctx, names))}"
                          for number, item in enumerate(agenda.items, start=1)))


def notes_slide(agenda, ctx, notes: list[dict], names: dict[str, str]) -> None:
    """The meeting's notes and follow-ups, by agenda item (plain text only)."""
    st.header(ctx.t("present.notes_title"))
    if not notes:
        st.markdown(plain(ctx.t("present.no_notes")))
        return
    lines = []
    for note in notes:
        item = int(note["item"])
        heading = slide_title(agenda.items[item], ctx, names) if item < len(agenda.items) else "?"
        parts = [plain(note["decision"] or note["note"])]
        if note["owner_opd"]:
            parts.append(plain(ctx.t("present.owner_short", owner=note["owner_opd"])))
        if note["due_date"]:
            parts.append(plain(ctx.t("present.due_short", date=format_date(note["due_date"], ctx.lang))))
        lines.append(f"- **{item + 1}. {plain(heading)}**: " + " · ".join(parts))
    st.markdown("\n".join(lines))


def status_caption(status, ctx) -> str:
    """One line naming the frozen data (for the foot of every slide)."""
    years = sorted({s.year for s in status.snapshots})
    text = ctx.t("present.frozen_line", count=len(status.snapshots), date=format_date(status.as_of, ctx.lang),
                 years=f"{years[0]}–{years[-1]}" if years else "–")
    if status.newer:
        text += " " + ctx.t("present.newer_short")
    return text
