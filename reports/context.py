"""What every export carries: language, year, stage, the source line and data-as-of, and the checks
that refuse a request before anything is built.

The source line is worded exactly as the pages word it (components.frame.Context.chart_text), so a
slide, a PDF chart and the screen say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from charts.theme import ChartText
from i18n import LANGUAGES, format_date, format_number, t
from reports.errors import ExportRefused
from scoring import STAGES, Band


@dataclass(frozen=True)
class ReportContext:
    lang: str
    year: int
    stage: str
    data_as_of: str      # ISO time of the newest snapshot the store answers from
    synthetic: bool

    @classmethod
    def of(cls, store, year: int, stage: str, lang: str) -> ReportContext:
        """The context of an export from `store` (refused when the language is unknown)."""
        if lang not in LANGUAGES:
            raise ExportRefused("reports.bad_lang", code=lang)
        return cls(lang=lang, year=int(year), stage=stage, data_as_of=store.data_as_of(),
                   synthetic=store.uses_synthetic_data())

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def number(self, value, digits: int = 2, signed: bool = False) -> str:
        """3,48 in Indonesian, 3.48 in English (rounded half up, as on screen)."""
        return format_number(value, self.lang, digits=digits, signed=signed)

    def date(self) -> str:
        return format_date(self.data_as_of, self.lang)

    @property
    def source(self) -> str:
        """"Sumber: data sintetis Matra. Data per 29 Nov 2026." (the chart caption of the pages)."""
        source = self.t("chart.source_synthetic" if self.synthetic else "chart.source_official")
        return self.t("chart.source", source=source, date=self.date())

    def chart_text(self, title: str, units: str = "") -> ChartText:
        """The ChartText a page would build for this chart (title, units, source, decimal mark)."""
        return ChartText(title=title, units=units, source=self.source, lang=self.lang,
                         decimal="." if self.lang == "en" else ",", shown=partial(format_number, lang=self.lang))

    def filters(self, scope: str = "") -> str:
        return self.t("reports.filters", year=self.year, stage=self.stage,
                      scope=scope or self.t("reports.national_scope"))

    def footer(self, scope: str = "") -> str:
        """Source, data-as-of and the filters: the line under every chart slide and PDF page."""
        return f"{self.source} {self.filters(scope)}"

    def band_label(self, band: Band) -> str:
        return band.label(self.lang)


def check_year_stage(store, year: int, stage: str) -> None:
    """Refuse a (year, stage) without an active (or pinned) snapshot."""
    if stage not in STAGES or store.active_snapshot(int(year), stage) is None:
        raise ExportRefused("empty.no_year_stage", year=year, stage=stage)


def check_regions(store, codes: list[str]) -> None:
    """Refuse region codes that are not kab/kota of the reference list."""
    known = set(store.regions()["code"])
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ExportRefused("reports.unknown_region", codes=", ".join(unknown))
    if not codes:
        raise ExportRefused("reports.no_regions")


def region_grid(store, region: str, year: int, stage: str):
    """The region's indicator grid (Store.region_indicators) and the framework it is read with;
    ExportRefused for an unknown region, a year/stage without data, or a region not assessed then."""
    check_regions(store, [region])
    check_year_stage(store, year, stage)
    grid = store.region_indicators(region, year, stage)
    if grid.empty:
        name = store.regions().set_index("code").loc[region, "name"]
        raise ExportRefused("region.not_assessed", name=name, year=year, stage=stage)
    return grid, store.framework_of(year, stage)
