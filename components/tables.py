"""Tables shared by pages (formatted in the UI language; user text shown as plain cells)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.labels import region_short_name
from components.url_state import link
from i18n import format_number
from views.compare import standing_table
from views.overview import group_columns


def show_table(frame: pd.DataFrame, empty_text: str, container=st, **kwargs) -> None:
    """A table, or when it has no rows a sentence saying so (Streamlit draws an empty table with the
    English word "empty"); `empty_text` is already in the UI language."""
    if frame.empty:
        container.caption(empty_text)
    else:
        container.dataframe(frame, **kwargs)


# The ranking's columns, narrowest that show their header and values whole (CSS pixels; the row
# selector takes 32 more). Rank, region, index and band come first and fit a 390 px phone together;
# every column fits a 1366 px laptop beside the sidebar (tests/browser/test_province_journey.py measures both).
RANKING_WIDTHS = {"rank": 64, "region": 104, "index": 54, "band": 100, "province_rank": 80, "close": 32,
                  "change": 80, "rank_change": 80, "province": 104, "group": 104, "group_rank": 88, "profile": 52}


def _change_text(value) -> str:
    if pd.isna(value):
        return "–"
    value = int(value)
    return f"▲ {value}" if value > 0 else (f"▼ {-value}" if value < 0 else "=")


def show_ranking(rows: pd.DataFrame, ctx, band_names: dict[int, str], key: str,
                 group_names: dict[str, str] | None = None, provinces: tuple[str, ...] = ()) -> str | None:
    """The ranking with rank change and close-call marker, the rank within the province when
    `provinces` (the overview's chosen province codes) are chosen, and the evaluation group and the
    rank within it when the rows have groups (`group_names`: group code -> name). With one province
    chosen its column is left out (the page's title names it). Returns the selected region code."""
    columns = {
        "rank": (ctx.t("word.rank"), rows["rank"].astype(int)),
        "region": (ctx.t("word.region"), rows["name"].map(region_short_name)),
        "index": (ctx.t("word.index"), rows["index"].map(lambda v: format_number(v, ctx.lang))),
        "band": (ctx.t("word.band"), rows["band"].map(lambda b: band_names[int(b)])),
    }
    if provinces:
        columns["province_rank"] = (ctx.t("compare.col_province_rank"), rows["province_rank"].astype("Int64"))
    columns["close"] = (ctx.t("overview.col_close"), rows["too_close_to_call"].map({True: "≈", False: ""}))
    columns["change"] = (ctx.t("word.change"), rows["improvement"].map(lambda v: format_number(v, ctx.lang,
                                                                                                signed=True)))
    columns["rank_change"] = (ctx.t("word.rank_change"), rows["rank_change"].map(_change_text))
    if len(provinces) != 1:
        columns["province"] = (ctx.t("word.province"), rows["province_name"])
    grouped = group_columns(rows, ctx.t, group_names or {})
    if grouped:
        columns["group"] = (ctx.t("word.group"), grouped[ctx.t("word.group")])
        columns["group_rank"] = (ctx.t("word.group_rank"), grouped[ctx.t("word.group_rank")])
    columns["profile"] = (ctx.t("overview.col_profile"), [
        link("region", region=code, year=ctx.year, stage=ctx.stage, lang=ctx.lang) for code in rows["region_code"]])
    table = pd.DataFrame({header: values for header, values in columns.values()})
    config = {header: st.column_config.Column(ctx.t(f"overview.head_{name}"), help=header,
                                              width=RANKING_WIDTHS[name])
              for name, (header, _) in columns.items() if name != "profile"}
    profile = ctx.t("overview.col_profile")
    config[profile] = st.column_config.LinkColumn(ctx.t("overview.head_profile"), help=profile,
                                                  width=RANKING_WIDTHS["profile"], display_text=ctx.t("overview.open"))
    event = st.dataframe(table, hide_index=True, width="stretch", key=key, on_select="rerun",
                         selection_mode="single-row", column_config=config)
    selected_rows = event.selection.rows if event and event.selection else []
    if selected_rows:
        return rows["region_code"].iloc[selected_rows[0]]
    return None


def standing_frame(ranking: pd.DataFrame, codes: list[str], ctx, band_names: dict[int, str],
                   group_names: dict[str, str] | None = None) -> pd.DataFrame:
    """views.compare.standing_table in the UI language: index, band and every rank of `codes`."""
    return standing_table(ranking, codes, ctx.t, lambda v: format_number(v, ctx.lang), band_names, group_names)


# The standing table's columns on a page: short headers (the full name as help) and widths that keep
# every column of a compared region in view at 1366 px, the evaluation group's long name included.
STANDING_COLUMNS = (("word.region", "overview.head_region", 140), ("word.index", "overview.head_index", 56),
                    ("word.band", "overview.head_band", 96), ("compare.col_rank", "compare.head_rank", 84),
                    ("compare.col_province_rank", "compare.head_province_rank", 150),
                    ("compare.col_kind_rank", "compare.head_kind_rank", 140),
                    ("compare.col_group_rank", "compare.head_group_rank", 238))


def standing_config(ctx) -> dict:
    """st.dataframe column_config for standing_frame's table."""
    return {ctx.t(full): st.column_config.Column(ctx.t(short), help=ctx.t(full), width=width)
            for full, short, width in STANDING_COLUMNS}


# The compare page's differences table ("2,31 (+0,12)" per score): widths that keep the region, the index
# and six dimensions in view at 1366 px beside the sidebar, in both languages.
DIFFERENCE_WIDTHS = {"region": 176, "score": 100}


def difference_config(ctx, framework) -> dict:
    """st.dataframe column_config for the differences table (word.region, word.index, the dimension
    names): fixed widths, and a dimension's header without the word all dimension names start with
    ("Smart Governance" -> "Governance"), the full name as its help."""
    names = [dimension.name(ctx.lang) for dimension in framework.dimensions]
    firsts = {name.split(" ", 1)[0] for name in names}
    shared = f"{firsts.pop()} " if len(firsts) == 1 and all(" " in name for name in names) else ""
    region, width = DIFFERENCE_WIDTHS["region"], DIFFERENCE_WIDTHS["score"]
    return {ctx.t("word.region"): st.column_config.Column(ctx.t("overview.head_region"), width=region),
            ctx.t("word.index"): st.column_config.Column(ctx.t("overview.head_index"), help=ctx.t("word.index"),
                                                         width=width),
            **{name: st.column_config.Column(name.removeprefix(shared), help=name, width=width) for name in names}}
