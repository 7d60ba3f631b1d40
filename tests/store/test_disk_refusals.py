"""Issue 25 (7): every write the disk refuses (read-only, full) or another writer holds (locked)
ends in a clear message in the user's language, CLI exit 1 and a data folder byte-for-byte unchanged.

Root ignores file permissions, so the refusal is raised where the disk would raise it: os.replace
(the atomic rename every store write ends with) fails with EROFS or ENOSPC for paths in the data
folder. One real full disk (a 256 KB tmpfs) checks the same without any patch when mounting works.
"""

import errno
import os
import shutil
import subprocess
import uuid

import pytest

from store.atomic import StoreBusy, StoreWriteFailed, writer_lock
from store.cli import main
from store.scenarios import Scenario
from tests.store.helpers import tree_fingerprint
from tests.store.test_calendar import GOOD as CALENDAR
from tests.store.test_programmes import GOOD as PROGRAMMES
from tests.store.test_programmes import csv_file, scored_store

TARGETS = b"region_code,year,dimension,target\n35.09,2024,GOV,3.2\n"
SCENARIO = Scenario("35.09", "Dua naik", 2024, "II", {"GOV.A.02": 4})
CODES = {errno.EROFS: ("not_writable", "cannot be written", "tidak dapat ditulis"),
         errno.ENOSPC: ("disk_full", "The disk is full", "Disk penuh")}


@pytest.fixture
def refusing_disk(monkeypatch, tiny_data_dir):
    """Make the disk refuse renames into the data folder with the errno given to the returned function."""
    real_replace = os.replace

    def refuse(code: int):
        def replace(source, target, *args, **kwargs):
            if str(target).startswith(str(tiny_data_dir)):
                raise OSError(code, os.strerror(code), str(target))
            return real_replace(source, target, *args, **kwargs)
        monkeypatch.setattr(os, "replace", replace)
    return refuse


def _writes(store, tmp_path):
    """Each store write path, as a function of the store (files for the CLI written first)."""
    return {
        "scenario": lambda: store.save_scenario(SCENARIO, created_by="Ani"),
        "programmes": lambda: store.import_programmes("35.09", "p.csv", csv_file(*PROGRAMMES)),
        "calendar": lambda: store.import_calendar("c.csv", CALENDAR),
        "targets": lambda: store.import_targets("t.csv", TARGETS, created_by="Ani"),
        "note": lambda: __import__("store.meetings").meetings.save_note(
            store.data_dir, "0123456789abcdef", {"item": 0, "note": "cek"}, created_by="Ani"),
    }


@pytest.mark.parametrize("code", [errno.EROFS, errno.ENOSPC])
@pytest.mark.parametrize("write", ["scenario", "programmes", "calendar", "targets", "note"])
def test_every_store_write_says_what_the_disk_refused_and_writes_nothing(tiny_data_dir, tmp_path, refusing_disk,
                                                                         write, code):
    store = scored_store(tiny_data_dir)
    before = tree_fingerprint(tiny_data_dir)
    refusing_disk(code)
    with pytest.raises(StoreWriteFailed) as refused:
        _writes(store, tmp_path)[write]()
    kind, english, indonesian = CODES[code]
    assert refused.value.code == kind
    assert english in refused.value.message("en") and indonesian in refused.value.message("id")
    assert tree_fingerprint(tiny_data_dir) == before


def _cli_commands(data_dir, tmp_path):
    (tmp_path / "p.csv").write_bytes(csv_file(*PROGRAMMES))
    (tmp_path / "c.csv").write_bytes(CALENDAR)
    (tmp_path / "t.csv").write_bytes(TARGETS)
    base = ["--data-dir", str(data_dir)]
    return {
        "scenarios save": [*base, "scenarios", "save", "--region", "35.09", "--year", "2024", "--stage", "II",
                           "--name", "Dua naik", "--set", "GOV.A.02=4"],
        "programmes import": [*base, "programmes", "import", str(tmp_path / "p.csv"), "--region", "35.09"],
        "calendar import": [*base, "calendar", "import", str(tmp_path / "c.csv")],
        "targets import": [*base, "targets", "import", str(tmp_path / "t.csv")],
    }


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("command", ["scenarios save", "programmes import", "calendar import", "targets import"])
def test_cli_writes_on_a_read_only_disk_exit_1_with_a_sentence_not_a_traceback(tiny_data_dir, tmp_path,
                                                                                refusing_disk, capsys, command,
                                                                                lang):
    scored_store(tiny_data_dir)
    argv = _cli_commands(tiny_data_dir, tmp_path)[command]
    before = tree_fingerprint(tiny_data_dir)
    refusing_disk(errno.EROFS)
    assert main([argv[0], argv[1], "--lang", lang, *argv[2:]]) == 1
    err = capsys.readouterr().err
    assert ("cannot be written" if lang == "en" else "tidak dapat ditulis") in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert tree_fingerprint(tiny_data_dir) == before


def test_a_locked_store_is_busy_not_a_traceback(tiny_data_dir, tmp_path, monkeypatch, capsys):
    store = scored_store(tiny_data_dir)
    before = tree_fingerprint(tiny_data_dir)
    monkeypatch.setattr("store.atomic.LOCK_TIMEOUT_SECONDS", 0.1)
    child = subprocess.Popen(["python3", "-c", "import fcntl, sys, time; h = open(sys.argv[1], 'a+'); "
                              "fcntl.flock(h, fcntl.LOCK_EX); print('held', flush=True); time.sleep(30)",
                              str(tiny_data_dir / ".matra.lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(StoreBusy):
            store.save_scenario(SCENARIO)
        (tmp_path / "c.csv").write_bytes(CALENDAR)
        assert main(["--data-dir", str(tiny_data_dir), "--lang", "en", "calendar", "import",
                     str(tmp_path / "c.csv")]) == 1
        assert capsys.readouterr().err.strip() == "another change is being written; try again"
    finally:
        child.kill()
        child.wait()
    assert tree_fingerprint(tiny_data_dir) == before


def test_a_missing_input_file_is_still_not_a_disk_refusal(tiny_data_dir):
    with pytest.raises(FileNotFoundError), writer_lock(tiny_data_dir):
        (tiny_data_dir / "nope.csv").read_bytes()


@pytest.fixture
def full_disk(tmp_path):
    """A real 256 KB tmpfs holding a copy of the data folder, then filled to the last byte."""
    mount = tmp_path / f"full-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_really_full_disk_gives_the_disk_full_message(tiny_data_dir, full_disk):
    data_dir = full_disk / "data"
    (data_dir / "framework").mkdir(parents=True)
    for name in ("tiny.toml", "tiny-2019.toml"):
        shutil.copy(tiny_data_dir / "framework" / name, data_dir / "framework" / name)
    (data_dir / ".matra.lock").touch()
    filler = os.open(full_disk / "filler", os.O_WRONLY | os.O_CREAT)   # fill what is left, unbuffered
    try:
        while True:
            os.write(filler, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(filler)
    before = tree_fingerprint(data_dir)
    from store import meetings
    with pytest.raises(StoreWriteFailed) as refused:
        meetings.save_note(data_dir, "0123456789abcdef", {"item": 0, "note": "x" * 3000}, created_by="Ani")
    assert refused.value.code == "disk_full" and "Disk penuh" in refused.value.message("id")
    assert tree_fingerprint(data_dir) == before
