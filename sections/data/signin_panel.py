"""The Data page's sign-in: who is signed in and in which role, sign-in (OIDC button, or name and
password checked through the service-wide limits) and sign-out. Roles and checks: components/auth.py."""

from __future__ import annotations

import math

import streamlit as st

from components import auth
from components.text import plain
from store.atomic import StoreUnavailable
from store.users import Identity


def role_text(ctx, identity: Identity) -> str:
    """"data steward (35.09, 35.10)" in the UI language."""
    role = ctx.t(f"auth.role_{identity.role}")
    return f"{role} ({', '.join(identity.regions)})" if identity.regions else role


def _password_form(ctx) -> None:
    with st.form("signin", clear_on_submit=True):
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


def signin_panel(ctx) -> Identity | None:
    """Draw the sign-in (nobody signed in) or who is signed in; the identity, or None."""
    identity = auth.current_identity()
    if identity is None:
        st.subheader(ctx.t("auth.signin_title"))
        st.caption(ctx.t("auth.signin_needed"))
        if auth.oidc_configured():
            st.button(ctx.t("data.signin_oidc"), on_click=st.login, key="oidc_login")
        else:
            _password_form(ctx)
        return None
    info, out = st.columns([4, 1])
    info.success(ctx.t("auth.signed_in_as", name=plain(identity.name), role=role_text(ctx, identity)))
    out.button(ctx.t("data.signout"), key="signout", on_click=st.logout if auth.oidc_configured() else auth.sign_out)
    if not identity.may("upload"):
        st.info(ctx.t("auth.no_data_writes"))
    return identity
