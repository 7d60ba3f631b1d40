"""A4 PDF of one region profile, in Indonesian or English (fpdf2).

Header (name, province, year, stage, data as of, the synthetic-data notice), index + band + change +
the fewest actions to the next band, the national, province, kind and evaluation-group ranks side by
side, the fewest actions to the next band of the index and each dimension (scoring.plan_next_band, as
the gaps page), the region page's radar and trend charts as PNG images (kaleido + chromium, see
reports.images), the dimension table, the top priority indicators (gaps) and the owner-OPD table.
The content flows from page to page (a block moves to the next page only when it does not fit);
table columns are as wide as their widest word (reports.pdf_tables). Every page ends with the
source, data-as-of and filters line and a page count.
"""

from __future__ import annotations

import io
import struct

from charts.profiles import lines, radar
from reports import fonts
from reports.errors import ExportUnavailable
from reports.images import browser_session, figure_png, unavailable_reason
from reports.official_report import official_rows, source_texts
from reports.pdf_tables import table
from reports.profile import RegionProfile, region_profile
from reports.region_slides import band_fill, benchmark_series, opd_rows, priority_rows
from reports.tables import action_text
from scoring import INDEX_SCOPE
from scoring.bands import GAIN_DIGITS

PDF_PRIORITY_ROWS = 10
IMAGE_WIDTH_PX = 1000
CONTENT_WIDTH_MM = 180
LABEL_LINE_MM = 3.6
MIN_IMAGE_SHARE = 0.7     # a chart may shrink to this share of its height to finish a page
KEEP_WITH_HEADING_MM = 30   # a heading moves to the next page unless this much of its block fits under it
MUTED = (82, 96, 109)
WARNING = (180, 77, 18)
PLAIN_BOX = ("#F5F7FA", "#1F2933")


def profile_pdf(store, region: str, year: int, stage: str, lang: str) -> bytes:
    """The PDF bytes. ExportRefused for a bad request; ExportUnavailable (with how to enable it)
    when chart images cannot be made because kaleido or chromium is missing."""
    profile = region_profile(store, region, year, stage, lang)
    reason = unavailable_reason()
    if reason:
        raise ExportUnavailable(reason)
    ctx = profile.context
    units = ctx.t("chart.units_score", top=profile.framework.max_level)
    with browser_session():   # one chromium for both images, stopped before the PDF is laid out
        radar_png = figure_png(radar(profile.benchmarks["label"].tolist(), benchmark_series(profile),
                                     ctx.chart_text(ctx.t("region.radar_title"), units),
                                     top=profile.framework.max_level),
                               width=IMAGE_WIDTH_PX)
        bands = profile.framework.bands
        trend_text = ctx.chart_text(ctx.t("region.trend_title", stage=ctx.stage), units)
        trend_png = figure_png(lines(profile.trend[["year", "series", "score"]], trend_text, ctx.t("word.score"),
                                     {b.level: b.lower for b in bands}, profile.framework.band_names(ctx.lang),
                                     top=profile.framework.max_level),
                               width=IMAGE_WIDTH_PX)
    pdf = fonts.ProfileDocument(footer_text=ctx.footer(profile.scope),
                                page_text=lambda page: ctx.t("reports.page", page=page, pages="{nb}"))
    pdf.set_title(ctx.t("region.title", name=profile.name))
    pdf.set_lang(lang)
    pdf.set_creator(ctx.t("reports.generated"))
    pdf.add_page()
    _header(pdf, profile)
    _key_figures(pdf, profile)
    _next_band(pdf, profile)
    _image(pdf, radar_png)
    _dimension_table(pdf, profile)
    _image(pdf, trend_png)
    if not profile.official.empty:
        _heading(pdf, ctx.t("official.report_heading"))
        header, rows = official_rows(profile)
        table(pdf, header, rows, (16, 34, 28, 24, 42, 36), size=8)
        pdf.ln(2)
        for line in [ctx.t("official.region_intro", synthetic=ctx.t("official.synthetic_note") if ctx.synthetic
                           else ""), *source_texts(profile)]:
            pdf.write_line(line, size=8)
        pdf.ln(2)
    _heading(pdf, ctx.t("gaps.priority_title"))
    header, rows = priority_rows(profile, PDF_PRIORITY_ROWS)
    if rows:
        table(pdf, header, rows, (20, 58, 24, 28, 14, 14, 22), size=8)
    else:
        pdf.write_line(ctx.t("reports.no_priority"), size=10)
    pdf.ln(4)
    _heading(pdf, ctx.t("gaps.opd_title"))
    header, rows = opd_rows(profile)
    table(pdf, header, rows, (52, 22, 26, 26, 28, 26), size=8)
    return bytes(pdf.output())


def _header(pdf, profile: RegionProfile) -> None:
    ctx = profile.context
    pdf.write_line(ctx.t("region.title", name=profile.name), size=20, bold=True)
    pdf.write_line(ctx.t("reports.region_subtitle", province=profile.province, year=ctx.year, stage=ctx.stage),
                   size=12)
    pdf.write_line(ctx.source, size=9, colour=MUTED)
    if ctx.synthetic:
        pdf.write_line(ctx.t("reports.synthetic_notice"), size=10, bold=True, colour=WARNING)
    if profile.method_changed and profile.previous_framework is not None:
        pdf.write_line(ctx.t("region.method_changed", year=ctx.year, current=profile.framework.name(ctx.lang),
                             previous_year=ctx.year - 1, previous=profile.previous_framework.name(ctx.lang)),
                       size=9, colour=WARNING)
    pdf.ln(2)


def _key_figures(pdf, profile: RegionProfile) -> None:
    """Two rows of boxes: index, band (band-coloured), change and the fewest actions to the next band;
    then the national rank with the province, kind and evaluation-group ranks beside it."""
    ctx = profile.context
    change = (ctx.number(profile.improvement, signed=True) if profile.improvement is not None
              else ctx.t("region.no_previous"))
    plan = profile.plans[INDEX_SCOPE]
    if plan.next_band is None:
        next_label, next_value = ctx.t("reports.next_band_label"), ctx.t("reports.next_band_none")
    else:
        next_label = ctx.t("reports.next_band_box", band=ctx.band_label(plan.next_band))
        next_value = (ctx.t("reports.next_band_count", count=plan.action_count) if plan.reachable
                      else ctx.t("reports.next_band_out_of_reach"))
    _boxes(pdf, [(ctx.t("region.metric_index", year=ctx.year), ctx.number(profile.index), PLAIN_BOX),
                 (ctx.t("region.metric_band"), ctx.band_label(profile.band), band_fill(profile.band.level)),
                 (ctx.t("reports.change_since", year=ctx.year - 1), change, PLAIN_BOX),
                 (next_label, next_value, PLAIN_BOX)])
    _boxes(pdf, [(label, ctx.t("region.rank_of", rank=rank, total=total), PLAIN_BOX)
                 for label, rank, total in profile.rank_figures])
    pdf.ln(2)


def _boxes(pdf, figures) -> None:
    """One row of labelled figures across the page, as tall as its longest label; figures: (label,
    value, (fill, text colour))."""
    width, top = CONTENT_WIDTH_MM / len(figures), pdf.get_y()
    pdf.set_font(pdf.family_name, "", 8)
    label_lines = max(len(pdf.multi_cell(width - 6, LABEL_LINE_MM, pdf.safe(label), dry_run=True, output="LINES"))
                      for label, _, _ in figures)
    value_top = 1.5 + label_lines * LABEL_LINE_MM + 2
    height = value_top + 9
    for number, (label, value, (fill_colour, text_colour)) in enumerate(figures):
        left = pdf.l_margin + number * width
        pdf.set_fill_color(*fonts.rgb_tuple(fill_colour))
        pdf.set_text_color(*fonts.rgb_tuple(text_colour))
        pdf.rect(left + 1, top, width - 2, height, style="F")
        pdf.set_xy(left + 3, top + 1.5)
        pdf.set_font(pdf.family_name, "", 8)
        pdf.multi_cell(width - 6, LABEL_LINE_MM, pdf.safe(label), align="L")
        pdf.set_xy(left + 3, top + value_top)
        pdf.set_font(pdf.family_name, "B", 14 if len(value) < 12 else 10)
        pdf.multi_cell(width - 6, 6, pdf.safe(value), align="L")
    pdf.set_text_color(*fonts.TEXT)
    pdf.set_xy(pdf.l_margin, top + height + 2)


def _next_band(pdf, profile: RegionProfile) -> None:
    """The gaps page's path to the next band in brief: one row per scope (the index, then each
    dimension) with its score and band, the next band's lower bound, the fewest actions and the score
    after them; then the index's actions, one line each."""
    ctx, framework = profile.context, profile.framework
    names = framework.dimension_names(ctx.lang)
    _heading(pdf, ctx.t("reports.next_band_title"))
    header = [ctx.t("gaps.col_scope"), ctx.t("word.score"), ctx.t("word.band"), ctx.t("reports.col_next_band"),
              ctx.t("gaps.col_actions"), ctx.t("reports.col_score_after")]
    rows = []
    for scope, plan in profile.plans.items():
        label = ctx.t("gaps.path_scope_index") if scope == INDEX_SCOPE else names[scope]
        if plan.next_band is None:
            target, count, after = ctx.t("reports.next_band_none"), "–", "–"
        else:
            target = f"{ctx.band_label(plan.next_band)} ({ctx.number(plan.next_lower)})"
            count, after = ((str(plan.action_count), ctx.number(plan.score_after)) if plan.reachable
                            else (ctx.t("reports.next_band_out_of_reach"), "–"))
        rows.append([label, ctx.number(plan.score), ctx.band_label(plan.band), target, count, after])
    table(pdf, header, rows, (46, 18, 34, 42, 18, 22), size=8)
    pdf.ln(1)
    index_plan = profile.plans[INDEX_SCOPE]
    if index_plan.actions:
        pdf.write_line(ctx.t("reports.index_path"), size=8, bold=True)
        for action in index_plan.actions:
            indicator = framework.indicator(action.indicator_code)
            pdf.write_line("• " + ctx.t("gaps.path_step", code=action.indicator_code, name=indicator.name(ctx.lang),
                                        owner=action.owner_opd, what=action_text(action, indicator, ctx.lang),
                                        gain=ctx.number(action.gain, digits=GAIN_DIGITS),
                                        count=action.count), size=8)
    pdf.ln(3)


def _dimension_table(pdf, profile: RegionProfile) -> None:
    ctx, benchmarks = profile.context, profile.benchmarks
    _heading(pdf, ctx.t("region.radar_title"))
    header = [ctx.t("word.dimension"), ctx.t("word.score"), ctx.t("word.band"),
              ctx.t("region.series_province", province=profile.province), ctx.t("region.series_national"),
              ctx.t("region.series_target"), ctx.t("gaps.col_gap")]
    labels = profile.framework.band_labels(ctx.lang)
    rows, fills = [], {}
    for number, row in enumerate(benchmarks.itertuples()):
        band = "–" if row.band is None or row.band != row.band else labels[int(row.band)]
        rows.append([row.label, ctx.number(row.score), band, ctx.number(row.province_median),
                     ctx.number(row.national_median), ctx.number(row.target), ctx.number(max(row.gap, 0.0))])
        fills[(number, 2)] = band_fill(row.band)
    table(pdf, header, rows, (38, 18, 36, 24, 22, 20, 22), size=9, fills=fills)
    pdf.ln(3)


def _heading(pdf, text: str) -> None:
    """A section heading, moved to the next page with its block when the block would start there."""
    if pdf.get_y() + KEEP_WITH_HEADING_MM > pdf.page_break_trigger:
        pdf.add_page()
    pdf.write_line(text, size=13, bold=True)
    pdf.ln(1)


def _image(pdf, png: bytes) -> None:
    """A chart across the content width; when it does not fit, smaller (centred, down to
    MIN_IMAGE_SHARE of its height) to finish the page, else on the next page."""
    width, height = struct.unpack(">II", png[16:24])   # the PNG's IHDR: width and height in pixels
    full_height = CONTENT_WIDTH_MM * height / width
    room = pdf.page_break_trigger - pdf.get_y() - 1
    if room < full_height * MIN_IMAGE_SHARE:
        pdf.add_page()
        room = full_height
    drawn_height = min(full_height, room)
    drawn_width = CONTENT_WIDTH_MM * drawn_height / full_height
    pdf.image(io.BytesIO(png), x=pdf.l_margin + (CONTENT_WIDTH_MM - drawn_width) / 2, w=drawn_width, h=drawn_height)
    pdf.ln(2)
