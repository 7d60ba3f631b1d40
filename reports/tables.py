"""Tables as CSV or XLSX: the national ranking, one region's indicators, one region's action list
(the path to the next band, as on the gaps page), stage I claims against stage II verification.
Headers and labels in the chosen language.

Numbers stay numbers (rounded half up as the screen shows them: indices to 2 decimals), so a
spreadsheet can sort and sum them; its own locale shows the decimal mark. Text cells go through
store.exports, which neutralises anything a spreadsheet would run as a formula (= + - @).
"""

from __future__ import annotations

from collections.abc import Collection

import pandas as pd

from i18n import t
from reports.context import check_regions, check_year_stage, region_grid
from reports.errors import ExportRefused
from scoring import INDEX_SCOPE, band_labels, round_score
from scoring.bands import GAIN_DIGITS
from scoring.claims import claims_summary
from store.exports import csv_bytes, xlsx_bytes
from views.overview import group_columns
from views.region import plans

TABLES = ("ranking", "indicators", "actions", "claims")
FORMATS = ("csv", "xlsx")
MIME_TYPES = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _rounded(values: pd.Series, digits: int = 2) -> pd.Series:
    return values.map(lambda v: None if pd.isna(v) else round_score(float(v), digits))


def _percent(shares: pd.Series) -> pd.Series:
    """Shares 0..1 as the percentages the page shows: one decimal, half up (36.25 -> 36.3)."""
    return _rounded(100 * shares.astype(float), 1)


def ranking_table(store, year: int, stage: str, lang: str, codes: Collection[str] | None = None) -> pd.DataFrame:
    """The national ranking of the overview page, one row per assessed region (only `codes` when
    given, e.g. the regions the page's filters show; ranks stay national, as on screen), with the
    evaluation group and the rank within it when the year and stage have groups."""
    check_year_stage(store, year, stage)
    rows = store.ranking(year, stage)
    if codes is not None:
        rows = rows[rows["region_code"].isin(list(codes))]
    framework = store.framework_of(year, stage)
    labels = band_labels(framework, lang)
    yes = t("reports.yes", lang)
    return pd.DataFrame({
        t("word.rank", lang): rows["rank"].astype(int),
        t("reports.col_region_code", lang): rows["region_code"],
        t("word.region", lang): rows["name"],
        t("word.province", lang): rows["province_name"],
        t("word.kind", lang): rows["kind"].map(lambda k: t(f"word.{k}", lang)),
        t("word.index", lang): _rounded(rows["index"]),
        t("word.band", lang): rows["band"].map(lambda b: labels[int(b)]),
        t("reports.col_province_rank", lang): rows["province_rank"].astype("Int64"),
        t("reports.col_kind_rank", lang): rows["kind_rank"].astype("Int64"),
        **group_columns(rows, lambda key: t(key, lang), store.group_names(lang)),
        t("word.change", lang): _rounded(rows["improvement"]),
        t("word.rank_change", lang): rows["rank_change"].astype("Int64"),
        t("word.too_close", lang): rows["too_close_to_call"].map({True: yes, False: ""}),
        t("word.method_changed", lang): rows["method_changed"].map({True: yes, False: ""}),
    })


def indicator_table(store, region: str, year: int, stage: str, lang: str) -> pd.DataFrame:
    """The region page's indicator table: level, claim, evidence, level counted, owner, what the
    next level requires, note (plain text, untrusted)."""
    grid, framework = region_grid(store, region, year, stage)
    dimension_names = framework.dimension_names(lang)
    element_names = framework.element_names(lang)

    def next_level(row) -> str:
        level = int(row["effective_level"])
        if level >= framework.max_level:
            return t("region.top_level", lang)
        return framework.indicator(row["indicator_code"]).level_text(level + 1, lang)

    return pd.DataFrame({
        t("region.col_code", lang): grid["indicator_code"],
        t("region.col_indicator", lang): grid["indicator_code"].map(lambda c: framework.indicator(c).name(lang)),
        t("word.dimension", lang): grid["dimension"].map(dimension_names),
        t("region.col_element", lang): grid["element"].map(element_names),
        t("region.col_level", lang): grid["level"].astype(int),
        t("region.col_claimed", lang): grid["claimed_level"].astype("Int64"),   # a number; empty when no claim
        t("region.col_evidence", lang): grid["evidence"].map(lambda e: t(f"region.evidence_{e}", lang)),
        t("region.col_counts", lang): grid["effective_level"].astype(int),
        t("region.col_owner", lang): grid["owner_opd"],
        t("region.col_next", lang): grid.apply(next_level, axis=1),
        t("region.col_note", lang): grid.get("note", pd.Series("", index=grid.index)).fillna(""),
    })


def action_table(store, region: str, year: int, stage: str, lang: str) -> pd.DataFrame:
    """The gaps page's action list: for the index and each dimension, the fewest actions that reach
    the next band (scoring.plan_next_band), with the owner OPD, the number of actions and what to do."""
    grid, framework = region_grid(store, region, year, stage)
    dimension_names = framework.dimension_names(lang)
    actions = []
    for scope, plan in plans(grid, framework).items():
        label = t("gaps.path_scope_index", lang) if scope == INDEX_SCOPE else dimension_names[scope]
        for action in plan.actions:
            indicator = framework.indicator(action.indicator_code)
            actions.append({t("gaps.col_scope", lang): label, t("region.col_code", lang): indicator.code,
                            t("region.col_indicator", lang): indicator.name(lang),
                            t("region.col_owner", lang): indicator.owner_opd,
                            t("gaps.col_kind", lang): t(f"gaps.kind_{action.kind}", lang),
                            t("region.col_counts", lang): action.from_level,
                            t("gaps.col_target_level", lang): action.to_level,
                            t("gaps.col_actions", lang): action.count,
                            t("gaps.col_gain", lang): round_score(action.gain, GAIN_DIGITS),
                            t("gaps.col_action", lang): action_text(action, indicator, lang)})
    return pd.DataFrame(actions)


def claims_table(store, year: int, lang: str, regions: Collection[str] | None = None) -> pd.DataFrame:
    """Stage I claims against stage II verification. For one region: one row per indicator it
    claimed (claimed, verified, why a claim failed, index points lost). For several regions (all
    when None): one row per owner OPD (claims, failed, shares, index points lost, mean per region)."""
    if regions:
        check_regions(store, list(regions))
    outcomes = store.claims(year, list(regions) if regions else None)
    framework = store.framework_of(year, "II") or store.framework_of(year, "I")
    if outcomes.empty or framework is None:
        raise ExportRefused("claims.none", year=year)
    if regions and len(regions) == 1:
        rows = outcomes[outcomes["outcome"] != "not_claimed"].copy()
        rows = rows.sort_values(["lost", "indicator_code"], ascending=[False, True])
        return pd.DataFrame({
            t("region.col_code", lang): rows["indicator_code"],
            t("region.col_indicator", lang): rows["indicator_code"].map(lambda c: framework.indicator(c).name(lang)),
            t("region.col_owner", lang): rows["owner_opd"],
            t("claims.col_claimed", lang): rows["claimed"].astype(int),
            t("claims.col_verified", lang): rows["verified"].astype(int),
            t("claims.col_reason", lang): rows["outcome"].map(lambda o: t(f"claims.outcome_{o}", lang)),
            t("claims.col_lost", lang): rows["lost"].map(lambda v: round_score(float(v), GAIN_DIGITS)),
        })
    summary = claims_summary(outcomes, "owner_opd")
    return pd.DataFrame({
        t("region.col_owner", lang): summary["key"],
        t("claims.col_claims", lang): summary["claims"],
        t("claims.col_failed", lang): summary["failed"],
        t("claims.col_failed_share", lang): _percent(summary["failed_share"]),
        t("claims.col_missing_share", lang): _percent(summary["evidence_missing_share"]),
        t("claims.col_lowered_share", lang): _percent(summary["lowered_share"]),
        t("claims.col_lost", lang): summary["points_lost"].map(lambda v: round_score(float(v), GAIN_DIGITS)),
    })


def scenario_table(store, regions: Collection[str], year: int, stage: str, lang: str) -> pd.DataFrame:
    """The saved what-if scenarios of `regions` starting from (year, stage), each beside the actual
    figures (Store.scenario_table): index, band, national and province rank now and if done."""
    rows = store.scenario_table(list(regions), year, stage)
    framework = store.framework_of(year, stage)
    labels = band_labels(framework, lang) if framework is not None else {}
    names = dict(zip(store.regions()["code"], store.regions()["name"], strict=True))
    return pd.DataFrame({
        t("reports.col_region_code", lang): rows["region_code"],
        t("word.region", lang): rows["region_code"].map(names),
        t("scenario.col_name", lang): rows["name"],
        t("scenario.col_changes", lang): rows["changes"].astype(int),
        t("scenario.col_index_now", lang): _rounded(rows["index_before"]),
        t("scenario.col_index_after", lang): _rounded(rows["index_after"]),
        t("scenario.col_band_now", lang): rows["band_before"].map(lambda b: labels.get(int(b), b)),
        t("scenario.col_band_after", lang): rows["band_after"].map(lambda b: labels.get(int(b), b)),
        t("scenario.col_rank_now", lang): rows["rank_before"].astype("Int64"),
        t("scenario.col_rank_after", lang): rows["rank_after"].astype("Int64"),
        t("scenario.col_province_rank_now", lang): rows["province_rank_before"].astype("Int64"),
        t("scenario.col_province_rank_after", lang): rows["province_rank_after"].astype("Int64"),
        "id": rows["scenario_id"],
    })


def action_text(action, indicator, lang: str) -> str:
    """What to do, in words: verify the recorded level, or raise to a level (what it requires)."""
    if action.kind == "verify":
        return t("gaps.action_verify", lang, level=action.to_level)
    return t("gaps.action_raise", lang, level=action.to_level,
             requirement=indicator.level_text(action.to_level, lang))


def table_bytes(frame: pd.DataFrame, file_format: str, sheet: str = "Matra", dialect: str = "comma") -> bytes:
    """CSV (UTF-8 with BOM, in a store.exports CSV dialect) or XLSX bytes, formulas neutralised."""
    if file_format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    return csv_bytes(frame, dialect) if file_format == "csv" else xlsx_bytes(frame, sheet)


def export_table(store, table: str, year: int, stage: str, lang: str, file_format: str,
                 region: str | None = None, dialect: str = "comma") -> bytes:
    """One of TABLES as bytes (sheet named in `lang`); indicators and actions need a region (refused
    without one); claims compare both stages of `year` for the region, or per OPD over all regions
    without one. `dialect`: the CSV dialect (store.exports.CSV_DIALECTS)."""
    sheet = t(f"reports.sheet_{table}", lang)
    if table == "ranking":
        return table_bytes(ranking_table(store, year, stage, lang), file_format, sheet, dialect)
    if table == "claims":
        return table_bytes(claims_table(store, year, lang, [region] if region else None), file_format, sheet,
                           dialect)
    if not region:
        raise ExportRefused("reports.region_needed", table=table)
    build = indicator_table if table == "indicators" else action_table
    return table_bytes(build(store, region, year, stage, lang), file_format, sheet, dialect)
