"""What the plan and scenario slides of an agenda say (and the plan page's summary): pure answers
from a region's indicator grid, its programme register and a saved scenario."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from scoring.aggregate import scope_score
from scoring.bands import GAIN_DIGITS, band_for, round_score, shown_difference
from scoring.framework import Framework
from scoring.programme_review import programme_issues
from scoring.whatif import VERIFY, apply_changes, programme_effects, programme_levels
from store.programmes import links
from views.chart import SeriesChart, series_chart

TOP_PROGRAMMES = 6    # programmes a slide lists by what finishing each would add


@dataclass(frozen=True)
class PlanSummary:
    programmes: int
    budget: float                  # Rp, all programmes
    index_now: float
    index_all_done: float          # every programme finished as planned (unrounded)
    band_now: int
    band_all_done: int
    issues: int                    # programmes late or stalled this year
    top: pd.DataFrame              # programme_code, name, gain, index_after: largest gains first

    @property
    def index_change(self) -> float:
        """Shown index if every programme finishes minus shown index now (scoring.shown_difference)."""
        return shown_difference(self.index_all_done, self.index_now)

    def chart(self, gain_name: str) -> SeriesChart:
        """The plan view's chart: what finishing each of the top programmes adds to the index (bars,
        largest first; a category is "code · name" as typed, a surface shortens it to fit)."""
        return series_chart("bar", [f"{code} · {name}" for code, name in zip(self.top["programme_code"],
                                                                             self.top["name"], strict=True)],
                            [(gain_name, self.top["gain"])], None)


def plan_summary(grid: pd.DataFrame, framework: Framework, register: pd.DataFrame, this_year: int,
                 effects: pd.DataFrame | None = None) -> PlanSummary:
    """The register in figures: how much, and where the index lands if every programme finishes.
    `effects`: scoring.whatif.programme_effects of this grid and register when the caller has them
    already (the plan page needs both; computing them twice doubled its cost)."""
    linked = links(register)
    now = scope_score(grid, framework)
    all_done = scope_score(apply_changes(grid, lifts=programme_levels(linked, list(register["programme_code"])),
                                         max_level=framework.max_level), framework)
    effects = programme_effects(grid, framework, linked) if effects is None else effects
    names = dict(zip(register["programme_code"], register["name"], strict=True))
    top = (effects.assign(name=effects["programme_code"].map(names))
           .sort_values(["gain", "programme_code"], ascending=[False, True], kind="stable")
           .head(TOP_PROGRAMMES)[["programme_code", "name", "gain", "index_after"]].reset_index(drop=True))
    return PlanSummary(len(register), float(register["budget"].sum()), now, all_done,
                       band_for(now, framework).level, band_for(all_done, framework).level,
                       len(programme_issues(register, this_year)), top)


def scenario_changes(levels: dict, programmes: tuple[str, ...], grid: pd.DataFrame,
                     register: pd.DataFrame) -> pd.DataFrame:
    """One row per change a scenario makes: kind (indicator | programme), code, level_now (the
    counted level), level_after (the level it would count; a programme: the highest target it sets),
    verify (the scenario verifies the recorded level). Indicators first, in code order."""
    counted = dict(zip(grid["indicator_code"], grid["effective_level"].astype(int), strict=True))
    recorded = dict(zip(grid["indicator_code"], grid["level"].astype(int), strict=True))
    rows = [{"kind": "indicator", "code": code, "level_now": counted.get(code),
             "level_after": recorded.get(code) if level == VERIFY else int(level), "verify": level == VERIFY}
            for code, level in sorted(levels.items())]
    linked = links(register)
    for code in sorted(programmes):
        targets = linked[linked["programme_code"] == code]["target_level"]
        rows.append({"kind": "programme", "code": code, "level_now": None,
                     "level_after": int(targets.max()) if len(targets) else None, "verify": False})
    frame = pd.DataFrame(rows, columns=["kind", "code", "level_now", "level_after", "verify"])
    return frame.astype({"level_now": "Int64", "level_after": "Int64"})   # whole levels, <NA> where none


def programme_table(register: pd.DataFrame, effects: pd.DataFrame, t, dimension_names: dict[str, str],
                    status_names: dict[str, str], band_names: dict[int, str]) -> pd.DataFrame:
    """The plan page's programme table with headers in the reader's language (`t`: message id ->
    text) and numbers as numbers, rounded as the page shows them (progress whole, budget in Rp, index
    two decimals, gain GAIN_DIGITS): the workbook export as it is, the page formats the numbers.
    `effects`: scoring.whatif.programme_effects indexed by programme_code."""
    return pd.DataFrame({
        t("plan.col_code"): register["programme_code"],
        t("plan.col_name"): register["name"],
        t("plan.col_dimension"): register["dimension"].map(dimension_names),
        t("plan.col_owner"): register["owner_opd"],
        t("plan.col_status"): register["status"].map(status_names),
        t("plan.col_progress"): register["progress"].round(0).astype(int),
        t("plan.col_budget"): register["budget"].map(lambda v: round_score(float(v), 0)),
        t("plan.col_years"): register["start_year"].astype(str) + "–" + register["end_year"].astype(str),
        t("plan.col_quick_win"): register["quick_win"].map({True: "✓", False: ""}),
        t("plan.col_indicators"): register["indicators"],
        t("plan.col_index_after"): register["programme_code"].map(effects["index_after"]).map(round_score),
        t("plan.col_gain"): register["programme_code"].map(effects["gain"]).map(
            lambda v: round_score(float(v), GAIN_DIGITS)),
        t("plan.col_band_after"): register["programme_code"].map(effects["band_after"]).map(band_names.get),
    })
