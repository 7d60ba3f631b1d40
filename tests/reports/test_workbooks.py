"""Every XLSX export is a workbook people can use: opened with openpyxl, each sheet has its header
row frozen, a filter over the whole table, date cells that are dates shown day first (no ISO date
left as text), and columns as wide as their content within bounds. All of them are written by
store.exports.xlsx_sheets_bytes; no other module writes a spreadsheet export."""

from __future__ import annotations

import datetime
import io
import re
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest

from i18n import t
from reports.readiness import evidence_workbook
from reports.tables import TABLES, export_table
from sections.present.meeting_desk import export_frame
from store.exports import DATE_FORMAT, DATETIME_FORMAT, WIDTH_BOUNDS, xlsx_bytes
from tests.conftest import REPO
from tests.reports.conftest import JEMBER, STAGE, YEAR

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
ON = datetime.date(2026, 12, 2)


def check_usable(data: bytes) -> list[datetime.datetime]:
    """Assert every sheet is usable; return the date cells' values (to check the dates expected)."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    dates = []
    for sheet in workbook:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(sheet.max_row, sheet.max_column).coordinate}", sheet.title
        for column in sheet.iter_cols():
            for cell in column:
                assert not (isinstance(cell.value, str) and ISO_DATE.match(cell.value)), (sheet.title, cell.value)
                if isinstance(cell.value, datetime.datetime):
                    midnight = cell.value.time() == datetime.time()
                    assert cell.number_format == (DATE_FORMAT if midnight else DATETIME_FORMAT)
                    dates.append(cell.value)
            width = sheet.column_dimensions[column[0].column_letter].width
            longest = max(len(str(c.value)) for c in column if c.value is not None and not c.is_date)
            assert WIDTH_BOUNDS[0] <= width <= WIDTH_BOUNDS[1]
            assert width >= min(WIDTH_BOUNDS[1], longest), (sheet.title, column[0].value)
    return dates


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("table", TABLES)
def test_every_table_export_is_usable(report_store, table, lang):
    check_usable(export_table(report_store, table, YEAR, STAGE, lang, "xlsx", region=JEMBER))


def test_the_evidence_checklist_has_date_cells(report_store):
    grid = report_store.region_indicators(JEMBER, YEAR, STAGE)
    windows = report_store.calendar()
    dates = check_usable(evidence_workbook(report_store, JEMBER, YEAR, STAGE, grid["owner_opd"].iloc[0], ON))
    later = windows[windows["closes"] >= ON]
    year = later["year"].min()
    expected = [ON] + [d for _, w in windows[windows["year"] == year].sort_values("stage").iterrows()
                       for d in (w["opens"], w["closes"])]
    assert sorted(d.date() for d in dates) == sorted(expected)


def test_meeting_notes_have_a_date_cell_for_the_due_date():
    notes = [{"item": 0, "decision": "=cmd()", "owner_opd": "DLH", "due_date": "2027-01-15", "note": "",
              "updated_by": "notulis", "updated_at": "2026-12-02T09:30:00+00:00"},
             {"item": 1, "decision": "Tindak lanjut", "owner_opd": "Bappeda", "due_date": "Q1", "note": "",
              "updated_by": "notulis", "updated_at": "2026-12-03T10:00:00+00:00"}]
    for lang in ("id", "en"):
        ctx = SimpleNamespace(lang=lang, t=lambda key, lang=lang, **values: t(key, lang, **values))
        table = export_frame(notes, {0: "Ringkasan", 1: "Wilayah"}, ctx, for_file=True)
        dates = check_usable(xlsx_bytes(table, t("reports.sheet_notes", lang)))
        assert sorted(d.date() for d in dates) == [datetime.date(2026, 12, 2), datetime.date(2026, 12, 3),
                                                   datetime.date(2027, 1, 15)]


def test_targets_programmes_and_official_exports_are_usable(writable_store):
    store = writable_store
    dimension = store.framework_for(YEAR).dimensions[0].code
    store.save_targets(pd.DataFrame([{"region_code": JEMBER, "year": YEAR, "dimension": dimension,
                                      "target": 3.0, "note": "=cmd()"}]), created_by="tester")
    stamp = store.targets_table()["updated_at"].iloc[0]
    dates = check_usable(store.export_targets("xlsx"))
    assert dates == [datetime.datetime.fromisoformat(stamp).replace(tzinfo=None)]
    region = sorted(p.name for p in (store.data_dir / "programmes").iterdir())[0]
    check_usable(store.export_programmes(region, "xlsx", "id"))
    store.import_official_file(REPO / "tools" / "official_published.csv")
    check_usable(store.export_official("xlsx"))


def test_only_the_shared_helper_writes_a_spreadsheet_export():
    writers = re.compile(r"\.to_excel\(|ExcelWriter\(")
    folders = ("store", "reports", "components", "sections", "pages", "views")
    offenders = [str(path.relative_to(REPO)) for folder in folders
                 for path in (REPO / folder).rglob("*.py") if writers.search(path.read_text(encoding="utf-8"))]
    assert offenders == ["store/exports.py"]
