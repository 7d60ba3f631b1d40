"""Radar, trend lines, heatmap, dumbbell, slope and change-breakdown charts.

Score axes run from 0 to `top`, the framework's top level (`Framework.max_level`, 4 on the published
scale): a builder never assumes a scale of its own."""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from charts.labels import colours_for, full_name, legend_name, short_ticks, value_column, wrap
from charts.official import official_trace
from charts.theme import BAND_COLOURS, NEUTRAL, SERIES_COLOURS, ChartText, finish

DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "dash"]


def radar(axes: list[str], series: list[tuple[str, list[float]]], text: ChartText,
          colours: dict[str, str] | None = None, *, top: float) -> go.Figure:
    """Scores on the 0-`top` scale around the dimensions; one closed line per series (name, values).
    The first series is filled; the rest are outlines with distinct dashes (readable in grey).
    `colours` (a page's region colours, by series name) keep a region's colour across the page's
    charts. Legend names are shortened (full names in the hover text); axis names wrap on two lines."""
    figure = go.Figure()
    axis_labels = [wrap(axis, 12) for axis in axes]   # "Smart<br>Environment": never a word cut
    line_colours = colours_for([name for name, _ in series], colours)
    for number, (name, values) in enumerate(series):
        closed_axes = [*axis_labels, axis_labels[0]]
        closed_values = [*values, values[0]]
        figure.add_trace(go.Scatterpolar(
            r=closed_values, theta=closed_axes, name=legend_name(name), mode="lines+markers",
            fill="toself" if number == 0 else None, opacity=0.9,
            line=dict(color=line_colours[number], dash=DASHES[number % len(DASHES)],
                      width=3 if number == 0 else 2),
            customdata=list(zip([full_name(axis) for axis in [*axes, axes[0]]], text.texts(closed_values),
                                strict=True)),
            hovertemplate="%{customdata[0]}: %{customdata[1]}<extra>" + full_name(name) + "</extra>",
        ))
    # The radial ticks stand on the vertical between two dimensions, never on a dimension's name.
    figure.update_layout(polar=dict(radialaxis=dict(range=[0, top], dtick=1, gridcolor="#CBD2D9", angle=90,
                                                    tickangle=0, tickfont=dict(size=11)),
                                    angularaxis=dict(gridcolor="#E4E7EB", tickfont=dict(size=12))),
                         margin=dict(l=80, r=80))  # room for the axis names on narrow screens
    return finish(figure, text, height=520)


def lines(frame: pd.DataFrame, text: ChartText, y_label: str, band_lowers: dict[int, float] | None = None,
          band_names: dict[int, str] | None = None, marked_years: dict[int, str] | None = None,
          colours: dict[str, str] | None = None, *, top: float,
          markers: Mapping[str, str] | None = None) -> go.Figure:
    """Lines of `score` over `year` per `series`; the series `markers` names (series -> the line whose
    colour it takes) as labelled diamonds without a line (charts.official, printed as the frame's
    `label`, e.g. a published figure as published); faint band boundaries labelled with band names;
    `marked_years` (year -> short label, e.g. a change of method) drawn as a dashed vertical line
    half a year before the year, labelled at the top. `frame` has year, series, score. `colours`
    (by series name: a page's region colours, a grey median) keep each series' colour across the
    page; legend names are shortened, full names in the hover text."""
    figure = go.Figure()
    markers = markers or {}
    groups = [(name, rows) for name, rows in frame.groupby("series", sort=False) if name not in markers]
    line_colours = colours_for([str(name) for name, _ in groups], colours)
    for number, (name, rows) in enumerate(groups):
        figure.add_trace(go.Scatter(
            x=rows["year"], y=rows["score"], name=legend_name(name), mode="lines+markers",
            line=dict(color=line_colours[number], dash=DASHES[number % len(DASHES)], width=3),
            text=text.texts(rows["score"]), hovertemplate="%{x}: %{text}<extra>" + full_name(name) + "</extra>",
        ))
    by_line = {str(name): colour for (name, _), colour in zip(groups, line_colours, strict=True)}
    marked = [(name, rows) for name, rows in frame.groupby("series", sort=False) if name in markers]
    for number, (name, rows) in enumerate(marked):
        figure.add_trace(official_trace(name, rows["year"], rows["score"], rows["label"],
                                        by_line.get(markers[name], NEUTRAL), number))
    # The band boundaries as add_hline draws them (a dotted line across the plot, its label at the
    # top right), set in one layout update: add_hline re-validates the layout once per line.
    bounds = [(level, lower) for level, lower in (band_lowers or {}).items() if lower > 0]
    figure.update_layout(
        shapes=[dict(type="line", xref="x domain", x0=0, x1=1, yref="y", y0=lower, y1=lower,
                     line=dict(color=NEUTRAL, width=1, dash="dot")) for _, lower in bounds],
        annotations=[dict(text=(band_names or {}).get(level, ""), xref="x domain", x=1, xanchor="right",
                          yref="y", y=lower, yanchor="bottom", showarrow=False,
                          font=dict(size=10, color="#52606D"), bgcolor="rgba(255,255,255,0.8)")
                     for level, lower in bounds])
    for year, label in (marked_years or {}).items():
        figure.add_vline(x=year - 0.5, line=dict(color="#D55E00", width=2, dash="dash"))
        # At the foot of the line: the band labels sit at the top right, where on a 0-4 scale the top
        # band's label met this one on a phone.
        figure.add_annotation(x=year - 0.5, y=0, yref="y", text=label, showarrow=False, xanchor="left",
                              yanchor="bottom", font=dict(size=11, color="#B24A00"), bgcolor="rgba(255,255,255,0.8)")
    figure.update_yaxes(range=[0, top], title=y_label, dtick=1)
    figure.update_xaxes(dtick=1, title="")
    return finish(figure, text, height=440)


def heatmap(matrix: pd.DataFrame, cell_text: pd.DataFrame, text: ChartText, score_label: str, *,
            top: float) -> go.Figure:
    """Rows x columns of scores (0-`top`) with the value printed in each cell; viridis scale. Row names
    (regions) are abbreviated, the hover text has the full row name. Column names stay on one line:
    plotly turns them when they do not fit side by side (it does not turn wrapped ones)."""
    scale = [[i / 4, colour] for i, colour in enumerate(BAND_COLOURS.values())]
    rows = list(matrix.index)
    figure = go.Figure(go.Heatmap(
        z=matrix.to_numpy(), x=list(matrix.columns), y=rows, zmin=0, zmax=top,   # plotly turns long x names
        colorscale=scale, text=cell_text.to_numpy(), texttemplate="%{text}",
        customdata=[[full_name(row)] * len(matrix.columns) for row in rows],
        colorbar=dict(title=score_label), hovertemplate="%{customdata} · %{x}: %{text}<extra></extra>",
    ))
    figure.update_yaxes(autorange="reversed", **short_ticks(rows, [legend_name(row, 24) for row in rows]))
    row_px = 48 if len(matrix) <= 8 else 30   # a whole province (26-38 rows) stays on a screen or two
    return finish(figure, text, height=160 + row_px * len(matrix))


def dumbbell(frame: pd.DataFrame, text: ChartText, reference_name: str, score_label: str,
             colour: str = SERIES_COLOURS[0], *, top: float) -> go.Figure:
    """Per row label: a region's score against a reference (e.g. the peer median), joined by a line.
    `frame` has label, score, reference; `colour` is the region's (its colour on the page)."""
    figure = go.Figure()
    for _, row in frame.iterrows():
        figure.add_trace(go.Scatter(x=[row["reference"], row["score"]], y=[row["label"], row["label"]],
                                    mode="lines", line=dict(color="#9AA5B1", width=3), showlegend=False,
                                    hoverinfo="skip"))
    figure.add_trace(go.Scatter(x=frame["reference"], y=frame["label"], mode="markers", name=reference_name,
                                marker=dict(symbol="diamond", size=13, color=NEUTRAL),
                                text=text.texts(frame["reference"]),
                                hovertemplate="%{y}: %{text}<extra>" + reference_name + "</extra>"))
    series_name = frame.attrs.get("series_name", "")
    figure.add_trace(go.Scatter(x=frame["score"], y=frame["label"], mode="markers", name=legend_name(series_name),
                                marker=dict(size=13, color=colour), text=text.texts(frame["score"]),
                                hovertemplate="%{y} · " + score_label + ": %{text}<extra>" + full_name(series_name)
                                + "</extra>"))
    # No x-axis title: the units are in the subtitle, and on a phone the title sat on the legend row.
    figure.update_xaxes(range=[0, top], title=None, dtick=1)
    figure.update_yaxes(autorange="reversed")
    # A right margin for the last tick label (the top level) to centre on the axis's end: with none
    # (Streamlit's theme sets 0) plotly hides the label that would overflow, and the scale ended at "3".
    figure.update_layout(margin=dict(r=16))
    return finish(figure, text, height=160 + 40 * frame["label"].nunique())


SLOPE_HEIGHT, SLOPE_MARGIN_BOTTOM, LABEL_LINE_PX = 520, 50, 15


def slope(frame: pd.DataFrame, first: int, last: int, text: ChartText, score_label: str,
          colours: dict[str, str] | None = None, *, top: float) -> go.Figure:
    """Each series' score in `first` and `last` joined by a line (frame: series, year, score).

    The series are named by direct labels right of the last year, in their colour (`colours`, by
    series name: a page's region colours), in the right margin so no label is cut; labels of
    close scores are moved apart so they never overlap. No legend; full names in the hover text."""
    figure = go.Figure()
    groups = [(str(name), rows.sort_values("year")) for name, rows in frame.groupby("series", sort=False)]
    line_colours = colours_for([name for name, _ in groups], colours)
    ends = []
    for number, (name, rows) in enumerate(groups):
        figure.add_trace(go.Scatter(
            x=[str(y) for y in rows["year"]], y=rows["score"], name=legend_name(name), mode="lines+markers",
            line=dict(color=line_colours[number], width=2), showlegend=False, text=text.texts(rows["score"]),
            hovertemplate="%{x}: %{text}<extra>" + full_name(name) + "</extra>",
        ))
        if len(rows):
            ends.append((float(rows["score"].iloc[-1]), wrap(legend_name(name), 18), line_colours[number]))
    figure = finish(figure, text, height=SLOPE_HEIGHT)
    plot_px = figure.layout.height - figure.layout.margin.t - SLOPE_MARGIN_BOTTOM
    for y, label, colour in _spread_labels(ends, plot_px / top, top):
        figure.add_annotation(x=1, xref="paper", xanchor="left", xshift=6, y=y, yref="y", text=label,
                              showarrow=False, align="left", font=dict(size=12, color=colour))
    widest = max((len(line) for _, label, _ in ends for line in label.split("<br>")), default=0)
    figure.update_layout(margin=dict(r=int(16 + 7 * widest), b=SLOPE_MARGIN_BOTTOM))
    figure.update_xaxes(type="category", categoryorder="array", categoryarray=[str(first), str(last)],
                        range=[-0.08, 1.02])
    figure.update_yaxes(range=[0, top], title=score_label, dtick=1)
    return figure


def _spread_labels(ends: list[tuple[float, str, str]], px_per_unit: float, top: float
                   ) -> list[tuple[float, str, str]]:
    """Direct labels (y, text, colour) moved apart just enough that no two overlap: each needs its
    lines' height (in score units at `px_per_unit`); they keep the order of their scores and stay
    within the 0-`top` plot (a label at the top is moved down rather than out)."""
    ordered = sorted(ends, key=lambda end: end[0])
    heights = [(label.count("<br>") + 1) * LABEL_LINE_PX / px_per_unit for _, label, _ in ordered]
    placed = [y for y, _, _ in ordered]
    for number in range(1, len(placed)):          # upwards: each clear of the one below
        placed[number] = max(placed[number], placed[number - 1] + (heights[number - 1] + heights[number]) / 2)
    if placed and placed[-1] > top:               # the top one back to the top of the plot, then downwards
        placed[-1] = float(top)
        for number in range(len(placed) - 2, -1, -1):
            placed[number] = min(placed[number], placed[number + 1] - (heights[number] + heights[number + 1]) / 2)
    return [(y, label, colour) for y, (_, label, colour) in zip(placed, ordered, strict=True)]


def change_bars(frame: pd.DataFrame, text: ChartText, change_label: str) -> go.Figure:
    """Signed contributions per label (frame: label as typed, not escaped; change, change_text); rises
    blue, falls orange.

    Names wrap on two lines (shortened at a word, the full name in the hover text); the values stand
    in a column right of the plot, so a negative one never sits on a name and none is cut."""
    colours = ["#0072B2" if value >= 0 else "#D55E00" for value in frame["change"]]
    # labels come as typed (programme names are uploaded text) and are escaped here, once: the data
    # keeps the full escaped name, the axis its wrapped form, the hover the full name
    typed = [str(label) for label in frame["label"]]
    categories = [html.escape(label, quote=False) for label in typed]
    labels = [wrap(label, 26) for label in typed]
    values = [str(value) for value in frame["change_text"]]
    figure = go.Figure(go.Bar(
        y=categories, x=frame["change"], orientation="h", marker=dict(color=colours),
        text=values, textposition="none",   # the trace keeps its text (hover); the column shows it
        customdata=[full_name(label) for label in typed],
        hovertemplate="%{customdata}: %{text}<extra></extra>", showlegend=False,
    ))
    value_column(figure, categories, values)
    low, high = min(0.0, float(frame["change"].min())), max(0.0, float(frame["change"].max()))
    pad = 0.05 * max(high - low, 1e-3)
    figure.update_xaxes(title=change_label, zeroline=True, zerolinewidth=2, range=[low - pad, high + pad])
    figure.update_yaxes(autorange="reversed", **short_ticks(categories, labels))
    row = 44 if any("<br>" in label for label in labels) else 34
    return finish(figure, text, height=160 + row * len(frame))
