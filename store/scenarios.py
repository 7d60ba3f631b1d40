"""Saved what-if scenarios: a name, a region, the year and stage it starts from, the indicator levels
it sets (a level 0..max_level of the framework with verified evidence, or "verify" for the recorded
level) and the programmes of the region's register it finishes.

One JSON file per scenario, data/scenarios/<region>/<id>.json, written atomically under the writer
lock. The id is a hash of what the scenario says (region, year, stage, name, levels, programmes), so
saving the same scenario twice keeps one file and a link `?scenario=<id>` always means the same
changes. A scenario stores choices, not results: its index, band and ranks are computed again from
the data it is shown with (scoring.whatif), so it is never out of date.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from scoring import STAGES
from scoring.whatif import VERIFY
from store.atomic import atomic_write_bytes, writer_lock
from store.bounded_json import JsonRefused, read_json_file
from store.settings import setting
from store.snapshots import who

FOLDER = Path("scenarios")
NAME_LIMIT = 60
MAX_FILE_BYTES = 1 << 20   # a saved scenario is a few KB; a larger file is not one of ours
ID_PATTERN = re.compile(r"^[0-9a-f]{12}$")
REGION_PATTERN = re.compile(r"^[0-9]{2}\.[0-9]{2}$")


class ScenarioRefused(ValueError):
    """A scenario that cannot be saved: `code` names the problem (a message key), `value` the part."""

    def __init__(self, code: str, value: str = ""):
        super().__init__(f"{code}: {value}")
        self.code, self.value = code, value


@dataclass(frozen=True)
class Scenario:
    region: str
    name: str
    year: int
    stage: str
    levels: dict[str, int | str] = field(default_factory=dict)
    programmes: tuple[str, ...] = ()
    created_by: str = ""
    created_at: str = ""

    @property
    def id(self) -> str:
        said = json.dumps([self.region, self.year, self.stage, self.name, sorted(self.levels.items()),
                           sorted(self.programmes)], ensure_ascii=False)
        return hashlib.sha256(said.encode("utf-8")).hexdigest()[:12]

    def as_dict(self) -> dict:
        return {"id": self.id, "region": self.region, "name": self.name, "year": self.year, "stage": self.stage,
                "levels": dict(sorted(self.levels.items())), "programmes": sorted(self.programmes),
                "created_by": self.created_by, "created_at": self.created_at}

    @classmethod
    def from_dict(cls, data: dict) -> Scenario:
        return cls(region=str(data["region"]), name=str(data["name"]), year=int(data["year"]),
                   stage=str(data["stage"]),
                   levels={str(code): (VERIFY if level == VERIFY else int(level))
                           for code, level in dict(data.get("levels", {})).items()},
                   programmes=tuple(str(code) for code in data.get("programmes", ())),
                   created_by=str(data.get("created_by", "")), created_at=str(data.get("created_at", "")))


def clean_name(name: str) -> str:
    """The name as stored: control characters dropped, spaces collapsed; refused when empty or longer
    than NAME_LIMIT characters."""
    text = "".join(ch for ch in unicodedata.normalize("NFC", str(name)) if unicodedata.category(ch)[0] != "C")
    text = " ".join(text.split())
    if not 1 <= len(text) <= NAME_LIMIT:
        raise ScenarioRefused("bad_name", text[:NAME_LIMIT])
    return text


def _path(data_dir: Path, region: str, scenario_id: str) -> Path:
    if not REGION_PATTERN.match(region) or not ID_PATTERN.match(scenario_id):
        raise ScenarioRefused("unknown_scenario", scenario_id)
    return Path(data_dir) / FOLDER / region / f"{scenario_id}.json"


def save_scenario(data_dir: Path, scenario: Scenario, created_by: str | None = None) -> Scenario:
    """Write `scenario` (its name cleaned, who and when recorded); returns what was stored. Saving
    the same choices under the same name again keeps the first file. A region holds at most
    MATRA_MAX_SCENARIOS scenarios: one more is ScenarioRefused("too_many_scenarios", limit)."""
    if scenario.stage not in STAGES:
        raise ScenarioRefused("bad_stage", scenario.stage)
    if not scenario.levels and not scenario.programmes:
        raise ScenarioRefused("empty_scenario")
    stored = Scenario(scenario.region, clean_name(scenario.name), int(scenario.year), scenario.stage,
                      dict(scenario.levels), tuple(sorted(set(scenario.programmes))),
                      created_by or who(), datetime.now(UTC).isoformat(timespec="seconds"))
    path = _path(data_dir, stored.region, stored.id)
    limit = int(setting("MATRA_MAX_SCENARIOS"))
    with writer_lock(Path(data_dir)):
        if path.exists():
            return read_scenario(data_dir, stored.region, stored.id)
        if len(_files(data_dir, stored.region)) >= limit:   # counted under the lock: two savers cannot pass it
            raise ScenarioRefused("too_many_scenarios", str(limit))
        data = json.dumps(stored.as_dict(), ensure_ascii=False, indent=1).encode("utf-8")
        atomic_write_bytes(path, data)
    return stored


def read_scenario(data_dir: Path, region: str, scenario_id: str) -> Scenario | None:
    """The scenario `scenario_id` of `region`, None when there is none (or the id is not one)."""
    try:
        path = _path(data_dir, region, scenario_id)
    except ScenarioRefused:
        return None
    return _load(path) if path.is_file() else None


def _load(path: Path) -> Scenario | None:
    """A scenario file, None when it cannot be read as one (a hand-edited or damaged file is skipped,
    never shown half)."""
    try:
        return _read(path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _read(path: Path) -> Scenario:
    """A scenario file read within bounds (size and nesting, store.bounded_json); raises otherwise."""
    data = read_json_file(path, max_bytes=MAX_FILE_BYTES)
    if not isinstance(data, dict):
        raise JsonRefused("not_json", path.name, detail="not an object")
    return Scenario.from_dict(data)


def _files(data_dir: Path, region: str) -> list[Path]:
    folder = Path(data_dir) / FOLDER / region
    if not REGION_PATTERN.match(region) or not folder.is_dir():
        return []
    return [path for path in sorted(folder.glob("*.json")) if ID_PATTERN.match(path.stem)]


def read_scenarios(data_dir: Path, region: str) -> list[Scenario]:
    """The region's saved scenarios, newest first (then by name). Damaged files are skipped (see
    `skipped_scenarios` for which and why)."""
    loaded = [_load(path) for path in _files(data_dir, region)]
    found = [scenario for scenario in loaded if scenario is not None and scenario.region == region]
    return sorted(sorted(found, key=lambda s: s.name.lower()), key=lambda s: s.created_at, reverse=True)


def skipped_scenarios(data_dir: Path, region: str) -> list[tuple[str, str, str]]:
    """(file, why in Indonesian, why in English) for every scenario file of `region` that cannot be
    read: too large, nested too deep, not JSON, not a scenario. [] when all are fine."""
    skipped = []
    for path in _files(data_dir, region):
        try:
            _read(path)
        except JsonRefused as refused:
            reasons = (refused.message("id"), refused.message("en"))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            reason = f"{path.name}: {type(error).__name__} {error}"[:160]
            reasons = (reason, reason)
        else:
            continue
        skipped.append((path.name, f"{reasons[0]}; berkas ini dilewati.", f"{reasons[1]}; the file is skipped."))
    return skipped


def delete_scenario(data_dir: Path, region: str, scenario_id: str) -> bool:
    """Remove one scenario; False when it was not there."""
    path = _path(data_dir, region, scenario_id)
    with writer_lock(Path(data_dir)):
        if not path.exists():
            return False
        path.unlink()
    return True


def stamp(data_dir: Path, region: str) -> tuple:
    """Changes when a scenario of `region` is saved or deleted (for cache keys)."""
    folder = Path(data_dir) / FOLDER / region
    if not folder.is_dir():
        return ()
    return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in folder.glob("*.json")))
