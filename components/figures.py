"""The main figure of each view, built from data frames, shared by the pages and the slides.

A page and a slide of the same view call the same function, so what the room sees is what the
page shows. The caller fetches the data (live through `components.cached`, or frozen to an agenda's
snapshots through `sections.present.agenda_data`) and draws the result; nothing here reads the store.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts.bars import band_distribution
from charts.profiles import dumbbell, heatmap, lines, radar
from charts.series import series_figure
from charts.theme import BAND_COLOURS, CHART_CONFIG, NEUTRAL
from components import cached
from i18n import format_number
from scoring import INDEX_CODE, band_for, round_score, summaries
from views.region import radar_series, rank_lines, region_benchmarks


def score_units(ctx, framework) -> str:
    """The units line of a score chart: "skor 0–4", on the framework's scale (0..max_level)."""
    return ctx.t("chart.units_score", top=framework.max_level)


def band_distribution_figure(ctx, framework, dimension_scores: pd.DataFrame, region_codes) -> go.Figure:
    """Regions per band in each dimension, for the regions in `region_codes`."""
    band_names = framework.band_names(ctx.lang)
    counts = summaries.band_counts(dimension_scores[dimension_scores["region_code"].isin(region_codes)])
    counts["label"] = counts["dimension"].map(framework.dimension_names(ctx.lang))
    order = {d.code: i for i, d in enumerate(framework.dimensions)}
    counts = counts.sort_values(by="dimension", key=lambda s: s.map(order))
    return band_distribution(counts, band_names,
                             ctx.chart_text(ctx.t("overview.bands_title"), ctx.t("overview.bands_units")),
                             ctx.t("overview.regions_word"))


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
    """The region against its province median, the national median and its target; also returns
    the gap table (indexed by dimension). `regions` is the region list indexed by code."""
    name, province = regions.loc[region, "name"], regions.loc[region, "province_name"]
    bench = region_benchmarks(framework, all_dimensions, region, regions["province_code"], targets)
    dimension_names = framework.dimension_names(ctx.lang)
    series = radar_series(ctx, name, province, bench)
    figure = radar([dimension_names[c] for c in bench["dimension"]], series,
                   ctx.chart_text(ctx.t("region.radar_title"), score_units(ctx, framework)),
                   top=framework.max_level)
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


def compare_radar(ctx, framework, matrix: pd.DataFrame, colours: dict[str, str] | None = None) -> go.Figure:
    """The compared regions' dimensions; `colours` (charts.labels.region_colours) by region name."""
    series = [(name, row.iloc[1:].tolist()) for name, row in matrix.iterrows()]
    title = ctx.t("compare.radar_title", count=len(matrix))
    return radar(list(matrix.columns[1:]), series, ctx.chart_text(title, score_units(ctx, framework)),
                 colours,
                 top=framework.max_level)


def compare_heatmap(ctx, framework, matrix: pd.DataFrame) -> go.Figure:
    cell_text = matrix.map(lambda v: format_number(v, ctx.lang))
    return heatmap(matrix, cell_text,
                   ctx.chart_text(ctx.t("compare.heatmap_title"), score_units(ctx, framework)),
                   ctx.t("word.score"), top=framework.max_level)


def gap_dumbbell(ctx, framework, name: str, gaps: pd.DataFrame) -> go.Figure:
    dimension_names = framework.dimension_names(ctx.lang)
    rows = pd.DataFrame({"label": gaps["dimension"].map(dimension_names), "score": gaps["score"],
                         "reference": gaps["target"]})
    rows.attrs["series_name"] = name
    return dumbbell(rows, ctx.chart_text(ctx.t("gaps.dimension_title"), score_units(ctx, framework)),
                    ctx.t("gaps.target"), ctx.t("word.score"), top=framework.max_level)


def trend_lines(ctx, framework, trend: pd.DataFrame, medians: pd.DataFrame, measure: str,
                method_changes: list[int] = (), colours: dict[str, str] | None = None) -> go.Figure:
    """Chosen regions' `measure` (ISC or a dimension code) over the years with the national median
    (grey), each change of method marked. `trend` and `medians` are the store's trend /
    national_medians output for the measure's kind; `colours` the page's region colours by name."""
    dimension_names = framework.dimension_names(ctx.lang)
    measure_name = ctx.t("word.index") if measure == INDEX_CODE else dimension_names[measure]
    trend = trend[trend["code"] == measure]
    medians = medians[medians["code"] == measure]
    series = pd.concat([
        pd.DataFrame({"year": trend["year"], "series": trend["name"], "score": trend["score"]}),
        pd.DataFrame({"year": medians["year"], "series": ctx.t("trends.national_median"),
                      "score": medians["score"]}),
    ])
    title = ctx.t("trends.lines_title", measure=measure_name, stage=ctx.stage)
    return lines(series, ctx.chart_text(title, score_units(ctx, framework)), ctx.t("word.score"),
                 {b.level: b.lower for b in framework.bands}, framework.band_names(ctx.lang),
                 method_marks(ctx, method_changes), {**(colours or {}), ctx.t("trends.national_median"): NEUTRAL},
                 top=framework.max_level)


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
