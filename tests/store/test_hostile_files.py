"""Hostile files, generated here (nothing big in git): decompression bombs, a million rows, 10,000
columns, UTF-16/32, NUL bytes, huge cells, ragged rows, stray and duplicate columns, homoglyph and
full-width region codes, formula and HTML payloads.

Each file goes through `Store.ingest_bytes` in this process and through `check_upload(in_worker=True)`
(the web server's path): a refused file is refused with the expected problem, a message that names
the setting changing the limit, within a generous time bound, and the data folder byte-identical;
a valid one loads. Time and the worker's peak memory per file are printed (pytest -s) and written to
test-artifacts/hostile-files.txt.
"""

from __future__ import annotations

import base64
import codecs
import io
import random
import struct
import subprocess
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import pytest

from store import IngestRefused, Store, exports, limits, parse_worker
from store.snapshots import read_snapshot_rows
from tests.conftest import REPO, TINY_LEVELS
from tests.store.helpers import HEADER, long_csv, tree_fingerprint

SECONDS_BOUND = 30      # generous: a refusal or load taking longer is a hang, not a slow machine
MEMORY_BOUND_MB = 1024  # the worker's peak resident memory (its limit MATRA_PARSE_MEMORY_MB is 2048)
MB = 1 << 20
COLUMNS = HEADER.split(",")
RESULTS: list[tuple] = []
SLOW = {"million-rows.xlsx"}  # 5-12 s: generating, refusing in-process and in the worker

# A minimal XLSX package, written part by part, so the sheet XML can be streamed into the zip.
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
ROOT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="xl/workbook.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    b'</Relationships>')
WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>')
SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_TAIL = b"</sheetData></worksheet>"


def cell(text: str) -> bytes:
    return b'<c t="inlineStr"><is><t>' + escape(text).encode() + b"</t></is></c>"


def row(texts) -> bytes:
    return b"<row>" + b"".join(cell(t) for t in texts) + b"</row>"


def xlsx(sheet_chunks, head: bytes = SHEET_HEAD) -> bytes:
    """An XLSX whose only sheet ('data') is SHEET_HEAD + the chunks + SHEET_TAIL, deflated at level 9."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, part in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)):
            archive.writestr(name, part)
        with archive.open(SHEET, "w") as sheet:
            sheet.write(head)
            for chunk in sheet_chunks:
                sheet.write(chunk)
            sheet.write(SHEET_TAIL)
    return buffer.getvalue()


def valid_rows(region="35.09"):
    return [[region, code, str(level), str(level), "verified", ""] for code, level in TINY_LEVELS.items()]


def bomb_in_one_cell(megabytes: int) -> bytes:
    """One cell of `megabytes` MB of 'A': the sheet XML compresses about 1000 times."""
    def chunks():
        yield row(COLUMNS)
        yield b'<row><c t="inlineStr"><is><t>'
        block = b"A" * MB
        for _ in range(megabytes):
            yield block
        yield b"</t></is></c></row>"
    return xlsx(chunks())


def bomb_in_rows(megabytes: int) -> bytes:
    """`megabytes` MB of the same valid-looking row, over and over (no row numbers)."""
    def chunks():
        yield row(COLUMNS)
        same = row(valid_rows()[0])
        block = same * (MB // len(same))
        for _ in range(megabytes):
            yield block
    return xlsx(chunks())


def bomb_with_lying_size() -> bytes:
    """A 150 MB cell whose zip directory claims the sheet unpacks to 50 KB (so no size or ratio check
    sees it): the reader must stop at the claimed size, not expand the lot."""
    data = bytearray(bomb_in_one_cell(150))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entry = archive.start_dir  # the central directory: fixed 46 bytes, name, extra, comment per entry
    while True:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, entry + 28)
        if data[entry + 46:entry + 46 + name_length] == SHEET.encode():
            break
        entry += 46 + name_length + extra_length + comment_length
    struct.pack_into("<I", data, entry + 24, 50_000)  # its uncompressed size
    return bytes(data)


def many_xlsx_rows(count: int) -> bytes:
    """A header and `count` numbered rows of one number each (compresses about 7 times: no bomb)."""
    def chunks():
        yield row(COLUMNS)
        for start in range(0, count, 5000):
            yield b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n + 2, n + 2, n)
                           for n in range(start, min(count, start + 5000)))
    return xlsx(chunks())


def far_right_blank_cells(count: int) -> bytes:
    """A valid sheet followed by `count` rows holding only an empty cell in the last column (XFD):
    a reader padding every row to the sheet's width does 16,384 cells of work per row."""
    def chunks():
        yield row(COLUMNS)
        for texts in valid_rows():
            yield row(texts)
        for start in range(8, count + 8, 5000):
            yield b"".join(b'<row r="%d"><c r="XFD%d"/></row>' % (n, n) for n in range(start, start + 5000))
    return xlsx(chunks())


def billion_laughs() -> bytes:
    """Nested XML entities in the sheet: 10 levels of 10 expand a few hundred bytes to 10^9 'lol's."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10)]
    head = (b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [' + "".join(entities).encode()
            + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    return xlsx([row(COLUMNS), b'<row><c t="inlineStr"><is><t>&lol9;</t></is></c></row>'], head=head)


def many_zip_members() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx([row(COLUMNS)]))) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        for n in range(limits.MAX_ZIP_MEMBERS):
            archive.writestr(f"xl/media/junk{n}.bin", b"")
    return buffer.getvalue()


def xlsx_columns(count: int) -> bytes:
    return xlsx([row(COLUMNS + [f"extra{n}" for n in range(count - len(COLUMNS))]), row(valid_rows()[0])])


def xlsx_big_cell(characters: int) -> bytes:
    """One note of `characters` random letters (incompressible enough to pass the zip checks)."""
    text = base64.b64encode(random.Random(7).randbytes(characters * 3 // 4 + 3)).decode()[:characters]
    return xlsx([row(COLUMNS), row([*valid_rows()[0][:5], text])])


def csv_text(rows, header=HEADER) -> str:
    return "\n".join([header, *(",".join(r) for r in rows)]) + "\n"


def csv_columns(count: int) -> bytes:
    header = ",".join(COLUMNS + [f"extra{n}" for n in range(count - len(COLUMNS))])
    return csv_text([valid_rows()[0] + ["x"] * (count - len(COLUMNS))], header).encode()


def csv_rows(count: int) -> bytes:
    line = ",".join(valid_rows()[0]) + "\n"
    return (HEADER + "\n" + line * count).encode()


def with_note(note: str) -> bytes:
    rows = valid_rows()
    rows[1][5] = note
    return csv_text(rows).encode()


def homoglyph_rows(region: str) -> bytes:
    return csv_text(valid_rows(region)).encode()


FORMULA = "=cmd|' /C calc'!A0"
SCRIPT = "<script>alert(1)</script>"
PAYLOADS = [FORMULA, "+1+2", "-2+3", "@SUM(A1:A2)", SCRIPT, '<img src=x onerror="alert(1)">']


def payload_csv() -> bytes:
    rows = valid_rows()
    for index, payload in enumerate(PAYLOADS):
        rows[index][5] = '"' + payload.replace('"', '""') + '"'
    return csv_text(rows).encode()


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[], bytes]
    code: str | None           # the first problem's code; None: a valid file that loads
    setting: str = ""          # the setting its message names (when the template names one)
    env: dict = field(default_factory=dict)
    row: int | None = None
    column: str | None = None
    bomb: bool = False


CASES = [
    Case("valid-reference.csv", lambda: long_csv().encode(), None),
    Case("bomb-cell-150mb.xlsx", lambda: bomb_in_one_cell(150), "too_large_unpacked", "MATRA_MAX_UNPACKED_MB",
         bomb=True),
    Case("bomb-cell-60mb.xlsx", lambda: bomb_in_one_cell(60), "zip_ratio", column=SHEET, bomb=True),
    Case("bomb-rows-60mb.xlsx", lambda: bomb_in_rows(60), "zip_ratio", column=SHEET, bomb=True),
    Case("bomb-lying-size.xlsx", bomb_with_lying_size, "unreadable", bomb=True),
    Case("billion-laughs.xlsx", billion_laughs, "unreadable", bomb=True),
    Case("zip-1000-members.xlsx", many_zip_members, "zip_members", bomb=True),
    Case("million-rows.xlsx", lambda: many_xlsx_rows(1_000_000), "too_many_rows", "MATRA_MAX_ROWS", row=100_001),
    Case("rows-over-setting.xlsx", lambda: many_xlsx_rows(5000), "too_many_rows", "MATRA_MAX_ROWS",
         env={"MATRA_MAX_ROWS": "1000"}, row=1001),
    Case("rows-200k.csv", lambda: csv_rows(200_000), "too_many_rows", "MATRA_MAX_ROWS", row=100_001),
    Case("far-right-blank-cells.xlsx", lambda: far_right_blank_cells(60_000), None),
    Case("columns-10000.csv", lambda: csv_columns(10_000), "too_many_columns", "MATRA_MAX_COLUMNS", row=1),
    Case("columns-10000.xlsx", lambda: xlsx_columns(10_000), "too_many_columns", "MATRA_MAX_COLUMNS", row=1),
    Case("utf16-bom.csv", lambda: codecs.BOM_UTF16_LE + long_csv().encode("utf-16-le"), None),
    Case("utf16-no-bom.csv", lambda: long_csv().encode("utf-16-le"), "unreadable"),
    Case("utf32-bom.csv", lambda: long_csv().encode("utf-32"), "unreadable"),
    Case("utf32-no-bom.csv", lambda: long_csv().encode("utf-32-le"), "unreadable"),
    Case("nul-bytes.csv", lambda: with_note("a\x00b"), "unreadable"),
    Case("cell-10mb.csv", lambda: with_note("x" * (10 * MB)), "cell_too_large", "MATRA_MAX_CELL_CHARS",
         row=3, column="F"),
    Case("cell-10mb.xlsx", lambda: xlsx_big_cell(10 * MB), "cell_too_large", "MATRA_MAX_CELL_CHARS",
         row=2, column="F"),
    Case("cell-over-setting.csv", lambda: with_note("y" * 101), "cell_too_large", "MATRA_MAX_CELL_CHARS",
         env={"MATRA_MAX_CELL_CHARS": "100"}, row=3, column="F"),
    Case("over-upload-limit.csv", lambda: with_note("z" * (3 * MB // 2)), "too_large", "MATRA_MAX_UPLOAD_MB",
         env={"MATRA_MAX_UPLOAD_MB": "1"}),
    Case("ragged-more-fields.csv", lambda: csv_text([*valid_rows()[:2], [*valid_rows()[2], "extra"]]).encode(),
         "ragged_row", row=4, column="G"),
    Case("ragged-fewer-fields.csv", lambda: csv_text([*valid_rows()[:2], valid_rows()[2][:4]]).encode(),
         "ragged_row", row=4, column="E"),
    Case("stray-column.csv", lambda: csv_text([[*r[:5], "oops", ""] for r in valid_rows()],
                                              ",".join([*COLUMNS[:5], "", "note"])).encode(),
         "stray_column", row=2, column="F"),
    Case("duplicate-header.csv", lambda: csv_text([[*r, "1"] for r in valid_rows()], HEADER + ",level").encode(),
         "duplicate_column", row=1, column="level"),
    Case("homoglyph-name.csv", lambda: homoglyph_rows("K\u0430bupaten Jember"), "unknown_region", row=2,
         column="region_code"),
    Case("fullwidth-code.csv", lambda: homoglyph_rows("\uff13\uff15.\uff10\uff19"), "unknown_region", row=2,
         column="region_code"),
    Case("formula-as-region.csv", lambda: homoglyph_rows('"=HYPERLINK(""http://x"")"'), "unknown_region",
         row=2, column="region_code"),
    Case("formula-and-html-notes.csv", payload_csv, None),
]


# The worker, run as `python -m store.parse_worker` is, that on exit writes its peak resident memory
# (VmHWM: the high-water mark since exec, so the parent's memory does not count) to PEAK_FILE.
PEAK_WRAPPER = """
import os, runpy
try:
    runpy.run_module("store.parse_worker", run_name="__main__", alter_sys=True)
finally:
    with open("/proc/self/status") as status, open(os.environ["PEAK_FILE"], "w") as out:
        out.write(next(line for line in status if line.startswith("VmHWM")).split()[1])
"""


_real_run = subprocess.run


def _measured_run(peaks: list, peak_file, args, *, input, capture_output, timeout, env, cwd, check):
    """`subprocess.run` for the upload worker that also records the worker's peak resident memory."""
    assert args[1:] == ["-m", "store.parse_worker"] and capture_output and not check
    peak_file.unlink(missing_ok=True)
    done = _real_run([args[0], "-c", PEAK_WRAPPER], input=input, capture_output=True, timeout=timeout,
                          env=dict(env, PEAK_FILE=str(peak_file)), cwd=cwd, check=False)
    peaks.append(int(peak_file.read_text()) / 1024 if peak_file.exists() else float("nan"))
    return done


@pytest.fixture
def worker_check(monkeypatch, tmp_path):
    """check(store, name, data) -> (UploadCheck, seconds, peak MB of the worker process; 0 when no
    worker was started: a file over the upload limit is refused before one is)."""
    peaks: list[float] = []
    monkeypatch.setattr(parse_worker.subprocess, "run",
                        lambda *args, **kwargs: _measured_run(peaks, tmp_path / "peak", *args, **kwargs))

    def check(store, name, data):
        started, workers = time.perf_counter(), len(peaks)
        result = store.check_upload(name, data, year=2024, stage="II", in_worker=True)
        return result, time.perf_counter() - started, peaks[-1] if len(peaks) > workers else 0.0
    return check


@pytest.fixture(scope="module", autouse=True)
def figures_table():
    yield
    if not RESULTS:
        return
    header = ("file", "size", "outcome", "ingest s", "worker s", "worker peak MB")
    rows = [header] + [(n, _size(s), o, f"{a:.2f}", f"{b:.2f}", f"{m:.0f}") for n, s, o, a, b, m in RESULTS]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
             for r in rows]
    text = ("Hostile files: time to refuse (or load) through Store.ingest_bytes in-process, and through\n"
            "check_upload(in_worker=True) with the worker's peak resident memory (VmHWM).\n\n"
            + "\n".join(lines) + "\n")
    folder = REPO / "test-artifacts"
    folder.mkdir(exist_ok=True)
    (folder / "hostile-files.txt").write_text(text, encoding="utf-8")
    print("\n" + text)


def _size(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= 100_000 else f"{size / 1024:.1f} KB"


@pytest.fixture
def seeded(tiny_data_dir):
    """A data folder with a snapshot of two regions, so 'nothing written' compares real files."""
    Store(tiny_data_dir).ingest_bytes("seed.csv", long_csv({"35.09": TINY_LEVELS, "35.78": TINY_LEVELS}).encode(),
                                      year=2024, stage="II")
    return tiny_data_dir


@pytest.mark.parametrize("case", [pytest.param(c, marks=[pytest.mark.slow] if c.name in SLOW else []) for c in CASES],
                         ids=[c.name for c in CASES])
def test_hostile_file_is_refused_cleanly_or_loads(case, seeded, monkeypatch, worker_check):
    for name, value in case.env.items():
        monkeypatch.setenv(name, value)
    data = case.make()
    store = Store(seeded)
    before = tree_fingerprint(seeded)

    if case.code is None:
        check, worker_seconds, peak = worker_check(store, case.name, data)
        assert check.ok, [p.describe("en") for p in check.errors]
        started = time.perf_counter()
        snapshot, created = store.ingest_bytes(case.name, data, year=2024, stage="II")
        seconds = time.perf_counter() - started
        assert created and snapshot.regions == 2  # merged into the seed's two regions
        outcome = "loaded"
    else:
        started = time.perf_counter()
        with pytest.raises(IngestRefused) as refused:
            store.ingest_bytes(case.name, data, year=2024, stage="II")
        seconds = time.perf_counter() - started
        problem = refused.value.problems[0]
        assert problem.code == case.code, refused.value.problems[:3]
        assert problem.file == case.name
        if case.row is not None:
            assert problem.row == case.row
        if case.column is not None:
            assert problem.column == case.column
        english, indonesian = problem.message("en"), problem.message("id")
        assert english != indonesian and "{" not in english + indonesian
        if case.setting:
            assert case.setting in english and case.setting in indonesian
        assert tree_fingerprint(seeded) == before

        check, worker_seconds, peak = worker_check(store, case.name, data)
        assert not check.ok and check.rows.empty
        assert check.errors[0] == problem  # the worker finds exactly what the server process finds
        assert (peak == 0.0) == (case.code == "too_large")   # too large: refused before a worker starts
        assert tree_fingerprint(seeded) == before
        outcome = f"refused: {case.code}"
    RESULTS.append((case.name, len(data), outcome, seconds, worker_seconds, peak))
    assert seconds < SECONDS_BOUND and worker_seconds < SECONDS_BOUND
    assert peak < MEMORY_BOUND_MB
    assert sorted(Store(seeded).scores(2024, "II", "index")["region_code"]) == ["35.09", "35.78"]


def test_bombs_are_refused_before_anything_is_parsed(seeded, monkeypatch):
    """The zip directory alone refuses the honest bombs: the XLSX reader is never opened."""
    from store import xlsx_reading

    opened = []
    real_open = xlsx_reading._open
    monkeypatch.setattr(xlsx_reading, "_open", lambda data: opened.append(len(data)) or real_open(data))
    for case in CASES:
        if case.bomb and case.code in ("too_large_unpacked", "zip_ratio", "zip_members"):
            with pytest.raises(IngestRefused) as refused:
                Store(seeded).ingest_bytes(case.name, case.make(), year=2024, stage="II")
            assert refused.value.problems[0].code == case.code
            assert opened == [], f"{case.name} was parsed"


@pytest.mark.parametrize("make, name", [(lambda: many_xlsx_rows(50_000), "rows.xlsx"),
                                        (lambda: csv_rows(50_000), "rows.csv")])
def test_reading_stops_at_the_first_row_over_the_limit(seeded, monkeypatch, make, name):
    monkeypatch.setenv("MATRA_MAX_ROWS", "1000")
    seen = []
    original = limits.RowCounter.check

    def spy(self, number, cells):
        seen.append(number)
        return original(self, number, cells)
    monkeypatch.setattr(limits.RowCounter, "check", spy)
    started = time.perf_counter()
    with pytest.raises(IngestRefused) as refused:
        Store(seeded).ingest_bytes(name, make(), year=2024, stage="II")
    assert refused.value.problems[0].code == "too_many_rows"
    assert max(seen) == 1001 and len(seen) == 1001  # not one row more was read
    assert time.perf_counter() - started < SECONDS_BOUND


def test_opening_a_sheet_does_not_read_it_all(monkeypatch):
    """openpyxl looks for a missing <dimension> by parsing the whole sheet; the reader must not
    (a million-row XLSX took 45 s to refuse at the row limit)."""
    from openpyxl.worksheet import _reader

    from store.xlsx_reading import sheet_heads
    parsed = []
    original = _reader.WorkSheetParser.parse_dimensions
    monkeypatch.setattr(_reader.WorkSheetParser, "parse_dimensions",
                        lambda self: parsed.append(1) or original(self))
    heads = sheet_heads(many_xlsx_rows(20_000), limit=5)
    assert heads["data"][0] == (1, COLUMNS) and len(heads["data"]) == 5
    assert parsed == []


def test_payload_notes_are_stored_as_text_and_neutralised_in_exports(seeded):
    store = Store(seeded)
    store.ingest_bytes("payloads.csv", payload_csv(), year=2024, stage="II")
    snapshot = store.active_snapshot(2024, "II")
    rows = read_snapshot_rows(seeded / "snapshots", snapshot)
    notes = rows[rows["region_code"] == "35.09"].sort_values("indicator_code")["note"].tolist()
    expected = dict(zip(TINY_LEVELS, PAYLOADS + [""] * (len(TINY_LEVELS) - len(PAYLOADS)), strict=True))
    assert notes == [expected[code] for code in sorted(TINY_LEVELS)]  # byte for byte, nothing escaped
    grid = store.region_indicators("35.09", 2024, "II")
    assert set(PAYLOADS) <= set(grid["note"])

    exported_csv = exports.csv_bytes(rows).decode("utf-8-sig")
    for payload in PAYLOADS:
        if payload.startswith(exports.FORMULA_STARTS):
            assert f"'{payload}".replace('"', '""') in exported_csv
            assert f",{payload}" not in exported_csv and f',"{payload}' not in exported_csv
        else:
            assert payload.replace('"', '""') in exported_csv  # HTML is text in a CSV, unchanged
    import openpyxl
    sheet = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(rows))).active
    cells = [c for line in sheet.iter_rows() for c in line if isinstance(c.value, str) and c.column == 6]
    values = {c.value for c in cells}
    for payload in PAYLOADS:
        assert (f"'{payload}" if payload.startswith(exports.FORMULA_STARTS) else payload) in values
    assert all(c.data_type == "s" for c in cells)  # text, never a formula cell
