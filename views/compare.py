"""What a comparison's selections mean: the regions it shows (by hand, or an anchor and its peers)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from scoring import Framework
from scoring.peers import PEER_METHODS, peer_set
from views.chart import SeriesChart, series_chart

MAX_REGIONS = 8          # regions a comparison or a trend view shows at most (legible charts)
DEFAULT_PEERS = "province"
LIST_SEPARATOR = ","


def listed(params: Mapping[str, str], key: str, known: set[str] | None = None) -> list[str]:
    """A comma-separated parameter as a list in order, without repeats, and without unknown codes
    when `known` is given."""
    parts = dict.fromkeys(part for part in params.get(key, "").split(LIST_SEPARATOR) if part)
    return [part for part in parts if known is None or part in known]


def peer_method(params: Mapping[str, str]) -> str:
    method = params.get("peers", DEFAULT_PEERS)
    return method if method in PEER_METHODS else DEFAULT_PEERS


def peers_of(source, regions: pd.DataFrame, year: int, stage: str, anchor: str, method: str) -> list[str]:
    """`anchor` and its peer set (scoring.peers) among the regions assessed in (year, stage), up to
    MAX_REGIONS in all. `regions` is the region list (code, province_code, kind, centroid)."""
    return [anchor, *peer_set(anchor, method, regions, source.scores(year, stage, "index"),
                              source.scores(year, stage, "dimension"), source.cohorts(), count=MAX_REGIONS - 1)]


def compared_regions(source, regions: pd.DataFrame, year: int, stage: str, params: Mapping[str, str]) -> list[str]:
    """The regions a comparison shows: `regions=a,b,c` by hand (known codes, at most MAX_REGIONS),
    else `region` (the anchor) and its peer set by `peers` (default: same province)."""
    known = set(regions["code"])
    chosen = listed(params, "regions", known)[:MAX_REGIONS]
    anchor = params.get("region", "")
    if chosen or anchor not in known:
        return chosen
    return peers_of(source, regions, year, stage, anchor, peer_method(params))


def assessed(source, year: int, stage: str, codes: list[str]) -> list[str]:
    """The codes assessed in (year, stage), in the given order."""
    index = set(source.scores(year, stage, "index")["region_code"])
    return [code for code in codes if code in index]


def compare_chart(framework: Framework, names: Mapping[str, str], codes: list[str], dimension_scores: pd.DataFrame,
                  lang: str) -> SeriesChart:
    """The comparison's chart: a radar of each region's dimension scores (one series per region, by
    name, in `codes` order) on the framework's scale; the page, the live slide, the PPTX and the PDF draw it."""
    dimension_codes = [d.code for d in framework.dimensions]
    wide = (dimension_scores[dimension_scores["region_code"].isin(codes)]
            .pivot(index="region_code", columns="dimension", values="score")
            .reindex(index=codes, columns=dimension_codes))
    return series_chart("radar", [d.name(lang) for d in framework.dimensions],
                        [(names[code], wide.loc[code].tolist()) for code in codes], framework.max_level)
