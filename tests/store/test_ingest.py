"""Ingest on real parquet and real DuckDB, in a temporary data folder with the tiny framework."""

import pandas as pd
import pytest

from store import IngestRefused, Store
from tests.conftest import TINY_LEVELS
from tests.store.helpers import long_csv, tree_fingerprint


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_ingest_writes_snapshot_scores_and_manifest(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    snapshot, created = store.ingest_file(write(tmp_path, "a.csv", long_csv()), year=2024,
                                          stage="II", created_by="tester")
    assert created and snapshot.rows == 6 and snapshot.regions == 1
    assert snapshot.created_by == "tester" and snapshot.framework_id == "tiny-2022"
    assert (tiny_data_dir / "snapshots" / snapshot.path).exists()
    assert snapshot.path.startswith("year=2024/stage=II/")
    index = store.scores(2024, "II", "index")
    assert index.loc[0, "region_code"] == "35.09"
    assert index.loc[0, "index"] == pytest.approx(2.825) and index.loc[0, "band"] == 3
    dimensions = store.scores(2024, "II", "dimension").set_index("dimension")["score"]
    assert dimensions.to_dict() == pytest.approx({"ENV": 2.2, "GOV": 3.0})


def test_same_file_twice_does_nothing(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    path = write(tmp_path, "a.csv", long_csv())
    first, _ = store.ingest_file(path, year=2024, stage="II")
    before = tree_fingerprint(tiny_data_dir)
    again, created = store.ingest_file(path, year=2024, stage="II")
    assert not created and again.id == first.id
    assert tree_fingerprint(tiny_data_dir) == before


def test_new_snapshot_supersedes_and_retract_revives(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    first, _ = store.ingest_file(write(tmp_path, "a.csv", long_csv()), year=2024, stage="II")
    higher = {k: 4 for k in TINY_LEVELS}   # every indicator at the top level
    second, _ = store.ingest_file(write(tmp_path, "b.csv", long_csv({"35.09": higher})),
                                  year=2024, stage="II")
    statuses = {s.id: s.status for s in store.snapshots()}
    assert statuses == {first.id: "superseded", second.id: "active"}
    assert store.scores(2024, "II", "index")["index"].iloc[0] == pytest.approx(4.0)
    store.retract(second.id)
    statuses = {s.id: s.status for s in store.snapshots()}
    assert statuses == {first.id: "active", second.id: "retracted"}
    assert store.scores(2024, "II", "index")["index"].iloc[0] == pytest.approx(2.825)
    assert (tiny_data_dir / "snapshots" / second.path).exists()  # nothing deleted


@pytest.mark.parametrize(("name", "text", "encoding"), [
    ("indonesian.csv", "KODE_WILAYAH;Kode Indikator;Level;Level Klaim;Bukti;Catatan\n"
     + "".join(f"Kabupaten Jember;{c};{v};{v};terverifikasi;catatan é\n"
               for c, v in TINY_LEVELS.items()), "cp1252"),
    ("bom.csv", "\ufeff" + long_csv(), "utf-8"),
])
def test_accepted_shapes_load_the_same_levels(tiny_data_dir, tmp_path, name, text, encoding):
    store = Store(tiny_data_dir)
    store.ingest_file(write(tmp_path, name, text, encoding), year=2024, stage="II")
    assert store.scores(2024, "II", "index")["index"].iloc[0] == pytest.approx(2.825)


def test_xlsx_loads(tiny_data_dir, tmp_path):
    frame = pd.read_csv(pd.io.common.StringIO(long_csv()), dtype=str)
    path = tmp_path / "a.xlsx"
    frame.to_excel(path, index=False)
    store = Store(tiny_data_dir)
    store.ingest_file(path, year=2024, stage="I")
    assert store.scores(2024, "I", "index")["index"].iloc[0] == pytest.approx(2.825)


BAD_FILES = {
    "unknown region": ("99.99,GOV.A.01,3,3,verified,\n", 2, "region_code"),
    "unknown indicator": ("35.09,GOV.Z.01,3,3,verified,\n", 2, "indicator_code"),
    "level too high": ("35.09,GOV.A.01,7,3,verified,\n", 2, "level"),
    "level not whole": ("35.09,GOV.A.01,2.5,3,verified,\n", 2, "level"),
    "claimed not a number": ("35.09,GOV.A.01,2,abc,verified,\n", 2, "claimed_level"),
    "bad evidence": ("35.09,GOV.A.01,2,2,yes,\n", 2, "evidence"),
    "duplicate": ("35.09,GOV.A.01,2,2,verified,\n35.09,GOV.A.01,2,2,verified,\n", 3,
                  "region_code, indicator_code"),
    "conflict": ("35.09,GOV.A.01,2,2,verified,\n35.09,GOV.A.01,3,2,verified,\n", 3,
                 "region_code, indicator_code"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_rows_are_refused_with_row_and_column_and_nothing_written(tiny_data_dir, tmp_path,
                                                                      case):
    body, row, column = BAD_FILES[case]
    store = Store(tiny_data_dir)
    before = tree_fingerprint(tiny_data_dir)
    path = write(tmp_path, "bad.csv", "region_code,indicator_code,level,claimed_level,evidence,"
                 "note\n" + body)
    with pytest.raises(IngestRefused) as refused:
        store.ingest_file(path, year=2024, stage="II")
    problem = refused.value.problems[0]
    assert (problem.file, problem.row, problem.column) == ("bad.csv", row, column)
    assert "bad.csv" in problem.describe("en") and str(row) in problem.describe("id")
    assert tree_fingerprint(tiny_data_dir) == before


def test_every_problem_is_listed_with_suggestions(tiny_data_dir, tmp_path):
    body = "35.9,GOV.A.01,9,3,verified,\nKabupaten Jembr,GOV.A.2,1,1,maybe,\n"
    path = write(tmp_path, "many.csv", "region_code,indicator_code,level,claimed_level,evidence,"
                 "note\n" + body)
    with pytest.raises(IngestRefused) as refused:
        Store(tiny_data_dir).ingest_file(path, year=2024, stage="II")
    codes = [(p.code, p.row) for p in refused.value.problems]
    assert codes == [("unknown_region", 2), ("bad_level", 2), ("unknown_region", 3),
                     ("unknown_indicator", 3), ("bad_evidence", 3)]
    suggestions = [p.suggestion for p in refused.value.problems]
    assert "Kabupaten Jember" in suggestions and "GOV.A.02" in suggestions


def test_missing_columns_and_empty_file_are_refused(tiny_data_dir, tmp_path):
    store = Store(tiny_data_dir)
    before = tree_fingerprint(tiny_data_dir)
    with pytest.raises(IngestRefused) as refused:
        store.ingest_file(write(tmp_path, "cols.csv", "region_code,level\n35.09,3\n"), year=2024,
                          stage="II")
    assert {p.column for p in refused.value.problems} == {"indicator_code", "evidence"}
    with pytest.raises(IngestRefused) as refused:
        store.ingest_file(write(tmp_path, "empty.csv", ""), year=2024, stage="II")
    assert refused.value.problems[0].code == "empty_file"
    with pytest.raises(IngestRefused) as refused:
        store.ingest_file(write(tmp_path, "a.csv", long_csv()), year=2031, stage="II")
    assert refused.value.problems[0].code == "no_framework"
    assert tree_fingerprint(tiny_data_dir) == before
