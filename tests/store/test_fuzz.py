"""Property/fuzz tests of the upload parser: whatever bytes or cells arrive, checking an upload or
importing targets either works or refuses with IngestRefused; nothing else escapes."""

import contextlib
import io
import shutil
from datetime import datetime

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring import load_framework
from store import IngestRefused, Store
from store.reading import read_grid
from store.validate import EVIDENCE_VALUES
from tests.conftest import FIXTURES, REPO, TINY_LEVELS

TOP = load_framework(FIXTURES / "tiny.toml").max_level   # levels and targets run 0..TOP (4)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
WORDS = ["region_code", "kode_wilayah", "indicator_code", "level", "claimed_level", "evidence", "bukti",
         "note", "tahun", "tahap", "year", "dimension", "target", "35.09", "35.78", "Kabupaten Jember",
         "verified", "tidak ada", "II", "2024", "3", "5", "9", "-1", "2.5", "3,0", "nan", "inf", "1e400", "=1+2",
         "GOV", "ENV", *TINY_LEVELS, "", " ", '"', "\n", "é", "\ufeff", "\x00"]
CELL_TEXT = st.one_of(st.sampled_from(WORDS), st.text(max_size=12))
ROWS = st.lists(st.lists(CELL_TEXT, max_size=8), max_size=8)
CELLS = st.one_of(st.none(), CELL_TEXT, st.integers(-10, 10**12), st.booleans(),
                  st.floats(allow_nan=False, allow_infinity=False),
                  st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("fuzz") / "data"
    (data_dir / "framework").mkdir(parents=True)
    shutil.copy(FIXTURES / "tiny.toml", data_dir / "framework" / "tiny.toml")
    shutil.copytree(REPO / "data" / "reference", data_dir / "reference")
    return Store(data_dir)


def csv_bytes(rows, delimiter, encoding):
    text = "\n".join(delimiter.join(row) for row in rows)
    return text.encode(encoding, errors="replace")


def xlsx_bytes(rows, title):
    book = openpyxl.Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def assert_check_is_sound(check):
    """An ok check holds only valid rows; a refused one says why and holds none."""
    if check.ok:
        assert not check.errors
        assert check.rows["level"].between(0, TOP).all()
        assert set(check.rows["evidence"]) <= set(EVIDENCE_VALUES.values())
        assert not check.rows.duplicated(["region_code", "indicator_code"]).any()
    else:
        assert check.rows.empty and check.errors


@FUZZ
@given(data=st.binary(max_size=600), name=st.sampled_from(["a.csv", "a.xlsx", "a.txt", "a"]))
def test_random_bytes_never_escape(store, data, name):
    assert_check_is_sound(store.check_upload(name, data, year=2024, stage="II"))
    with contextlib.suppress(IngestRefused):
        read_grid(name, data, key_aliases=("region_code",))


@FUZZ
@given(rows=ROWS, delimiter=st.sampled_from([",", ";", "\t", "|"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
       header=st.booleans())
def test_random_csv_content_never_escapes(store, rows, delimiter, encoding, header):
    if header:
        rows = [["region_code", "indicator_code", "level", "claimed_level", "evidence", "note"], *rows]
    check = store.check_upload("fuzz.csv", csv_bytes(rows, delimiter, encoding), year=2024, stage="II")
    assert_check_is_sound(check)


@FUZZ
@given(rows=st.lists(st.lists(CELLS, max_size=7), max_size=7), header=st.sampled_from(["long", "wide", "none"]),
       title=st.sampled_from(["data", "Sheet", "targets"]))
def test_random_xlsx_content_never_escapes(store, rows, header, title):
    headers = {"long": [["kode_wilayah", "kode_indikator", "level", "level_klaim", "bukti", "catatan"]],
               "wide": [["region_code", *TINY_LEVELS]], "none": []}[header]
    rows = [[c.replace("\x00", "") if isinstance(c, str) else c for c in row] for row in rows]
    rows = [[c for c in row if not (isinstance(c, str) and any(ord(ch) < 32 and ch not in "\t\n\r" for ch in c))]
            for row in rows]  # openpyxl itself refuses control characters
    assert_check_is_sound(store.check_upload("fuzz.xlsx", xlsx_bytes(headers + rows, title), year=2024,
                                             stage="II"))


@FUZZ
@given(rows=ROWS, wide=st.booleans(), delimiter=st.sampled_from([",", ";"]))
def test_random_target_files_never_escape(store, rows, wide, delimiter):
    header = ["region_code", "year", "GOV", "ENV"] if wide else ["kode_wilayah", "tahun", "dimensi", "target"]
    try:
        count = store.import_targets("t.csv", csv_bytes([header, *rows], delimiter, "utf-8"), created_by="fuzz")
    except IngestRefused as refused:
        assert refused.problems
    else:
        assert count >= 0
        table = store.targets_table()
        assert table["target"].between(0, TOP).all()


VALID_ROWS = st.lists(st.tuples(st.sampled_from(["35.09", "35.78", "Kabupaten Aceh Selatan"]),
                                st.sampled_from(list(TINY_LEVELS)), st.integers(0, TOP),
                                st.sampled_from(["", "0", str(TOP)]), st.sampled_from(sorted(EVIDENCE_VALUES))),
                      min_size=1, max_size=12, unique_by=lambda r: (r[0], r[1]))
CORRUPTIONS = {"level": [str(TOP + 1), "7", "2.5", "x", ""], "evidence": ["ya", ""], "region_code": ["35.99", "Jember"],
               "indicator_code": ["GOV.A.09", ""]}


@FUZZ
@given(rows=VALID_ROWS, corrupt=st.none() | st.tuples(st.integers(0, 11), st.sampled_from(sorted(CORRUPTIONS)),
                                                       st.integers(0, 3)),
       delimiter=st.sampled_from([",", ";"]))
def test_valid_rows_load_and_one_bad_cell_is_named(store, rows, corrupt, delimiter):
    columns = ["region_code", "indicator_code", "level", "claimed_level", "evidence"]
    table = [[region, code, str(level), claimed, evidence] for region, code, level, claimed, evidence in rows]
    if corrupt is not None:
        position, column, choice = corrupt
        position %= len(table)
        options = CORRUPTIONS[column]
        table[position][columns.index(column)] = options[choice % len(options)]
    check = store.check_upload("v.csv", csv_bytes([columns, *table], delimiter, "utf-8"), year=2024, stage="II")
    if corrupt is None:
        assert check.ok and len(check.rows) == len(rows)
    else:
        assert not check.ok
        assert (position + 2, column) in {(p.row, p.column) for p in check.errors}
