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
    and gains (the chart's own range)."""

    kind: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    top: float | None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"chart kind {self.kind!r} is not one of {KINDS}")
        for name, values in self.series:
            if len(values) != len(self.categories):
                raise ValueError(f"series {name!r} has {len(values)} values for {len(self.categories)} categories")

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.series]

    def shown(self, digits: int = 2) -> list[list[float | None]]:
        """Each series' values as shown (scoring.round_score, `digits` decimals), None kept."""
        return [[None if value is None else round_score(value, digits) for value in values]
                for _, values in self.series]


def series_chart(kind: str, categories: Sequence, series: Sequence[tuple[str, Sequence]],
                 top: float | None) -> SeriesChart:
    """A SeriesChart from lists (values as floats; NaN and None become None)."""
    def value(v):
        return None if v is None or v != v else float(v)

    return SeriesChart(kind, tuple(str(c) for c in categories),
                       tuple((str(name), tuple(value(v) for v in values)) for name, values in series), top)
