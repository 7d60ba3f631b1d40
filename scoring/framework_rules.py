"""The rules a framework file must keep: `framework_problems` lists every break of them as a Rule,
a plain English sentence that carries its key and values, so i18n words it in Indonesian or English
(`i18n.rule_text`, messages framework_rule.<key>); a parsed file in, problems out; `scoring.framework`
refuses a file that has any.
"""

from __future__ import annotations

import itertools
import math
import re
from fractions import Fraction

from scoring.exact import as_fraction
from scoring.framework_model import ASPECTS, CHAIN_TYPES, EVIDENCE_POLICIES

# Each rule's English sentence; i18n/messages/framework_rules.py holds the Indonesian beside it.
RULES_EN = {
    "missing_key": "missing top-level key '{key}'",
    "years": "'years' must be a non-empty list of whole years, e.g. [2022, 2023]",
    "max_level": "'max_level' is {value}; expected a whole number of 1 or more (the top level, e.g. 4 for levels 0-4)",
    "chain_unknown": "chain_weights has unknown chain types {chains}; expected {expected}",
    "chain_missing": "chain_weights lacks {chains}",
    "chain_not_positive": "chain weights must be numbers > 0; found {found}",
    "chain_sum": "chain weights sum to {total}; they must sum to 1",
    "target_not_band": "minimum_target_band is {band}; expected one of the band levels {levels}",
    "target_outside": "minimum_target_band {band} starts at {lower}, outside 0-{max_level}",
    "band_order": "bands must be numbered 1, 2, 3, ... in order; found levels {levels}",
    "band_lower": "every band needs a numeric 'lower' bound",
    "band_first": "the first band must start at 0 (found {lower})",
    "band_rising": "band lower bounds must rise strictly; found {lowers}",
    "band_outside": "band lower bounds must lie within 0-{max_level} (max_level); found {outside}",
    "band_name": "band {level} lacks '{key}'",
    "policy": "evidence_policy.{key} is '{policy}'; expected one of {expected}",
    "duplicate_dimension": "duplicate dimension codes: {codes}",
    "duplicate_element": "duplicate element codes: {codes}",
    "duplicate_indicator": "duplicate indicator codes: {codes}",
    "dimension_weight": "dimension {code} has a 'weight', which nothing uses: the index is built from the results "
                        "chain (chain_weights); remove it",
    "element_weight": "element {code} has weight {weight}; expected a number > 0",
    "element_dimension": "element {code} names unknown dimension '{dimension}'",
    "element_empty": "element {code} has no indicators",
    "indicator_lacks": "indicator {code} lacks {keys}",
    "indicator_element": "indicator {code} names unknown element '{element}'",
    "indicator_dimension": "indicator {code} is in dimension {dimension} but its element {element} belongs to {owner}",
    "indicator_chain": "indicator {code} has chain '{chain}'; expected one of {expected}",
    "indicator_aspect": "indicator {code} has aspect '{aspect}'; expected one of {expected}",
    "indicator_weight": "indicator {code} has weight {weight}; expected a number > 0",
    "levels_count": "indicator {code} {key} must list {count} descriptions (levels 0-{max_level}, "
                    "max_level = {max_level}); found {found}",
    "level_number": "indicator {code} {key} entry {number} is written for level {written}; expected level {number} "
                    "(levels run 0-{max_level})",
    "chain_unused": "no indicator of chain type '{chain}': its component would be undefined",
    "same_id": "{first} and {second} both have id '{id}'",
    "same_year": "{first} and {second} both cover year {year}; each year needs exactly one framework file "
                 "(change 'years' in one of them)",
}


class Rule(str):
    """One broken rule: its English sentence (what check-framework prints, what a FrameworkError
    says) with the `key` and `values` that word it in another language."""

    key: str
    values: dict

    def __new__(cls, rule_key: str, /, **values):
        rule = super().__new__(cls, RULES_EN[rule_key].format(**values))
        rule.key, rule.values = rule_key, values
        return rule

    def __reduce__(self):   # crosses the parse worker's process boundary with its key and values
        return _rule, (self.key, self.values)


def _rule(rule_key: str, values: dict) -> Rule:
    return Rule(rule_key, **values)


def framework_problems(raw: dict) -> list[Rule]:
    """Every problem in a parsed (and merged) framework file, as Rules (plain English sentences)."""
    problems: list[Rule] = []
    for key in ("id", "name_id", "name_en", "years", "max_level", "dimensions", "elements", "indicators",
                "chain_weights", "bands"):
        if key not in raw:
            problems.append(Rule("missing_key", key=key))
    if problems:
        return problems
    years = raw["years"]
    # Empty only in a version another has wholly replaced (kept for the snapshots loaded with it).
    retired = bool(raw.get("superseded_by"))
    if not isinstance(years, list) or not (years or retired) or not all(isinstance(y, int) for y in years):
        problems.append(Rule("years"))
    max_level = raw["max_level"]
    if not isinstance(max_level, int) or isinstance(max_level, bool) or max_level < 1:
        return [*problems, Rule("max_level", value=repr(max_level))]
    problems += _weight_problems(raw["chain_weights"])
    problems += _band_problems(raw["bands"], max_level)
    problems += _target_problems(raw, max_level)
    policy = raw.get("evidence_policy", {}).get("unverified_counts_as", "zero")
    if policy not in EVIDENCE_POLICIES:
        problems.append(Rule("policy", key="unverified_counts_as", policy=policy,
                             expected=", ".join(EVIDENCE_POLICIES)))
    for key, value in raw.get("evidence_policy", {}).items():
        if key.startswith("stage_") and value not in EVIDENCE_POLICIES:
            problems.append(Rule("policy", key=key, policy=value, expected=", ".join(EVIDENCE_POLICIES)))
    problems += _taxonomy_problems(raw["dimensions"], raw["elements"], raw["indicators"], max_level)
    return problems


def _weight_problems(chain_weights: dict) -> list[str]:
    problems = []
    unknown = set(chain_weights) - set(CHAIN_TYPES)
    if unknown:
        problems.append(Rule("chain_unknown", chains=sorted(unknown), expected=", ".join(CHAIN_TYPES)))
    missing = set(CHAIN_TYPES) - set(chain_weights)
    if missing:
        problems.append(Rule("chain_missing", chains=sorted(missing)))
    values = list(chain_weights.values())
    bad = [f"{chain} = {value!r}" for chain, value in chain_weights.items()
           if not _is_number(value) or value <= 0]
    if bad:
        problems.append(Rule("chain_not_positive", found=", ".join(bad)))
    elif sum((as_fraction(v) for v in values), Fraction(0)) != 1:
        problems.append(Rule("chain_sum", total=f"{sum(values):g}"))
    return problems


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _target_problems(raw: dict, max_level: int) -> list[str]:
    """The national minimum target is a band of this framework, so it lies on the same 0..max_level scale."""
    band = raw.get("minimum_target_band", 3)
    levels = [b.get("level") for b in raw["bands"]]
    if band not in levels:
        return [Rule("target_not_band", band=repr(band), levels=levels)]
    lower = raw["bands"][levels.index(band)].get("lower")
    if isinstance(lower, int | float) and not 0 <= lower <= max_level:
        return [Rule("target_outside", band=band, lower=lower, max_level=max_level)]
    return []


def _band_problems(bands: list, max_level: int) -> list[str]:
    problems = []
    levels = [band.get("level") for band in bands]
    if levels != list(range(1, len(bands) + 1)) or not bands:
        problems.append(Rule("band_order", levels=levels))
    lowers = [band.get("lower") for band in bands]
    if any(not isinstance(lower, int | float) for lower in lowers):
        problems.append(Rule("band_lower"))
    else:
        if lowers and lowers[0] != 0:
            problems.append(Rule("band_first", lower=lowers[0]))
        if any(b <= a for a, b in itertools.pairwise(lowers)):
            problems.append(Rule("band_rising", lowers=lowers))
        outside = [lower for lower in lowers if not 0 <= lower <= max_level]
        if outside:
            problems.append(Rule("band_outside", max_level=max_level, outside=outside))
    for band in bands:
        for key in ("name_id", "name_en"):
            if not band.get(key):
                problems.append(Rule("band_name", level=band.get("level"), key=key))
    return problems


def _taxonomy_problems(dimensions: list, elements: list, indicators: list, max_level: int) -> list[str]:
    problems = []
    dimension_codes = [d.get("code") for d in dimensions]
    element_codes = [e.get("code") for e in elements]
    for kind, codes in (("dimension", dimension_codes), ("element", element_codes),
                        ("indicator", [i.get("code") for i in indicators])):
        duplicates = sorted({c for c in codes if codes.count(c) > 1}, key=str)
        if duplicates:
            problems.append(Rule(f"duplicate_{kind}", codes=duplicates))
    for dimension in dimensions:
        if "weight" in dimension:
            problems.append(Rule("dimension_weight", code=dimension.get("code")))
    for element in elements:
        weight = element.get("weight", 1)
        if not _is_number(weight) or weight <= 0:
            problems.append(Rule("element_weight", code=element.get("code"), weight=repr(weight)))
        if element.get("dimension") not in dimension_codes:
            problems.append(Rule("element_dimension", code=element.get("code"), dimension=element.get("dimension")))
    element_dimension = {e.get("code"): e.get("dimension") for e in elements}
    required = ("code", "name_id", "name_en", "dimension", "element", "chain", "aspect", "weight",
                "owner_opd", "levels_id", "levels_en")
    used_elements = set()
    for number, indicator in enumerate(indicators, start=1):
        code = indicator.get("code") or f"#{number}"
        missing = [key for key in required if key not in indicator]
        if missing:
            problems.append(Rule("indicator_lacks", code=code, keys=", ".join(missing)))
            continue
        used_elements.add(indicator["element"])
        if indicator["element"] not in element_dimension:
            problems.append(Rule("indicator_element", code=code, element=indicator["element"]))
        elif element_dimension[indicator["element"]] != indicator["dimension"]:
            problems.append(Rule("indicator_dimension", code=code, dimension=indicator["dimension"],
                                 element=indicator["element"], owner=element_dimension[indicator["element"]]))
        if indicator["chain"] not in CHAIN_TYPES:
            problems.append(Rule("indicator_chain", code=code, chain=indicator["chain"],
                                 expected=", ".join(CHAIN_TYPES)))
        if indicator["aspect"] not in ASPECTS:
            problems.append(Rule("indicator_aspect", code=code, aspect=indicator["aspect"],
                                 expected=", ".join(ASPECTS)))
        weight = indicator["weight"]
        if not _is_number(weight) or weight <= 0:
            problems.append(Rule("indicator_weight", code=code, weight=repr(weight)))
        for key in ("levels_id", "levels_en"):
            if not isinstance(indicator[key], list) or len(indicator[key]) != max_level + 1:
                problems.append(Rule("levels_count", code=code, key=key, count=max_level + 1, max_level=max_level,
                                     found=_count(indicator[key])))
            else:
                problems += [Rule("level_number", code=code, key=key, number=number, written=written,
                                  max_level=max_level)
                             for number, written in enumerate(_written_levels(indicator[key]))
                             if written is not None and written != number]
    for element in element_codes:
        if element not in used_elements:
            problems.append(Rule("element_empty", code=element))
    chains_used = {i.get("chain") for i in indicators}
    for chain in CHAIN_TYPES:
        if chain not in chains_used:
            problems.append(Rule("chain_unused", chain=chain))
    return problems


def _count(value) -> str:
    return str(len(value)) if isinstance(value, list) else repr(value)


def _written_levels(texts: list) -> list[int | None]:
    """The level number each description starts with ("3: ..." -> 3), None where it names none."""
    return [int(match.group(1)) if (match := re.match(r"\s*(\d+)\s*[:.]", str(text))) else None
            for text in texts]
