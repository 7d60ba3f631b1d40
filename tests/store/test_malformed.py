"""The malformed-upload corpus (tests/fixtures/malformed): every file is refused with exactly the
expected problems (code, row, column, sheet), in both languages, and nothing is written."""

import json

import pytest

from store import IngestRefused, Store
from tests.conftest import FIXTURES
from tests.store.helpers import tree_fingerprint

CORPUS = FIXTURES / "malformed"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


def test_every_corpus_file_has_an_expectation():
    files = {p.name for p in CORPUS.iterdir() if p.suffix in (".csv", ".xlsx")}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_is_refused_with_row_and_column(tiny_data_dir, monkeypatch, name):
    case = EXPECTED[name]
    if "limit_mb" in case:
        monkeypatch.setenv("MATRA_MAX_UPLOAD_MB", case["limit_mb"])
    store = Store(tiny_data_dir)
    data = (CORPUS / name).read_bytes()
    before = tree_fingerprint(tiny_data_dir)

    check = store.check_upload(name, data, year=2024, stage="II")
    assert not check.ok and check.rows.empty
    found = sorted((p.code, p.row, p.column) for p in check.errors)
    assert found == sorted(tuple(p) for p in case["problems"])
    for problem in check.errors:
        assert problem.file == name and problem.sheet == case["sheet"]
        english, indonesian = problem.describe("en"), problem.describe("id")
        assert english.startswith(name) and english != indonesian
        if problem.row is not None:
            assert f"row {problem.row}" in english and f"baris {problem.row}" in indonesian
        if problem.column:
            assert f"column {problem.column}" in english and f"kolom {problem.column}" in indonesian
        if case["sheet"]:
            assert f"sheet {case['sheet']}" in english

    with pytest.raises(IngestRefused) as refused:
        store.ingest_bytes(name, data, year=2024, stage="II")
    assert sorted(refused.value.problems, key=repr) == sorted(check.errors, key=repr)
    assert tree_fingerprint(tiny_data_dir) == before


def test_suggestions_name_the_closest_region_indicator_and_column(tiny_data_dir):
    store = Store(tiny_data_dir)

    def suggestions(name):
        check = store.check_upload(name, (CORPUS / name).read_bytes(), year=2024, stage="II")
        return {(p.row, p.suggestion) for p in check.errors if p.suggestion}

    assert (2, "Kabupaten Jember") in suggestions("unknown_region.csv")
    assert (2, "GOV.A.01") in suggestions("unknown_indicator.csv")
    assert suggestions("missing_column_typo.csv") == {(1, "kode_indikatr")}
    assert (1, "GOV.B.01") in suggestions("wide_problems.csv")  # for the header GOV.Z.09
    assert (3, "Kota Surabaya") in suggestions("wide_problems.csv")


def test_a_formula_with_a_saved_value_is_read_as_its_value(tiny_data_dir):
    check = Store(tiny_data_dir).check_upload("f.xlsx", (CORPUS / "formula_no_value.xlsx").read_bytes(),
                                              year=2024, stage="II")
    assert all(p.row != 3 for p in check.errors)  # row 3 holds =0+1 saved as 1: no problem
    assert all(p.column != "total" for p in check.errors)  # formulas in unused columns do not matter
