"""Table exports (CSV, XLSX) with spreadsheet formulas neutralised.

Text that came from an upload is untrusted: a cell starting with = + - @ (or a tab/CR that Excel
strips first) would run as a formula when opened. Such cells get a leading apostrophe-like guard.
"""

from __future__ import annotations

import datetime
import io

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Prefix a text cell that a spreadsheet would read as a formula with a single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    return safe


# CSV dialects: "comma" (, and a decimal point: machines, English Excel) and "excel_id" (; and a
# decimal comma, with a first line "sep=;" that tells Excel the separator: Excel set to Indonesian
# reads "3.48" as text or a date and splits nothing at ",").
CSV_DIALECTS = {"comma": (",", "."), "excel_id": (";", ",")}


def _decimal_comma(value):
    if isinstance(value, float) and not pd.isna(value):
        return repr(value).replace(".", ",")
    return value


def csv_bytes(frame: pd.DataFrame, dialect: str = "comma") -> bytes:
    """UTF-8 CSV with BOM (so Excel opens Indonesian text correctly), formulas neutralised, in one
    of CSV_DIALECTS. Numbers stay numbers; only their decimal mark follows the dialect."""
    separator, decimal = CSV_DIALECTS[dialect]
    safe = safe_frame(frame)
    if decimal == ",":   # after neutralising: "-0,05" is a number here, not a formula
        safe = safe.astype(object).map(_decimal_comma)
    text = safe.to_csv(index=False, sep=separator)
    return (("sep=;\n" if dialect == "excel_id" else "") + text).encode("utf-8-sig")


def csv_dialect(lang: str) -> str:
    """The CSV dialect of a download in the UI language: Indonesian Excel for id, comma for en."""
    return "excel_id" if lang == "id" else "comma"


def as_dates(values: pd.Series) -> pd.Series:
    """ISO texts ("2026-12-04", "2026-12-04T09:30:00+00:00") as dates or (naive, in their own
    offset's time, UTC where stored so) datetimes for a workbook's date cells; blanks stay empty."""
    def parse(value):
        if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)):
            return None
        text = str(value)
        if len(text) == 10:
            return datetime.date.fromisoformat(text)
        return datetime.datetime.fromisoformat(text).replace(tzinfo=None)
    return values.map(parse).astype(object)


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "Matra") -> bytes:
    """An XLSX workbook of one sheet, formulas neutralised and stored as text."""
    return xlsx_sheets_bytes({sheet: frame})


def xlsx_sheets_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An XLSX workbook with one sheet per (name, frame), in order: formulas neutralised, dates as
    real date cells shown day first, the header row frozen, a filter over the table and column
    widths that fit their content (10 to 60 characters). Every XLSX export is written here."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet, frame in sheets.items():
            safe_frame(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
            finish_table_sheet(writer.sheets[sheet[:31]])
    return buffer.getvalue()


DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
WIDTH_BOUNDS = (10, 60)


def _is_day(value) -> bool:
    """A date, or a datetime at midnight (how openpyxl holds a date pandas wrote)."""
    return isinstance(value, datetime.date) and (
        not isinstance(value, datetime.datetime) or value.time() == datetime.time())


def _shown_width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime.date):
        return len(DATE_FORMAT if _is_day(value) else DATETIME_FORMAT)
    return max(len(line) for line in str(value).splitlines() or [""])


def finish_table_sheet(worksheet, header_rows: int = 1, fit_widths: bool = True) -> None:
    """Make a sheet holding one table usable: day-first date cells, the header row(s) frozen, a filter
    on the last header row over the table and (fit_widths) columns as wide as their content within
    WIDTH_BOUNDS, never narrower than a width already set. Every XLSX export's table sheets end here:
    xlsx_sheets_bytes, the upload templates (store.templates, store.programme_template) and the
    framework workbook (which keeps its own wrapped widths)."""
    for column in worksheet.iter_cols(min_row=1, max_row=max(worksheet.max_row, header_rows)):
        for cell in column:
            if isinstance(cell.value, datetime.date):
                cell.number_format = DATE_FORMAT if _is_day(cell.value) else DATETIME_FORMAT
        if fit_widths:
            dimension = worksheet.column_dimensions[column[0].column_letter]
            shown = max(_shown_width(cell.value) for cell in column)
            fitted = min(WIDTH_BOUNDS[1], max(WIDTH_BOUNDS[0], shown + 2))
            dimension.width = max(fitted, dimension.width or 0) if dimension.customWidth else fitted
    worksheet.freeze_panes = f"A{header_rows + 1}"
    last = f"{worksheet.cell(max(worksheet.max_row, header_rows + 1), worksheet.max_column).coordinate}"
    worksheet.auto_filter.ref = f"A{header_rows}:{last}"
