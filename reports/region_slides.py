"""The slides of one region: key figures, dimensions against benchmarks, trend, priority
indicators, owner OPDs. Every figure comes from a `RegionProfile` (the numbers of the pages)."""

from __future__ import annotations

import pandas as pd

from charts.theme import BAND_COLOURS, BAND_TEXT_COLOURS, NO_BAND_COLOUR, SERIES_COLOURS, TARGET_COLOUR
from reports import slides
from reports.official_report import official_line
from reports.profile import RegionProfile
from reports.slides import FULL, LEFT, RIGHT, Box
from scoring import INDEX_CODE
from scoring.bands import GAIN_DIGITS
from views.region import SLIDE_PRIORITIES, gaps_chart, radar_series, region_chart

DECK_PRIORITY_ROWS = 10
DECK_OPD_ROWS = 12


def band_fill(level) -> tuple[str, str]:
    """(fill, text colour) of a band level, as charts.theme colours it."""
    if level is None or pd.isna(level):
        return NO_BAND_COLOUR, "#1F2933"
    return BAND_COLOURS[int(level)], BAND_TEXT_COLOURS[int(level)]


def key_figures(slide, profile: RegionProfile, box: Box) -> None:
    """Index, band, change and rank in four boxes (two by two) inside `box`."""
    ctx = profile.context
    width, height = (box.width - 0.2) / 2, (box.height - 0.2) / 2
    change = (ctx.number(profile.improvement, signed=True) if profile.improvement is not None
              else ctx.t("region.no_previous"))
    fill, text_colour = band_fill(profile.band.level)
    figures = [
        (ctx.t("region.metric_index", year=ctx.year), ctx.number(profile.index), None, "#1F2933"),
        (ctx.t("region.metric_band"), ctx.band_label(profile.band), fill, text_colour),
        (ctx.t("reports.change_since", year=ctx.year - 1), change, None, "#1F2933"),
        (ctx.t("region.metric_rank"), ctx.t("region.rank_of", rank=profile.rank, total=profile.total), None,
         "#1F2933"),
    ]
    for number, (label, value, colour, text) in enumerate(figures):
        left = box.left + (number % 2) * (width + 0.2)
        top = box.top + (number // 2) * (height + 0.2)
        slides.key_figure(slide, Box(left, top, width, height), label, value, colour, text)


def dimension_bars(slide, profile: RegionProfile, box: Box) -> None:
    """Dimension scores as horizontal bars coloured by band, labelled "1,69 (Cukup)"."""
    ctx, table = profile.context, profile.benchmarks
    band_labels = profile.framework.band_labels(ctx.lang)
    labels = [f"{ctx.number(score)} ({band_labels[int(band)]})" if pd.notna(band) else ctx.number(score)
              for score, band in zip(table["score"], table["band"], strict=True)]
    slides.category_chart(slide, "bar", table["label"].tolist(), [(profile.name, table["score"].tolist())], box,
                          labels={0: labels}, point_colours={0: [band_fill(b)[0] for b in table["band"]]},
                          legend=False, value_range=(0, profile.framework.max_level))


def index_slide(deck, profile: RegionProfile, title: str | None = None) -> None:
    ctx = profile.context
    slide = slides.content_slide(deck, title or ctx.t("reports.index_title"), ctx.footer(profile.scope))
    key_figures(slide, profile, Box(0.5, 1.35, 5.6, 3.95))
    slides.add_text(slide, Box(0.5, 5.35, 5.6, 0.7), list(profile.ranks), size=11)
    dimension_bars(slide, profile, Box(6.3, 1.35, 6.53, 5.45))
    if profile.method_changed and profile.previous_framework is not None:
        text = ctx.t("region.method_changed", year=ctx.year, current=profile.framework.name(ctx.lang),
                     previous_year=ctx.year - 1, previous=profile.previous_framework.name(ctx.lang))
        slides.add_text(slide, Box(0.5, 6.05, 5.6, 0.8), [text], size=11, colour=slides.WARNING_COLOUR)


def benchmark_series(profile: RegionProfile) -> list[tuple[str, list]]:
    """The radar series of the region page: region, province median, national median, target."""
    return radar_series(profile.context, profile.name, profile.province, profile.benchmarks)


def radar_slide(deck, profile: RegionProfile, title: str | None = None) -> None:
    """Radar against province, nation and target (as the region page) beside the same numbers."""
    ctx, table = profile.context, profile.benchmarks
    slide = slides.content_slide(deck, title or ctx.t("region.radar_title"), ctx.footer(profile.scope))
    slides.model_chart(slide, region_chart(ctx, profile.framework, profile.name, profile.province, table),
                       Box(0.5, 1.35, 6.3, 5.45))
    header = [ctx.t("word.dimension"), profile.name, ctx.t("region.series_province", province=profile.province),
              ctx.t("region.series_national"), ctx.t("region.series_target")]
    rows = [[label, *(ctx.number(v) for v in values)] for label, *values in
            table[["label", "score", "province_median", "national_median", "target"]].itertuples(index=False)]
    fills = {(row, 1): band_fill(band) for row, band in enumerate(table["band"])}
    slides.add_table(slide, header, rows, Box(7.0, 1.35, 5.83, 3.6), widths=[1.83, 1.0, 1.0, 1.0, 1.0], size=11,
                     fills=fills)
    if not profile.has_own_targets:
        slides.add_text(slide, Box(7.0, 5.5, 5.83, 1.0), [ctx.t(
            "region.target_national", value=ctx.number(table["target"].iloc[0]))], size=12,
            colour=slides.MUTED_COLOUR)


def trend_slide(deck, profile: RegionProfile) -> None:
    """Index and dimensions over the years (stage of the deck); the index line carries its values."""
    ctx, trend = profile.context, profile.trend
    slide = slides.content_slide(deck, ctx.t("region.trend_title", stage=ctx.stage), ctx.footer(profile.scope))
    years = sorted(trend["year"].unique())
    series = []
    for code in [INDEX_CODE, *[d.code for d in profile.framework.dimensions]]:
        rows = trend[trend["code"] == code]
        if not rows.empty:
            by_year = rows.set_index("year")["score"]
            series.append((rows["series"].iloc[0], [by_year.get(y) for y in years]))
    labels = {0: [ctx.number(v) if v is not None else "" for v in series[0][1]]} if series else {}
    slides.category_chart(slide, "line", [str(y) for y in years], series, FULL, labels=labels,
                          value_range=(0, profile.framework.max_level))


def priority_rows(profile: RegionProfile, count: int) -> tuple[list[str], list[list[str]]]:
    """The gaps page's priority table (top `count`): code, indicator, dimension, OPD, levels, gain."""
    ctx, top = profile.context, profile.priority.head(count)
    names = profile.dimension_names()
    header = [ctx.t("region.col_code"), ctx.t("region.col_indicator"), ctx.t("word.dimension"),
              ctx.t("region.col_owner"), ctx.t("region.col_counts"), ctx.t("gaps.col_next_action"),
              ctx.t("gaps.col_gain")]
    rows = [[r.indicator_code, profile.framework.indicator(r.indicator_code).name(ctx.lang), names[r.dimension],
             r.owner_opd, str(int(r.effective_level)),
             f"{ctx.t('gaps.kind_' + r.next_action)} {r.from_level}→{r.to_level}",
             ctx.number(r.index_gain, digits=GAIN_DIGITS, signed=True)] for r in top.itertuples()]
    return header, rows


def priority_slide(deck, profile: RegionProfile, count: int = DECK_PRIORITY_ROWS) -> None:
    ctx = profile.context
    slide = slides.content_slide(deck, ctx.t("gaps.priority_title"), ctx.footer(profile.scope))
    header, rows = priority_rows(profile, count)
    if not rows:
        slides.add_text(slide, FULL, [ctx.t("reports.no_priority")], size=20)
        return
    slides.add_table(slide, header, rows, Box(0.5, 1.35, 12.33, 0.4 * (len(rows) + 1)),
                     widths=[1.3, 4.6, 1.6, 2.0, 0.85, 0.85, 1.13], size=12)


def opd_rows(profile: RegionProfile, count: int | None = None) -> tuple[list[str], list[list[str]]]:
    """The gaps page's OPD table (the `count` OPDs with the largest gain; all by default)."""
    ctx, opds = profile.context, profile.opds.head(count)
    header = [ctx.t("region.col_owner"), ctx.t("gaps.col_indicators"), ctx.t("gaps.col_gain"),
              ctx.t("gaps.col_below"), ctx.t("gaps.col_missing_evidence"), ctx.t("gaps.col_over_claims")]
    rows = [[r.owner_opd, str(r.indicators), ctx.number(r.index_gain, digits=GAIN_DIGITS), str(r.below_target),
             str(r.missing_evidence), str(r.over_claims)] for r in opds.itertuples()]
    return header, rows


def opd_slide(deck, profile: RegionProfile, count: int = DECK_OPD_ROWS) -> None:
    """Index gain per owner OPD (bars, as the gaps page) beside the OPD table; the `count` OPDs
    with the largest gain, and a note saying how many there are in all."""
    ctx, opds = profile.context, profile.opds.head(count)
    slide = slides.content_slide(deck, ctx.t("gaps.opd_title"), ctx.footer(profile.scope))
    labels = [ctx.number(v, digits=GAIN_DIGITS) for v in opds["index_gain"]]
    chart = slides.category_chart(slide, "bar", opds["owner_opd"].tolist(),
                                  [(ctx.t("gaps.col_gain"), opds["index_gain"].tolist())], Box(0.5, 1.35, 5.2, 5.45),
                                  labels={0: labels}, legend=False, value_range=None)
    chart.value_axis.visible = False
    header, rows = opd_rows(profile, count)
    slides.add_table(slide, header, rows, Box(5.9, 1.35, 6.93, 0.36 * (len(rows) + 1)),
                     widths=[2.1, 0.9, 0.95, 0.95, 1.03, 1.0], size=10)
    if len(profile.opds) > count:
        slides.add_text(slide, Box(5.9, 6.45, 6.93, 0.4), [ctx.t("reports.top_opds", shown=count,
                                                                 total=len(profile.opds))],
                        size=11, colour=slides.MUTED_COLOUR)


def gaps_slide(deck, profile: RegionProfile, title: str) -> None:
    """One slide of the gaps view: dimension score against target, and the top priorities."""
    ctx, table = profile.context, profile.benchmarks
    slide = slides.content_slide(deck, title, ctx.footer(profile.scope))
    chart = gaps_chart(ctx, profile.framework, profile.name, table)
    labels = {number: [ctx.number(v) for v in values] for number, (_, values) in enumerate(chart.series)}
    slides.model_chart(slide, chart, Box(0.5, 1.35, 6.0, 5.45), labels=labels,
                       point_colours={0: [band_fill(b)[0] for b in table["band"]]},
                       colours=[SERIES_COLOURS[0], TARGET_COLOUR])
    header, rows = priority_rows(profile, SLIDE_PRIORITIES)
    keep = [0, 1, 3, 6]   # code, indicator, OPD, gain: what fits beside the chart
    slides.add_table(slide, [header[i] for i in keep], [[row[i] for i in keep] for row in rows],
                     Box(6.7, 1.35, 6.13, 0.42 * (len(rows) + 1)), widths=[1.0, 2.93, 1.4, 0.8], size=10)


def region_summary_slide(deck, profile: RegionProfile, title: str) -> None:
    """One slide of the region view: the radar against benchmarks beside index, band and change."""
    ctx, table = profile.context, profile.benchmarks
    slide = slides.content_slide(deck, title, ctx.footer(profile.scope))
    slides.model_chart(slide, region_chart(ctx, profile.framework, profile.name, profile.province, table), LEFT)
    key_figures(slide, profile, Box(RIGHT.left, RIGHT.top, RIGHT.width, 4.6))
    line = official_line(profile)   # the published figure of the year, where one is recorded
    if line:
        slides.add_text(slide, Box(RIGHT.left, RIGHT.top + 4.7, RIGHT.width, 0.75), [line], size=11,
                        colour=slides.MUTED_COLOUR)
