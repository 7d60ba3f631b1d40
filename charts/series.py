"""One figure for a view's chart of any kind (views.chart.SeriesChart, given as its parts): the live
slide, the page and the PDF handout draw a view's chart through here, so each kind has one plotly
builder (radar and lines from charts.profiles, bars from charts.bars)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from charts.bars import grouped_bars, stacked_bars
from charts.labels import colours_for
from charts.profiles import lines, radar
from charts.theme import ChartText


def series_figure(kind: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence]], text: ChartText,
                  *, top: float | None, value_label: str = "",
                  colours: Sequence[str] | Mapping[str, str] | None = None,
                  point_colours: dict[int, Sequence[str]] | None = None,
                  value_texts: dict[int, Sequence[str]] | None = None,
                  text_colours: Sequence[str] | None = None,
                  markers: Mapping[str, str] | None = None) -> go.Figure:
    """The plotly figure of a chart of `kind` ("stacked", "bar", "line", "radar"): `categories` in
    order, `series` (name, one value per category, None for none), the value axis from 0 to `top`
    (scores) or its own range (None: counts, gains). `colours`: one per series, or by series name (a page's
    region colours; charts.labels.colours_for), default the palette; `text_colours`: the printed
    counts' colour per series (stacked bars);
    `point_colours`: series number -> one colour per category; `value_texts`: series number -> the
    printed value of each category (else `text.shown`); `markers` (line charts): series drawn as
    labelled diamonds without a line -> the series whose colour they take (views.chart.SeriesChart)."""
    categories = list(categories)
    series = [(str(name), [None if v is None or v != v else float(v) for v in values]) for name, values in series]
    if isinstance(colours, Mapping) or not colours:
        palette = colours_for([name for name, _ in series], dict(colours or {}))
    else:
        palette = list(colours)
    by_name = {name: palette[number % len(palette)] for number, (name, _) in enumerate(series)}
    if kind == "radar":
        return radar(categories, series, text, by_name, top=top)
    if kind == "line":
        return lines(line_frame(categories, series, value_texts), text, value_label, colours=by_name, top=top,
                     markers=markers)
    if kind == "stacked":
        return stacked_bars(categories, series, text, value_label, palette, text_colours)
    if kind == "bar":
        return grouped_bars(categories, series, text, value_label, palette, top=top,
                            point_colours={k: list(v) for k, v in (point_colours or {}).items()},
                            value_texts={k: list(v) for k, v in (value_texts or {}).items()})
    raise ValueError(f"no figure for a chart of kind {kind!r}")


def line_frame(categories: Sequence[str], series: Sequence[tuple[str, Sequence]],
               value_texts: Mapping[int, Sequence[str]] | None = None) -> pd.DataFrame:
    """A line chart's series as charts.profiles.lines takes them: year, series, score and label (the
    series' printed text of the year from `value_texts`, by series number, else ''), one row per value."""
    texts = value_texts or {}
    rows = [{"year": _year(category), "series": name, "score": value,
             "label": texts[number][place] if number in texts else ""}
            for number, (name, values) in enumerate(series)
            for place, (category, value) in enumerate(zip(categories, values, strict=True)) if value is not None]
    return pd.DataFrame(rows, columns=["year", "series", "score", "label"])


def _year(category: str):
    return int(category) if str(category).isdigit() else category
