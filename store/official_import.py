"""Reading and checking a file of official (published) results before anything is written.

One row per (region, year): region (Kemendagri code or a name as published), year, index as
published, optionally the five results-chain components, rank, rank_of, group, predicate, and the
provenance: source (publisher and title, required), source_url (a full http(s) address, never one
cut with "..."), published_on (YYYY-MM-DD), quote. Numbers keep the decimal text written ("3,48" and
"3.48" are both stored as "3.48"), so a published figure is never turned into a float and back.
Every problem is listed (file, row, column, value, expected); a file with any problem is refused.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from store.official import COLUMNS, COMPONENTS
from store.problems import IngestRefused, Problem
from store.reading import map_columns, read_grid
from store.region_names import RegionNames
from store.shapes import COLUMN_ALIASES

OFFICIAL_ALIASES = {
    "region_code": COLUMN_ALIASES["region_code"] + ("kabupaten_kota", "kab_kota", "daerah"),
    "year": ("year", "tahun"),
    "index": ("index", "indeks", "nilai", "nilai_akhir", "nilai_final", "indeks_smart_city"),
    "baseline": ("baseline",),
    "output": ("output",),
    "outcome": ("outcome",),
    "impact": ("impact",),
    "quick_win": ("quick_win", "quick_wins", "quickwin"),
    "rank": ("rank", "peringkat"),
    "rank_of": ("rank_of", "dari", "jumlah_dinilai"),
    "group": ("group", "kelompok"),
    "predicate": ("predicate", "predikat"),
    "source_url": ("source_url", "url", "tautan", "alamat_sumber"),
    "source": ("source", "sumber"),
    "published_on": ("published_on", "tanggal_terbit", "tanggal"),
    "quote": ("quote", "kutipan"),
}
REQUIRED = ("region_code", "year", "index", "source")
FIRST_YEAR, LAST_YEAR = 2017, 2100    # the programme started in 2017
SCALE = 4                             # published figures are "dari skala 4,0"
VALUE = re.compile(r"^\d(?:[.,]\d{1,2})?$")
URL = re.compile(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$")
CUT_MARKS = ("…", "...")
TEXT_LIMIT = 1000


def _value(text: str) -> str | None:
    """'3,48' / '3.48' -> '3.48' (the decimal as written, at most two decimals, 0 to SCALE)."""
    text = text.strip()
    if not VALUE.match(text):
        return None
    normal = text.replace(",", ".")
    return normal if float(normal) <= SCALE else None


def _whole(text: str) -> int | None:
    text = text.strip()
    return int(text) if re.fullmatch(r"\d{1,4}", text) and int(text) >= 1 else None


def check_official(name: str, data: bytes, regions: pd.DataFrame) -> pd.DataFrame:
    """The rows of an official-results file (COLUMNS, text values, year int), or IngestRefused
    listing every problem. Reads nothing but `data`; writes nothing."""
    grid = read_grid(name, data, key_aliases=OFFICIAL_ALIASES["region_code"],
                     preferred_sheets=("official", "resmi", "data"))
    columns, problems = map_columns(grid, OFFICIAL_ALIASES)
    for column in REQUIRED:
        if column not in columns:
            problems.append(Problem("missing_column", file=name, sheet=grid.sheet, row=grid.header_row,
                                    column=column, value=", ".join(h for h in grid.headers if h)))
    if problems:
        raise IngestRefused(problems)
    names = RegionNames(regions)
    rows, seen = [], {}
    for number, cells in grid.rows:
        def problem(code, column, value="", expected="", suggestion="", number=number):
            problems.append(Problem(code, file=name, sheet=grid.sheet, row=number,
                                    column=grid.headers[columns[column]].strip() if column in columns else column,
                                    value=value, expected=expected, suggestion=suggestion))

        text = {c: cells[i].strip() for c, i in columns.items()}
        for index, formula in grid.formulas.items():
            if index[0] == number and index[1] in columns.values():
                problems.append(Problem("formula_no_value", file=name, sheet=grid.sheet, row=number,
                                        column=grid.headers[index[1]], value=formula))
        row = {c: text.get(c, "") for c in COLUMNS}
        match = names.match(text["region_code"])
        if match.code is None:
            problem("ambiguous_region" if match.ambiguous else "official_unknown_region", "region_code",
                    text["region_code"], "; ".join(match.candidates))
        row["region_code"] = match.code
        year = _whole(text["year"])
        if year is None or not FIRST_YEAR <= year <= LAST_YEAR:
            problem("official_bad_year", "year", text["year"], f"{FIRST_YEAR}-{LAST_YEAR}")
        row["year"] = year
        for column in ("index", *COMPONENTS):
            if column in text and (column == "index" or text[column]):
                row[column] = _value(text[column])
                if row[column] is None:
                    problem("official_bad_value", column, text[column], f"0-{SCALE}")
        for column in ("rank", "rank_of"):
            if text.get(column) and _whole(text[column]) is None:
                problem("official_bad_rank", column, text[column])
        if text.get("rank") and text.get("rank_of") and _whole(text["rank"]) and _whole(text["rank_of"]) \
                and _whole(text["rank"]) > _whole(text["rank_of"]):
            problem("official_rank_above", "rank", text["rank"], text["rank_of"])
        for column in ("rank", "rank_of"):
            row[column] = str(_whole(row[column])) if _whole(row[column]) else ""
        if not text["source"]:
            problem("official_missing", "source")
        url = text.get("source_url", "")
        if url and (not URL.match(url) or any(mark in url for mark in CUT_MARKS)):
            problem("official_bad_url", "source_url", url)
        published = text.get("published_on", "")
        if published:
            try:
                row["published_on"] = date.fromisoformat(published).isoformat()
            except ValueError:
                problem("official_bad_date", "published_on", published)
        for column in ("group", "predicate", "source", "quote"):
            if len(row[column]) > TEXT_LIMIT:
                problem("official_too_long", column, str(len(row[column])), str(TEXT_LIMIT))
        key = (match.code, year)
        if None not in key:
            if key in seen:
                problem("official_duplicate", "region_code", f"{text['region_code']} {year}", str(seen[key]))
            seen.setdefault(key, number)
        rows.append(row)
    if problems:
        raise IngestRefused(problems)
    if not rows:
        raise IngestRefused([Problem("empty_file", file=name, sheet=grid.sheet)])
    return pd.DataFrame(rows, columns=COLUMNS).astype({"year": "Int64"})
