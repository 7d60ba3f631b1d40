"""The contract of an assessment upload, checked before anything is written.

Every problem is collected (not just the first) with file, sheet, row, column, value, what was
expected and, where one exists, the closest valid value. Warnings do not refuse the file.
"""

from __future__ import annotations

import difflib
import math
import re

import pandas as pd

from scoring import Framework
from store.problems import Problem
from store.shapes import Record

EVIDENCE_VALUES = {
    "verified": "verified", "terverifikasi": "verified",
    "submitted": "submitted", "diajukan": "submitted",
    "missing": "missing", "tidak ada": "missing", "tidak_ada": "missing",
}
EVIDENCE_EXPECTED = "verified/terverifikasi, submitted/diajukan, missing/tidak ada"
ROW_COLUMNS = ["region_code", "indicator_code", "level", "claimed_level", "evidence", "note"]


def empty_rows() -> pd.DataFrame:
    """Typed assessment rows with no data (the shape of an unusable upload)."""
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in ROW_COLUMNS})
    frame["level"] = frame["level"].astype("int64")
    frame["claimed_level"] = frame["claimed_level"].astype("Int64")
    return frame


def level_value(text: str, max_level: int) -> int | None:
    """A whole level 0..max_level from text ("3", "3.0", "3,0"), else None. Only ASCII digits: float() would
    also read full-width or other scripts' digits ("３"), which a spreadsheet does not treat as numbers."""
    if not text.isascii():
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    if not math.isfinite(number) or not number.is_integer() or not 0 <= number <= max_level:
        return None
    return int(number)


def closest(value: str, options: list[str]) -> str:
    """The most similar option (difflib), or "" when none is close."""
    matches = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return matches[0] if matches else ""


def _name_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


def region_lookup(regions: pd.DataFrame) -> dict[str, str]:
    """Code and exact name (case- and spacing-insensitive) -> region code."""
    lookup = {code: code for code in regions["code"]}
    lookup.update({_name_key(name): code for name, code in zip(regions["name"], regions["code"], strict=True)})
    return lookup


def resolve_region(text: str, lookup: dict[str, str]) -> str | None:
    """The region code named by `text`, or None. "35.1" finds 35.10: spreadsheets read codes as
    numbers and drop the trailing zero."""
    found = lookup.get(text.strip()) or lookup.get(_name_key(text))
    if found is None and re.fullmatch(r"\d{1,2}\.\d", text.strip()):
        found = lookup.get(text.strip() + "0")
    return found


def validate_records(records: list[Record], *, file: str, sheet: str, framework: Framework,
                     regions: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem], list[Problem]]:
    """Check long-form records; return (typed rows, errors, warnings).

    Typed rows (empty when there is any error) have region_code, indicator_code, level (int),
    claimed_level (Int64, NA when blank), evidence (verified | submitted | missing) and note.
    """
    lookup = region_lookup(regions)
    indicator_codes = [i.code for i in framework.indicators]
    known_indicators = set(indicator_codes)
    region_options = list(regions["name"]) + list(regions["code"])
    errors, typed = [], []
    for record in records:
        values, skip = record.values, record.unreadable

        def problem(code, column, value="", expected="", suggestion="", record=record):
            errors.append(Problem(code, file=file, sheet=sheet, row=record.row,
                                  column=record.columns.get(column, column), value=value,
                                  expected=expected, suggestion=suggestion))

        region = resolve_region(values["region_code"], lookup)
        if region is None and "region_code" not in skip:
            problem("unknown_region", "region_code", values["region_code"],
                    suggestion=closest(values["region_code"], region_options))
        indicator = values["indicator_code"].strip()
        if indicator.upper() in known_indicators:
            indicator = indicator.upper()
        elif "indicator_code" not in skip:
            problem("unknown_indicator", "indicator_code", indicator, framework.id,
                    closest(indicator.upper(), indicator_codes))
        level = level_value(values["level"], framework.max_level)
        if level is None and "level" not in skip:
            problem("bad_level", "level", values["level"], framework.max_level)
        claimed_text = values["claimed_level"]
        claimed = level_value(claimed_text, framework.max_level) if claimed_text else None
        if claimed_text and claimed is None and "claimed_level" not in skip:
            problem("bad_level", "claimed_level", claimed_text, framework.max_level)
        evidence = EVIDENCE_VALUES.get(_name_key(values["evidence"]))
        if evidence is None and "evidence" not in skip:
            problem("bad_evidence", "evidence", values["evidence"], EVIDENCE_EXPECTED)
        typed.append({"line": record.row, "key_column": record.key_column, "region_code": region,
                      "indicator_code": indicator, "level": level, "claimed_level": claimed,
                      "evidence": evidence, "note": values["note"]})
    errors += _duplicate_problems(typed, file, sheet)
    # A field skipped as unreadable (a formula without value) was reported by the caller: unusable.
    unusable = any(None in (r["region_code"], r["level"], r["evidence"]) for r in typed)
    if errors or unusable or not typed:
        return empty_rows(), errors, []
    rows = pd.DataFrame(typed)[ROW_COLUMNS]
    rows["level"] = rows["level"].astype("int64")
    rows["claimed_level"] = pd.array(list(rows["claimed_level"]), dtype="Int64")
    return rows, [], _warnings(rows, typed, file, sheet, framework)


def _duplicate_problems(typed: list[dict], file: str, sheet: str) -> list[Problem]:
    """One problem per later row that repeats a (region, indicator) of an earlier row; a wide row
    repeating a region gets one problem, not one per indicator."""
    first_seen: dict[tuple, dict] = {}
    found: dict[tuple[int, int], Problem] = {}
    for row in typed:
        if row["region_code"] is None:
            continue
        key = (row["region_code"], row["indicator_code"])
        earlier = first_seen.setdefault(key, row)
        if earlier is row:
            continue
        same = all(earlier[c] == row[c] for c in ("level", "claimed_level", "evidence", "note"))
        pair = (row["line"], earlier["line"])
        if pair in found and (same or found[pair].code == "conflicting_row"):
            continue
        value = f"{key[0]} {key[1]}" if row["key_column"].count(",") else key[0]
        found[pair] = Problem("duplicate_row" if same else "conflicting_row", file=file, sheet=sheet,
                              row=row["line"], column=row["key_column"], value=value,
                              expected=str(earlier["line"]))
    return list(found.values())


def _warnings(rows: pd.DataFrame, typed: list[dict], file: str, sheet: str,
              framework: Framework) -> list[Problem]:
    warnings = []
    total = len(framework.indicators)
    for region, count in rows.groupby("region_code", sort=True)["indicator_code"].nunique().items():
        if count < total:
            warnings.append(Problem("missing_indicators", file=file, sheet=sheet, value=str(region),
                                    expected=str(total - count), warning=True))
    for row in typed:
        if row["claimed_level"] is not None and row["claimed_level"] < row["level"]:
            warnings.append(Problem("claimed_below_level", file=file, sheet=sheet, row=row["line"],
                                    column="claimed_level", value=str(row["claimed_level"]),
                                    expected=str(row["level"]), warning=True))
    return warnings
