"""Tables of the data page: validation problems and snapshot history (plain cells, never HTML)."""

from __future__ import annotations

import pandas as pd

from i18n import format_date


def problems_frame(problems, ctx) -> pd.DataFrame:
    return pd.DataFrame({
        ctx.t("data.col_where"): [p.location(ctx.lang) for p in problems],
        ctx.t("data.col_problem"): [p.message(ctx.lang) for p in problems],
    })


def history_frame(snapshots, ctx) -> pd.DataFrame:
    rows = sorted(snapshots, key=lambda s: s.created_at, reverse=True)
    return pd.DataFrame({
        ctx.t("data.col_id"): [s.id for s in rows],
        ctx.t("sidebar.year"): [s.year for s in rows],
        ctx.t("sidebar.stage"): [s.stage for s in rows],
        ctx.t("data.col_status"): [ctx.t(f"data.status_{s.status}") for s in rows],
        ctx.t("data.col_by"): [s.created_by for s in rows],
        ctx.t("data.col_when"): [format_date(s.created_at, ctx.lang) + " " + s.created_at[11:16] for s in rows],
        ctx.t("data.col_source"): [s.source for s in rows],
        ctx.t("data.col_rows"): [s.rows for s in rows],
    })
