"""The indicator table of one region (level, claim, evidence, owner, what the next level needs)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import url_state


def indicator_frame(grid: pd.DataFrame, framework, ctx) -> pd.DataFrame:
    """The grid as display columns in the UI language (notes stay plain text, never HTML)."""
    dimension_names = framework.dimension_names(ctx.lang)
    element_names = framework.element_names(ctx.lang)

    def next_level(row) -> str:
        level = int(row["effective_level"])
        if level >= framework.max_level:
            return ctx.t("region.top_level")
        return framework.indicator(row["indicator_code"]).level_text(level + 1, ctx.lang)

    claimed = grid["claimed_level"].map(lambda v: "–" if pd.isna(v) else str(int(v)))
    return pd.DataFrame({
        ctx.t("region.col_code"): grid["indicator_code"],
        ctx.t("region.col_indicator"): grid["indicator_code"].map(lambda c: framework.indicator(c).name(ctx.lang)),
        ctx.t("word.dimension"): grid["dimension"].map(dimension_names),
        ctx.t("region.col_element"): grid["element"].map(element_names),
        ctx.t("region.col_level"): grid["level"].astype(int),
        ctx.t("region.col_claimed"): claimed,
        ctx.t("region.col_evidence"): grid["evidence"].map(lambda e: ctx.t(f"region.evidence_{e}")),
        ctx.t("region.col_counts"): grid["effective_level"].astype(int),
        ctx.t("region.col_owner"): grid["owner_opd"],
        ctx.t("region.col_next"): grid.apply(next_level, axis=1),
        ctx.t("region.col_note"): grid.get("note", pd.Series("", index=grid.index)).fillna(""),
    })


def show_indicator_table(grid: pd.DataFrame, framework, ctx, key: str) -> None:
    dimensions = ["", *[d.code for d in framework.dimensions]]
    names = framework.dimension_names(ctx.lang)
    chosen = url_state.selectbox(ctx.t("region.filter_dimension"), dimensions, key="dimension", default="",
                                 format_func=lambda c: names.get(c, ctx.t("overview.all")))
    rows = grid[grid["dimension"] == chosen] if chosen else grid
    st.dataframe(indicator_frame(rows, framework, ctx), hide_index=True, width="stretch", key=key)
