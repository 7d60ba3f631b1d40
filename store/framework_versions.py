"""Writing an imported framework as a new version file: atomically, under the writer lock.

A year has exactly one framework file (framework files never overlap in years). A version imported
for some years becomes the one for them: every other file covering any of those years has its
`years` line rewritten to the years it keeps (its comments stay); a file left with no year says
`years = []` and `superseded_by = "<new id>"` and stays in the folder, because the snapshots loaded
with it are still read with it (by id); it no longer appears in the list of versions in use.

Before anything is written the folder as it would be is loaded and checked in a temporary folder
(every file valid, no year covered twice). The older files are narrowed first, then the new file is
written, each by temp file + rename: a crash in between leaves those years without a framework
(never covered twice), and importing again completes it. A workbook whose id is a file with the same
content (under any id) writes nothing; with other content the new version gets the next free id (`<id>-v2`, ...).
Snapshots already loaded keep the version they were loaded with; loading a year again scores it
with the new one.
"""

from __future__ import annotations

import json
import re
import tempfile
import tomllib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from scoring import Framework, FrameworkError, load_framework
from scoring.framework import read_framework_file
from store import catalog
from store.atomic import atomic_write_bytes, writer_lock
from store.audit import record
from store.framework_import import read_framework_workbook
from store.framework_words import instructions
from store.framework_workbook import framework_workbook
from store.limits import Limits, refuse_oversize
from store.parse_worker import run_in_worker
from store.problems import IngestRefused, Problem

TABLE_ARRAYS = ("bands", "dimensions", "elements", "indicators")
BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
YEARS_LINE = re.compile(r"^years\s*=\s*\[[^\]]*\][^\n]*", re.M)
FIRST_TABLE = re.compile(r"^\s*\[", re.M)


@dataclass(frozen=True)
class Replaced:
    file: str
    years: tuple[int, ...]        # the years the new version takes from it
    kept: tuple[int, ...]         # the years it keeps (none: superseded, kept for its snapshots)


@dataclass(frozen=True)
class Changes:
    """What the new version changes against the one that covered its first year (`compared_with`)."""

    compared_with: str = ""
    indicators_added: tuple[str, ...] = ()
    indicators_removed: tuple[str, ...] = ()
    weights_changed: tuple[tuple[str, str, float, float], ...] = ()   # (chain | element | indicator, code, old, new)
    levels_changed: tuple[str, ...] = ()                         # indicator codes whose level texts changed
    bands_changed: bool = False


@dataclass(frozen=True)
class ImportPlan:
    raw: dict
    file: str                      # the new file's name in the framework folder
    unchanged: bool = False        # the same version is already there: nothing to write
    replaced: tuple[Replaced, ...] = ()
    changes: Changes = field(default_factory=Changes)

    @property
    def id(self) -> str:
        return self.raw["id"]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(self.raw["years"])


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    # A JSON string is a TOML basic string, once DEL (which TOML wants escaped) is escaped too.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_key(key: str) -> str:
    return key if BARE_KEY.fullmatch(key) else _toml_value(key)


def toml_text(raw: dict, comments: list[str]) -> str:
    """`raw` as a framework file (scalars, then tables, then the arrays of tables) that tomllib reads
    back to `raw` exactly."""
    lines = [f"# {' '.join(line.split())}" for line in comments] + [""]
    lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in raw.items() if not isinstance(v, dict)
              and k not in TABLE_ARRAYS]
    for key, table in raw.items():
        if isinstance(table, dict):
            lines += ["", f"[{_toml_key(key)}]"] + [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in table.items()]
    for key in TABLE_ARRAYS:
        for item in raw.get(key, []):
            lines += ["", f"[[{key}]]"] + [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in item.items()]
    text = "\n".join(lines) + "\n"
    if tomllib.loads(text) != raw:
        raise ValueError("the framework file would not read back as written")
    return text


def with_years(text: str, years: list[int], superseded_by: str = "") -> str:
    """A framework file's text with its top-level `years` set (and `superseded_by` when none is left)."""
    line = f"years = {_toml_value(years)}" + (f"\nsuperseded_by = {_toml_value(superseded_by)}" if not years else "")
    first_table = FIRST_TABLE.search(text)
    match = YEARS_LINE.search(text, 0, first_table.start() if first_table else len(text))
    if match is None:
        return line + "\n" + text
    return text[:match.start()] + line + text[match.end():]


def _next_id(raw_id: str, taken: set[str], folder: Path) -> str:
    base, number = re.sub(r"-v\d+$", "", raw_id), 2
    while f"{base}-v{number}" in taken or (folder / f"{base}-v{number}.toml").exists():
        number += 1
    return f"{base}-v{number}"


def changes_between(old: Framework | None, new: Framework) -> Changes:
    if old is None:
        return Changes(indicators_added=tuple(i.code for i in new.indicators))
    before = {i.code: i for i in old.indicators}
    after = {i.code: i for i in new.indicators}
    weights = [("chain", c, old.chain_weights[c], w) for c, w in new.chain_weights.items()
               if old.chain_weights.get(c) != w]
    old_elements = {e.code: e.weight for e in old.elements}
    weights += [("element", e.code, old_elements[e.code], e.weight) for e in new.elements
                if e.code in old_elements and old_elements[e.code] != e.weight]
    weights += [("indicator", c, before[c].weight, i.weight) for c, i in after.items()
                if c in before and before[c].weight != i.weight]
    return Changes(
        compared_with=old.id,
        indicators_added=tuple(c for c in after if c not in before),
        indicators_removed=tuple(c for c in before if c not in after),
        weights_changed=tuple(weights),
        levels_changed=tuple(c for c, i in after.items() if c in before and
                             (before[c].levels_id, before[c].levels_en) != (i.levels_id, i.levels_en)),
        bands_changed=old.bands != new.bands)


def _comments(raw: dict, source: str, by: str | None) -> list[str]:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return [f"Framework version {raw['id']}, imported from the workbook {source} by {by or 'unknown'} on {when}.",
            "Edit it as a workbook: python -m store framework export --year <year> --format xlsx, then "
            "python -m store framework import <file>."]


def _check_folder(framework_dir: Path, texts: dict[str, str], source: str, new_file: str) -> Framework:
    """Load the folder as it would be (the files in `texts` replaced or added) in a temporary folder;
    IngestRefused when a file would not load or two would cover one year. Returns the new version."""
    with tempfile.TemporaryDirectory(prefix="matra-framework-") as folder:
        for path in framework_dir.glob("*.toml"):
            (Path(folder) / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        for name, text in texts.items():
            (Path(folder) / name).write_text(text, encoding="utf-8")
        try:
            loaded = [(path.name, load_framework(path)) for path in sorted(Path(folder).glob("*.toml"))]
        except FrameworkError as error:   # each broken rule, worded in the reader's language
            raise IngestRefused([Problem("framework_rule", file=source, value=p) for p in error.problems]) from None
        except Exception as error:   # reported with the file it came from
            raise IngestRefused([Problem("framework_rule", file=source, value=str(error)[:300])]) from None
    problems = catalog.overlap_problems(loaded)
    if problems:
        raise IngestRefused([Problem("framework_rule", file=source, value=p) for p in problems])
    return dict(loaded)[new_file]


def plan_import(framework_dir: Path, raw: dict, *, source: str, by: str | None = None) -> tuple[ImportPlan, dict]:
    """What importing `raw` would do (and the file texts it would write); writes nothing.
    Raises IngestRefused when the folder would not load afterwards."""
    files = catalog.framework_files(framework_dir) if framework_dir.exists() else []
    with tempfile.TemporaryDirectory(prefix="matra-framework-") as folder:
        (Path(folder) / "candidate.toml").write_text(toml_text(raw, []), encoding="utf-8")
        candidate = load_framework(Path(folder) / "candidate.toml")
    for name, framework in files:   # the same version already there, under this id or another one
        if replace(candidate, id=framework.id) == framework:
            return ImportPlan(raw={**raw, "id": framework.id}, file=name, unchanged=True), {}
    if any(fw.id == raw["id"] for _, fw in files) or (framework_dir / f"{raw['id']}.toml").exists():
        raw = {**raw, "id": _next_id(raw["id"], {fw.id for _, fw in files}, framework_dir)}
    new_years = set(raw["years"])
    replaced, texts = [], {}
    for name, fw in files:
        taken = tuple(y for y in fw.years if y in new_years)
        if taken:
            kept = tuple(y for y in fw.years if y not in new_years)
            replaced.append(Replaced(name, taken, kept))
            texts[name] = with_years((framework_dir / name).read_text(encoding="utf-8"), list(kept), raw["id"])
    file = f"{raw['id']}.toml"
    texts[file] = toml_text(raw, _comments(raw, source, by))
    new = _check_folder(framework_dir, texts, source, file)
    old = next((fw for _, fw in files if min(raw["years"]) in fw.years), None)
    return ImportPlan(raw=raw, file=file, replaced=tuple(replaced), changes=changes_between(old, new)), texts


def commit_import(data_dir: Path, raw: dict, *, source: str, by: str | None = None) -> ImportPlan:
    """Write the new version (and narrow the files it replaces) under the writer lock; the plan is
    made again under the lock, so it holds against any write made since a preview."""
    framework_dir = Path(data_dir) / "framework"
    plan, _ = plan_import(framework_dir, raw, source=source, by=by)   # refusals before the lock is taken
    if plan.unchanged:
        return plan
    with writer_lock(Path(data_dir)):
        plan, texts = plan_import(framework_dir, raw, source=source, by=by)
        if plan.unchanged:
            return plan
        for replaced in plan.replaced:   # narrow first: a crash leaves years uncovered, never doubled
            atomic_write_bytes(framework_dir / replaced.file, texts[replaced.file].encode("utf-8"))
        atomic_write_bytes(framework_dir / plan.file, texts[plan.file].encode("utf-8"))
    record(data_dir, "framework", who=by, ids=[plan.id, *(r.file for r in plan.replaced)],
           counts={"indicators": len(plan.raw["indicators"]), "years": len(plan.years)}, detail=source)
    return plan


def export_workbook(framework_dir: Path, year: int) -> bytes | None:
    """The framework file covering `year` as an XLSX workbook (None when no file covers it)."""
    for name, framework in catalog.framework_files(framework_dir):
        if year in framework.years:
            return framework_workbook(read_framework_file(framework_dir / name), instructions())
    return None


def preview_import(data_dir: Path, name: str, data: bytes, by: str | None = None) -> ImportPlan:
    """Check a framework workbook like an upload and say what importing it would do; writes nothing.
    Raises IngestRefused listing every problem (a file over the upload limit before it is read)."""
    refuse_oversize(data, name)
    raw = run_in_worker(name, read_framework_workbook, name, data, Limits.from_settings())   # bounded
    return plan_import(Path(data_dir) / "framework", raw, source=name, by=by)[0]


def import_workbook(data_dir: Path, name: str, data: bytes, by: str | None = None) -> ImportPlan:
    """Check a framework workbook and write it as a new version (see the module docstring); raises
    IngestRefused listing every problem, with nothing written."""
    refuse_oversize(data, name)
    raw = run_in_worker(name, read_framework_workbook, name, data, Limits.from_settings())   # bounded
    return commit_import(Path(data_dir), raw, source=name, by=by)
