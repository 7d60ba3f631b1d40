"""Presentation mode: build a meeting agenda, present it as slides frozen to its data, keep notes.

/present                         the agenda builder
/present?agenda=TOKEN            the agenda's desk: data status, link, notes and follow-ups, exports
/present?agenda=TOKEN&mode=slides&slide=3   slide 3, full screen
"""

import streamlit as st

from components import cached, frame
from components.text import plain
from i18n import DEFAULT_LANGUAGE, LANGUAGES
from reports.agenda import AgendaError, decode, encode
from sections.present import agenda_builder, agenda_data, meeting_desk, slides
from store import meetings
from store.manifest import shared_year_stages

LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def agenda_link(token: str) -> str:
    """The full address that reopens the agenda (relative when the browser's address is unknown)."""
    base = (st.context.url or "").rstrip("/")   # the browser's address, without query
    base = base.removesuffix("/present")        # with or without this page's path, by Streamlit version
    return f"{base}/present?agenda={token}"


def open_agenda(token: str, mode: str, slide: int | None = None) -> None:
    st.query_params.clear()
    st.query_params.update({"agenda": token, "mode": mode, "lang": ctx.lang,
                            **({"slide": str(slide)} if slide else {})})


def switch_language(lang: str) -> None:
    st.session_state["lang"] = lang
    st.query_params["lang"] = lang


def new_agenda() -> None:
    st.query_params.clear()


def edit_agenda(agenda) -> None:
    agenda_builder.load(agenda)
    new_agenda()


def slide_controls(number: int, total: int) -> None:
    """Previous, the counter, Next, the language switch and Leave, in one row. Buttons are as wide as
    their label (never cut short); the keyboard (← →, PageUp/PageDown) presses Previous and Next."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="slide_controls"):
        st.button(ctx.t("present.previous"), key="present_previous", disabled=number <= 1,
                  icon=":material/arrow_back:", on_click=open_agenda, args=(token, "slides", number - 1),
                  help=ctx.t("present.previous_help"))
        st.markdown(f"### {number} / {total}", width="content")
        st.button(ctx.t("present.next"), key="present_next", disabled=number >= total,
                  icon=":material/arrow_forward:", on_click=open_agenda, args=(token, "slides", number + 1),
                  help=ctx.t("present.next_help"))
        st.space("stretch")
        other = next(lang for lang in LANGUAGES if lang != ctx.lang)
        st.button(LANGUAGE_NAMES[other], key="present_language", on_click=switch_language, args=(other,),
                  icon=":material/translate:")
        st.button(ctx.t("present.leave"), key="present_leave", on_click=open_agenda, args=(token, "desk"),
                  icon=":material/close:", help=ctx.t("present.leave_help"))
    slides.clicker_keys()


ctx = frame.context()
token = st.query_params.get("agenda")
if not token:
    st.title(ctx.t("present.title"))
    if not frame.has_data(ctx):
        st.stop()
    agenda_builder.builder(ctx, on_saved=lambda saved: open_agenda(saved, "desk"))
    st.stop()

try:
    agenda = decode(token)
    token = encode(agenda)   # the canonical form: links and controls never echo what the URL held
except AgendaError:
    st.title(ctx.t("present.title"))
    st.error(ctx.t("present.bad_link"))
    st.button(ctx.t("present.new_agenda"), key="present_new", on_click=new_agenda)
    st.stop()

if st.session_state.get("present_opened") != agenda.id:
    # A link opens in the agenda's own language unless the viewer already chose the other language
    # (a non-default one); afterwards the switch decides.
    st.session_state["present_opened"] = agenda.id
    if ctx.lang != agenda.lang and ctx.lang == DEFAULT_LANGUAGE:
        st.session_state.pop("lang", None)
        st.query_params["lang"] = agenda.lang
        st.rerun()

status = agenda_data.status(agenda.snapshot_ids)
conflicts = shared_year_stages(status.snapshots)
if conflicts:   # a crafted link: two versions of one year and stage cannot be shown together
    st.title(ctx.t("present.title"))
    st.error(ctx.t("present.conflicting_snapshots", which=", ".join(
        ctx.t("present.year_stage", year=year, stage=stage) for year, stage in conflicts)))
    st.button(ctx.t("present.new_agenda"), key="present_new", on_click=new_agenda)
    st.stop()
shown = agenda_data.frozen_context(ctx, agenda)
source = agenda_data.FrozenData(agenda.snapshot_ids)
regions = cached.regions().set_index("code")
names = regions["name"].to_dict()
titles = {i: slides.slide_title(item, shown, names) for i, item in enumerate(agenda.items)}

if st.query_params.get("mode") == "slides":
    slides.projector_mode()
    total = len(agenda.items) + 2
    try:
        number = min(max(int(st.query_params.get("slide", "1")), 1), total)
    except ValueError:
        number = 1
    slide_controls(number, total)
    with st.container(key="slide_body"):
        if number == 1:
            slides.title_slide(agenda, shown, names)
            if status.newer:
                st.warning(ctx.t("present.newer_short"))
        elif number == total:
            slides.notes_slide(agenda, shown, meetings.read_notes(cached.store().data_dir, agenda.id), names)
        else:
            slides.item_slide(agenda.items[number - 2], shown, source, regions)
    slides.footer(status, shown)
    st.stop()

st.title(plain(agenda.title or ctx.t("present.untitled")))
st.caption(ctx.t("present.subtitle", year=agenda.year, stage=agenda.stage))
meeting_desk.data_status(status, shown)
start, edit, fresh = st.columns(3)
start.button(ctx.t("present.start"), key="present_start", type="primary", icon=":material/slideshow:",
             on_click=open_agenda, args=(token, "slides", 1))
edit.button(ctx.t("present.edit"), key="present_edit", on_click=edit_agenda, args=(agenda,),
            help=ctx.t("present.edit_help"))
fresh.button(ctx.t("present.new_agenda"), key="present_new", on_click=new_agenda)
st.markdown(f"**{plain(ctx.t('present.link'))}**")
st.code(agenda_link(token), language=None, wrap_lines=True)
st.subheader(ctx.t("present.items_title"))
st.markdown("\n".join(f"{i + 1}. {plain(title)}" for i, title in titles.items()))
st.subheader(ctx.t("present.notes_title"))
meeting_desk.notes_form(agenda, shown, titles)
try:
    notes = meetings.read_notes(cached.store().data_dir, agenda.id)
except meetings.NoteError:
    st.error(ctx.t("present.notes_damaged"))
    notes = []
meeting_desk.notes_table(agenda, shown, notes, titles)
meeting_desk.exports(agenda, shown, notes, titles)
