"""The contract of an assessment upload, checked before anything is written.

Every problem is collected (not just the first) with file, row, column, value and expectation.
"""

from __future__ import annotations

import difflib

import pandas as pd

from scoring import Framework
from store.problems import Problem
from store.reading import REQUIRED_COLUMNS

EVIDENCE_VALUES = {
    "verified": "verified", "terverifikasi": "verified",
    "submitted": "submitted", "diajukan": "submitted",
    "missing": "missing", "tidak ada": "missing", "tidak_ada": "missing",
}
EVIDENCE_EXPECTED = "verified/terverifikasi, submitted/diajukan, missing/tidak ada"
STAGES = ("I", "II")


def _level(value: str) -> int | None:
    """A whole level 0-5 from text ("3", "3.0"), else None."""
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        return None
    if number != int(number) or not 0 <= number <= 5:
        return None
    return int(number)


def _closest(value: str, options: list[str]) -> str:
    matches = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return matches[0] if matches else ""


def region_lookup(regions: pd.DataFrame) -> dict[str, str]:
    """Code and exact name (case-insensitive) -> region code."""
    lookup = {code: code for code in regions["code"]}
    lookup.update({name.lower(): code for name, code in zip(regions["name"], regions["code"],
                                                             strict=True)})
    return lookup


def validate_assessments(table: pd.DataFrame, *, file: str, framework: Framework,
                         regions: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Check a canonical-column string table; return (typed rows, problems).

    Typed rows have region_code, indicator_code, level (int), claimed_level (Int64, NA when
    blank), evidence (verified | submitted | missing) and note. Problems with warning=False refuse
    the file.
    """
    problems = [Problem("missing_column", file=file, row=1, column=column,
                        value=", ".join(map(str, table.columns)))
                for column in REQUIRED_COLUMNS if column not in table.columns]
    if problems:
        return pd.DataFrame(), problems
    lookup = region_lookup(regions)
    indicator_codes = [i.code for i in framework.indicators]
    known_indicators = set(indicator_codes)
    region_names = list(regions["name"]) + list(regions["code"])
    typed = []
    for position, row in enumerate(table.to_dict("records")):
        line = position + 2
        region = lookup.get(row["region_code"]) or lookup.get(row["region_code"].lower())
        if region is None:
            problems.append(Problem("unknown_region", file=file, row=line, column="region_code",
                                    value=row["region_code"],
                                    suggestion=_closest(row["region_code"], region_names)))
        indicator = row["indicator_code"]
        if indicator not in known_indicators:
            problems.append(Problem("unknown_indicator", file=file, row=line,
                                    column="indicator_code", value=indicator,
                                    expected=framework.id,
                                    suggestion=_closest(indicator.upper(), indicator_codes)))
        level = _level(row["level"])
        if level is None:
            problems.append(Problem("bad_level", file=file, row=line, column="level",
                                    value=row["level"]))
        claimed_text = row.get("claimed_level", "")
        claimed = _level(claimed_text) if claimed_text else None
        if claimed_text and claimed is None:
            problems.append(Problem("bad_level", file=file, row=line, column="claimed_level",
                                    value=claimed_text))
        evidence = EVIDENCE_VALUES.get(row["evidence"].strip().lower())
        if evidence is None:
            problems.append(Problem("bad_evidence", file=file, row=line, column="evidence",
                                    value=row["evidence"], expected=EVIDENCE_EXPECTED))
        typed.append({"line": line, "region_code": region, "indicator_code": indicator,
                      "level": level, "claimed_level": claimed, "evidence": evidence,
                      "note": row.get("note", "")})
    rows = pd.DataFrame(typed)
    problems += _duplicate_problems(rows, file)
    rows = rows.drop(columns="line")
    rows["claimed_level"] = rows["claimed_level"].astype("Int64")
    return rows, problems


def _duplicate_problems(rows: pd.DataFrame, file: str) -> list[Problem]:
    problems = []
    first_seen: dict[tuple, dict] = {}
    for row in rows.dropna(subset=["region_code"]).to_dict("records"):
        key = (row["region_code"], row["indicator_code"])
        if key not in first_seen:
            first_seen[key] = row
            continue
        earlier = first_seen[key]
        same = all(earlier[c] == row[c] for c in ("level", "claimed_level", "evidence", "note"))
        problems.append(Problem("duplicate_row" if same else "conflicting_row", file=file,
                                row=row["line"], column="region_code, indicator_code",
                                value=f"{key[0]} {key[1]}", expected=str(earlier["line"])))
    return problems
