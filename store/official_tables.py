"""The official-results table as pages, exports and the CLI read it: the published rows with the
region's name, the index recomputed from the published components (with that year's chain weights,
through scoring's one index function) and the difference; exports in CSV, JSON and XLSX.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pandas as pd

from i18n import t
from scoring import Framework
from scoring.official import beyond_tolerance, official_ranking, with_recomputed
from store import exports
from store.official import COLUMNS, COMPONENTS

EXPORT_COLUMNS = ["region_code", "region_name", "year", "index", *COMPONENTS, "rank", "rank_of", "group",
                  "predicate", "source_url", "source", "published_on", "quote", "recomputed", "difference"]
FORMATS = ("csv", "json", "xlsx")
FrameworkFor = Callable[[int], Framework | None]


def _weights(framework_for: FrameworkFor) -> Callable[[int], dict | None]:
    def weights_for(year: int):
        framework = framework_for(year)
        return None if framework is None else framework.chain_weights
    return weights_for


def official_table(rows: pd.DataFrame, regions: pd.DataFrame, framework_for: FrameworkFor, *,
                   year: int | None = None, region: str | None = None) -> pd.DataFrame:
    """The stored rows (of `year`, `region` when given) in EXPORT_COLUMNS: values as published
    (decimal text, '' where not published), recomputed and difference (Float64, NA where the five
    components are not all published). Sorted by year, then published index (highest first)."""
    if year is not None:
        rows = rows[rows["year"] == year]
    if region is not None:
        rows = rows[rows["region_code"] == region]
    names = regions.set_index("code")["name"]
    table = with_recomputed(rows[COLUMNS].reset_index(drop=True), _weights(framework_for))
    table["region_name"] = table["region_code"].map(names).fillna("")
    order = table.assign(value=table["index"].astype(float)).sort_values(
        ["year", "value", "region_code"], ascending=[True, False, True]).index
    return table.loc[order, EXPORT_COLUMNS].reset_index(drop=True)


def differing(table: pd.DataFrame) -> pd.DataFrame:
    """Rows of an official_table whose published index differs from the recomputed one by more than 0.01."""
    return beyond_tolerance(table).reset_index(drop=True)


def ranking(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """The published figures of `year` ranked among themselves (scoring.official.official_ranking),
    with region_name, rank_published and rank_of (as published), source and source_url."""
    current, previous = table[table["year"] == year], table[table["year"] == year - 1]
    ranked = official_ranking(current, previous)
    extra = current[["region_code", "region_name", "rank", "rank_of", "source", "source_url"]].rename(
        columns={"rank": "rank_published"})
    return ranked.merge(extra, on="region_code", how="left")


def typed(table: pd.DataFrame) -> pd.DataFrame:
    """The table for a spreadsheet or JSON: ranks as whole numbers, '' as empty. Published values
    stay their decimal text ("3.80"): a number cell would drop the trailing zero and the file
    would no longer import back as published."""
    result = table.copy()
    for column in ("rank", "rank_of"):
        result[column] = pd.to_numeric(result[column].replace("", pd.NA)).astype("Int64")
    return result


def export_bytes(table: pd.DataFrame, fmt: str, lang: str = "id") -> bytes:
    """CSV (comma, decimal point), JSON (a list of objects; empty -> null) or XLSX; published values
    as their decimal text in every format, recomputed and difference as numbers; spreadsheet
    formulas neutralised in CSV and XLSX. Every format imports back unchanged."""
    if fmt == "csv":
        return exports.csv_bytes(table.astype(object).where(table.notna(), ""))
    if fmt == "xlsx":
        dated = typed(table)
        return exports.xlsx_bytes(dated.assign(published_on=exports.as_dates(dated["published_on"])),
                                  sheet=t("exports.sheet_official", lang))
    if fmt == "json":
        records = [{key: None if _blank(value) else value for key, value in record.items()}
                   for record in typed(table).astype(object).to_dict("records")]
        return (json.dumps(records, ensure_ascii=False, indent=1, default=str) + "\n").encode("utf-8")
    raise ValueError(fmt)


def _blank(value) -> bool:
    return value is None or value == "" or (not isinstance(value, str) and bool(pd.isna(value)))


TEMPLATE_ROWS = [
    {"region_code": "15.71", "year": "2024", "index": "3.48", "baseline": "3.84", "output": "3.18",
     "outcome": "3.53", "impact": "3.63", "quick_win": "3.35", "rank": "13", "rank_of": "191", "group": "",
     "predicate": "", "source_url": "https://jambikota.go.id/content/931", "source": "Pemerintah Kota Jambi",
     "published_on": "", "quote": "nilai rata-rata baseline 3,84, Output 3,18, Outcome 3,53, Impact 3,63, "
                                  "Quick Wins 3,35, dengan total nilai Final 3,48"},
]


def template_bytes(fmt: str, lang: str = "id") -> bytes:
    """An import template: the import columns with one real published row (Kota Jambi 2024)."""
    frame = pd.DataFrame(TEMPLATE_ROWS, columns=COLUMNS)
    return (exports.xlsx_bytes(frame, sheet=t("exports.sheet_official", lang)) if fmt == "xlsx"
            else exports.csv_bytes(frame))
