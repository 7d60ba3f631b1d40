"""Maturity bands and display rounding."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scoring.framework import Framework

# Scores are sums of float products; 2.6 can arrive as 2.5999999999999996. A band boundary is a
# published two-decimal figure, so a score within this tolerance of it counts as reaching it.
BOUNDARY_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Band:
    """One maturity band: `level` 1-5, names in Indonesian and English, inclusive `lower` bound."""

    level: int
    name_id: str
    name_en: str
    lower: float

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id


def band_for(score: float, framework: Framework) -> Band:
    """The highest band of `framework` whose lower bound `score` reaches (the lowest band for less)."""
    bands = framework.bands
    reached = [band for band in bands if score + BOUNDARY_TOLERANCE >= band.lower]
    return reached[-1] if reached else bands[0]


def band_levels(scores, framework: Framework):
    """Vectorised `band_for(...).level` for a pandas Series of scores (NaN stays NA)."""
    import pandas as pd

    lowers = [band.lower for band in framework.bands]
    levels = [band.level for band in framework.bands]
    bins = [-float("inf"), *[lower - BOUNDARY_TOLERANCE for lower in lowers[1:]], float("inf")]
    result = pd.cut(scores, bins=bins, labels=levels, right=False)
    return result.astype("Int64")


def round_score(x: float, digits: int = 2) -> float:
    """Round half up, as spreadsheets and the official publications do (3.485 -> 3.49).

    Python's round() works on the binary float and rounds half to even, so round(2.675, 2) is 2.67.
    Going through the shortest decimal repr of the float keeps the figure a person sees.
    """
    if x is None or x != x:  # NaN
        return x
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(float(x))).quantize(quantum, rounding=ROUND_HALF_UP))
