"""The one sign-in section of the app: who is signed in and in which role, sign-in (the OIDC button,
or a name and password checked through the service-wide limits) and sign-out.

Every place that writes draws this same section: the Data page (uploads and the administrator's
writes), the meeting page (notes) and the what-if panel of the region and gaps pages (saved
scenarios), each with one line saying what signing in allows there. A password sign-in accepts any
account (or, without a users file, the administrator's or the meeting secretary's shared password)
and the role decides what the person may write; roles and checks: components/auth.py.
"""

from __future__ import annotations

import math

import streamlit as st

from components import auth
from components.text import plain
from store.atomic import StoreUnavailable
from store.users import Identity

# What a signed-in account that may not write here is told, by what the place writes.
NOT_HERE = {"upload": "auth.no_data_writes", "notes": "auth.no_note_writes", "scenarios": "auth.no_note_writes"}


def role_text(ctx, identity: Identity) -> str:
    """"data steward (35.09, 35.10)" in the UI language."""
    role = ctx.t(f"auth.role_{identity.role}")
    return f"{role} ({', '.join(identity.regions)})" if identity.regions else role


def _password_form(ctx, key: str) -> None:
    with st.form(key, clear_on_submit=True):
        name = st.text_input(ctx.t("data.name"), max_chars=auth.NAME_LIMIT)
        password = st.text_input(ctx.t("data.password"), type="password")
        submitted = st.form_submit_button(ctx.t("data.signin"))
    if not submitted:
        return
    try:
        result = auth.sign_in(name, password)
    except StoreUnavailable as error:   # the failure count cannot be kept: no password is checked
        st.error(error.message(ctx.lang))
        return
    if result.ok:
        st.rerun()
    elif result.wait_seconds:
        st.error(ctx.t("present.signin_wait", seconds=max(1, math.ceil(result.wait_seconds))))
    else:
        st.error(ctx.t("data.wrong_password"))


def signin_section(ctx, action: str, purpose: str, key: str = "signin") -> Identity | None:
    """Draw the sign-in (nobody signed in: `purpose`, the message key saying what signing in allows
    here) or who is signed in with a sign-out button (and, when that account may not do `action`,
    why nothing here is offered). Returns the identity, or None. `key` prefixes the widget keys so
    the section can sit on any page."""
    identity = auth.current_identity()
    if identity is None:
        st.markdown(f"**{plain(ctx.t('auth.signin_title'))}**")
        st.caption(ctx.t(purpose))
        if auth.oidc_configured():
            st.button(ctx.t("data.signin_oidc"), on_click=st.login, key=f"{key}_oidc")
        else:
            _password_form(ctx, key)
        return None
    info, out = st.columns([4, 1], vertical_alignment="center")
    info.success(ctx.t("auth.signed_in_as", name=plain(identity.name), role=role_text(ctx, identity)))
    out.button(ctx.t("data.signout"), key=f"{key}_out",
               on_click=st.logout if auth.oidc_configured() else auth.sign_out)
    if not identity.may(action):
        st.info(ctx.t(NOT_HERE[action]))
    return identity
