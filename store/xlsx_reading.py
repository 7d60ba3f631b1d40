"""XLSX cells as text, with openpyxl in read-only (streaming) mode.

Rows are taken from openpyxl's sheet parser as the sparse cells the XML holds, not padded to the
sheet's width, and a sheet is opened without looking for its dimensions (openpyxl parses the whole
sheet XML for a missing <dimension> element): so reading stops at the first row a `check` refuses,
and a cell far to the right costs nothing until the row is counted.

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

from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import column_index_from_string
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

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
    if isinstance(value, datetime) and value.time() == time():
        return value.date().isoformat()   # a date cell (openpyxl reads it at midnight): its day
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


class _UnsizedSheet(ReadOnlyWorksheet):
    """A read-only sheet that does not read its dimensions on opening (see the module docstring):
    they are often wrong, and rows are read as the XML holds them anyway."""

    def _get_size(self) -> None:
        pass


class _StreamingReader(ExcelReader):
    """openpyxl's reader in read-only mode, opening every worksheet as an `_UnsizedSheet`
    (chart sheets hold no cells and are left out)."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files or "chartsheet" in rel.Type:
                continue
            worksheet = _UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
            worksheet.sheet_state = sheet.state
            self.wb._sheets.append(worksheet)


def _open(data: bytes):
    reader = _StreamingReader(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    reader.read()
    return reader.wb


def _rows(worksheet, limit: int | None = None):
    """(row number, texts) of every row up to `limit`; rows the XML leaves out come back empty."""
    workbook = worksheet.parent
    with worksheet._get_source() as source:
        parser = WorkSheetParser(source, worksheet._shared_strings, data_only=True, epoch=workbook.epoch,
                                 date_formats=workbook._date_formats,
                                 timedelta_formats=workbook._timedelta_formats)
        expected = 1
        for number, cells in parser.parse():
            if limit is not None and number > limit:
                break
            while expected < number:
                yield expected, []
                expected += 1
            if number == expected:  # a repeated or out-of-order row is skipped, as openpyxl does
                yield number, _texts(cells)
                expected += 1


def _texts(cells: list[dict]) -> list[str]:
    """A row's texts up to its last non-blank cell (a spreadsheet pads rows with blanks)."""
    texts = {}
    for cell in cells:
        text = cell_text(cell["value"])
        if text:
            texts[cell["column"]] = text
        else:
            texts.pop(cell["column"], None)
    row = [""] * max(texts, default=0)
    for column, text in texts.items():
        row[column - 1] = text
    return row


def sheet_heads(data: bytes, limit: int, max_columns: int | None = None
                ) -> dict[str, list[tuple[int, list[str]]]]:
    """The first `limit` rows of every worksheet, as text, keyed by sheet name in file order
    (cut to `max_columns` cells: only the header is looked for here; the chosen sheet is read
    again in full, within limits, by `sheet_rows`)."""
    workbook = _open(data)
    try:
        return {sheet.title: [(n, cells[:max_columns]) for n, cells in _rows(sheet, limit)]
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
        for number, cells in _rows(worksheet):
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
