"""Maturity bands and display rounding: the band of a score is the band of the value shown."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scoring.framework import Framework

SHOWN_DIGITS = 2            # published indices and scores have two decimals
GAIN_DIGITS = 3             # index points gained or lost: one level of one indicator is often under 0.01
SIGNIFICANT_DIGITS = 15     # what a spreadsheet keeps of a binary float before it rounds


@dataclass(frozen=True)
class Band:
    """One maturity band: `level` 1, 2, 3 ... (its order, never shown), names in Indonesian and English,
    inclusive `lower` bound."""

    level: int
    name_id: str
    name_en: str
    lower: float

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id

    def label(self, lang: str) -> str:
        """'Memuaskan': the one way a band is written on screen, in slides and in tables. A band is
        written by its name only, the ministry's predicate word; its order number is never shown (on
        a 0–4 scale "5 · Memuaskan" would read as a level 5 the scale does not have)."""
        return self.name(lang)


def round_score(x: float, digits: int = SHOWN_DIGITS) -> float:
    """Round half up as a spreadsheet shows it: 3.475 -> 3.48, 2.675 -> 2.68, -0.005 -> -0.01.

    Python's round() works on the binary float and rounds half to even. Here the float is first
    read as a spreadsheet reads it (its shortest decimal repr, cut to 15 significant digits, so the
    float noise of 3.4749999999999996 becomes 3.475), then rounded half up on that decimal.
    A result of zero is +0.0, never -0.0.
    """
    if x is None or x != x:  # NaN
        return x
    value = Decimal(repr(float(x)))
    if value:
        value = value.quantize(Decimal(1).scaleb(value.adjusted() - SIGNIFICANT_DIGITS + 1), ROUND_HALF_EVEN)
    rounded = float(value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
    return rounded + 0.0  # -0.0 + 0.0 == +0.0


def shown_text(x: float, digits: int = SHOWN_DIGITS) -> str:
    """The shown value as plain text with a dot: '3.48', '-0.05', '0.00' (CLI, CSV)."""
    return f"{round_score(x, digits):.{digits}f}"


def shown_difference(current: float, previous: float) -> float:
    """The change a person reads: the difference of the two shown values (never -0.00)."""
    return round_score(round_score(current) - round_score(previous))


def band_for(score: float, framework: Framework) -> Band:
    """The band of the value shown (two decimals, half up): the highest band whose lower bound the
    shown value reaches, so a score shown as 2.60 is in the band that starts at 2.60."""
    return _band_of_shown(round_score(score), framework.bands, _shown_lowers(framework))


def _shown_lowers(framework: Framework) -> list[float]:
    """Each band's lower bound as shown (two decimals), in the framework's band order."""
    return [round_score(band.lower) for band in framework.bands]


def _band_of_shown(shown: float, bands, lowers: list[float]) -> Band:
    reached = [band for band, lower in zip(bands, lowers, strict=True) if shown >= lower]
    return reached[-1] if reached else bands[0]


def band_levels(scores, framework: Framework):
    """`band_for(...).level` for a pandas Series of scores (NaN stays NA); the bands' shown lower
    bounds are rounded once per call, not once per score."""
    import pandas as pd

    bands, lowers = framework.bands, _shown_lowers(framework)
    return pd.Series([pd.NA if pd.isna(score) else _band_of_shown(round_score(score), bands, lowers).level
                      for score in scores], index=getattr(scores, "index", None), dtype="Int64")


def band_labels(framework: Framework, lang: str) -> dict[int, str]:
    """Band level -> its label ('Baik') for every band of the framework."""
    return framework.band_labels(lang)


def with_bands(frame, frameworks: dict[str, Framework], score: str = "score"):
    """Set `band` from the shown value of `score`, with each row's own framework (framework_id column)
    or the only framework given. Stored bands are not trusted: the band rule lives in scoring."""
    import pandas as pd

    frame = frame.copy()
    if frame.empty:
        frame["band"] = pd.Series(dtype="Int64")
        return frame
    if "framework_id" not in frame:
        (framework,) = frameworks.values()
        frame["band"] = band_levels(frame[score], framework)
        return frame
    bands = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    for framework_id, rows in frame.groupby("framework_id"):
        bands.loc[rows.index] = band_levels(rows[score], frameworks[framework_id])
    frame["band"] = bands
    return frame
