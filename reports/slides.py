"""python-pptx building blocks: a 16:9 deck, slides with a title and a footer, native (editable)
charts, tables and key-figure boxes. Sizes are for a projected room: titles 28 pt, text 14-18 pt.

Charts are real PowerPoint charts (their data sits in an embedded workbook the user can edit), not
pictures. Data labels carry text formatted by i18n, so Indonesian decks show 3,48 whatever the
viewer's locale; axes only show whole numbers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches, Pt

from charts.theme import SERIES_COLOURS

SLIDE_WIDTH, SLIDE_HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TITLE_LAYOUT, TITLE_ONLY_LAYOUT = 0, 5
FOOTER_NAME = "Matra footer"
TEXT_COLOUR = RGBColor.from_string("1F2933")
MUTED_COLOUR = RGBColor.from_string("52606D")
WARNING_COLOUR = RGBColor.from_string("B44D12")


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in inches."""

    left: float
    top: float
    width: float
    height: float

    def emu(self) -> tuple[int, int, int, int]:
        return Inches(self.left), Inches(self.top), Inches(self.width), Inches(self.height)


FULL = Box(0.5, 1.35, 12.33, 5.45)
LEFT = Box(0.5, 1.35, 7.4, 5.45)
RIGHT = Box(8.1, 1.35, 4.73, 5.45)


def rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def new_deck() -> Presentation:
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    return deck


def deck_bytes(deck: Presentation) -> bytes:
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def recorded(target) -> bool:
    """True for a reports.handout page or deck: it records the calls below to lay them out on a
    PDF page (the same slides as the PowerPoint deck) instead of drawing PowerPoint shapes."""
    return getattr(target, "records_slides", False)


def title_slide(deck: Presentation, title: str, lines: Sequence[str], notice: str = "") -> None:
    """A cover: big title, subtitle lines, and a warning line (e.g. synthetic data) when given."""
    if recorded(deck):
        return deck.title_slide(title, lines, notice)
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
    slide.shapes.title.text = title
    _place(slide.shapes.title, Box(0.8, 2.0, 11.7, 1.6))
    _style(slide.shapes.title.text_frame, 40, bold=True)
    subtitle = slide.placeholders[1]
    _place(subtitle, Box(0.8, 3.7, 11.7, 2.4))
    subtitle.text_frame.text = "\n".join(lines)
    _style(subtitle.text_frame, 20, colour=MUTED_COLOUR)
    if notice:
        add_text(slide, Box(0.8, 6.3, 11.7, 0.6), [notice], size=16, bold=True, colour=WARNING_COLOUR)


def content_slide(deck: Presentation, title: str, footer: str):
    """A slide with its title at the top and the source/data-as-of/filters footer at the bottom."""
    if recorded(deck):
        return deck.content_slide(title, footer)
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY_LAYOUT])
    slide.shapes.title.text = title
    _place(slide.shapes.title, Box(0.5, 0.3, 12.33, 0.95))
    _style(slide.shapes.title.text_frame, 28, bold=True, align=PP_ALIGN.LEFT)
    box = add_text(slide, Box(0.5, 6.9, 12.33, 0.45), [footer], size=11, colour=MUTED_COLOUR)
    box.name = FOOTER_NAME
    return slide


def add_text(slide, box: Box, lines: Sequence[str], size: int = 16, bold: bool = False,
             colour: RGBColor = TEXT_COLOUR, align=PP_ALIGN.LEFT):
    if recorded(slide):
        return slide.record("text", box, lines=list(lines), size=size, bold=bold, colour=str(colour))
    shape = slide.shapes.add_textbox(*box.emu())
    frame = shape.text_frame
    frame.word_wrap = True
    frame.text = "\n".join(lines)
    _style(frame, size, bold=bold, colour=colour, align=align)
    return shape


def value_points(value: str) -> int:
    """The size of a key figure's value: 40 pt for a short one ("2,31", "Baik"), 24 pt for a longer one
    ("93 dari 241", "Sangat Baik") so it stays on one line of a half-width box."""
    return 40 if len(value) <= 6 else 24


def key_figure(slide, box: Box, label: str, value: str, fill: str | None = None,
               text_colour: str = "#1F2933", note: str = "") -> None:
    """A box with a small label, a large value and an optional note (e.g. the band, band-coloured)."""
    if recorded(slide):
        return slide.record("figure", box, label=label, value=value, fill=fill or "#F5F7FA",
                            text_colour=text_colour, note=note)
    shape = slide.shapes.add_shape(1, *box.emu())  # 1 = rectangle
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(fill or "#F5F7FA")
    shape.line.color.rgb = rgb("#CBD2D9")
    frame = shape.text_frame
    frame.word_wrap = True
    frame.text = label
    _style(frame, 16, colour=rgb(text_colour))
    for text, size, bold in ((value, value_points(value), True), (note, 14, False)):
        if text:
            run = frame.add_paragraph().add_run()
            run.text = text
            run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, rgb(text_colour)


def category_chart(slide, kind: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence]],
                   box: Box, *, colours: Sequence[str] | None = None, labels: dict[int, Sequence[str]] | None = None,
                   point_colours: dict[int, Sequence[str]] | None = None, legend: bool = True,
                   value_range: tuple[float, float] | None, title: str = "",
                   markers: dict[str, str] | None = None):
    """A native chart: kind is "bar" (horizontal bars), "stacked" (stacked horizontal bars), "column",
    "line" or "radar".

    series: (name, values) with None for a gap; colours: one per series (default the Okabe-Ito
    series colours of charts.theme); labels: series number -> one formatted text per point;
    point_colours: series number -> one colour per point (band colours of bars); value_range: the value
    axis (0, framework.max_level) for scores, None for counts and gains (the chart's own range);
    title: a chart title inside the chart frame (none by default: the slide title names the chart);
    markers (line charts): series drawn as diamonds without a line -> the series whose colour they take.
    """
    if recorded(slide):
        return slide.record("chart", box, kind=kind, categories=list(categories), series=list(series),
                            colours=colours, labels=labels, point_colours=point_colours, legend=legend,
                            value_range=value_range, title=title, markers=dict(markers or {}))
    chart_type = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "stacked": XL_CHART_TYPE.BAR_STACKED,
                  "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
                  "line": XL_CHART_TYPE.LINE_MARKERS, "radar": XL_CHART_TYPE.RADAR_MARKERS}[kind]
    data = CategoryChartData(number_format="0.00")
    data.categories = list(categories)
    for name, values in series:
        data.add_series(name, [None if v is None or v != v else float(v) for v in values])
    chart = slide.shapes.add_chart(chart_type, *box.emu(), data).chart
    chart.font.size = Pt(14)
    chart.has_title = bool(title)   # PowerPoint would otherwise title a one-series chart by its name
    if title:
        chart.chart_title.text_frame.text = title
    chart.has_legend = legend
    if legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    if value_range is not None:
        axis = chart.value_axis
        axis.minimum_scale, axis.maximum_scale, axis.major_unit = value_range[0], value_range[1], 1
        axis.tick_labels.number_format, axis.tick_labels.number_format_is_linked = "0", False
    bars = kind in ("bar", "stacked", "column")
    if kind in ("bar", "stacked"):
        chart.category_axis.reverse_order = True   # first category at the top, as on screen
    colours = colours or [SERIES_COLOURS[n % len(SERIES_COLOURS)] for n in range(len(series))]
    names = [str(name) for name, _ in series]
    for number, plotted in enumerate(chart.plots[0].series):
        if names[number] in (markers or {}):
            _diamonds(plotted, colours[names.index(markers[names[number]])])
        else:
            _colour_series(plotted, bars, colours[number], number)
        for point, colour in enumerate((point_colours or {}).get(number, [])):
            fill = plotted.points[point].format.fill
            fill.solid()
            fill.fore_color.rgb = rgb(colour)
        for point, text in enumerate((labels or {}).get(number, [])):
            if text:
                label = plotted.points[point].data_label
                label.text_frame.text = text
                if _label_position(kind) is not None:
                    label.position = _label_position(kind)
    return chart


def model_chart(slide, chart, box: Box, **options):
    """A view's chart (views.chart.SeriesChart) as a native chart: its kind, categories and series,
    the value axis from 0 to its top (none: the chart's own range), its markers-only series as
    diamonds printed with their own texts. `options` as category_chart."""
    options["labels"] = {**chart.value_texts(), **(options.get("labels") or {})} or None
    return category_chart(slide, chart.kind, chart.categories, chart.series, box,
                          value_range=None if chart.top is None else (0, chart.top), markers=chart.marker_lines,
                          **options)


def _label_position(kind: str):
    return {"bar": XL_LABEL_POSITION.OUTSIDE_END, "column": XL_LABEL_POSITION.OUTSIDE_END,
            "stacked": XL_LABEL_POSITION.CENTER, "line": XL_LABEL_POSITION.ABOVE}.get(kind)


def _colour_series(plotted, bars: bool, colour: str, number: int) -> None:
    if bars:
        plotted.format.fill.solid()
        plotted.format.fill.fore_color.rgb = rgb(colour)
        return
    plotted.format.line.color.rgb = rgb(colour)
    plotted.format.line.width = Pt(3 if number == 0 else 2)
    plotted.smooth = False
    marker = plotted.marker
    marker.format.fill.solid()
    marker.format.fill.fore_color.rgb = rgb(colour)


def _diamonds(plotted, colour: str) -> None:
    """A markers-only series (published figures): no line, white diamonds outlined in `colour`."""
    plotted.format.line.fill.background()
    plotted.smooth = False
    marker = plotted.marker
    marker.style, marker.size = XL_MARKER_STYLE.DIAMOND, 11
    marker.format.fill.solid()
    marker.format.fill.fore_color.rgb = rgb("#FFFFFF")
    marker.format.line.color.rgb = rgb(colour)
    marker.format.line.width = Pt(2.25)


def add_table(slide, header: Sequence[str], rows: Sequence[Sequence[str]], box: Box, *,
              widths: Sequence[float] | None = None, size: int = 12,
              fills: dict[tuple[int, int], tuple[str, str]] | None = None):
    """A native table of text cells (already formatted). fills: (row, column) -> (fill, text colour)
    for body cells, e.g. a band colour."""
    if recorded(slide):
        return slide.record("table", box, header=list(header), rows=[list(r) for r in rows], widths=widths,
                            size=size, fills=fills)
    shape = slide.shapes.add_table(len(rows) + 1, len(header), *box.emu())
    table = shape.table
    if widths:
        for column, width in enumerate(widths):
            table.columns[column].width = Inches(width)
    for row_number, values in enumerate([header, *rows]):
        for column, value in enumerate(values):
            cell = table.cell(row_number, column)
            cell.text = str(value)
            _style(cell.text_frame, size, bold=row_number == 0)
            fill = (fills or {}).get((row_number - 1, column)) if row_number else None
            if fill:
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb(fill[0])
                _style(cell.text_frame, size, colour=rgb(fill[1]))
    return table


def _place(shape, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = box.emu()


def _style(frame, size: int, bold: bool = False, colour: RGBColor = TEXT_COLOUR, align=None) -> None:
    for paragraph in frame.paragraphs:
        if align is not None:
            paragraph.alignment = align
        for run in paragraph.runs:
            run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour
