"""The meeting handout: an agenda as a PDF, A4 landscape, one slide per page (fpdf2).

The pages are the slides of the agenda's PowerPoint deck (reports.deck.agenda_slides): a recorder
takes the calls reports.slides would turn into PowerPoint shapes (title, text, key figures, native
charts, tables) and lays each out at the same place on the page, the 13.33 × 7.5 inch slide scaled
to the page's width. Charts become pictures: the same series drawn by the one plotly builder of
their kind (charts.series, as the live slides draw them), rendered by kaleido and chromium
(reports.images). One browser serves every chart of the handout and is stopped before the PDF is
laid out, also when an export fails halfway: no chromium stays behind.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

import plotly.graph_objects as go

from charts.series import series_figure
from charts.theme import ChartText
from i18n import format_number, t
from reports import fonts
from reports.agenda import Agenda
from reports.deck import agenda_slides
from reports.errors import ExportUnavailable
from reports.images import browser_session, figure_png, unavailable_reason
from reports.slides import SLIDE_WIDTH, Box, value_points

PAGE_WIDTH_MM, PAGE_HEIGHT_MM, PAGE_MARGIN_MM = 297.0, 210.0, 10.0   # A4 landscape
INCH_MM = 25.4
SCALE = (PAGE_WIDTH_MM - 2 * PAGE_MARGIN_MM) / (SLIDE_WIDTH.inches * INCH_MM)   # slide mm -> page mm
TOP_MM = PAGE_MARGIN_MM + 4   # the slide from the top; under it, the page line ("Halaman 2 dari 8")
CHART_PX_PER_INCH = 96   # chart pictures: plotly px per slide inch (14 pt text = 18.7 px), drawn at 2x
CHART_FONT_PX = 18
PT_MM = 0.3528


@dataclass
class HandoutPage:
    """One slide's worth of recorded calls: (kind, box, options)."""

    cover: bool = False
    title: str = ""
    lines: Sequence[str] = ()
    notice: str = ""
    items: list[tuple[str, Box, dict]] = field(default_factory=list)
    records_slides = True

    def record(self, what: str, box: Box, **options) -> None:
        self.items.append((what, box, options))


@dataclass
class HandoutDeck:
    """Stands in for a python-pptx Presentation in reports.slides: each slide becomes a page."""

    pages: list[HandoutPage] = field(default_factory=list)
    records_slides = True

    def title_slide(self, title: str, lines: Sequence[str], notice: str = "") -> HandoutPage:
        self.pages.append(HandoutPage(cover=True, title=title, lines=list(lines), notice=notice))
        return self.pages[-1]

    def content_slide(self, title: str, footer: str) -> HandoutPage:
        self.pages.append(HandoutPage(title=title))
        self.pages[-1].record("text", Box(0.5, 6.9, 12.33, 0.45), lines=[footer], size=11, bold=False,
                              colour="52606D")
        return self.pages[-1]


def agenda_handout(store, agenda: Agenda, notes: Sequence[dict] | None = None) -> bytes:
    """The PDF bytes: the agenda deck's slides (cover, one per item, notes and follow-ups), one per
    A4 landscape page. ExportRefused as reports.deck.agenda_deck; ExportUnavailable when chart
    pictures cannot be made (no kaleido or chromium)."""
    deck = HandoutDeck()
    agenda_slides(deck, store, agenda, notes)
    reason = unavailable_reason()
    if reason:
        raise ExportUnavailable(reason)
    with browser_session():   # one chromium for every chart, stopped before the PDF is laid out
        pictures = {id(options): chart_png(box, options, agenda.lang) for page in deck.pages
                    for kind, box, options in page.items if kind == "chart"}
    pdf = fonts.ProfileDocument(footer_text="", page_text=lambda page: t("reports.page", agenda.lang, page=page,
                                                                          pages="{nb}"))
    pdf.set_auto_page_break(False)
    pdf.set_title(agenda.title)
    pdf.set_lang(agenda.lang)
    pdf.set_creator(t("reports.generated", agenda.lang))
    for page in deck.pages:
        pdf.add_page(orientation="L")
        if page.cover:
            _cover(pdf, page)
        else:
            _text(pdf, Box(0.5, 0.3, 12.33, 0.95), [page.title], 28, bold=True)
        for kind, box, options in page.items:
            if kind == "chart":
                x, y, width, height = _place(box)
                pdf.image(io.BytesIO(pictures[id(options)]), x=x, y=y, w=width, h=height)
            elif kind == "text":
                _text(pdf, box, options["lines"], options["size"], options["bold"], options["colour"])
            elif kind == "figure":
                _key_figure(pdf, box, options)
            elif kind == "table":
                _table(pdf, box, options)
    return bytes(pdf.output())


def _place(box: Box) -> tuple[float, float, float, float]:
    """A slide box (inches) as page millimetres: x, y, width, height."""
    return (PAGE_MARGIN_MM + box.left * INCH_MM * SCALE, TOP_MM + box.top * INCH_MM * SCALE,
            box.width * INCH_MM * SCALE, box.height * INCH_MM * SCALE)


def _size(points: float) -> float:
    return max(points * SCALE, 6.5)


def _text(pdf, box: Box, lines, points: float, bold: bool = False, colour: str = "1F2933") -> None:
    x, y, width, _ = _place(box)
    _write(pdf, x, y, width, lines, points, bold, colour)


def _write(pdf, x: float, y: float, width: float, lines, points: float, bold: bool = False,
           colour: str = "1F2933") -> None:
    """Lines of text from (x, y) in mm, wrapped to `width`; the cursor ends under the last line."""
    size = _size(points)
    pdf.set_font(pdf.family_name, "B" if bold else "", size)
    pdf.set_text_color(*fonts.rgb_tuple(colour))
    pdf.set_xy(x, y)
    pdf.multi_cell(width, size * PT_MM * 1.25, pdf.safe("\n".join(lines)), align="L", new_x="LEFT", new_y="NEXT")
    pdf.set_text_color(*fonts.TEXT)


def _cover(pdf, page: HandoutPage) -> None:
    _text(pdf, Box(0.8, 2.0, 11.7, 1.6), [page.title], 40, bold=True)
    _text(pdf, Box(0.8, 3.7, 11.7, 2.4), page.lines, 20, colour="52606D")
    if page.notice:
        _text(pdf, Box(0.8, 6.3, 11.7, 0.6), [page.notice], 16, bold=True, colour="B44D12")


def _key_figure(pdf, box: Box, options: dict) -> None:
    """A filled box: the label, the value large and bold under it, then the note."""
    x, y, width, height = _place(box)
    pdf.set_fill_color(*fonts.rgb_tuple(options["fill"]))
    pdf.set_draw_color(203, 210, 217)
    pdf.rect(x, y, width, height, style="DF")
    colour, pad = options["text_colour"].lstrip("#"), 2.0
    _write(pdf, x + pad, y + pad, width - 2 * pad, [options["label"]], 16, colour=colour)
    value = options["value"]
    _write(pdf, x + pad, pdf.get_y() + 1, width - 2 * pad, [value], value_points(value), bold=True, colour=colour)
    if options["note"]:
        _write(pdf, x + pad, pdf.get_y(), width - 2 * pad, [options["note"]], 14, colour=colour)


def _table(pdf, box: Box, options: dict) -> None:
    from fpdf.fonts import FontFace

    x, y, width, _ = _place(box)
    header, rows, fills = options["header"], options["rows"], options["fills"] or {}
    inches = options["widths"] or [box.width / len(header)] * len(header)
    size = _size(options["size"])
    pdf.set_font(pdf.family_name, "", size)
    left_margin = pdf.l_margin
    pdf.set_left_margin(x)
    pdf.set_xy(x, y)
    try:
        with pdf.table(col_widths=[w * INCH_MM * SCALE for w in inches], width=width, align="LEFT",
                       line_height=size * PT_MM * 1.3, text_align="LEFT", first_row_as_headings=True,
                       headings_style=FontFace(emphasis="BOLD", fill_color=(228, 231, 235))) as table:
            for number, values in enumerate([header, *rows]):
                row = table.row()
                for column, value in enumerate(values):
                    fill = fills.get((number - 1, column)) if number else None
                    style = (FontFace(fill_color=fonts.rgb_tuple(fill[0]), color=fonts.rgb_tuple(fill[1]))
                             if fill else None)
                    row.cell(pdf.safe(str(value)), style=style)
    finally:
        pdf.set_left_margin(left_margin)


def chart_png(box: Box, options: dict, lang: str) -> bytes:
    """The native chart of a slide as a picture of the box's size, drawn by the one builder of its
    kind (charts.series, as the live slide draws the view), with the slide's printed values."""
    width, height = round(box.width * CHART_PX_PER_INCH), round(box.height * CHART_PX_PER_INCH)
    return figure_png(chart_figure(options, lang), width=width, height=height)


def chart_figure(options: dict, lang: str) -> go.Figure:
    """The plotly figure (charts.series.series_figure) of a chart reports.slides.category_chart recorded,
    sized for a handout page: the legend under the plot, the title (if any) inside the picture."""
    value_range = options["value_range"]
    text = ChartText(title=options["title"] or "", units="", source="", lang=lang, decimal="." if lang == "en" else ",",
                     shown=partial(format_number, lang=lang))
    figure = series_figure(options["kind"], options["categories"], options["series"], text,
                           top=value_range[1] if value_range else None, colours=options["colours"],
                           point_colours=options["point_colours"], value_texts=options["labels"],
                           markers=options["markers"])
    figure.update_layout(font=dict(size=CHART_FONT_PX), showlegend=options["legend"], height=None,
                         legend=dict(orientation="h", x=0, y=-0.08, yanchor="top"),
                         margin=dict(l=10, r=30, t=50 if options["title"] else 20, b=20))
    figure.update_polars(angularaxis_tickfont_size=CHART_FONT_PX, radialaxis_tickfont_size=CHART_FONT_PX - 4)
    return figure
