"""Evidence readiness tables: one OPD's evidence checklist (the readiness page's table) and the
"daftar bukti dukung" workbook the Bapperida sends to each OPD (always Indonesian by default), one
XLSX per OPD or all of them in one ZIP.

Everything is read with the framework recorded with the snapshot (Store.framework_of), never the
year's file. `today` is a parameter, so days left are reproducible. Text cells go through
store.exports, which neutralises anything a spreadsheet would run as a formula.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import pandas as pd

from i18n import t
from reports.context import region_grid
from reports.errors import ExportRefused
from scoring import round_score
from scoring.readiness import evidence_checklist, next_evaluation, opd_readiness
from store.exports import xlsx_sheets_bytes

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def checklist_frame(framework, grid: pd.DataFrame, owner_opd: str, lang: str) -> pd.DataFrame:
    """The OPD's indicators, unverified first: code, name, dimension, recorded and claimed level,
    evidence status, level that counts, the evidence the framework expects, the next step and what
    its level needs (the framework's level description)."""
    rows = evidence_checklist(grid, owner_opd, framework.max_level)
    dimension_names = framework.dimension_names(lang)

    def step(row) -> str:
        if row["next_step"] == "top":
            return t("readiness.step_top", lang)
        return t(f"readiness.step_{row['next_step']}", lang, level=int(row["target_level"]))

    def needs(row) -> str:
        if row["next_step"] == "top":
            return ""
        return framework.indicator(row["indicator_code"]).level_text(int(row["target_level"]), lang)

    def expected(code: str) -> str:
        indicator = framework.indicator(code)
        return indicator.evidence_en if lang == "en" else indicator.evidence_id

    return pd.DataFrame({
        t("readiness.col_code", lang): rows["indicator_code"],
        t("readiness.col_indicator", lang): rows["indicator_code"].map(lambda c: framework.indicator(c).name(lang)),
        t("readiness.col_dimension", lang): rows["dimension"].map(dimension_names),
        t("readiness.col_level", lang): rows["level"].astype(int),
        t("readiness.col_claimed", lang): rows["claimed_level"].astype("Int64"),
        t("readiness.col_evidence", lang): rows["evidence"].map(lambda e: t(f"readiness.evidence_{e}", lang)),
        t("readiness.col_counts", lang): rows["effective_level"].astype(int),
        t("readiness.col_expected", lang): rows["indicator_code"].map(expected),
        t("readiness.col_next_step", lang): rows.apply(step, axis=1) if len(rows) else pd.Series(dtype=str),
        t("readiness.col_next_needs", lang): rows.apply(needs, axis=1) if len(rows) else pd.Series(dtype=str),
    })


def calendar_frame(windows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The next evaluation's windows (scoring.readiness.next_evaluation) as a table, opening and closing
    as dates (date cells in the workbook); a closed window says so instead of days left."""
    return pd.DataFrame({
        t("readiness.x_stage", lang): windows["stage"],
        t("readiness.x_activity", lang): windows["stage"].map(lambda s: t(f"readiness.window_{s}", lang)),
        t("readiness.x_opens", lang): list(windows["opens"]),
        t("readiness.x_closes", lang): list(windows["closes"]),
        t("readiness.x_days_left", lang): [t("readiness.closed", lang) if closed else int(days)
                                           for closed, days in zip(windows["closed"], windows["days_left"],
                                                                   strict=True)],
    })


def evidence_workbook(store, region: str, year: int, stage: str, owner_opd: str, today: datetime.date,
                      lang: str = "id") -> bytes:
    """One OPD's "daftar bukti dukung": sheets checklist, evaluation calendar, summary."""
    grid, framework = region_grid(store, region, year, stage)
    return _workbook(store, grid, framework, region, year, stage, owner_opd, today, lang)


def _workbook(store, grid, framework, region, year, stage, owner_opd, today, lang) -> bytes:
    counts = opd_readiness(grid).set_index("owner_opd")
    if owner_opd not in counts.index:
        raise ExportRefused("readiness.unknown_opd", opd=owner_opd, region=region)
    row = counts.loc[owner_opd]
    name = store.regions().set_index("code").loc[region, "name"]
    summary = [
        (t("readiness.x_region", lang), f"{name} ({region})"),
        (t("readiness.x_opd", lang), owner_opd),
        (t("readiness.x_data", lang), t("readiness.x_data_value", lang, year=year, stage=stage)),
        (t("readiness.x_indicators", lang), int(row["indicators"])),
        (t("readiness.x_verified", lang), int(row["verified"])),
        (t("readiness.x_progress", lang), round_score(100 * float(row["progress"]), 2)),
        (t("readiness.x_made", lang), today),
    ]
    if store.uses_synthetic_data():
        summary.append((t("readiness.x_synthetic", lang), t("readiness.x_synthetic_value", lang)))
    windows = next_evaluation(store.calendar(), today)
    return xlsx_sheets_bytes({
        t("readiness.x_sheet_checklist", lang): checklist_frame(framework, grid, owner_opd, lang),
        t("readiness.x_sheet_calendar", lang): calendar_frame(windows, lang),
        t("readiness.x_sheet_summary", lang): pd.DataFrame(summary, columns=[t("readiness.x_item", lang),
                                                                              t("readiness.x_value", lang)]),
    })


def workbook_name(region: str, owner_opd: str, lang: str = "id") -> str:
    """daftar-bukti-dukung-35.09-dinas-pupr.xlsx"""
    slug = re.sub(r"[^a-z0-9]+", "-", owner_opd.lower()).strip("-") or "opd"
    return f"{t('readiness.x_file', lang)}-{region}-{slug}.xlsx"


def evidence_workbooks_zip(store, region: str, year: int, stage: str, today: datetime.date,
                           lang: str = "id") -> bytes:
    """Every OPD's workbook of the region in one ZIP (one XLSX per OPD, named by workbook_name)."""
    grid, framework = region_grid(store, region, year, stage)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for owner_opd in opd_readiness(grid)["owner_opd"]:
            archive.writestr(workbook_name(region, owner_opd, lang),
                             _workbook(store, grid, framework, region, year, stage, owner_opd, today, lang))
    return buffer.getvalue()
