"""The hostile files of tests/store/test_hostile_files.py, generated here (nothing big in git):
decompression bombs, a million rows, 10,000 columns, UTF-16/32, NUL bytes, huge cells, ragged rows,
stray and duplicate columns, homoglyph and full-width region codes, formula and HTML payloads; each
`Case` names the problem it must be refused with (or None: it loads).
"""

from __future__ import annotations

import base64
import codecs
import io
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from store import limits
from tests.conftest import TINY_LEVELS
from tests.store.helpers import HEADER, long_csv

MB = 1 << 20
COLUMNS = HEADER.split(",")


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
