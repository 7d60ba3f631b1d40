"""Limits of an upload, checked before and while it is parsed, so no file can exhaust the server.

Before parsing: the file size (MATRA_MAX_UPLOAD_MB); for XLSX the zip directory: the total
uncompressed size of its members (MATRA_MAX_UNPACKED_MB) and each member's expansion ratio
(MAX_ZIP_RATIO for members over RATIO_FLOOR_BYTES); for CSV the text encoding (UTF-32, NUL bytes).
While parsing: rows (MATRA_MAX_ROWS), columns (MATRA_MAX_COLUMNS) and characters per cell
(MATRA_MAX_CELL_CHARS), counted as rows stream in, so reading stops at the first one too many.
Every refusal is a Problem naming the limit and the setting that changes it.

The size check has one home, `refuse_oversize(source, name)`: every door that takes a file (an
assessment upload, targets, programmes, the calendar; official results and frameworks as they come)
calls it BEFORE the file is read. Given a path it looks at the size on disk and reads nothing; given
bytes (a browser upload, already in memory) it checks their length. `read_within_limit(path)` is
the one way a command line reads a file: the check, then the bytes. A new import door calls one of
the two first; `tests/store/test_oversize.py` proves each door refuses a large file unread.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from store.problems import IngestRefused, Problem
from store.settings import setting

MAX_ZIP_RATIO = 200              # uncompressed / compressed size of one zip member
RATIO_FLOOR_BYTES = 1 << 20      # small members may compress better than that (empty styles, etc.)
MAX_ZIP_MEMBERS = 1000
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


@dataclass(frozen=True)
class Limits:
    upload_mb: float = 20
    unpacked_mb: float = 100
    rows: int = 100_000
    columns: int = 500
    cell_chars: int = 10_000

    @classmethod
    def from_settings(cls) -> Limits:
        """The limits configured by the MATRA_MAX_* settings."""
        return cls(upload_mb=float(setting("MATRA_MAX_UPLOAD_MB")),
                   unpacked_mb=float(setting("MATRA_MAX_UNPACKED_MB")),
                   rows=int(setting("MATRA_MAX_ROWS")), columns=int(setting("MATRA_MAX_COLUMNS")),
                   cell_chars=int(setting("MATRA_MAX_CELL_CHARS")))


def _mb(size: int) -> str:
    return f"{size / 1048576:.2f}"


def oversize_problems(name: str, size: int, limit_mb: float | None = None) -> list[Problem]:
    """[the too_large problem] when `size` bytes are over `limit_mb` (default MATRA_MAX_UPLOAD_MB), else []."""
    limit_mb = float(setting("MATRA_MAX_UPLOAD_MB")) if limit_mb is None else limit_mb
    if size <= limit_mb * 1048576:
        return []
    return [Problem("too_large", file=name, value=_mb(size), expected=f"{limit_mb:g}")]


def refuse_oversize(source: str | Path | bytes, name: str = "") -> None:
    """IngestRefused (too_large) when `source` is over MATRA_MAX_UPLOAD_MB. A path is measured on
    disk without reading it; bytes by their length. `name` is the file name the problem reports
    (default: the path's name)."""
    if isinstance(source, bytes | bytearray):
        size = len(source)
    else:
        path = Path(source)
        name = name or path.name
        size = path.stat().st_size if path.is_file() else 0
    problems = oversize_problems(name, size)
    if problems:
        raise IngestRefused(problems)


def read_within_limit(path: str | Path) -> bytes:
    """The bytes of the file at `path`, after `refuse_oversize` found it within the limit."""
    refuse_oversize(path)
    return Path(path).read_bytes()


def container_problems(name: str, data: bytes, limits: Limits) -> list[Problem]:
    """Problems found without parsing: size, zip directory (XLSX), encoding (CSV)."""
    if len(data) > limits.upload_mb * 1048576:
        return oversize_problems(name, len(data), limits.upload_mb)
    if data[:4] == b"PK\x03\x04":
        return _zip_problems(name, data, limits)
    if data.startswith(UTF32_BOMS):
        return [Problem("unreadable", file=name, value="UTF-32",
                        expected="CSV (UTF-8 or Windows-1252, delimited by , or ;) or XLSX")]
    return []


def _zip_problems(name: str, data: bytes, limits: Limits) -> list[Problem]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return [Problem("unreadable", file=name, value="damaged zip", expected="XLSX")]
    if len(members) > MAX_ZIP_MEMBERS:
        return [Problem("zip_members", file=name, value=str(len(members)), expected=str(MAX_ZIP_MEMBERS))]
    total = sum(m.file_size for m in members)
    if total > limits.unpacked_mb * 1048576:
        return [Problem("too_large_unpacked", file=name, value=_mb(total), expected=f"{limits.unpacked_mb:g}")]
    for member in members:
        if member.file_size > RATIO_FLOOR_BYTES and member.file_size > MAX_ZIP_RATIO * max(member.compress_size, 1):
            ratio = member.file_size / max(member.compress_size, 1)
            return [Problem("zip_ratio", file=name, column=member.filename, value=f"{ratio:.0f}",
                            expected=str(MAX_ZIP_RATIO))]
    return []


class RowCounter:
    """Counts rows as they stream in and raises IngestRefused at the first limit passed."""

    def __init__(self, name: str, limits: Limits, sheet: str = ""):
        self.name, self.limits, self.sheet = name, limits, sheet

    def check(self, number: int, cells: list[str]) -> None:
        """Check one (1-based) row; raise IngestRefused when it passes a limit."""
        place = {"file": self.name, "sheet": self.sheet, "row": number}
        if number > self.limits.rows:
            raise IngestRefused([Problem("too_many_rows", value=str(number), expected=str(self.limits.rows),
                                         **place)])
        if len(cells) > self.limits.columns:
            raise IngestRefused([Problem("too_many_columns", value=str(len(cells)),
                                         expected=str(self.limits.columns), **place)])
        for index, cell in enumerate(cells):
            if len(cell) > self.limits.cell_chars:
                raise IngestRefused([Problem("cell_too_large", column=column_label(index), value=str(len(cell)),
                                             expected=str(self.limits.cell_chars), **place)])


def column_label(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column as a spreadsheet names it."""
    label = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        label = chr(65 + remainder) + label
    return label
