"""Bar charts: stacked counts (the band distribution), bars side by side, ranking bars, dimension bars."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from charts.labels import short_ticks, wrap
from charts.theme import BAND_COLOURS, BOTTOM_PX, SUBTITLE_LINE_PX, TITLE_LINE_PX, TITLE_PAD_PX, ChartText, finish

CATEGORY_CHARACTERS = 26   # a bar's name per line (two lines at most; charts.labels.wrap)
TEXT_ROOM = 0.3    # a range of its own runs this share of its span past the longest bar (its printed value)
VALUE_ROOM = 1.18  # the score axis runs past the top level so a value printed outside its bar fits
TEXT_MIN_PX = 10    # printed values are never smaller than this (a thin bar must not shrink them)
SCORE_ROW_PX, MIN_PLOT_PX = 36, 72   # score bars: plot height per bar, and at least this (one bar, the reference)


def stacked_bars(categories: list[str], series: list[tuple[str, list]], text: ChartText, count_label: str,
                 colours: list[str], text_colours: list[str] | None = None) -> go.Figure:
    """Stacked horizontal bars of counts: per category (the first at the top), one segment per series
    (name, counts) in `colours`; each segment prints its count (none for 0), the legend names the series."""
    figure = go.Figure()
    for number, (name, values) in enumerate(series):
        values = [int(v or 0) for v in values]
        figure.add_trace(go.Bar(
            y=categories, x=values, orientation="h", name=name,
            marker=dict(color=colours[number % len(colours)], line=dict(color="#1F2933", width=0.5)),
            text=[str(v) if v else "" for v in values], textposition="inside",
            insidetextfont=dict(color=(text_colours or ["#000000"] * len(colours))[number % len(colours)]),
            hovertemplate="%{y}: %{x} " + count_label + "<extra>" + name + "</extra>",
        ))
    # No x-axis title: the units are in the subtitle, and a title sat on the legend row below.
    figure.update_layout(barmode="stack", yaxis=dict(autorange="reversed"))
    figure.update_xaxes(title=None)
    return finish(figure, text, height=120 + 45 * len(categories))


def grouped_bars(categories: list[str], series: list[tuple[str, list]], text: ChartText, value_label: str,
                 colours: list[str], *, top: float | None, point_colours: dict[int, list[str]] | None = None,
                 value_texts: dict[int, list[str]] | None = None) -> go.Figure:
    """Horizontal bars side by side: per category (the first at the top) one bar per series (name,
    values). Each bar prints its value as the page shows it (`value_texts`: series number -> texts,
    else text.shown); `point_colours` colour one series' bars one by one (band colours): that series has
    no legend entry (one swatch cannot stand for many colours; print the band on its bars). The value
    axis runs from 0 to `top` (a score scale, with room for the printed values) or its own range.
    Categories and names come as typed (programme names are uploaded text) and are escaped here, once;
    a long category wraps on two lines (the full name in the hover text)."""
    figure = go.Figure()
    typed = [str(category) for category in categories]
    categories = [html.escape(category, quote=False) for category in typed]
    for number, (name, values) in enumerate(series):
        name = html.escape(str(name), quote=False)
        texts = list((value_texts or {}).get(number) or ["" if v is None else text.shown(v) for v in values])
        colour = list((point_colours or {}).get(number) or []) or colours[number % len(colours)]
        # a band-coloured series prints its band too ("3,28 (Sangat Baik)"): inside its bar when it
        # fits (a phone has no room right of a long bar), outside a short one
        position = "outside" if isinstance(colour, str) else "auto"
        figure.add_trace(go.Bar(
            y=categories, x=list(values), orientation="h", name=name, marker=dict(color=colour),
            text=texts, textposition=position, cliponaxis=False, showlegend=isinstance(colour, str),
            hovertemplate="%{y}: %{text}<extra>" + name + "</extra>",
        ))
    figure.update_layout(barmode="group", yaxis=dict(autorange="reversed"),
                         uniformtext=dict(minsize=TEXT_MIN_PX, mode="show"))   # never shrunk below legible
    figure.update_yaxes(**short_ticks(categories, [wrap(category, CATEGORY_CHARACTERS) for category in typed]))
    if top is not None:
        figure.update_xaxes(range=[0, top * VALUE_ROOM], title=value_label, dtick=1,
                            tickvals=list(range(int(top) + 1)))
    else:   # its own range, with room past the longest bar (either side of 0) for its printed value
        numbers = [v for _, values in series for v in values if v is not None]
        low, high = min([0.0, *numbers]), max([0.0, *numbers])
        room = TEXT_ROOM * max(high - low, 1e-3)
        figure.update_xaxes(title=value_label, range=[low - room if low < 0 else 0, high + room if high > 0 else 0])
    return finish(figure, text, height=140 + 22 * len(categories) * max(len(series), 1))


def score_bars(frame: pd.DataFrame, text: ChartText, score_label: str,
               band_names: dict[int, str], reference: float | None = None,
               reference_label: str = "", *, top: float) -> go.Figure:
    """Horizontal bars of `score` per `label`, coloured by `band`, value printed on each bar, on an
    axis from 0 to `top` (the framework's top level) with room right of it for the printed values.

    `frame` has label, score, band and score_text. A dashed line marks `reference` (e.g. a target).
    """
    colours = [BAND_COLOURS.get(int(b), "#CBD2D9") if pd.notna(b) else "#CBD2D9" for b in frame["band"]]
    figure = go.Figure(go.Bar(
        y=frame["label"], x=frame["score"], orientation="h", marker=dict(color=colours,
                                                                         line=dict(color="#1F2933", width=0.5)),
        text=[f"{s} ({band_names[int(b)]})" if pd.notna(b) else s
              for s, b in zip(frame["score_text"], frame["band"], strict=True)],
        textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{text}<extra></extra>",
        showlegend=False,
    ))
    if reference is not None:
        figure.add_vline(x=reference, line=dict(color="#D55E00", dash="dash", width=2),
                         annotation_text=reference_label, annotation_position="top")
    figure.update_xaxes(range=[0, top * VALUE_ROOM], title=score_label, dtick=1,
                        tickvals=list(range(int(top) + 1)))   # ticks end at top: the room is for text
    figure.update_layout(yaxis=dict(autorange="reversed"))
    # the margins of a one-line title and subtitle plus the plot; finish adds the lines they wrap to
    block = TITLE_PAD_PX + TITLE_LINE_PX + SUBTITLE_LINE_PX + BOTTOM_PX
    return finish(figure, text, height=block + max(SCORE_ROW_PX * len(frame), MIN_PLOT_PX))
