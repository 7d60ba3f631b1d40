"""What a trend view's selections mean: the measure it draws and the regions it follows."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from scoring import INDEX_CODE, Framework
from views.chart import SeriesChart, series_chart
from views.compare import MAX_REGIONS, listed
from views.official import published

DEFAULT_REGIONS = 3   # without a choice: the top of the ranking


@dataclass(frozen=True)
class TrendMeasure:
    """The index (code INDEX_CODE, kind "index") or one dimension (its code, kind "dimension")."""

    code: str
    kind: str

    def name(self, framework: Framework, lang: str, index_name: str) -> str:
        """The measure's name: `index_name` (the UI's word for the index) or the dimension's name."""
        return index_name if self.code == INDEX_CODE else framework.dimension_names(lang)[self.code]


def trend_measure(code: str | None, framework: Framework) -> TrendMeasure:
    """The measure `code` names (a dimension of `framework`), else the index."""
    if code in {d.code for d in framework.dimensions}:
        return TrendMeasure(code, "dimension")
    return TrendMeasure(INDEX_CODE, "index")


def measure_codes(framework: Framework) -> list[str]:
    """Every measure a trend view offers: the index first, then the dimensions in framework order."""
    return [INDEX_CODE, *[d.code for d in framework.dimensions]]


def trend_regions(params: Mapping[str, str], ranked: list[str], known: set[str]) -> list[str]:
    """`regions=a,b,c` (known codes, at most MAX_REGIONS), else the first DEFAULT_REGIONS of `ranked`."""
    return listed(params, "regions", known)[:MAX_REGIONS] or ranked[:DEFAULT_REGIONS]


def method_change_years(framework_ids: Mapping[int, str]) -> list[int]:
    """The years read with another framework version than the assessed year before them (the years
    a comparison across must flag). `framework_ids`: year -> framework id of that year's snapshot."""
    years = sorted(framework_ids)
    return [year for before, year in itertools.pairwise(years)
            if framework_ids[year] != framework_ids[before]]


def crosses_method_change(first: int, last: int, changes: list[int]) -> list[int]:
    """The method changes a comparison of `first` with `last` spans (first < year <= last)."""
    return [year for year in changes if first < year <= last]


def trend_chart(trend: pd.DataFrame, medians: pd.DataFrame, measure: TrendMeasure, chosen: list[str],
                names: Mapping[str, str], median_name: str, top: float, official: pd.DataFrame | None = None,
                official_name: Callable[[str], str] = str, lang: str = "id") -> SeriesChart:
    """The trend view's chart: `measure` over the years (every year the regions, the nation or the
    published results have) for each of `chosen` (in order, by name), the national median
    (`median_name`) and, for the index, each chosen region's published results (`official`:
    Store.official_table rows) as a markers-only series `official_name(region name)` in its line's
    colour, its values printed as published (views.official.published, `lang`).
    `trend` and `medians` are Store.trend and Store.national_medians of the measure's kind."""
    trend = trend[trend["code"] == measure.code]
    medians = medians[medians["code"] == measure.code]
    if official is None or measure.code != INDEX_CODE:
        official = pd.DataFrame(columns=["region_code", "year", "index"])
    official = official[official["region_code"].isin(chosen) & (official["index"] != "")]
    years = sorted(set(trend["year"]) | set(medians["year"]) | set(official["year"].astype(int)))
    series, markers, texts = [], [], []
    for code in chosen:
        by_year = trend[trend["region_code"] == code].set_index("year")["score"]
        series.append((names[code], [by_year.get(year) for year in years]))
    national = medians.set_index("year")["score"]
    series.append((median_name, [national.get(year) for year in years]))
    for code in chosen:
        rows = official[official["region_code"] == code]
        if rows.empty:
            continue
        by_year = dict(zip(rows["year"].astype(int), rows["index"], strict=True))
        name = official_name(names[code])
        series.append((name, [float(by_year[year]) if year in by_year else None for year in years]))
        markers.append((name, names[code]))
        texts.append((name, [published(by_year.get(year), lang) for year in years]))
    return series_chart("line", [str(year) for year in years], series, top, markers, texts)
