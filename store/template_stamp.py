"""What a file says it is for: the year and stage a Matra template was made for.

An XLSX template carries them three times: the document properties (keywords
"matra-template year=2026 stage=I", subject "Matra template 2026 I"), which Excel keeps when the
file is filled in and saved, and the instructions sheet ("Templat Matra: tahun 2026, tahap I"),
which templates made before the properties existed also have. A CSV template has year and stage
columns (store/shapes.py checks every row against the chosen year and stage).

`stated_year_stage` reads them without trusting the file: the container is checked against the
upload limits first, only a small docProps/core.xml is read, and only the first rows of sheets.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile

from scoring import STAGES
from store.limits import Limits, container_problems
from store.shapes import COLUMN_ALIASES, stage_value
from store.xlsx_reading import is_xlsx, sheet_heads

KEYWORDS = "matra-template year={year} stage={stage}"
SUBJECT = "Matra template {year} {stage}"
CORE_PART = "docProps/core.xml"
CORE_MAX_BYTES = 64 * 1024
STAMPED = re.compile(r"matra-template year=(\d{4}) stage=(I{1,2})\b")
INSTRUCTION = re.compile(r"(?:Templat Matra: tahun|Matra template: year) (\d{4}), (?:tahap|stage) (I{1,2})\b")
CSV_PREFIX_BYTES = 64 * 1024


def stamp(workbook, *, year: int, stage: str, framework_id: str) -> None:
    """Write the template's year and stage into an openpyxl workbook's document properties."""
    workbook.properties.keywords = KEYWORDS.format(year=year, stage=stage)
    workbook.properties.subject = SUBJECT.format(year=year, stage=stage)
    workbook.properties.title = f"Matra {year} {stage} ({framework_id})"
    workbook.properties.creator = "Matra"


def _pair(match) -> tuple[int, str] | None:
    if match is None or match.group(2) not in STAGES:
        return None
    return int(match.group(1)), match.group(2)


def _from_properties(data: bytes) -> tuple[int, str] | None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            info = archive.getinfo(CORE_PART)
        except KeyError:
            return None
        if info.file_size > CORE_MAX_BYTES:
            return None
        text = archive.read(info).decode("utf-8", errors="replace")
    return _pair(STAMPED.search(text))


def _from_instructions(data: bytes) -> tuple[int, str] | None:
    for rows in sheet_heads(data, 3, max_columns=2).values():
        for _, cells in rows:
            for cell in cells:
                found = _pair(INSTRUCTION.search(cell))
                if found:
                    return found
    return None


def _from_csv_columns(data: bytes) -> tuple[int, str] | None:
    text = data[:CSV_PREFIX_BYTES].decode("utf-8-sig", errors="replace")
    lines = text.splitlines()[:2]
    if len(lines) < 2:
        return None
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    header, first = (next(csv.reader([line], delimiter=delimiter)) for line in lines)
    names = [cell.strip().lower() for cell in header]
    cells = dict(zip(names, first, strict=False))
    year = next((cells[a].strip() for a in COLUMN_ALIASES["year"] if cells.get(a, "").strip()), "")
    stage = next((stage_value(cells[a]) for a in COLUMN_ALIASES["stage"] if cells.get(a, "").strip()), "")
    if not re.fullmatch(r"\d{4}", year) or stage not in STAGES:
        return None
    return int(year), stage


def stated_year_stage(name: str, data: bytes, limits: Limits, read_sheets: bool = True) -> tuple[int, str] | None:
    """(year, stage) the file says it is for, or None when it says nothing (or is not a file
    that may be read within `limits`; the upload check reports that). Without `read_sheets` only
    the small properties part of an XLSX is read (no sheet parsing: safe outside the bounded
    worker process); the instructions sheet of an older template is then not looked at."""
    if container_problems(name, data, limits):
        return None
    try:
        if is_xlsx(data):
            return _from_properties(data) or (_from_instructions(data) if read_sheets else None)
        return _from_csv_columns(data)
    except Exception:  # an unreadable file states nothing; reading it properly reports why
        return None
