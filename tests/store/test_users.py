"""Named accounts: `python -m store users ...` as an administrator runs it (real subprocess, real files),
Argon2 hashes, region scopes and the OIDC allow-list."""

import fcntl
import json
import subprocess
import sys

import pytest

from store import atomic, users
from store.atomic import StoreBusy
from store.users import Identity
from tests.conftest import REPO
from tests.store.helpers import tree_fingerprint

PASSWORD = "kopi-tubruk-2025"


def run(data_dir, *args, stdin: str = ""):
    return subprocess.run([sys.executable, "-m", "store", "--data-dir", str(data_dir), *args], input=stdin,
                          capture_output=True, text=True, cwd=REPO, timeout=120)


def audit_lines(data_dir) -> list[dict]:
    path = data_dir / "audit.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_add_list_passwd_remove_from_the_command_line(tmp_path):
    data_dir = tmp_path / "data"
    added = run(data_dir, "users", "add", "Ana Putri", "--role", "steward", "--regions", "35.10,35.09",
                stdin=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    assert run(data_dir, "users", "add", "Budi", "--role", "admin", stdin=PASSWORD + "\n").returncode == 0
    listed = [json.loads(line) for line in run(data_dir, "users", "list").stdout.splitlines()]
    assert [(a["name"], a["role"], a["regions"]) for a in listed] == [
        ("Ana Putri", "steward", ["35.09", "35.10"]), ("Budi", "admin", [])]
    stored = json.loads((data_dir / "users.json").read_text())["users"]
    hashes = [a["password_hash"] for a in stored]
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert hashes[0] != hashes[1], "same password, different salt"
    assert PASSWORD not in (data_dir / "users.json").read_text() + run(data_dir, "users", "list").stdout
    assert users.verify(data_dir, "ana  PUTRI", PASSWORD) == Identity("Ana Putri", "steward", ("35.09", "35.10"))
    assert users.verify(data_dir, "Ana Putri", PASSWORD + "x") is None
    assert users.verify(data_dir, "Nobody", PASSWORD) is None

    assert run(data_dir, "users", "passwd", "Ana Putri", stdin="teh-manis-hangat\n").returncode == 0
    assert users.verify(data_dir, "Ana Putri", PASSWORD) is None
    assert users.verify(data_dir, "Ana Putri", "teh-manis-hangat").role == "steward"
    assert run(data_dir, "users", "remove", "budi").returncode == 0
    assert [a.name for a in users.read_accounts(data_dir)] == ["Ana Putri"]
    assert [(line["action"], line["ids"], line["outcome"]) for line in audit_lines(data_dir)] == [
        ("users.add", ["Ana Putri"], "ok"), ("users.add", ["Budi"], "ok"),
        ("users.passwd", ["Ana Putri"], "ok"), ("users.remove", ["budi"], "ok")]


@pytest.mark.parametrize("args, stdin, words", [
    (("users", "add", "Cici", "--role", "steward"), PASSWORD, "needs --regions"),
    (("users", "add", "Cici", "--role", "steward", "--regions", "35.9x"), PASSWORD, "Unknown region code"),
    (("users", "add", "Cici", "--role", "admin"), "pendek", "too short"),
    (("users", "add", "<script>", "--role", "admin"), PASSWORD, "cannot be used"),
    (("users", "add", "Ana Putri", "--role", "admin"), PASSWORD, "already exists"),
    (("users", "remove", "Nobody"), "", "no account"),
    (("users", "passwd", "Nobody"), PASSWORD, "no account"),
])
def test_a_refused_change_writes_nothing_but_its_audit_line(tmp_path, args, stdin, words):
    data_dir = tmp_path / "data"
    assert run(data_dir, "users", "add", "Ana Putri", "--role", "viewer", stdin=PASSWORD).returncode == 0
    before = tree_fingerprint(data_dir)
    result = run(data_dir, *args, stdin=stdin + "\n")
    assert result.returncode == 2 and words in result.stderr, result.stderr
    after = tree_fingerprint(data_dir)
    assert {k: v for k, v in after.items() if k != "audit.jsonl"} == {k: v for k, v in before.items()
                                                                      if k != "audit.jsonl"}
    assert audit_lines(data_dir)[-1]["outcome"] == "refused"


def test_the_password_is_never_an_argument(tmp_path):
    result = run(tmp_path, "users", "add", "Cici", "--role", "admin", "--password", PASSWORD)
    assert result.returncode == 2 and not (tmp_path / "users.json").exists()


def test_a_busy_store_refuses_the_change_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "LOCK_TIMEOUT_SECONDS", 0.2)
    tmp_path.mkdir(exist_ok=True)
    with open(tmp_path / atomic.LOCK_NAME, "a+") as other_writer:
        fcntl.flock(other_writer, fcntl.LOCK_EX)   # another writer holds the store's lock
        with pytest.raises(StoreBusy):
            users.add_account(tmp_path, "Cici", "admin", PASSWORD)
    assert not (tmp_path / "users.json").exists()


def test_scopes_cover_their_regions_or_whole_provinces():
    steward = Identity("s", "steward", users.parse_scope("35, 36.01"))
    assert steward.regions == ("35", "36.01")
    assert [steward.covers(c) for c in ("35.09", "35.78", "36.01", "36.02", "3")] == [True, True, True, False, False]
    assert steward.outside(["35.09", "36.02", "11.01", "36.02"]) == ["11.01", "36.02"]
    assert Identity("a", "admin").outside(["11.01"]) == []
    assert Identity("n", "secretary").outside(["35.09"]) == ["35.09"]
    assert [Identity("x", role).may("upload") for role in users.ROLES] == [True, True, False, False]
    assert [Identity("x", role).may("notes") for role in users.ROLES] == [True, False, True, False]


ALLOW = [{"who": "Ana@Pemkab.go.id", "role": "admin"},
         {"who": "budi@pemkab.go.id", "role": "steward", "regions": ["35.09"]},
         {"who": "cici@pemkab.go.id", "role": "owner"},           # a role that does not exist
         {"role": "admin"}]                                       # no `who`: matches nobody


@pytest.mark.parametrize("claims, expected", [
    ({"email": "ana@pemkab.go.id"}, ("admin", ())),
    ({"email": "budi@pemkab.go.id", "email_verified": True}, ("steward", ("35.09",))),
    ({"email": "budi@pemkab.go.id", "email_verified": False}, ("viewer", ())),   # unverified address
    ({"email": "cici@pemkab.go.id"}, ("viewer", ())),
    ({"email": "dodi@elsewhere.id"}, ("viewer", ())),
    ({"name": "No Email"}, ("viewer", ())),
])
def test_the_allow_list_maps_a_claim_to_a_role_and_everyone_else_is_a_viewer(claims, expected):
    identity = users.allowed_identity(claims, "email", ALLOW)
    assert (identity.role, identity.regions) == expected and identity.source == "oidc"


def test_the_allow_list_can_use_another_claim():
    people = [{"who": "nip-1979", "role": "secretary"}]
    assert users.allowed_identity({"email": "x@y.id", "nip": "NIP-1979"}, "nip", people).role == "secretary"
    assert users.allowed_identity({"email": "nip-1979"}, "nip", people).role == "viewer"
