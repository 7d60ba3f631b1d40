"""The agenda builder: pick views and their selections, order them, give a title, save as a link.

The items being built live in the session (not the URL: a half-built agenda is not worth a link).
Saving freezes the agenda to the snapshots active now and puts its token in `?agenda=`.
"""

from __future__ import annotations

import streamlit as st

from components import cached, url_state, widgets
from components.pickers import region_label
from components.text import plain
from reports.agenda import VIEWS, Agenda, AgendaItem, encode
from scoring import INDEX_CODE
from sections.present.slides import slide_title
from views.compare import MAX_REGIONS

ITEMS_KEY = "present_items"
TITLE_KEY = "present_title"


def load(agenda: Agenda) -> None:
    """Put an agenda's items and title in the builder (to edit it into a new agenda)."""
    st.session_state[ITEMS_KEY] = [{"view": i.view, "params": dict(i.params), "title": i.title}
                                   for i in agenda.items]
    st.session_state[TITLE_KEY] = agenda.title


def _items() -> list[dict]:
    return st.session_state.setdefault(ITEMS_KEY, [])


def _move(index: int, step: int) -> None:
    items = _items()
    items[index], items[index + step] = items[index + step], items[index]


def _remove(index: int) -> None:
    del _items()[index]


def _add(view: str, selections: list[dict[str, str]], title: str) -> None:
    for params in selections:
        _items().append({"view": view, "params": params, "title": title.strip() if len(selections) == 1 else ""})


def _save(ctx, title: str, on_saved) -> None:
    agenda = Agenda(title=title.strip(), year=int(ctx.year), stage=ctx.stage, lang=ctx.lang,
                    snapshot_ids=cached.store().current_snapshot_ids(),
                    items=tuple(AgendaItem(i["view"], i["params"], i["title"]) for i in _items()))
    on_saved(encode(agenda))


def _view_selections(view: str, ctx, regions) -> list[dict[str, str]]:
    """Widgets for the selections of `view`; one params dict per agenda item to add."""
    labels = region_label(regions)
    codes = sorted(labels, key=labels.get)
    if view == "overview":
        provinces = dict(zip(regions["province_code"], regions["province_name"], strict=False))
        left, right = st.columns(2)
        chosen = widgets.multiselect(left, ctx.t("overview.filter_province"), sorted(provinces),
                                     key="present_new_province", format_func=provinces.get,
                                     placeholder=ctx.t("present.national"), **url_state.SEARCH)
        kind = widgets.selectbox(right, ctx.t("overview.filter_kind"), ["", "kabupaten", "kota"],
                                 key="present_new_kind",
                                 format_func=lambda k: ctx.t(f"word.{k}") if k else ctx.t("overview.all"))
        return [{key: value for key, value in (("province", ",".join(chosen)), ("kind", kind)) if value}]
    choose = ctx.t("widget.choose_options")
    if view == "scenario":
        return _scenario_selections(ctx, codes, labels)
    if view in ("region", "gaps", "claims", "plan"):
        chosen = widgets.multiselect(st, ctx.t("present.regions_each"), codes, key=f"present_new_{view}_regions",
                                     format_func=labels.get, max_selections=MAX_REGIONS,
                                     placeholder=choose, **url_state.SEARCH)
        return [{"region": code} for code in chosen]
    if view == "compare":
        chosen = widgets.multiselect(st, ctx.t("compare.regions"), codes, key="present_new_compare_regions",
                                     format_func=labels.get, max_selections=MAX_REGIONS,
                                     placeholder=choose, **url_state.SEARCH)
        return [{"regions": ",".join(chosen)}] if len(chosen) >= 2 else []
    framework = cached.framework_of(ctx.year, ctx.stage)
    dimension_names = framework.dimension_names(ctx.lang)
    left, right = st.columns([3, 1])
    chosen = widgets.multiselect(left, ctx.t("trends.regions"), codes, key="present_new_trends_regions",
                                 format_func=labels.get, max_selections=MAX_REGIONS,
                                 placeholder=choose, **url_state.SEARCH)
    measure = widgets.selectbox(right, ctx.t("trends.measure"), [INDEX_CODE, *dimension_names],
                                key="present_new_measure",
                                format_func=lambda c: ctx.t("word.index") if c == INDEX_CODE else dimension_names[c])
    return [{"regions": ",".join(chosen), "dimension": measure}] if chosen else []


def _scenario_selections(ctx, codes: list[str], labels: dict[str, str]) -> list[dict[str, str]]:
    """A region, then some of its scenarios saved for the agenda's year and stage."""
    left, right = st.columns(2)
    region = widgets.selectbox(left, ctx.t("present.scenario_region"), codes, key="present_new_scenario_region",
                               format_func=labels.get, index=None, placeholder=ctx.t("widget.choose_option"))
    saved = {s.id: s.name for s in cached.store().scenarios(region, ctx.year, ctx.stage)} if region else {}
    chosen = widgets.multiselect(right, ctx.t("present.scenario_pick"), list(saved), key="present_new_scenarios",
                                 format_func=saved.get, placeholder=ctx.t("widget.choose_options"),
                                 disabled=not saved, **url_state.SEARCH)
    return [{"region": region, "scenario": scenario_id} for scenario_id in chosen if scenario_id in saved]


def _add_form(ctx, regions) -> None:
    with st.container(border=True):
        st.markdown(f"**{plain(ctx.t('present.add_title'))}**")
        view = widgets.selectbox(st, ctx.t("present.view"), VIEWS, key="present_new_view",
                                 format_func=lambda v: ctx.t(f"present.view_{v}"))
        selections = _view_selections(view, ctx, regions)
        title = st.text_input(ctx.t("present.item_title"), key="present_new_title", max_chars=120,
                              help=ctx.t("present.item_title_help"))
        if not selections:
            st.caption(ctx.t(f"present.need_{view}"))
        # Callbacks, not return values: they survive a rerun that happens before this line.
        st.button(ctx.t("present.add"), key="present_add", disabled=not selections, icon=":material/add:",
                  on_click=_add, args=(view, selections, title))


def _item_list(ctx, names: dict[str, str]) -> None:
    items = _items()
    if not items:
        st.info(ctx.t("present.empty_agenda"))
        return
    for index, item in enumerate(items):
        text, up, down, remove = st.columns([12, 1, 1, 1], vertical_alignment="center")
        agenda_item = AgendaItem(item["view"], item["params"], item["title"])
        view_name = ctx.t(f"present.view_{item['view']}")
        text.markdown(f"{index + 1}. {plain(slide_title(agenda_item, ctx, names))} · *{plain(view_name)}*")
        up.button("↑", key=f"present_up_{index}", on_click=_move, args=(index, -1), disabled=index == 0,
                  help=ctx.t("present.move_up"))
        down.button("↓", key=f"present_down_{index}", on_click=_move, args=(index, 1),
                    disabled=index == len(items) - 1, help=ctx.t("present.move_down"))
        remove.button("✕", key=f"present_remove_{index}", on_click=_remove, args=(index,),
                      help=ctx.t("present.remove"))


def builder(ctx, on_saved) -> None:
    """Draw the builder; saving freezes the agenda to the active snapshots and calls
    `on_saved(token)` (before the next run, so the page can open the agenda)."""
    regions = cached.regions()
    names = dict(zip(regions["code"], regions["name"], strict=True))
    title = st.text_input(ctx.t("present.agenda_title"), key=TITLE_KEY, max_chars=120,
                          placeholder=ctx.t("present.agenda_title_hint"))
    st.caption(ctx.t("present.builder_data", year=ctx.year, stage=ctx.stage))
    _add_form(ctx, regions)
    st.subheader(ctx.t("present.items_title"))
    _item_list(ctx, names)
    st.button(ctx.t("present.save"), key="present_save", type="primary", disabled=not _items(),
              icon=":material/link:", on_click=_save, args=(ctx, title, on_saved))
