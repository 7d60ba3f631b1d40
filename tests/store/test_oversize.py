"""Every door that takes a file measures it before reading it (store.limits.refuse_oversize).

The files here are over the limit AND would be refused for their content if parsed (a UTF-32 text,
which the reader refuses as unreadable): a door that read or parsed first would report that, or
would touch the file's bytes, which the command-line tests forbid by making reading the file fail.
"""

from pathlib import Path

import pytest

from store import IngestRefused, Store
from store.cli import main
from tests.store.helpers import tree_fingerprint

LIMIT_MB = "1"
UNREADABLE_AND_LARGE = b"\xff\xfe\x00\x00" + b"x\x00\x00\x00" * (300 * 1024)   # 1.17 MB of UTF-32


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
], ids=lambda command: " ".join(command[:2]))
def test_each_command_line_refuses_a_large_file_without_reading_it(tiny_data_dir, big_file, capsys, command):
    before = tree_fingerprint(tiny_data_dir)
    argv = ["--data-dir", str(tiny_data_dir), *[part.format(file=big_file) for part in command]]
    assert main(argv) == 2
    stderr = capsys.readouterr().err
    assert "over the limit of 1 MB" in stderr and "UTF-32" not in stderr
    assert tree_fingerprint(tiny_data_dir) == before


def test_store_ingest_file_refuses_a_large_file_without_reading_it(tiny_data_dir, big_file):
    with pytest.raises(IngestRefused) as refused:
        Store(tiny_data_dir).ingest_file(big_file, year=2024, stage="II")
    assert [p.code for p in refused.value.problems] == ["too_large"]


@pytest.mark.parametrize("door", ["ingest_bytes", "import_targets", "import_programmes", "import_calendar"])
def test_each_store_door_refuses_large_bytes_before_parsing_them(tiny_data_dir, monkeypatch, door):
    """Bytes from a browser upload are already in memory: the refusal is for size, not content."""
    monkeypatch.setenv("MATRA_MAX_UPLOAD_MB", LIMIT_MB)
    store = Store(tiny_data_dir)
    before = tree_fingerprint(tiny_data_dir)
    calls = {"ingest_bytes": lambda: store.ingest_bytes("big.csv", UNREADABLE_AND_LARGE, year=2024, stage="II"),
             "import_targets": lambda: store.import_targets("big.csv", UNREADABLE_AND_LARGE),
             "import_programmes": lambda: store.import_programmes("35.09", "big.csv", UNREADABLE_AND_LARGE),
             "import_calendar": lambda: store.import_calendar("big.csv", UNREADABLE_AND_LARGE)}
    with pytest.raises(IngestRefused) as refused:
        calls[door]()
    assert [(p.code, p.value, p.expected) for p in refused.value.problems] == [("too_large", "1.17", "1")]
    assert tree_fingerprint(tiny_data_dir) == before


def test_the_same_bytes_under_the_limit_are_refused_for_their_content(tiny_data_dir):
    """The file above would be refused for what it holds: so the tests above see the size check."""
    with pytest.raises(IngestRefused) as refused:
        Store(tiny_data_dir).import_calendar("big.csv", UNREADABLE_AND_LARGE)
    assert "too_large" not in [p.code for p in refused.value.problems]
