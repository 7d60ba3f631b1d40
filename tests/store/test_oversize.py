"""Every door that takes a file measures it before reading it (store.limits.refuse_oversize).

The files here are over the limit AND would be refused for their content if parsed (a UTF-32 text,
which the reader refuses as unreadable). The readers check the size again themselves, with the same
message, so the message alone cannot tell that a door measured first: `no_parsing` fails a test as
soon as the bytes reach a parser (the bounded worker process every door parses in, or the in-process
upload reader), and the command-line tests also fail when the file's bytes are read.
"""

from pathlib import Path

import pytest

from store import IngestRefused, Store, parse_worker, upload
from store.cli import main
from store.framework_versions import import_workbook, preview_import
from tests.store.helpers import tree_fingerprint

LIMIT_MB = "1"
UNREADABLE_AND_LARGE = b"\xff\xfe\x00\x00" + b"x\x00\x00\x00" * (300 * 1024)   # 1.17 MB of UTF-32


@pytest.fixture
def no_parsing(monkeypatch):
    """Any parse of a file fails the test: a door must refuse an oversize file before its bytes reach
    the worker process (store.parse_worker starts it with subprocess.run) or the upload reader."""
    def parsed(*_args, **_kwargs):
        raise AssertionError("the file reached a parser before its size was checked")

    monkeypatch.setattr(parse_worker.subprocess, "run", parsed)
    monkeypatch.setattr(upload, "stated_year_stage", parsed)
    monkeypatch.setattr(upload, "read_upload_grid", parsed)


@pytest.fixture
def big_file(tmp_path, monkeypatch) -> Path:
    """A file over the 1 MB limit whose bytes may not be read through pathlib (the CLI's only way in)."""
    monkeypatch.setenv("MATRA_MAX_UPLOAD_MB", LIMIT_MB)
    path = tmp_path / "big.csv"
    path.write_bytes(UNREADABLE_AND_LARGE)
    real_read = Path.read_bytes

    def read_bytes(self):
        if self == path:
            raise AssertionError(f"{path.name} was read before its size was checked")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return path


@pytest.mark.parametrize("command", [
    ["ingest", "{file}", "--year", "2024", "--stage", "II"],
    ["targets", "import", "{file}"],
    ["programmes", "import", "{file}", "--region", "35.09"],
    ["calendar", "import", "{file}"],
    ["framework", "import", "{file}"],
    ["official", "import", "{file}"],
], ids=lambda command: " ".join(command[:2]))
def test_each_command_line_refuses_a_large_file_without_reading_it(tiny_data_dir, big_file, no_parsing, capsys,
                                                                   command):
    before = tree_fingerprint(tiny_data_dir)
    argv = ["--data-dir", str(tiny_data_dir), *[part.format(file=big_file) for part in command]]
    assert main(argv) == 2
    stderr = capsys.readouterr().err
    assert "over the limit of 1 MB" in stderr and "UTF-32" not in stderr
    assert tree_fingerprint(tiny_data_dir) == before


def test_store_ingest_file_refuses_a_large_file_without_reading_it(tiny_data_dir, big_file, no_parsing):
    with pytest.raises(IngestRefused) as refused:
        Store(tiny_data_dir).ingest_file(big_file, year=2024, stage="II")
    assert [p.code for p in refused.value.problems] == ["too_large"]


BYTE_DOORS = {   # what the Data page calls with an upload's bytes (already in memory)
    "ingest_bytes": lambda store, data: store.ingest_bytes("big.csv", data, year=2024, stage="II"),
    "ingest_bytes in worker": lambda store, data: store.ingest_bytes("big.csv", data, year=2024, stage="II",
                                                                     in_worker=True),
    "import_targets": lambda store, data: store.import_targets("big.csv", data),
    "import_programmes": lambda store, data: store.import_programmes("35.09", "big.csv", data),
    "import_calendar": lambda store, data: store.import_calendar("big.csv", data),
    "import_official": lambda store, data: store.import_official("big.csv", data),
    "framework preview_import": lambda store, data: preview_import(store.data_dir, "big.xlsx", data),
    "framework import_workbook": lambda store, data: import_workbook(store.data_dir, "big.xlsx", data),
}


@pytest.mark.parametrize("door", sorted(BYTE_DOORS))
def test_each_store_door_refuses_large_bytes_before_parsing_them(tiny_data_dir, monkeypatch, no_parsing, door):
    """Bytes from a browser upload are already in memory: they are refused for their size before any
    parser sees them."""
    monkeypatch.setenv("MATRA_MAX_UPLOAD_MB", LIMIT_MB)
    store = Store(tiny_data_dir)
    before = tree_fingerprint(tiny_data_dir)
    with pytest.raises(IngestRefused) as refused:
        BYTE_DOORS[door](store, UNREADABLE_AND_LARGE)
    assert [(p.code, p.value, p.expected) for p in refused.value.problems] == [("too_large", "1.17", "1")]
    assert tree_fingerprint(tiny_data_dir) == before


def test_the_upload_check_refuses_large_bytes_before_the_worker(tiny_data_dir, monkeypatch, no_parsing):
    """The Data page's check (in the bounded worker) says "too large" without starting the worker."""
    monkeypatch.setenv("MATRA_MAX_UPLOAD_MB", LIMIT_MB)
    check = Store(tiny_data_dir).check_upload("big.csv", UNREADABLE_AND_LARGE, year=2024, stage="II", in_worker=True)
    assert [p.code for p in check.errors] == ["too_large"]


def test_the_same_bytes_under_the_limit_are_refused_for_their_content(tiny_data_dir):
    """The file above would be refused for what it holds: so the tests above see the size check."""
    with pytest.raises(IngestRefused) as refused:
        Store(tiny_data_dir).import_calendar("big.csv", UNREADABLE_AND_LARGE)
    assert "too_large" not in [p.code for p in refused.value.problems]
