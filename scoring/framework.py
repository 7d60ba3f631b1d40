"""Framework files: one version of the maturity model (taxonomy, weights, bands, evidence policy).

A framework is data (`data/framework/*.toml`); code looks rules up here and never repeats them.
A file may say `extends = "other.toml"`: the parent is read first and the child's top-level keys
replace the parent's (tables replace whole), so a change of chain weights need not copy indicators.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from scoring.bands import Band
from scoring.framework_model import (
    ASPECTS,
    CHAIN_TYPES,
    EVIDENCE_POLICIES,
    Dimension,
    Element,
    Framework,
    FrameworkError,
    Indicator,
)
from scoring.framework_rules import framework_problems

__all__ = [
    "ASPECTS",
    "CHAIN_TYPES",
    "EVIDENCE_POLICIES",
    "Dimension",
    "Element",
    "Framework",
    "FrameworkError",
    "Indicator",
    "framework_problems",
    "load_framework",
    "read_framework_file",
]


def _read_with_parents(path: Path, seen: tuple[Path, ...] = ()) -> dict:
    if path in seen:
        raise FrameworkError(str(path), [f"'extends' loops back to {path.name}"])
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    except FileNotFoundError:
        raise FrameworkError(str(path), ["file not found"]) from None
    except tomllib.TOMLDecodeError as error:
        raise FrameworkError(str(path), [f"not valid TOML: {error}"]) from None
    parent_name = raw.pop("extends", None)
    if parent_name is None:
        return raw
    parent = _read_with_parents(path.parent / parent_name, (*seen, path))
    parent.pop("superseded_by", None)   # a replaced parent does not make its children replaced
    return {**parent, **raw}


def read_framework_file(path: str | Path) -> dict:
    """A framework file as tomllib reads it, its `extends` parents merged in (what load_framework
    validates); FrameworkError when it cannot be read."""
    return _read_with_parents(Path(path))


def load_framework(path: str | Path) -> Framework:
    """Read and validate a framework TOML file; raise FrameworkError listing every problem."""
    path = Path(path)
    raw = _read_with_parents(path)
    problems = framework_problems(raw)
    if problems:
        raise FrameworkError(str(path), problems)
    policy = raw.get("evidence_policy", {})
    notes = {key: value for key, value in raw.items() if key.endswith(("_note_id", "_note_en"))}
    for section in ("evidence_policy", "bands_source"):
        for lang in ("id", "en"):
            if f"note_{lang}" in raw.get(section, {}):
                notes[f"{section}_{lang}"] = raw[section][f"note_{lang}"]
    return Framework(
        id=raw["id"],
        name_id=raw["name_id"],
        name_en=raw["name_en"],
        years=tuple(raw["years"]),
        dimensions=tuple(Dimension(d["code"], d["name_id"], d["name_en"]) for d in raw["dimensions"]),
        elements=tuple(Element(e["code"], e["dimension"], e["name_id"], e["name_en"],
                               float(e.get("weight", 1))) for e in raw["elements"]),
        indicators=tuple(
            Indicator(
                code=i["code"], name_id=i["name_id"], name_en=i["name_en"],
                dimension=i["dimension"], element=i["element"], chain=i["chain"],
                aspect=i["aspect"], weight=float(i["weight"]), owner_opd=i["owner_opd"],
                levels_id=tuple(i["levels_id"]), levels_en=tuple(i["levels_en"]),
                evidence_id=i.get("evidence_id", ""), evidence_en=i.get("evidence_en", ""),
                follows_up_previous=bool(i.get("follows_up_previous", False)),
            )
            for i in raw["indicators"]
        ),
        chain_weights={chain: float(raw["chain_weights"][chain]) for chain in CHAIN_TYPES},
        bands=tuple(Band(b["level"], b["name_id"], b["name_en"], float(b["lower"]))
                    for b in raw["bands"]),
        max_level=raw["max_level"],
        unverified_counts_as=policy.get("unverified_counts_as", "zero"),
        stage_policies={key.removeprefix("stage_"): value for key, value in policy.items()
                        if key.startswith("stage_")},
        minimum_target_band=int(raw.get("minimum_target_band", 3)),
        illustrative=bool(raw.get("illustrative", False)),
        notes=notes,
    )
