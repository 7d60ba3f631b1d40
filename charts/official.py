"""Official (published) figures drawn on a chart beside Matra's computed lines: diamond markers with
the published value written beside each, one trace per region, so a reader never takes a published
figure for a computed one (the legend says 'Official (published)')."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.labels import full_name, legend_name

OFFICIAL_COLOUR = "#1F2933"   # near black: apart from every region colour and the grey median


TEXT_POSITIONS = ("top center", "bottom center", "middle right", "middle left")   # neighbours' labels apart


def add_official_markers(figure: go.Figure, official: pd.DataFrame, colours: dict[str, str] | None = None
                         ) -> go.Figure:
    """`figure` with one markers+text trace per `series`. `official` has year, index (the published
    decimal text), label (that text as the reader's language writes it), series (legend name) and
    region (the region's name, for `colours`: the page's colour of that region, so its diamonds
    match its line). The y position is the float of the published text; the text shown is the
    label, unchanged."""
    for number, ((name, region), rows) in enumerate(official.groupby(["series", "region"], sort=True)):
        colour = (colours or {}).get(region, OFFICIAL_COLOUR)
        figure.add_trace(go.Scatter(
            x=rows["year"].astype(int), y=rows["index"].astype(float), name=legend_name(name), mode="markers+text",
            text=rows["label"], textposition=TEXT_POSITIONS[number % len(TEXT_POSITIONS)],
            textfont=dict(size=12, color=OFFICIAL_COLOUR),
            marker=dict(symbol="diamond", size=12, color="white", line=dict(color=colour, width=3)),
            hovertemplate="%{x}: %{text}<extra>" + full_name(name) + "</extra>",
        ))
    return figure
