"""The writes of a `Store`: assessment uploads (check, preview, commit), retraction, targets,
programme registers, saved scenarios and the calendar.

`StoreWrites` is a mixin of `store.repository.Store`. Every write goes through the writer lock and
an atomic rename (`store.snapshots`, `store.atomic`); a refused input raises IngestRefused (every
problem listed) and leaves the data folder byte-for-byte unchanged. Every file is measured by
`store.limits.refuse_oversize` before it is read, and every imported file (assessments on the Data
page, programme registers, calendars, targets) is parsed and checked in the bounded worker
(`store.parse_worker.run_in_worker`), never in the server process.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from scoring import STAGES, Framework
from store import audit, calendar, programmes, rankings, retraction, scenarios, targets
from store.audit import audited, count_line, ingest_line, scenario_line
from store.limits import Limits, oversize_problems, read_within_limit, refuse_oversize
from store.manifest import Snapshot
from store.parse_worker import check_in_worker, run_in_worker
from store.problems import IngestRefused, Problem
from store.scenarios import Scenario, ScenarioRefused
from store.settings import setting
from store.snapshots import Progress, commit_snapshot, content_sha256, read_snapshot_rows
from store.template_stamp import stated_year_stage
from store.upload import Preview, UploadCheck, build_preview, check_upload, refuse_unless_committable


class StoreWrites:
    # writes -----------------------------------------------------------------------------------
    def ingest_file(self, path: str | Path, *, year: int, stage: str, created_by: str | None = None,
                    replace_all: bool = False, in_worker: bool = False) -> tuple[Snapshot, bool]:
        """Validate a CSV/XLSX file and commit it to (year, stage): merged by region into the active
        snapshot, or as the whole (year, stage) with `replace_all`.

        Returns (snapshot, created); created is False when the same file is already active.
        Raises IngestRefused listing every problem; then nothing at all is written. A file over
        MATRA_MAX_UPLOAD_MB is refused before it is read.
        """
        path = Path(path)
        data = read_within_limit(path)
        return self.ingest_bytes(path.name, data, year=year, stage=stage, created_by=created_by,
                                 replace_all=replace_all, in_worker=in_worker)

    # The one size check (store/limits.py), kept as a method for the callers that hold a Store.
    refuse_oversize = staticmethod(refuse_oversize)

    @audited("ingest", ingest_line)
    def ingest_bytes(self, name: str, data: bytes, *, year: int, stage: str, created_by: str | None = None,
                     replace_all: bool = False, in_worker: bool = False) -> tuple[Snapshot, bool]:
        """`check_upload` then `commit_upload`: raises IngestRefused listing every problem."""
        check = self.check_upload(name, data, year=year, stage=stage, in_worker=in_worker)
        if not check.ok:
            raise IngestRefused(check.errors or [Problem("empty_file", file=name)])
        return self.commit_upload(check, year=year, stage=stage, source=name, created_by=created_by,
                                  replace_all=replace_all)

    def check_upload(self, name: str, data: bytes, *, year: int, stage: str, in_worker: bool = False,
                     created_by: str | None = None, role: str = "") -> UploadCheck:
        """Read and validate an upload (long or wide CSV/XLSX) for (year, stage); writes no data and
        never raises for bad input: problems are in `.errors`, loadable concerns in `.warnings`.
        Reading stays within the MATRA_MAX_* limits; `in_worker` reads in a separate process bounded
        by MATRA_PARSE_MEMORY_MB and MATRA_PARSE_SECONDS (the web server does). A refused file is
        an ingest refused: the audit log gets a line (who = `created_by`)."""
        framework = self.framework_for(year) if stage in STAGES else None
        limits = Limits.from_settings()
        # check_upload refuses a file over the limit before reading it: no worker is started for one
        in_worker = in_worker and not oversize_problems(name, len(data), limits.upload_mb)
        checker = check_in_worker if in_worker else check_upload
        check = checker(name, data, year=year, stage=stage, framework=framework, regions=self.regions(),
                        limits=limits)
        if check.ok:  # the same bytes already loaded elsewhere is most likely a wrong year or stage
            check.warnings += [Problem("same_file_loaded", file=name, value=s.id, expected=f"{s.year} {s.stage}",
                                       warning=True)
                               for s in self.snapshots() if s.sha256 == check.sha256 and s.status == "active"
                               and (s.year, s.stage) != (year, stage)]
        elif not audit.inside_audited_write():
            audit.record(self.data_dir, "ingest", who=created_by, role=role, ids=[name], outcome="refused",
                         counts={"problems": len(check.errors)},
                         detail="; ".join(p.describe("en") for p in check.errors[:3]),
                         reason=audit.problem_reasons(check.errors))
        return check

    def preview(self, check: UploadCheck, *, year: int, stage: str, replace_all: bool = False) -> Preview:
        """What committing `check` would change against the active snapshot of (year, stage): merged
        by region, or replacing the whole (year, stage) with `replace_all`. Raises IngestRefused
        when the check is not committable for that year and stage, StoreDamaged when the active
        snapshot's files are missing."""
        framework = self.framework_for(year)
        refuse_unless_committable(check, year, stage, framework)
        current = next((s for s in self.snapshots() if (s.year, s.stage, s.status) == (year, stage, "active")),
                       None)
        rows = index = None
        if current is not None:
            rows = read_snapshot_rows(self.snapshots_dir, current)
            scores = read_snapshot_rows(self.snapshots_dir, replace(current, path=current.scores_path))
            index = scores[scores["kind"] == "index"]
        return build_preview(check, rows, index, current, framework, self.regions(), replace_all)

    @audited("ingest", ingest_line)
    def commit_upload(self, check: UploadCheck, *, year: int, stage: str, source: str,
                      created_by: str | None = None, progress: Progress | None = None,
                      replace_all: bool = False) -> tuple[Snapshot, bool]:
        """Commit a checked upload to (year, stage); returns (snapshot, created). By default the new
        snapshot is the one active at commit time (under the writer lock) with the file's regions
        replaced; `replace_all` makes the file the whole (year, stage). The same file already active
        gives (that snapshot, False) and writes nothing. Raises IngestRefused when `check` is not ok
        or was made for another year/stage; StoreBusy when another writer holds the lock;
        StoreWriteFailed / StoreDamaged when the disk or the store fails (nothing written).
        `progress(fraction 0..1, step)` is told of each step."""
        framework = self.framework_for(year)
        refuse_unless_committable(check, year, stage, framework)
        return self._ranked(commit_snapshot(self.data_dir, check.rows, year=year, stage=stage, framework=framework,
                                            source=source, sha256=check.sha256, created_by=created_by,
                                            progress=progress, replace_all=replace_all))

    @audited("ingest", ingest_line)
    def ingest_rows(self, rows: pd.DataFrame, *, year: int, stage: str, source: str,
                    created_by: str | None = None, synthetic: bool = False) -> tuple[Snapshot, bool]:
        """Commit already-typed rows (tools, tests). The rows are checked against the framework."""
        framework = self._framework_or_refuse(source, year, stage)
        unknown = set(rows["indicator_code"]) - {i.code for i in framework.indicators}
        if unknown:
            raise IngestRefused([Problem("unknown_indicator", file=source, value=code,
                                         expected=framework.id) for code in sorted(unknown)])
        return self._ranked(commit_snapshot(self.data_dir, rows, year=year, stage=stage, framework=framework,
                                            source=source, sha256=content_sha256(rows), created_by=created_by,
                                            synthetic=synthetic))

    def _ranked(self, committed: tuple[Snapshot, bool]) -> tuple[Snapshot, bool]:
        """A commit's result, after writing the rankings it changed (store/rankings.py)."""
        snapshot, created = committed
        if created:
            rankings.write_after_change(self, snapshot.year, snapshot.stage)
        return committed

    def write_rankings(self) -> list[Path]:
        """Write the ranking of every active year and stage that has none for its current inputs
        (store/rankings.py; after the groups or the region list changed). Returns the files written."""
        return rankings.write_missing(self)

    def _ranked_effect(self, change: retraction.Effect) -> Snapshot:
        if change.changes:
            rankings.write_after_change(self, change.target.year, change.target.stage)
        return change.target

    def retract(self, snapshot_id: str, created_by: str | None = None, *, allow_empty: bool = False,
                role: str = "") -> Snapshot:
        """Retract a snapshot (recording who and when; store/retraction.py); the newest superseded one
        of its (year, stage) becomes active again. Nothing is deleted. Raises IngestRefused for an
        unknown id, or (would_empty) when no earlier version exists, unless `allow_empty`."""
        return self._ranked_effect(retraction.apply(self.data_dir, snapshot_id, "retract", created_by=created_by,
                                                    role=role, allow_empty=allow_empty))

    def restore(self, snapshot_id: str, created_by: str | None = None, *, role: str = "") -> Snapshot:
        """Make a retracted or superseded snapshot the active one of its (year, stage) again; the one
        active until now becomes superseded. Nothing is deleted. IngestRefused for an unknown id."""
        return self._ranked_effect(retraction.apply(self.data_dir, snapshot_id, "restore", created_by=created_by,
                                                    role=role))

    def change_effect(self, snapshot_id: str, action: str) -> retraction.Effect:
        """What retracting or restoring (`action`) the snapshot would make active, read now."""
        return retraction.effect(self.snapshots(), snapshot_id, action)

    def stated_year_stage(self, name: str, data: bytes) -> tuple[int, str] | None:
        """The (year, stage) a Matra template says it is for (store/template_stamp.py), or None. Reads
        only the XLSX properties or the CSV's first lines, so the web process may ask it; the upload
        check (in the bounded worker) also reads an older template's instructions sheet."""
        return stated_year_stage(name, data, Limits.from_settings(), read_sheets=False)

    def change_index_moves(self, change: retraction.Effect) -> pd.DataFrame:
        """The regions whose index a retract or restore changes, now and afterwards
        (store.retraction.index_moves columns)."""
        return retraction.index_moves(self.snapshots_dir, change, self.regions())

    def record_refusal(self, action: str, problem: Problem, *, created_by: str, role: str = "",
                       ids: list | tuple = (), counts: dict | None = None) -> dict:
        """Append a refused line to the audit log for a write the caller refused before asking the
        store (a steward's file for regions outside the account, a sign-in with a wrong password):
        `created_by` and `role` say who asked, `problem` why (its code and value are the line's
        reason, worded in the reader's language by the Data page). Returns the line."""
        return audit.record(self.data_dir, action, who=created_by, role=role, ids=ids, counts=counts,
                            outcome="refused", detail=problem.describe("en"), reason=audit.problem_reasons([problem]))

    def record_signin(self, name: str, *, role: str = "", ok: bool) -> dict:
        """Append a sign-in line (action "signin", ok or refused) with the name given and the role
        signed in to (or the role of the account the name belongs to); never a password."""
        if not ok:
            return self.record_refusal("signin", Problem("signin_refused"), created_by=name or "-", role=role)
        return audit.record(self.data_dir, "signin", who=name, role=role)

    def audit_log(self, since: str | None = None) -> list[dict]:
        """The audit log, oldest first (store/audit.py FIELDS), from `since` (ISO date) when given."""
        return audit.read_log(self.data_dir, since)

    # targets ------------------------------------------------------------------------------------
    @audited("targets", count_line("keys"))
    def save_targets(self, frame: pd.DataFrame, *, created_by: str | None = None) -> int:
        """Set the targets of the (region_code, year, dimension) keys in `frame` (columns region_code,
        year, dimension, target, optional note); a blank target removes the key's target. Every other
        row is kept. Returns the number of keys set or removed. Raises IngestRefused listing every
        problem (unknown region, dimension not in the year's framework, target outside 0..max_level)."""
        rows = targets.checked_targets(targets.records_from_frame(frame), [], file="", sheet="",
                                       framework_for=self.framework_for, regions=self.regions())
        return targets.save_targets(self.data_dir, rows, created_by=created_by) if len(rows) else 0

    @audited("targets", count_line("keys", 1))
    def import_targets(self, name: str, data: bytes, *, created_by: str | None = None) -> int:
        """Save targets from a CSV/XLSX file: long (region_code|kode_wilayah, year|tahun,
        dimension|dimensi, target) or wide (region and year columns, one column per dimension code).
        Returns the number of keys set or removed; raises IngestRefused listing every problem."""
        refuse_oversize(data, name)
        codes = {d.code for f in self.frameworks() for d in f.dimensions}
        grid, records, problems = run_in_worker(name, targets.records_from_file, name, data, codes)
        rows = targets.checked_targets(records, problems, file=name, sheet=grid.sheet,
                                       framework_for=self.framework_for, regions=self.regions())
        return targets.save_targets(self.data_dir, rows, created_by=created_by)

    def _framework_or_refuse(self, name: str, year: int, stage: str) -> Framework:
        if stage not in STAGES:
            raise IngestRefused([Problem("bad_stage", file=name, value=str(stage),
                                         expected=" | ".join(STAGES))])
        framework = self.framework_for(year)
        if framework is None:
            raise IngestRefused([Problem("no_framework", file=name, value=str(year))])
        return framework

    @audited("programmes", count_line("version", 1, 2))
    def import_programmes(self, region: str, name: str, data: bytes, *, created_by: str | None = None,
                          synthetic: bool = False) -> int:
        """Replace the region's register from a CSV/XLSX file; returns the new version number.
        Raises IngestRefused listing every problem; then nothing is written."""
        if region not in set(self.regions()["code"]):
            raise IngestRefused([Problem("unknown_region", file=name, value=region)])
        refuse_oversize(data, name)
        rows = run_in_worker(name, programmes.check_file, name, data, self.programme_framework(),
                             int(setting("MATRA_MAX_PROGRAMMES")))
        return programmes.save_programmes(self.data_dir, region, rows, created_by=created_by, synthetic=synthetic)

    @audited("scenario", scenario_line)
    def save_scenario(self, scenario: Scenario, *, created_by: str | None = None) -> Scenario:
        """Store `scenario` after checking it applies: the region was assessed in its year and stage,
        every indicator and level is valid and every programme is in the register. Raises
        ScenarioRefused (not assessed, bad name, nothing chosen) or WhatIfError."""
        if self.scenario_result(scenario) is None:
            raise ScenarioRefused("not_assessed", f"{scenario.region} {scenario.year} {scenario.stage}")
        return scenarios.save_scenario(self.data_dir, scenario, created_by)

    @audited("scenario_delete", count_line("deleted", 1, 2))
    def delete_scenario(self, region: str, scenario_id: str) -> bool:
        return scenarios.delete_scenario(self.data_dir, region, scenario_id)

    @audited("calendar", count_line("windows", 1))
    def import_calendar(self, name: str, data: bytes) -> int:
        """Replace the evaluation calendar from a CSV/XLSX file; IngestRefused lists every problem."""
        refuse_oversize(data, name)
        return calendar.write_calendar(self.data_dir, run_in_worker(name, calendar.check_calendar, name, data))

