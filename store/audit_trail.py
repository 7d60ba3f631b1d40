"""The lines that accounts and sign-in write to the audit log: account changes (who, role, what,
which account) and the sign-in ceiling alerts. One place, so the wording of these entries is the
same from the command line and the web."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

AUDIT_FILE = "audit.jsonl"


def _append(data_dir: Path, entry: dict) -> None:
    """Append one JSON line (O_APPEND: one small write, never interleaved with another)."""
    line = json.dumps({"at": datetime.now(UTC).isoformat(timespec="seconds"), **entry}, ensure_ascii=False)
    fd = os.open(Path(data_dir) / AUDIT_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (line + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def user_change(data_dir: Path, *, who: str, role: str, action: str, account: str, outcome: str = "done",
                detail: str = "") -> None:
    """An account added, removed or given a new password (action "users.add" ...), or refused."""
    _append(data_dir, {"who": who, "role": role, "action": action, "outcome": outcome, "ids": [account],
                       "detail": detail})


def signin_alert(data_dir: Path, *, account: str, reason: str, count: int) -> None:
    """A sign-in ceiling reached: the account (or the whole service) takes no more guesses for now."""
    _append(data_dir, {"who": "-", "role": "-", "action": "signin.alert", "outcome": "refused",
                       "ids": [account], "detail": f"{reason}: {count} failed sign-ins in the last hour"})
