"""Reading an assessment upload within limits and strictly in shape.

`read_upload_grid` is `reading.read_grid` with two additions: the limits of `store.limits` (checked
before parsing and row by row while streaming), and strict shapes: a CSV row with more or fewer
fields than the header (ragged), a value under a blank header (stray column) and two headers with
the same name are refused with row and column instead of being silently dropped or padded.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Sequence

from store import reading
from store.limits import Limits, RowCounter, column_label, container_problems
from store.problems import IngestRefused, Problem
from store.read_errors import unreadable
from store.reading import Grid, normalise_header
from store.xlsx_reading import is_xlsx, sheet_heads, sheet_rows

Numbered = list[tuple[int, list[str]]]


def read_upload_grid(name: str, data: bytes, *, key_aliases: Sequence[str], limits: Limits,
                     preferred_sheets: Sequence[str] = ("data",)) -> Grid:
    """The upload's table as a Grid; raises IngestRefused (limits, shape, unreadable, empty) only."""
    problems = container_problems(name, data, limits)
    if problems:
        raise IngestRefused(problems)
    try:
        if is_xlsx(data):
            numbered, sheet, formulas = _xlsx_rows(name, data, key_aliases, preferred_sheets, limits)
        else:
            numbered, sheet, formulas = _csv_rows(name, data, key_aliases, limits), "", {}
    except (IngestRefused, MemoryError):
        raise
    except Exception as error:  # any parser failure is the file's fault, reported, not raised
        raise IngestRefused([unreadable(name, error, reading.READABLE)]) from None
    shape = shape_problems(name, numbered, key_aliases, sheet, ragged=not sheet)
    if shape:
        raise IngestRefused(shape)
    grid = reading._to_grid(name, numbered, key_aliases, sheet=sheet, formulas=formulas)
    if grid is None or not grid.rows:
        raise IngestRefused([Problem("empty_file", file=name, sheet=sheet)])
    return grid


def _csv_rows(name: str, data: bytes, key_aliases: Sequence[str], limits: Limits) -> Numbered:
    text = reading._decode(data)
    if "\x00" in text:
        raise IngestRefused([Problem("unreadable", file=name, value="binary data (NUL bytes)",
                                     expected=reading.READABLE)])
    # Our own cell limit reports the row and column; the csv module's (128 KB, process-wide) must not
    # fail first, also not while the delimiter is looked for in the first lines.
    csv.field_size_limit(max(sys.maxsize >> 32, len(text) + 1))
    hint = re.match(r"sep=(.)\r?\n", text)
    if hint:
        delimiter, text = hint.group(1), text[hint.end():]
    else:
        delimiter = reading._delimiter(text, key_aliases)
    counter = RowCounter(name, limits)
    rows = []
    for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        counter.check(number, cells)
        rows.append((number, cells))
    return rows


def _xlsx_rows(name: str, data: bytes, key_aliases: Sequence[str], preferred_sheets: Sequence[str],
               limits: Limits) -> tuple[Numbered, str, dict]:
    heads = sheet_heads(data, reading.HEADER_SEARCH_ROWS + 5, max_columns=limits.columns)
    if not heads:
        raise IngestRefused([Problem("empty_file", file=name)])
    by_name = {normalise_header(sheet): sheet for sheet in heads}
    chosen = next((by_name[p] for p in preferred_sheets if p in by_name), None)
    if chosen is None:
        named = [s for s, rows in heads.items()
                 if reading._header_index([r for r in rows if not reading._blank(r[1])], key_aliases) is not None]
        chosen = named[0] if named else next(iter(heads))
    counter = RowCounter(name, limits, sheet=chosen)
    rows, formulas = sheet_rows(data, chosen, check=counter.check)
    return rows, chosen, formulas


def shape_problems(name: str, numbered: Numbered, key_aliases: Sequence[str], sheet: str = "",
                   ragged: bool = True) -> list[Problem]:
    """Ragged rows (CSV only: a spreadsheet has no row length), values under blank headers and
    duplicate headers, each with its row and column."""
    rows = [(n, cells) for n, cells in numbered if not reading._blank(cells)]
    if not rows:
        return []
    position = reading._header_index(rows, key_aliases) or 0
    header_row, headers = rows[position]
    headers = [h.strip() for h in headers]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    place = {"file": name, "sheet": sheet}
    problems = _duplicate_headers(headers, header_row, place)
    blank_headers = {i for i, h in enumerate(headers) if not h}
    for number, cells in rows[position + 1:]:
        if ragged and len(cells) < width:
            problems.append(Problem("ragged_row", row=number, column=column_label(len(cells)),
                                    value=str(len(cells)), expected=str(width), **place))
            continue
        extra = next((i for i in range(width, len(cells)) if cells[i].strip()), None)
        if extra is not None:
            code = "ragged_row" if ragged else "stray_column"
            value = str(len(cells)) if ragged else cells[extra].strip()[:40]
            problems.append(Problem(code, row=number, column=column_label(extra), value=value,
                                    expected=str(width), **place))
            continue
        stray = next((i for i in sorted(blank_headers) if i < len(cells) and cells[i].strip()), None)
        if stray is not None:
            problems.append(Problem("stray_column", row=number, column=column_label(stray),
                                    value=cells[stray].strip()[:40], **place))
    return problems


def _duplicate_headers(headers: list[str], header_row: int, place: dict) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, header in enumerate(headers):
        key = normalise_header(header).upper()
        if not key:
            continue
        if key in seen:
            problems.append(Problem("duplicate_column", row=header_row, column=header, value=header,
                                    expected=column_label(seen[key]), **place))
        else:
            seen[key] = index
    return problems
