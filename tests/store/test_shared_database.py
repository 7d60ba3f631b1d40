"""One database per data folder: the live Store and every frozen agenda read the same database, each
through its own snapshots' files; a snapshot nobody reads any more is read by no view."""

import gc

from store import Store
from store.database import shared_tables
from tests.conftest import TINY_LEVELS
from tests.store.helpers import long_csv


def loaded_ids(store: Store) -> set[str]:
    return shared_tables(store.snapshots_dir, store.regions()).snapshot_ids()


def test_frozen_agendas_share_the_live_database_and_keep_their_numbers(tiny_data_dir, tmp_path):
    upload = tmp_path / "a.csv"
    upload.write_text(long_csv({"35.09": TINY_LEVELS}))
    live = Store(tiny_data_dir)
    first, _ = live.ingest_file(upload, year=2024, stage="II")
    frozen = live.frozen((first.id,))
    assert frozen.scores(2024, "II", "index")["index"].tolist() == [2.825]
    upload.write_text(long_csv({"35.09": {code: 4 for code in TINY_LEVELS}}))
    second, _ = live.ingest_file(upload, year=2024, stage="II")
    assert live.scores(2024, "II", "index")["index"].tolist() == [4.0]
    assert frozen.scores(2024, "II", "index")["index"].tolist() == [2.825]   # the agenda's figures stay
    assert frozen.database._tables is live.database._tables                    # one database, two readers
    assert loaded_ids(live) == {first.id, second.id}
    del frozen
    gc.collect()
    live.scores(2024, "II", "index")
    upload.write_text(long_csv({"35.09": {code: 3 for code in TINY_LEVELS}}))
    third, _ = live.ingest_file(upload, year=2024, stage="II")
    live.scores(2024, "II", "index")
    assert loaded_ids(live) == {third.id}   # nobody reads the first two any more
