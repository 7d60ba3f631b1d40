"""Evaluation calendar import (validated whole, atomic) and the programme template's drop-downs."""

import io

import openpyxl
import pytest

from store import IngestRefused, Store
from store.programme_template import xlsx_programme_template
from tests.store.helpers import tree_fingerprint

GOOD = b"year,stage,opens,closes,note\n2026,I,2026-03-02,2026-04-30,\n2026,II,2026-06-01,2026-08-28,\n"


def test_calendar_import_reads_back_and_bad_files_write_nothing(tiny_data_dir):
    store = Store(tiny_data_dir)
    assert store.import_calendar("c.csv", GOOD) == 2
    assert [str(d) for d in store.calendar()["closes"]] == ["2026-04-30", "2026-08-28"]
    before = tree_fingerprint(tiny_data_dir)
    bad = b"tahun,tahap,dibuka,ditutup\n2026,I,2026-04-30,2026-03-02\n2026,I,2026-13-01,2026-04-30\n2026,III,x,y\n"
    with pytest.raises(IngestRefused) as refused:
        store.import_calendar("bad.csv", bad)
    assert [(p.code, p.row, p.column) for p in refused.value.problems] == [
        ("closes_before_opens", 2, "ditutup"), ("bad_date", 3, "dibuka"), ("duplicate_window", 3, "tahap"),
        ("bad_stage", 4, "tahap"), ("bad_date", 4, "dibuka"), ("bad_date", 4, "ditutup")]
    assert tree_fingerprint(tiny_data_dir) == before


def test_template_has_drop_downs_and_its_example_imports(tiny_data_dir):
    store = Store(tiny_data_dir)
    data = xlsx_programme_template(store.programme_framework())
    sheet = openpyxl.load_workbook(io.BytesIO(data))["programmes"]
    ranges = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert ranges["J2:J301"] == '"direncanakan,berjalan,selesai,dihentikan"'
    assert ranges["C2:C301"] == "lists!$A$1:$A$2"  # the tiny framework's two dimensions
    assert store.import_programmes("35.09", "template.xlsx", data) == 1
