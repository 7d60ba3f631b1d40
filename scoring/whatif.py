"""What-if: where a region lands if some indicators reach given levels with verified evidence.

Pure: a region's indicator grid (scoring.effective_levels columns), the changes, and every region's
index of the same year and stage in; the index, band and ranks before and after out.

- Setting an indicator to level L with verified evidence makes its effective level exactly L.
- "verify" makes the recorded level count (as if its evidence were verified).
- A programme lifts each linked indicator to its target level, never lowers it: the effective level
  becomes max(current effective level, target level).
- The index is `scoring.aggregate.scope_score` (the exact Σ index_share × effective_level, as
  stored at ingest), ranks `scoring.ranking.shared_ranks` of the shown (two-decimal) index among
  the regions of the same year and stage: 1, 2, 2, 4. With no change, the what-if gives exactly the
  stored index and the ranking's rank.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from scoring.aggregate import scope_score
from scoring.bands import band_for, round_score, shown_difference
from scoring.framework import Framework
from scoring.ranking import shared_ranks

VERIFY = "verify"


class WhatIfError(ValueError):
    """A change names an indicator the grid does not have or a level outside 0..max_level."""


@dataclass(frozen=True)
class WhatIf:
    index_before: float
    index_after: float
    band_before: int
    band_after: int
    rank_before: int | None
    rank_after: int | None
    province_rank_before: int | None
    province_rank_after: int | None
    regions: int

    @property
    def index_change(self) -> float:
        """The change a person reads: shown after minus shown before (scoring.shown_difference)."""
        return shown_difference(self.index_after, self.index_before)

    def as_dict(self) -> dict:
        return {"index_before": self.index_before, "index_after": self.index_after,
                "band_before": self.band_before, "band_after": self.band_after,
                "rank_before": self.rank_before, "rank_after": self.rank_after,
                "province_rank_before": self.province_rank_before,
                "province_rank_after": self.province_rank_after}


def programme_levels(programmes: pd.DataFrame, codes: list[str]) -> dict[str, int]:
    """Target level per indicator of the chosen programmes (columns programme_code, indicator_code,
    target_level); an indicator linked by two programmes takes the higher target."""
    chosen = programmes[programmes["programme_code"].isin(codes)]
    return {str(c): int(v) for c, v in chosen.groupby("indicator_code")["target_level"].max().items()}


def apply_changes(grid: pd.DataFrame, levels: Mapping[str, int | str] | None = None,
                  lifts: Mapping[str, int] | None = None, *, max_level: int) -> pd.DataFrame:
    """The grid with `effective_level` changed: `levels` sets exactly (an int, or VERIFY for the
    recorded level), `lifts` raises to at least the given level. Raises WhatIfError for an
    indicator not in the grid or a level outside 0..max_level (the framework's top level)."""
    levels, lifts = dict(levels or {}), dict(lifts or {})
    after = grid.copy()
    position = {code: i for i, code in enumerate(after["indicator_code"])}
    effective = after["effective_level"].astype(float).tolist()
    for code, level in [*levels.items(), *lifts.items()]:
        if code not in position:
            raise WhatIfError(f"unknown indicator {code}")
        if level != VERIFY and (not isinstance(level, int) or isinstance(level, bool) or not 0 <= level <= max_level):
            raise WhatIfError(f"level {level!r} of {code} is not a whole number from 0 to {max_level}")
    for code, level in levels.items():
        row = position[code]
        effective[row] = float(after["level"].iloc[row]) if level == VERIFY else float(level)
    for code, level in lifts.items():
        row = position[code]
        effective[row] = max(effective[row], float(level))
    after["effective_level"] = effective
    return after


def rank_in(index_table: pd.DataFrame, region: str, index: float) -> int | None:
    """Shared rank of the shown `index` of `region` among index_table (region_code, index), with the
    region's own index replaced by `index` (added when it is not in the table)."""
    values = dict(zip(index_table["region_code"], index_table["index"].astype(float), strict=True))
    values[region] = index
    shown = pd.Series({code: round_score(value) for code, value in values.items()})
    return int(shared_ranks(shown)[region])   # the one rank rule (scoring.ranking)


def simulate(grid: pd.DataFrame, framework: Framework, index_table: pd.DataFrame, region: str, *,
             levels: Mapping[str, int | str] | None = None, lifts: Mapping[str, int] | None = None,
             province_codes: Mapping[str, str] | None = None) -> WhatIf:
    """Index, band, national rank (and province rank when `province_codes` maps region -> province)
    before and after the changes. `index_table`: every region of the same year and stage."""
    before = scope_score(grid, framework)
    after = scope_score(apply_changes(grid, levels, lifts, max_level=framework.max_level), framework)
    province_before = province_after = None
    if province_codes is not None and region in province_codes:
        province = province_codes[region]
        same = index_table[index_table["region_code"].map(province_codes) == province]
        province_before, province_after = rank_in(same, region, before), rank_in(same, region, after)
    return WhatIf(before, after, band_for(before, framework).level, band_for(after, framework).level,
                  rank_in(index_table, region, before), rank_in(index_table, region, after),
                  province_before, province_after, len(index_table))


def programme_effects(grid: pd.DataFrame, framework: Framework, programmes: pd.DataFrame) -> pd.DataFrame:
    """Per programme: what finishing it as planned alone would do. Columns programme_code,
    indicators (how many linked), index_before, index_after, gain, band_before, band_after."""
    before = scope_score(grid, framework)
    # programme_levels for each programme alone, from one groupby (not one filter and groupby per
    # programme: at a register of hundreds that was most of the plan page's time)
    targets = programmes.groupby(["programme_code", "indicator_code"])["target_level"].max()
    lifts_of: dict[str, dict[str, int]] = {}
    for (code, indicator), level in targets.items():
        lifts_of.setdefault(str(code), {})[str(indicator)] = int(level)
    rows = []
    for code in dict.fromkeys(programmes["programme_code"]):
        finished = apply_changes(grid, lifts=lifts_of.get(str(code), {}), max_level=framework.max_level)
        after = scope_score(finished, framework)
        linked = int((programmes["programme_code"] == code).sum())
        rows.append({"programme_code": code, "indicators": linked, "index_before": before, "index_after": after,
                     "gain": after - before, "band_before": band_for(before, framework).level,
                     "band_after": band_for(after, framework).level})
    columns = ["programme_code", "indicators", "index_before", "index_after", "gain", "band_before", "band_after"]
    return pd.DataFrame(rows, columns=columns)
