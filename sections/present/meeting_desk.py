"""The agenda's desk: which data it shows, meeting notes and follow-ups, and the exports.

Writes here are meeting notes only, and they need a signed-in note writer (components.auth: the
meeting secretary or an administrator, or OIDC). The name given at sign-in is what every note
records as its author. Viewers see the notes and the exports, never the write controls.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

import pandas as pd
import streamlit as st

from components import auth, cached, widgets
from components.signin import signin_section
from components.text import plain
from i18n import format_date, t
from sections.present.agenda_data import DataStatus
from store import meetings
from store.atomic import StoreBusy, StoreUnavailable
from store.exports import csv_bytes, csv_dialect, xlsx_bytes

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def data_status(status: DataStatus, ctx) -> None:
    """Say which snapshots the agenda shows and whether the data has moved on since."""
    st.info(ctx.t("present.frozen_info", count=len(status.snapshots), date=format_date(status.as_of, ctx.lang)))
    with st.expander(ctx.t("present.snapshots_title")):
        st.dataframe(pd.DataFrame([{
            ctx.t("sidebar.year"): s.year, ctx.t("sidebar.stage"): s.stage, ctx.t("present.col_snapshot"): s.id,
            ctx.t("present.col_created"): format_date(s.created_at, ctx.lang),
        } for s in status.snapshots]), hide_index=True, width="stretch")
    if status.newer:
        st.warning(ctx.t("present.newer_data", which=", ".join(
            ctx.t("present.newer_item", year=s.year, stage=s.stage, date=format_date(s.created_at, ctx.lang))
            for s in status.newer)))
    if status.missing:
        st.warning(ctx.t("present.missing_snapshots", ids=", ".join(status.missing)))


def owner_options(year: int) -> list[str]:
    """The owner OPDs of the framework that scores `year` (all frameworks' when none does)."""
    frameworks = [cached.framework_for(year)] if cached.framework_for(year) else cached.store().frameworks()
    return sorted({i.owner_opd for f in frameworks for i in f.indicators})


def _as_date(text: str):
    """An ISO date as a date (a real date cell in a spreadsheet); other text (\"Q1\") as it is."""
    try:
        return datetime.date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return text


def export_frame(notes: list[dict], titles: dict[int, str], ctx, for_file: bool = False) -> pd.DataFrame:
    """Notes as a table with headers in the UI language (text as typed; exports neutralise formulas).
    On screen dates read "15 Des 2026"; in a file (`for_file`) the due date is a real date (XLSX date
    cell, ISO in CSV), so a spreadsheet can sort and filter by it."""
    frame = meetings.notes_frame(notes, titles)
    headers = {column: ctx.t(f"present.col_{column}") for column in frame.columns}
    due = frame["due_date"].map(_as_date)
    if not for_file:
        due = due.map(lambda d: format_date(d.isoformat(), ctx.lang) if isinstance(d, datetime.date) else d or "")
    updated = frame["updated_at"].map(lambda d: _as_date(d) if for_file else (format_date(d, ctx.lang) if d else ""))
    return frame.assign(due_date=due, updated_at=updated).rename(columns=headers)


FLASH_KEY = "present_flash"


def _flash(kind: str, key: str | StoreUnavailable, **values) -> None:
    """Remember a message for the next run (callbacks cannot draw): a message key and its values, or
    the store's refusal (worded in the viewer's language when shown)."""
    st.session_state[FLASH_KEY] = (kind, key, values)


def show_flash(ctx) -> None:
    kind, key, values = st.session_state.pop(FLASH_KEY, (None, None, {}))
    if kind:
        getattr(st, kind)(key.message(ctx.lang) if isinstance(key, StoreUnavailable) else ctx.t(key, **values))


def _save_note(agenda_id: str) -> None:
    state = st.session_state
    try:
        writer = auth.require("notes")   # signed out in another tab, or the session expired: refused
    except auth.NotAllowed:
        _flash("error", "present.signin_needed")
        return
    try:
        meetings.save_note(cached.store().data_dir, agenda_id, {
            "item": state["present_note_item"], "note": state["present_note_text"],
            "decision": state["present_note_decision"], "owner_opd": state["present_note_owner"],
            "due_date": state["present_note_due"]}, **writer.recorded())
        _flash("success", "present.note_saved")
    except meetings.TooManyNotes as full:
        _flash("error", "present.notes_full", limit=full.limit)
    except meetings.NoteError:
        _flash("error", "present.note_empty")
    except StoreBusy:
        _flash("error", "present.busy")
    except StoreUnavailable as error:   # the disk refused (read-only, full): nothing written
        _flash("error", error)


def _delete_note(agenda_id: str) -> None:
    try:
        writer = auth.require("notes")
    except auth.NotAllowed:
        _flash("error", "present.signin_needed")
        return
    try:
        meetings.delete_note(cached.store().data_dir, agenda_id, st.session_state["present_note_remove"],
                             **writer.recorded())
    except StoreBusy:
        _flash("error", "present.busy")
    except StoreUnavailable as error:
        _flash("error", error)


def notes_form(agenda, ctx, titles: dict[int, str]) -> None:
    """Add a note or follow-up to one agenda item: for a signed-in note writer only."""
    if not agenda.items:
        return
    if not auth.note_writes_enabled():
        st.info(ctx.t("present.notes_off"))
        return
    writer = signin_section(ctx, "notes", "present.signin_needed", key="present_signin")
    if writer is None or not writer.may("notes"):
        return
    with st.form("present_note_form", clear_on_submit=True, border=True):
        st.markdown(f"**{plain(ctx.t('present.add_note'))}**")
        widgets.selectbox(st, ctx.t("present.note_item"), list(titles), key="present_note_item",
                          format_func=lambda i: f"{i + 1}. {titles[i]}")
        st.text_area(ctx.t("present.note"), key="present_note_text", max_chars=4000)
        st.text_input(ctx.t("present.decision"), key="present_note_decision", max_chars=1000)
        left, right = st.columns(2)
        widgets.selectbox(left, ctx.t("present.owner"), ["", *owner_options(agenda.year)], key="present_note_owner",
                          format_func=lambda o: o or ctx.t("present.no_owner"))
        right.date_input(ctx.t("present.due"), value=None, key="present_note_due", format="DD/MM/YYYY",
                         help=ctx.t("present.due_help"))
        st.form_submit_button(ctx.t("present.save_note"), type="primary", on_click=_save_note, args=(agenda.id,))
    show_flash(ctx)


def notes_table(agenda, ctx, notes: list[dict], titles: dict[int, str]) -> None:
    """The saved notes (plain cells) with a control to remove one."""
    if not notes:
        st.info(ctx.t("present.no_notes"))
        return
    st.dataframe(export_frame(notes, titles, ctx), hide_index=True, width="stretch", key="present_notes_table")
    if auth.current_note_writer() is None:
        return
    by_id = {n["id"]: n for n in notes}
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    chosen = widgets.selectbox(left, ctx.t("present.remove_note"), list(by_id), key="present_note_remove",
                               format_func=lambda i: f"{int(by_id[i]['item']) + 1}. "
                               f"{(by_id[i]['decision'] or by_id[i]['note'])[:80]}")
    right.button(ctx.t("present.remove"), key="present_note_remove_button", on_click=_delete_note,
                 args=(agenda.id,), disabled=chosen is None)


def _deck_function():
    """reports.deck.agenda_deck when the deck export is installed, else None."""
    try:
        from reports.deck import agenda_deck
    except Exception:  # not built yet, or its optional dependencies are missing
        return None
    return agenda_deck


def exports(agenda, ctx, notes: list[dict], titles: dict[int, str]) -> None:
    st.subheader(ctx.t("present.exports_title"))
    table = export_frame(notes, titles, ctx, for_file=True)
    stem = f"matra-notes-{agenda.id}"
    left, middle, right = st.columns(3)
    left.download_button(ctx.t("present.download_xlsx"), xlsx_bytes(table, ctx.t("reports.sheet_notes")),
                         file_name=f"{stem}.xlsx", mime=XLSX_MIME, disabled=table.empty, key="present_notes_xlsx")
    middle.download_button(ctx.t("present.download_csv"), csv_bytes(table, csv_dialect(ctx.lang)),
                           file_name=f"{stem}.csv", mime="text/csv", disabled=table.empty, key="present_notes_csv",
                           help=t(f"reports.csv_help_{csv_dialect(ctx.lang)}", ctx.lang))
    agenda_deck = _deck_function()
    if agenda_deck is None:
        right.caption(ctx.t("present.deck_unavailable"))
        return
    deck_key = (f"present_deck_{agenda.id}_{ctx.lang}_{len(notes)}_"
                f"{max((n['updated_at'] for n in notes), default='')}")
    right.button(ctx.t("present.prepare_deck"), key="present_prepare_deck", on_click=_prepare_deck,
                 args=(agenda_deck, replace(agenda, lang=ctx.lang), notes, deck_key))
    result = st.session_state.get(deck_key)
    if isinstance(result, bytes):
        right.download_button(ctx.t("present.download_deck"), result, file_name=f"{stem}.pptx", mime=PPTX_MIME,
                              key="present_deck_download")
    elif result is not None:
        right.error(ctx.t("present.deck_failed", reason=plain(result)))
    handout(agenda, ctx, notes, deck_key.replace("present_deck_", "present_handout_"), stem)


def handout(agenda, ctx, notes: list[dict], handout_key: str, stem: str) -> None:
    """The PDF handout of the agenda (A4 landscape, one slide per page): made on request, since it
    starts a headless browser for the chart pictures (stopped again once the file is made)."""
    from reports.handout import agenda_handout

    st.button(ctx.t("present.prepare_handout"), key="present_prepare_handout", on_click=_prepare_deck,
              args=(agenda_handout, replace(agenda, lang=ctx.lang), notes, handout_key), icon=":material/print:",
              help=ctx.t("present.handout_help"))
    result = st.session_state.get(handout_key)
    if isinstance(result, bytes):
        st.download_button(ctx.t("present.download_handout"), result, file_name=f"{stem}.pdf",
                           mime="application/pdf", key="present_handout_download", icon=":material/download:")
    elif result is not None:
        st.error(ctx.t("present.handout_failed", reason=plain(result)))


def _prepare_deck(agenda_deck, agenda, notes: list[dict], deck_key: str) -> None:
    """Make the deck into the session (bytes, or the reason it failed). The deck freezes itself to the
    agenda's snapshots; it gets the live store so it can say whether newer data exists."""
    try:
        st.session_state[deck_key] = agenda_deck(cached.store(), agenda, notes=notes)
    except Exception as error:  # an export must never take the meeting page down
        st.session_state[deck_key] = str(error)[:200] or type(error).__name__
