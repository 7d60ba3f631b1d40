"""What a comparison's selections mean: the regions it shows (by hand, an anchor and its nearest
peers, or an anchor and every region of its province), the chart that stays legible for that many,
and each compared region's band and ranks."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from scoring import Framework
from scoring.peers import PEER_METHODS, peer_set
from views.chart import SeriesChart, series_chart

MAX_REGIONS = 8          # regions a comparison by hand or a trend view shows at most (legible charts)
DEFAULT_PEERS = "province"
LIST_SEPARATOR = ","
# Whole peer sets: the anchor and every assessed region sharing its province (and kind), however many
# (Jawa Timur has 38); beyond MAX_REGIONS the comparison draws sorted bars instead of a radar.
WHOLE_SETS = {"all_province": ("province_code",), "all_province_kind": ("province_code", "kind")}
COMPARE_METHODS = (*PEER_METHODS, *WHOLE_SETS)


def listed(params: Mapping[str, str], key: str, known: set[str] | None = None) -> list[str]:
    """A comma-separated parameter as a list in order, without repeats, and without unknown codes
    when `known` is given."""
    parts = dict.fromkeys(part for part in params.get(key, "").split(LIST_SEPARATOR) if part)
    return [part for part in parts if known is None or part in known]


def peer_method(params: Mapping[str, str]) -> str:
    method = params.get("peers", DEFAULT_PEERS)
    return method if method in COMPARE_METHODS else DEFAULT_PEERS


def peers_of(source, regions: pd.DataFrame, year: int, stage: str, anchor: str, method: str) -> list[str]:
    """`anchor` and its peer set among the regions assessed in (year, stage): a whole set (WHOLE_SETS:
    every region of the anchor's province, or of its province and kind, in rank order), else
    scoring.peers' nearest, up to MAX_REGIONS in all. `regions` is the region list (code,
    province_code, kind, centroid)."""
    if method in WHOLE_SETS:
        me = regions.set_index("code").loc[anchor]
        same = source.ranking(year, stage)
        for column in WHOLE_SETS[method]:
            same = same[same[column] == me[column]]
        return [anchor, *[code for code in same["region_code"] if code != anchor]]
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
                  lang: str, index_scores: pd.DataFrame | None = None, index_name: str = "") -> SeriesChart:
    """The comparison's chart: a radar of each region's dimension scores (one series per region, by
    name, in `codes` order) on the framework's scale; beyond MAX_REGIONS regions (a whole province) a
    radar is a tangle, so bars of the index (`index_scores`: region_code, index; the series named
    `index_name`), highest first. The page, the live slide, the PPTX and the PDF draw it."""
    if len(codes) > MAX_REGIONS and index_scores is not None:
        index = index_scores.set_index("region_code")["index"].reindex(codes)
        ordered = sorted(codes, key=lambda code: (-index[code], code))
        return series_chart("bar", [names[code] for code in ordered], [(index_name, [index[c] for c in ordered])],
                            framework.max_level)
    dimension_codes = [d.code for d in framework.dimensions]
    wide = (dimension_scores[dimension_scores["region_code"].isin(codes)]
            .pivot(index="region_code", columns="dimension", values="score")
            .reindex(index=codes, columns=dimension_codes))
    return series_chart("radar", [d.name(lang) for d in framework.dimensions],
                        [(names[code], wide.loc[code].tolist()) for code in codes], framework.max_level)


def standing_table(ranking: pd.DataFrame, codes: list[str], t, number, band_names: Mapping[int, str],
                   group_names: Mapping[str, str] | None = None, *, places: bool = True) -> pd.DataFrame:
    """Index, band and ranks (national, province, kind: "3 of 38"; evaluation group when a compared
    region has one, named by `group_names`) of `codes`, in that order, from the store's ranking
    (scoring.ranking, ranks by shared_ranks; nothing is ranked again here), for the page, the live
    slide and the PPTX alike. `t`: message id (and values) -> text; `number`: a score as shown.
    `places=False` (a slide's narrow table) writes each rank as "3 of 26" without the place's name."""
    rows = ranking.set_index("region_code").loc[[c for c in codes if c in set(ranking["region_code"])]]
    total = len(ranking)
    table = pd.DataFrame({
        t("word.region"): rows["name"],
        t("word.index"): rows["index"].map(number),
        t("word.band"): rows["band"].map(lambda b: band_names[int(b)]),
        t("compare.col_rank"): [t("region.rank_of", rank=int(r), total=total) for r in rows["rank"]],
        t("compare.col_province_rank"): [
            t("compare.rank_in", rank=int(r), total=int(n), place=p) if places else t("region.rank_of", rank=int(r),
                                                                                      total=int(n))
            for r, n, p in zip(rows["province_rank"], rows["province_regions"], rows["province_name"], strict=True)],
        t("compare.col_kind_rank"): [
            t("compare.rank_in", rank=int(r), total=int(n), place=t(f"word.{k}")) if places
            else t("region.rank_of", rank=int(r), total=int(n))
            for r, n, k in zip(rows["kind_rank"], rows["kind_regions"], rows["kind"], strict=True)],
    })
    if "group" in rows and rows["group"].notna().any():
        names = group_names or {}
        table[t("compare.col_group_rank")] = [
            "–" if pd.isna(g) else t("compare.rank_in", rank=int(r), total=int(n), place=names.get(g, g)) if places
            else t("region.rank_of", rank=int(r), total=int(n))
            for r, n, g in zip(rows["group_rank"], rows["group_regions"], rows["group"], strict=True)]
    return table
