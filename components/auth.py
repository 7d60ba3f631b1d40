"""Who may write: an administrator signs in before any upload, commit, retract or target edit.

With Streamlit's OIDC sign-in configured (an [auth] section in secrets), it is used. Otherwise the
password comes from MATRA_ADMIN_PASSWORD or the secret `admin_password`, compared in constant
time. With neither, write actions are off and the page says how to turn them on.
"""

from __future__ import annotations

import hmac
import os

import streamlit as st

SESSION_KEY = "_admin_name"


def _secret(name: str) -> str | None:
    try:
        value = st.secrets.get(name)
    except (FileNotFoundError, KeyError, AttributeError, Exception):  # no secrets file at all
        return None
    return value if isinstance(value, str) else None


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file
        return False


def admin_password() -> str | None:
    return os.environ.get("MATRA_ADMIN_PASSWORD") or _secret("admin_password")


def writes_enabled() -> bool:
    return oidc_configured() or bool(admin_password())


def password_matches(given: str) -> bool:
    expected = admin_password()
    if not expected or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def current_admin() -> str | None:
    """The signed-in administrator's name, or None for a viewer."""
    if oidc_configured():
        user = getattr(st, "user", None)
        if user is not None and getattr(user, "is_logged_in", False):
            return str(user.get("email") or user.get("name") or "admin")
        return None
    return st.session_state.get(SESSION_KEY)


def sign_in(name: str, password: str) -> bool:
    """Password sign-in; records the name for the manifest. False (and no state) on a mismatch."""
    if password_matches(password):
        st.session_state[SESSION_KEY] = (name or "admin").strip()[:60] or "admin"
        return True
    return False


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)
