"""Upload templates: an XLSX workbook (instructions, data sheet with drop-downs, the year's indicator
catalogue, the region list) and a one-example-row CSV. A filled-in template loads as it is.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from scoring import Framework
from store.exports import csv_bytes, finish_table_sheet
from store.template_stamp import stamp

LONG_HEADERS = ["region_code", "indicator_code", "level", "claimed_level", "evidence", "note"]
DATA_ROWS = 60_000   # drop-downs cover this many rows: 514 regions x ~100 indicators fit
EVIDENCE = '"verified,submitted,missing,terverifikasi,diajukan,tidak ada"'

INSTRUCTIONS = [
    ("Petunjuk pengisian", "How to fill in"),
    ("Isi lembar 'data': satu baris per daerah x indikator. Jangan ubah judul kolom.",
     "Fill in the 'data' sheet: one row per region x indicator. Keep the column headers."),
    ("region_code (kode_wilayah): kode Kemendagri, mis. 35.09, atau nama persis dari lembar 'regions'.",
     "region_code (kode_wilayah): Kemendagri code, e.g. 35.09, or the exact name from the 'regions' sheet."),
    ("indicator_code (kode_indikator): kode dari lembar 'indicators'.",
     "indicator_code (kode_indikator): a code from the 'indicators' sheet."),
    ("level: level terverifikasi, bilangan bulat 0 sampai {top} (0 = belum ada).",
     "level: the verified level, a whole number from 0 to {top} (0 = not in place)."),
    ("claimed_level (level_klaim): level penilaian mandiri 0 sampai {top}, boleh kosong.",
     "claimed_level (level_klaim): the self-assessed level 0 to {top}, may be blank."),
    ("evidence (bukti): verified/terverifikasi, submitted/diajukan atau missing/tidak ada. Level tanpa bukti dukung "
     "terverifikasi dihitung menurut kebijakan bukti dukung dalam kerangka (biasanya 0).",
     "evidence (bukti): verified, submitted or missing (or terverifikasi, diajukan, tidak ada). A level "
     "without verified evidence counts as the framework's evidence policy says (usually 0)."),
    ("note (catatan): teks bebas, boleh kosong.", "note (catatan): free text, may be blank."),
    ("Indikator yang tidak diisi untuk suatu daerah dihitung 0 (berkas tetap dimuat dengan peringatan).",
     "An indicator left out for a region counts as 0 (the file still loads, with a warning)."),
    ("Bentuk lebar juga diterima: satu baris per daerah, satu kolom per kode indikator berisi level. "
     "Dalam bentuk lebar level_klaim kosong, dan bukti dukung = terverifikasi kecuali ada kolom bukti/evidence "
     "yang berlaku untuk seluruh baris (kolom catatan/note juga berlaku untuk seluruh baris). Sel kosong = "
     "indikator itu tidak diisi.",
     "Wide form is accepted too: one row per region, one column per indicator code holding the level. In "
     "wide form claimed_level is blank, and evidence is verified unless an evidence/bukti column gives it "
     "for the whole row (a note/catatan column applies to the whole row too). A blank cell = that "
     "indicator is left out."),
    ("Kolom tambahan year/tahun dan stage/tahap boleh ada, tetapi harus sama dengan tahun dan tahap yang "
     "dipilih saat memuat.",
     "Optional year/tahun and stage/tahap columns must match the year and stage chosen when loading."),
    ("Judul kolom boleh dalam bahasa Indonesia atau Inggris, huruf besar/kecil bebas. CSV: UTF-8 atau "
     "Windows-1252, pemisah , atau ;.",
     "Headers may be Indonesian or English, any case. CSV: UTF-8 or Windows-1252, separated by , or ;."),
    ("Jangan biarkan rumus tanpa nilai: simpan berkas dari Excel setelah dihitung, atau tempel sebagai nilai.",
     "Do not leave formulas without values: save the file from Excel after it has calculated, or paste "
     "values."),
    ("Memuat berkas membuat versi data baru untuk tahun dan tahap itu; versi data sebelumnya disimpan dan dapat "
     "diaktifkan kembali dengan menarik (retract) yang baru.",
     "Loading makes a new snapshot for that year and stage; the previous one is kept and comes back if the "
     "new one is retracted."),
]


def _put(sheet, row: int, column: int, value) -> None:
    # openpyxl turns a string starting with "=" into a formula; template text is always text.
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"


def _table(sheet, headers: list[str], rows: list[list]) -> None:
    for column, header in enumerate(headers, start=1):
        _put(sheet, 1, column, header)
        sheet.cell(row=1, column=column).font = Font(bold=True)
    for row_number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            _put(sheet, row_number, column, value)
    finish_table_sheet(sheet)   # frozen header, filter, widths: as every XLSX export


def _instructions(sheet, framework: Framework, year: int, stage: str) -> None:
    sheet.column_dimensions["A"].width = 90
    sheet.column_dimensions["B"].width = 90
    _put(sheet, 1, 1, "Bahasa Indonesia")
    _put(sheet, 1, 2, "English")
    _put(sheet, 2, 1, f"Templat Matra: tahun {year}, tahap {stage}, kerangka {framework.id}")
    _put(sheet, 2, 2, f"Matra template: year {year}, stage {stage}, framework {framework.id}")
    for row, (indonesian, english) in enumerate(INSTRUCTIONS, start=4):   # levels run 0..max_level
        _put(sheet, row, 1, indonesian.replace("{top}", str(framework.max_level)))
        _put(sheet, row, 2, english.replace("{top}", str(framework.max_level)))
    for cell in (*sheet[1], *sheet[2], *sheet[4]):
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def level_list(framework: Framework) -> str:
    """The drop-down list of levels 0..max_level, as a data validation formula ('"0,1,2,3,4"')."""
    return '"' + ",".join(str(level) for level in range(framework.max_level + 1)) + '"'


def _drop_down(sheet, formula: str, cells: str, strict: bool = True) -> None:
    check = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                           errorStyle="stop" if strict else "warning")
    check.add(cells)
    sheet.add_data_validation(check)


def xlsx_template(framework: Framework, regions: pd.DataFrame, *, year: int, stage: str) -> bytes:
    """An XLSX upload template for (year, stage): sheets instructions (Indonesian and English), data
    (long-form headers; drop-downs for region, indicator, level and evidence), indicators (the
    framework's catalogue for that year) and regions."""
    workbook = openpyxl.Workbook()
    stamp(workbook, year=year, stage=stage, framework_id=framework.id)
    _instructions(workbook.active, framework, year, stage)
    workbook.active.title = "instructions"
    data = workbook.create_sheet("data")
    for column, width in zip("ABCDEF", (18, 16, 8, 14, 16, 40), strict=True):   # room to type (at least)
        data.column_dimensions[column].width = width
    _table(data, LONG_HEADERS, [])
    data.column_dimensions["A"].number_format = "@"  # keep 35.10 as text, not the number 35.1
    last = DATA_ROWS + 1
    _drop_down(data, f"regions!$A$2:$A${len(regions) + 1}", f"A2:A{last}", strict=False)  # names allowed
    _drop_down(data, f"indicators!$A$2:$A${len(framework.indicators) + 1}", f"B2:B{last}")
    _drop_down(data, level_list(framework), f"C2:D{last}")
    _drop_down(data, EVIDENCE, f"E2:E{last}")
    indicator_headers = ["code", "name_id", "name_en", "dimension", "element", "chain", "aspect", "weight",
                         "owner_opd", *[f"level_{n}" for n in range(6)]]
    _table(workbook.create_sheet("indicators"), indicator_headers, [
        [i.code, i.name_id, i.name_en, i.dimension, i.element, i.chain, i.aspect, i.weight, i.owner_opd,
         *[i.level_text(n, "id") for n in range(6)]] for i in framework.indicators])
    _table(workbook.create_sheet("regions"), ["code", "name", "province_name", "kind"],
           regions[["code", "name", "province_name", "kind"]].values.tolist())
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_template(framework: Framework, regions: pd.DataFrame, *, year: int | None = None,
                 stage: str | None = None) -> bytes:
    """A CSV upload template: the long-form header and one example row (UTF-8 with BOM); with `year`
    and `stage`, year and stage columns say what the file is for (an upload for another year or
    stage is refused, and the Data page picks them from the file)."""
    codes = list(regions["code"])
    region = "35.09" if "35.09" in codes else codes[0]
    example = [region, framework.indicators[0].code, 3, 3, "verified", "contoh / example"]
    if year is None or stage is None:
        return csv_bytes(pd.DataFrame([example], columns=LONG_HEADERS))
    return csv_bytes(pd.DataFrame([[*example, year, stage]], columns=[*LONG_HEADERS, "year", "stage"]))
