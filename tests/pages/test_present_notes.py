"""The meeting desk's notes on /present (AppTest, real store on a copy of the demo data): writing needs
a secretary password and a sign-in, failed sign-ins are held back and never echoed, notes show on the
last slide and export inert with sortable due dates, and an agenda's notes are bounded."""

import io

import pytest

from components.frame import Context
from i18n import t
from reports.agenda import encode
from sections.present.meeting_desk import export_frame
from store import meetings, signin_limits
from store.exports import csv_bytes
from tests.pages.conftest import open_page, sign_in
from tests.pages.test_present import click, make_agenda

SECRETARY_PASSWORD = "rapat-koordinasi-2025"


@pytest.fixture
def secretary(monkeypatch):
    """Note writing turned on with a secretary password (failed attempts are counted in the test's own
    copy of the data folder, so no test sees another's)."""
    monkeypatch.setenv("MATRA_SECRETARY_PASSWORD", SECRETARY_PASSWORD)
    monkeypatch.delenv("MATRA_ADMIN_PASSWORD", raising=False)
    return SECRETARY_PASSWORD


def note_form_shown(app) -> bool:
    return any(box.key == "present_note_text" for box in app.text_area)


def test_without_a_secretary_password_nobody_can_write_notes(data_dir, store, monkeypatch):
    monkeypatch.delenv("MATRA_SECRETARY_PASSWORD", raising=False)
    monkeypatch.delenv("MATRA_ADMIN_PASSWORD", raising=False)
    app = open_page("present", agenda=encode(make_agenda(store)), lang="en")
    assert not note_form_shown(app)
    assert not any(b.label == "Sign in" for b in app.button)
    assert any("MATRA_SECRETARY_PASSWORD" in i.value for i in app.info)


def test_notes_need_sign_in_and_record_the_name_entered(data_dir, store, secretary, monkeypatch):
    monkeypatch.setenv("USER", "root")
    agenda = make_agenda(store)
    app = open_page("present", agenda=encode(agenda), lang="en")
    assert not note_form_shown(app), "a viewer gets the sign-in form, not the note form"
    assert not any(s.key == "present_note_remove" for s in app.selectbox)
    sign_in(app, "Rina Sekretariat", secretary)
    assert note_form_shown(app)
    assert any("Signed in as Rina Sekretariat — meeting secretary" in s.value for s in app.success)
    app.text_input(key="present_note_decision").input("Kirim bukti dukung")
    app.button[[b.label for b in app.button].index("Save note")].click()
    app.run()
    assert [n["updated_by"] for n in meetings.read_notes(data_dir, agenda.id)] == ["Rina Sekretariat"]
    # The audit log names the person and the role of the sign-in and of the note.
    assert [(e["action"], e["outcome"], e["who"], e["role"]) for e in store.audit_log()[-2:]] == [
        ("signin", "ok", "Rina Sekretariat", "secretary"), ("note", "ok", "Rina Sekretariat", "secretary")]
    click(app, "present_signin_out")
    assert not note_form_shown(app)


def test_failed_sign_ins_are_held_back_whatever_the_session_or_name_and_never_echoed(data_dir, store, secretary,
                                                                                monkeypatch):
    monkeypatch.setattr(signin_limits, "FIRST_DELAY_SECONDS", 60.0)   # a slow machine must not outlast it
    agenda = make_agenda(store)
    app = open_page("present", agenda=encode(agenda), lang="en")
    sign_in(app, "Budi", "tebakan-1")
    assert t("data.wrong_password", "en") in [e.value for e in app.error]
    assert_not_echoed(app, "tebakan-1")
    assert [(e["action"], e["outcome"], e["who"]) for e in store.audit_log()] == [("signin", "refused", "Budi")]
    sign_in(app, "Budi", secretary)     # right password, but straight after a failure
    assert any("Try again in" in e.value for e in app.error)
    assert not note_form_shown(app)
    other_session = open_page("present", agenda=encode(agenda), lang="en")
    sign_in(other_session, "Ani", secretary)   # a new session with a new name is held back too
    assert any("Try again in" in e.value for e in other_session.error)
    assert not note_form_shown(other_session)
    for shown in (app, other_session):
        assert_not_echoed(shown, "tebakan-1", secretary)
    log = (data_dir / "audit.jsonl").read_text()
    assert "tebakan-1" not in log and secretary not in log, "a password is never logged"


def assert_not_echoed(app, *passwords: str) -> None:
    messages = [e.value for kind in ("markdown", "caption", "error", "info", "success", "warning", "code")
                for e in getattr(app, kind)]
    assert not [m for m in messages if any(p in m for p in passwords)], "a password is never shown"
    assert not [v for v in app.query_params.values() if any(p in str(v) for p in passwords)], "nor put in the URL"


def test_notes_are_saved_shown_on_the_last_slide_and_exported_inert(data_dir, store, secretary):
    agenda = make_agenda(store)
    app = open_page("present", agenda=encode(agenda))
    sign_in(app, "Notulis", secretary)
    app.selectbox(key="present_note_item").select_index(1)
    app.text_area(key="present_note_text").input("=HYPERLINK(\"http://example.invalid\")")
    app.text_input(key="present_note_decision").input("Diskominfo drafts the SPBE action plan")
    app.selectbox(key="present_note_owner").select("Diskominfo")
    app.button[[b.label for b in app.button].index("Save note")].click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    notes = meetings.read_notes(data_dir, agenda.id)
    assert [(n["item"], n["owner_opd"], n["decision"]) for n in notes] == [
        (1, "Diskominfo", "Diskominfo drafts the SPBE action plan")]
    assert any(d.value.shape[0] == 1 for d in app.dataframe), "the notes table lists the note"

    last = open_page("present", agenda=encode(agenda), mode="slides", slide=7)
    assert any("Diskominfo drafts the SPBE action plan" in m.value for m in last.markdown)

    app.button[[b.label for b in app.button].index("Save note")].click()
    app.run()
    assert any("Write a note or a decision first" in e.value for e in app.error), "an empty note is refused"
    assert len(meetings.read_notes(data_dir, agenda.id)) == 1

    ctx = Context(lang="en", year=2025, stage="II", data_version=(), data_as_of="", synthetic=True)
    exported = csv_bytes(export_frame(notes, {1: "Profile of Kabupaten Jember"}, ctx)).decode("utf-8-sig")
    assert "'=HYPERLINK" in exported and "\n=HYPERLINK" not in exported and ",=HYPERLINK" not in exported


def test_exported_due_dates_are_dates_a_spreadsheet_can_sort():
    import datetime

    import openpyxl

    from store.exports import xlsx_bytes

    notes = [{"item": 0, "note": "", "decision": "Verifikasi SIPD", "owner_opd": "Bappeda", "due_date": "2026-12-31",
              "updated_by": "Rina", "updated_at": "2026-12-02T10:00:00+00:00"},
             {"item": 0, "note": "", "decision": "Pantau", "owner_opd": "Bappeda", "due_date": "Q1",
              "updated_by": "Rina", "updated_at": "2026-12-02T10:00:00+00:00"}]
    ctx = Context(lang="id", year=2025, stage="II", data_version=(), data_as_of="", synthetic=True)
    assert export_frame(notes, {}, ctx)[t("present.col_due_date", "id")].tolist() == ["31 Des 2026", "Q1"]  # screen
    frame = export_frame(notes, {}, ctx, for_file=True)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(frame, "Catatan"))).active
    column = [cell.value for cell in sheet[1]].index(t("present.col_due_date", "id")) + 1
    due = sheet.cell(row=2, column=column)
    assert due.value == datetime.datetime(2026, 12, 31) and due.number_format == "DD/MM/YYYY"
    assert sheet.cell(row=3, column=column).value == "Q1"                       # free text stays text
    lines = csv_bytes(frame, "excel_id").decode("utf-8-sig").splitlines()
    assert "2026-12-31" in lines[2]                                            # ISO: Excel reads it as a date


def test_a_note_past_the_agenda_bound_is_refused_with_the_limit(data_dir, store, secretary, monkeypatch):
    """Issue 25 (4): notes per agenda are bounded (MATRA_MAX_NOTES); the desk says so, nothing is written."""
    monkeypatch.setenv("MATRA_MAX_NOTES", "1")
    agenda = make_agenda(store)
    meetings.save_note(data_dir, agenda.id, {"item": 0, "note": "yang pertama"}, created_by="Ani")
    app = open_page("present", agenda=encode(agenda), lang="en")
    sign_in(app, "Rina Sekretariat", secretary)
    app.text_input(key="present_note_decision").input("Kirim bukti dukung")
    app.button[[b.label for b in app.button].index("Save note")].click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("already has 1 notes, the most allowed (setting MATRA_MAX_NOTES)" in e.value for e in app.error), \
        [e.value for e in app.error]
    assert [n["note"] for n in meetings.read_notes(data_dir, agenda.id)] == ["yang pertama"]
