"""Who is signed in, in which role, and whether they may write what they are about to write.

Roles (store/users.py): administrator, data steward (uploads for the regions on the account),
meeting secretary (notes, scenarios), viewer. Three ways to sign in, the first that applies:

1. OIDC (an [auth] section in .streamlit/secrets.toml, Streamlit's st.login): the allow-list in
   [matra_access] maps a claim of the signed-in person (the e-mail address by default) to a role and a
   region scope; everyone else the identity provider knows is a viewer.
2. A users file in the data folder (`python -m store users add ...`): name + password, checked with
   Argon2.
3. The shared passwords (MATRA_ADMIN_PASSWORD, MATRA_SECRETARY_PASSWORD), a fallback for a single-person
   install: the administrator's gives the admin role, the secretary's the secretary role.

Every write re-checks at the moment of writing (`require`): the role is read again from the secrets
or the users file, so an account removed or a role changed takes effect at once, and a session that
never showed a write control (a viewer crafting a widget event) is refused too.

Password checks go through store.signin_limits: failures are counted per account and in total for
the whole service (every session and process), with growing delays and an hourly ceiling. Each checked
sign-in appends a "signin" line to the audit log (ok or refused, the name given and the role; an
attempt held back by the limits is not checked and not logged one by one). Passwords
are never logged, shown, kept in session state or put in a URL: the sign-in forms are st.form
widgets (not URL-bound) cleared on submit.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

import streamlit as st

from components import cached
from store import signin_limits, users
from store.settings import setting
from store.users import ADMIN, SECRETARY, VIEWER, Identity

SESSION_KEY = "_identity"
NAME_LIMIT = users.NAME_LIMIT
ACCESS_SECTION = "matra_access"


class NotAllowed(PermissionError):
    """The person signed in (or nobody) may not make this write; `regions` names the regions outside
    their scope when that is why."""

    def __init__(self, action: str, regions: list[str] | None = None):
        self.action, self.regions = action, regions or []
        super().__init__(f"{action} not allowed" + (f" for {', '.join(self.regions)}" if self.regions else ""))


def _secrets():
    try:
        return st.secrets
    except Exception:  # no secrets file at all
        return {}


def _secret(name: str) -> str | None:
    try:
        value = _secrets().get(name)
    except Exception:  # no secrets file, or it cannot be parsed
        return None
    return value if isinstance(value, str) else None


def oidc_configured() -> bool:
    try:
        return "auth" in _secrets()
    except Exception:  # no secrets file
        return False


def _data_dir():
    return cached.store().data_dir


def users_file_in_use() -> bool:
    return not oidc_configured() and users.has_accounts(_data_dir())


def admin_password() -> str | None:
    return setting("MATRA_ADMIN_PASSWORD") or _secret("admin_password")


def secretary_password() -> str | None:
    return setting("MATRA_SECRETARY_PASSWORD") or _secret("secretary_password")


def _shared_passwords_in_use() -> bool:
    return not oidc_configured() and not users.has_accounts(_data_dir())


def writes_enabled() -> bool:
    """Whether anyone at all could sign in to write data."""
    return oidc_configured() or users.has_accounts(_data_dir()) or bool(admin_password())


def note_writes_enabled() -> bool:
    """Whether anyone can sign in to write meeting notes (secretary or administrator)."""
    return writes_enabled() or bool(secretary_password())


# --- who is signed in ---------------------------------------------------------------------------

def _allow_list() -> tuple[str, list]:
    try:
        section = _secrets().get(ACCESS_SECTION) or {}
        return str(section.get("claim", "email")), list(section.get("people", []))
    except Exception:  # a malformed section grants nothing
        return "email", []


def _oidc_identity() -> Identity | None:
    user = getattr(st, "user", None)
    if user is None or not getattr(user, "is_logged_in", False):
        return None
    claim, people = _allow_list()
    return users.allowed_identity(dict(user.to_dict()), claim, people)


def _still_valid(identity: Identity) -> Identity | None:
    """A password sign-in's identity as the users file (or the shared passwords) says it is now."""
    if identity.source == "password":
        if not users_file_in_use():
            return None
        account = users.find_account(_data_dir(), identity.name)
        return account.identity() if account else None
    if identity.source == "shared" and _shared_passwords_in_use():
        configured = admin_password() if identity.role == ADMIN else secretary_password() or None
        return identity if configured else None
    return None


def current_identity() -> Identity | None:
    """The person signed in now (role read afresh), or None when nobody is."""
    if oidc_configured():
        return _oidc_identity()
    identity = st.session_state.get(SESSION_KEY)
    if not isinstance(identity, Identity):
        return None
    try:
        fresh = _still_valid(identity)
    except users.UserError:   # a damaged users file grants nothing
        fresh = None
    if fresh is None:
        st.session_state.pop(SESSION_KEY, None)
    return fresh


def may(action: str) -> bool:
    identity = current_identity()
    return identity is not None and identity.may(action)


def require(action: str, regions=()) -> Identity:
    """The identity allowed to make this write now, else NotAllowed (call it right before writing)."""
    identity = current_identity()
    if identity is None or not identity.may(action):
        raise NotAllowed(action)
    outside = identity.outside(regions)
    if outside:
        raise NotAllowed(action, outside)
    return identity


def current_admin() -> str | None:
    """The signed-in administrator's name, or None."""
    identity = current_identity()
    return identity.name if identity is not None and identity.role == ADMIN else None


def current_note_writer() -> str | None:
    """The name of the person signed in who may write meeting notes (secretary or administrator)."""
    identity = current_identity()
    return identity.name if identity is not None and identity.may("notes") else None


# --- password sign-in ---------------------------------------------------------------------------

@dataclass(frozen=True)
class SignInResult:
    ok: bool
    wait_seconds: float = 0.0   # > 0: refused without checking the password (too many failures)

    def __bool__(self) -> bool:
        return self.ok


def _matches(given: str, expected: str | None) -> bool:
    if not expected or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _shared_identity(name: str, password: str) -> Identity | None:
    candidates = {ADMIN: admin_password(), SECRETARY: secretary_password()}
    matched = [role for role in candidates if _matches(password, candidates[role])]   # compare with every one
    if not matched:
        return None
    return Identity(" ".join(name.split())[:NAME_LIMIT], matched[0], (), "shared")


def sign_in(name: str, password: str) -> SignInResult:
    """Check a name and password (the one sign-in form, components/signin.py); on success the session
    holds the identity. A name is required: it is what every write records. With the shared
    passwords the administrator's or the meeting secretary's gives that role. Refused
    (wait_seconds > 0) without a check while the account or the service is at its limit."""
    if not name or not name.strip():
        return SignInResult(False)
    data_dir = _data_dir()
    known = None
    if users_file_in_use():
        known = users.find_account(data_dir, name)
        key = users.name_key(known.name) if known else signin_limits.UNKNOWN_ACCOUNT
        outcome = signin_limits.attempt(data_dir, key, lambda: users.verify(data_dir, name, password))
    else:
        outcome = signin_limits.attempt(data_dir, signin_limits.SHARED_ACCOUNT,
                                        lambda: _shared_identity(name, password))
    if outcome.value is None:
        if not outcome.wait_seconds:   # a checked attempt; held ones are not (signin.alert lines cover them)
            cached.store().record_signin(" ".join(name.split())[:NAME_LIMIT], role=known.role if known else "",
                                         ok=False)
        return SignInResult(False, outcome.wait_seconds)
    identity = outcome.value
    cached.store().record_signin(identity.name, role=identity.role, ok=True)
    st.session_state[SESSION_KEY] = identity
    return SignInResult(True)


def sign_out() -> None:
    st.session_state.pop(SESSION_KEY, None)


def role_of(identity: Identity | None) -> str:
    return identity.role if identity is not None else VIEWER
