"""Slides for the meeting room: one agenda view per screen, large type, no widgets.

Each slide draws the same figure as its page (components/figures.py) from the agenda's frozen data,
then enlarges it for a projector. Text from an agenda or a meeting note is untrusted (anyone can
craft a link): it goes through `plain()` before st.markdown, and never into HTML.
"""

from __future__ import annotations

import textwrap
from dataclasses import replace

import plotly.graph_objects as go
import streamlit as st

from charts.labels import VALUE_FONT_SIZE
from charts.theme import CHART_CONFIG
from components import cached, figures, official
from components.claims import claims_figure, failed_label
from components.tables import standing_frame
from components.text import plain
from i18n import format_date, format_number, format_percent
from scoring import INDEX_CODE, STAGES
from scoring.bands import GAIN_DIGITS
from sections.present import action_slides
from sections.present.slide_assets import CLICKER_SCRIPT, PROJECTOR_CSS
from views.claims import claims_model
from views.compare import compare_chart, compared_regions, listed
from views.overview import OverviewSelection, overview_model, scope_line, scope_title
from views.region import gaps_model
from views.trends import trend_chart, trend_measure, trend_regions

SLIDE_TITLE_CHARACTERS = 60   # a chart title's line on a slide (28 px type, a half-screen-wide chart)
SLIDE_LINE_PX, SLIDE_TITLE_PAD_PX = 34, 22   # the chart title block's lines and the room above/below
SLIDE_ANNOTATION_PX = 16   # annotations (band labels, value columns) on a slide
COMPARE_RADAR_HEIGHT = (0.16, 0.84)   # the compare slide's radar, as a share of its chart's height
SLIDE_CHART_CONFIG = {**CHART_CONFIG, "displayModeBar": False}   # a room sees the chart, never plotly's toolbar


def projector_mode() -> None:
    st.markdown(PROJECTOR_CSS, unsafe_allow_html=True)


def clicker_keys() -> None:
    """Let ← → and PageUp/PageDown (a presentation clicker) press the Previous/Next buttons.
    Streamlit has no key events; this constant script (no user text) listens in the page."""
    st.html(CLICKER_SCRIPT, unsafe_allow_javascript=True)


def projector(figure: go.Figure) -> go.Figure:
    """The figure with type readable from the back of a room (same data, same labels), without a
    height of its own: `draw` stretches it to the space its slide leaves. Legends stand at the
    right of the plot, where a 16:9 screen has room, not under it where they would take height."""
    title, lines = _slide_title(figure.layout.title.text or "")
    # a value column right of the plot (charts.labels.value_column) keeps its room, grown with its font
    right = max(20, round((figure.layout.margin.r or 0) * SLIDE_ANNOTATION_PX / VALUE_FONT_SIZE))
    figure.update_layout(font=dict(size=22), title=dict(text=title, font=dict(size=28)),
                         legend=dict(font=dict(size=20), orientation="v", x=1.02, xanchor="left", y=1,
                                     yanchor="top", yref="paper"),
                         margin=dict(l=20, r=right, t=SLIDE_TITLE_PAD_PX + SLIDE_LINE_PX * lines, b=30),
                         height=None)
    figure.update_xaxes(automargin=True, title_standoff=8)
    figure.update_yaxes(automargin=True)
    figure.update_annotations(font_size=SLIDE_ANNOTATION_PX)
    figure.update_traces(textfont_size=22)
    # the radar's circle is as tall as the slide allows; its centre moves right of the middle so the
    # names at 22 px on its left ("Smart Living") stay inside the chart (the legend is on the right)
    figure.update_polars(angularaxis_tickfont_size=22, radialaxis_tickfont_size=16,
                         domain=dict(x=[0.2, 1.0], y=[0.04, 0.96]))
    for trace in figure.data:
        if trace.type in ("scatter", "scatterpolar"):
            trace.marker.size = max(trace.marker.size or 0, 11)
            trace.line.width = max(trace.line.width or 0, 4)
    return figure


def _slide_title(text: str) -> tuple[str, int]:
    """The chart's title block re-flowed for a slide, and its number of lines. Chart builders wrap a
    title to fit a phone (" <br>" between lines, the units and source as <sup> lines); a slide is
    wide, so the title is one line again (wrapped only past SLIDE_TITLE_CHARACTERS) and the units
    and source share one small line."""
    title, *subtitles = text.split("<br><sup>")
    words = " ".join(title.replace("<br>", " ").split())
    title_lines = textwrap.wrap(words, SLIDE_TITLE_CHARACTERS, break_long_words=False) or [words]
    subtitle = " · ".join(part.removesuffix("</sup>").strip() for part in subtitles)
    block = "<br>".join(title_lines) + (f"<br><sup>{subtitle}</sup>" if subtitle else "")
    return block, len(title_lines) + (1 if subtitle else 0)


def draw(figure: go.Figure, key: str, container=st, radar_height: tuple[float, float] | None = None) -> None:
    """The figure enlarged for the room, stretched to its space; `radar_height`: the radar's share of it."""
    # Streamlit's own chart theme would reset the font sizes; the Matra template carries the rest.
    alt = figures.plain_title(figure)   # the whole title, before projector() re-flows it
    figure = projector(figure)
    if radar_height:
        figure.update_polars(domain=dict(y=radar_height))
    container.plotly_chart(figure, key=key, config=SLIDE_CHART_CONFIG, alt=alt, theme=None, height="stretch")


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
    return scope_title(OverviewSelection.from_params(params, provinces), provinces,
                       cached.group_names(ctx.lang), ctx.t, ctx.year, ctx.stage)


def overview_slide(item, ctx, source, framework, regions) -> None:
    provinces = dict(zip(regions["province_code"], regions["province_name"], strict=False))
    selection = OverviewSelection.from_params(item.params, provinces)
    scope = scope_line(selection, provinces, cached.group_names(ctx.lang), ctx.t, ctx.t("present.national"))
    model = overview_model(source, ctx.year, ctx.stage, selection, framework, ctx.lang)
    if model.rows.empty:
        st.markdown(f"**{plain(scope)}**")
        st.info(ctx.t("overview.no_match"))
        return
    head = model.headline
    side, chart = st.columns([1, 3], gap="medium")
    side.markdown(f"**{plain(scope)}**")
    side.metric(ctx.t("overview.metric_regions"), f"{head.regions_assessed}")
    side.metric(ctx.t("overview.metric_median"), format_number(head.median_index, ctx.lang))
    side.metric(ctx.t("overview.metric_share", band=framework.band_labels(ctx.lang)[framework.minimum_target_band]),
                format_percent(head.share_at_minimum_band, ctx.lang))
    draw(figures.band_figure(ctx, framework, model.chart), "slide_bands", chart)


def assessed_rows(item, ctx, regions, read):
    """The item's region and `read(region, year, stage)`; rows None (said so) when not assessed."""
    region = item.params.get("region", "")
    rows = read(region, ctx.year, ctx.stage) if region in regions.index else None
    if rows is None or rows.empty:
        st.info(ctx.t("present.not_assessed", year=ctx.year, stage=ctx.stage))
        return region, None
    return region, rows


def region_slide(item, ctx, source, framework, regions) -> None:
    region, scores = assessed_rows(item, ctx, regions, source.region_scores)
    if scores is None:
        return
    ranking = source.ranking(ctx.year, ctx.stage).set_index("region_code")
    key_figures, chart = st.columns([1, 2], vertical_alignment="center")
    figures.region_metrics(ctx, framework, ranking, region, (key_figures, key_figures, key_figures))
    official.slide_line(ctx, region, key_figures)
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
    chart = compare_chart(framework, names, assessed, source.scores(ctx.year, ctx.stage, "dimension"), ctx.lang,
                          index_scores, ctx.t("word.index"))
    ranking = source.ranking(ctx.year, ctx.stage)
    # the band-and-rank table takes the foot of the slide: the radar's circle leaves its names room
    draw(figures.compare_figure(ctx, framework, chart, ranking.set_index("name")["band"]), "slide_compare",
         radar_height=COMPARE_RADAR_HEIGHT)
    st.dataframe(standing_frame(ranking, assessed, ctx, framework.band_names(ctx.lang),
                                cached.group_names(ctx.lang)), hide_index=True, width="stretch", key="slide_standing")


def gaps_slide(item, ctx, source, framework, regions) -> None:
    region, grid = assessed_rows(item, ctx, regions, source.region_indicators)
    if grid is None:
        return
    model = gaps_model(ctx, framework, regions.loc[region, "name"], source.region_scores(region, ctx.year, ctx.stage),
                       grid, source.targets(region, ctx.year))
    chart, side = st.columns([3, 2])
    draw(figures.gap_bars(ctx, framework, model.chart, model.gaps["band"]), "slide_gaps", chart)
    side_list(side, ctx.t("present.priorities"), [
        f"{plain(framework.indicator(row.indicator_code).name(ctx.lang))} — {plain(row.owner_opd)} "
        f"({plain(format_number(row.index_gain, ctx.lang, digits=GAIN_DIGITS, signed=True))})"
        for row in model.priorities.itertuples()], ctx.t("present.no_priorities"))


def side_list(container, title: str, lines: list[str], empty: str) -> None:
    """A bold title and a numbered list beside a slide's chart (`lines` already made plain), or `empty`."""
    container.markdown(f"**{plain(title)}**")
    container.markdown("\n".join(f"{number}. {line}" for number, line in enumerate(lines, start=1)) or plain(empty))


def trends_slide(item, ctx, source, framework, regions) -> None:
    ranked = source.ranking(ctx.year, ctx.stage)["region_code"].tolist()
    chosen = trend_regions(item.params, ranked, set(regions.index))
    measure = trend_measure(item.params.get("dimension"), framework)
    chart = trend_chart(source.trend(tuple(chosen), ctx.stage, measure.kind),
                        source.national_medians(ctx.stage, measure.kind), measure, chosen, regions["name"],
                        ctx.t("trends.national_median"), framework.max_level, cached.official_table(ctx.data_version),
                        lambda name: ctx.t("official.series", name=name), ctx.lang)
    changes = [year for year in cached.method_changes(ctx.data_version, ctx.stage) if source.has(year, ctx.stage)]
    draw(figures.trend_lines(ctx, framework, chart, measure.code, changes), "slide_trend")
    official.trend_index_note(ctx, chosen, measure.code == INDEX_CODE)


def claims_slide(item, ctx, source, framework, regions) -> None:
    """Stage I claims against stage II verification of one region: per dimension, and the OPDs
    whose claims cost the most index points."""
    region = item.params.get("region", "")
    model = claims_model(source.claims(ctx.year, (region,))) if region in regions.index else None
    if model is None:
        st.info(ctx.t("claims.none", year=ctx.year))
        return
    total = model.total
    claimed, verified, failed = st.columns(3)   # a row of key figures: a side column would be too tall
    claimed.metric(ctx.t("claims.metric_claimed"), format_number(total["claimed_index"], ctx.lang))
    verified.metric(ctx.t("claims.metric_verified"), format_number(total["verified_index"], ctx.lang))
    failed.metric(failed_label(ctx, total), format_percent(total["failed_share"], ctx.lang, digits=1))
    chart, side = st.columns([3, 2])
    draw(claims_figure(ctx, framework, model), "slide_claims", chart)
    side_list(side, ctx.t("claims.opd_title"), [
        f"{plain(row.key)} — {row.failed}/{row.claims} "
        f"({plain(format_number(row.points_lost, ctx.lang, digits=GAIN_DIGITS))})"
        for row in model.top_opds.itertuples()], ctx.t("claims.no_failed"))


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
    """One short line naming the frozen data: its date and years, and whether newer data exists (the
    foot of every slide, in type a room reads: slide_assets.PROJECTOR_CSS, .st-key-slide_footer)."""
    years = sorted({s.year for s in status.snapshots})
    text = ctx.t("present.frozen_line", date=format_date(status.as_of, ctx.lang),
                 years=f"{years[0]}–{years[-1]}" if years else "–")
    if status.newer:
        text += " · " + ctx.t("present.newer_short")
    return text


def footer(status, ctx) -> None:
    with st.container(key="slide_footer"):
        st.caption(plain(status_caption(status, ctx)))
