"""The dot map of regions from their centroids: plain x/y scatter, no tiles, no network."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.theme import BAND_COLOURS, ChartText, finish

# Indonesia's extent with a margin; equal degrees on both axes keep the archipelago's shape.
LON_RANGE = (94.0, 141.5)
LAT_RANGE = (-11.5, 6.5)


def band_map(regions: pd.DataFrame, band_names: dict[int, str], text: ChartText,
             hover_label: str, extent: tuple[tuple[float, float], tuple[float, float]] | None = None,
             highlight: tuple[str, str] | None = None) -> go.Figure:
    """Regions as dots coloured by band; one legend entry per band, named ("Baik").

    `regions` has code, name, longitude, latitude, band (Int, NA when not assessed) and
    index_text (the formatted index). Unassessed regions are grey. customdata holds the code.
    `extent`: (longitude range, latitude range) to zoom to (a province), else all Indonesia.
    `highlight`: (code, legend name) of the user's own region, ringed on top of the others.
    """
    figure = go.Figure()
    assessed = regions[regions["band"].notna()]
    missing = regions[regions["band"].isna()]
    if not missing.empty:
        figure.add_trace(go.Scatter(
            x=missing["longitude"], y=missing["latitude"], mode="markers", name=band_names.get(0, "–"),
            marker=dict(size=6, color="#CBD2D9", line=dict(width=0)),
            customdata=missing[["code"]].to_numpy(), text=missing["name"],
            hovertemplate="%{text}<extra></extra>",
        ))
    for level in sorted(assessed["band"].unique()):
        rows = assessed[assessed["band"] == level]
        figure.add_trace(go.Scatter(
            x=rows["longitude"], y=rows["latitude"], mode="markers",
            name=band_names[int(level)],
            marker=dict(size=9, color=BAND_COLOURS[int(level)], line=dict(width=0.6, color="#1F2933")),
            customdata=rows[["code"]].to_numpy(), text=rows["name"] + "<br>" + hover_label + ": "
            + rows["index_text"],
            hovertemplate="%{text}<extra></extra>",
        ))
    if highlight is not None:
        mine = regions[regions["code"] == highlight[0]]
        if not mine.empty:
            figure.add_trace(go.Scatter(
                x=mine["longitude"].tolist(), y=mine["latitude"].tolist(), mode="markers", name=highlight[1],
                marker=dict(size=20, color="rgba(0,0,0,0)", line=dict(width=3, color="#1F2933")),
                customdata=mine[["code"]].to_numpy(), text=mine["name"], hovertemplate="%{text}<extra></extra>",
            ))
    lon_range, lat_range = extent or (LON_RANGE, LAT_RANGE)
    figure.update_xaxes(range=list(lon_range), visible=False, constrain="domain")
    figure.update_yaxes(range=list(lat_range), visible=False, scaleanchor="x", scaleratio=1)
    figure.update_layout(legend=dict(orientation="h", y=-0.05), dragmode="pan")
    return finish(figure, text, height=480)
