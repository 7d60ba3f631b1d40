"""The what-if panel: choose programmes that finish and indicators at new levels, see the index,
band, national and province rank move at once beside the actual figures.

Every choice lives in the URL (whatif_programmes, whatif_indicators, wl_<code>), so a copied link
reproduces the scenario. A signed-in note taker or administrator can save the choices as a named
scenario (store/scenarios.py); `?scenario=<id>` opens it, and changing any choice leaves it.
"""

from __future__ import annotations

import streamlit as st

from components import auth, cached, url_state
from components.figures import change_metric
from components.signin import signin_section
from components.text import plain
from i18n import format_date, format_number
from scoring.whatif import VERIFY, WhatIfError
from store.atomic import StoreBusy, StoreUnavailable
from store.scenarios import NAME_LIMIT, Scenario, ScenarioRefused

SCENARIO_KEY = "scenario"          # the URL parameter of a saved scenario
APPLIED_KEY = "_whatif_scenario_applied"


def _leave_scenario() -> None:
    """A choice changed by hand: the view is no longer the saved scenario (its link would mislead)."""
    st.session_state[SCENARIO_KEY] = ""
    st.session_state[APPLIED_KEY] = ""


def _apply(scenario: Scenario | None, codes: list[str], programme_codes: list[str]) -> None:
    """Put a saved scenario's choices in the widgets (before they are drawn), once per choice of it."""
    chosen = scenario.id if scenario else ""
    if st.session_state.get(APPLIED_KEY) == chosen:
        return
    st.session_state[APPLIED_KEY] = chosen
    if scenario is None:
        return
    st.session_state["whatif_programmes"] = [c for c in scenario.programmes if c in programme_codes]
    st.session_state["whatif_indicators"] = [c for c in scenario.levels if c in codes]
    for code, level in scenario.levels.items():
        st.session_state[f"wl_{code}"] = level


def _saved_scenarios(ctx, region: str, codes: list[str], programme_codes: list[str]) -> Scenario | None:
    """The picker of the region's saved scenarios of this year and stage; the one chosen (or None)."""
    saved = {s.id: s for s in cached.store().scenarios(region, ctx.year, ctx.stage)}
    if not saved and not url_state.url_value(SCENARIO_KEY):
        return None
    chosen_id = url_state.selectbox(
        ctx.t("whatif.saved_pick"), ["", *saved], key=SCENARIO_KEY, default="",
        format_func=lambda i: ctx.t("whatif.none") if not i else
        f"{saved[i].name} · {format_date(saved[i].created_at, ctx.lang)}")
    scenario = saved.get(chosen_id)
    _apply(scenario, codes, programme_codes)
    if scenario is not None:
        st.caption(ctx.t("whatif.loaded", name=plain(scenario.name), by=plain(scenario.created_by),
                         date=format_date(scenario.created_at, ctx.lang)))
    return scenario


def _save(ctx, region: str, levels: dict, programmes: list[str]) -> None:
    name = st.session_state.get("whatif_save_name", "")
    try:
        writer = auth.require("scenarios")   # re-checked now: the button may be older than the sign-in
        saved = cached.store().save_scenario(Scenario(region, name, int(ctx.year), ctx.stage, dict(levels),
                                                      tuple(programmes)), **writer.recorded())
    except auth.NotAllowed:
        st.session_state["_whatif_save_error"] = ctx.t("auth.not_allowed")
        return
    except ScenarioRefused as refused:
        st.session_state["_whatif_save_error"] = ctx.t(f"whatif.refused_{refused.code}", value=refused.value)
        return
    except WhatIfError as error:
        st.session_state["_whatif_save_error"] = str(error)
        return
    except StoreBusy:
        st.session_state["_whatif_save_error"] = ctx.t("present.busy")
        return
    except StoreUnavailable as error:   # the disk refused (read-only, full): nothing written
        st.session_state["_whatif_save_error"] = error.message(ctx.lang)
        return
    st.session_state[SCENARIO_KEY] = st.session_state[APPLIED_KEY] = saved.id
    st.session_state["_whatif_saved"] = saved.name


def _save_form(ctx, region: str, levels: dict, programmes: list[str]) -> None:
    """Name and save the current choices (a note taker or administrator only)."""
    saved_name = st.session_state.pop("_whatif_saved", None)
    if saved_name:
        st.success(ctx.t("whatif.saved", name=plain(saved_name)))
    error = st.session_state.pop("_whatif_save_error", None)
    if error:
        st.error(error)
    if not levels and not programmes:
        return
    writer = auth.current_identity()
    if writer is None or not writer.may("scenarios"):
        # Sign-in where the save is: the same section as the Data and meeting pages (components/signin.py).
        if auth.note_writes_enabled():
            with st.expander(ctx.t("whatif.signin_expander"), icon=":material/login:"):
                signin_section(ctx, "scenarios", "whatif.signin_to_save", key="whatif_signin")
        return
    name, button = st.columns([3, 1], vertical_alignment="bottom")
    name.text_input(ctx.t("whatif.save_name"), key="whatif_save_name", max_chars=NAME_LIMIT)
    button.button(ctx.t("whatif.save"), key="whatif_save", icon=":material/bookmark_add:",
                  on_click=_save, args=(ctx, region, levels, programmes))


def whatif_panel(ctx, region: str, framework, grid, register) -> None:
    """Draw the panel for one region (grid: its indicator grid; register: its programmes)."""
    st.subheader(ctx.t("whatif.title"))
    st.caption(ctx.t("whatif.intro"))
    names = dict(zip(register["programme_code"], register["name"], strict=True))
    codes = list(grid["indicator_code"])
    _saved_scenarios(ctx, region, codes, list(names))
    chosen_programmes = (url_state.multiselect(ctx.t("whatif.programmes"), list(names), key="whatif_programmes",
                                               format_func=lambda c: f"{c} · {names.get(c, '')}",
                                               on_change=_leave_scenario)
                         if names else [])  # a region without a register (the gaps page) chooses indicators only
    chosen_indicators = url_state.multiselect(
        ctx.t("whatif.indicators"), codes, key="whatif_indicators", max_selections=12,
        format_func=lambda c: f"{c} · {framework.indicator(c).name(ctx.lang)}", on_change=_leave_scenario)
    current = dict(zip(grid["indicator_code"], grid["effective_level"].astype(int), strict=True))
    levels = {}
    columns = st.columns(4)
    options = (*range(framework.max_level + 1), VERIFY)   # the framework's levels 0..max_level, or verify
    for position, code in enumerate(chosen_indicators):
        levels[code] = url_state.selectbox(
            ctx.t("whatif.level", code=code), options, key=f"wl_{code}",
            default=min(framework.max_level, current[code] + 1),
            container=columns[position % 4], on_change=_leave_scenario,
            format_func=lambda v: ctx.t("whatif.verify") if v == VERIFY else str(v))
    try:
        result = cached.whatif(ctx.data_version, region, ctx.year, ctx.stage, levels, chosen_programmes)
    except WhatIfError as error:  # a stale link naming a programme that is gone
        st.warning(str(error))
        return
    if result is None:
        return
    bands = framework.band_labels(ctx.lang)
    index, band, rank, province = st.columns(4)
    change_metric(index, ctx.t("whatif.index"), format_number(result.index_after, ctx.lang), result.index_change,
                  ctx.lang, help=ctx.t("whatif.actual", value=format_number(result.index_before, ctx.lang)))
    band.metric(ctx.t("whatif.band"), bands[result.band_after],
                delta=result.band_after - result.band_before or None,
                help=ctx.t("whatif.actual", value=bands[result.band_before]))
    rank.metric(ctx.t("whatif.rank"), f"{result.rank_after} / {result.regions}",
                delta=(result.rank_before - result.rank_after) or None,
                help=ctx.t("whatif.actual", value=result.rank_before))
    province.metric(ctx.t("whatif.province_rank"), str(result.province_rank_after),
                    delta=((result.province_rank_before or 0) - (result.province_rank_after or 0)) or None,
                    help=ctx.t("whatif.actual", value=result.province_rank_before))
    st.caption(" · ".join(ctx.t("whatif.actual", value=v) for v in (
        format_number(result.index_before, ctx.lang), bands[result.band_before],
        f"#{result.rank_before}", f"#{result.province_rank_before}")))
    _save_form(ctx, region, levels, chosen_programmes)
