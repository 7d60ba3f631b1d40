"""Framework files: one version of the maturity model (taxonomy, weights, bands, evidence policy).

A framework is data (`data/framework/*.toml`); code looks rules up here and never repeats them.
A file may say `extends = "other.toml"`: the parent is read first and the child's top-level keys
replace the parent's (tables replace whole), so a change of chain weights need not copy indicators.
"""

from __future__ import annotations

import itertools
import math
import re
import tomllib
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from pathlib import Path

import pandas as pd

from scoring.bands import Band
from scoring.exact import as_fraction, exact_shares
from scoring.vocabulary import INDEX_SCOPE

CHAIN_TYPES = ("baseline", "output", "outcome", "impact", "quick_win")
ASPECTS = ("struktur", "infrastruktur", "suprastruktur")
EVIDENCE_POLICIES = ("zero", "claimed")


class FrameworkError(ValueError):
    """A framework file that cannot be used; `problems` lists every reason."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))


@dataclass(frozen=True)
class Dimension:
    """A pillar of the model. Dimensions carry no weight: the index is built from the results chain,
    and a dimension score stands on its own (the mean of its elements)."""

    code: str
    name_id: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id


@dataclass(frozen=True)
class Element:
    code: str
    dimension: str
    name_id: str
    name_en: str
    weight: float

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id


@dataclass(frozen=True)
class Indicator:
    code: str
    name_id: str
    name_en: str
    dimension: str
    element: str
    chain: str
    aspect: str
    weight: float
    owner_opd: str
    levels_id: tuple[str, ...]
    levels_en: tuple[str, ...]
    evidence_id: str = ""
    evidence_en: str = ""
    follows_up_previous: bool = False  # scores the follow-up of the previous evaluation: 0 in a first year

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id

    def level_text(self, level: int, lang: str) -> str:
        """What `level` requires, in `lang`, without the "4: " the framework file writes before it
        (a sentence such as "Naikkan ke level 4 (…)" names the level itself)."""
        texts = self.levels_en if lang == "en" else self.levels_id
        text = texts[level] if 0 <= level < len(texts) else ""
        return re.sub(rf"^\s*{level}\s*[:.]\s*", "", text)


@dataclass(frozen=True)
class Framework:
    """One framework version. Tuples keep file order; `indicator_table` has the derived weight shares."""

    id: str
    name_id: str
    name_en: str
    years: tuple[int, ...]
    dimensions: tuple[Dimension, ...]
    elements: tuple[Element, ...]
    indicators: tuple[Indicator, ...]
    chain_weights: dict[str, float]
    bands: tuple[Band, ...]
    max_level: int = 4  # levels run 0..max_level; the file states it (the published index is on 0-4)
    unverified_counts_as: str = "zero"
    stage_policies: dict[str, str] = field(default_factory=dict)  # e.g. {"I": "claimed"}
    minimum_target_band: int = 3
    illustrative: bool = False
    notes: dict[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:  # frameworks are compared and cached by id
        return hash(self.id)

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id

    def policy_for_stage(self, stage: str) -> str:
        """The evidence policy scores of a stage use: `stage_<S>` of [evidence_policy] if given (stage I
        is the self-assessment, scored on its claims), else `unverified_counts_as`."""
        return self.stage_policies.get(stage, self.unverified_counts_as)

    def note(self, key: str, lang: str) -> str:
        return self.notes.get(f"{key}_{'en' if lang == 'en' else 'id'}", "")

    def indicator(self, code: str) -> Indicator:
        return self._indicators_by_code[code]

    def dimension_names(self, lang: str) -> dict[str, str]:
        """Dimension code -> its name in `lang`, in framework order."""
        return {dimension.code: dimension.name(lang) for dimension in self.dimensions}

    def band_names(self, lang: str) -> dict[int, str]:
        """Band level -> its name in `lang` ("Baik")."""
        return {band.level: band.name(lang) for band in self.bands}

    def band_labels(self, lang: str) -> dict[int, str]:
        """Band level -> its label in `lang` ("3 · Baik"), as Band.label writes it."""
        return {band.level: band.label(lang) for band in self.bands}

    def element_names(self, lang: str) -> dict[str, str]:
        """Element code -> its name in `lang`, in framework order."""
        return {element.code: element.name(lang) for element in self.elements}

    @cached_property
    def _indicators_by_code(self) -> dict[str, Indicator]:
        return {indicator.code: indicator for indicator in self.indicators}

    @cached_property
    def indicator_table(self) -> pd.DataFrame:
        """One row per indicator with its weights and shares.

        Columns: indicator_code, dimension, element, chain, aspect, owner_opd, weight,
        element_share (share in its element score), dimension_share (share in its dimension score),
        chain_share (share in its chain component) and index_share (share in the index), so that
        each score is sum(share x effective level) and raising a level by one adds exactly the share.
        """
        element_weight = {element.code: element.weight for element in self.elements}
        rows = pd.DataFrame(
            [
                {
                    "indicator_code": i.code,
                    "dimension": i.dimension,
                    "element": i.element,
                    "chain": i.chain,
                    "aspect": i.aspect,
                    "owner_opd": i.owner_opd,
                    "weight": float(i.weight),
                }
                for i in self.indicators
            ]
        )
        rows["element_share"] = rows["weight"] / rows.groupby("element")["weight"].transform("sum")
        rows["element_weight"] = rows["element"].map(element_weight)
        per_dimension = (
            rows.drop_duplicates("element").groupby("dimension")["element_weight"].sum()
        )
        rows["dimension_share"] = (
            rows["element_share"] * rows["element_weight"] / rows["dimension"].map(per_dimension)
        )
        rows["chain_share"] = rows["weight"] / rows.groupby("chain")["weight"].transform("sum")
        rows["index_share"] = rows["chain_share"] * rows["chain"].map(self.chain_weights)
        return rows.drop(columns="element_weight")

    @cached_property
    def exact_shares(self) -> dict[str, dict[str, Fraction]]:
        """The shares of `indicator_table` as exact fractions of the written decimal weights, keyed by
        share column (element_share, dimension_share, chain_share, index_share) then indicator code."""
        weights = {i.code: i.weight for i in self.indicators}
        element_of = {i.code: i.element for i in self.indicators}
        element_shares = exact_shares(weights, element_of)
        element_weight = {e.code: e.weight for e in self.elements}
        dimension_of_element = {e.code: e.dimension for e in self.elements}
        dimension_element_share = exact_shares(element_weight, dimension_of_element)
        chain_shares = exact_shares(weights, {i.code: i.chain for i in self.indicators})
        chain_total = sum((as_fraction(w) for w in self.chain_weights.values()), Fraction(0))
        return {
            "element_share": element_shares,
            "dimension_share": {code: share * dimension_element_share[element_of[code]]
                                for code, share in element_shares.items()},
            "chain_share": chain_shares,
            "index_share": {i.code: chain_shares[i.code] * as_fraction(self.chain_weights[i.chain]) / chain_total
                            for i in self.indicators},
        }

    def shares_of(self, scope: str) -> dict[str, Fraction]:
        """Exact shares of a scope: "index" (every indicator) or a dimension code (its indicators)."""
        if scope == INDEX_SCOPE:
            return self.exact_shares["index_share"]
        dimension_shares = self.exact_shares["dimension_share"]
        return {i.code: dimension_shares[i.code] for i in self.indicators if i.dimension == scope}

    @cached_property
    def smallest_step(self) -> float:
        """The smallest change of the index that one indicator moving one level can make (the
        smallest index share): two indices closer than this are too close to call."""
        return float(min(self.exact_shares["index_share"].values()))


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


def read_framework_file(path: str | Path) -> dict:
    """A framework file as tomllib reads it, its `extends` parents merged in (what load_framework
    validates); FrameworkError when it cannot be read."""
    return _read_with_parents(Path(path))


def _count(value) -> str:
    return str(len(value)) if isinstance(value, list) else repr(value)


def _written_levels(texts: list) -> list[int | None]:
    """The level number each description starts with ("3: ..." -> 3), None where it names none."""
    return [int(match.group(1)) if (match := re.match(r"\s*(\d+)\s*[:.]", str(text))) else None
            for text in texts]


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
