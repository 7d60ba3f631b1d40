"""XLSX cells as text, with openpyxl in read-only (streaming) mode.

Values come from `data_only=True`: the value Excel saved with each formula. A formula saved without
a value (files written by scripts, or saved without recalculating) would read as an empty cell, so
the sheet's XML is also scanned for formula cells with no saved value; they come back as "" plus
their formula text so the caller can refuse them by row and column. The scan replaces a second
openpyxl pass in formula mode (which doubled the read time) and is skipped when the sheet holds no
formula at all.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time
from xml.etree.ElementTree import iterparse

import openpyxl
from openpyxl.utils.cell import column_index_from_string

ZIP_MAGIC = b"PK\x03\x04"
FORMULA_TAG = re.compile(rb"<(\w+:)?f[\s>/]")
CELL_REFERENCE = re.compile(r"([A-Z]+)(\d+)$")


def is_xlsx(data: bytes) -> bool:
    """True for a zip container (XLSX and friends), whatever the file is called."""
    return data[:4] == ZIP_MAGIC


def cell_text(value) -> str:
    """A cell value as the text a planner sees: 3.0 -> "3", None -> "", dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


def _open(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)


def _rows(worksheet, limit: int | None = None):
    # Sheets written by other tools may declare wrong dimensions; read what is really there.
    worksheet.reset_dimensions()
    return worksheet.iter_rows(values_only=True, max_row=limit)


def _trimmed(row) -> list[str]:
    """A row's texts without the trailing blanks openpyxl pads every row with."""
    cells = [cell_text(v) for v in row]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def sheet_heads(data: bytes, limit: int, max_columns: int | None = None
                ) -> dict[str, list[tuple[int, list[str]]]]:
    """The first `limit` rows of every worksheet, as text, keyed by sheet name in file order
    (cut to `max_columns` cells: only the header is looked for here; the chosen sheet is read
    again in full, within limits, by `sheet_rows`)."""
    workbook = _open(data)
    try:
        return {sheet.title: [(n, _trimmed(row)[:max_columns])
                              for n, row in enumerate(_rows(sheet, limit), start=1)]
                for sheet in workbook.worksheets}
    finally:
        workbook.close()


def sheet_rows(data: bytes, sheet: str, check: Callable[[int, list[str]], None] | None = None
               ) -> tuple[list[tuple[int, list[str]]], dict[tuple[int, int], str]]:
    """Every row of `sheet` as (row number, texts), and {(row, column index): formula} for the
    formulas that have no saved value. `check(number, cells)` sees each row as it streams in and
    may raise to stop reading (row, column and cell-size limits)."""
    workbook = _open(data)
    try:
        worksheet = workbook[sheet]
        rows = []
        for number, row in enumerate(_rows(worksheet), start=1):
            cells = _trimmed(row)
            if check is not None:
                check(number, cells)
            rows.append((number, cells))
        path = worksheet._worksheet_path  # openpyxl keeps the part name only privately
    finally:
        workbook.close()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return rows, _formulas_without_value(archive, path)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _formulas_without_value(archive: zipfile.ZipFile, path: str) -> dict[tuple[int, int], str]:
    with archive.open(path) as source:
        if not any(FORMULA_TAG.search(chunk) for chunk in _chunks(source)):
            return {}
    found = {}
    row_number, column = 0, -1
    with archive.open(path) as source:
        for event, element in iterparse(source, events=("start", "end")):
            name = _local(element.tag)
            if event == "start" and name == "row":
                row_number = int(element.get("r") or row_number + 1)
                column = -1
            elif event == "end" and name == "c":
                reference = CELL_REFERENCE.match(element.get("r") or "")
                column = column_index_from_string(reference.group(1)) - 1 if reference else column + 1
                children = {_local(child.tag): child for child in element}
                formula, value = children.get("f"), children.get("v")
                # An empty <v> is a saved empty text only when the cell says its type is text.
                saved = value is not None and (bool(value.text) or element.get("t") == "str")
                if formula is not None and not saved:
                    found[(row_number, column)] = "=" + (formula.text or "…")
                element.clear()
            elif event == "end" and name == "row":
                element.clear()
    return found


def _chunks(source, size: int = 1 << 20):
    # Overlapping reads, so a tag split across two chunks is still seen.
    tail = b""
    while chunk := source.read(size):
        yield tail + chunk
        tail = chunk[-8:]
