"""Password guessing bounded for the whole service, whatever the sessions, names or processes.

Every password check goes through `attempt`. Failures are counted per account and in total in
`<data_dir>/signin-failures.json`, read and rewritten under an exclusive lock of its own
(`.matra-signin.lock`, so a long data commit never holds sign-in up), so every server process and
every browser session shares one count. The account is the thing being guessed, not the name typed:
a users-file account by its name, every unknown name in one shared bucket, every shared-password
sign-in (administrator or secretary password) in one bucket too — a new session with a new name
per guess therefore meets the same counter.

The rules (settings in store/settings.py):
- after a failure, the account's next check waits FIRST_DELAY_SECONDS, doubling with each further
  failure up to MAX_DELAY_SECONDS (a success clears the account's delay and its hour's count);
- the ceiling: at most MATRA_SIGNIN_MAX_PER_HOUR failed checks per account in any hour, and at most
  MATRA_SIGNIN_MAX_TOTAL_PER_HOUR over all accounts (the service-wide ceiling also stops guesses
  spread over many accounts). A refused attempt is not checked at all, so it reveals nothing.
- an attempt is counted as a failure *before* the password is checked and cleared again when it
  was right, so two processes checking at the same moment cannot both slip under the ceiling;
- reaching a ceiling writes one alert line to the audit log (refused, with the account and count).

Known limit, by design: someone who guesses wrong often enough holds password sign-in shut (for one
account, or for everyone at the service-wide ceiling) for up to an hour; data, reading, OIDC
sign-in and the command line are not affected.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from store import audit
from store.atomic import StoreWriteFailed, atomic_write_bytes
from store.settings import setting

STATE_FILE = "signin-failures.json"
LOCK_FILE = ".matra-signin.lock"
WINDOW_SECONDS = 3600.0
FIRST_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 300.0
SHARED_ACCOUNT = "(shared password)"
UNKNOWN_ACCOUNT = "(unknown name)"
T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    """What one sign-in attempt gave: `value` (the identity) when checked and right; otherwise
    `wait_seconds` > 0 when refused unchecked (delay or ceiling), or a plain wrong password."""

    value: object = None
    wait_seconds: float = 0.0
    reason: str = "checked"   # "checked", "delay", "account_ceiling", "service_ceiling"


def per_account_ceiling() -> int:
    return max(1, int(setting("MATRA_SIGNIN_MAX_PER_HOUR")))


def service_ceiling() -> int:
    return max(1, int(setting("MATRA_SIGNIN_MAX_TOTAL_PER_HOUR")))


@contextlib.contextmanager
def _locked(data_dir: Path) -> Iterator[None]:
    """The sign-in counter's own lock (blocking: holders keep it for a few milliseconds)."""
    try:
        handle = open(Path(data_dir) / LOCK_FILE, "a+")   # noqa: SIM115 (closed below)
    except OSError as error:
        raise StoreWriteFailed.from_os_error(error) from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _read(data_dir: Path) -> dict:
    path = Path(data_dir) / STATE_FILE
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(state, dict) and isinstance(state.get("accounts"), dict) and isinstance(state.get("all"), list):
            return state
    except (OSError, ValueError, RecursionError):
        pass
    # Missing or damaged: start again, but never from nothing after damage — assume the ceiling
    # was reached just now (fail closed) when the file exists and cannot be read.
    if path.exists():
        return {"accounts": {}, "all": [time.time()] * service_ceiling(), "damaged": True}
    return {"accounts": {}, "all": []}


def _write(data_dir: Path, state: dict) -> None:
    """Write the counts (atomically); StoreWriteFailed when the disk refuses — then nobody is checked,
    since an attempt that cannot be counted must not be made."""
    state.pop("damaged", None)
    try:
        atomic_write_bytes(Path(data_dir) / STATE_FILE, json.dumps(state, separators=(",", ":")).encode())
    except OSError as error:
        raise StoreWriteFailed.from_os_error(error) from None


def _prune(state: dict, now: float) -> None:
    """Forget failures older than the window (the file stays small: a few keys, at most a ceiling's
    worth of times each)."""
    start = now - WINDOW_SECONDS
    state["all"] = [t for t in state["all"] if t > start][-service_ceiling():]
    for key in list(state["accounts"]):
        entry = state["accounts"][key]
        entry["times"] = [t for t in entry.get("times", []) if t > start][-per_account_ceiling():]
        if not entry["times"] and entry.get("last", 0) <= start:
            del state["accounts"][key]


def _gate(state: dict, key: str, now: float) -> tuple[float, str]:
    """(seconds to wait, why) for the account `key`; (0, "checked") when a check may go ahead."""
    if len(state["all"]) >= service_ceiling():
        return min(state["all"]) + WINDOW_SECONDS - now, "service_ceiling"
    entry = state["accounts"].get(key)
    if entry is None:
        return 0.0, "checked"
    if len(entry["times"]) >= per_account_ceiling():
        return min(entry["times"]) + WINDOW_SECONDS - now, "account_ceiling"
    streak = int(entry.get("streak", 0))
    if streak:
        wait = entry["last"] + min(FIRST_DELAY_SECONDS * 2 ** (streak - 1), MAX_DELAY_SECONDS) - now
        if wait > 0:
            return wait, "delay"
    return 0.0, "checked"


def seconds_to_wait(data_dir: Path, key: str, now: float | None = None) -> float:
    """How long before a password for `key` will be checked again (0 when it would be now)."""
    now = time.time() if now is None else now
    with _locked(data_dir):
        state = _read(data_dir)
        _prune(state, now)
        return max(0.0, _gate(state, key, now)[0])


def attempt(data_dir: Path, key: str, check: Callable[[], T | None], now: float | None = None) -> Outcome:
    """Check a password for the account `key` if the limits allow it now.

    `check()` verifies the password and returns the identity, or None when it is wrong. It is
    called outside the lock (Argon2 takes a moment) after the attempt was counted as a failure;
    a right password takes that count back and clears the account's delay.
    """
    data_dir = Path(data_dir)
    now = time.time() if now is None else now
    alerts = []
    with _locked(data_dir):
        state = _read(data_dir)
        _prune(state, now)
        wait, reason = _gate(state, key, now)
        if wait > 0:
            return Outcome(None, wait, reason)
        entry = state["accounts"].setdefault(key, {"times": [], "streak": 0, "last": 0.0})
        entry["times"].append(now)
        entry["streak"] = int(entry.get("streak", 0)) + 1
        entry["last"] = now
        state["all"].append(now)
        if len(entry["times"]) == per_account_ceiling():
            alerts.append(("account_ceiling", len(entry["times"])))
        if len(state["all"]) == service_ceiling():
            alerts.append(("service_ceiling", len(state["all"])))
        _write(data_dir, state)
    value = check()
    if value is None:
        for reason_reached, count in alerts:   # only a failure that was really counted raises an alert
            audit.record(data_dir, "signin.alert", who="-", role="-", ids=[key], counts={"failures": count},
                         outcome="refused", detail=f"{reason_reached}: {count} failed sign-ins in the last hour")
    else:
        with _locked(data_dir):
            state = _read(data_dir)
            state["accounts"].pop(key, None)
            with contextlib.suppress(ValueError):
                state["all"].remove(now)
            _write(data_dir, state)
    return Outcome(value)
