"""Reading an uploaded CSV/XLSX into a table of strings with canonical column names.

Everything is read as text so that validation, not the parser, decides what a value means and
can say which cell was wrong.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from store.problems import IngestRefused, Problem

# Accepted header spellings (any case and spacing) for each canonical column.
COLUMN_ALIASES = {
    "region_code": ("region_code", "kode_wilayah", "region", "wilayah"),
    "indicator_code": ("indicator_code", "kode_indikator", "indicator", "indikator"),
    "level": ("level", "level_terverifikasi", "verified_level"),
    "claimed_level": ("claimed_level", "level_klaim"),
    "evidence": ("evidence", "bukti"),
    "note": ("note", "catatan"),
}
REQUIRED_COLUMNS = ("region_code", "indicator_code", "level", "evidence")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")


def _normalise_header(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower().lstrip("\ufeff"))


def canonical_columns(headers: list[str]) -> dict[str, str]:
    """Map each recognised header of the file to its canonical column name."""
    lookup = {alias: canonical for canonical, aliases in COLUMN_ALIASES.items() for alias in aliases}
    return {header: lookup[_normalise_header(header)] for header in headers
            if _normalise_header(header) in lookup}


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(data: bytes) -> pd.DataFrame:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return pd.DataFrame()
    header, body = rows[0], rows[1:]
    width = len(header)
    body = [(row + [""] * width)[:width] for row in body]
    return pd.DataFrame(body, columns=header, dtype=object)


def _read_excel(data: bytes) -> pd.DataFrame:
    table = pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False, sheet_name=0)
    return table.astype(object)


def read_table(name: str, data: bytes) -> pd.DataFrame:
    """The file's first table as strings, columns renamed to canonical names where recognised.

    Raises IngestRefused for an unreadable or empty file. Row i of the result is spreadsheet
    row i + 2 (the header is row 1).
    """
    try:
        table = _read_excel(data) if Path(name).suffix.lower() in EXCEL_SUFFIXES else _read_csv(data)
    except Exception as error:  # any parser failure is the file's fault, reported, not raised
        raise IngestRefused([Problem("unreadable", file=name, value=type(error).__name__,
                                     expected="CSV (UTF-8/Windows-1252, , or ;) or XLSX")]) from None
    if table.empty:
        raise IngestRefused([Problem("empty_file", file=name)])
    table = table.rename(columns=canonical_columns(list(table.columns)))
    table = table.loc[:, ~table.columns.duplicated()]
    return table.map(lambda v: "" if v is None else str(v).strip()).reset_index(drop=True)
