"""Settings: one table of (name, default, help). Environment variables override the defaults.

This module is the only place that reads the environment (and the OS user name): everything else
asks `setting(name)` (or `current_user()`). A test checks that every setting is documented in the
README and that no other module reads os.environ, os.getenv or getpass.
"""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS = (
    Setting("MATRA_DATA_DIR", str(REPO_ROOT / "data"),
            "Data folder: framework/, reference/, snapshots/, targets/, meetings/. Default: the bundled data/."),
    Setting("MATRA_MAX_UPLOAD_MB", "20", "Largest file accepted for ingest, in megabytes."),
    Setting("MATRA_MAX_UNPACKED_MB", "100",
            "Largest uncompressed content of an XLSX upload (all zip members), in megabytes; a member "
            "expanding more than 200 times is refused too."),
    Setting("MATRA_MAX_ROWS", "100000", "Most rows an upload may have (a national long form has about 50,000)."),
    Setting("MATRA_MAX_COLUMNS", "500", "Most columns an upload may have."),
    Setting("MATRA_MAX_CELL_CHARS", "10000", "Longest text accepted in one cell, in characters."),
    Setting("MATRA_PARSE_SECONDS", "60", "Time limit for reading and checking one upload (worker process)."),
    Setting("MATRA_PARSE_MEMORY_MB", "2048",
            "Memory limit (address space) of the worker process that reads and checks an upload."),
    Setting("MATRA_MAX_PROGRAMMES", "300",
            "Most programmes in one region's register (a masterplan holds tens, an RKPD a few hundred); a "
            "longer register is refused whole."),
    Setting("MATRA_MAX_SCENARIOS", "100", "Most saved what-if scenarios per region; saving one more is refused."),
    Setting("MATRA_MAX_NOTES", "200", "Most meeting notes per agenda; saving one more is refused."),
    Setting("MATRA_MALLOC_ARENAS", "2",
            "Most glibc malloc arenas of the server process (tools/serve.py; fewer arenas give freed memory "
            "back after a burst of sessions). 0 = glibc's default (8 per core)."),
    Setting("MATRA_TRIM_SECONDS", "10",
            "Every this many seconds the server hands free heap memory back to the system (malloc_trim); "
            "0 = never."),
    Setting("MATRA_ADMIN_PASSWORD", "",
            "Shared administrator password, the fallback for a single-person install: write actions (upload, "
            "retract, targets); empty = writes off. Also read from the Streamlit secret admin_password. Ignored "
            "when the data folder has a users file (python -m store users) or OIDC is configured."),
    Setting("MATRA_SECRETARY_PASSWORD", "",
            "Meeting secretary password: signs in to write meeting notes and follow-ups on /present (no "
            "data writes); empty = only an administrator (or OIDC) may write notes. Also read from the "
            "Streamlit secret secretary_password. Ignored like MATRA_ADMIN_PASSWORD."),
    Setting("MATRA_SIGNIN_MAX_PER_HOUR", "10",
            "Ceiling on password guessing: most failed sign-ins per account in any hour, counted across every "
            "session, typed name and server process (shared passwords count as one account; unknown names as "
            "one more). Delays double from 1 s after each failure until then."),
    Setting("MATRA_SIGNIN_MAX_TOTAL_PER_HOUR", "100",
            "Service-wide ceiling: most failed password sign-ins over all accounts in any hour; beyond it "
            "password sign-in pauses for everyone until the hour's oldest failure ages out (an alert is logged)."),
    Setting("MATRA_USER", "",
            "Name recorded in the manifest as who made a change (default: the OS user)."),
)


def setting(name: str) -> str:
    """The value of a setting: the environment variable when set, else its default."""
    for item in SETTINGS:
        if item.name == name:
            return os.environ.get(name) or item.default
    raise KeyError(f"unknown setting {name}")


def environment_with(**values: str) -> dict[str, str]:
    """This process's environment with `values` set: for a child process started with other
    settings (tools/bench_memory.py starts servers with and without the memory settings)."""
    return {**os.environ, **values}


def browser_search() -> tuple[str, str]:
    """PATH and BROWSER_PATH: where chart rendering looks for chromium (reports/images.py keys its
    lookup by them)."""
    return os.environ.get("PATH", ""), os.environ.get("BROWSER_PATH", "")


def current_user() -> str:
    """Who is making a change, for the manifest: MATRA_USER, else the OS user, else "unknown"."""
    try:
        return setting("MATRA_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def read_password(prompt: str) -> str:
    """A password from the terminal (not echoed), or the first line of standard input when that is
    not a terminal (scripts: `printf '%s\\n' "$PW" | python -m store users add ...`). Never an argument."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\r\n")


def data_dir() -> Path:
    return Path(setting("MATRA_DATA_DIR"))
