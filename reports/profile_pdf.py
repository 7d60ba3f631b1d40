"""A4 PDF of one region profile, in Indonesian or English (fpdf2).

Header (name, province, year, stage, data as of, the synthetic-data notice), index + band + change,
the region page's radar and trend charts as PNG images (kaleido + chromium, see reports.images),
the dimension table, the top priority indicators (gaps) and the owner-OPD table. Every page ends
with the source, data-as-of and filters line and a page count.
"""

from __future__ import annotations

import io

from charts.profiles import lines, radar
from reports import fonts
from reports.errors import ExportUnavailable
from reports.images import browser_session, figure_png, unavailable_reason
from reports.official_report import official_rows, source_texts
from reports.profile import RegionProfile, region_profile
from reports.region_slides import band_fill, benchmark_series, opd_rows, priority_rows

PDF_PRIORITY_ROWS = 10
IMAGE_WIDTH_PX = 1000
CONTENT_WIDTH_MM = 180
MUTED = (82, 96, 109)
WARNING = (180, 77, 18)
HEAD_FILL = (228, 231, 235)


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
    _image(pdf, radar_png)
    pdf.add_page()
    _dimension_table(pdf, profile)
    _image(pdf, trend_png)
    if not profile.official.empty:
        _heading(pdf, ctx.t("official.report_heading"))
        header, rows = official_rows(profile)
        _table(pdf, header, rows, (16, 34, 28, 24, 42, 36), size=8)
        pdf.ln(2)
        for line in [ctx.t("official.region_intro", synthetic=ctx.t("official.synthetic_note") if ctx.synthetic
                           else ""), *source_texts(profile)]:
            pdf.write_line(line, size=8)
    pdf.add_page()
    _heading(pdf, ctx.t("gaps.priority_title"))
    header, rows = priority_rows(profile, PDF_PRIORITY_ROWS)
    if rows:
        _table(pdf, header, rows, (20, 58, 24, 28, 14, 14, 22), size=8)
    else:
        pdf.write_line(ctx.t("reports.no_priority"), size=10)
    pdf.ln(4)
    _heading(pdf, ctx.t("gaps.opd_title"))
    header, rows = opd_rows(profile)
    _table(pdf, header, rows, (52, 22, 26, 26, 28, 26), size=8)
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
    """Index, band (band-coloured), change and rank in one row of four boxes."""
    ctx = profile.context
    change = (ctx.number(profile.improvement, signed=True) if profile.improvement is not None
              else ctx.t("region.no_previous"))
    fill, text = band_fill(profile.band.level)
    figures = [
        (ctx.t("region.metric_index", year=ctx.year), ctx.number(profile.index), "#F5F7FA", "#1F2933"),
        (ctx.t("region.metric_band"), ctx.band_label(profile.band), fill, text),
        (ctx.t("reports.change_since", year=ctx.year - 1), change, "#F5F7FA", "#1F2933"),
        (ctx.t("region.metric_rank"), ctx.t("region.rank_of", rank=profile.rank, total=profile.total),
         "#F5F7FA", "#1F2933"),
    ]
    width, top = CONTENT_WIDTH_MM / 4, pdf.get_y()
    for number, (label, value, fill_colour, text_colour) in enumerate(figures):
        left = pdf.l_margin + number * width
        pdf.set_fill_color(*fonts.rgb_tuple(fill_colour))
        pdf.set_text_color(*fonts.rgb_tuple(text_colour))
        pdf.rect(left + 1, top, width - 2, 24, style="F")
        pdf.set_xy(left + 3, top + 2)
        pdf.set_font(pdf.family_name, "", 8)
        pdf.multi_cell(width - 6, 4, label)
        pdf.set_xy(left + 3, top + 12)
        pdf.set_font(pdf.family_name, "B", 14 if len(value) < 12 else 10)
        pdf.multi_cell(width - 6, 6, value)
    pdf.set_text_color(31, 41, 51)
    pdf.set_xy(pdf.l_margin, top + 26)
    pdf.set_font(pdf.family_name, "", 9)
    pdf.multi_cell(CONTENT_WIDTH_MM, 4.5, "\n".join(profile.ranks))   # the other ranks, as the region page
    pdf.ln(2)


def _dimension_table(pdf, profile: RegionProfile) -> None:
    ctx, table = profile.context, profile.benchmarks
    _heading(pdf, ctx.t("region.radar_title"))
    header = [ctx.t("word.dimension"), ctx.t("word.score"), ctx.t("word.band"),
              ctx.t("region.series_province", province=profile.province), ctx.t("region.series_national"),
              ctx.t("region.series_target"), ctx.t("gaps.col_gap")]
    labels = profile.framework.band_labels(ctx.lang)
    rows, fills = [], {}
    for number, row in enumerate(table.itertuples()):
        band = "–" if row.band is None or row.band != row.band else labels[int(row.band)]
        rows.append([row.label, ctx.number(row.score), band, ctx.number(row.province_median),
                     ctx.number(row.national_median), ctx.number(row.target), ctx.number(max(row.gap, 0.0))])
        fills[(number, 2)] = band_fill(row.band)
    _table(pdf, header, rows, (38, 18, 36, 24, 22, 20, 22), size=9, fills=fills)
    pdf.ln(3)


def _heading(pdf, text: str) -> None:
    pdf.write_line(text, size=13, bold=True)
    pdf.ln(1)


def _image(pdf, png: bytes) -> None:
    pdf.image(io.BytesIO(png), x=pdf.l_margin, w=CONTENT_WIDTH_MM)
    pdf.ln(2)


def _table(pdf, header, rows, widths, size: int = 9, fills: dict | None = None) -> None:
    """A table of text cells; fills: (row, column) -> (fill, text colour) hex pair."""
    from fpdf.fonts import FontFace

    pdf.set_font(pdf.family_name, "", size)
    heading = FontFace(emphasis="BOLD", fill_color=HEAD_FILL)
    with pdf.table(col_widths=widths, width=sum(widths), headings_style=heading, line_height=size * 0.5,
                   text_align="LEFT", first_row_as_headings=True) as table:
        for row_number, values in enumerate([header, *rows]):
            table_row = table.row()
            for column, value in enumerate(values):
                fill = (fills or {}).get((row_number - 1, column)) if row_number else None
                style = (FontFace(fill_color=fonts.rgb_tuple(fill[0]), color=fonts.rgb_tuple(fill[1]))
                         if fill else None)
                table_row.cell(pdf.safe(str(value)), style=style)
