"""Reading an uploaded CSV/XLSX into a grid of text cells with spreadsheet row numbers.

Everything is read as text so that validation, not the parser, decides what a value means and can
say which cell was wrong. Row numbers are the ones a spreadsheet shows (blank rows still count).
The header is the first row (within the first few) that names the key column, so a title row
above the table is tolerated. Any parser failure becomes IngestRefused("unreadable"): a bad file
is the file's fault, never a crash.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from store.problems import IngestRefused, Problem
from store.read_errors import unreadable
from store.xlsx_reading import is_xlsx, sheet_heads, sheet_rows

HEADER_SEARCH_ROWS = 30   # a header further down than this is not looked for
DELIMITERS = (",", ";", "\t")
READABLE = "CSV (UTF-8 or Windows-1252, delimited by , or ;) or XLSX"


@dataclass
class Grid:
    """The chosen table of a file: header cells, then (row number, cells) for every non-blank row.

    `formulas` maps (row number, column index) to the formula text of cells whose formula has no
    saved value (their text is ""); the layer that knows which columns matter reports them.
    """

    file: str
    headers: list[str]
    header_row: int
    rows: list[tuple[int, list[str]]]
    sheet: str = ""
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)


def normalise_header(name: str) -> str:
    """Header text compared case- and spacing-insensitively: ' Kode  Wilayah' -> 'kode_wilayah'."""
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower().lstrip("\ufeff"))


def map_columns(grid: Grid, aliases: Mapping[str, Sequence[str]]) -> tuple[dict[str, int], list[Problem]]:
    """Canonical column -> index of the header that names it.

    Aliases are listed best first: a file with both `kode_wilayah` and `wilayah` uses the code
    column. Two headers with the same best spelling are a duplicate_column problem.
    """
    chosen: dict[str, tuple[int, int]] = {}
    problems = []
    for index, header in enumerate(grid.headers):
        name = normalise_header(header)
        for canonical, spellings in aliases.items():
            if name not in spellings:
                continue
            rank = spellings.index(name)
            if canonical not in chosen or rank < chosen[canonical][0]:
                chosen[canonical] = (rank, index)
            elif rank == chosen[canonical][0]:
                problems.append(Problem("duplicate_column", file=grid.file, sheet=grid.sheet,
                                        row=grid.header_row, column=header.strip(), value=header.strip(),
                                        expected=grid.headers[chosen[canonical][1]].strip()))
    return {canonical: index for canonical, (_, index) in chosen.items()}, problems


def read_grid(name: str, data: bytes, *, key_aliases: Sequence[str],
              preferred_sheets: Sequence[str] = ("data",)) -> Grid:
    """The file's table as a Grid. `key_aliases` are the spellings of the column that marks the
    header row (the region column); XLSX uses the first sheet named in `preferred_sheets`, else the
    first sheet with such a header, else the first sheet.

    Raises IngestRefused (unreadable, empty_file) and nothing else.
    """
    try:
        if is_xlsx(data):
            grid = _xlsx_grid(name, data, key_aliases, preferred_sheets)
        else:
            grid = _csv_grid(name, data, key_aliases)
    except IngestRefused:
        raise
    except Exception as error:  # any parser failure is the file's fault, reported, not raised
        raise IngestRefused([unreadable(name, error, READABLE)]) from None
    if grid is None or not grid.rows:
        raise IngestRefused([Problem("empty_file", file=name, sheet=grid.sheet if grid else "")])
    return grid


def _blank(cells: Sequence[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def _header_index(rows: list[tuple[int, list[str]]], key_aliases: Sequence[str]) -> int | None:
    """Position in `rows` of the header: the first early row naming the key column."""
    for position, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if any(normalise_header(cell) in key_aliases for cell in cells):
            return position
    return None


def _to_grid(name: str, numbered: list[tuple[int, list[str]]], key_aliases: Sequence[str],
             sheet: str = "", formulas: dict | None = None) -> Grid | None:
    rows = [(number, cells) for number, cells in numbered if not _blank(cells)]
    if not rows:
        return None
    position = _header_index(rows, key_aliases) or 0
    header_row, headers = rows[position]
    headers = [cell.strip() for cell in headers]
    width = len(headers)
    body = [(number, [c.strip() for c in (cells + [""] * width)[:width]])
            for number, cells in rows[position + 1:]]
    body = [(number, cells) for number, cells in body if not _blank(cells)]
    return Grid(name, headers, header_row, body, sheet, formulas or {})


# CSV ----------------------------------------------------------------------------------------------
def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" export
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    # A record is one spreadsheet row even when a quoted cell spans lines, so number records.
    return list(enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1))


def _delimiter(text: str, key_aliases: Sequence[str]) -> str:
    """The delimiter under which a header naming the key column appears; else the commonest one
    on the first non-blank line (`;` is what Indonesian Excel writes)."""
    sample = "\n".join(text.splitlines()[:HEADER_SEARCH_ROWS + 5])
    for delimiter in DELIMITERS:
        rows = [(n, cells) for n, cells in _records(sample, delimiter) if not _blank(cells)]
        if _header_index(rows, key_aliases) is not None:
            return delimiter
    first = next((line for line in sample.splitlines() if line.strip()), "")
    return max(DELIMITERS, key=first.count) if any(d in first for d in DELIMITERS) else ","


def _csv_grid(name: str, data: bytes, key_aliases: Sequence[str]) -> Grid | None:
    text = _decode(data)
    if "\x00" in text:
        raise IngestRefused([Problem("unreadable", file=name, value="binary data", expected=READABLE)])
    hint = re.match(r"sep=(.)\r?\n", text)
    if hint:  # Excel's "sep=;" first line: Excel hides it, so the next line is its row 1
        delimiter, text = hint.group(1), text[hint.end():]
    else:
        delimiter = _delimiter(text, key_aliases)
    return _to_grid(name, _records(text, delimiter), key_aliases)


# XLSX ---------------------------------------------------------------------------------------------
def _xlsx_grid(name: str, data: bytes, key_aliases: Sequence[str],
               preferred_sheets: Sequence[str]) -> Grid | None:
    heads = sheet_heads(data, HEADER_SEARCH_ROWS + 5)
    if not heads:
        return None
    by_name = {normalise_header(sheet): sheet for sheet in heads}
    chosen = next((by_name[p] for p in preferred_sheets if p in by_name), None)
    if chosen is None:
        named = [s for s, rows in heads.items()
                 if _header_index([r for r in rows if not _blank(r[1])], key_aliases) is not None]
        chosen = named[0] if named else next(iter(heads))
    rows, formulas = sheet_rows(data, chosen)
    grid = _to_grid(name, rows, key_aliases, sheet=chosen, formulas=formulas)
    return grid if grid is not None else Grid(name, [], 0, [], chosen)
