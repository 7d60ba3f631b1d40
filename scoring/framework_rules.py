"""The rules a framework file must keep: `framework_problems` lists every break of them as a plain
English sentence (a parsed file in, problems out; `scoring.framework` refuses a file that has any).
"""

from __future__ import annotations

import itertools
import math
import re
from fractions import Fraction

from scoring.exact import as_fraction
from scoring.framework_model import ASPECTS, CHAIN_TYPES, EVIDENCE_POLICIES


def framework_problems(raw: dict) -> list[str]:
    """Every problem in a parsed (and merged) framework file, as plain English sentences."""
    problems: list[str] = []
    for key in ("id", "name_id", "name_en", "years", "max_level", "dimensions", "elements", "indicators",
                "chain_weights", "bands"):
        if key not in raw:
            problems.append(f"missing top-level key '{key}'")
    if problems:
        return problems
    years = raw["years"]
    # Empty only in a version another has wholly replaced (kept for the snapshots loaded with it).
    retired = bool(raw.get("superseded_by"))
    if not isinstance(years, list) or not (years or retired) or not all(isinstance(y, int) for y in years):
        problems.append("'years' must be a non-empty list of whole years, e.g. [2022, 2023]")
    max_level = raw["max_level"]
    if not isinstance(max_level, int) or isinstance(max_level, bool) or max_level < 1:
        return [*problems, f"'max_level' is {max_level!r}; expected a whole number of 1 or more (the top level, "
                           "e.g. 4 for levels 0-4)"]
    problems += _weight_problems(raw["chain_weights"])
    problems += _band_problems(raw["bands"], max_level)
    problems += _target_problems(raw, max_level)
    policy = raw.get("evidence_policy", {}).get("unverified_counts_as", "zero")
    if policy not in EVIDENCE_POLICIES:
        problems.append(f"evidence_policy.unverified_counts_as is '{policy}'; expected one of "
                        f"{', '.join(EVIDENCE_POLICIES)}")
    for key, value in raw.get("evidence_policy", {}).items():
        if key.startswith("stage_") and value not in EVIDENCE_POLICIES:
            problems.append(f"evidence_policy.{key} is '{value}'; expected one of {', '.join(EVIDENCE_POLICIES)}")
    problems += _taxonomy_problems(raw["dimensions"], raw["elements"], raw["indicators"], max_level)
    return problems


def _weight_problems(chain_weights: dict) -> list[str]:
    problems = []
    unknown = set(chain_weights) - set(CHAIN_TYPES)
    if unknown:
        problems.append(f"chain_weights has unknown chain types {sorted(unknown)}; expected "
                        f"{', '.join(CHAIN_TYPES)}")
    missing = set(CHAIN_TYPES) - set(chain_weights)
    if missing:
        problems.append(f"chain_weights lacks {sorted(missing)}")
    values = list(chain_weights.values())
    bad = [f"{chain} = {value!r}" for chain, value in chain_weights.items()
           if not _is_number(value) or value <= 0]
    if bad:
        problems.append(f"chain weights must be numbers > 0; found {', '.join(bad)}")
    elif sum((as_fraction(v) for v in values), Fraction(0)) != 1:
        problems.append(f"chain weights sum to {sum(values):g}; they must sum to 1")
    return problems


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _target_problems(raw: dict, max_level: int) -> list[str]:
    """The national minimum target is a band of this framework, so it lies on the same 0..max_level scale."""
    band = raw.get("minimum_target_band", 3)
    levels = [b.get("level") for b in raw["bands"]]
    if band not in levels:
        return [f"minimum_target_band is {band!r}; expected one of the band levels {levels}"]
    lower = raw["bands"][levels.index(band)].get("lower")
    if isinstance(lower, int | float) and not 0 <= lower <= max_level:
        return [f"minimum_target_band {band} starts at {lower}, outside 0-{max_level}"]
    return []


def _band_problems(bands: list, max_level: int) -> list[str]:
    problems = []
    levels = [band.get("level") for band in bands]
    if levels != list(range(1, len(bands) + 1)) or not bands:
        problems.append(f"bands must be numbered 1, 2, 3, ... in order; found levels {levels}")
    lowers = [band.get("lower") for band in bands]
    if any(not isinstance(lower, int | float) for lower in lowers):
        problems.append("every band needs a numeric 'lower' bound")
    else:
        if lowers and lowers[0] != 0:
            problems.append(f"the first band must start at 0 (found {lowers[0]})")
        if any(b <= a for a, b in itertools.pairwise(lowers)):
            problems.append(f"band lower bounds must rise strictly; found {lowers}")
        outside = [lower for lower in lowers if not 0 <= lower <= max_level]
        if outside:
            problems.append(f"band lower bounds must lie within 0-{max_level} (max_level); found {outside}")
    for band in bands:
        for key in ("name_id", "name_en"):
            if not band.get(key):
                problems.append(f"band {band.get('level')} lacks '{key}'")
    return problems


def _taxonomy_problems(dimensions: list, elements: list, indicators: list, max_level: int) -> list[str]:
    problems = []
    dimension_codes = [d.get("code") for d in dimensions]
    element_codes = [e.get("code") for e in elements]
    for kind, codes in (("dimension", dimension_codes), ("element", element_codes),
                        ("indicator", [i.get("code") for i in indicators])):
        duplicates = sorted({c for c in codes if codes.count(c) > 1}, key=str)
        if duplicates:
            problems.append(f"duplicate {kind} codes: {duplicates}")
    for dimension in dimensions:
        if "weight" in dimension:
            problems.append(f"dimension {dimension.get('code')} has a 'weight', which nothing uses: the index is "
                            "built from the results chain (chain_weights); remove it")
    for element in elements:
        weight = element.get("weight", 1)
        if not _is_number(weight) or weight <= 0:
            problems.append(f"element {element.get('code')} has weight {weight!r}; expected a number > 0")
        if element.get("dimension") not in dimension_codes:
            problems.append(f"element {element.get('code')} names unknown dimension "
                            f"'{element.get('dimension')}'")
    element_dimension = {e.get("code"): e.get("dimension") for e in elements}
    required = ("code", "name_id", "name_en", "dimension", "element", "chain", "aspect", "weight",
                "owner_opd", "levels_id", "levels_en")
    used_elements = set()
    for number, indicator in enumerate(indicators, start=1):
        label = f"indicator {indicator.get('code') or f'#{number}'}"
        missing = [key for key in required if key not in indicator]
        if missing:
            problems.append(f"{label} lacks {', '.join(missing)}")
            continue
        used_elements.add(indicator["element"])
        if indicator["element"] not in element_dimension:
            problems.append(f"{label} names unknown element '{indicator['element']}'")
        elif element_dimension[indicator["element"]] != indicator["dimension"]:
            problems.append(f"{label} is in dimension {indicator['dimension']} but its element "
                            f"{indicator['element']} belongs to {element_dimension[indicator['element']]}")
        if indicator["chain"] not in CHAIN_TYPES:
            problems.append(f"{label} has chain '{indicator['chain']}'; expected one of "
                            f"{', '.join(CHAIN_TYPES)}")
        if indicator["aspect"] not in ASPECTS:
            problems.append(f"{label} has aspect '{indicator['aspect']}'; expected one of "
                            f"{', '.join(ASPECTS)}")
        weight = indicator["weight"]
        if not _is_number(weight) or weight <= 0:
            problems.append(f"{label} has weight {weight!r}; expected a number > 0")
        for key in ("levels_id", "levels_en"):
            if not isinstance(indicator[key], list) or len(indicator[key]) != max_level + 1:
                problems.append(f"{label} {key} must list {max_level + 1} descriptions (levels 0-{max_level}, "
                                f"max_level = {max_level}); found {_count(indicator[key])}")
            else:
                problems += [f"{label} {key} entry {number} is written for level {written}; expected level {number} "
                             f"(levels run 0-{max_level})"
                             for number, written in enumerate(_written_levels(indicator[key]))
                             if written is not None and written != number]
    for element in element_codes:
        if element not in used_elements:
            problems.append(f"element {element} has no indicators")
    chains_used = {i.get("chain") for i in indicators}
    for chain in CHAIN_TYPES:
        if chain not in chains_used:
            problems.append(f"no indicator of chain type '{chain}': its component would be undefined")
    return problems


def _count(value) -> str:
    return str(len(value)) if isinstance(value, list) else repr(value)


def _written_levels(texts: list) -> list[int | None]:
    """The level number each description starts with ("3: ..." -> 3), None where it names none."""
    return [int(match.group(1)) if (match := re.match(r"\s*(\d+)\s*[:.]", str(text))) else None
            for text in texts]
