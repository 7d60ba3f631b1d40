"""Meeting notes: round trip, validation, formula-safe exports, and crash-safe writes."""

import io
import json
import os

import openpyxl
import pandas as pd
import pytest

from store import meetings
from store.atomic import TEMP_MARKER
from store.exports import csv_bytes, xlsx_bytes

AGENDA_ID = "0123456789abcdef"
FORMULA = '=HYPERLINK("http://example.invalid","klik")'


def test_notes_round_trip(tmp_path):
    first = meetings.save_note(tmp_path, AGENDA_ID, {
        "item": 2, "note": "Percepat bukti dukung", "decision": "Susun rencana aksi SPBE",
        "owner_opd": "Diskominfo", "due_date": "2026-12-31"}, created_by="Sekretariat Bapperida")
    second = meetings.save_note(tmp_path, AGENDA_ID, {"item": 0, "note": "Data Tahap II belum final"},
                                created_by="Sekretariat Bapperida")
    notes = meetings.read_notes(tmp_path, AGENDA_ID)
    assert [n["id"] for n in notes] == [second, first], "sorted by agenda item"
    assert notes[1] | {"updated_at": ""} == {
        "id": first, "item": 2, "note": "Percepat bukti dukung", "decision": "Susun rencana aksi SPBE",
        "owner_opd": "Diskominfo", "due_date": "2026-12-31", "updated_at": "",
        "updated_by": "Sekretariat Bapperida"}
    assert notes[1]["updated_at"].startswith("20")
    assert (tmp_path / "meetings" / f"{AGENDA_ID}.json").exists()
    assert meetings.read_notes(tmp_path, "fedcba9876543210") == []


def test_saving_with_an_id_replaces_and_delete_removes(tmp_path):
    note_id = meetings.save_note(tmp_path, AGENDA_ID, {"item": 1, "decision": "Rapat lanjutan"}, "a")
    meetings.save_note(tmp_path, AGENDA_ID, {"id": note_id, "item": 1, "decision": "Rapat lanjutan Januari"}, "b")
    notes = meetings.read_notes(tmp_path, AGENDA_ID)
    assert [(n["decision"], n["updated_by"]) for n in notes] == [("Rapat lanjutan Januari", "b")]
    assert meetings.delete_note(tmp_path, AGENDA_ID, note_id)
    assert not meetings.delete_note(tmp_path, AGENDA_ID, note_id)
    assert meetings.read_notes(tmp_path, AGENDA_ID) == []


@pytest.mark.parametrize("note, field", [
    ({"item": 0, "decision": "x", "due_date": "31/12/2026"}, "due_date"),
    ({"item": -1, "decision": "x"}, "item"),
    ({"item": "satu", "decision": "x"}, "item"),
    ({"item": 0, "note": "  ", "decision": ""}, "a note or a decision"),
    ({"item": 0, "decision": "x", "id": "../../etc"}, "id"),
])
def test_bad_notes_are_refused_and_nothing_is_written(tmp_path, note, field):
    with pytest.raises(meetings.NoteError, match=field):
        meetings.save_note(tmp_path, AGENDA_ID, note, "a")
    assert not (tmp_path / "meetings").exists()


@pytest.mark.parametrize("agenda_id", ["../escape", "a/b", "", "x" * 65])
def test_agenda_ids_cannot_leave_the_meetings_folder(tmp_path, agenda_id):
    with pytest.raises(meetings.NoteError):
        meetings.save_note(tmp_path, agenda_id, {"item": 0, "decision": "x"}, "a")
    with pytest.raises(meetings.NoteError):
        meetings.read_notes(tmp_path, agenda_id)


def test_long_text_is_capped(tmp_path):
    meetings.save_note(tmp_path, AGENDA_ID, {"item": 0, "note": "n" * 10_000, "owner_opd": "o" * 500}, "a")
    note = meetings.read_notes(tmp_path, AGENDA_ID)[0]
    assert len(note["note"]) == meetings.TEXT_LIMITS["note"]
    assert len(note["owner_opd"]) == meetings.TEXT_LIMITS["owner_opd"]


def test_a_note_starting_with_equals_is_inert_in_csv_and_xlsx(tmp_path):
    meetings.save_note(tmp_path, AGENDA_ID, {"item": 0, "note": FORMULA, "decision": "@SUM(A1)"}, "a")
    frame = meetings.notes_frame(meetings.read_notes(tmp_path, AGENDA_ID), {0: "Profil Kabupaten Jember"})
    assert frame.loc[0, "title"] == "Profil Kabupaten Jember" and frame.loc[0, "item"] == 1
    exported = pd.read_csv(io.BytesIO(csv_bytes(frame)), encoding="utf-8-sig")
    assert exported.loc[0, "note"] == "'" + FORMULA
    assert exported.loc[0, "decision"] == "'@SUM(A1)"
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(frame, "Notes")))["Notes"]
    cells = {cell.value: cell.data_type for row in sheet.iter_rows() for cell in row}
    assert cells["'" + FORMULA] == "s", "stored as text, not a formula"
    assert not any(str(value).startswith("=") for value in cells)


def test_a_crash_leftover_is_ignored_then_cleaned(tmp_path):
    meetings.save_note(tmp_path, AGENDA_ID, {"item": 0, "decision": "sah"}, "a")
    folder = tmp_path / "meetings"
    leftover = folder / f"{TEMP_MARKER}half-written.json"
    leftover.write_text('{"notes": [{"item": 0, "decision": "setengah')
    assert [n["decision"] for n in meetings.read_notes(tmp_path, AGENDA_ID)] == ["sah"]
    meetings.save_note(tmp_path, AGENDA_ID, {"item": 1, "decision": "kedua"}, "a")
    assert not leftover.exists(), "the next write removes what a killed writer left"
    assert [n["decision"] for n in meetings.read_notes(tmp_path, AGENDA_ID)] == ["sah", "kedua"]


def test_a_write_that_fails_midway_leaves_the_old_file_whole(tmp_path, monkeypatch):
    meetings.save_note(tmp_path, AGENDA_ID, {"item": 0, "decision": "sah"}, "a")
    path = meetings.notes_path(tmp_path, AGENDA_ID)
    before = path.read_bytes()

    def crash(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        meetings.save_note(tmp_path, AGENDA_ID, {"item": 1, "decision": "hilang"}, "a")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "no temp file left behind"


def test_a_damaged_notes_file_is_reported_not_overwritten(tmp_path):
    path = meetings.notes_path(tmp_path, AGENDA_ID)
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    with pytest.raises(meetings.NoteError, match="not a notes file"):
        meetings.read_notes(tmp_path, AGENDA_ID)
    with pytest.raises(meetings.NoteError):
        meetings.save_note(tmp_path, AGENDA_ID, {"item": 0, "decision": "x"}, "a")
    assert path.read_text() == "{not json"
    path.write_text(json.dumps({"notes": "bukan daftar"}))
    with pytest.raises(meetings.NoteError):
        meetings.read_notes(tmp_path, AGENDA_ID)


@pytest.mark.parametrize("author", [None, "", "   "])
def test_a_note_without_the_signed_in_name_is_refused_and_nothing_written(tmp_path, author):
    with pytest.raises(meetings.NoteError, match="signed in"):
        meetings.save_note(tmp_path, AGENDA_ID, {"item": 0, "decision": "x"}, author)
    assert not (tmp_path / "meetings" / f"{AGENDA_ID}.json").exists()


def test_the_note_records_the_name_given_not_the_os_user(tmp_path, monkeypatch):
    monkeypatch.setenv("MATRA_USER", "root")
    monkeypatch.setenv("USER", "root")
    meetings.save_note(tmp_path, AGENDA_ID, {"item": 0, "decision": "x"}, "  Rina (Sekretariat)  ")
    assert [n["updated_by"] for n in meetings.read_notes(tmp_path, AGENDA_ID)] == ["Rina (Sekretariat)"]
