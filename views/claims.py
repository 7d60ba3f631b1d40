"""The claims view: stage I claims against stage II verification of a region, its province or the
nation, as one model. The page section (components/claims.py), the live slide
(sections/present/slides.py), the PPTX slide (reports/view_slides.py) and the exports (reports/tables.py)
draw this model; none of them sums, filters or cuts the rows again.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from scoring.claims import FAILED, claims_summary
from scoring.framework import Framework
from views.chart import SeriesChart, series_chart

TOP_OPDS = 8   # OPDs with failed claims a page, slide or deck lists, most index points lost first


@dataclass(frozen=True)
class ClaimsModel:
    """total: claims_summary's one index row (claimed_index, verified_index, points_lost, claims,
    failed, failed_share, ...); by_dimension / by_opd: claims_summary by dimension / owner OPD;
    failed: the failed claims (scoring.claims.FAILED), most points lost first."""

    total: pd.Series
    by_dimension: pd.DataFrame
    by_opd: pd.DataFrame
    failed: pd.DataFrame

    @property
    def top_opds(self) -> pd.DataFrame:
        """The OPDs with a failed claim, most points lost first, at most TOP_OPDS."""
        return self.by_opd[self.by_opd["failed"] > 0].head(TOP_OPDS).reset_index(drop=True)

    def dimensions(self, framework: Framework, lang: str) -> pd.DataFrame:
        """The chart's series: label (dimension name), claimed, verified, in framework order."""
        summary = self.by_dimension.set_index("key")
        shown = [d for d in framework.dimensions if d.code in summary.index]
        codes = [d.code for d in shown]
        return pd.DataFrame({"label": [d.name(lang) for d in shown],
                             "claimed": summary.loc[codes, "claimed_index"].to_numpy(dtype=float),
                             "verified": summary.loc[codes, "verified_index"].to_numpy(dtype=float)})

    def chart(self, framework: Framework, lang: str, claimed_name: str, verified_name: str) -> SeriesChart:
        """The claims view's chart: claimed (stage I) and verified (stage II) index per dimension, bars
        side by side on the framework's scale."""
        dimensions = self.dimensions(framework, lang)
        return series_chart("bar", dimensions["label"], [(claimed_name, dimensions["claimed"]),
                                                         (verified_name, dimensions["verified"])],
                            framework.max_level)


def claims_model(outcomes: pd.DataFrame) -> ClaimsModel | None:
    """The model of `outcomes` (Store.claims: one row per region and indicator); None when empty."""
    if outcomes.empty:
        return None
    failed = outcomes[outcomes["outcome"].isin(FAILED)]
    failed = failed.sort_values(["lost", "indicator_code"], ascending=[False, True], ignore_index=True)
    return ClaimsModel(claims_summary(outcomes, "index").iloc[0], claims_summary(outcomes, "dimension"),
                       claims_summary(outcomes, "owner_opd"), failed)
