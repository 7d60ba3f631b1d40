"""The main figure of each view, built from data frames, shared by the pages and the slides.

A page and a slide of the same view call the same function, so what the room sees is what the
page shows. The caller fetches the data (live through `components.cached`, or frozen to an agenda's
snapshots through `sections.present.agenda_data`) and draws the result; nothing here reads the store.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts.profiles import heatmap, lines
from charts.series import line_frame, series_figure
from charts.theme import (
    BAND_COLOURS,
    BAND_TEXT_COLOURS,
    CHART_CONFIG,
    NEUTRAL,
    NO_BAND_COLOUR,
    SERIES_COLOURS,
    TARGET_COLOUR,
)
from components import cached
from i18n import format_number
from scoring import INDEX_CODE, band_for, round_score
from views.chart import SeriesChart
from views.overview import band_chart
from views.region import rank_lines, region_benchmarks, region_chart


def score_units(ctx, framework) -> str:
    """The units line of a score chart: "skor 0–4", on the framework's scale (0..max_level)."""
    return ctx.t("chart.units_score", top=framework.max_level)


def view_figure(ctx, chart: SeriesChart, title: str, units: str, value_label: str = "", **options) -> go.Figure:
    """The plotly figure of a view's chart model (views.chart.SeriesChart) through charts.series, the
    one builder of its kind: the page, the live slide and the PDF handout draw a view alike."""
    return series_figure(chart.kind, chart.categories, chart.series, ctx.chart_text(title, units), top=chart.top,
                         value_label=value_label, **options)


def band_distribution_figure(ctx, framework, dimension_scores: pd.DataFrame, region_codes) -> go.Figure:
    """Regions per band in each dimension, for the regions in `region_codes` (views.overview.band_chart)."""
    return band_figure(ctx, framework, band_chart(framework, dimension_scores, region_codes, ctx.lang))


def band_figure(ctx, framework, chart: SeriesChart) -> go.Figure:
    """The overview's chart (views.overview.band_chart) in band colours."""
    return view_figure(ctx, chart, ctx.t("overview.bands_title"), ctx.t("overview.bands_units"),
                       ctx.t("overview.regions_word"), colours=[BAND_COLOURS[b.level] for b in framework.bands],
                       text_colours=[BAND_TEXT_COLOURS[b.level] for b in framework.bands])


def change_metric(container, label: str, value: str, change: float, lang: str, digits: int = 2, **kwargs) -> None:
    """A metric with a shown change (format_number, signed, `digits`); a change that shows as zero
    is neutral: grey, no arrow (Streamlit draws a green up arrow on "0,00")."""
    zero = round_score(float(change), digits) == 0
    container.metric(label, value, delta=format_number(change, lang, digits=digits, signed=True),
                     delta_color="off" if zero else "normal", delta_arrow="off" if zero else "auto", **kwargs)


def region_metrics(ctx, framework, ranking: pd.DataFrame, region: str, columns) -> None:
    """Index with its change, band, and national rank of one region, in three columns.
    `ranking` is indexed by region_code."""
    row = ranking.loc[region]
    band = band_for(row["index"], framework)
    left, middle, right = columns
    delta = (format_number(row["improvement"], ctx.lang, signed=True) if pd.notna(row["improvement"])
             else ctx.t("region.no_previous"))
    left.metric(ctx.t("region.metric_index", year=ctx.year), format_number(row["index"], ctx.lang), delta,
                delta_color="normal" if pd.notna(row["improvement"]) else "off")
    middle.metric(ctx.t("region.metric_band"), band.label(ctx.lang))
    rank_delta = None if pd.isna(row["rank_change"]) else int(row["rank_change"])
    right.metric(ctx.t("region.metric_rank"), ctx.t("region.rank_of", rank=int(row["rank"]), total=len(ranking)),
                 rank_delta)
    for line in rank_lines(row, ctx.t, cached.group_names(ctx.lang)):
        right.caption(line)


def region_radar(ctx, framework, region: str, regions: pd.DataFrame, all_dimensions: pd.DataFrame,
                 targets: dict[str, float]) -> tuple[go.Figure, pd.DataFrame]:
    """The region against its province median, the national median and its target
    (views.region.region_chart); also returns the gap table (indexed by dimension). `regions` is the
    region list indexed by code."""
    name, province = regions.loc[region, "name"], regions.loc[region, "province_name"]
    bench = region_benchmarks(framework, all_dimensions, region, regions["province_code"], targets)
    chart = region_chart(ctx, framework, name, province, bench)
    figure = view_figure(ctx, chart, ctx.t("region.radar_title"), score_units(ctx, framework))
    return figure, bench.set_index("dimension")


def compare_matrix(ctx, framework, names: dict[str, str], codes: list[str], index_scores: pd.DataFrame,
                   dimension_scores: pd.DataFrame) -> pd.DataFrame:
    """Regions (rows, by name, in `codes` order) x [index, *dimension names] scores."""
    dimension_codes = [d.code for d in framework.dimensions]
    wide = (dimension_scores[dimension_scores["region_code"].isin(codes)]
            .pivot(index="region_code", columns="dimension", values="score")
            .reindex(index=codes, columns=dimension_codes))
    matrix = wide.copy()
    matrix.insert(0, INDEX_CODE, index_scores.set_index("region_code")["index"].reindex(codes))
    matrix.index = [names[c] for c in matrix.index]
    matrix.columns = [ctx.t("word.index"), *[d.name(ctx.lang) for d in framework.dimensions]]
    return matrix


def compare_radar(ctx, framework, chart: SeriesChart, colours: dict[str, str] | None = None) -> go.Figure:
    """The compared regions' dimensions (views.compare.compare_chart); `colours`
    (charts.labels.region_colours) by region name."""
    title = ctx.t("compare.radar_title", count=len(chart.series))
    return view_figure(ctx, chart, title, score_units(ctx, framework), colours=colours)


def compare_heatmap(ctx, framework, matrix: pd.DataFrame) -> go.Figure:
    cell_text = matrix.map(lambda v: format_number(v, ctx.lang))
    return heatmap(matrix, cell_text,
                   ctx.chart_text(ctx.t("compare.heatmap_title"), score_units(ctx, framework)),
                   ctx.t("word.score"), top=framework.max_level)


def gap_bars(ctx, framework, chart: SeriesChart, bands) -> go.Figure:
    """Score (band-coloured, `bands` one level per dimension, the band's name printed on the bar as the
    region page's bars, so no legend swatch for it) against target per dimension (views.region.gaps_chart)."""
    point_colours = {0: [BAND_COLOURS.get(int(b), NO_BAND_COLOUR) if pd.notna(b) else NO_BAND_COLOUR for b in bands]}
    band_names = framework.band_names(ctx.lang)

    def shown(score, band) -> str:   # "2,31 (Cukup)" as score_bars prints it; no score, no text
        if score is None or pd.isna(score):
            return ""
        return f"{format_number(score, ctx.lang)} ({band_names[int(band)]})" if pd.notna(band) else \
            format_number(score, ctx.lang)

    texts = {0: [shown(score, band) for score, band in zip(chart.series[0][1], bands, strict=True)]}
    return view_figure(ctx, chart, ctx.t("gaps.dimension_title"), score_units(ctx, framework), ctx.t("word.score"),
                       colours=[SERIES_COLOURS[0], TARGET_COLOUR], point_colours=point_colours, value_texts=texts)


def trend_lines(ctx, framework, chart: SeriesChart, measure: str, method_changes: list[int] = (),
                colours: dict[str, str] | None = None) -> go.Figure:
    """The trend view's chart (views.trends.trend_chart: the chosen regions' `measure`, ISC or a
    dimension code, over the years, the national median last of the lines, in grey, and the published
    results as labelled diamonds in their region's colour) with the band boundaries and each change
    of method marked; `colours` the page's region colours by name."""
    dimension_names = framework.dimension_names(ctx.lang)
    measure_name = ctx.t("word.index") if measure == INDEX_CODE else dimension_names[measure]
    series = line_frame(chart.categories, chart.series, chart.value_texts())
    title = ctx.t("trends.lines_title", measure=measure_name, stage=ctx.stage)
    median = [name for name in chart.names if name not in chart.marker_lines][-1]
    return lines(series, ctx.chart_text(title, score_units(ctx, framework)), ctx.t("word.score"),
                 {b.level: b.lower for b in framework.bands}, framework.band_names(ctx.lang),
                 method_marks(ctx, method_changes), {**(colours or {}), median: NEUTRAL}, top=chart.top,
                 markers=chart.marker_lines)


def method_marks(ctx, years) -> dict[int, str]:
    """year -> "Metode berubah 2022" for the trend charts' marked years."""
    return {year: ctx.t("trends.method_mark", year=year) for year in years}


def draw(figure: go.Figure, key: str, container=st, theme: str | None = "streamlit") -> None:
    """Draw a figure with its title as the accessible description."""
    container.plotly_chart(figure, key=key, config=CHART_CONFIG, alt=plain_title(figure), theme=theme)


def plain_title(figure: go.Figure) -> str:
    """The figure's title without its subtitle, on one line (charts.theme.finish may wrap it)."""
    title = (figure.layout.title.text or "").split("<br><sup>")[0]
    return title.replace(" <br>", " ").replace("<br>", " ")


def compare_figure(ctx, framework, chart: SeriesChart, bands: pd.Series,
                   colours: dict[str, str] | None = None) -> go.Figure:
    """The comparison's picture (views.compare.compare_chart): the radar of up to MAX_REGIONS regions
    (`colours` by name), or a whole province's index as bars (`bands`: region name -> band)."""
    if chart.kind == "bar":
        return compare_bars(ctx, framework, chart, bands)
    return compare_radar(ctx, framework, chart, colours)


def compare_bars(ctx, framework, chart, bands: pd.Series) -> go.Figure:
    """A whole province compared (views.compare.compare_chart's bars): each region's index, highest
    first, in its band's colour with the value and the band's name printed. `bands`: name -> band."""
    band_names = framework.band_names(ctx.lang)
    [(_, values)] = chart.series
    levels = [int(bands[name]) for name in chart.categories]
    title = ctx.t("compare.bars_title", count=len(chart.categories))
    return series_figure("bar", chart.categories, chart.series, ctx.chart_text(title, score_units(ctx, framework)),
                         top=chart.top, value_label=ctx.t("word.score"),
                         point_colours={0: [BAND_COLOURS[level] for level in levels]},
                         value_texts={0: [f"{format_number(v, ctx.lang)} · {band_names[level]}"
                                          for v, level in zip(values, levels, strict=True)]})
