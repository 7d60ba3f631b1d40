"""Password guessing bounded for the whole service: delays that grow, a ceiling per account and in
total, shared by every process through the data folder, and an alert line in the audit log."""

import json
import subprocess
import sys
import textwrap

import pytest

from store import signin_limits
from store.signin_limits import attempt
from tests.conftest import REPO

HOUR = signin_limits.WINDOW_SECONDS


def wrong():
    return None


def alerts(data_dir) -> list[dict]:
    path = data_dir / "audit.jsonl"
    lines = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
    return [line for line in lines if line["action"] == "signin.alert"]


def test_the_delay_doubles_after_each_failure_and_a_success_clears_it(tmp_path):
    now = 1_000_000.0
    waits = []
    for _ in range(5):
        assert attempt(tmp_path, "ana", wrong, now=now).reason == "checked"
        refused = attempt(tmp_path, "ana", lambda: "never called", now=now)
        assert refused.value is None and refused.reason == "delay"
        waits.append(refused.wait_seconds)
        now += refused.wait_seconds
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0]
    assert attempt(tmp_path, "ana", lambda: "Ana", now=now).value == "Ana"
    assert signin_limits.seconds_to_wait(tmp_path, "ana", now=now) == 0
    assert attempt(tmp_path, "ana", wrong, now=now).reason == "checked"
    assert attempt(tmp_path, "ana", wrong, now=now).wait_seconds == 1.0, "the streak started again"


def test_the_delay_stops_growing_at_its_maximum(tmp_path, monkeypatch):
    monkeypatch.setenv("MATRA_SIGNIN_MAX_PER_HOUR", "1000")
    now = 0.0
    for _ in range(12):
        attempt(tmp_path, "ana", wrong, now=now)
        now += signin_limits.seconds_to_wait(tmp_path, "ana", now=now)
    attempt(tmp_path, "ana", wrong, now=now)
    assert signin_limits.seconds_to_wait(tmp_path, "ana", now=now) == signin_limits.MAX_DELAY_SECONDS


def test_at_most_the_ceiling_per_account_in_any_hour_and_one_alert(tmp_path, monkeypatch):
    monkeypatch.setenv("MATRA_SIGNIN_MAX_PER_HOUR", "4")
    monkeypatch.setattr(signin_limits, "FIRST_DELAY_SECONDS", 0.0)
    checked = []
    start = 50_000.0
    for second in range(40):   # 40 guesses, one a second
        outcome = attempt(tmp_path, "ana", lambda: checked.append(1), now=start + second)
        assert outcome.value is None
    assert len(checked) == 4
    refused = attempt(tmp_path, "ana", lambda: "Ana", now=start + 100)   # even the right password
    assert refused.value is None and refused.reason == "account_ceiling"
    assert refused.wait_seconds == HOUR - 100   # until the first failure is an hour old
    assert attempt(tmp_path, "budi", lambda: "Budi", now=start + 100).value == "Budi", "other accounts unaffected"
    assert attempt(tmp_path, "ana", lambda: "Ana", now=start + HOUR + 0.5).value == "Ana"
    assert [(a["ids"], a["outcome"]) for a in alerts(tmp_path)] == [(["ana"], "refused")]


def test_the_service_ceiling_stops_guesses_spread_over_many_accounts(tmp_path, monkeypatch):
    monkeypatch.setenv("MATRA_SIGNIN_MAX_TOTAL_PER_HOUR", "5")
    checked = []
    for number in range(30):
        attempt(tmp_path, f"name-{number}", lambda: checked.append(1), now=1000.0 + number)
    assert len(checked) == 5
    assert attempt(tmp_path, "new", lambda: "x", now=1100.0).reason == "service_ceiling"
    assert [a["detail"].split(":")[0] for a in alerts(tmp_path)] == ["service_ceiling"]


def test_a_damaged_count_fails_closed(tmp_path, monkeypatch):
    monkeypatch.setenv("MATRA_SIGNIN_MAX_TOTAL_PER_HOUR", "5")
    (tmp_path / signin_limits.STATE_FILE).write_text("{not json")
    assert attempt(tmp_path, "ana", lambda: "Ana").reason == "service_ceiling"


def test_a_read_only_folder_checks_nothing(tmp_path):
    from store.atomic import StoreWriteFailed
    with pytest.raises(StoreWriteFailed):
        attempt(tmp_path / "missing" / "folder", "ana", lambda: pytest.fail("checked without counting"))


GUESSER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from store import signin_limits
    signin_limits.FIRST_DELAY_SECONDS = 0.0     # no delay: only the ceiling holds guesses back
    data_dir, start_at = Path(sys.argv[1]), float(sys.argv[2])
    while time.time() < start_at:
        time.sleep(0.005)
    checked = 0
    def guess():
        global checked
        checked += 1
        time.sleep(0.01)     # a password check takes a moment
        return None
    for number in range(60):     # a new name (session) per guess makes no difference: one account
        signin_limits.attempt(data_dir, signin_limits.SHARED_ACCOUNT, guess)
    print(checked)
""")


def test_two_processes_guessing_at_once_share_one_ceiling(tmp_path):
    """The attack of issue 25: many guesses at once from several processes. Both start at the same
    instant; together they get exactly the ceiling's worth of checked guesses."""
    import time
    script = tmp_path / "guesser.py"
    script.write_text(GUESSER)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "MATRA_SIGNIN_MAX_PER_HOUR": "7"}
    start_at = str(time.time() + 3.0)
    workers = [subprocess.Popen([sys.executable, str(script), str(tmp_path), start_at], cwd=REPO, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    assert all(w.returncode == 0 for w in workers), [err for _, err in outputs]
    counts = [int(out) for out, _ in outputs]
    assert sum(counts) == 7, counts
    state = json.loads((tmp_path / signin_limits.STATE_FILE).read_text())
    assert len(state["accounts"][signin_limits.SHARED_ACCOUNT]["times"]) == 7
