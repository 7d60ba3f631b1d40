"""The Data page's retract and restore panels and the audit log table (administrators only).

Both panels read the snapshots as they are now (never a list read before a commit in the same run)
and key their selectbox by that list's content, so a changed list starts with nothing chosen
instead of silently keeping or shifting a choice. A choice shows what the change does before the
button is live: the year, stage and regions, every index that changes, and which snapshot is
active afterwards, or that the year and stage will have no data (a second confirmation). After a
write the page runs again, so every list and table on it shows the new state.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from components import auth, widgets
from i18n import catalogue, format_date, format_number
from store.atomic import StoreUnavailable
from store.audit import reason_words
from store.problems import IngestRefused

FLASH = "_steward_flash"
AUDIT_ROWS = 200   # the newest lines shown on the page; `python -m store log` prints them all


def flash(kind: str, text: str) -> None:
    """Remember a message for the next run (shown by `show_flash`) and run the page again."""
    st.session_state[FLASH] = (kind, text)
    st.rerun()


def show_flash() -> None:
    """Show (once) the message a write left before the page ran again."""
    kind, text = st.session_state.pop(FLASH, (None, ""))
    if kind == "success":
        st.success(text)
    elif kind == "error":
        st.error(text)


def _list_key(prefix: str, snapshots) -> str:
    content = "|".join(f"{s.id}:{s.status}" for s in snapshots)
    return f"{prefix}_{hashlib.sha256(content.encode()).hexdigest()[:12]}"


def _label(snapshot, ctx) -> str:
    status = ctx.t(f"data.status_{snapshot.status}")
    return (f"{snapshot.year} · {ctx.t('sidebar.stage')} {snapshot.stage} · {status} · "
            f"{format_date(snapshot.created_at, ctx.lang)} {snapshot.created_at[11:16]} · {snapshot.source} · "
            f"{snapshot.id}")


def _moves_table(moves: pd.DataFrame, ctx) -> None:
    none = ctx.t("steward.no_data_value")
    st.dataframe(pd.DataFrame({
        ctx.t("word.region"): moves["name"],
        ctx.t("data.col_current"): moves["current_index"].map(lambda v: format_number(v, ctx.lang)
                                                               if pd.notna(v) else none),
        ctx.t("steward.col_after"): moves["new_index"].map(lambda v: format_number(v, ctx.lang)
                                                           if pd.notna(v) else none),
        ctx.t("word.change"): moves["change"].map(lambda v: format_number(v, ctx.lang, signed=True)
                                                  if pd.notna(v) else ""),
    }), hide_index=True, width="stretch")


def _describe(store, ctx, change) -> None:
    """Say what the change does: year, stage, regions, which snapshot is active afterwards."""
    target = change.target
    st.write(ctx.t(f"steward.{change.action}_what", year=target.year, stage=target.stage, regions=target.regions,
                   id=target.id))
    if change.active_after is None:
        st.error(ctx.t("steward.leaves_empty", year=target.year, stage=target.stage))
    elif change.action == "retract":
        after = change.active_after
        st.info(ctx.t("steward.becomes_active", id=after.id, by=after.created_by, source=after.source,
                      when=format_date(after.created_at, ctx.lang)))
    elif change.active_before is not None:
        st.info(ctx.t("steward.becomes_superseded", id=change.active_before.id))
    moves = store.change_index_moves(change)
    if moves.empty:
        st.caption(ctx.t("steward.no_index_change"))
    else:
        st.caption(ctx.t("steward.index_changes", count=len(moves)))
        _moves_table(moves, ctx)


def _write(store, ctx, admin: str, change, allow_empty: bool) -> None:
    try:
        who = auth.require("retract")   # re-checked at the moment of writing (components/auth.py)
        if change.action == "retract":
            store.retract(change.target.id, allow_empty=allow_empty, **who.recorded())
        else:
            store.restore(change.target.id, **who.recorded())
    except auth.NotAllowed:
        st.error(ctx.t("auth.not_allowed"))
    except StoreUnavailable as error:
        st.error(error.message(ctx.lang))
    except IngestRefused as refused:   # e.g. another session retracted the earlier version meanwhile
        st.error(ctx.t(f"steward.{change.action}_refused", id=change.target.id,
                       reason=" ".join(problem.message(ctx.lang) for problem in refused.problems)))
    else:
        flash("success", ctx.t(f"steward.{change.action}_done", id=change.target.id, year=change.target.year,
                               stage=change.target.stage))


def _panel(store, ctx, admin: str, action: str, candidates) -> None:
    """One panel: choose a snapshot (nothing chosen at first), see the effect, confirm, write."""
    if not candidates:
        st.caption(ctx.t(f"steward.{action}_none"))
        return
    key = _list_key(f"{action}_pick", candidates)
    labels = {s.id: _label(s, ctx) for s in candidates}
    chosen = widgets.selectbox(st, ctx.t(f"steward.{action}_pick"), list(labels), index=None, format_func=labels.get,
                               placeholder=ctx.t("steward.choose"), key=key)
    if chosen is None:
        return
    change = store.change_effect(chosen, action)
    _describe(store, ctx, change)
    confirmed = st.checkbox(ctx.t(f"steward.{action}_confirm"), key=f"{key}_confirm_{chosen}")
    empty_ok = True
    if change.leaves_empty:
        empty_ok = st.checkbox(ctx.t("steward.confirm_empty", year=change.target.year, stage=change.target.stage),
                               key=f"{key}_empty_{chosen}")
    if st.button(ctx.t(f"steward.{action}_button"), disabled=not (confirmed and empty_ok), key=f"{key}_button"):
        _write(store, ctx, admin, change, allow_empty=change.leaves_empty and empty_ok)


def retract_panel(store, ctx, admin: str) -> None:
    """Retract an active snapshot, read from the manifest as it is now (newest first)."""
    st.subheader(ctx.t("steward.retract_title"))
    snapshots = store.snapshots()
    _panel(store, ctx, admin, "retract", [s for s in reversed(snapshots) if s.status == "active"])


def restore_panel(store, ctx, admin: str) -> None:
    """Make a retracted or superseded snapshot active again (newest first)."""
    st.subheader(ctx.t("steward.restore_title"))
    st.caption(ctx.t("steward.restore_hint"))
    snapshots = store.snapshots()
    _panel(store, ctx, admin, "restore", [s for s in reversed(snapshots) if s.status != "active"])


def _in_words(ctx, prefix: str, name: str) -> str:
    """An audit log's action or role in the UI language ("users.add" -> key prefix + "users_add");
    a name without a message (a later write, an older log) as it was recorded."""
    key = f"{prefix}{str(name).replace('.', '_')}"
    return ctx.t(key) if key in catalogue() else str(name)


def audit_table(store, ctx) -> None:
    """The newest lines of the audit log (who did what, refused writes too), newest first."""
    st.subheader(ctx.t("steward.audit_title"))
    entries = store.audit_log()[-AUDIT_ROWS:][::-1]
    if not entries:
        st.caption(ctx.t("steward.audit_empty"))
        return
    st.caption(ctx.t("steward.audit_hint", shown=len(entries)))
    st.dataframe(pd.DataFrame({
        ctx.t("data.col_when"): [f"{format_date(e['when'], ctx.lang)} {str(e['when'])[11:19]}" for e in entries],
        ctx.t("data.col_by"): [str(e["who"]) for e in entries],
        ctx.t("steward.col_role"): [_in_words(ctx, "auth.role_", e["role"]) for e in entries],
        ctx.t("steward.col_action"): [_in_words(ctx, "steward.action_", e["action"]) for e in entries],
        ctx.t("steward.col_outcome"): [ctx.t(f"steward.outcome_{e['outcome']}") if e["outcome"] in ("ok", "refused")
                                       else str(e["outcome"]) for e in entries],
        ctx.t("steward.col_ids"): [" ".join(map(str, e["ids"])) if isinstance(e["ids"], list) else str(e["ids"])
                                   for e in entries],
        ctx.t("steward.col_counts"): [" ".join(f"{k}={v}" for k, v in e["counts"].items())
                                      if isinstance(e["counts"], dict) else str(e["counts"]) for e in entries],
        ctx.t("steward.col_detail"): [reason_words(e["reason"], ctx.lang) or str(e["detail"]) for e in entries],
    }), hide_index=True, width="stretch")
