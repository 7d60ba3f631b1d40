"""The Data page's framework workbook: everyone may download it; only an administrator may load one,
after the check (the same report as an upload, nothing written) and a preview of what changes."""

from __future__ import annotations

import io

import openpyxl

from i18n import t
from scoring import load_framework
from store.framework_versions import export_workbook
from tests.pages.conftest import data_page_signed_in, open_page, table_with
from tests.pages.test_data_page import PASSWORD
from tests.store.helpers import tree_fingerprint
from tests.store.test_framework_workbook import put

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def edited(store, change) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(export_workbook(store.framework_dir, 2025)))
    change(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def download_labels(app) -> list[str]:
    return [button.proto.label for button in app.get("download_button")]


def test_a_viewer_downloads_the_framework_but_sees_no_import(data_dir, store, monkeypatch):
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    app = open_page("data", lang="en", year=2025)
    assert not app.exception, [e.value for e in app.exception]
    framework = store.framework_for(2025)
    assert t("framework_files.download", "en", id=framework.id) in download_labels(app)
    assert not [u for u in app.file_uploader if u.key == "framework_file"]
    assert not [s for s in app.subheader if s.value == t("framework_files.import_title", "en")]


def test_an_administrator_sees_what_changes_then_saves_a_new_version(data_dir, store, monkeypatch):
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    old = store.framework_for(2025)
    workbook = edited(store, lambda b: (put(b["bobot_rantai"], "weight", "chain", "output", 0.3),
                                       put(b["bobot_rantai"], "weight", "chain", "outcome", 0.2),
                                       put(b["pengaturan"], "value", "key", "years", "2025-2026")))
    app = data_page_signed_in(PASSWORD, "en")
    before = tree_fingerprint(data_dir)
    app.file_uploader(key="framework_file").set_value(("kerangka.xlsx", workbook, XLSX))
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    shown = "\n".join(m.value for m in app.markdown)
    assert f"Replaces {old.id}.toml for the years 2025, 2026" in shown.replace("\\", "")
    weights = table_with(app, "Weight")
    assert list(weights["Weight"]) == ["Results chain"] * 2 and list(weights["Code"]) == ["output", "outcome"]
    assert list(weights["New"]) == ["0.300", "0.200"]
    assert tree_fingerprint(data_dir) == before, "nothing is written before save"
    next(b for b in app.button if b.label == t("framework_files.save", "en")).click()
    app.run()
    assert any(f"{old.id}-v2.toml" in s.value for s in app.success), [e.value for e in app.error]
    new = load_framework(data_dir / "framework" / f"{old.id}-v2.toml")
    assert (new.chain_weights["output"], new.years) == (0.3, (2025, 2026))
    assert store.framework_for(2024).id == old.id and store.framework_for(2025).id == new.id


def test_a_broken_workbook_shows_the_report_and_writes_nothing(data_dir, store, monkeypatch):
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", PASSWORD)
    first = store.framework_for(2025).indicators[0].code
    workbook = edited(store, lambda b: put(b["indikator"], "chain", "code", first, "keluaran"))
    app = data_page_signed_in(PASSWORD, "id")
    before = tree_fingerprint(data_dir)
    app.file_uploader(key="framework_file").set_value(("rusak.xlsx", workbook, XLSX))
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert any(t("framework_files.refused", "id", count=1) == e.value for e in app.error)
    report = table_with(app, t("data.col_where", "id"))
    assert list(report[t("data.col_where", "id")]) == ["rusak.xlsx, lembar indikator, baris 3, kolom F (chain)"]
    assert "keluaran" in report[t("data.col_problem", "id")].iloc[0]
    assert not [b for b in app.button if b.label == t("framework_files.save", "id")]
    assert tree_fingerprint(data_dir) == before
