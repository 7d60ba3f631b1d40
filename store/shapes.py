"""The two shapes of an assessment upload, turned into one list of long-form records.

Long form: one row per region x indicator (region_code, indicator_code, level, claimed_level,
evidence, note). Wide form: one row per region and one column per indicator code, each cell a
level; claimed_level is then blank, and evidence is "verified" unless an `evidence`/`bukti` column
gives it for the whole row (a `note`/`catatan` column likewise applies to every indicator of the
row). A blank wide cell means "no row for that indicator". Both forms may carry `year`/`tahun` and
`stage`/`tahap` columns, which must agree with the year and stage chosen for the upload.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from scoring import Framework
from store.problems import Problem
from store.reading import Grid, map_columns, normalise_header

# Accepted header spellings (compared after normalise_header), best first, per canonical column.
COLUMN_ALIASES = {
    "region_code": ("region_code", "kode_wilayah", "kode_daerah", "region", "wilayah",
                    "region_name", "nama_wilayah"),
    "indicator_code": ("indicator_code", "kode_indikator", "indicator", "indikator"),
    "level": ("level", "level_terverifikasi", "verified_level"),
    "claimed_level": ("claimed_level", "level_klaim"),
    "evidence": ("evidence", "bukti"),
    "note": ("note", "catatan"),
    "year": ("year", "tahun"),
    "stage": ("stage", "tahap"),
}
REQUIRED_COLUMNS = ("region_code", "indicator_code", "level", "evidence")
ROW_FIELDS = ("region_code", "indicator_code", "level", "claimed_level", "evidence", "note")
# What an indicator code looks like (GOV.LP.01), so an unknown one in a wide header is reported
# instead of being ignored like a "name" or "province" column.
INDICATOR_LIKE = re.compile(r"^[A-Z]{2,6}(\.[A-Z0-9]{1,6}){1,3}$")
STAGE_SPELLINGS = {"i": "I", "1": "I", "ii": "II", "2": "II"}


@dataclass
class Record:
    """One long-form row to validate: its spreadsheet row, field texts and the file's column label
    of each field (for messages). `unreadable` fields held a formula without a saved value."""

    row: int
    values: dict[str, str]
    columns: dict[str, str]
    unreadable: set[str] = field(default_factory=set)
    key_column: str = ""   # the column(s) named in a duplicate-row problem


def stage_value(text: str) -> str:
    """'Tahap II', 'ii', '2' -> 'II' (else the text unchanged)."""
    spoken = re.sub(r"^(tahap|stage)\s*", "", text.strip().lower())
    return STAGE_SPELLINGS.get(spoken, text.strip())


def _year_value(text: str) -> int | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def _place(grid: Grid, row: int, column: str) -> dict:
    return {"file": grid.file, "sheet": grid.sheet, "row": row, "column": column}


def _row_checks(grid: Grid, row: int, cells: list[str], columns: dict[str, int], used: list[int],
                year: int, stage: str) -> tuple[list[Problem], set[int]]:
    """Year/stage agreement and unreadable formulas of one grid row; returns the formula columns."""
    problems, unreadable = [], set()
    for index in used:
        formula = grid.formulas.get((row, index))
        if formula is not None:
            unreadable.add(index)
            problems.append(Problem("formula_no_value", value=formula,
                                    **_place(grid, row, grid.headers[index])))
    if "year" in columns and columns["year"] not in unreadable:
        text = cells[columns["year"]]
        if text and _year_value(text) != year:
            problems.append(Problem("year_mismatch", value=text, expected=str(year),
                                    **_place(grid, row, grid.headers[columns["year"]])))
    if "stage" in columns and columns["stage"] not in unreadable:
        text = cells[columns["stage"]]
        if text and stage_value(text) != stage:
            problems.append(Problem("stage_mismatch", value=text, expected=stage,
                                    **_place(grid, row, grid.headers[columns["stage"]])))
    return problems, unreadable


def wide_indicator_columns(grid: Grid, framework: Framework) -> dict[int, str]:
    """Header index -> indicator code for the headers that are indicator codes of the framework."""
    known = {i.code.upper(): i.code for i in framework.indicators}
    return {index: known[h.strip().upper()] for index, h in enumerate(grid.headers)
            if h.strip().upper() in known}


def to_records(grid: Grid, framework: Framework, *, year: int, stage: str
               ) -> tuple[list[Record], list[Problem], str]:
    """Long-form records of a long or wide grid, problems found on the way, and the form name."""
    columns, problems = map_columns(grid, COLUMN_ALIASES)
    indicator_columns = wide_indicator_columns(grid, framework)
    if "indicator_code" not in columns and indicator_columns:
        records, wide_problems = _wide(grid, framework, columns, indicator_columns, year, stage)
        return records, problems + wide_problems, "wide"
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        for column in missing:
            near = [h for h in grid.headers if h and _near(normalise_header(h), COLUMN_ALIASES[column])]
            problems.append(Problem("missing_column", value=", ".join(h for h in grid.headers if h),
                                    suggestion=near[0] if near else "", **_place(grid, grid.header_row, column)))
        return [], problems, "long"
    labels = {c: grid.headers[i] for c, i in columns.items()}
    key_column = f"{labels['region_code']}, {labels['indicator_code']}"
    used = sorted(columns.values())
    records = []
    for row, cells in grid.rows:
        row_problems, unreadable = _row_checks(grid, row, cells, columns, used, year, stage)
        problems += row_problems
        values = {c: cells[columns[c]] if c in columns else "" for c in ROW_FIELDS}
        records.append(Record(row, values, labels, {c for c, i in columns.items() if i in unreadable},
                              key_column))
    return records, problems, "long"


def _near(header: str, spellings) -> bool:
    return bool(difflib.get_close_matches(header, spellings, n=1, cutoff=0.75))


def _wide(grid: Grid, framework: Framework, columns: dict[str, int], indicator_columns: dict[int, str],
          year: int, stage: str) -> tuple[list[Record], list[Problem]]:
    problems = []
    if "region_code" not in columns:
        return [], [Problem("missing_column", value=", ".join(h for h in grid.headers if h),
                            **_place(grid, grid.header_row, "region_code"))]
    codes = [i.code for i in framework.indicators]
    taken = set(columns.values()) | set(indicator_columns)
    seen: dict[str, int] = {}
    for index, header in enumerate(grid.headers):
        code = header.strip().upper()
        if index in indicator_columns:
            if code in seen:
                problems.append(Problem("duplicate_column", value=header, expected=grid.headers[seen[code]],
                                        **_place(grid, grid.header_row, header)))
            seen.setdefault(code, index)
        elif index not in taken and INDICATOR_LIKE.match(code):
            close = difflib.get_close_matches(code, codes, n=1, cutoff=0.6)
            problems.append(Problem("unknown_indicator", value=header, expected=framework.id,
                                    suggestion=close[0] if close else "",
                                    **_place(grid, grid.header_row, header)))
    indicator_columns = {i: c for i, c in indicator_columns.items() if seen[c.upper()] == i}
    row_columns = {c: columns[c] for c in ("region_code", "evidence", "note", "year", "stage") if c in columns}
    used = sorted(set(row_columns.values()) | set(indicator_columns))
    region_label = grid.headers[columns["region_code"]]
    shared_labels = {c: grid.headers[i] for c, i in row_columns.items()}
    labels_of = {index: dict(shared_labels, indicator_code=grid.headers[index], level=grid.headers[index],
                             claimed_level=grid.headers[index]) for index in indicator_columns}
    records = []
    for row, cells in grid.rows:
        row_problems, unreadable = _row_checks(grid, row, cells, columns, used, year, stage)
        problems += row_problems
        shared = {
            "region_code": cells[columns["region_code"]],
            "claimed_level": "",
            "evidence": cells[columns["evidence"]] if "evidence" in columns else "",
            "note": cells[columns["note"]] if "note" in columns else "",
        }
        shared["evidence"] = shared["evidence"] or "verified"
        shared_unreadable = {c for c, i in row_columns.items() if i in unreadable}
        for index, code in indicator_columns.items():
            if not cells[index] and index not in unreadable:
                continue  # a blank cell: no row for this indicator (reported as missing)
            values = dict(shared, indicator_code=code, level=cells[index])
            lost = shared_unreadable | ({"level"} if index in unreadable else set())
            records.append(Record(row, values, labels_of[index], lost, region_label))
    return records, problems
