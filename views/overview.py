"""What an overview's selections (province, kind, cohort, evaluation group) mean: the regions of a ranking it keeps."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

import pandas as pd

from scoring import Framework, summaries
from views.chart import SeriesChart, series_chart

KINDS = ("kabupaten", "kota")
LIST_SEPARATOR = ","


@dataclass(frozen=True)
class OverviewSelection:
    """Provinces (codes; none = the nation), kind (kabupaten | kota | "" for both), cohort (the
    first year in the programme; None for every cohort) and evaluation group (the ranking's `group`,
    data/groups/groups.csv; "" for every group)."""

    provinces: tuple[str, ...] = ()
    kind: str = ""
    cohort: int | None = None
    group: str = ""

    @classmethod
    def from_params(cls, params: Mapping[str, str], province_codes: Collection[str]) -> OverviewSelection:
        """The selection URL/agenda parameters name (province=35,36&kind=kota&cohort=2018&group=reguler);
        values that name nothing known are dropped (a group naming none of the year's keeps no region)."""
        known = set(province_codes)
        provinces = tuple(p for p in params.get("province", "").split(LIST_SEPARATOR) if p in known)
        kind = params.get("kind", "")
        cohort = params.get("cohort", "")
        return cls(provinces, kind if kind in KINDS else "", int(cohort) if cohort.isdigit() else None,
                   params.get("group", ""))

    @property
    def filtered(self) -> bool:
        return bool(self.provinces or self.kind or self.cohort is not None or self.group)


def shown_ranking(source, year: int, stage: str, selection: OverviewSelection) -> pd.DataFrame:
    """The rows of the national ranking (source.ranking) that `selection` keeps; ranks stay national."""
    ranking = source.ranking(year, stage)
    cohort_codes = None
    if selection.cohort is not None:
        cohorts = source.cohorts()
        cohort_codes = set(cohorts.loc[cohorts["cohort"] == selection.cohort, "region_code"])
    rows = summaries.filter_regions(ranking, selection.provinces, selection.kind or None, cohort_codes)
    return rows[rows["group"] == selection.group] if selection.group else rows


@dataclass(frozen=True)
class OverviewModel:
    """The overview view of an agenda, page section or slide: rows (the kept rows of the national
    ranking), headline (scoring.summaries.headline: regions, median index, share at the minimum
    band and up) and chart (regions per band in each dimension)."""

    rows: pd.DataFrame
    headline: summaries.Headline
    chart: SeriesChart


def band_chart(framework: Framework, dimension_scores: pd.DataFrame, region_codes, lang: str) -> SeriesChart:
    """Regions per band in each dimension (stacked bars), of the regions in `region_codes`:
    dimensions in framework order, one series per band ("3 · Baik"), every band of the framework."""
    counts = summaries.band_counts(dimension_scores[dimension_scores["region_code"].isin(list(region_codes))])
    by_band = counts.set_index(["band", "dimension"])["regions"]
    codes = [d.code for d in framework.dimensions]
    return series_chart("stacked", [d.name(lang) for d in framework.dimensions],
                        [(band.label(lang), [int(by_band.get((band.level, code), 0)) for code in codes])
                         for band in framework.bands], None)


def overview_model(source, year: int, stage: str, selection: OverviewSelection, framework: Framework,
                   lang: str) -> OverviewModel:
    """The overview of `selection` in (year, stage), asked of `source` (a Store or an agenda's frozen data)."""
    rows = shown_ranking(source, year, stage, selection)
    return OverviewModel(rows, summaries.headline(rows, framework.minimum_target_band),
                         band_chart(framework, source.scores(year, stage, "dimension"), rows["region_code"], lang))


def group_columns(rows: pd.DataFrame, t, group_names: dict[str, str]) -> dict[str, pd.Series]:
    """The evaluation group (by name) and the rank within it, keyed by their translated headers (`t`:
    message id -> text); none when no row has a group (a year or stage without evaluation groups)."""
    if not rows["group"].notna().any():
        return {}
    return {t("word.group"): rows["group"].map(lambda g: group_names.get(g, g) if isinstance(g, str) else ""),
            t("word.group_rank"): rows["group_rank"].astype("Int64")}


def scope_names(selection: OverviewSelection, province_names: Mapping[str, str]) -> list[str]:
    """The provinces a selection is about, by name (empty: the nation)."""
    return [province_names[code] for code in selection.provinces if code in province_names]


def scope_title(selection: OverviewSelection, province_names: Mapping[str, str], group_names: Mapping[str, str],
                t: Callable[..., str], year, stage) -> str:
    """The overview's heading on the page, its live slide and its PPTX slide: the provinces and the
    evaluation group chosen, by name ("national" only when neither is chosen). `t` is the caller's
    i18n lookup (key, **values) in the UI language."""
    provinces = ", ".join(scope_names(selection, province_names))
    group = group_names.get(selection.group, selection.group) if selection.group else ""
    key = ("overview.title_scope_group" if provinces and group else "overview.title_group" if group
           else "overview.title_scope" if provinces else "overview.title")
    return t(key, scope=provinces, group=group, year=year, stage=stage)


def scope_line(selection: OverviewSelection, province_names: Mapping[str, str], group_names: Mapping[str, str],
               t: Callable[..., str], national: str) -> str:
    """Every filter of a selection in one line, for a slide's scope text and a footer: the provinces
    (or `national`), the kind, the cohort and the evaluation group ("Jawa Timur · Kota · kelompok
    Angkatan 2023")."""
    parts = [", ".join(scope_names(selection, province_names)) or national]
    if selection.kind:
        parts.append(t(f"word.{selection.kind}"))
    if selection.cohort is not None:
        parts.append(t("trends.cohort_series", cohort=selection.cohort))
    if selection.group:
        parts.append(t("overview.scope_group", group=group_names.get(selection.group, selection.group)))
    return " · ".join(parts)


MIN_SPAN_DEGREES = 3.0     # a zoomed map never shows less than this (a small province keeps context)
PAD_DEGREES = 0.5


def map_extent(rows: pd.DataFrame) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """Longitude and latitude ranges that frame `rows` (longitude, latitude) with a margin, at least
    MIN_SPAN_DEGREES wide and tall; None when there is nothing to frame."""
    points = rows[["longitude", "latitude"]].dropna()
    if points.empty:
        return None

    def framed(values: pd.Series) -> tuple[float, float]:
        low, high = float(values.min()) - PAD_DEGREES, float(values.max()) + PAD_DEGREES
        grow = max(0.0, MIN_SPAN_DEGREES - (high - low)) / 2
        return (low - grow, high + grow)

    return framed(points["longitude"]), framed(points["latitude"])

