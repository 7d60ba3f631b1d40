"""An upload in three steps: check (nothing written), preview (its effect), commit (a snapshot).

`check_upload` never raises for bad input: every problem is in `UploadCheck.errors`. `preview`
compares the checked rows with the active snapshot of the same (year, stage). Committing is
`snapshots.commit_snapshot` with the checked rows; the Store methods tie the steps together.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from scoring import STAGES, Framework
from store.bounded_reading import read_upload_grid
from store.limits import Limits, oversize_problems
from store.manifest import Snapshot
from store.problems import IngestRefused, Problem
from store.shapes import COLUMN_ALIASES, to_records
from store.snapshots import snapshot_scores
from store.template_stamp import stated_year_stage
from store.validate import empty_rows, validate_records

CHANGE_COLUMNS = ["region_code", "indicator_code", "old_level", "new_level", "old_evidence", "new_evidence"]
MOVE_COLUMNS = ["region_code", "name", "current_index", "new_index", "change"]
COMPARED = ["level", "claimed_level", "evidence", "note"]


@dataclass
class UploadCheck:
    """The result of checking an upload. `rows` are typed assessment rows (empty when unusable);
    `errors` refuse it, `warnings` do not. `year`/`stage` are what it was checked against."""

    name: str
    rows: pd.DataFrame
    errors: list[Problem]
    warnings: list[Problem]
    sha256: str
    framework_id: str | None
    year: int | None = None
    stage: str | None = None
    form: str = ""   # "long" or "wide"

    @property
    def ok(self) -> bool:
        """True when the upload can be committed."""
        return not self.errors and not self.rows.empty


@dataclass
class Preview:
    """What committing a checked upload would change in its (year, stage).

    By default a commit merges by region: the file replaces only the regions it holds, and the
    active snapshot's other regions are kept (`regions_kept`). With `replace_all` the file becomes
    the whole (year, stage): `regions_removed` lists the regions that would then disappear (they
    stay in the superseded snapshot); without it `regions_removed` is empty.
    `indicator_changes` lists rows whose level or evidence is new or differs (old_* NaN when new,
    new_* NaN when the file drops the row); `index_moves` has one row per added or changed region.
    """

    regions_added: list[str]
    regions_changed: list[str]
    regions_unchanged: list[str]
    indicator_changes: pd.DataFrame
    index_moves: pd.DataFrame
    duplicate_of: str | None = None
    regions_removed: list[str] = field(default_factory=list)
    regions_kept: list[str] = field(default_factory=list)
    replace_all: bool = False


def check_upload(name: str, data: bytes, *, year: int, stage: str, framework: Framework | None,
                 regions: pd.DataFrame, limits: Limits) -> UploadCheck:
    """Read and validate an upload for (year, stage) against `framework`; never raises for bad input.
    The file is read within `limits` (size, unpacked size, rows, columns, cell length)."""
    digest = hashlib.sha256(data).hexdigest()

    def refused(problems: list[Problem], form: str = "") -> UploadCheck:
        return UploadCheck(name, empty_rows(), problems, [], digest,
                           framework.id if framework else None, year, stage, form)

    if oversize_problems(name, len(data), limits.upload_mb):
        return refused(oversize_problems(name, len(data), limits.upload_mb))
    if stage not in STAGES:
        return refused([Problem("bad_stage", file=name, value=str(stage), expected=" | ".join(STAGES))])
    if framework is None:
        return refused([Problem("no_framework", file=name, value=str(year))])
    stated = stated_year_stage(name, data, limits)
    if stated is not None and stated != (year, stage):  # a template for another year or stage: say so once
        return refused([Problem("template_mismatch", file=name, value=f"{stated[0]} {stated[1]}",
                                expected=f"{year} {stage}")])
    try:
        grid = read_upload_grid(name, data, key_aliases=COLUMN_ALIASES["region_code"], limits=limits)
    except IngestRefused as error:
        return refused(error.problems)
    records, problems, form = to_records(grid, framework, year=year, stage=stage)
    if not records and not problems:
        problems = [Problem("empty_file", file=name, sheet=grid.sheet)]
    rows, errors, warnings = validate_records(records, file=name, sheet=grid.sheet, framework=framework,
                                              regions=regions)
    # A wide row repeats its region (and evidence) for every indicator: report each cell once.
    errors = list(dict.fromkeys(problems + errors))
    if errors:
        return refused(sorted(errors, key=lambda p: (p.row or 0)), form)
    return UploadCheck(name, rows, [], warnings, digest, framework.id, year, stage, form)


def refuse_unless_committable(check: UploadCheck, year: int, stage: str, framework: Framework | None) -> None:
    """Raise IngestRefused unless `check` is ok and was made for this (year, stage) and framework."""
    if check.errors:
        raise IngestRefused(check.errors)
    if check.rows.empty:
        raise IngestRefused([Problem("empty_file", file=check.name)])
    framework_id = framework.id if framework else None
    if (check.year, check.stage, check.framework_id) != (year, stage, framework_id):
        raise IngestRefused([Problem("check_mismatch", file=check.name, value=f"{check.year} {check.stage}",
                                     expected=f"{year} {stage}")])


def _comparable(rows: pd.DataFrame) -> pd.DataFrame:
    table = rows[["region_code", "indicator_code", *COMPARED]].copy()
    table["level"] = pd.to_numeric(table["level"]).astype("Int64")
    table["claimed_level"] = pd.to_numeric(table["claimed_level"]).astype("Int64")
    table["note"] = table["note"].fillna("").astype(str)
    table["evidence"] = table["evidence"].astype(str)
    return table


def _differs(merged: pd.DataFrame, column: str) -> pd.Series:
    old, new = merged[f"old_{column}"], merged[f"new_{column}"]
    both_missing = old.isna() & new.isna()
    return ~both_missing & (old.isna() | new.isna() | (old.astype(object) != new.astype(object)))


def build_preview(check: UploadCheck, current_rows: pd.DataFrame | None, current_index: pd.DataFrame | None,
                  current: Snapshot | None, framework: Framework, regions: pd.DataFrame,
                  replace_all: bool = False) -> Preview:
    """Compare checked rows with the active snapshot's rows and index (None for no snapshot);
    `replace_all` previews replacing the whole (year, stage) instead of merging by region."""
    new = _comparable(check.rows).add_prefix("new_")
    old = (_comparable(current_rows) if current_rows is not None else _comparable(empty_rows())).add_prefix("old_")
    merged = new.rename(columns={"new_region_code": "region_code", "new_indicator_code": "indicator_code"}).merge(
        old.rename(columns={"old_region_code": "region_code", "old_indicator_code": "indicator_code"}),
        on=["region_code", "indicator_code"], how="outer")
    uploaded, existing = set(check.rows["region_code"]), set(old["old_region_code"])
    merged = merged[merged["region_code"].isin(uploaded)]
    any_change = np.logical_or.reduce([_differs(merged, c) for c in COMPARED]) if len(merged) else []
    changed_regions = set(merged.loc[any_change, "region_code"]) if len(merged) else set()
    added = sorted(uploaded - existing)
    changed = sorted(changed_regions & existing)
    unchanged = sorted(uploaded & existing - changed_regions)
    visible = merged[_differs(merged, "level") | _differs(merged, "evidence")] if len(merged) else merged
    changes = visible[CHANGE_COLUMNS].sort_values(["region_code", "indicator_code"], ignore_index=True)
    moves = _index_moves(check.rows, added + changed, current_index, framework, check.stage, regions)
    duplicate = current.id if current is not None and current.sha256 == check.sha256 else None
    absent = sorted(existing - uploaded)
    if replace_all and duplicate and current.regions != len(uploaded):
        duplicate = None  # the same file, but replacing drops the regions merged in since
    return Preview(added, changed, unchanged, changes, moves, duplicate,
                   regions_removed=absent if replace_all else [], regions_kept=[] if replace_all else absent,
                   replace_all=replace_all)


def _index_moves(rows: pd.DataFrame, affected: list[str], current_index: pd.DataFrame | None,
                 framework: Framework, stage: str, regions: pd.DataFrame) -> pd.DataFrame:
    if not affected:
        return pd.DataFrame({c: pd.Series(dtype=float if c.endswith(("index", "change")) else object)
                             for c in MOVE_COLUMNS})
    subset = rows[rows["region_code"].isin(affected)]
    # A region's scores depend on its own rows only, so scoring the affected regions alone gives
    # exactly the figures the commit stores for them (the same function, the stage's policy).
    scores = snapshot_scores(subset, framework, stage)
    new_index = scores[scores["kind"] == "index"].set_index("region_code")["score"]
    old_index = (current_index.set_index("region_code")["score"] if current_index is not None
                 else pd.Series(dtype=float))
    names = regions.set_index("code")["name"]
    moves = pd.DataFrame({"region_code": affected})
    moves["name"] = moves["region_code"].map(names)
    moves["current_index"] = moves["region_code"].map(old_index).astype(float)
    moves["new_index"] = moves["region_code"].map(new_index).astype(float)
    moves["change"] = moves["new_index"] - moves["current_index"]
    return moves.sort_values(["change", "region_code"], ascending=[False, True], na_position="last",
                             ignore_index=True)
