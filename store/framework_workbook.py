"""A framework version as an XLSX workbook, so a Bapperida can enter a questionnaire without TOML.

The workbook holds the whole (merged) framework file: settings (`pengaturan`: one key per row),
chain weights, bands, dimensions, elements and indicators (one row each, with one column per level
0..max_level in Indonesian and in English), a sheet of the lists the drop-downs offer and an
instructions sheet. Every table has two header rows: Indonesian words in row 1 and the field key in
row 2 (what `store.framework_import` reads); data start in row 3. Text is stored as text, so a cell
starting with "=" is never a formula, and `framework_import` reads the workbook back to the same file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from i18n import catalogue
from scoring.framework import ASPECTS, CHAIN_TYPES, EVIDENCE_POLICIES, FrameworkError
from store.exports import finish_table_sheet

HEADER_ROWS = 2          # row 1 Indonesian, row 2 the field key; data from row 3
FIRST_DATA_ROW = HEADER_ROWS + 1
LIST_ROWS = 2000         # drop-downs and list references cover this many data rows
BOOLEANS = ("TRUE", "FALSE")


@dataclass(frozen=True)
class Column:
    key: str
    label_id: str
    kind: str = "text"     # text | number | whole | boolean
    required: bool = True
    choices: str = ""      # the drop-down: a name from LISTS, or "sheet:key" (codes of another sheet)
    width: int = 16


@dataclass(frozen=True)
class Table:
    sheet: str
    key: str               # the framework file's key (chain_weights, bands, ...)
    columns: tuple[Column, ...]


SETTINGS_SHEET = "pengaturan"
SETTINGS_COLUMNS = (Column("key", "kunci", width=30), Column("value", "nilai", width=60, required=False),
                    Column("about", "keterangan", required=False, width=70))
TABLES = (
    Table("bobot_rantai", "chain_weights", (Column("chain", "rantai hasil", choices="chain"),
                                            Column("weight", "bobot", "number", width=10))),
    Table("predikat", "bands", (Column("level", "tingkat", "whole", width=9), Column("name_id", "nama (id)", width=28),
                                Column("name_en", "nama (en)", width=28),
                                Column("lower", "batas bawah", "number", width=12))),
    Table("dimensi", "dimensions", (Column("code", "kode", width=10), Column("name_id", "nama (id)", width=28),
                                    Column("name_en", "nama (en)", width=28))),
    Table("elemen", "elements", (Column("code", "kode", width=12),
                                 Column("dimension", "dimensi", choices="dimensi:code"),
                                 Column("name_id", "nama (id)", width=30), Column("name_en", "nama (en)", width=30),
                                 Column("weight", "bobot", "number", width=10))),
    Table("indikator", "indicators", (
        Column("code", "kode", width=14), Column("name_id", "nama (id)", width=40),
        Column("name_en", "nama (en)", width=40),
        Column("dimension", "dimensi", choices="dimensi:code", width=10),
        Column("element", "elemen", choices="elemen:code", width=12),
        Column("chain", "rantai hasil", choices="chain", width=12),
        Column("aspect", "aspek", choices="aspect", width=14),
        Column("weight", "bobot", "number", width=9), Column("owner_opd", "OPD pengampu", choices="opd", width=24),
        Column("follows_up_previous", "tindak lanjut evaluasi lalu", "boolean", required=False, choices="boolean",
               width=12),
        Column("evidence_id", "bukti dukung (id)", required=False, width=40),
        Column("evidence_en", "bukti dukung (en)", required=False, width=40))),
)
LEVEL_LABEL = "uraian level {n} ({lang})"
LISTS = {"chain": CHAIN_TYPES, "aspect": ASPECTS, "policy": EVIDENCE_POLICIES, "boolean": BOOLEANS}
LIST_SHEET = "daftar"
LIST_LABELS = {"chain": "rantai hasil", "aspect": "aspek", "policy": "kebijakan bukti", "boolean": "ya/tidak",
               "opd": "OPD"}

# Settings keys in the order shown, with their kind; what each means is the message
# `framework_files.setting_<key>` (dots as underscores), shown in Indonesian and English.
SETTINGS = {"id": "text", "name_id": "text", "name_en": "text", "years": "years", "max_level": "whole",
            "illustrative": "boolean", "minimum_target_band": "whole", "evidence_policy.unverified_counts_as": "policy"}
KIND_OF = SETTINGS


def level_key(level: int, lang: str) -> str:
    return f"level_{level}_{lang}"


def level_columns(max_level: int) -> tuple[Column, ...]:
    return tuple(Column(level_key(n, lang), LEVEL_LABEL.format(n=n, lang=lang), width=36)
                 for lang in ("id", "en") for n in range(max_level + 1))


def top_level(raw: dict) -> int:
    """The framework's top level, `max_level`, as its file states it (framework_problems requires it).
    Never guessed: a file without a whole-number `max_level` of 1 or more is refused."""
    level = raw.get("max_level")
    if not isinstance(level, int) or isinstance(level, bool) or level < 1:
        raise FrameworkError(str(raw.get("id", "?")), [
            f"'max_level' is {level!r}; expected a whole number of 1 or more (the top level, e.g. 4 for 0-4)"])
    return level


def settings_rows(raw: dict) -> list[tuple[str, object]]:
    """(key, value) of every scalar setting of the file: its top-level keys and the keys of its tables
    other than chain_weights (`evidence_policy.note_id`), known ones first."""
    values: dict[str, object] = {"max_level": top_level(raw)}
    for key, value in raw.items():
        if isinstance(value, dict) and key != "chain_weights":
            values.update({f"{key}.{inner}": item for inner, item in value.items()})
        elif not isinstance(value, dict | list) or key == "years":
            values[key] = value
    ordered = [key for key in SETTINGS if key in values] + [key for key in values if key not in SETTINGS]
    return [(key, ", ".join(map(str, values[key])) if key == "years" else values[key]) for key in ordered]


def _put(sheet, row: int, column: int, value) -> None:
    # openpyxl turns a string starting with "=" into a formula; text is always stored as text.
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"


HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")


def _header(sheet, columns: tuple[Column, ...]) -> None:
    for number, column in enumerate(columns, start=1):
        _put(sheet, 1, number, column.label_id)
        _put(sheet, 2, number, column.key)
        for row in (1, 2):
            sheet.cell(row=row, column=number).font = Font(bold=row == 1, italic=row == 2)
            sheet.cell(row=row, column=number).fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(number)].width = column.width


def _drop_down(sheet, formula: str, cells: str, strict: bool = True) -> None:
    check = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                           errorStyle="stop" if strict else "warning")
    check.add(cells)
    sheet.add_data_validation(check)


def _list_formula(choices: str, list_columns: dict[str, str]) -> str:
    if ":" in choices:
        sheet, _ = choices.split(":")
        return f"{sheet}!$A${FIRST_DATA_ROW}:$A${LIST_ROWS}"
    return f"{LIST_SHEET}!${list_columns[choices]}$2:${list_columns[choices]}${LIST_ROWS}"


def _fill(sheet, columns: tuple[Column, ...], records: list[dict], list_columns: dict[str, str]) -> None:
    _header(sheet, columns)
    for row, record in enumerate(records, start=FIRST_DATA_ROW):
        for number, column in enumerate(columns, start=1):
            value = record.get(column.key)
            if value is not None and value != "":
                _put(sheet, row, number, value)
        for number in range(1, len(columns) + 1):
            sheet.cell(row=row, column=number).alignment = Alignment(vertical="top", wrap_text=True)
    for number, column in enumerate(columns, start=1):   # widths that fit the content, within bounds
        longest = max([len(column.label_id), len(column.key)] +
                      [len(str(record.get(column.key) or "")) for record in records[:300]])
        sheet.column_dimensions[get_column_letter(number)].width = min(column.width, max(8, longest + 2))
        if column.choices:
            letter = get_column_letter(number)
            cells = f"{letter}{FIRST_DATA_ROW}:{letter}{LIST_ROWS}"
            _drop_down(sheet, _list_formula(column.choices, list_columns), cells,
                       strict=column.choices != "opd")   # a new OPD may be typed in
    finish_table_sheet(sheet, HEADER_ROWS, fit_widths=False)   # frozen headers and a filter on the key row


def _records(raw: dict, table: Table, max_level: int) -> list[dict]:
    if table.key == "chain_weights":
        return [{"chain": chain, "weight": weight} for chain, weight in raw["chain_weights"].items()]
    records = [dict(record) for record in raw[table.key]]
    if table.key == "indicators":
        for record in records:
            for lang in ("id", "en"):
                record.update({level_key(n, lang): text for n, text in enumerate(record.pop(f"levels_{lang}"))})
    if table.key == "elements":
        for record in records:
            record.setdefault("weight", 1.0)
    return records


def _lists(sheet, raw: dict) -> dict[str, str]:
    opds = sorted({indicator["owner_opd"] for indicator in raw["indicators"]}, key=str.casefold)
    columns = {}
    for number, (name, values) in enumerate([*LISTS.items(), ("opd", opds)], start=1):
        letter = get_column_letter(number)
        columns[name] = letter
        _put(sheet, 1, number, LIST_LABELS[name])
        sheet.cell(row=1, column=number).font = Font(bold=True)
        sheet.column_dimensions[letter].width = 24
        for row, value in enumerate(values, start=2):
            _put(sheet, row, number, value)
    return columns


def _about(key: str) -> str:
    kind = ("stage" if key.startswith("evidence_policy.stage_") else
            "note" if key.endswith(("note_id", "note_en")) else key.replace(".", "_"))
    texts = catalogue().get(f"framework_files.setting_{kind}")
    return f"{texts[0]} / {texts[1]}" if texts else ""


def framework_workbook(raw: dict, instructions: list[tuple[str, str]]) -> bytes:
    """The merged framework file `raw` as XLSX bytes (sheets: instructions, settings, the tables,
    lists). `instructions` are (Indonesian, English) lines for the first sheet."""
    workbook = openpyxl.Workbook()
    guide = workbook.active
    guide.title = "petunjuk"
    guide.column_dimensions["A"].width = guide.column_dimensions["B"].width = 90
    for row, (indonesian, english) in enumerate([("Petunjuk", "Instructions"), *instructions], start=1):
        _put(guide, row, 1, indonesian)
        _put(guide, row, 2, english)
        for column in (1, 2):
            guide.cell(row=row, column=column).alignment = Alignment(wrap_text=True, vertical="top")
            guide.cell(row=row, column=column).font = Font(bold=row == 1)
    max_level = top_level(raw)
    settings = workbook.create_sheet(SETTINGS_SHEET)
    tables = [workbook.create_sheet(table.sheet) for table in TABLES]
    list_columns = _lists(workbook.create_sheet(LIST_SHEET), raw)
    rows = settings_rows(raw)
    _fill(settings, SETTINGS_COLUMNS,
          [{"key": key, "value": value, "about": _about(key)} for key, value in rows], list_columns)
    for row, (key, _) in enumerate(rows, start=FIRST_DATA_ROW):
        kind = KIND_OF.get(key, "policy" if key.startswith("evidence_policy.stage_") else "")
        if kind in ("policy", "boolean"):
            _drop_down(settings, _list_formula(kind, list_columns), f"B{row}")
    for sheet, table in zip(tables, TABLES, strict=True):
        columns = table.columns + (level_columns(max_level) if table.key == "indicators" else ())
        _fill(sheet, columns, _records(raw, table, max_level), list_columns)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
