"""The audit log (store/audit.py): one bounded JSON line per write, append-only, refused writes too."""

import json
import threading

import pytest

from store import audit
from tests.store.test_cli import run


def test_record_appends_one_line_with_every_field(tmp_path):
    audit.record(tmp_path, "ingest", who="Sari", role="admin", ids=["2026-I-x"], counts={"rows": 6},
                 detail="a.csv")
    audit.record(tmp_path, "retract", who="Budi", role="admin", ids=["2026-I-x"], outcome="refused",
                 detail="no data would be left")
    lines = (tmp_path / audit.AUDIT_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert list(first) == list(audit.FIELDS)
    assert (first["who"], first["role"], first["action"], first["ids"], first["counts"], first["outcome"]) == (
        "Sari", "admin", "ingest", ["2026-I-x"], {"rows": 6}, "ok")
    assert first["when"].endswith("+00:00")
    assert [e["outcome"] for e in audit.read_log(tmp_path)] == ["ok", "refused"]


def test_unknown_outcome_is_refused_and_writes_nothing(tmp_path):
    with pytest.raises(ValueError):
        audit.record(tmp_path, "ingest", outcome="maybe")
    assert not (tmp_path / audit.AUDIT_NAME).exists()


def test_a_line_stays_bounded_and_on_one_line(tmp_path):
    hostile = "x\n" * 50_000
    audit.record(tmp_path, "ingest", who=hostile, ids=[hostile] * 500, counts={"rows": 1}, detail=hostile)
    raw = (tmp_path / audit.AUDIT_NAME).read_bytes()
    assert raw.count(b"\n") == 1
    assert len(raw) <= audit.MAX_LINE_BYTES
    entry = audit.read_log(tmp_path)[0]
    assert entry["counts"] == {"rows": 1} and entry["ids"][-1] == "…"


def test_logged_records_ok_and_refused_and_reraises(tmp_path):
    with audit.logged(tmp_path, "targets", who="Sari", role="admin") as entry:
        entry["counts"]["keys"] = 3
    with pytest.raises(KeyError), audit.logged(tmp_path, "retract", who="Sari", ids=["nope"]):
        raise KeyError("nope")
    first, second = audit.read_log(tmp_path)
    assert (first["outcome"], first["counts"]) == ("ok", {"keys": 3})
    assert (second["outcome"], second["ids"]) == ("refused", ["nope"])
    assert second["detail"].startswith("KeyError")


def test_concurrent_appends_never_interleave(tmp_path):
    def write(name):
        for number in range(50):
            audit.record(tmp_path, "note", who=name, detail="y" * 2000, counts={"n": number})
    threads = [threading.Thread(target=write, args=(f"w{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = (tmp_path / audit.AUDIT_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 200
    assert all(json.loads(line)["action"] == "note" for line in lines)


def test_damaged_line_is_skipped_and_since_filters(tmp_path):
    path = tmp_path / audit.AUDIT_NAME
    path.write_text('{"when": "2026-01-02T00:00:00+00:00", "action": "ingest", "outcome": "ok"}\n'
                    '{"when": "2026-03-0\n'
                    '{"when": "2026-03-05T10:00:00+00:00", "action": "retract", "outcome": "ok"}\n', encoding="utf-8")
    assert [e["action"] for e in audit.read_log(tmp_path)] == ["ingest", "retract"]
    assert [e["action"] for e in audit.read_log(tmp_path, "2026-03-05")] == ["retract"]


def test_cli_log_prints_csv_and_json_since_a_date(tmp_path):
    path = tmp_path / audit.AUDIT_NAME
    path.write_text('{"when": "2026-01-02T00:00:00+00:00", "who": "=cmd()", "action": "ingest", "ids": ["a", "b"],'
                    ' "counts": {"rows": 6}, "outcome": "ok"}\n'
                    '{"when": "2026-03-05T10:00:00+00:00", "who": "Budi", "action": "retract", "ids": [],'
                    ' "counts": {}, "outcome": "refused"}\n', encoding="utf-8")
    listing = run(tmp_path, "log")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.lstrip("\ufeff").splitlines()  # the BOM is for Excel
    assert lines[0] == ",".join(audit.FIELDS)
    assert "'=cmd()" in lines[1] and "a b" in lines[1] and "rows=6" in lines[1]
    recent = json.loads(run(tmp_path, "log", "--since", "2026-03-01", "--format", "json").stdout)
    assert [(e["who"], e["outcome"]) for e in recent] == [("Budi", "refused")]
    assert run(tmp_path, "log", "--since", "March").returncode == 2
