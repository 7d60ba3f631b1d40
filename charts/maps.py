"""The dot map of regions from their centroids: plain x/y scatter over a basemap, no tiles, no network.

The basemap (store.catalog.Basemap, Natural Earth via tools/build_basemap.py) is drawn as the first
traces, under the dots: land as light filled outlines, Indonesia a shade darker than its neighbours,
province borders as thin dotted lines. It takes no hover, no click and no legend entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from charts.labels import POINT_LABEL_FONT_SIZE, map_label, point_label_places
from charts.theme import BAND_COLOURS, ChartText, finish

# Indonesia's extent with a margin; equal degrees on both axes keep the archipelago's shape.
LON_RANGE = (94.0, 141.5)
LAT_RANGE = (-11.5, 6.5)
HEIGHT, ZOOMED_HEIGHT = 480, 560   # a province's map is taller: its labels need the room
# The plot's size in px on the two screens a zoomed map's labels are placed for (measured in
# Chromium): its height inside ZOOMED_HEIGHT on a wide screen, where the map is height-bound, and
# its width on a phone (390 px), where it is width-bound.
WIDE_PLOT_HEIGHT_PX, PHONE_PLOT_WIDTH_PX = 400, 342
BASEMAP_NAME = "basemap"   # the `meta` of every basemap trace, so a reader (or a test) can tell them apart
LAND, NEIGHBOUR_LAND = dict(fill="#EEF1F4", line="#9AA5B1"), dict(fill="#F7F8FA", line="#CBD2D9")
BORDER_COLOUR = "#9AA5B1"
DOT_PX = 9
# Land is drawn with about this many points of detail over the view's height: a step near a pixel
# on the tallest plot (the file's own detail, 0.01 degree, is finer than that for a whole country).
DETAIL_STEPS = 400


def _joined(lines: Iterable[Sequence[float]], closed: bool, view: tuple[float, float, float, float],
            step: float) -> tuple:
    """Flat lon/lat lines as one trace's x and y, each line ended by NaN (a gap); rings closed.

    Only lines that reach into `view` (west, south, east, north) are drawn, and a point closer than
    `step` degrees to the last one kept is dropped (the first and last stay): a national map needs
    no detail finer than a pixel, and a province's map no land far outside it. The figure sent to
    each browser stays small.

    x and y are float32 arrays (a metre's precision): plotly sends them as typed arrays, which
    Streamlit copies and encodes on every page run about ten times faster than lists of floats
    (the overview map's basemap is some 7,500 points)."""
    west, south, east, north = view
    xs: list = []
    ys: list = []
    for line in lines:
        lons, lats = line[0::2], line[1::2]
        if max(lons) < west or min(lons) > east or max(lats) < south or min(lats) > north:
            continue
        kept_x, kept_y = [lons[0]], [lats[0]]
        for lon, lat in zip(lons[1:-1], lats[1:-1], strict=True):
            if abs(lon - kept_x[-1]) >= step or abs(lat - kept_y[-1]) >= step:
                kept_x.append(lon)
                kept_y.append(lat)
        kept_x.append(lons[-1])
        kept_y.append(lats[-1])
        if closed and len(kept_x) < 3:
            continue   # an island smaller than a pixel
        xs.extend(kept_x + ([lons[0], None] if closed else [None]))
        ys.extend(kept_y + ([lats[0], None] if closed else [None]))
    return _float32(xs), _float32(ys)


def _float32(values: list):
    """Coordinates as a float32 array (a metre's precision), gaps (None) as NaN."""
    return pd.Series(values, dtype="float32").to_numpy()


def basemap_traces(basemap, extent: tuple[tuple[float, float], tuple[float, float]] | None = None
                   ) -> list[go.Scatter]:
    """Neighbouring land, Indonesia's land and the province borders, as three quiet traces.

    `basemap` has `neighbours` and `indonesia` (flat lon/lat rings) and `borders` ((code, code,
    flat line)), as store.catalog.Basemap. `extent` (longitude and latitude range): the view the
    land is drawn for, all Indonesia when None; land reaching within one extent of it is drawn (a
    wide screen shows more than the extent, and the reader may pan), at about a pixel's detail."""
    (west, east), (south, north) = extent or (LON_RANGE, LAT_RANGE)
    width, height = east - west, north - south
    view = (west - width, south - height, east + width, north + height)
    step = height / DETAIL_STEPS
    quiet = dict(mode="lines", hoverinfo="skip", showlegend=False, meta=BASEMAP_NAME)
    traces = []
    for name, rings, style in (("neighbours", basemap.neighbours, NEIGHBOUR_LAND),
                               ("indonesia", basemap.indonesia, LAND)):
        xs, ys = _joined(rings, True, view, step)
        traces.append(go.Scatter(x=xs, y=ys, name=name, fill="toself", fillcolor=style["fill"],
                                 line=dict(color=style["line"], width=0.6), **quiet))
    xs, ys = _joined((line for _, _, line in basemap.borders), False, view, step)
    traces.append(go.Scatter(x=xs, y=ys, name="borders", line=dict(color=BORDER_COLOUR, width=0.8, dash="dot"),
                             **quiet))
    return traces


def label_trace(regions: pd.DataFrame, extent: tuple[tuple[float, float], tuple[float, float]]) -> go.Scatter:
    """Every region's short name beside its dot (charts.labels.map_label), each placed where it
    covers the fewest other labels and dots, and stays inside `extent`, on a wide screen and a phone."""
    texts = [map_label(name) for name in regions["name"]]
    (west, east), (south, north) = extent
    scales = (WIDE_PLOT_HEIGHT_PX / (north - south), PHONE_PLOT_WIDTH_PX / (east - west))
    places = point_label_places(regions["longitude"].tolist(), regions["latitude"].tolist(), texts, scales,
                                bounds=(west, south, east, north), marker_px=DOT_PX)
    # Invisible markers as large as the dots: plotly sets a label off by its point's marker size.
    return go.Scatter(x=regions["longitude"], y=regions["latitude"], mode="markers+text", text=texts,
                      textposition=places, marker=dict(size=DOT_PX, opacity=0), hoverinfo="skip",
                      textfont=dict(size=POINT_LABEL_FONT_SIZE, color="#1F2933"), showlegend=False, name="labels",
                      cliponaxis=False)


def band_map(regions: pd.DataFrame, band_names: dict[int, str], text: ChartText,
             hover_label: str, extent: tuple[tuple[float, float], tuple[float, float]] | None = None,
             highlight: tuple[str, str] | None = None, basemap=None) -> go.Figure:
    """Regions as dots coloured by band; one legend entry per band, named ("Baik").

    `regions` has code, name, longitude, latitude, band (Int, NA when not assessed) and
    index_text (the formatted index). Unassessed regions are grey. customdata holds the code.
    `extent`: (longitude range, latitude range) to zoom to (a province), else all Indonesia; a
    zoomed map labels every region with its short name, the national one none.
    `highlight`: (code, legend name) of the user's own region, ringed on top of the others.
    `basemap`: the land and borders drawn under the dots (store.catalog.Basemap), or None.
    """
    figure = go.Figure(basemap_traces(basemap, extent) if basemap is not None else None)
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
            marker=dict(size=DOT_PX, color=BAND_COLOURS[int(level)], line=dict(width=0.6, color="#1F2933")),
            customdata=rows[["code"]].to_numpy(), text=rows["name"] + "<br>" + hover_label + ": "
            + rows["index_text"],
            hovertemplate="%{text}<extra></extra>",
        ))
    if extent is not None and not regions.empty:
        figure.add_trace(label_trace(regions, extent))
    if highlight is not None:
        mine = regions[regions["code"] == highlight[0]]
        if not mine.empty:
            figure.add_trace(go.Scatter(
                x=mine["longitude"].tolist(), y=mine["latitude"].tolist(), mode="markers", name=highlight[1],
                marker=dict(size=20, color="rgba(0,0,0,0)", line=dict(width=3, color="#1F2933")),
                customdata=mine[["code"]].to_numpy(), text=mine["name"], hovertemplate="%{text}<extra></extra>",
            ))
    lon_range, lat_range = extent or (LON_RANGE, LAT_RANGE)
    # Nationally the map keeps Indonesia's extent (the plot shrinks to fit); zoomed, the ranges grow
    # to fill the plot, so a wide screen shows the neighbouring provinces' land beside the province.
    constrain = "range" if extent else "domain"
    figure.update_xaxes(range=list(lon_range), visible=False, constrain=constrain)
    figure.update_yaxes(range=list(lat_range), visible=False, scaleanchor="x", scaleratio=1, constrain=constrain)
    figure.update_layout(legend=dict(orientation="h", y=-0.05), dragmode="pan")
    finish(figure, text, height=ZOOMED_HEIGHT if extent else HEIGHT)
    return figure.update_layout(margin=dict(l=8, r=8))   # the axes are hidden: no room for tick labels
