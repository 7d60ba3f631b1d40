"""Meeting notes and follow-ups per agenda item, one JSON file per agenda.

A note records what a coordination meeting ("rapat koordinasi") said about one agenda item: the
note, the decision, the owner OPD that follows up and the due date, plus who saved it and when.
An item may carry several notes (one per follow-up); each note has an `id` so it can be edited or
removed. Files live in `<data_dir>/meetings/<agenda_id>.json` and are written like every other
write in the store: under the writer lock, to a temp file that is fsynced and renamed into place.

Note text is untrusted: it is stored as given (length-capped) and must be shown as plain text,
never as HTML, and exported through `store.exports` (which neutralises spreadsheet formulas).
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from store import audit
from store.atomic import atomic_write_bytes, clean_leftovers, writer_lock
from store.bounded_json import JsonRefused, read_json_file
from store.settings import setting

MEETINGS_DIR = "meetings"
FIELDS = ("id", "item", "note", "decision", "owner_opd", "due_date", "updated_at", "updated_by")
TEXT_LIMITS = {"note": 4000, "decision": 1000, "owner_opd": 120}
# Agenda ids are content hashes (reports.agenda.Agenda.id); anything else could escape the folder.
AGENDA_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
NOTE_ID = re.compile(r"^[0-9a-f]{1,32}$")


class NoteError(ValueError):
    """A note that cannot be saved (the message names the field and what was expected)."""


class TooManyNotes(NoteError):
    """The agenda already holds MATRA_MAX_NOTES notes (`limit`); a new one is refused, edits are not."""

    def __init__(self, limit: int):
        self.limit = limit
        super().__init__(f"the agenda already has {limit} notes, the most allowed (setting MATRA_MAX_NOTES)")


def notes_path(data_dir: str | Path, agenda_id: str) -> Path:
    """The notes file of one agenda; NoteError for an id that is not a plain token."""
    if not isinstance(agenda_id, str) or not AGENDA_ID.match(agenda_id):
        raise NoteError(f"agenda id {agenda_id!r} is not a plain token (letters, digits, - and _)")
    return Path(data_dir) / MEETINGS_DIR / f"{agenda_id}.json"


def read_notes(data_dir: str | Path, agenda_id: str) -> list[dict]:
    """Every note of the agenda, by item then time saved; [] when none were saved.

    Each note is a dict with FIELDS: id, item (0-based agenda item index), note, decision,
    owner_opd, due_date (ISO date or ""), updated_at (ISO date-time, UTC), updated_by.
    """
    path = notes_path(data_dir, agenda_id)
    if not path.exists():
        return []
    try:
        payload = read_json_file(path)
        notes = [{field: entry.get(field, "") for field in FIELDS} for entry in payload["notes"]]
        return sorted(notes, key=lambda n: (int(n["item"]), str(n["updated_at"])))
    except JsonRefused as refused:
        raise NoteError(f"{path.name}: not a notes file ({refused.message('en')})") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise NoteError(f"{path.name}: not a notes file ({error})") from None


def _clean(note: dict) -> dict:
    """The note's fields, checked and trimmed; NoteError naming the first bad field."""
    try:
        item = int(note.get("item"))
    except (TypeError, ValueError):
        raise NoteError(f"item {note.get('item')!r} is not an agenda item number") from None
    if item < 0:
        raise NoteError(f"item {item} is not an agenda item number (0 or more)")
    clean = {"item": item}
    for field, limit in TEXT_LIMITS.items():
        value = note.get(field) or ""
        if not isinstance(value, str):
            raise NoteError(f"{field} must be text")
        clean[field] = value.strip()[:limit]
    due = note.get("due_date") or ""
    if isinstance(due, date):
        due = due.isoformat()
    try:
        clean["due_date"] = date.fromisoformat(due).isoformat() if due else ""
    except (TypeError, ValueError):
        raise NoteError(f"due_date {due!r} is not an ISO date (YYYY-MM-DD)") from None
    if not (clean["note"] or clean["decision"]):
        raise NoteError("a note needs a note or a decision")
    note_id = note.get("id") or uuid.uuid4().hex[:12]
    if not NOTE_ID.match(str(note_id)):
        raise NoteError(f"id {note_id!r} is not a note id")
    clean["id"] = str(note_id)
    return clean


def _write(data_dir: Path, agenda_id: str, notes: list[dict]) -> None:
    payload = {"version": 1, "agenda_id": agenda_id, "notes": notes}
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    atomic_write_bytes(notes_path(data_dir, agenda_id), text.encode("utf-8"))


@audit.audited("note", audit.note_line)
def save_note(data_dir: str | Path, agenda_id: str, note: dict, created_by: str) -> str:
    """Add a note, or replace the note with the same `id`; returns the note's id.

    `created_by` is the signed-in person's name (components.auth), recorded as `updated_by`;
    NoteError without one: a note always says who wrote it, never the server's OS user.

    Runs under the store's writer lock and removes temp files a killed writer left behind.
    Raises NoteError for a bad field (nothing written), TooManyNotes (a NoteError) when the agenda
    already holds MATRA_MAX_NOTES notes, store.atomic.StoreBusy when another
    writer holds the lock too long.
    """
    data_dir = Path(data_dir)
    clean = _clean(note)
    author = created_by.strip()[:120] if isinstance(created_by, str) else ""
    if not author:
        raise NoteError("a note needs the name of the person who signed in to write it")
    clean["updated_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    clean["updated_by"] = author
    with writer_lock(data_dir):
        clean_leftovers(data_dir / MEETINGS_DIR)
        notes = [n for n in read_notes(data_dir, agenda_id) if n["id"] != clean["id"]]
        limit = int(setting("MATRA_MAX_NOTES"))
        if len(notes) >= limit:   # an edit replaces its note (not counted); a new one past the limit is refused
            raise TooManyNotes(limit)
        _write(data_dir, agenda_id, [*notes, {field: clean[field] for field in FIELDS}])
    return clean["id"]


@audit.audited("note_delete", audit.count_line("deleted", 1, 2))
def delete_note(data_dir: str | Path, agenda_id: str, note_id: str, created_by: str | None = None) -> bool:
    """Remove one note; False when there was no such note (then nothing is written). `created_by`
    (the signed-in person) is whom the audit log names (store/audit.py `audited`)."""
    data_dir = Path(data_dir)
    with writer_lock(data_dir):
        clean_leftovers(data_dir / MEETINGS_DIR)
        notes = read_notes(data_dir, agenda_id)
        kept = [n for n in notes if n["id"] != note_id]
        if len(kept) == len(notes):
            return False
        _write(data_dir, agenda_id, kept)
    return True


def notes_frame(notes: list[dict], titles: dict[int, str] | None = None) -> pd.DataFrame:
    """Notes as a table for export: item (1-based, as on screen), title (from `titles`, keyed by
    0-based item), decision, owner_opd, due_date, note, updated_by, updated_at. Text is left as
    given; export it with store.exports.csv_bytes/xlsx_bytes, which neutralise formulas."""
    titles = titles or {}
    columns = ["item", "title", "decision", "owner_opd", "due_date", "note", "updated_by", "updated_at"]
    rows = [{"item": int(n["item"]) + 1, "title": titles.get(int(n["item"]), ""),
             **{field: n[field] for field in columns[2:]}} for n in notes]
    return pd.DataFrame(rows, columns=columns)
