"""Official (published) results on the pages: beside Matra's computed index on the region page,
their sources under the trends page's chart (which draws them as labelled markers: views.trends),
counted and ranked among themselves on the overview, and per region on the compare page.

A published index is shown as its stored decimal text (views.official.published): never through a
number formatter, so it is never re-rounded.
Source texts came from an import (untrusted): tables show them as data, markdown escapes them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import cached
from components.text import plain
from i18n import format_number
from scoring.official import beside_computed
from views.official import published, rank_text

# A source address shown as its site ("bewarajabar.com"), the whole address behind the link.
LINK = st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/?#]+)")


def _synthetic(ctx, key: str = "official.synthetic_note") -> str:
    return ctx.t(key) if ctx.synthetic else ""


def safe_url(url: str) -> str:
    """A checked http(s) address (store/official_import.py) made safe inside a markdown link."""
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def source_lines(ctx, rows: pd.DataFrame, label=lambda row: str(row["year"])) -> None:
    """One markdown line per row: label, the source (escaped) linked to its address when it has one."""
    lines = []
    for row in rows.to_dict("records"):
        source = plain(row["source"])
        text = f"[{source}]({safe_url(row['source_url'])})" if row["source_url"] else \
            f"{source} {plain(ctx.t('official.no_address'))}"
        lines.append("- " + ctx.t("official.source_line", year=plain(label(row)), source=text))
    st.markdown("\n".join(lines))


def region_section(ctx, region: str, name: str) -> None:
    """The region's official index of each year beside Matra's computed one, the rank as published,
    whether they differ by more than 0.01, and each source with its link."""
    st.subheader(ctx.t("official.title"))
    official = cached.official_table(ctx.data_version)
    official = official[official["region_code"] == region]
    if official.empty:
        st.caption(ctx.t("official.none_region", name=name))
        return
    st.caption(ctx.t("official.region_intro", synthetic=_synthetic(ctx)))
    computed = cached.trend(ctx.data_version, (region,), ctx.stage, "index")
    table = beside_computed(official, computed[["year", "score"]])
    matra = ctx.t("official.col_matra", synthetic=_synthetic(ctx, "official.synthetic_short"))
    st.dataframe(pd.DataFrame({
        ctx.t("official.col_year"): table["year"].astype(str),
        ctx.t("official.col_official"): table["index"].map(lambda v: published(v, ctx.lang)),
        ctx.t("official.col_rank"): [rank_text(r, n) for r, n in zip(table["rank"], table["rank_of"], strict=True)],
        ctx.t("official.col_link"): table["source_url"],
        matra: table["computed"].map(lambda v: "" if pd.isna(v) else format_number(v, ctx.lang)),
        ctx.t("official.col_difference"): table["difference"].map(
            lambda v: "" if pd.isna(v) else format_number(v, ctx.lang, signed=True)),
        ctx.t("official.col_differs"): table["differs"].map({True: ctx.t("official.yes"), False: ""}),
        ctx.t("official.col_predicate"): table["predicate"],
    }), hide_index=True, width="stretch", column_config={ctx.t("official.col_link"): LINK})
    differing = [ctx.t("official.differs_line", year=row.year, official=published(row.index, ctx.lang),
                       matra=format_number(row.computed, ctx.lang)) for row in table[table["differs"]].itertuples()]
    if differing:
        st.warning("  \n".join(differing))
    st.markdown(f"**{ctx.t('official.sources')}**")
    source_lines(ctx, table)


def trend_index_note(ctx, regions: list[str], is_index: bool) -> None:
    """Under a trend chart of a dimension: the chosen regions' published results are of the index
    only (the index's chart draws them: views.trends.trend_chart)."""
    official = cached.official_table(ctx.data_version)
    if not is_index and official["region_code"].isin(regions).any():
        st.caption(ctx.t("official.trend_index_only"))


def trend_sources(ctx, regions: list[str]) -> None:
    official = cached.official_table(ctx.data_version)
    official = official[official["region_code"].isin(regions)]
    if official.empty:
        return
    st.caption(ctx.t("official.trend_caption", synthetic=_synthetic(ctx)))
    st.markdown(f"**{ctx.t('official.sources')}**")
    source_lines(ctx, official, lambda row: f"{row['region_name']} {row['year']}")


def year_summary(ctx, year: int) -> None:
    """How many regions have an official result for `year`, and those results ranked among themselves."""
    ranking = cached.official_ranking(ctx.data_version, year)
    if ranking.empty:
        st.caption(ctx.t("official.count_none", year=year))
        return
    st.caption(ctx.t("official.count", count=len(ranking), year=year))
    with st.expander(ctx.t("official.rank_expander", year=year)):
        st.caption(ctx.t("official.rank_note"))
        st.dataframe(pd.DataFrame({
            ctx.t("official.col_rank_among"): ranking["rank"].astype(int),
            ctx.t("word.region"): ranking["region_name"],
            ctx.t("official.col_official"): ranking["index"].map(lambda v: published(v, ctx.lang)),
            ctx.t("official.col_rank"): [rank_text(r, n) for r, n in
                                         zip(ranking["rank_published"], ranking["rank_of"], strict=True)],
            ctx.t("official.col_change"): ranking["change"].map(
                lambda v: "" if pd.isna(v) else format_number(v, ctx.lang, signed=True)),
            ctx.t("official.col_source"): ranking["source"],
            ctx.t("official.col_link"): ranking["source_url"],
        }), hide_index=True, width="stretch",
            column_config={ctx.t("official.col_link"): LINK})


def compare_table(ctx, regions: list[str], year: int) -> None:
    """The compared regions' official results of `year`, as published, with their sources."""
    official = cached.official_table(ctx.data_version)
    official = official[official["region_code"].isin(regions) & (official["year"] == year)]
    st.subheader(ctx.t("official.compare_title", year=year))
    if official.empty:
        st.caption(ctx.t("official.compare_none", year=year))
        return
    st.caption(ctx.t("official.region_intro", synthetic=_synthetic(ctx)))
    st.dataframe(pd.DataFrame({
        ctx.t("word.region"): official["region_name"],
        ctx.t("official.col_official"): official["index"].map(lambda v: published(v, ctx.lang)),
        ctx.t("official.col_rank"): [rank_text(r, n) for r, n in zip(official["rank"], official["rank_of"],
                                                                     strict=True)],
        ctx.t("official.col_source"): official["source"],
        ctx.t("official.col_link"): official["source_url"],
    }), hide_index=True, width="stretch", column_config={ctx.t("official.col_link"): LINK})


def slide_line(ctx, region: str, container=st) -> None:
    """One line for a projected slide: the region's official index of the year, as published, with
    its rank and source (nothing when none is recorded)."""
    official = cached.official_table(ctx.data_version)
    rows = official[(official["region_code"] == region) & (official["year"] == ctx.year)]
    for row in rows.to_dict("records"):
        rank = ctx.t("official.slide_rank", rank=rank_text(row["rank"], row["rank_of"])) if row["rank"] else ""
        line = ctx.t("official.slide_line", year=ctx.year, index=published(row["index"], ctx.lang), rank=rank,
                     source=row["source"])
        container.markdown(plain(line))
