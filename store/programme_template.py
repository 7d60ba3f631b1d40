"""The programme register template: XLSX with instructions and drop-downs, or CSV with one example.

Indonesian headers (the import reads English ones too). The drop-downs list the framework's
dimensions, owner OPDs and indicator codes, the statuses, budget sources and ya/tidak.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from scoring import Framework
from store.exports import csv_bytes
from store.programmes import COLUMNS, INDONESIAN_HEADERS
from store.templates import _drop_down, _put, _table

ROWS = 300
INSTRUCTIONS = [
    ("Satu baris per program atau Quick Win dari Masterplan Smart City.",
     "One row per programme or quick win of the Smart City masterplan."),
    ("indikator: KODE=LEVEL dipisah titik koma, mis. GOV.LP.01=3; GOV.LP.02=4 (level 0-5 yang harus dicapai).",
     "indicators: CODE=LEVEL separated by semicolons, e.g. GOV.LP.01=3; GOV.LP.02=4 (the level 0-5 to reach)."),
    ("anggaran dalam rupiah (angka, tanpa rumus); sumber: APBD, DPA atau lainnya.",
     "budget in rupiah (a number, no formula); source: APBD, DPA or other."),
    ("status: direncanakan, berjalan, selesai, dihentikan; progres 0-100; quick_win ya/tidak.",
     "status: planned, running, done, stopped; progress 0-100; quick_win yes/no."),
    ("Mengunggah berkas mengganti seluruh daftar program daerah; versi sebelumnya tetap tersimpan.",
     "Uploading replaces the region's whole register; the earlier version is kept."),
]


def example_row(framework: Framework) -> list:
    first, second = framework.indicators[0], framework.indicators[1]
    return ["GOV-01", "Satu Data Daerah", first.dimension, f"{first.code}=3; {second.code}=4", first.owner_opd,
            1500000000, "APBD", 2025, 2027, "berjalan", 40, "tidak", "Misi 2"]


def csv_programme_template(framework: Framework) -> bytes:
    return csv_bytes(pd.DataFrame([example_row(framework)], columns=[INDONESIAN_HEADERS[c] for c in COLUMNS]))


def xlsx_programme_template(framework: Framework) -> bytes:
    """Sheets petunjuk (instructions, id + en), programmes (headers, an example, drop-downs), lists."""
    workbook = openpyxl.Workbook()
    guide = workbook.active
    guide.title = "petunjuk"
    guide.column_dimensions["A"].width = guide.column_dimensions["B"].width = 90
    for row, (indonesian, english) in enumerate(INSTRUCTIONS, start=1):
        _put(guide, row, 1, indonesian)
        _put(guide, row, 2, english)
    sheet = workbook.create_sheet("programmes")
    _table(sheet, [INDONESIAN_HEADERS[c] for c in COLUMNS], [example_row(framework)])
    lists = workbook.create_sheet("lists")
    opds = sorted({i.owner_opd for i in framework.indicators})
    columns = {"A": [d.code for d in framework.dimensions], "B": opds, "C": [i.code for i in framework.indicators]}
    for letter, values in columns.items():
        for row, value in enumerate(values, start=1):
            _put(lists, row, ord(letter) - 64, value)
    last = ROWS + 1
    _drop_down(sheet, f"lists!$A$1:$A${len(columns['A'])}", f"C2:C{last}")
    _drop_down(sheet, f"lists!$B$1:$B${len(opds)}", f"E2:E{last}")
    _drop_down(sheet, '"APBD,DPA,lainnya"', f"G2:G{last}")
    _drop_down(sheet, '"direncanakan,berjalan,selesai,dihentikan"', f"J2:J{last}")
    _drop_down(sheet, '"ya,tidak"', f"L2:L{last}")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
