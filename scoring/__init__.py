"""The maturity model: framework loading, bands, aggregation, gaps, ranks, change and plans.

Pure: data frames and values in, data frames and values out. No Streamlit, no DuckDB, no caching.
Everything here imports only the standard library and pandas.
"""

from scoring.aggregate import (
    CHAIN_TYPES,
    chain_scores,
    dimension_scores,
    effective_levels,
    element_scores,
    index_scores,
    region_scores,
    scope_score,
    smart_city_index,
)
from scoring.bands import Band, band_for, band_labels, round_score, shown_difference, shown_text
from scoring.change import ChangeBreakdown, change_breakdown
from scoring.framework import Framework, FrameworkError, framework_problems, load_framework
from scoring.gaps import default_target, gap_table, indicator_priority, opd_summary
from scoring.plan import Action, Plan, plan_next_band
from scoring.ranking import ranking_table
from scoring.vocabulary import INDEX_CODE, INDEX_SCOPE, SCORE_KINDS, STAGES

__all__ = [
    "CHAIN_TYPES",
    "INDEX_CODE",
    "INDEX_SCOPE",
    "SCORE_KINDS",
    "STAGES",
    "Action",
    "Band",
    "ChangeBreakdown",
    "Framework",
    "FrameworkError",
    "Plan",
    "band_for",
    "band_labels",
    "chain_scores",
    "change_breakdown",
    "default_target",
    "dimension_scores",
    "effective_levels",
    "element_scores",
    "framework_problems",
    "gap_table",
    "index_scores",
    "indicator_priority",
    "load_framework",
    "opd_summary",
    "plan_next_band",
    "ranking_table",
    "region_scores",
    "round_score",
    "scope_score",
    "shown_difference",
    "shown_text",
    "smart_city_index",
]
