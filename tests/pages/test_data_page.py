"""The data page: viewers see no write control; a wrong password does nothing; an administrator's
upload commits a snapshot and the other pages reflect it."""

import pytest

from i18n import format_number, t
from tests.pages.conftest import data_page_signed_in, metric, open_page, sign_in
from tests.store.helpers import tree_fingerprint

PASSWORD = "rahasia-uji-123"


def write_controls(app) -> dict:
    return {
        "uploaders": len(app.get("file_uploader")),
        "password_inputs": sum(1 for box in app.text_input if box.label in ("Password", "Kata sandi")),
        "retract": sum(1 for b in app.button if "Retract" in b.label or "Tarik" in b.label),
    }


def jember_upload(store, level: int | None = None) -> bytes:
    """Jember's 2025 rows, every indicator at `level` (default: the framework's top level)."""
    framework = store.framework_for(2025)
    level = framework.max_level if level is None else level
    lines = ["region_code,indicator_code,level,claimed_level,evidence,note"]
    lines += [f"35.09,{i.code},{level},{level},verified,uji" for i in framework.indicators]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_without_a_password_the_page_has_no_write_controls(data_dir, monkeypatch):
    monkeypatch.delenv("MATRA_ADMIN_PASSWORD", raising=False)
    app = open_page("data", lang="en")
    assert not app.exception, [e.value for e in app.exception]
    assert write_controls(app) == {"uploaders": 0, "password_inputs": 0, "retract": 0}
    assert any("MATRA_ADMIN_PASSWORD" in i.value for i in app.info)
    assert app.get("download_button"), "templates are for everyone"


def test_wrong_password_changes_nothing(data_dir, monkeypatch):
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    before = tree_fingerprint(data_dir)
    app = open_page("data", lang="en")
    assert write_controls(app)["password_inputs"] == 1 and write_controls(app)["uploaders"] == 0
    sign_in(app, "Tester", "salah")
    assert t("data.wrong_password", "en") in [e.value for e in app.error]
    assert write_controls(app)["uploaders"] == 0
    # The one thing a wrong password writes is the service-wide failure count (store/signin_limits.py).
    after = tree_fingerprint(data_dir)
    assert set(after) - set(before) == {"signin-failures.json", ".matra-signin.lock"}
    assert {k: v for k, v in after.items() if k in before} == before


def signed_in_with_jember_file(store, lang="en"):
    app = data_page_signed_in(PASSWORD, lang)
    assert write_controls(app)["uploaders"] >= 1
    app.get("file_uploader")[0].set_value(("jember.csv", jember_upload(store), "text/csv"))
    app.run()
    return app


@pytest.mark.parametrize("lang", ["en"])
def test_admin_upload_commits_and_the_overview_reflects_it(data_dir, store, monkeypatch, lang):
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    before = len(store.ranking(2025, "II"))
    app = signed_in_with_jember_file(store, lang)
    assert any("File is valid" in s.value for s in app.success), [e.value for e in app.error]
    next(b for b in app.button if b.label == "Load as a new snapshot").click()
    app.run()
    assert any("loaded and active" in s.value for s in app.success), [e.value for e in app.error]
    newest = store.snapshots()[-1]
    assert newest.created_by == "Ibu Planner" and newest.source == "jember.csv"
    profile = open_page("region", lang="en", region="35.09", year=2025, stage="II")
    top = float(store.framework_for(2025).max_level)   # every indicator at the top level
    assert metric(profile, "Smart City Index 2025") == format_number(top, "en")
    # one region's file merges by region: every other region of 2025 stage II is still there
    assert len(store.ranking(2025, "II")) == before
    assert newest.mode == "merge" and newest.regions == before


def test_replacing_the_whole_year_and_stage_is_an_explicit_choice_that_names_the_loss(data_dir, store,
                                                                                      monkeypatch):
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    before = len(store.ranking(2025, "II"))
    app = signed_in_with_jember_file(store, "id")
    merge_note = t("data.merge_note", "id", regions=1, kept=before - 1, year=2025, stage="II")
    assert any(merge_note in m.value for m in app.markdown), "the preview says what a merge keeps"
    (replace_box,) = [c for c in app.checkbox if c.label.startswith("Ganti seluruh data 2025 Tahap II")]
    assert f"({before - 1} daerah" in replace_box.label and replace_box.value is False
    replace_box.check()
    app.run()
    assert any(f"{before - 1} daerah" in w.value for w in app.warning)
    next(b for b in app.button if b.label == t("data.commit", "id")).click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert store.ranking(2025, "II")["region_code"].tolist() == ["35.09"]
    assert store.snapshots()[-1].mode == "replace"


def test_refused_upload_lists_problems_and_writes_nothing(data_dir, store, monkeypatch):
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    app = data_page_signed_in(PASSWORD, "id", name="Tester")
    before = tree_fingerprint(data_dir)
    bad = b"kode_wilayah;kode_indikator;level;level_klaim;bukti;catatan\n99.99;GOV.LP.01;9;3;ya;<b>x</b>\n"
    app.get("file_uploader")[0].set_value(("buruk.csv", bad, "text/csv"))
    app.run()
    assert not app.exception
    assert any("masalah" in e.value for e in app.error)
    assert not [b for b in app.button if b.label == t("data.commit", "id")]
    assert tree_fingerprint(data_dir) == before
