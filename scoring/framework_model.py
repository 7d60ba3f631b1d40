"""The framework model: its vocabulary, the frozen dataclasses a framework file becomes, and the
weight shares derived from it. `scoring.framework` reads files into these and re-exports every name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

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

    def band_labels(self, lang: str) -> dict[int, str]:
        """Band level -> its label in `lang` ("Baik"), as Band.label writes it."""
        return {band.level: band.label(lang) for band in self.bands}

    band_names = band_labels   # a band is written by its name: the labels are the names

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
