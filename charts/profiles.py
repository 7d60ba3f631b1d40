"""Radar, trend lines, heatmap, dumbbell, slope and change-breakdown charts."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.theme import BAND_COLOURS, NEUTRAL, SERIES_COLOURS, ChartText, band_label, finish

DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "dash"]


def radar(axes: list[str], series: list[tuple[str, list[float]]], text: ChartText) -> go.Figure:
    """Scores on the 0-5 scale around the dimensions; one closed line per series (name, values).
    The first series is filled; the rest are outlines with distinct dashes (readable in grey)."""
    figure = go.Figure()
    for number, (name, values) in enumerate(series):
        closed_axes = [*axes, axes[0]]
        closed_values = [*values, values[0]]
        figure.add_trace(go.Scatterpolar(
            r=closed_values, theta=closed_axes, name=name, mode="lines+markers",
            fill="toself" if number == 0 else None, opacity=0.9,
            line=dict(color=SERIES_COLOURS[number % len(SERIES_COLOURS)], dash=DASHES[number % len(DASHES)],
                      width=3 if number == 0 else 2),
            hovertemplate="%{theta}: %{r:.2f}<extra>" + name + "</extra>",
        ))
    figure.update_layout(polar=dict(radialaxis=dict(range=[0, 5], dtick=1, gridcolor="#CBD2D9"),
                                    angularaxis=dict(gridcolor="#E4E7EB")),
                         margin=dict(l=90, r=90))  # room for the axis labels on narrow screens
    return finish(figure, text, height=520)


def lines(frame: pd.DataFrame, text: ChartText, y_label: str, band_lowers: dict[int, float] | None = None,
          band_names: dict[int, str] | None = None, marked_years: dict[int, str] | None = None) -> go.Figure:
    """Lines of `score` over `year` per `series`; faint band boundaries labelled with band names;
    `marked_years` (year -> short label, e.g. a change of method) drawn as a dashed vertical line
    half a year before the year, labelled at the top. `frame` has year, series, score."""
    figure = go.Figure()
    for number, (name, rows) in enumerate(frame.groupby("series", sort=False)):
        figure.add_trace(go.Scatter(
            x=rows["year"], y=rows["score"], name=str(name), mode="lines+markers",
            line=dict(color=SERIES_COLOURS[number % len(SERIES_COLOURS)], dash=DASHES[number % len(DASHES)],
                      width=3),
            hovertemplate="%{x}: %{y:.2f}<extra>" + str(name) + "</extra>",
        ))
    for level, lower in (band_lowers or {}).items():
        if lower > 0:
            figure.add_hline(y=lower, line=dict(color=NEUTRAL, width=1, dash="dot"),
                             annotation_text=band_label(level, band_names or {}),
                             annotation_position="top right", annotation_font=dict(size=10, color="#52606D"),
                             annotation_bgcolor="rgba(255,255,255,0.8)")
    for year, label in (marked_years or {}).items():
        figure.add_vline(x=year - 0.5, line=dict(color="#D55E00", width=2, dash="dash"))
        figure.add_annotation(x=year - 0.5, y=5, yref="y", text=label, showarrow=False, xanchor="left",
                              yanchor="top", font=dict(size=11, color="#B24A00"), bgcolor="rgba(255,255,255,0.8)")
    figure.update_yaxes(range=[0, 5], title=y_label, dtick=1)
    figure.update_xaxes(dtick=1, title="")
    return finish(figure, text, height=440)


def heatmap(matrix: pd.DataFrame, cell_text: pd.DataFrame, text: ChartText, score_label: str) -> go.Figure:
    """Rows x columns of scores (0-5) with the value printed in each cell; viridis scale."""
    scale = [[i / 4, colour] for i, colour in enumerate(BAND_COLOURS.values())]
    figure = go.Figure(go.Heatmap(
        z=matrix.to_numpy(), x=list(matrix.columns), y=list(matrix.index), zmin=0, zmax=5,
        colorscale=scale, text=cell_text.to_numpy(), texttemplate="%{text}",
        colorbar=dict(title=score_label), hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
    ))
    figure.update_yaxes(autorange="reversed")
    return finish(figure, text, height=160 + 48 * len(matrix))


def dumbbell(frame: pd.DataFrame, text: ChartText, reference_name: str, score_label: str) -> go.Figure:
    """Per row label: a region's score against a reference (e.g. the peer median), joined by a line.
    `frame` has label, score, reference."""
    figure = go.Figure()
    for _, row in frame.iterrows():
        figure.add_trace(go.Scatter(x=[row["reference"], row["score"]], y=[row["label"], row["label"]],
                                    mode="lines", line=dict(color="#9AA5B1", width=3), showlegend=False,
                                    hoverinfo="skip"))
    figure.add_trace(go.Scatter(x=frame["reference"], y=frame["label"], mode="markers", name=reference_name,
                                marker=dict(symbol="diamond", size=13, color=NEUTRAL),
                                hovertemplate="%{y}: %{x:.2f}<extra>" + reference_name + "</extra>"))
    figure.add_trace(go.Scatter(x=frame["score"], y=frame["label"], mode="markers", name=frame.attrs.get(
        "series_name", ""), marker=dict(size=13, color=SERIES_COLOURS[0]),
        hovertemplate="%{y} · " + score_label + ": %{x:.2f}<extra></extra>"))
    # No x-axis title: the units are in the subtitle, and on a phone the title sat on the legend row.
    figure.update_xaxes(range=[0, 5], title=None, dtick=1, hoverformat=".2f")
    figure.update_yaxes(autorange="reversed")
    return finish(figure, text, height=160 + 40 * frame["label"].nunique())


def slope(frame: pd.DataFrame, first: int, last: int, text: ChartText, score_label: str) -> go.Figure:
    """Each series' score in `first` and `last` joined by a line (frame: series, year, score)."""
    figure = go.Figure()
    for number, (name, rows) in enumerate(frame.groupby("series", sort=False)):
        rows = rows.sort_values("year")
        figure.add_trace(go.Scatter(
            x=[str(y) for y in rows["year"]], y=rows["score"], name=str(name), mode="lines+markers+text",
            text=["", str(name)] if len(rows) == 2 else None, textposition="middle right",
            line=dict(color=SERIES_COLOURS[number % len(SERIES_COLOURS)], width=2),
            hovertemplate="%{x}: %{y:.2f}<extra>" + str(name) + "</extra>",
        ))
    figure.update_xaxes(type="category", categoryorder="array", categoryarray=[str(first), str(last)])
    figure.update_yaxes(range=[0, 5], title=score_label, dtick=1)
    return finish(figure, text, height=520)


def change_bars(frame: pd.DataFrame, text: ChartText, change_label: str) -> go.Figure:
    """Signed contributions per label (frame: label, change, change_text); rises blue, falls orange."""
    colours = ["#0072B2" if value >= 0 else "#D55E00" for value in frame["change"]]
    figure = go.Figure(go.Bar(
        y=frame["label"], x=frame["change"], orientation="h", marker=dict(color=colours),
        text=frame["change_text"], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{text}<extra></extra>", showlegend=False,
    ))
    # Room on both sides for the value labels printed outside the bars (negative ones go left).
    low, high = min(0.0, float(frame["change"].min())), max(0.0, float(frame["change"].max()))
    pad = 0.6 * max(high - low, 1e-3)
    figure.update_xaxes(title=change_label, zeroline=True, zerolinewidth=2,
                        range=[low - (pad if low < 0 else 0.05 * pad), high + pad])
    figure.update_yaxes(autorange="reversed")
    return finish(figure, text, height=160 + 34 * len(frame))
