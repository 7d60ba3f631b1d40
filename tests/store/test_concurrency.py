"""Partial uploads merge by region, replacing the whole (year, stage) is explicit, and concurrent
writers, retracts and readers on real processes: no lost update, one active snapshot per (year,
stage), every merge made of its base and its file, and readers only ever see complete states."""

from __future__ import annotations

import multiprocessing
import random
import time

import pyarrow.parquet as pq
import pytest

from store import Store
from store.atomic import StoreBusy
from store.manifest import read_manifest
from tests.conftest import TINY_LEVELS
from tests.store.helpers import long_csv, tree_fingerprint

SEED = {"35.09": TINY_LEVELS, "35.78": TINY_LEVELS}
WRITERS = ["11.01", "11.02", "11.03", "11.04"]
ROUNDS = 3


def levels(round_: int) -> dict[str, int]:
    """A writer's levels in a round: higher every round (not a rotation, whose mean can repeat), so
    every commit is a real change of the index; capped at the tiny framework's top level 4."""
    return {code: min(round_ + offset, 4) for offset, code in enumerate(TINY_LEVELS)}


def upload(region: str, round_: int) -> bytes:
    return long_csv({region: levels(round_)}).encode()


# child processes --------------------------------------------------------------------------------
def write_region(data_dir: str, region: str, round_: int, start) -> None:
    """Merge one region's file into 2024 II once `start` is set (retrying while the store is busy)."""
    store = Store(data_dir)
    store.regions(), store.framework_for(2024)
    start.wait(30)
    for _ in range(10):
        try:
            store.ingest_bytes(f"{region}-{round_}.csv", upload(region, round_), year=2024, stage="II",
                               created_by=f"writer {region} {round_}")
            return
        except StoreBusy:
            continue
    raise SystemExit(3)


def retract_repeatedly(data_dir: str, times: int, start, seed: int) -> None:
    """Retract the active 2024 II snapshot `times` times, at random moments."""
    randomness = random.Random(seed)
    store = Store(data_dir)
    start.wait(30)
    for _ in range(times):
        time.sleep(randomness.uniform(0.0, 0.3))
        current = store.active_snapshot(2024, "II")
        if current is not None:
            store.retract(current.id, created_by="retracter", allow_empty=True)


def read_repeatedly(data_dir: str, stop, results) -> None:
    """Read the 2024 II index until `stop`, with a fresh Store and with a long-lived one (as the
    server's shared store); report the distinct states seen, the number of reads and any error."""
    shared = Store(data_dir)
    states, errors, reads = set(), [], 0
    while not stop.is_set() or reads == 0:
        for store in (Store(data_dir), shared):
            try:
                table = store.scores(2024, "II", "index")
                states.add(tuple(zip(table["region_code"], table["index"].round(9), strict=True)))
            except Exception as error:  # any error is what this reader reports
                errors.append(f"{type(error).__name__}: {error}")
            reads += 1
        time.sleep(0.01)  # leave the writers some CPU
    results.put((states, errors[:5], reads))


# helpers --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def processes():
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])  # children start with the store already imported
    return context


@pytest.fixture
def seeded(tiny_data_dir):
    Store(tiny_data_dir).ingest_bytes("seed.csv", long_csv(SEED).encode(), year=2024, stage="II")
    return tiny_data_dir


def index_of(data_dir) -> dict[str, float]:
    table = Store(data_dir).scores(2024, "II", "index")
    return dict(zip(table["region_code"], table["index"].round(9), strict=True))


def assert_consistent(data_dir):
    """Exactly one active snapshot per (year, stage) that has one, unique ids, every file readable;
    and every merge snapshot is its base with its own file's region replaced."""
    folder = data_dir / "snapshots"
    manifest = read_manifest(folder)
    assert len({s.id for s in manifest}) == len(manifest)
    for key in {(s.year, s.stage) for s in manifest}:
        assert [s.status for s in manifest if (s.year, s.stage) == key].count("active") <= 1, key
    by_id = {s.id: s for s in manifest}
    rows = {s.id: pq.read_table(folder / s.path).to_pandas() for s in manifest}
    for snapshot in manifest:
        assert len(rows[snapshot.id]) == snapshot.rows
        pq.read_table(folder / snapshot.scores_path)
        if snapshot.mode != "merge":
            continue
        region = snapshot.source.split("-")[0]
        mine, base = rows[snapshot.id], rows[by_id[snapshot.base_id].id]
        assert dict(zip(mine[mine["region_code"] == region]["indicator_code"],
                        mine[mine["region_code"] == region]["level"], strict=True)) == \
            levels(int(snapshot.source.split("-")[1].split(".")[0]))
        others = mine[mine["region_code"] != region].sort_values(["region_code", "indicator_code"], ignore_index=True)
        kept = base[base["region_code"] != region].sort_values(["region_code", "indicator_code"], ignore_index=True)
        compared = ["region_code", "indicator_code", "level"]
        assert others[compared].equals(kept[compared])
    return manifest


def run_all(workers):
    for worker in workers:
        worker.start()
    return workers


def join_all(workers, timeout=60):
    for worker in workers:
        worker.join(timeout)
    assert [w.exitcode for w in workers] == [0] * len(workers)


# merge and replace ------------------------------------------------------------------------------
def test_partial_upload_merges_replace_all_is_explicit_and_the_same_file_twice_is_a_no_op(tiny_data_dir):
    store = Store(tiny_data_dir)
    seed, _ = store.ingest_bytes("seed.csv", long_csv({**SEED, "11.01": TINY_LEVELS}).encode(), year=2024,
                                 stage="II")
    partial = long_csv({"35.78": levels(1), "11.02": levels(2)}).encode()
    check = store.check_upload("partial.csv", partial, year=2024, stage="II")

    merging = store.preview(check, year=2024, stage="II")
    assert (merging.regions_added, merging.regions_changed) == (["11.02"], ["35.78"])
    assert (merging.regions_kept, merging.regions_removed, merging.replace_all) == (["11.01", "35.09"], [], False)
    replacing = store.preview(check, year=2024, stage="II", replace_all=True)
    assert (replacing.regions_kept, replacing.regions_removed) == ([], ["11.01", "35.09"])

    merged, created = store.commit_upload(check, year=2024, stage="II", source="partial.csv")
    assert created and (merged.mode, merged.base_id, merged.regions) == ("merge", seed.id, 4)
    after_merge = index_of(tiny_data_dir)
    assert set(after_merge) == {"35.09", "35.78", "11.01", "11.02"}
    grid = store.region_indicators("35.09", 2024, "II").set_index("indicator_code")["level"].to_dict()
    assert grid == TINY_LEVELS  # a region not in the file is untouched

    before = tree_fingerprint(tiny_data_dir)
    assert store.preview(check, year=2024, stage="II").duplicate_of == merged.id
    again, created = store.ingest_bytes("partial.csv", partial, year=2024, stage="II")
    assert (again.id, created) == (merged.id, False)
    assert tree_fingerprint(tiny_data_dir) == before  # committing the same file twice writes nothing

    replaced, created = store.commit_upload(check, year=2024, stage="II", source="partial.csv", replace_all=True)
    assert created and (replaced.mode, replaced.regions) == ("replace", 2)
    assert set(index_of(tiny_data_dir)) == {"35.78", "11.02"}
    before = tree_fingerprint(tiny_data_dir)
    assert store.ingest_bytes("partial.csv", partial, year=2024, stage="II", replace_all=True)[1] is False
    assert store.ingest_bytes("partial.csv", partial, year=2024, stage="II")[1] is False
    assert tree_fingerprint(tiny_data_dir) == before

    store.retract(replaced.id, created_by="tester")  # replacing was a mistake: the merge is back
    assert index_of(tiny_data_dir) == after_merge


# concurrency --------------------------------------------------------------------------------------
def test_parallel_partial_writers_lose_no_update_and_readers_see_only_complete_states(seeded, processes):
    seed_index = index_of(seeded)
    allowed = {region: set() for region in WRITERS}  # each writer region's index in every round
    stop, results = processes.Event(), processes.Queue()
    reader = processes.Process(target=read_repeatedly, args=(str(seeded), stop, results))
    reader.start()
    started = time.monotonic()
    for round_ in range(ROUNDS):
        start = processes.Event()
        writers = run_all([processes.Process(target=write_region, args=(str(seeded), region, round_, start))
                           for region in WRITERS])
        time.sleep(0.2)
        start.set()
        join_all(writers)
        manifest = assert_consistent(seeded)
        current = [s for s in manifest if s.status == "active"]
        assert len(current) == 1 and current[0].regions == len(SEED) + len(WRITERS)  # no lost update
        final = index_of(seeded)
        assert {r: final[r] for r in SEED} == seed_index
        for region in WRITERS:
            allowed[region].add(final[region])
        assert len({s.id for s in manifest if s.created_by.endswith(f" {round_}")}) == len(WRITERS)
    stop.set()
    states, errors, reads = results.get(timeout=60)
    reader.join(30)
    assert errors == [] and reads > 0
    assert all(len(v) == ROUNDS for v in allowed.values())  # every round changed every region
    for state in states:
        regions = [region for region, _ in state]
        assert len(regions) == len(set(regions)), state  # no region twice
        seen = dict(state)
        assert {r: seen.get(r) for r in SEED} == seed_index, state
        assert set(seen) - set(SEED) <= set(WRITERS), state
        for region in set(seen) - set(SEED):
            # A round's value, or the one before the first round's commit: never a mix within a region.
            assert seen[region] in allowed[region], (region, seen[region])
    counts = sorted({len(state) for state in states})
    assert set(counts) <= set(range(len(SEED), len(SEED) + len(WRITERS) + 1))
    print(f"{ROUNDS} rounds of {len(WRITERS)} writers in {time.monotonic() - started:.1f} s; {reads} reads saw "
          f"{len(states)} distinct states with {counts} regions")


def test_ingest_racing_retract_leaves_a_consistent_store(seeded, processes):
    start, stop, results = processes.Event(), processes.Event(), processes.Queue()
    reader = processes.Process(target=read_repeatedly, args=(str(seeded), stop, results))
    reader.start()
    workers = run_all([processes.Process(target=write_region, args=(str(seeded), region, round_, start))
                       for round_ in range(2) for region in WRITERS[:3]]
                      + [processes.Process(target=retract_repeatedly, args=(str(seeded), 4, start, 7))])
    time.sleep(0.2)
    start.set()
    join_all(workers)
    stop.set()
    states, errors, reads = results.get(timeout=60)
    reader.join(30)
    assert errors == [] and reads > 0

    manifest = assert_consistent(seeded)
    assert len([s for s in manifest if s.created_by.startswith("writer")]) == 6  # every write landed
    assert len([s for s in manifest if s.status == "retracted"]) >= 1
    for state in states:
        regions = [region for region, _ in state]
        assert len(regions) == len(set(regions)) and set(regions) <= set(SEED) | set(WRITERS), state
    current = Store(seeded).active_snapshot(2024, "II")
    if current is not None:  # what readers see is exactly the active snapshot's regions
        assert len(index_of(seeded)) == current.regions
