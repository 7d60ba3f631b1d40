"""Stage I claims against stage II verification for a region, its province or the nation: claimed
and verified index, failed claims and why, per dimension, per owner OPD and per indicator.
Figures from the claims view model (views.claims); nothing is computed here but labels."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.theme import CHART_CONFIG, CLAIMS_COLOURS
from components import cached, url_state
from components.downloads import MIME_TYPES, claims_file_bytes, csv_help
from components.figures import score_units, view_figure
from components.tables import show_table
from i18n import format_number, format_percent
from scoring.bands import GAIN_DIGITS
from views.claims import ClaimsModel

SCOPES = ("region", "province", "nation")


def claims_section(ctx, framework, region: str, regions: pd.DataFrame) -> None:
    """The section on the region page (`regions`: the region list indexed by code)."""
    st.subheader(ctx.t("claims.title", year=ctx.year))
    st.caption(ctx.t("claims.how_to_read"))
    province, province_name = regions.loc[region, "province_code"], regions.loc[region, "province_name"]
    scope = url_state.radio(ctx.t("claims.scope"), SCOPES, key="claims", default="region", horizontal=True,
                            format_func=lambda s: ctx.t(f"claims.scope_{s}", province=province_name))
    codes = {"region": (region,), "province": tuple(regions.index[regions["province_code"] == province]),
             "nation": ()}[scope]
    model = cached.claims_model(ctx.data_version, ctx.year, codes)   # the same for every session
    if model is None:
        st.info(ctx.t("claims.none", year=ctx.year))
        return
    if scope != "region":
        st.caption(ctx.t("claims.regions_compared", count=cached.claims(ctx.data_version, ctx.year, codes)[
            "region_code"].nunique()))
    _metrics(ctx, model.total)
    _dimension_chart(ctx, framework, model, scope, codes)
    _opd_table(ctx, model)
    if scope == "region":
        _failed_indicators(ctx, framework, model)
    _downloads(ctx, region if scope == "region" else None, codes, scope)


def failed_label(ctx, total) -> str:
    """"Klaim gagal: 19 dari 96": the failed claims of all claims (the metric's value is the share)."""
    return ctx.t("claims.metric_failed_of", failed=int(total["failed"]), claims=int(total["claims"]))


def _metrics(ctx, total) -> None:
    claimed, verified, failed, lost = st.columns(4)
    claimed.metric(ctx.t("claims.metric_claimed"), format_number(total["claimed_index"], ctx.lang))
    verified.metric(ctx.t("claims.metric_verified"), format_number(total["verified_index"], ctx.lang))
    failed.metric(failed_label(ctx, total), format_percent(total["failed_share"], ctx.lang, digits=1))
    lost.metric(ctx.t("claims.metric_lost"), format_number(total["points_lost"], ctx.lang, digits=GAIN_DIGITS))


def claims_figure(ctx, framework, model: ClaimsModel):
    """Claimed (stage I) against verified (stage II) per dimension, side by side (the model's chart)."""
    chart = model.chart(framework, ctx.lang, ctx.t("claims.series_claimed"), ctx.t("claims.series_verified"))
    return view_figure(ctx, chart, ctx.t("claims.chart_title"), score_units(ctx, framework), ctx.t("word.score"),
                       colours=list(CLAIMS_COLOURS))


def _dimension_chart(ctx, framework, model: ClaimsModel, scope: str, codes: tuple[str, ...]) -> None:
    # the model is cached.claims_model(data_version, year, codes): the same figure for every session
    figure = cached.shared_figure(("claims_dimensions", ctx, codes), lambda: claims_figure(ctx, framework, model))
    st.plotly_chart(figure, key=f"claims_dimensions_{scope}",
                    config=CHART_CONFIG, alt=ctx.t("claims.chart_title"))


def _opd_table(ctx, model: ClaimsModel) -> None:
    st.markdown(f"**{ctx.t('claims.opd_title')}**")
    top = model.top_opds
    show_table(pd.DataFrame({
        ctx.t("region.col_owner"): top["key"],
        ctx.t("claims.col_claims"): top["claims"],
        ctx.t("claims.col_failed"): top["failed"],
        ctx.t("claims.col_failed_share"): top["failed_share"].map(lambda v: format_percent(v, ctx.lang, 1)),
        ctx.t("claims.col_missing_share"): top["evidence_missing_share"].map(lambda v: format_percent(v, ctx.lang, 1)),
        ctx.t("claims.col_lowered_share"): top["lowered_share"].map(lambda v: format_percent(v, ctx.lang, 1)),
        ctx.t("claims.col_lost"): top["points_lost"].map(lambda v: format_number(v, ctx.lang, digits=GAIN_DIGITS)),
    }), ctx.t("claims.no_failed_opd"), hide_index=True, width="stretch")


def _failed_indicators(ctx, framework, model: ClaimsModel) -> None:
    st.markdown(f"**{ctx.t('claims.failed_title')}**")
    failed = model.failed
    if failed.empty:
        st.success(ctx.t("claims.no_failed"))
        return
    st.dataframe(pd.DataFrame({
        # short columns first, so the reason and the cost stay in view on a laptop; the long name last
        ctx.t("region.col_code"): failed["indicator_code"],
        ctx.t("claims.col_reason"): failed["outcome"].map(lambda o: ctx.t(f"claims.outcome_{o}")),
        ctx.t("claims.col_claimed"): failed["claimed"].astype(int),
        ctx.t("claims.col_verified"): failed["verified"].astype(int),
        ctx.t("claims.col_lost"): failed["lost"].map(lambda v: format_number(v, ctx.lang, digits=GAIN_DIGITS)),
        ctx.t("region.col_owner"): failed["owner_opd"],
        ctx.t("region.col_indicator"): failed["indicator_code"].map(lambda c: framework.indicator(c).name(ctx.lang)),
    }), hide_index=True, width="stretch")


def _downloads(ctx, region: str | None, codes: tuple[str, ...], scope: str) -> None:
    left, right, _ = st.columns(3)
    stem = f"matra-claims-{region or scope}-{ctx.year}"
    for column, file_format in ((left, "csv"), (right, "xlsx")):
        column.download_button(
            ctx.t(f"claims.download_{file_format}"),
            data=lambda f=file_format: claims_file_bytes(ctx.data_version, ctx.year, ctx.lang, f, codes),
            file_name=f"{stem}.{file_format}", mime=MIME_TYPES[file_format], key=f"claims_download_{file_format}",
            on_click="ignore", help=csv_help(ctx.lang) if file_format == "csv" else None)
