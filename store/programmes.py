"""Programme registers: a region's Smart City masterplan programmes and quick wins.

One row per programme: code, name, dimension, linked indicators with the level each should reach
(`indicators` cell "CODE=LEVEL; CODE=LEVEL"), owner OPD, budget (Rp), budget source, start and end
year, status, progress %, quick-win flag, optional RPJMD reference. An import replaces the region's
whole register. Every import is a new version file data/programmes/<region>/vNNNN.parquet, written
atomically under the writer lock; the highest version is the register. A refused file writes
nothing. Headers in English or Indonesian; values too (status selesai = done, ...).
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from scoring import Framework
from store.atomic import atomic_write, writer_lock
from store.exports import FORMULA_STARTS
from store.problems import TEMPLATES, IngestRefused, Problem
from store.reading import map_columns, read_grid
from store.settings import setting
from store.snapshots import who
from store.validate import closest, level_value

FOLDER = Path("programmes")
COLUMNS = ["programme_code", "name", "dimension", "indicators", "owner_opd", "budget", "budget_source",
           "start_year", "end_year", "status", "progress", "quick_win", "rpjmd_ref"]
SCHEMA = pa.schema([
    ("region_code", pa.string()), ("programme_code", pa.string()), ("name", pa.string()),
    ("dimension", pa.string()), ("indicators", pa.string()), ("owner_opd", pa.string()),
    ("budget", pa.float64()), ("budget_source", pa.string()), ("start_year", pa.int64()),
    ("end_year", pa.int64()), ("status", pa.string()), ("progress", pa.float64()), ("quick_win", pa.bool_()),
    ("rpjmd_ref", pa.string()), ("synthetic", pa.bool_()), ("updated_at", pa.string()),
    ("updated_by", pa.string()),
])
ALIASES = {
    "programme_code": ("programme_code", "kode_program", "program_code", "kode"),
    "name": ("name", "nama_program", "nama", "programme_name", "program"),
    "dimension": ("dimension", "dimensi"),
    "indicators": ("indicators", "indikator", "indikator_terkait", "linked_indicators"),
    "owner_opd": ("owner_opd", "opd_pengampu", "opd"),
    "budget": ("budget", "anggaran", "budget_rp", "anggaran_rp"),
    "budget_source": ("budget_source", "sumber_anggaran"),
    "start_year": ("start_year", "tahun_mulai"),
    "end_year": ("end_year", "tahun_selesai"),
    "status": ("status",),
    "progress": ("progress", "progres", "progress_pct", "progres_persen"),
    "quick_win": ("quick_win", "quickwin"),
    "rpjmd_ref": ("rpjmd_ref", "rujukan_rpjmd", "rpjmd"),
}
INDONESIAN_HEADERS = dict(zip(COLUMNS, ["kode_program", "nama_program", "dimensi", "indikator", "opd_pengampu",
                                        "anggaran", "sumber_anggaran", "tahun_mulai", "tahun_selesai", "status",
                                        "progres", "quick_win", "rujukan_rpjmd"], strict=True))
REQUIRED = ("programme_code", "name", "dimension", "owner_opd", "budget", "budget_source", "start_year",
            "end_year", "status")
STATUSES = ("planned", "running", "done", "stopped")
STATUS_WORDS = {"direncanakan": "planned", "rencana": "planned", "berjalan": "running", "selesai": "done",
                "dihentikan": "stopped", "berhenti": "stopped", **{s: s for s in STATUSES}}
SOURCES = ("APBD", "DPA", "other")
SOURCE_WORDS = {"apbd": "APBD", "dpa": "DPA", "other": "other", "lainnya": "other", "lain": "other"}
YES, NO = ("yes", "ya", "y", "true", "1"), ("no", "tidak", "t", "n", "false", "0", "")
TEXT_COLUMNS = ("programme_code", "name", "indicators", "owner_opd", "rpjmd_ref")
TEMPLATES.update({  # the problems only a programme register can have
    "missing_value": ("Sel wajib kosong; diharapkan {expected}.", "Required cell is empty; expected {expected}."),
    "unknown_opd": ("OPD '{value}' tidak dikenal; diharapkan salah satu OPD pengampu kerangka: {expected}.",
                    "Unknown OPD '{value}'; expected one of the framework's owner OPDs: {expected}."),
    "bad_budget": ("Anggaran '{value}' tidak sah; diharapkan angka rupiah 0 atau lebih.",
                   "'{value}' is not a valid budget; expected an amount in rupiah of 0 or more."),
    "bad_budget_source": ("Sumber anggaran '{value}' tidak dikenal; diharapkan {expected}.",
                          "Unknown budget source '{value}'; expected {expected}."),
    "bad_status": ("Status '{value}' tidak dikenal; diharapkan {expected}.",
                   "Unknown status '{value}'; expected {expected}."),
    "bad_progress": ("Progres '{value}' tidak sah; diharapkan angka 0 sampai 100.",
                     "'{value}' is not a valid progress; expected a number from 0 to 100."),
    "bad_quick_win": ("Quick Win '{value}' tidak dikenal; diharapkan ya atau tidak.",
                      "Unknown quick-win value '{value}'; expected yes or no."),
    "bad_programme_year": ("Tahun '{value}' tidak sah; diharapkan tahun 2000 sampai 2100.",
                           "'{value}' is not a valid year; expected a year from 2000 to 2100."),
    "end_before_start": ("Tahun selesai {value} sebelum tahun mulai {expected}.",
                         "End year {value} is before start year {expected}."),
    "duplicate_programme": ("Kode program '{value}' ganda; juga di baris {expected}.",
                            "Duplicate programme code '{value}'; also on row {expected}."),
    "formula_text": ("Teks '{value}' diawali = + - @ sehingga dibaca sebagai rumus; diharapkan teks biasa.",
                     "The text '{value}' starts with = + - @ and would run as a formula; expected plain text."),
    "whatif_refused": ("Skenario tidak dapat dihitung: {value}.", "The scenario cannot be computed: {value}."),
    "bad_link": ("Tautan indikator '{value}' tidak sah; diharapkan KODE=LEVEL dipisah titik koma, "
                 "mis. {expected}.",
                 "Invalid indicator link '{value}'; expected CODE=LEVEL separated by semicolons, e.g. "
                 "{expected}."),
})


def _version_files(data_dir: Path, region: str) -> list[Path]:
    folder = data_dir / FOLDER / region
    return sorted(folder.glob("v[0-9][0-9][0-9][0-9].parquet")) if folder.exists() else []


def register_stamp(data_dir: Path, region: str) -> tuple:
    """Changes when the region's register gets a new version (for cache keys)."""
    return tuple((path.name, path.stat().st_mtime_ns) for path in _version_files(data_dir, region))


def read_programmes(data_dir: Path, region: str) -> pd.DataFrame:
    """The region's current register (SCHEMA columns), empty when none was imported."""
    files = _version_files(data_dir, region)
    if not files:
        return SCHEMA.empty_table().to_pandas()
    return pq.read_table(files[-1]).select(SCHEMA.names).to_pandas()


def regions_with_programmes(data_dir: Path) -> list[str]:
    folder = data_dir / FOLDER
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and _version_files(data_dir, p.name)) \
        if folder.exists() else []


def links(programmes: pd.DataFrame) -> pd.DataFrame:
    """One row per (programme, linked indicator): programme_code, indicator_code, target_level."""
    rows = [{"programme_code": code, "indicator_code": item.split("=")[0].strip(),
             "target_level": int(item.split("=")[1])}
            for code, text in zip(programmes["programme_code"], programmes["indicators"], strict=True)
            for item in re.split(r"[;\n]", text or "") if item.strip()]
    return pd.DataFrame(rows, columns=["programme_code", "indicator_code", "target_level"])


def _number(text: str) -> float | None:
    text = re.sub(r"(?i)^rp\.?", "", text.replace(" ", "").replace("\u00a0", ""))
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", text) and len(set(re.findall(r"[.,]", text))) == 1:
        text = re.sub(r"[.,]", "", text)  # 1.500.000 or 1,500,000: thousands separators
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _year(text: str) -> int | None:
    value = _number(text)
    return int(value) if value is not None and value.is_integer() and 2000 <= value <= 2100 else None


def _links(text: str, framework: Framework) -> tuple[str, list[tuple[str, str, str]]]:
    """(normalised cell text, [(problem code, value, expected)])."""
    codes = {i.code for i in framework.indicators}
    example = f"{framework.indicators[0].code}=3; {framework.indicators[1].code}=4"
    items, problems, seen = [], [], set()
    for item in (part.strip() for part in re.split(r"[;\n]", text)):
        if not item:
            continue
        parts = re.split(r"\s*[=:]\s*", item)
        if len(parts) != 2 or parts[0].upper() in seen:
            problems.append(("bad_link", item, example))
            continue
        code, level = parts[0].upper(), level_value(parts[1], framework.max_level)
        seen.add(code)
        if code not in codes:
            problems.append(("unknown_indicator", parts[0], framework.id))
        if level is None:
            problems.append(("bad_level", item, framework.max_level))
        if code in codes and level is not None:
            items.append(f"{code}={level}")
    return "; ".join(items), problems


def validate(grid_rows, columns: dict[str, int], *, file: str, sheet: str, framework: Framework,
             headers: list[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Check every row; return (typed rows in COLUMNS, problems). Every problem is listed."""
    opds = sorted({i.owner_opd for i in framework.indicators})
    opd_by_key = {o.casefold(): o for o in opds}
    dimensions = [d.code for d in framework.dimensions]
    problems, rows, first_row = [], [], {}
    for row_number, cells in grid_rows:
        values = {c: cells[i] if c in columns else "" for c, i in ((c, columns.get(c)) for c in COLUMNS)}

        def problem(code, column, value="", expected="", suggestion="", row=row_number):
            label = headers[columns[column]] if column in columns else column
            problems.append(Problem(code, file=file, sheet=sheet, row=row, column=label, value=value,
                                    expected=expected, suggestion=suggestion))

        for column in TEXT_COLUMNS:
            if values[column].startswith(FORMULA_STARTS):
                problem("formula_text", column, values[column])
        for column in REQUIRED:
            if not values[column]:
                problem("missing_value", column, expected=column)
        code = values["programme_code"]
        if code and not code.startswith(FORMULA_STARTS):
            if code.upper() in first_row:
                problem("duplicate_programme", "programme_code", code, str(first_row[code.upper()]))
            first_row.setdefault(code.upper(), row_number)
        dimension = values["dimension"].upper()
        if dimension and dimension not in dimensions:
            problem("unknown_dimension", "dimension", values["dimension"], ", ".join(dimensions),
                    closest(dimension, dimensions))
        indicators, link_problems = _links(values["indicators"], framework)
        for link_code, value, expected in link_problems:
            problem(link_code, "indicators", value, expected)
        opd = opd_by_key.get(values["owner_opd"].casefold())
        if values["owner_opd"] and opd is None and not values["owner_opd"].startswith(FORMULA_STARTS):
            problem("unknown_opd", "owner_opd", values["owner_opd"], "; ".join(opds),
                    closest(values["owner_opd"], opds))
        budget = _number(values["budget"]) if values["budget"] else 0.0
        if budget is None or budget < 0:
            problem("bad_budget", "budget", values["budget"])
        source = SOURCE_WORDS.get(values["budget_source"].casefold())
        if values["budget_source"] and source is None:
            problem("bad_budget_source", "budget_source", values["budget_source"], " | ".join(SOURCES))
        start, end = _year(values["start_year"]), _year(values["end_year"])
        for column, year in (("start_year", start), ("end_year", end)):
            if values[column] and year is None:
                problem("bad_programme_year", column, values[column])
        if start is not None and end is not None and end < start:
            problem("end_before_start", "end_year", str(end), str(start))
        status = STATUS_WORDS.get(values["status"].casefold())
        if values["status"] and status is None:
            problem("bad_status", "status", values["status"], " | ".join(STATUSES))
        progress = _number(values["progress"].rstrip("%")) if values["progress"] else 0.0
        if progress is None or not 0 <= progress <= 100:
            problem("bad_progress", "progress", values["progress"])
        flag = values["quick_win"].casefold()
        if flag not in YES + NO:
            problem("bad_quick_win", "quick_win", values["quick_win"])
        rows.append({"programme_code": code, "name": values["name"], "dimension": dimension,
                     "indicators": indicators, "owner_opd": opd or values["owner_opd"], "budget": budget,
                     "budget_source": source, "start_year": start, "end_year": end, "status": status,
                     "progress": progress, "quick_win": flag in YES, "rpjmd_ref": values["rpjmd_ref"]})
    return pd.DataFrame(rows, columns=COLUMNS), problems


def check_file(name: str, data: bytes, framework: Framework, max_programmes: int | None = None) -> pd.DataFrame:
    """The validated register of a CSV/XLSX file; IngestRefused listing every problem otherwise.
    A register of more than `max_programmes` rows (MATRA_MAX_PROGRAMMES by default) is refused
    before its rows are checked. Store.import_programmes runs this in the bounded worker."""
    grid = read_grid(name, data, key_aliases=ALIASES["programme_code"],
                     preferred_sheets=("programmes", "program", "data"))
    limit = int(setting("MATRA_MAX_PROGRAMMES")) if max_programmes is None else max_programmes
    count = len(grid.rows)   # non-blank rows under the header
    if count > limit:
        raise IngestRefused([Problem("too_many_programmes", file=name, sheet=grid.sheet, value=str(count),
                                     expected=str(limit))])
    columns, problems = map_columns(grid, ALIASES)
    for column in (*REQUIRED, "indicators"):
        if column not in columns:
            problems.append(Problem("missing_column", file=name, sheet=grid.sheet, row=grid.header_row,
                                    column=column, value=", ".join(h for h in grid.headers if h)))
    if problems:
        raise IngestRefused(problems)
    for (row, index), formula in sorted(grid.formulas.items()):
        if index in columns.values():
            problems.append(Problem("formula_no_value", file=name, sheet=grid.sheet, row=row,
                                    column=grid.headers[index], value=formula))
    rows, found = validate(grid.rows, columns, file=name, sheet=grid.sheet, framework=framework,
                           headers=grid.headers)
    problems = sorted(problems + found, key=lambda p: p.row or 0)
    if not problems and rows.empty:
        problems = [Problem("empty_file", file=name, sheet=grid.sheet)]
    if problems:
        raise IngestRefused(problems)
    return rows


def save_programmes(data_dir: Path, region: str, rows: pd.DataFrame, *, created_by: str | None,
                    synthetic: bool = False) -> int:
    """Write validated `rows` as the region's next register version; returns the version number."""
    table = rows.assign(region_code=region, synthetic=synthetic,
                        updated_at=datetime.now(UTC).isoformat(timespec="seconds"),
                        updated_by=created_by or who())
    table = table.astype({"budget": "float64", "progress": "float64", "start_year": "int64", "end_year": "int64",
                          "quick_win": "bool"})
    arrow = pa.Table.from_pandas(table[SCHEMA.names], schema=SCHEMA, preserve_index=False)
    with writer_lock(data_dir):
        files = _version_files(data_dir, region)
        version = int(files[-1].stem[1:]) + 1 if files else 1
        atomic_write(data_dir / FOLDER / region / f"v{version:04d}.parquet", lambda temp: pq.write_table(arrow, temp))
    return version


def export_frame(programmes: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The register in import form (COLUMNS, Indonesian headers for lang id); imports back unchanged."""
    frame = programmes[COLUMNS].copy()
    frame["quick_win"] = frame["quick_win"].map({True: "yes", False: "no"})
    frame["budget"] = frame["budget"].map(lambda v: int(v) if float(v).is_integer() else v)
    return frame.rename(columns=INDONESIAN_HEADERS) if lang == "id" else frame
