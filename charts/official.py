"""Official (published) figures drawn on a chart beside Matra's computed lines: diamond markers with
the published value written beside each, one trace per region, so a reader never takes a published
figure for a computed one (the legend says 'Official (published)')."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.labels import full_name, legend_name

OFFICIAL_COLOUR = "#1F2933"   # near black: apart from every region colour and the grey median


def add_official_markers(figure: go.Figure, official: pd.DataFrame) -> go.Figure:
    """`figure` with one markers+text trace per `series`. `official` has year, index (the published
    decimal text), label (that text as the reader's language writes it) and series (legend name).
    The y position is the float of the published text; the text shown is the label, unchanged."""
    for name, rows in official.groupby("series", sort=True):
        figure.add_trace(go.Scatter(
            x=rows["year"].astype(int), y=rows["index"].astype(float), name=legend_name(name), mode="markers+text",
            text=rows["label"], textposition="top center", textfont=dict(size=12, color=OFFICIAL_COLOUR),
            marker=dict(symbol="diamond", size=12, color="white", line=dict(color=OFFICIAL_COLOUR, width=2.5)),
            hovertemplate="%{x}: %{text}<extra>" + full_name(name) + "</extra>",
        ))
    return figure
