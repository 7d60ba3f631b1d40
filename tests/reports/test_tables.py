"""Tables as CSV/XLSX: the same rows as the screen, and formulas in untrusted text made inert."""

import io
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest

from i18n import t
from reports.errors import ExportRefused
from reports.tables import action_table, export_table, indicator_table, ranking_table, table_bytes
from scoring import round_score
from scoring.bands import GAIN_DIGITS
from sections.region.tables import indicator_frame
from tests.reports.conftest import JEMBER, STAGE, YEAR, region_rows

FORMULAS = ["=HYPERLINK(\"http://evil\",\"klik\")", "+1+1", "-2+3", "@SUM(A1:A2)"]


def test_ranking_has_the_stored_order_and_rounded_index(report_store):
    table = ranking_table(report_store, YEAR, STAGE, "en")
    ranking = report_store.ranking(YEAR, STAGE)
    assert list(table["Region code"]) == list(ranking["region_code"])
    assert list(table["Smart City Index"]) == [round_score(v) for v in ranking["index"]]
    assert list(table.columns[:3]) == ["Rank", "Region code", "Region"]
    indonesian = ranking_table(report_store, YEAR, STAGE, "id", codes=["35.09", "35.78"])
    assert list(indonesian["Kode wilayah"]) == [c for c in ranking["region_code"] if c in ("35.09", "35.78")]


def test_indicator_table_equals_the_region_page_table(report_store):
    framework = report_store.framework_of(YEAR, STAGE)
    grid = report_store.region_indicators(JEMBER, YEAR, STAGE)
    for lang in ("id", "en"):
        ctx = SimpleNamespace(lang=lang, t=lambda key, lang=lang, **values: t(key, lang, **values))
        screen = indicator_frame(grid, framework, ctx)
        table = indicator_table(report_store, JEMBER, YEAR, STAGE, lang)
        claimed = t("region.col_claimed", lang)   # a number in the file (empty without a claim), "–" on screen
        pd.testing.assert_frame_equal(table.drop(columns=claimed), screen.drop(columns=claimed))
        assert list(table[claimed].map(lambda v: "–" if pd.isna(v) else str(v))) == list(screen[claimed])
        assert table[claimed].dtype == "Int64"


def test_action_table_follows_the_path_to_the_next_band(report_store):
    table = action_table(report_store, JEMBER, YEAR, STAGE, "en")
    plan = report_store.plan(JEMBER, YEAR, STAGE)
    index_rows = table[table["For"] == "Smart City Index"]
    assert plan.actions, "the demo region has a next band to reach"
    assert list(index_rows["Code"]) == [a.indicator_code for a in plan.actions]
    assert list(index_rows["Index gain"]) == [round_score(a.gain, GAIN_DIGITS) for a in plan.actions]
    assert index_rows["Actions"].sum() == plan.action_count
    assert set(index_rows["Kind of action"]) <= {"verify", "raise"}


def test_formulas_in_notes_come_out_inert(writable_store):
    rows = region_rows(writable_store, JEMBER)
    rows.loc[: len(FORMULAS) - 1, "note"] = FORMULAS
    writable_store.ingest_rows(rows, year=YEAR, stage=STAGE, source="notes.csv", synthetic=True)
    note = t("region.col_note", "en")
    csv_text = export_table(writable_store, "indicators", YEAR, STAGE, "en", "csv", JEMBER).decode("utf-8-sig")
    for formula in FORMULAS:
        assert "'" + formula.replace('"', '""') in csv_text
    notes = pd.read_csv(io.StringIO(csv_text))[note].dropna().tolist()
    assert {"'" + f for f in FORMULAS} <= set(notes)
    assert not [v for v in notes if v.startswith(("=", "+", "-", "@"))]
    workbook = openpyxl.load_workbook(io.BytesIO(export_table(writable_store, "indicators", YEAR, STAGE, "en",
                                                              "xlsx", JEMBER)))
    sheet = workbook.active
    column = [cell.value for cell in sheet[1]].index(note) + 1
    cells = [sheet.cell(row, column) for row in range(2, sheet.max_row + 1)]
    inert = [cell for cell in cells if cell.value in {"'" + f for f in FORMULAS}]
    assert len(inert) == len(FORMULAS)
    assert all(cell.data_type == "s" for cell in cells if cell.value)   # text, never a formula ("f")
    assert not [c.value for c in cells if str(c.value or "").startswith(("=", "+", "-", "@"))]


def test_table_requests_are_checked(report_store):
    with pytest.raises(ExportRefused, match="needs --region"):
        export_table(report_store, "actions", YEAR, STAGE, "en", "csv")
    with pytest.raises(ExportRefused, match="Unknown region"):
        export_table(report_store, "indicators", YEAR, STAGE, "en", "csv", "00.00")
    with pytest.raises(ValueError, match="format"):
        table_bytes(pd.DataFrame({"a": [1]}), "ods")


def test_a_raise_action_names_its_level_once():
    from reports.tables import action_text
    from scoring import load_framework
    from scoring.plan import Action
    from tests.conftest import REPO

    framework = load_framework(REPO / "data" / "framework" / "smartcity-2022.toml")
    indicator = framework.indicators[0]
    action = Action(indicator.code, "raise", 4, 5, 0.01, indicator.owner_opd)
    text = action_text(action, indicator, "id")
    assert text.startswith("Naikkan ke level 5 (") and "(5:" not in text
