"""Named people and what each may write: roles, region scopes and the users file.

Roles (ROLE_ACTIONS says what each may write):
- admin: everything (uploads for every region, retractions, targets, programmes, notes, scenarios);
- steward (data steward): assessment uploads, only for the regions or provinces on the account;
- secretary (meeting secretary): meeting notes and saved what-if scenarios;
- viewer: reads only.

Without OIDC the accounts live in `<data_dir>/users.json`: name, role, region scope and an Argon2id
hash of the password (argon2-cffi: salted, memory-hard; never a hand-made hash). The file is written
like every other write in the store: under the writer lock, to a temp file that is renamed into
place. Passwords are never stored, logged or printed; only the hash is kept.

A region scope is a list of codes: a region ("35.09") or a whole province ("35"). An empty scope on
a steward means no region at all (an administrator's scope is always every region).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from i18n import t
from store.atomic import atomic_write_bytes, writer_lock

USERS_FILE = "users.json"
ADMIN, STEWARD, SECRETARY, VIEWER = "admin", "steward", "secretary", "viewer"
ROLES = (ADMIN, STEWARD, SECRETARY, VIEWER)
# What each role may write. "upload" is further limited to the account's regions for a steward.
ACTIONS = ("upload", "retract", "targets", "programmes", "calendar", "official", "framework", "notes", "scenarios",
           "users")
ROLE_ACTIONS = {
    ADMIN: frozenset(ACTIONS),
    STEWARD: frozenset({"upload"}),
    SECRETARY: frozenset({"notes", "scenarios"}),
    VIEWER: frozenset(),
}
NAME_LIMIT = 60
NAME_PATTERN = re.compile(r"^[\w .@'-]{1,60}$")
SCOPE_CODE = re.compile(r"^\d{2}(\.\d{2})?$")
MIN_PASSWORD = 10
_HASHER = PasswordHasher()   # Argon2id with the library's recommended (RFC 9106 low-memory) parameters
# Verified against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("matra-no-such-account")


class UserError(ValueError):
    """A users-file change that cannot be made; `code` and `values` name it (i18n/messages/users.py)."""

    def __init__(self, kind: str, **values):
        self.code, self.values = kind, values
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        return t(f"users.{self.code}", lang, **self.values)


@dataclass(frozen=True)
class Identity:
    """Who is acting: a name, a role and (for a steward) the region codes they may upload."""

    name: str
    role: str = VIEWER
    regions: tuple[str, ...] = ()
    source: str = "password"   # "password" (users file), "shared" (shared password), "oidc", "cli"

    def may(self, action: str) -> bool:
        return action in ROLE_ACTIONS.get(self.role, frozenset())

    def covers(self, region_code: str) -> bool:
        """Whether the account may upload data for this region (its code, or its province's)."""
        if self.role == ADMIN:
            return True
        if self.role != STEWARD:
            return False
        code = str(region_code)
        return any(code == scope or code.split(".")[0] == scope for scope in self.regions)

    def recorded(self) -> dict:
        """How a write records who made it: {"created_by": name, "role": role} (store write keywords)."""
        return {"created_by": self.name, "role": self.role}

    def outside(self, region_codes: Iterable[str]) -> list[str]:
        """The region codes this account may not upload (sorted, distinct)."""
        return sorted({str(c) for c in region_codes if not self.covers(str(c))})


@dataclass
class Account:
    name: str
    role: str
    regions: tuple[str, ...] = ()
    password_hash: str = field(default="", repr=False)
    created_at: str = ""
    updated_at: str = ""

    def identity(self) -> Identity:
        return Identity(self.name, self.role, self.regions, "password")

    def as_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "regions": list(self.regions),
                "password_hash": self.password_hash, "created_at": self.created_at, "updated_at": self.updated_at}


def name_key(name: str) -> str:
    """Names compare without case and with spaces collapsed ("Ana  Putri" is "ana putri")."""
    return " ".join(str(name).casefold().split())[:NAME_LIMIT]


def parse_scope(text: str | Iterable[str] | None) -> tuple[str, ...]:
    """"35.09, 35" (or a list of codes) as a sorted tuple of distinct codes; UserError for a bad one."""
    if text is None:
        return ()
    parts = text.split(",") if isinstance(text, str) else list(text)
    codes = sorted({str(p).strip() for p in parts if str(p).strip()})
    for code in codes:
        if not SCOPE_CODE.match(code):
            raise UserError("bad_scope", code=code)
    return tuple(codes)


def users_path(data_dir: Path) -> Path:
    return Path(data_dir) / USERS_FILE


def read_accounts(data_dir: Path) -> list[Account]:
    """Every account in the users file, by name ([] when there is no file)."""
    path = users_path(data_dir)
    if not path.exists():
        return []
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        accounts = [Account(str(a["name"]), str(a["role"]), tuple(str(c) for c in a.get("regions", [])),
                            str(a["password_hash"]), str(a.get("created_at", "")), str(a.get("updated_at", "")))
                    for a in payload["users"]]
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise UserError("damaged", path=path.name, detail=type(error).__name__) from None
    return sorted(accounts, key=lambda a: name_key(a.name))


def find_account(data_dir: Path, name: str) -> Account | None:
    key = name_key(name)
    return next((a for a in read_accounts(data_dir) if name_key(a.name) == key), None)


def has_accounts(data_dir: Path) -> bool:
    """Whether a users file with at least one account exists (then the shared passwords are off)."""
    try:
        return bool(read_accounts(data_dir))
    except UserError:
        return True   # a damaged file still means named accounts were meant: never fall back silently


def _write(data_dir: Path, accounts: list[Account]) -> None:
    payload = {"version": 1, "users": [a.as_dict() for a in sorted(accounts, key=lambda a: name_key(a.name))]}
    atomic_write_bytes(users_path(data_dir), (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode())


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _checked(name: str, role: str, regions: tuple[str, ...]) -> str:
    name = " ".join(str(name).split())
    if not NAME_PATTERN.match(name):
        raise UserError("bad_name", name=name[:80])
    if role not in ROLES:
        raise UserError("bad_role", role=role)
    if role == STEWARD and not regions:
        raise UserError("steward_scope")
    return name


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise UserError("short_password", least=MIN_PASSWORD)
    return _HASHER.hash(password)


def add_account(data_dir: Path, name: str, role: str, password: str, regions: Iterable[str] = ()) -> Account:
    """Add one account (UserError when the name is taken or a value is bad; nothing written then)."""
    scope = parse_scope(list(regions))
    name = _checked(name, role, scope)
    password_hash = _hash(password)
    with writer_lock(Path(data_dir)):
        accounts = read_accounts(data_dir)
        if any(name_key(a.name) == name_key(name) for a in accounts):
            raise UserError("exists", name=name)
        account = Account(name, role, scope if role == STEWARD else (), password_hash, _now(), _now())
        _write(data_dir, [*accounts, account])
    return account


def remove_account(data_dir: Path, name: str) -> Account:
    with writer_lock(Path(data_dir)):
        accounts = read_accounts(data_dir)
        gone = next((a for a in accounts if name_key(a.name) == name_key(name)), None)
        if gone is None:
            raise UserError("missing", name=name)
        _write(data_dir, [a for a in accounts if a is not gone])
    return gone


def set_password(data_dir: Path, name: str, password: str) -> Account:
    password_hash = _hash(password)
    with writer_lock(Path(data_dir)):
        accounts = read_accounts(data_dir)
        account = next((a for a in accounts if name_key(a.name) == name_key(name)), None)
        if account is None:
            raise UserError("missing", name=name)
        account.password_hash, account.updated_at = password_hash, _now()
        _write(data_dir, accounts)
    return account


def verify(data_dir: Path, name: str, password: str) -> Identity | None:
    """The account's identity when the password is right, else None. An unknown name is checked
    against a dummy hash, so the time taken does not tell which names exist."""
    account = find_account(data_dir, name)
    try:
        _HASHER.verify(account.password_hash if account else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return account.identity() if account else None


def allowed_identity(claims: dict, claim: str, people: list) -> Identity:
    """The identity of a person signed in with OIDC, from the allow-list in the secrets.

    `claims` are the ID token's claims (st.user), `claim` names the one that identifies a person
    ("email" by default), `people` the allow-list entries: {"who": ..., "role": ..., "regions": [...]}.
    Matching ignores case. An e-mail the provider marks unverified (email_verified = false) matches
    nothing. Anyone not on the list, or on it with a bad entry, is a viewer.
    """
    value = claims.get(claim)
    display = str(claims.get("email") or claims.get("name") or value or "?")[:NAME_LIMIT]
    unverified = claim == "email" and claims.get("email_verified") is False
    if not isinstance(value, str) or not value.strip() or unverified:
        return Identity(display, VIEWER, (), "oidc")
    for entry in people:
        try:
            if name_key(entry["who"]) != name_key(value):
                continue
            role = str(entry.get("role", VIEWER))
            scope = parse_scope(list(entry.get("regions", [])))
        except (KeyError, TypeError, AttributeError, UserError):
            continue
        if role in ROLES:
            return Identity(display, role, scope if role == STEWARD else (), "oidc")
    return Identity(display, VIEWER, (), "oidc")
