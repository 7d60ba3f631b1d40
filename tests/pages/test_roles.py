"""Named accounts on the Data page: what each role sees and may write, the steward's region scope,
the role checked again at the moment of writing, and guessing bounded across sessions and names."""

import pytest

from i18n import t
from store import signin_limits, users
from tests.pages.conftest import data_page_signed_in
from tests.pages.test_data_page import jember_upload, write_controls
from tests.store.helpers import tree_fingerprint

PASSWORD = "sandi-panjang-2025"
COMMIT = "Load as a new snapshot"


@pytest.fixture
def accounts(data_dir, monkeypatch):
    monkeypatch.delenv("MATRA_ADMIN_PASSWORD", raising=False)
    users.add_account(data_dir, "Ana Admin", "admin", PASSWORD)
    users.add_account(data_dir, "Budi Steward", "steward", PASSWORD, ["35.09"])
    users.add_account(data_dir, "Cici Notulis", "secretary", PASSWORD)
    return data_dir


def signed_in(name: str, password: str = PASSWORD):
    return data_page_signed_in(password, name=name)


def with_file(app, content: bytes):
    app.get("file_uploader")[0].set_value(("upload.csv", content, "text/csv"))
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def two_regions(store) -> bytes:
    lines = jember_upload(store).decode().splitlines()
    return ("\n".join(lines + [line.replace("35.09,", "35.10,", 1) for line in lines[1:]]) + "\n").encode()


def test_a_steward_uploads_only_for_their_regions(accounts, store):
    app = signed_in("budi steward")
    assert any("data steward (35.09)" in s.value for s in app.success)
    lines_after_signin = len(store.audit_log())
    assert write_controls(app) == {"uploaders": 1, "password_inputs": 0, "retract": 0}, "no retract, targets…"
    assert not any(c.key == "upload_replace_all" for c in app.checkbox), "never replaces other regions"
    before = tree_fingerprint(accounts)
    with_file(app, two_regions(store))
    assert any("1 region(s) outside your account's scope (35.10)" in e.value for e in app.error)
    assert not any(b.label == COMMIT for b in app.button)
    assert tree_fingerprint(accounts) == before
    refused = store.audit_log()[-1]   # logged once, when the file is checked, not at every rerun
    assert (refused["action"], refused["outcome"], refused["who"], refused["role"]) == \
        ("ingest", "refused", "Budi Steward", "steward")
    assert refused["ids"] == ["upload.csv", "35.10"] and refused["counts"] == {"regions_outside": 1}
    app.run()
    assert store.audit_log()[-1] == refused and len(store.audit_log()) == lines_after_signin + 1
    with_file(app, jember_upload(store))
    next(b for b in app.button if b.label == COMMIT).click()
    app.run()
    assert store.snapshots()[-1].created_by == "Budi Steward"


def test_an_account_removed_after_sign_in_cannot_commit(accounts, store):
    """The role is checked again when writing, not only when the controls were drawn."""
    app = with_file(signed_in("Ana Admin"), two_regions(store))
    users.remove_account(accounts, "Ana Admin")
    before = tree_fingerprint(accounts)
    next(b for b in app.button if b.label == COMMIT).click()
    app.run()
    assert tree_fingerprint(accounts) == before
    assert write_controls(app)["uploaders"] == 0


def test_a_steward_whose_scope_shrinks_cannot_commit_the_file_shown(accounts, store):
    app = with_file(signed_in("Budi Steward"), jember_upload(store))
    users.remove_account(accounts, "Budi Steward")
    users.add_account(accounts, "Budi Steward", "steward", PASSWORD, ["35.10"])
    before = tree_fingerprint(accounts)
    commit = [b for b in app.button if b.label == COMMIT]
    if commit:
        commit[0].click()
        app.run()
    assert tree_fingerprint(accounts) == before
    assert any("outside your account's scope" in e.value or "Not written" in e.value for e in app.error)


def test_a_secretary_and_the_shared_password_write_no_data(accounts, monkeypatch):
    app = signed_in("Cici Notulis")
    assert any("meeting secretary" in s.value for s in app.success)
    assert write_controls(app)["uploaders"] == 0
    assert any("may not write data" in i.value for i in app.info)
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", "shared-admin-pw")   # ignored while the users file is in use
    assert write_controls(signed_in("Anyone", "shared-admin-pw"))["uploaders"] == 0


def test_a_new_session_with_a_new_name_per_guess_meets_one_ceiling(data_dir, monkeypatch):
    """Issue 25's attack on the shared password: every guess from a new session under a new name."""
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    monkeypatch.setenv("MATRA_SIGNIN_MAX_PER_HOUR", "5")
    monkeypatch.setattr(signin_limits, "FIRST_DELAY_SECONDS", 0.0)   # only the ceiling holds guesses back
    answers = []
    for guess in range(12):
        app = signed_in(f"Penebak {guess}", f"tebakan-{guess}")
        answers.append("wrong" if any(t("data.wrong_password", "en") == e.value for e in app.error)
                       else "held" if any("Try again in" in e.value for e in app.error) else "?")
    assert answers == ["wrong"] * 5 + ["held"] * 7
    app = signed_in("Ibu Planner", PASSWORD)   # the right password is not even checked now
    assert write_controls(app)["uploaders"] == 0
    assert any("Try again in" in e.value for e in app.error)


def test_web_sign_ins_are_logged_with_name_and_role_and_never_the_password(accounts, store):
    signed_in("Ana Admin", "tebakan-salah")
    signed_in("Siapa Saja", "tebakan-lain")
    signed_in("ana admin")
    lines = [(e["action"], e["outcome"], e["who"], e["role"]) for e in store.audit_log()]
    assert lines == [("signin", "refused", "Ana Admin", "admin"),   # a known account: its role
                     ("signin", "refused", "Siapa Saja", ""),       # nobody's name: no role
                     ("signin", "ok", "Ana Admin", "admin")]        # the account's own spelling
    log = (accounts / "audit.jsonl").read_text()
    assert "tebakan" not in log and PASSWORD not in log
