"""The what-if panel: choose programmes that finish and indicators at new levels, see the index,
band, national and province rank move at once beside the actual figures.

Every choice lives in the URL (whatif_programmes, whatif_indicators, wl_<code>), so a copied link
reproduces the scenario.
"""

from __future__ import annotations

import streamlit as st

from components import cached, url_state
from i18n import format_number
from scoring.whatif import VERIFY, WhatIfError

LEVEL_OPTIONS = (0, 1, 2, 3, 4, 5, VERIFY)


def whatif_panel(ctx, region: str, framework, grid, register) -> None:
    """Draw the panel for one region (grid: its indicator grid; register: its programmes)."""
    st.subheader(ctx.t("whatif.title"))
    st.caption(ctx.t("whatif.intro"))
    names = dict(zip(register["programme_code"], register["name"], strict=True))
    chosen_programmes = (url_state.multiselect(ctx.t("whatif.programmes"), list(names), key="whatif_programmes",
                                               format_func=lambda c: f"{c} · {names.get(c, '')}")
                         if names else [])  # a region without a register (the gaps page) chooses indicators only
    codes = list(grid["indicator_code"])
    chosen_indicators = url_state.multiselect(
        ctx.t("whatif.indicators"), codes, key="whatif_indicators", max_selections=12,
        format_func=lambda c: f"{c} · {framework.indicator(c).name(ctx.lang)}")
    current = dict(zip(grid["indicator_code"], grid["effective_level"].astype(int), strict=True))
    levels = {}
    columns = st.columns(4)
    for position, code in enumerate(chosen_indicators):
        levels[code] = url_state.selectbox(
            ctx.t("whatif.level", code=code), LEVEL_OPTIONS, key=f"wl_{code}", default=min(5, current[code] + 1),
            container=columns[position % 4],
            format_func=lambda v: ctx.t("whatif.verify") if v == VERIFY else str(v))
    try:
        result = cached.store().whatif(region, ctx.year, ctx.stage, levels=levels, programme_codes=chosen_programmes)
    except WhatIfError as error:  # a stale link naming a programme that is gone
        st.warning(str(error))
        return
    if result is None:
        return
    bands = framework.band_labels(ctx.lang)
    index, band, rank, province = st.columns(4)
    index.metric(ctx.t("whatif.index"), format_number(result.index_after, ctx.lang),
                 delta=format_number(result.index_after - result.index_before, ctx.lang, signed=True),
                 help=ctx.t("whatif.actual", value=format_number(result.index_before, ctx.lang)))
    band.metric(ctx.t("whatif.band"), bands[result.band_after],
                delta=result.band_after - result.band_before or None,
                help=ctx.t("whatif.actual", value=bands[result.band_before]))
    rank.metric(ctx.t("whatif.rank"), f"{result.rank_after} / {result.regions}",
                delta=(result.rank_before - result.rank_after) or None,
                help=ctx.t("whatif.actual", value=result.rank_before))
    province.metric(ctx.t("whatif.province_rank"), str(result.province_rank_after),
                    delta=((result.province_rank_before or 0) - (result.province_rank_after or 0)) or None,
                    help=ctx.t("whatif.actual", value=result.province_rank_before))
    st.caption(" · ".join(ctx.t("whatif.actual", value=v) for v in (
        format_number(result.index_before, ctx.lang), bands[result.band_before],
        f"#{result.rank_before}", f"#{result.province_rank_before}")))
