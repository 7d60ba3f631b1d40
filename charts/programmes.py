"""Programme charts: a timeline (one bar per programme over its years) and money per dimension.

Programme names come from uploads: every label is HTML-escaped here, because plotly renders a
subset of HTML in text (a name like "<a href=…>" must show as typed, not as a link).
"""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from charts.labels import full_name, short_ticks, value_column, wrap
from charts.theme import NEUTRAL, ChartText, finish

STATUS_COLOURS = {"planned": "#CBD2D9", "running": "#0072B2", "done": "#009E73", "stopped": "#D55E00"}


def _safe(texts) -> list[str]:
    return [html.escape(str(t), quote=False) for t in texts]


def timeline(frame: pd.DataFrame, text: ChartText, status_names: dict[str, str], year_label: str,
             this_year: int | None = None) -> go.Figure:
    """Horizontal bars from start_year to the end of end_year per programme, coloured by status
    (legend names it). `frame`: label, start_year, end_year, status, progress_text. Names wrap on
    two lines (shortened at a word); the hover text has the full name. No x-axis title (the years
    speak for themselves, and a title sat on the legend row); `year_label` names them in the hover."""
    figure = go.Figure()
    labels = _safe(frame["label"])   # the full names: the traces' data; the axis shows them wrapped
    full = [full_name(label) for label in frame["label"]]
    for status, colour in STATUS_COLOURS.items():
        rows = frame[frame["status"] == status]
        if rows.empty:
            continue
        figure.add_trace(go.Bar(
            y=[labels[i] for i in rows.index.map(frame.index.get_loc)], x=rows["end_year"] - rows["start_year"] + 1,
            base=rows["start_year"], orientation="h", name=status_names.get(status, status),
            marker=dict(color=colour, line=dict(color="#1F2933", width=0.5)),
            # level text, shrunk to fit a short bar rather than turned on its side
            text=_safe(rows["progress_text"]), textposition="inside", insidetextanchor="start", textangle=0,
            hovertemplate="%{customdata[0]}<br>" + html.escape(year_label) + ": %{base} – %{customdata[1]}<extra>"
                          + html.escape(status_names.get(status, status)) + "</extra>",
            customdata=[[full[i], end] for i, end in zip(rows.index.map(frame.index.get_loc), rows["end_year"],
                                                         strict=True)],
        ))
    if this_year is not None:
        figure.add_vline(x=this_year + 0.5, line=dict(color=NEUTRAL, dash="dot", width=2))
    shown = [wrap(label, 28) for label in frame["label"]]
    figure.update_layout(barmode="overlay", yaxis=dict(autorange="reversed", categoryorder="array",
                                                       categoryarray=labels, **short_ticks(labels, shown)))
    figure.update_xaxes(title=None, dtick=1, tickformat="d")
    row = 40 if any("<br>" in label for label in shown) else 30
    return finish(figure, text, height=160 + row * len(frame))


def budget_bars(frame: pd.DataFrame, text: ChartText, budget_label: str) -> go.Figure:
    """Budget per dimension (horizontal bars), the budget and the dimension's gap to target printed
    in a column right of the bars.
    `frame`: label, budget (billion Rp), budget_text, gap_text."""
    labels = _safe(frame["label"])
    pairs = list(zip(_safe(frame["budget_text"]), _safe(frame["gap_text"]), strict=True))
    values = [f"{b}<br>{g}" for b, g in pairs]
    figure = go.Figure(go.Bar(   # the trace keeps its text (hover, exports); the column shows it
        y=labels, x=frame["budget"], orientation="h", marker=dict(color="#0072B2"),
        text=[f"{b} · {g}" for b, g in pairs], textposition="none",
        hovertemplate="%{y}: %{text}<extra></extra>", showlegend=False,
    ))
    value_column(figure, labels, values)   # budget over its gap, right of the bars: never cut
    top = float(frame["budget"].max()) if len(frame) else 0.0
    figure.update_xaxes(title=budget_label, range=[0, max(1.0, top * 1.05)])
    figure.update_layout(yaxis=dict(autorange="reversed"))
    return finish(figure, text, height=140 + 40 * len(frame))
