"""A view's chart as data: its kind and its series, asked once. The page, the live slide
(plotly, through charts.series), the PPTX (a native chart, reports.slides.category_chart) and the
PDF handout (the PPTX's chart recorded, drawn by charts.series) all draw one `SeriesChart`, so a room
sees one picture of a view on every surface.

Kinds: "stacked" (horizontal stacked bars: counts per category), "bar" (horizontal grouped bars),
"line" (categories are years) and "radar". Every kind is one that PowerPoint draws natively and
editable, so no surface falls back to a picture of another kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scoring import round_score

KINDS = ("stacked", "bar", "line", "radar")


@dataclass(frozen=True)
class SeriesChart:
    """kind (KINDS); categories: the axis labels (dimension names, years, programmes), in order, the
    first at the top of a bar chart; series: (name, one value per category, None for none), in the
    legend's order; top: the value axis's end (the framework's max_level) for scores, None for counts
    and gains (the chart's own range); markers: (series name, the series whose colour it takes) for each
    series drawn as markers only, without a line (a line chart's published figures); texts: (series
    name, one printed text per category) for a series whose values are printed as given (published
    figures, never re-rounded) instead of formatted."""

    kind: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    top: float | None
    markers: tuple[tuple[str, str], ...] = ()
    texts: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"chart kind {self.kind!r} is not one of {KINDS}")
        for name, values in self.series:
            if len(values) != len(self.categories):
                raise ValueError(f"series {name!r} has {len(values)} values for {len(self.categories)} categories")
        for name, owner in self.markers:
            if name not in self.names or owner not in self.names:
                raise ValueError(f"marker series {name!r} or its line {owner!r} is not a series of the chart")

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.series]

    @property
    def marker_lines(self) -> dict[str, str]:
        """Each markers-only series -> the series whose colour it takes."""
        return dict(self.markers)

    def value_texts(self) -> dict[int, tuple[str, ...]]:
        """Series number -> its printed texts, for the series with texts of their own."""
        texts = dict(self.texts)
        return {number: texts[name] for number, name in enumerate(self.names) if name in texts}

    def shown(self, digits: int = 2) -> list[list[float | None]]:
        """Each series' values as shown (scoring.round_score, `digits` decimals), None kept."""
        return [[None if value is None else round_score(value, digits) for value in values]
                for _, values in self.series]


def series_chart(kind: str, categories: Sequence, series: Sequence[tuple[str, Sequence]],
                 top: float | None, markers: Sequence[tuple[str, str]] = (),
                 texts: Sequence[tuple[str, Sequence[str]]] = ()) -> SeriesChart:
    """A SeriesChart from lists (values as floats; NaN and None become None)."""
    def value(v):
        return None if v is None or v != v else float(v)

    return SeriesChart(kind, tuple(str(c) for c in categories),
                       tuple((str(name), tuple(value(v) for v in values)) for name, values in series), top,
                       tuple((str(name), str(owner)) for name, owner in markers),
                       tuple((str(name), tuple(str(text) for text in values)) for name, values in texts))
