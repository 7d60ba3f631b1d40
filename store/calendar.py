"""The evaluation calendar: per year, the stage I questionnaire window and the stage II verification
window, as data in data/calendar/calendar.csv (year, stage, opens, closes, note; dates YYYY-MM-DD).

An administrator replaces it with a file (CSV/XLSX, English or Indonesian headers: tahun, tahap,
dibuka, ditutup, catatan); it is validated whole (every problem with row, column, value) and
written atomically under the writer lock, or not at all.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pandas as pd

import store.programmes  # noqa: F401  (registers the year and formula problem texts)
from scoring import STAGES
from store.atomic import atomic_write_bytes, writer_lock
from store.exports import FORMULA_STARTS, csv_bytes
from store.problems import TEMPLATES, IngestRefused, Problem
from store.reading import map_columns, read_grid

CALENDAR_FILE = Path("calendar") / "calendar.csv"
COLUMNS = ["year", "stage", "opens", "closes", "note"]
ALIASES = {"year": ("year", "tahun"), "stage": ("stage", "tahap"), "opens": ("opens", "dibuka", "mulai"),
           "closes": ("closes", "ditutup", "selesai", "batas"), "note": ("note", "catatan")}
TEMPLATES.update({
    "bad_date": ("Tanggal '{value}' tidak sah; diharapkan TTTT-BB-HH, mis. 2026-03-31.",
                 "'{value}' is not a valid date; expected YYYY-MM-DD, e.g. 2026-03-31."),
    "closes_before_opens": ("Tanggal tutup {value} sebelum tanggal buka {expected}.",
                            "Closing date {value} is before opening date {expected}."),
    "duplicate_window": ("Jadwal ganda untuk {value}; juga di baris {expected}.",
                         "Duplicate window for {value}; also on row {expected}."),
})


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def read_calendar(data_dir: Path) -> pd.DataFrame:
    """year, stage, opens, closes (datetime.date), note; sorted by opening date. Empty when none."""
    path = data_dir / CALENDAR_FILE
    if not path.exists():
        return pd.DataFrame(columns=COLUMNS)
    return check_calendar(path.name, path.read_bytes())


def check_calendar(name: str, data: bytes) -> pd.DataFrame:
    """The validated calendar of a CSV/XLSX file, or IngestRefused listing every problem."""
    grid = read_grid(name, data, key_aliases=ALIASES["year"], preferred_sheets=("calendar", "kalender"))
    columns, problems = map_columns(grid, ALIASES)
    for column in COLUMNS[:4]:
        if column not in columns:
            problems.append(Problem("missing_column", file=name, sheet=grid.sheet, row=grid.header_row,
                                    column=column, value=", ".join(h for h in grid.headers if h)))
    if problems:
        raise IngestRefused(problems)
    rows, first_row = [], {}
    for row, cells in grid.rows:
        values = {c: cells[columns[c]] if c in columns else "" for c in COLUMNS}

        def problem(code, column, value, expected="", row=row):
            problems.append(Problem(code, file=name, sheet=grid.sheet, row=row, column=grid.headers[columns[column]],
                                    value=value, expected=expected))

        year = int(values["year"]) if values["year"].isdigit() and 2000 <= int(values["year"]) <= 2100 else None
        if year is None:
            problem("bad_programme_year", "year", values["year"])
        stage = values["stage"].strip().upper()
        if stage not in STAGES:
            problem("bad_stage", "stage", values["stage"], " | ".join(STAGES))
        opens, closes = _date(values["opens"]), _date(values["closes"])
        for column, value in (("opens", opens), ("closes", closes)):
            if value is None:
                problem("bad_date", column, values[column])
        if opens and closes and closes < opens:
            problem("closes_before_opens", "closes", values["closes"], values["opens"])
        if values["note"].startswith(FORMULA_STARTS):
            problem("formula_text", "note", values["note"])
        if (year, stage) in first_row:
            problem("duplicate_window", "stage", f"{year} {stage}", str(first_row[(year, stage)]))
        first_row.setdefault((year, stage), row)
        rows.append({"year": year, "stage": stage, "opens": opens, "closes": closes, "note": values["note"]})
    if problems:
        raise IngestRefused(problems)
    return pd.DataFrame(rows, columns=COLUMNS).sort_values(["opens", "stage"], ignore_index=True)


def save_calendar(data_dir: Path, name: str, data: bytes) -> int:
    """Validate and replace the calendar; returns the number of windows. Nothing is written on refusal."""
    return write_calendar(data_dir, check_calendar(name, data))


def write_calendar(data_dir: Path, calendar: pd.DataFrame) -> int:
    """Replace the calendar with the checked windows of `check_calendar`; returns their number."""
    text = calendar.assign(opens=calendar["opens"].map(str), closes=calendar["closes"].map(str))
    with writer_lock(data_dir):
        atomic_write_bytes(data_dir / CALENDAR_FILE, text.to_csv(index=False).encode("utf-8"))
    return len(calendar)


def export_calendar(data_dir: Path) -> bytes:
    calendar = read_calendar(data_dir)
    return csv_bytes(calendar.assign(opens=calendar["opens"].map(str), closes=calendar["closes"].map(str)))
