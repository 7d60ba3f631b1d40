"""Evidence readiness chart: the share of verified evidence per OPD (one region or a roll-up)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from charts.theme import ChartText, finish

READY, PARTLY, LAGGING = "#009E73", "#0072B2", "#D55E00"


def progress_bars(frame: pd.DataFrame, text: ChartText, axis_label: str) -> go.Figure:
    """Horizontal bars of `progress` (0-1, shown as %) per `label`, in the frame's order (least
    ready first), the bar's `text` printed beside it. Complete = green, under half = orange; the
    printed value carries the meaning, colour only repeats it."""
    colours = [READY if p >= 1 else (LAGGING if p < 0.5 else PARTLY) for p in frame["progress"]]
    figure = go.Figure(go.Bar(
        y=[html.escape(str(label), quote=False) for label in frame["label"]], x=frame["progress"] * 100,
        orientation="h", marker=dict(color=colours, line=dict(color="#1F2933", width=0.5)),
        text=[html.escape(str(value), quote=False) for value in frame["text"]], textposition="outside",
        cliponaxis=False, hovertemplate="%{y}: %{text}<extra></extra>", showlegend=False,
    ))
    figure.update_xaxes(range=[0, 118], title=axis_label, tickvals=[0, 25, 50, 75, 100])
    figure.update_layout(yaxis=dict(autorange="reversed"))
    return finish(figure, text, height=140 + 28 * len(frame))
