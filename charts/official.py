"""Official (published) figures drawn on a chart beside Matra's computed lines: diamond markers with
the published value written beside each, one trace per region in its line's colour, so a reader
never takes a published figure for a computed one (the legend says 'Official (published)')."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from charts.labels import full_name, legend_name

OFFICIAL_COLOUR = "#1F2933"   # near black: apart from every region colour and the grey median


TEXT_POSITIONS = ("top center", "bottom center", "middle right", "middle left")   # neighbours' labels apart


def official_trace(name: str, years: Sequence[int], values: Sequence[float], labels: Sequence[str],
                   colour: str, number: int) -> go.Scatter:
    """A markers-only series (views.chart.SeriesChart.markers) as labelled diamonds: placed at
    `values`, each printed as its `labels` text unchanged (as published); `colour` the colour of the
    region's line, `number` the series' place among the chart's markers (keeps neighbours' labels apart)."""
    return go.Scatter(
        x=list(years), y=list(values), name=legend_name(name), mode="markers+text",
        text=list(labels), textposition=TEXT_POSITIONS[number % len(TEXT_POSITIONS)],
        textfont=dict(size=12, color=OFFICIAL_COLOUR),
        marker=dict(symbol="diamond", size=12, color="white", line=dict(color=colour, width=3)),
        hovertemplate="%{x}: %{text}<extra>" + full_name(name) + "</extra>",
    )
