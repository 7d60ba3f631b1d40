"""The Data page's retract and restore (issue 24) in AppTest, on a copy of the demo data: a commit of
a new year and stage, then a retraction from the same session, then a restore."""

import io

import openpyxl
import pytest

from i18n import t
from store.problems import IngestRefused, Problem
from store.templates import xlsx_template
from tests.pages.conftest import data_page_signed_in
from tests.pages.test_data_page import PASSWORD


def template_2026_one(store, level: int = 4) -> bytes:
    """The 2026 Tahap I XLSX template, filled in for Jember with claims 'diajukan' (not verified)."""
    book = openpyxl.load_workbook(io.BytesIO(xlsx_template(store.framework_for(2026), store.regions(), year=2026,
                                                           stage="I")))
    for indicator in store.framework_for(2026).indicators:
        book["data"].append(["35.09", indicator.code, 0, level, "diajukan", None])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def signed_in(lang="en"):
    return data_page_signed_in(PASSWORD, lang)


def picker(app, action):
    return next(s for s in app.selectbox if s.label == t(f"steward.{action}_pick", "en"))


def test_commit_then_retract_and_restore_in_the_same_session(data_dir, store, monkeypatch):
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    app = signed_in()
    app.get("file_uploader")[0].set_value(("matra-2026-I.xlsx", template_2026_one(store), "application/xlsx"))
    app.run()
    # The boxes stood at 2025 / II: the file names 2026 Tahap I, and the page takes it from the file.
    assert (app.selectbox(key="upload_year").value, app.selectbox(key="upload_stage").value) == (2026, "I")
    assert any(t("steward.year_from_file", "en", year=2026, stage="I") in i.value for i in app.info)
    # Tahap I is scored on its claims: the preview shows the level-4 claims, not 0.
    preview_index = store.preview(store.check_upload("x.xlsx", template_2026_one(store), year=2026, stage="I"),
                                  year=2026, stage="I").index_moves["new_index"].iloc[0]
    assert preview_index > 3.5
    next(b for b in app.button if b.label == t("data.commit", "en")).click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    new = store.active_snapshot(2026, "I")
    assert new is not None and any(new.id in s.value for s in app.success)
    committed = store.scores(2026, "I", "index")
    assert committed["index"].iloc[0] == preview_index

    # The retract list is read after the commit: the new snapshot is there, and nothing is chosen.
    retract = picker(app, "retract")
    assert new.id in retract.options[0] and retract.value is None
    assert not [b for b in app.button if b.label == t("steward.retract_button", "en")]
    retract.set_value(new.id)
    app.run()
    assert any(t("steward.leaves_empty", "en", year=2026, stage="I") in e.value for e in app.error)
    (button,) = [b for b in app.button if b.label == t("steward.retract_button", "en")]
    assert button.disabled
    next(c for c in app.checkbox if c.label == t("steward.retract_confirm", "en")).check()
    app.run()
    assert next(b for b in app.button if b.label == t("steward.retract_button", "en")).disabled, \
        "leaving 2026 I without data needs the second confirmation"
    next(c for c in app.checkbox if c.label == t("steward.confirm_empty", "en", year=2026, stage="I")).check()
    app.run()
    next(b for b in app.button if b.label == t("steward.retract_button", "en")).click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert store.active_snapshot(2026, "I") is None
    assert store.active_snapshot(2025, "II") is not None, "nothing else was retracted"
    assert picker(app, "retract").value is None and new.id not in " ".join(picker(app, "retract").options)

    restore = picker(app, "restore")
    assert restore.value is None
    restore.set_value(new.id)
    app.run()
    next(c for c in app.checkbox if c.label == t("steward.restore_confirm", "en")).check()
    app.run()
    next(b for b in app.button if b.label == t("steward.restore_button", "en")).click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert store.active_snapshot(2026, "I").id == new.id
    assert store.scores(2026, "I", "index").equals(committed)
    actions = [(e["action"], e["outcome"], e["who"], e["role"]) for e in store.audit_log()]
    assert actions[-3:] == [("ingest", "ok", "Ibu Planner", "admin"), ("retract", "ok", "Ibu Planner", "admin"),
                            ("restore", "ok", "Ibu Planner", "admin")]


def test_retracting_a_snapshot_with_an_earlier_version_names_it(data_dir, store, monkeypatch):
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    older = store.active_snapshot(2025, "II")
    framework = store.framework_for(2025)
    top = framework.max_level   # every indicator at the framework's top level
    store.ingest_bytes("jember.csv", "\n".join(
        ["region_code,indicator_code,level,claimed_level,evidence,note"]
        + [f"35.09,{i.code},{top},{top},verified," for i in framework.indicators]).encode(),
        year=2025, stage="II", created_by="Pak Data")
    newer = store.active_snapshot(2025, "II")
    app = signed_in()
    picker(app, "retract").set_value(newer.id)
    app.run()
    assert any(older.id in i.value for i in app.info)
    assert not [c for c in app.checkbox if c.label.startswith("Yes, year")]
    (moves,) = [d.value for d in app.dataframe if t("steward.col_after", "en") in d.value.columns]
    assert moves[t("word.region", "en")].tolist() == ["Kabupaten Jember"], "only Jember's index changes"
    assert "Audit log" in [h.value for h in app.subheader]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_audit_table_words_a_refused_retraction_in_the_page_language(data_dir, store, monkeypatch, lang):
    """A retraction refused on the command line (it would leave 2025 II without data) is in the audit
    log with its reason as codes; the Data page words the action, role, outcome and reason in the
    reader's language, never the log's English detail."""
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    only = store.active_snapshot(2025, "II")
    with pytest.raises(IngestRefused):
        store.retract(only.id, created_by="Pak Data", role="cli")
    assert store.audit_log()[-1]["reason"] == [{"code": "would_empty", "value": only.id, "expected": "2025 II"}]
    app = signed_in(lang)
    (log,) = [d.value for d in app.dataframe if t("steward.col_action", lang) in d.value.columns]
    refused = log[log[t("data.col_by", lang)] == "Pak Data"].iloc[0]
    words = [refused[t(f"steward.col_{column}", lang)] for column in ("action", "role", "outcome", "detail")]
    assert words == [t("steward.action_retract", lang), t("auth.role_cli", lang), t("steward.outcome_refused", lang),
                     Problem("would_empty", value=only.id, expected="2025 II").message(lang)]
    signin = log.iloc[0]   # the newest line: this sign-in, with the role it gave
    assert [signin[t(f"steward.col_{column}", lang)] for column in ("action", "role", "outcome")] == [
        t("steward.action_signin", lang), t("auth.role_admin", lang), t("steward.outcome_ok", lang)]
