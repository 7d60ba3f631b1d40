"""Every XLSX export is a workbook people can use: opened with openpyxl, each table sheet has its
header row(s) frozen, a filter over the whole table, date cells that are dates shown day first (no ISO
date left as text), numbers as number cells (no "3,19" or "12" stored as text) and columns as wide as
their content within bounds. Their table sheets are finished by store.exports.finish_table_sheet
(xlsx_sheets_bytes for every export built from a frame). EXPORTS below lists every export; a module
that writes a workbook and is not in it fails test_every_workbook_writer_is_in_the_table."""

from __future__ import annotations

import datetime
import io
import re
from dataclasses import dataclass
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest

from i18n import t
from reports.readiness import evidence_workbook
from reports.tables import TABLES, export_table, ranking_table, scenario_table, table_bytes
from scoring.whatif import programme_effects
from sections.present.meeting_desk import export_frame
from store.exports import DATE_FORMAT, DATETIME_FORMAT, WIDTH_BOUNDS, xlsx_bytes
from store.framework_versions import export_workbook
from store.official_tables import template_bytes
from store.programme_template import xlsx_programme_template
from store.programmes import links
from store.scenarios import Scenario
from store.templates import xlsx_template
from tests.conftest import REPO
from tests.reports.conftest import JEMBER, STAGE, YEAR
from views.action import programme_table

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
# a number written as text: 12, 3,19, -0.048, +0,12, 1.250.000, 36,3 %
NUMBER_AS_TEXT = re.compile(r"^[+\-−]?(\d{1,3}([.,]\d{3})+|\d+)([.,]\d+)?\s*%?$")
ON = datetime.date(2026, 12, 2)


@dataclass(frozen=True)
class Layout:
    """What a workbook's sheets look like: header rows, sheets that are no table (instructions, drop-down
    lists), columns whose number-like texts are text on purpose, and whether widths fit the content."""

    header_rows: int = 1
    not_tables: tuple[str, ...] = ()
    text_columns: tuple[str, ...] = ()
    fitted: bool = True


def check_usable(data: bytes, layout: Layout = Layout()) -> list[datetime.datetime]:
    """Assert every table sheet is usable and holds no formula; return the date cells' values (to check
    the dates expected)."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    dates = []
    for sheet in workbook:
        if sheet.title in layout.not_tables:
            continue
        first = layout.header_rows + 1
        assert sheet.freeze_panes == f"A{first}", sheet.title
        last = sheet.cell(max(sheet.max_row, first), sheet.max_column).coordinate
        assert sheet.auto_filter.ref == f"A{layout.header_rows}:{last}", sheet.title
        for column in sheet.iter_cols():
            header = column[layout.header_rows - 1].value
            for cell in column[layout.header_rows:]:
                assert not (isinstance(cell.value, str) and ISO_DATE.match(cell.value)), (sheet.title, cell.value)
                assert cell.data_type != "f", (sheet.title, cell.value)   # text such as "=cmd()" stays text
                if header not in layout.text_columns:
                    assert not (isinstance(cell.value, str) and NUMBER_AS_TEXT.match(cell.value.strip())), (
                        sheet.title, header, cell.value)
                if isinstance(cell.value, datetime.datetime):
                    midnight = cell.value.time() == datetime.time()
                    assert cell.number_format == (DATE_FORMAT if midnight else DATETIME_FORMAT)
                    dates.append(cell.value)
            width = sheet.column_dimensions[column[0].column_letter].width
            if layout.fitted:
                longest = max((len(str(c.value)) for c in column if c.value is not None and not c.is_date), default=0)
                assert WIDTH_BOUNDS[0] <= width <= WIDTH_BOUNDS[1]
                assert width >= min(WIDTH_BOUNDS[1], longest), (sheet.title, column[0].value)
    return dates


def _plan(store, lang: str) -> bytes:
    """The plan page's export: its programme table (views.action.programme_table) as the page writes it."""
    region = sorted(p.name for p in (store.data_dir / "programmes").iterdir())[0]
    grid = store.region_indicators(region, YEAR, STAGE)
    framework = store.framework_of(YEAR, STAGE)
    register = store.programmes(region)
    effects = programme_effects(grid, framework, links(register)).set_index("programme_code")
    say = lambda key, **values: t(key, lang, **values)   # noqa: E731
    table = programme_table(register, effects, say, framework.dimension_names(lang),
                            {s: say(f"plan.status_{s}") for s in ("planned", "running", "done", "stopped")},
                            framework.band_names(lang))
    return xlsx_bytes(table, t("plan.sheet", lang))


def _scenarios(store, lang: str) -> bytes:
    code = store.framework_of(YEAR, STAGE).indicators[0].code
    store.save_scenario(Scenario(JEMBER, "=dua indikator", YEAR, STAGE, {code: 4}), created_by="tester")
    return table_bytes(scenario_table(store, [JEMBER], YEAR, STAGE, lang), "xlsx", t("scenario.sheet", lang))


def _notes(store, lang: str) -> bytes:
    notes = [{"item": 0, "decision": "=cmd()", "owner_opd": "DLH", "due_date": "2027-01-15", "note": "",
              "updated_by": "notulis", "updated_at": "2026-12-02T09:30:00+00:00"}]
    ctx = SimpleNamespace(lang=lang, t=lambda key, **values: t(key, lang, **values))
    return xlsx_bytes(export_frame(notes, {0: "Ringkasan"}, ctx, for_file=True), t("reports.sheet_notes", lang))


def _targets(store, lang: str) -> bytes:
    dimension = store.framework_for(YEAR).dimensions[0].code
    store.save_targets(pd.DataFrame([{"region_code": JEMBER, "year": YEAR, "dimension": dimension,
                                      "target": 3.0, "note": "=cmd()"}]), created_by="tester")
    return store.export_targets("xlsx", lang=lang)


def _official(store, lang: str) -> bytes:
    store.import_official_file(REPO / "tools" / "official_published.csv")
    return store.export_official("xlsx", lang=lang)


def _programmes(store, lang: str) -> bytes:
    region = sorted(p.name for p in (store.data_dir / "programmes").iterdir())[0]
    return store.export_programmes(region, "xlsx", lang)


CODES = ("Kode wilayah", "Region code", "region_code", "code", "kode_wilayah")
# The official results keep each published value as the decimal text it was published in ("3.80"):
# a number cell would read back as 3.8 and the file would no longer import as published.
PUBLISHED = ("index", "baseline", "output", "outcome", "impact", "quick_win")
FORMS = Layout(not_tables=("instructions", "petunjuk", "lists", "daftar"), text_columns=CODES)
EXPORTS = {   # name -> (module writing it, build(store, lang) -> bytes, layout)
    **{f"table_{table}": ("reports/tables.py",
                          lambda store, lang, table=table: export_table(store, table, YEAR, STAGE, lang, "xlsx",
                                                                        region=JEMBER),
                          Layout(text_columns=CODES)) for table in TABLES},
    "ranking_download": ("components/downloads.py",   # the overview's ranking of the regions shown
                         lambda store, lang: table_bytes(ranking_table(store, YEAR, STAGE, lang, [JEMBER, "35.78"]),
                                                         "xlsx", t("reports.sheet_ranking", lang)),
                         Layout(text_columns=CODES)),
    "evidence_checklist": ("reports/readiness.py",
                           lambda store, lang: evidence_workbook(store, JEMBER, YEAR, STAGE, "DLH", ON, lang),
                           Layout()),
    "plan": ("pages/plan.py", _plan, Layout()),
    "gaps_actions": ("pages/gaps.py",
                     lambda store, lang: export_table(store, "actions", YEAR, STAGE, lang, "xlsx", region=JEMBER),
                     Layout()),
    "scenarios": ("sections/compare/scenarios.py", _scenarios, Layout(text_columns=CODES)),
    "meeting_notes": ("sections/present/meeting_desk.py", _notes, Layout()),
    "targets": ("store/read_registers.py", _targets, Layout(text_columns=CODES)),
    "programmes": ("store/read_registers.py", _programmes, Layout(text_columns=CODES)),
    "official": ("store/official_tables.py", _official, Layout(text_columns=CODES + PUBLISHED)),
    "official_template": ("store/official_tables.py", lambda store, lang: template_bytes("xlsx", lang),
                          Layout(text_columns=CODES + PUBLISHED + ("year", "rank", "rank_of"))),
    "upload_template": ("store/templates.py",
                        lambda store, lang: xlsx_template(store.framework_of(YEAR, STAGE), store.regions(),
                                                          year=YEAR, stage=STAGE), FORMS),
    "programme_template": ("store/programme_template.py",
                           lambda store, lang: xlsx_programme_template(store.programme_framework()), FORMS),
    "framework_workbook": ("store/framework_workbook.py",
                           lambda store, lang: export_workbook(store.framework_dir, YEAR),
                           Layout(header_rows=2, not_tables=("petunjuk", "daftar"), text_columns=("value",),
                                  fitted=False)),
}
LAYERS = ("store", "reports", "components", "sections", "pages", "views")
WRITERS = re.compile(r"xlsx_bytes\(|xlsx_sheets_bytes\(|table_bytes\(|openpyxl\.Workbook\(")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", list(EXPORTS))
def test_every_export_is_usable(writable_store, name, lang):
    _, build, layout = EXPORTS[name]
    check_usable(build(writable_store, lang), layout)


def test_every_workbook_writer_is_in_the_table():
    """A module that writes a workbook (a call of the shared writers or a new openpyxl Workbook) is an
    export of EXPORTS; a new one fails here until it is added (and so checked)."""
    known = {module for module, _, _ in EXPORTS.values()} | {"store/exports.py"}
    writers = {str(path.relative_to(REPO)) for folder in LAYERS for path in (REPO / folder).rglob("*.py")
               if WRITERS.search(path.read_text(encoding="utf-8"))}
    assert writers <= known, sorted(writers - known)


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


def test_the_targets_export_has_a_date_cell(writable_store):
    store = writable_store
    dimension = store.framework_for(YEAR).dimensions[0].code
    store.save_targets(pd.DataFrame([{"region_code": JEMBER, "year": YEAR, "dimension": dimension,
                                      "target": 3.0, "note": "=cmd()"}]), created_by="tester")
    stamp = store.targets_table()["updated_at"].iloc[0]
    dates = check_usable(store.export_targets("xlsx"), Layout(text_columns=CODES))
    assert dates == [datetime.datetime.fromisoformat(stamp).replace(tzinfo=None)]


def test_only_the_shared_helper_writes_a_spreadsheet_export():
    writers = re.compile(r"\.to_excel\(|ExcelWriter\(")
    folders = ("store", "reports", "components", "sections", "pages", "views")
    offenders = [str(path.relative_to(REPO)) for folder in folders
                 for path in (REPO / folder).rglob("*.py") if writers.search(path.read_text(encoding="utf-8"))]
    assert offenders == ["store/exports.py"]
