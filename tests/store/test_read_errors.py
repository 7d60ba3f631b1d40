"""Issue 25 (9): a file the parser cannot read is reported with the reason in words, in the user's
language, never a bare class name ("EntitiesForbidden", "ValueError", "Error")."""

import io
import re
import zipfile

import openpyxl
import pytest

from store.bounded_reading import read_upload_grid
from store.limits import Limits
from store.problems import IngestRefused
from store.reading import read_grid
from tests.store.hostile_cases import billion_laughs, bomb_with_lying_size

BARE = re.compile(r"read: [A-Z][A-Za-z]*(Error|Forbidden|File)\b|: Error\b")


def _good_xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["region_code", "indicator_code", "level"])
    book.active.append(["35.09", "GOV.A.01", "3"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _with(member: str, change) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(_good_xlsx())), io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            data = source.read(info)
            data = change(data) if info.filename == member else data
            if data is not None:
                archive.writestr(info, data)
    return out.getvalue()


CASES = [
    (billion_laughs, "XML entity declarations", "deklarasi entitas XML"),
    (bomb_with_lying_size, "zip container is damaged", "wadah zip"),
    (lambda: _with("xl/worksheets/sheet1.xml", lambda d: d[: len(d) // 2]), "XML inside the XLSX file is broken",
     "XML di dalam berkas XLSX rusak"),
    (lambda: _with("xl/workbook.xml", lambda d: None), "a part the workbook names is missing",
     "bagian buku kerja"),
]


@pytest.mark.parametrize("reader", ["upload", "plain"])
@pytest.mark.parametrize(("make", "english", "indonesian"), CASES)
def test_unreadable_files_say_why_in_words(make, english, indonesian, reader):
    with pytest.raises(IngestRefused) as refused:
        if reader == "upload":
            read_upload_grid("x.xlsx", make(), key_aliases=["region_code"], limits=Limits())
        else:
            read_grid("x.xlsx", make(), key_aliases=["region_code"])
    [problem] = refused.value.problems
    assert problem.code == "unreadable"
    assert english in problem.describe("en") and indonesian in problem.describe("id")
    for lang in ("en", "id"):
        assert not BARE.search(problem.describe(lang)), problem.describe(lang)
        assert "\t" not in problem.describe(lang)
