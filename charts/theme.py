"""The one palette and template, and the caption every chart carries (title, units, source, date).

Band colours: five steps of viridis, whose lightness falls monotonically from band 1 to band 5, so
they stay distinct for colour-blind readers, in greyscale and on a washed-out projector. Charts
always print the band number or name beside a colour; colour alone never carries meaning.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go
import plotly.io as pio

BAND_COLOURS = {1: "#FDE725", 2: "#5EC962", 3: "#21918C", 4: "#3B528B", 5: "#440154"}
BAND_TEXT_COLOURS = {1: "#000000", 2: "#000000", 3: "#FFFFFF", 4: "#FFFFFF", 5: "#FFFFFF"}
# Series colours for regions (Okabe-Ito, colour-blind safe), in order of selection.
SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
                  "#000000"]
NEUTRAL = "#7F7F7F"
NO_BAND_COLOUR = "#CBD2D9"   # a score without a band (none recorded)
TARGET_COLOUR = "#D55E00"   # a target beside a score (the gaps view's bars, on every surface)
CLAIMS_COLOURS = (NEUTRAL, SERIES_COLOURS[0])   # claimed (stage I) grey, verified (stage II) in the first colour
TEMPLATE_NAME = "matra"
# Plotly's own toolbar: "download as PNG" at projector resolution (1920 x 1080), no plotly logo.
CHART_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "width": 1920, "height": 1080, "scale": 1, "filename": "matra-chart"},
}
FONT = "Source Sans Pro, Arial, sans-serif"
# Characters per line of the title and of its subtitle: what fits a phone (a chart ~360 px wide) in
# the template's fonts (18 px bold; the subtitle at plotly's <sup> size). Longer ones wrap at a word.
TITLE_CHARACTERS, SUBTITLE_CHARACTERS = 40, 66
TITLE_LINE_PX, SUBTITLE_LINE_PX, TITLE_PAD_PX = 24, 16, 50
BOTTOM_PX = 70   # the template's bottom margin: the value axis, its ticks and title

pio.templates[TEMPLATE_NAME] = go.layout.Template(
    layout=dict(
        font=dict(family=FONT, size=14, color="#1F2933"),
        title=dict(font=dict(size=18), x=0, xanchor="left"),
        colorway=SERIES_COLOURS,
        paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF",
        # automargin: tick labels and axis titles push the margins instead of being cut at the edge
        xaxis=dict(gridcolor="#E4E7EB", zerolinecolor="#9AA5B1", automargin=True),
        yaxis=dict(gridcolor="#E4E7EB", zerolinecolor="#9AA5B1", automargin=True),
        legend=dict(orientation="h", yanchor="top", y=-0.12, x=0),
        margin=dict(l=60, r=70, t=TITLE_PAD_PX + TITLE_LINE_PX + SUBTITLE_LINE_PX, b=BOTTOM_PX),
        hoverlabel=dict(font=dict(family=FONT)),
    )
)


@dataclass(frozen=True)
class ChartText:
    """What every chart carries. Built once per view by the page (components.frame.chart_text),
    so a chart and its export say the same."""

    title: str
    units: str
    source: str   # e.g. "Sumber: data sintetis Matra. Data per 29 Nov 2026."
    lang: str = "id"
    decimal: str = ","   # decimal separator for number formats in the chart
    # The view's number format (i18n.format_number in its language): every number a chart prints or
    # shows on hover is this text, so it reads as on the page (2.675 -> "2,68"), never a d3 format.
    shown: Callable[[float], str] | None = None

    def texts(self, values) -> list[str]:
        """`values` as the page shows them; a chart that prints numbers needs `shown`."""
        if self.shown is None:
            raise ValueError("ChartText.shown is needed to print numbers (components.frame.chart_text sets it)")
        return [self.shown(value) for value in values]


def finish(figure: go.Figure, text: ChartText, height: int | None = None) -> go.Figure:
    """Apply the template; title on the first line, units, source and data-as-of on the second.

    Keeping the source in the title block (not under the plot) means it never collides with a
    legend, whatever its length, and an exported image carries it too. Long titles and subtitles
    wrap at a word to fit a phone; the top margin and the height grow by the extra lines, so the
    plot keeps its size.
    """
    subtitle = " · ".join(part for part in (text.units, text.source) if part)
    title_lines = _wrapped(text.title, TITLE_CHARACTERS)
    subtitle_lines = _wrapped(subtitle, SUBTITLE_CHARACTERS) if subtitle else []
    if len(subtitle_lines) > 1 and text.units and text.source:   # the source line stays whole
        subtitle_lines = [*_wrapped(text.units, SUBTITLE_CHARACTERS), text.source]
    # A space ends each broken line, so the title's text (an alt text, a search) reads as one sentence.
    caption = " <br>".join(title_lines) + "".join(f"<br><sup>{line}</sup>" for line in subtitle_lines)
    figure.update_layout(
        template=TEMPLATE_NAME,
        title=dict(text=caption),
        separators=f"{text.decimal}{'.' if text.decimal == ',' else ','}",
        # the top margin holds every line of the title block, however many it wraps to
        margin=dict(t=TITLE_PAD_PX + TITLE_LINE_PX * len(title_lines) + SUBTITLE_LINE_PX * len(subtitle_lines)),
    )
    if height:
        figure.update_layout(height=height + TITLE_LINE_PX * (len(title_lines) - 1)
                             + SUBTITLE_LINE_PX * (len(subtitle_lines) - 1))
    return figure


def _wrapped(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters broken between words (a longer word keeps its line)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]

