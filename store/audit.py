"""The audit log: one JSON line per write (or refused write) in data_dir/audit.jsonl, append-only.

Every write the store makes (ingest, retract, restore, targets, programmes, calendar, notes,
scenarios, official results, framework, users) appends one line through `record`, or through
`logged` around the write so that a refused or failed write is recorded as refused too. Lines are
never rewritten: the file is opened for appending, each line is written with one write() under
its own flock (not the writer lock, so a writer that holds that lock can log), then fsync'ed.

Fields: who, role, when (UTC ISO), action, ids, counts, outcome (ok | refused), detail (English, as
the CLI prints it) and reason: why a write was refused as codes and values ({code, value, expected}
of the store's problems, or the store's "unavailable" code), so the Data page can word it in the
reader's language (`reason_words`). A line is
at most MAX_LINE_BYTES: long ids lists and details are cut, so a hostile file name cannot grow
the log without bound. The log is the one file a refused write may change (it says it was refused).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import inspect
import json
import os
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from store.atomic import UNAVAILABLE, StoreUnavailable
from store.problems import TEMPLATES, Problem
from store.settings import current_user

AUDIT_NAME = "audit.jsonl"
MAX_LINE_BYTES = 4096
MAX_IDS = 50
MAX_FIELD_CHARS = 200
OUTCOMES = ("ok", "refused")
FIELDS = ("when", "who", "role", "action", "ids", "counts", "outcome", "detail", "reason")
MAX_REASONS = 3


def audit_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / AUDIT_NAME


def _text(value, limit: int = MAX_FIELD_CHARS) -> str:
    text = str(value if value is not None else "")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _line(entry: dict) -> bytes:
    """One JSON line of at most MAX_LINE_BYTES (the detail is cut first, then the ids)."""
    while True:
        line = (json.dumps(entry, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")
        if len(line) <= MAX_LINE_BYTES:
            return line
        if len(entry["detail"]) > 20:
            entry["detail"] = _text(entry["detail"], len(entry["detail"]) // 2)
        elif len(entry["reason"]) > 1:
            entry["reason"] = entry["reason"][:1]
        elif len(entry["ids"]) > 1:
            entry["ids"] = [*entry["ids"][: len(entry["ids"]) // 2], "…"]
        else:  # only many counts can still be this large (every text field is already cut)
            entry["counts"] = dict(list(entry["counts"].items())[: len(entry["counts"]) // 2])


def record(data_dir: str | Path, action: str, *, who: str | None = None, role: str = "",
           ids: list | tuple = (), counts: dict | None = None, outcome: str = "ok",
           detail: str = "", reason: list[dict] | None = None) -> dict:
    """Append one line to the audit log and return it as a dict.

    `action` names the write (ingest, retract, restore, targets, programmes, calendar, note,
    scenario, ...); `who` defaults to store.settings.current_user(); `ids` are the ids written or
    touched (snapshot ids, region codes); `counts` small numbers (rows, regions, keys);
    `outcome` ok or refused. Raises ValueError for an unknown outcome; OSError when the disk refuses.
    """
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {OUTCOMES}")
    entry = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "who": _text(who or current_user(), 120),
        "role": _text(role, 40),
        "action": _text(action, 40),
        "ids": [_text(item) for item in list(ids)[:MAX_IDS]] + (["…"] if len(ids) > MAX_IDS else []),
        "counts": {_text(key, 40): (value if isinstance(value, int | float) else _text(value, 40))
                   for key, value in (counts or {}).items()},
        "outcome": outcome,
        "detail": _text(detail, 1000),
        "reason": [{_text(key, 20): _text(value) for key, value in part.items()}
                   for part in (reason or [])[:MAX_REASONS]],
    }
    line = _line(entry)
    path = audit_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
    return entry


class Entry(dict):
    """What `logged` yields: set `ids`, `counts` and `detail` on it during the write."""


@contextlib.contextmanager
def logged(data_dir: str | Path, action: str, *, who: str | None = None, role: str = "",
           ids: list | tuple = (), detail: str = "") -> Iterator[Entry]:
    """Record the write done inside the block: ok when it ends normally, refused (with the error's
    type and message as detail) when it raises; the error is re-raised unchanged. A failure to
    write the log after a refused write does not hide the original error."""
    entry = Entry(ids=list(ids), counts={}, detail=detail)
    try:
        yield entry
    except BaseException as error:
        with contextlib.suppress(OSError):
            record(data_dir, action, who=who, role=role, ids=entry["ids"], counts=entry["counts"],
                   outcome="refused", detail=f"{type(error).__name__}: {error}", reason=reason_of(error))
        raise
    record(data_dir, action, who=who, role=role, ids=entry["ids"], counts=entry["counts"], detail=entry["detail"])


def reason_of(error: BaseException) -> list[dict]:
    """Why a write was refused, as codes and values: the problems of an IngestRefused, the code of a
    StoreUnavailable; [] for any other error (its detail text is all there is)."""
    problems = getattr(error, "problems", None)
    if isinstance(problems, list) and all(isinstance(p, Problem) for p in problems):
        return problem_reasons(problems)
    if isinstance(error, StoreUnavailable):
        return [{"code": f"{UNAVAILABLE_PREFIX}{error.code}", "value": error.detail}]
    return []


UNAVAILABLE_PREFIX = "store."


def problem_reasons(problems: list[Problem]) -> list[dict]:
    """The reason field of a write refused for these problems (the first MAX_REASONS)."""
    return [{"code": p.code, "value": p.value, "expected": p.expected} for p in problems[:MAX_REASONS]]


def reason_words(reason, lang: str = "id") -> str:
    """A logged reason in Indonesian or English ("" when there is none, or none of it is known)."""
    words = []
    for part in reason if isinstance(reason, list) else []:
        code = str(part.get("code", "")) if isinstance(part, dict) else ""
        if code.startswith(UNAVAILABLE_PREFIX) and code[len(UNAVAILABLE_PREFIX):] in UNAVAILABLE:
            words.append(StoreUnavailable(str(part.get("value", "")), code[len(UNAVAILABLE_PREFIX):]).message(lang))
        elif code in TEMPLATES:
            words.append(Problem(code, value=str(part.get("value", "")),
                                 expected=str(part.get("expected", ""))).message(lang))
    return " ".join(words)


def read_log(data_dir: str | Path, since: date | str | None = None) -> list[dict]:
    """Every line of the audit log, oldest first, as dicts with FIELDS; only those on or after
    `since` (a date or ISO date) when given. A damaged line (cut by a crash) is skipped."""
    path = audit_path(data_dir)
    if not path.exists():
        return []
    start = str(since)[:10] if since else ""
    entries = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for raw in handle:
            try:
                entry = json.loads(raw)
            except ValueError:
                continue
            if isinstance(entry, dict) and str(entry.get("when", ""))[:10] >= start:
                entries.append({name: entry.get(name, "") for name in FIELDS})
    return entries


Describe = Callable[[object, tuple, dict], tuple[list, dict]]
_depth = threading.local()  # how many audited calls this thread is inside: only the outermost logs


def inside_audited_write() -> bool:
    """True while this thread runs an audited write (which logs the outcome itself)."""
    return bool(getattr(_depth, "value", 0))


def _nothing(result, args, kwargs) -> tuple[list, dict]:
    return [], {}


def audited(action: str, describe: Describe = _nothing) -> Callable:
    """Decorate a write (a Store method or a function whose first argument is the data folder) so
    each call appends one line: ok, or refused when it raises. The caller may pass `role=` (taken
    off before the call) and `created_by=` (the who). `describe(result, args, kwargs)` gives the
    line's ids and counts (result None: the call raised). A write called inside another audited
    write is logged once, by the outer one."""
    def decorate(write: Callable) -> Callable:
        signature = inspect.signature(write)

        @functools.wraps(write)
        def wrapper(*args, **kwargs):
            role = kwargs.pop("role", "")
            if getattr(_depth, "value", 0):
                return write(*args, **kwargs)
            data_dir = getattr(args[0], "data_dir", args[0])
            _depth.value = 1
            try:
                ids, _ = describe(None, args, kwargs)
                who = signature.bind_partial(*args, **kwargs).arguments.get("created_by")
                with logged(data_dir, action, who=who if isinstance(who, str) else None, role=role,
                            ids=ids) as entry:
                    result = write(*args, **kwargs)
                    entry["ids"], entry["counts"] = describe(result, args, kwargs)
                    return result
            finally:
                _depth.value = 0
        return wrapper
    return decorate


# What a line records for each write (result None when it raised). Positions are the write's arguments.
def _text_args(args, *positions) -> list:
    return [str(args[i]) for i in positions if len(args) > i and isinstance(args[i], str | int)]


def ingest_line(result, args, kwargs) -> tuple[list, dict]:
    source = [kwargs["source"]] if kwargs.get("source") else _text_args(args, 1)
    if result is None:
        return source, {}
    snapshot, created = result
    return [snapshot.id, *source], {"rows": snapshot.rows, "regions": snapshot.regions, "created": int(created)}


def count_line(name: str, *positions: int) -> Describe:
    """A describer: the arguments at `positions` as ids, the (integer) result as counts[name]."""
    def describe(result, args, kwargs) -> tuple[list, dict]:
        return _text_args(args, *positions), ({} if result is None else {name: int(result)})
    return describe


def scenario_line(result, args, kwargs) -> tuple[list, dict]:
    scenario = args[1] if len(args) > 1 else kwargs.get("scenario")
    return [getattr(scenario, "region", ""), *([result.id] if result is not None else [])], {}


def note_line(result, args, kwargs) -> tuple[list, dict]:
    return _text_args(args, 1) + ([str(result)] if isinstance(result, str) else []), {}
