"""Evidence readiness chart: the share of verified evidence per OPD (one region or a roll-up)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from charts.labels import value_column
from charts.theme import ChartText, finish

READY, PARTLY, LAGGING = "#009E73", "#0072B2", "#D55E00"


def progress_bars(frame: pd.DataFrame, text: ChartText, axis_label: str) -> go.Figure:
    """Horizontal bars of `progress` (0-1, shown as %) per `label`, in the frame's order (least
    ready first), the bar's `text` printed in a column right of the bars. Complete = green, under half = orange; the
    printed value carries the meaning, colour only repeats it."""
    colours = [READY if p >= 1 else (LAGGING if p < 0.5 else PARTLY) for p in frame["progress"]]
    labels = [html.escape(str(label), quote=False) for label in frame["label"]]
    values = [html.escape(str(value), quote=False) for value in frame["text"]]
    figure = go.Figure(go.Bar(
        y=labels, x=frame["progress"] * 100, orientation="h",
        marker=dict(color=colours, line=dict(color="#1F2933", width=0.5)), text=values, textposition="none",
        hovertemplate="%{y}: %{text}<extra></extra>", showlegend=False,
    ))
    # The printed values stand in a column right of the bars: a full bar leaves no room beside it.
    value_column(figure, labels, values)
    figure.update_xaxes(range=[0, 101], title=axis_label, tickvals=[0, 25, 50, 75, 100])
    figure.update_layout(yaxis=dict(autorange="reversed"))
    return finish(figure, text, height=140 + 28 * len(frame))
