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


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "Matra") -> bytes:
    """An XLSX workbook of one sheet, formulas neutralised and stored as text."""
    return xlsx_sheets_bytes({sheet: frame})


def xlsx_sheets_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An XLSX workbook with one sheet per (name, frame), in order; formulas neutralised."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet, frame in sheets.items():
            safe_frame(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
            worksheet = writer.sheets[sheet[:31]]
            for column in worksheet.columns:
                for cell in column:   # a date (a due date; openpyxl reads it back at midnight): day first
                    if isinstance(cell.value, datetime.date) and (
                            not isinstance(cell.value, datetime.datetime) or cell.value.time() == datetime.time()):
                        cell.number_format = "DD/MM/YYYY"
                width = max(len(str(cell.value or "")) for cell in column)
                worksheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width + 2))
    return buffer.getvalue()
