"""Who may write: an administrator (uploads, commits, retractions, targets) and a meeting secretary
(meeting notes and follow-ups on /present; an administrator may write those too).

With Streamlit's OIDC sign-in configured (an [auth] section in secrets), it is used for both.
Otherwise each role has a password: MATRA_ADMIN_PASSWORD (or the secret `admin_password`) and
MATRA_SECRETARY_PASSWORD (or the secret `secretary_password`), compared in constant time. A role
without a password cannot sign in; with no password at all, the write controls are off and the
pages say how to turn them on.

Sign-in attempts are rate limited: after a failed attempt the next one is refused for a delay that
doubles with each further failure (1, 2, 4 … up to 5 minutes), counted both for the browser session
and for the name entered, so changing either alone does not reset it. A success clears both
counters. Passwords are never logged, shown, kept in session state or put in a URL: the sign-in
forms are plain st.form widgets (not URL-bound) and the password field is cleared on submit.
"""

from __future__ import annotations

import hmac
import threading
import time
from dataclasses import dataclass

import streamlit as st

from store.settings import setting

SESSION_KEY = "_admin_name"
SECRETARY_KEY = "_secretary_name"
FAILURES_KEY = "_sign_in_failures"
NAME_LIMIT = 60
FIRST_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 300.0


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
    return setting("MATRA_ADMIN_PASSWORD") or _secret("admin_password")


def secretary_password() -> str | None:
    return setting("MATRA_SECRETARY_PASSWORD") or _secret("secretary_password")


def writes_enabled() -> bool:
    return oidc_configured() or bool(admin_password())


def note_writes_enabled() -> bool:
    """Whether anyone can sign in to write meeting notes (secretary or administrator)."""
    return writes_enabled() or bool(secretary_password())


def _matches(given: str, expected: str | None) -> bool:
    if not expected or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def password_matches(given: str) -> bool:
    return _matches(given, admin_password())


def _oidc_name() -> str | None:
    user = getattr(st, "user", None)
    if user is not None and getattr(user, "is_logged_in", False):
        return str(user.get("email") or user.get("name") or "admin")
    return None


def current_admin() -> str | None:
    """The signed-in administrator's name, or None for a viewer."""
    if oidc_configured():
        return _oidc_name()
    return st.session_state.get(SESSION_KEY)


def current_note_writer() -> str | None:
    """The name of the person signed in to write meeting notes (secretary or administrator)."""
    if oidc_configured():
        return _oidc_name()
    return st.session_state.get(SECRETARY_KEY) or st.session_state.get(SESSION_KEY)


# --- rate limiting ------------------------------------------------------------------------------

@dataclass
class Failures:
    count: int = 0
    last: float = 0.0

    def wait(self, now: float) -> float:
        """Seconds until the next attempt is allowed (0 when it is)."""
        if self.count == 0:
            return 0.0
        delay = min(FIRST_DELAY_SECONDS * 2 ** (self.count - 1), MAX_DELAY_SECONDS)
        return max(0.0, self.last + delay - now)


_by_name: dict[str, Failures] = {}
_by_name_lock = threading.Lock()


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())[:NAME_LIMIT]


def _session_failures() -> Failures:
    return st.session_state.setdefault(FAILURES_KEY, Failures())


def seconds_to_wait(name: str, now: float | None = None) -> float:
    """How long this session must wait before trying to sign in as `name` again."""
    now = time.monotonic() if now is None else now
    with _by_name_lock:
        by_name = _by_name.get(_name_key(name), Failures())
    return max(_session_failures().wait(now), by_name.wait(now))


def _record(name: str, success: bool, now: float) -> None:
    session = _session_failures()
    with _by_name_lock:
        by_name = _by_name.setdefault(_name_key(name), Failures())
        for failures in (session, by_name):
            failures.count, failures.last = (0, 0.0) if success else (failures.count + 1, now)
        if success:
            _by_name.pop(_name_key(name), None)


@dataclass(frozen=True)
class SignInResult:
    ok: bool
    wait_seconds: float = 0.0   # > 0: refused without checking the password (too many failures)


def _attempt(name: str, password: str, accepted: tuple[str | None, ...], session_key: str,
             fallback: str) -> SignInResult:
    now = time.monotonic()
    wait = seconds_to_wait(name, now)
    if wait > 0:
        return SignInResult(False, wait)
    if any([_matches(password, expected) for expected in accepted]):   # a list: compare with every one
        _record(name, True, now)
        st.session_state[session_key] = (name or fallback).strip()[:NAME_LIMIT] or fallback
        return SignInResult(True)
    _record(name, False, now)
    return SignInResult(False)


def sign_in(name: str, password: str) -> bool:
    """Administrator password sign-in; records the name for the manifest. False (and no state) on
    a mismatch or while sign-in is held back after failures."""
    return _attempt(name, password, (admin_password(),), SESSION_KEY, "admin").ok


def sign_in_secretary(name: str, password: str) -> SignInResult:
    """Meeting-secretary sign-in with the name to record on notes. The administrator's password
    signs in too (as a note writer only). A name is required: it is what notes record."""
    if not name or not name.strip():
        return SignInResult(False)
    return _attempt(name, password, (secretary_password(), admin_password()), SECRETARY_KEY, "")


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)
    st.session_state.pop(SECRETARY_KEY, None)
