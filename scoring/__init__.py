"""The maturity model: framework loading, bands, aggregation, gaps and next-band plans.

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
    smart_city_index,
)
from scoring.bands import Band, band_for, round_score
from scoring.change import improvement
from scoring.framework import Framework, FrameworkError, framework_problems, load_framework
from scoring.gaps import Upgrade, gap_table, indicator_priority, path_to_next_band

__all__ = [
    "CHAIN_TYPES",
    "Band",
    "Framework",
    "FrameworkError",
    "Upgrade",
    "band_for",
    "chain_scores",
    "dimension_scores",
    "effective_levels",
    "element_scores",
    "framework_problems",
    "gap_table",
    "improvement",
    "index_scores",
    "indicator_priority",
    "load_framework",
    "path_to_next_band",
    "region_scores",
    "round_score",
    "smart_city_index",
]
