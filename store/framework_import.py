"""Reading a framework workbook (`store.framework_workbook`) back into a framework file, like an upload.

The file is checked within the upload limits before it is parsed (size, unpacked size, zip ratio)
and while it streams (rows, columns, cell length). Then two steps, each listing every problem with
sheet, row, column, value and what was expected:
1. the cells: missing sheets and columns, unknown columns (a level column outside 0..max_level),
   blank required cells, numbers, whole numbers, values that must come from a drop-down list, codes
   that appear twice;
2. the framework rules, by `scoring.framework.framework_problems` (the check `check-framework`
   makes: weights summing to 1, bands, levels, elements without indicators, ...), each located at
   the sheet and row of the code it names.
Returns the framework file as a dict (what tomllib would read), or raises IngestRefused.
"""

from __future__ import annotations

import dataclasses
import re

from scoring import Framework
from scoring.framework import EVIDENCE_POLICIES, framework_problems
from store.framework_workbook import (
    FIRST_DATA_ROW,
    KIND_OF,
    LISTS,
    SETTINGS_COLUMNS,
    SETTINGS_SHEET,
    TABLES,
    Column,
    Table,
    level_columns,
)
from store.limits import Limits, RowCounter, column_label, container_problems
from store.problems import IngestRefused, Problem
from store.read_errors import unreadable
from store.reading import READABLE, normalise_header
from store.xlsx_reading import is_xlsx, sheet_heads, sheet_rows

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
NOTE_KEY = re.compile(r"[a-z][a-z0-9_]*_note_(id|en)|evidence_policy\.(stage_\w+|note_id|note_en)|"
                      r"bands_source\.note_(id|en)")
BOOLEAN_TEXT = {"true": True, "ya": True, "yes": True, "1": True, "false": False, "tidak": False, "no": False,
                "0": False}
SETTING_KEYS = {field.name for field in dataclasses.fields(Framework)} - {"notes", "stage_policies", "dimensions",
                                                                          "elements", "indicators", "bands",
                                                                          "chain_weights", "unverified_counts_as"}


class _Reader:
    def __init__(self, name: str, data: bytes, limits: Limits):
        self.name, self.data, self.limits = name, data, limits
        self.problems: list[Problem] = []
        self.rows_of: dict[str, dict[str, int]] = {}   # sheet -> code -> row (to place rule problems)
        self.where: dict[str, dict[str, str]] = {}     # sheet -> key -> "F (chain)"

    def problem(self, code: str, sheet: str, row: int | None = None, column: str = "", value: str = "",
                expected: str = "") -> None:
        self.problems.append(Problem(code, file=self.name, sheet=sheet, row=row, column=column,
                                     value=str(value)[:80], expected=expected))

    def table(self, sheet: str, columns: tuple[Column, ...], codes: dict[str, set[str]],
              extra: re.Pattern | None = None) -> list[dict]:
        """The records of a sheet (blank rows skipped), typed by `columns`; problems are collected."""
        rows, formulas = sheet_rows(self.data, sheet, check=RowCounter(self.name, self.limits, sheet=sheet).check)
        rows = dict(rows)
        labels, keys = rows.get(1, []), rows.get(2, [])
        known = {c.key: c for c in columns}
        by_label = {normalise_header(c.label_id): c.key for c in columns}
        place: dict[int, Column] = {}
        for index in range(max(len(labels), len(keys))):
            key = normalise_header(keys[index]) if index < len(keys) else ""
            label = normalise_header(labels[index]) if index < len(labels) else ""
            chosen = key if key in known else by_label.get(label) if not key else None
            if chosen is None and (key or label):
                if extra is None or not extra.fullmatch(key):
                    self.problem("unknown_column", sheet, 2, column_label(index), key or label,
                                 ", ".join(known))
            elif chosen is not None:
                place[index] = known[chosen]
        self.where[sheet] = {column.key: f"{column_label(i)} ({column.key})" for i, column in place.items()}
        found = {column.key for column in place.values()}
        for column in columns:
            if column.key not in found:
                self.problem("missing_column", sheet, 2, column.key, ", ".join(k for k in keys if k) or "-")
        records = []
        for number in sorted(n for n in rows if n >= FIRST_DATA_ROW):
            cells = rows[number]
            if not any(c.strip() for c in cells):
                continue
            record = {"_row": number}
            for index, column in place.items():
                where = f"{column_label(index)} ({column.key})"
                if (number, index) in formulas:
                    self.problem("formula_no_value", sheet, number, where, formulas[(number, index)])
                    continue
                text = cells[index].strip() if index < len(cells) else ""
                value = self.value(text, column, codes, sheet, number, where)
                if value is not None:
                    record[column.key] = value
            records.append(record)
        return records

    def value(self, text: str, column: Column, codes: dict[str, set[str]], sheet: str, row: int, where: str):
        if not text:
            if column.required:
                self.problem("blank_cell", sheet, row, where, expected=column.key)
            return None
        typed = typed_value(text, column.kind)
        if typed is None:
            self.problem("bad_value", sheet, row, where, text, KIND_WORDS[column.kind])
            return None
        choices = codes.get(column.choices.split(":")[0]) if column.choices else None
        if column.choices in LISTS and column.choices != "boolean":
            choices = set(LISTS[column.choices])
        if choices is not None and typed not in choices:
            self.problem("bad_value", sheet, row, where, text, " | ".join(sorted(choices)))
            return None
        return typed

    def unique(self, sheet: str, records: list[dict], key: str) -> None:
        first: dict = {}
        for record in records:
            if key not in record:
                continue
            code = record[key]
            if code in first:
                self.problem("duplicate_code", sheet, record["_row"], self.where[sheet].get(key, key), code,
                             str(first[code]))
            else:
                first[code] = record["_row"]
        self.rows_of[sheet] = {str(code): row for code, row in first.items()}


KIND_WORDS = {"number": "angka / a number (0.25)", "whole": "bilangan bulat / a whole number",
              "boolean": "TRUE | FALSE", "text": "teks / text", "years": "2022, 2023 | 2022-2026",
              "policy": " | ".join(EVIDENCE_POLICIES)}


def typed_value(text: str, kind: str):
    """`text` as the kind says (None when it is not one): number, whole, boolean, years, else text."""
    try:
        if kind == "number":
            value = float(text.replace(",", ".") if text.count(",") == 1 and "." not in text else text)
            return value if value == value and abs(value) != float("inf") else None
        if kind == "whole":
            value = float(text)
            return int(value) if value.is_integer() else None
    except ValueError:
        return None
    if kind == "boolean":
        return BOOLEAN_TEXT.get(text.strip().lower())
    if kind == "years":
        return _years(text)
    if kind == "policy":
        return text if text in EVIDENCE_POLICIES else None
    return text


def _years(text: str) -> list[int] | None:
    years: list[int] = []
    for part in filter(None, re.split(r"[,;\s]+", text.replace("–", "-").replace(" - ", "-"))):
        span = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", part)
        if span is None:
            return None
        first, last = int(span.group(1)), int(span.group(2) or span.group(1))
        if last < first or last - first > 100:
            return None
        years += [y for y in range(first, last + 1) if y not in years]
    return years or None


def _generic(text: str):
    for kind in ("whole", "number", "boolean"):
        value = typed_value(text, kind)
        if value is not None and not (kind == "number" and "." not in text and "," not in text):
            return value
    return text


def _settings(reader: _Reader) -> dict:
    raw: dict = {}
    records = reader.table(SETTINGS_SHEET, SETTINGS_COLUMNS, {})
    reader.unique(SETTINGS_SHEET, records, "key")
    for record in records:
        key, text, row = record.get("key", ""), record.get("value", ""), record["_row"]
        where = f"B ({key})"
        if not (key in KIND_OF or NOTE_KEY.fullmatch(key) or key in SETTING_KEYS):
            reader.problem("unknown_setting", SETTINGS_SHEET, row, "A (key)", key, ", ".join(KIND_OF))
            continue
        kind = KIND_OF.get(key) or ("policy" if key.startswith("evidence_policy.stage_")
                                    else "text" if NOTE_KEY.fullmatch(key) else "")
        value = typed_value(str(text), kind) if kind and text != "" else (_generic(str(text)) if text != "" else None)
        if value is None:
            if key in ("id", "name_id", "name_en", "years") or text != "":
                reader.problem("bad_value" if text != "" else "blank_cell", SETTINGS_SHEET, row, where, text,
                               KIND_WORDS.get(kind, key))
            continue
        if key == "id" and not ID_PATTERN.fullmatch(str(value)):
            reader.problem("bad_value", SETTINGS_SHEET, row, where, value, "a-z 0-9 . _ - (≤ 64)")
            continue
        table, _, inner = key.partition(".")
        if inner:
            raw.setdefault(table, {})[inner] = value
        else:
            raw[key] = value
    for key in ("id", "name_id", "name_en", "years", "max_level"):
        if key not in raw and not any(p.sheet == SETTINGS_SHEET and key in p.column for p in reader.problems):
            reader.problem("missing_setting", SETTINGS_SHEET, None, "A (key)", key)
    return raw


def read_framework_workbook(name: str, data: bytes, limits: Limits) -> dict:
    """The framework file a workbook describes; raises IngestRefused listing every problem."""
    problems = container_problems(name, data, limits)
    if problems:
        raise IngestRefused(problems)
    if not is_xlsx(data):
        raise IngestRefused([Problem("unreadable", file=name, value="not an XLSX workbook", expected=READABLE)])
    reader = _Reader(name, data, limits)
    try:
        sheets = list(sheet_heads(data, 2, max_columns=limits.columns))
        missing = [s for s in (SETTINGS_SHEET, *(t.sheet for t in TABLES)) if s not in sheets]
        for sheet in missing:
            reader.problem("missing_sheet", "", None, "", sheet, ", ".join(sheets))
        if missing:
            raise IngestRefused(reader.problems)
        raw = _settings(reader)
        max_level = raw.get("max_level") if isinstance(raw.get("max_level"), int) and raw["max_level"] > 0 else None
        codes: dict[str, set[str]] = {}
        for table in TABLES:
            raw[table.key] = _table(reader, table, codes, max_level)
    except (IngestRefused, MemoryError):
        raise
    except Exception as error:  # any parser failure is the file's fault, reported, not raised
        raise IngestRefused([unreadable(name, error, READABLE)]) from None
    if reader.problems:
        raise IngestRefused(reader.problems)
    rules = framework_problems(raw)
    if rules:
        raise IngestRefused([_located(reader, rule) for rule in rules])
    return raw


LEVEL_COLUMN = re.compile(r"level_(\d+)_(id|en)")


def _table(reader: _Reader, table: Table, codes: dict[str, set[str]], max_level: int | None):
    levels = level_columns(max_level) if table.key == "indicators" and max_level is not None else ()
    extra = LEVEL_COLUMN if table.key == "indicators" and max_level is None else None
    records = reader.table(table.sheet, table.columns + levels, codes, extra=extra)
    key = "chain" if table.key == "chain_weights" else "level" if table.key == "bands" else "code"
    reader.unique(table.sheet, records, key)
    codes[table.sheet] = {str(r[key]) for r in records if key in r}
    if table.key == "chain_weights":
        return {r["chain"]: r["weight"] for r in records if "chain" in r and "weight" in r}
    result = []
    for record in records:
        record.pop("_row")
        if table.key == "indicators":
            for lang in ("id", "en"):
                record[f"levels_{lang}"] = [record.pop(f"level_{n}_{lang}", "") for n in range((max_level or 0) + 1)]
            if not record.get("follows_up_previous", False):
                record.pop("follows_up_previous", None)
        result.append(record)
    return result


# Where a framework rule's sentence points: the sheet of the first thing it names, the row of its code.
RULE_PLACES = (("minimum_target", SETTINGS_SHEET), ("indicator", "indikator"), ("element", "elemen"),
               ("dimension", "dimensi"), ("band", "predikat"),
               ("chain weights", "bobot_rantai"), ("chain_weights", "bobot_rantai"), ("no indicator", "indikator"),
               ("'years'", SETTINGS_SHEET), ("evidence_policy", SETTINGS_SHEET), ("max_level", SETTINGS_SHEET))


def _located(reader: _Reader, rule: str) -> Problem:
    sheet = next((s for word, s in RULE_PLACES if word in rule.lower()), "")
    rows = reader.rows_of.get(sheet, {})
    named = re.search(r"^(?:indicator|element|dimension|band) (\S+)", rule)
    row = rows.get(named.group(1)) if named else None
    if sheet == SETTINGS_SHEET:
        row = rows.get(next((k for k in ("years", "max_level", "minimum_target_band") if k in rule), ""), None)
    table = next((t for t in TABLES if t.sheet == sheet), None)
    column = "weight" if sheet == "bobot_rantai" else next(
        (c.key for c in (table.columns if table else ()) if re.search(rf"\b{c.key}\b", rule)), "")
    column = reader.where.get(sheet, {}).get(column, column)
    if not column and re.search(r"\blevels?_(id|en)\b", rule):
        column = "level_*"
    return Problem("framework_rule", file=reader.name, sheet=sheet, row=row, column=column, value=rule)
