"""Exact arithmetic for scores a person reads.

Framework weights are decimals written in a file ("0.1", "1.5"), levels are whole numbers, so every
score is a rational number. Binary floats lose that: 0.1 x 3.84 + ... gives 3.4749999999999996 where
a spreadsheet and the published figure say 3.475 (shown 3.48). Here weights become `Fraction`s of
their written decimal, scores are summed exactly, and only the final value becomes a float: the
float nearest the exact value, whose shortest repr is the decimal a person would write.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

import pandas as pd


def as_fraction(value) -> Fraction:
    """The exact decimal a number was written as: 0.1 -> 1/10 (not the binary 0.1000000000000000055...).

    Floats go through their shortest repr, which is the literal that produced them in a TOML file or
    a two-decimal published component."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(Decimal(repr(float(value))))


def exact_shares(weights: Mapping[str, float], groups: Mapping[str, str],
                 group_weights: Mapping[str, float] | None = None) -> dict[str, Fraction]:
    """Each item's exact share of its group's weighted mean, times its group's share of the total.

    `weights` item -> weight; `groups` item -> group; `group_weights` group -> weight (None: each
    group's mean stands alone, share = weight / group total)."""
    totals: dict[str, Fraction] = {}
    for item, weight in weights.items():
        totals[groups[item]] = totals.get(groups[item], Fraction(0)) + as_fraction(weight)
    if group_weights is None:
        return {item: as_fraction(w) / totals[groups[item]] for item, w in weights.items()}
    group_total = sum((as_fraction(group_weights[g]) for g in totals), Fraction(0))
    return {item: as_fraction(w) / totals[groups[item]] * as_fraction(group_weights[groups[item]]) / group_total
            for item, w in weights.items()}


def common_denominator(shares: Iterable[Fraction]) -> int:
    return math.lcm(*(share.denominator for share in shares)) if shares else 1


def integer_shares(shares: Mapping[str, Fraction]) -> tuple[dict[str, int], int]:
    """Each share as an integer numerator over one common denominator: ({code: numerator}, denominator)."""
    denominator = common_denominator(list(shares.values()))
    return {code: int(share * denominator) for code, share in shares.items()}, denominator


def _exact_level(level) -> int | Fraction:
    """A level as an exact number: whole levels (every assessed level) as int, so sums stay integer."""
    value = float(level)
    return int(value) if value.is_integer() else as_fraction(level)


def exact_sum(levels: Mapping[str, float], shares: Mapping[str, Fraction]) -> Fraction:
    """THE weighted sum of Matra: sum(share x level) over the codes in `levels` (code -> level) that
    have a share, exact. Every score (index, dimension, element, chain component) is this sum, of one
    region here or of many at once in `weighted_sums`; a second way to add them up is a defect
    (tests/test_one_path.py compares every door).

    Each share is an integer numerator over one common denominator (`integer_shares`), so whole
    levels give an integer sum (exact at any size) and only the final division makes the Fraction."""
    numerators, denominator = integer_shares(shares)
    total = sum((numerators[code] * _exact_level(level) for code, level in levels.items() if code in numerators), 0)
    return Fraction(total, denominator) if isinstance(total, int) else total / denominator


def weighted_sums(grid: pd.DataFrame, keys: list[str], shares: Mapping[str, Fraction],
                  level_column: str = "effective_level") -> pd.DataFrame:
    """`exact_sum` per group of `keys` (whole levels), vectorised over many regions, as the nearest
    float. Columns: keys, score. The same integer numerators; only the loop is pandas'."""
    numerators, denominator = integer_shares(shares)
    levels = grid[level_column].astype(int).astype(object)
    weighted = grid["indicator_code"].map(numerators).astype(object) * levels
    sums = weighted.groupby([grid[key] for key in keys]).agg(lambda values: sum(values, 0))
    result = sums.rename("score").reset_index()
    result["score"] = [float(Fraction(int(total), denominator)) for total in result["score"]]
    return result
