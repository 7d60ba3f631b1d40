"""Dimension targets per (region, year, dimension), from the RPJMD or the Smart City masterplan.

Stored in data/targets/targets.parquet (region_code, year, dimension, target 0..max_level of the year's framework, note,
updated_at, updated_by), rewritten whole, atomically, under the writer lock. Saving replaces the
rows of the keys given and keeps every other row. A blank target in a long-form row removes that
key's target (so a cleared cell in an editor clears it); in a wide file a blank cell is ignored.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from scoring import Framework
from store.atomic import atomic_write, writer_lock
from store.problems import IngestRefused, Problem
from store.reading import Grid, map_columns, read_grid
from store.shapes import COLUMN_ALIASES, Record
from store.snapshots import clean_store, who
from store.validate import closest, region_lookup, resolve_region
from store.xlsx_reading import cell_text

TARGETS_FILE = Path("targets") / "targets.parquet"
TARGET_SCHEMA = pa.schema([
    ("region_code", pa.string()), ("year", pa.int64()), ("dimension", pa.string()),
    ("target", pa.float64()), ("note", pa.string()), ("updated_at", pa.string()), ("updated_by", pa.string()),
])
TARGET_ALIASES = {
    "region_code": COLUMN_ALIASES["region_code"],
    "year": ("year", "tahun"),
    "dimension": ("dimension", "dimensi"),
    "target": ("target", "nilai_target", "target_value"),
    "note": ("note", "catatan"),
}
KEY = ["region_code", "year", "dimension"]
FrameworkFor = Callable[[int], Framework | None]


def read_targets(data_dir: Path) -> pd.DataFrame:
    """Every stored target row (the TARGET_SCHEMA columns); empty when none were set."""
    path = data_dir / TARGETS_FILE
    if not path.exists():
        return TARGET_SCHEMA.empty_table().to_pandas()
    table = pq.read_table(path)
    for name in TARGET_SCHEMA.names:  # files from before `note` existed
        if name not in table.column_names:
            table = table.append_column(name, pa.nulls(len(table), pa.string()))
    return table.select(TARGET_SCHEMA.names).to_pandas()


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def validate_targets(records: list[Record], *, file: str, sheet: str, framework_for: FrameworkFor,
                     regions: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Check target records; return (rows region_code, year, dimension, target (NaN = remove), note;
    problems). Every problem is listed."""
    lookup = region_lookup(regions)
    options = list(regions["name"]) + list(regions["code"])
    problems, rows, first_seen = [], [], {}
    covered: list[str] = []  # the years some framework covers, for messages (found on first need)
    for record in records:
        values = record.values

        def problem(code, column, value, expected="", suggestion="", record=record):
            problems.append(Problem(code, file=file, sheet=sheet, row=record.row,
                                    column=record.columns.get(column, column), value=value,
                                    expected=expected, suggestion=suggestion))

        region = resolve_region(values["region_code"], lookup)
        if region is None:
            problem("unknown_region", "region_code", values["region_code"],
                    suggestion=closest(values["region_code"], options))
        year_number = _number(values["year"])
        year = int(year_number) if year_number is not None and year_number.is_integer() else None
        framework = framework_for(year) if year is not None and 1900 <= year <= 2200 else None
        if framework is None:
            covered = covered or [str(y) for y in range(1990, 2100) if framework_for(y)]
            problem("bad_year", "year", values["year"], ", ".join(covered))
        dimension = values["dimension"].strip().upper()
        if framework is not None and dimension not in {d.code for d in framework.dimensions}:
            codes = [d.code for d in framework.dimensions]
            problem("unknown_dimension", "dimension", values["dimension"], ", ".join(codes),
                    closest(dimension, codes))
        target = _number(values["target"]) if values["target"] else math.nan
        top = framework.max_level if framework is not None else None   # the target is on the year's scale
        if target is None or not (math.isnan(target) or top is None or 0 <= target <= top):
            problem("bad_target", "target", values["target"], top if top is not None else "0..max_level")
        row = {"region_code": region, "year": year, "dimension": dimension, "target": target,
               "note": values.get("note", "")}
        key = (region, year, dimension)
        earlier = first_seen.setdefault(key, (record.row, row))
        if earlier[1] is not row and None not in key:
            same = _same_target(earlier[1]["target"], row["target"])
            problems.append(Problem("duplicate_row" if same else "conflicting_row", file=file, sheet=sheet,
                                    row=record.row, column=record.key_column, value=" ".join(map(str, key)),
                                    expected=str(earlier[0])))
        rows.append(row)
    return pd.DataFrame(rows, columns=["region_code", "year", "dimension", "target", "note"]), problems


def _same_target(first: float | None, second: float | None) -> bool:
    if first is None or second is None:
        return first is second
    return first == second or (math.isnan(first) and math.isnan(second))


def records_from_frame(frame: pd.DataFrame) -> list[Record]:
    """Records of an in-memory table (an editor's rows): row = position + 1, canonical columns."""
    missing = [c for c in ("region_code", "year", "dimension", "target") if c not in frame.columns]
    if missing:
        raise IngestRefused([Problem("missing_column", column=c, value=", ".join(map(str, frame.columns)))
                             for c in missing])
    records = []
    for position, row in enumerate(frame.to_dict("records"), start=1):
        values = {c: "" if c not in row or _is_blank(row[c]) else cell_text(row[c]) for c in TARGET_ALIASES}
        records.append(Record(position, values, {}, key_column="region_code, year, dimension"))
    return records


def _is_blank(value) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def records_from_file(name: str, data: bytes, dimension_codes: set[str]) -> tuple[Grid, list[Record], list[Problem]]:
    """Records of a targets CSV/XLSX: long (region, year, dimension, target) or wide (one column
    per dimension code). Raises IngestRefused for an unreadable or empty file."""
    grid = read_grid(name, data, key_aliases=TARGET_ALIASES["region_code"], preferred_sheets=("targets", "target"))
    columns, problems = map_columns(grid, TARGET_ALIASES)
    wide = {i: h.strip().upper() for i, h in enumerate(grid.headers) if h.strip().upper() in dimension_codes}
    form_columns = ("region_code", "year") if "dimension" not in columns and wide else (*KEY, "target")
    for column in form_columns:
        if column not in columns:
            problems.append(Problem("missing_column", file=name, sheet=grid.sheet, row=grid.header_row,
                                    column=column, value=", ".join(h for h in grid.headers if h)))
    if problems:
        return grid, [], problems
    labels = {c: grid.headers[i] for c, i in columns.items()}
    records = []
    for row, cells in grid.rows:
        for index, formula in grid.formulas.items():
            if index[0] == row and (index[1] in columns.values() or index[1] in wide):
                problems.append(Problem("formula_no_value", file=name, sheet=grid.sheet, row=row,
                                        column=grid.headers[index[1]], value=formula))
        values = {c: cells[i] for c, i in columns.items()}
        values.setdefault("note", "")
        if "dimension" in columns:
            records.append(Record(row, values, labels, key_column=f"{labels['region_code']}, {labels['year']}, "
                                                                  f"{labels['dimension']}"))
            continue
        for index, code in wide.items():
            if cells[index]:
                records.append(Record(row, dict(values, dimension=code, target=cells[index]),
                                      dict(labels, dimension=grid.headers[index], target=grid.headers[index]),
                                      key_column=grid.headers[index]))
    if not records and not problems:
        problems.append(Problem("empty_file", file=name, sheet=grid.sheet))
    return grid, records, problems


def save_targets(data_dir: Path, rows: pd.DataFrame, *, created_by: str | None) -> int:
    """Replace the stored rows of the keys in validated `rows` (a NaN target removes the key);
    return how many keys were set or removed."""
    with writer_lock(data_dir):
        clean_store(data_dir / "snapshots")
        stored = read_targets(data_dir)
        keys = set(zip(rows["region_code"], rows["year"], rows["dimension"], strict=True))
        stored_keys = list(zip(stored["region_code"], stored["year"], stored["dimension"], strict=True))
        kept = stored[[key not in keys for key in stored_keys]]
        new = rows[rows["target"].notna()].assign(
            updated_at=datetime.now(UTC).isoformat(timespec="seconds"), updated_by=created_by or who())
        new["note"] = new["note"].fillna("").astype(str)
        table = pd.concat([kept, new[TARGET_SCHEMA.names]], ignore_index=True) if len(kept) else new
        table = table.astype({"year": "int64", "target": "float64"}).sort_values(KEY, ignore_index=True)
        arrow = pa.Table.from_pandas(table[TARGET_SCHEMA.names], schema=TARGET_SCHEMA, preserve_index=False)
        atomic_write(data_dir / TARGETS_FILE, lambda temp: pq.write_table(arrow, temp))
        new_keys = set(zip(new["region_code"], new["year"], new["dimension"], strict=True))
        return len(new) + len((set(stored_keys) & keys) - new_keys)


def targets_table(data_dir: Path, regions: pd.DataFrame, year: int | None = None) -> pd.DataFrame:
    """Stored targets (of `year` when given): region_code, name, year, dimension, target, note,
    updated_at, updated_by; sorted by region, year, dimension."""
    stored = read_targets(data_dir)
    if year is not None:
        stored = stored[stored["year"] == year]
    names = regions.set_index("code")["name"]
    stored = stored.assign(name=stored["region_code"].map(names), note=stored["note"].fillna(""))
    columns = ["region_code", "name", "year", "dimension", "target", "note", "updated_at", "updated_by"]
    return stored[columns].sort_values(KEY, ignore_index=True)


def checked_targets(records: list[Record], problems: list[Problem], *, file: str, sheet: str,
                    framework_for: FrameworkFor, regions: pd.DataFrame) -> pd.DataFrame:
    """Validated target rows, or IngestRefused listing every problem (also those given)."""
    rows, found = validate_targets(records, file=file, sheet=sheet, framework_for=framework_for, regions=regions)
    problems = sorted(dict.fromkeys(problems + found), key=lambda p: p.row or 0)
    if problems:
        raise IngestRefused(problems)
    return rows
