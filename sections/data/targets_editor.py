"""The targets table of the data page: edit, import and export dimension targets per region."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import auth, widgets
from sections.data.writes import report_write


def _write_and_report(ctx, write, success_key: str) -> None:
    """Run a targets write; show every refused problem, a busy notice, or the success count."""
    def refused(problems) -> None:
        for problem in problems:
            st.error(problem.describe(ctx.lang))
    report_write(ctx, write, success_key, refused)


def targets_editor(store, ctx, admin: str, years: list[int]) -> None:
    """Editable region × dimension targets for one year (administrators only)."""
    st.subheader(ctx.t("data.targets_title"))
    if not hasattr(store, "targets_table"):
        st.info(ctx.t("data.targets_unavailable"))
        return
    year = widgets.selectbox(st, ctx.t("data.targets_year"), years, index=len(years) - 1, key="targets_year")
    framework = store.framework_for(year)
    dimensions = [d.code for d in framework.dimensions]
    regions = store.regions()
    current = store.targets_table(year)
    wide = (current.pivot_table(index="region_code", columns="dimension", values="target", aggfunc="last")
            if not current.empty else pd.DataFrame(columns=dimensions))
    table = pd.DataFrame({"region_code": regions["code"], "name": regions["name"]}).set_index("region_code")
    table = table.join(wide.reindex(columns=dimensions).astype(float), how="left")   # no target: a blank cell
    st.caption(ctx.t("data.targets_hint"))
    names = framework.dimension_names(ctx.lang)
    top = float(framework.max_level)   # targets are on the framework's scale
    config = {code: st.column_config.NumberColumn(names[code], help=code, min_value=0.0, max_value=top, step=0.01,
                                                  format="%.2f")
              for code in dimensions}
    config["_index"] = st.column_config.TextColumn(ctx.t("reports.col_region_code"), disabled=True)
    config["name"] = st.column_config.TextColumn(ctx.t("word.region"), disabled=True)
    edited = st.data_editor(table, column_config=config, key="targets_editor", width="stretch", height=360)
    if st.button(ctx.t("data.targets_save"), key="targets_save"):
        changed = edited[dimensions].compare(table[dimensions]) if not edited.empty else pd.DataFrame()
        rows = []
        for region in changed.index.unique() if not changed.empty else []:
            for dimension in dimensions:
                value = edited.loc[region, dimension]
                if pd.notna(value) and value != table.loc[region, dimension]:
                    rows.append({"region_code": region, "year": year, "dimension": dimension, "target": float(value)})
        frame = pd.DataFrame(rows, columns=["region_code", "year", "dimension", "target"])
        _write_and_report(ctx, lambda: store.save_targets(frame, **auth.require("targets").recorded()) if rows else 0,
                          "data.targets_saved")
    uploaded = st.file_uploader(ctx.t("data.targets_import"), type=["csv", "xlsx"], key="targets_file")
    if uploaded is not None and st.button(ctx.t("data.targets_import"), key="targets_import_button"):
        _write_and_report(ctx, lambda: store.import_targets(uploaded.name, uploaded.getvalue(),
                                                            **auth.require("targets").recorded()),
                          "data.targets_imported")
    left, right = st.columns(2)
    left.download_button(ctx.t("data.targets_export_csv"), store.export_targets("csv", year), key="targets_csv",
                         file_name=f"matra-targets-{year}.csv", mime="text/csv")
    right.download_button(ctx.t("data.targets_export_xlsx"), store.export_targets("xlsx", year, ctx.lang),
                          key="targets_xlsx", file_name=f"matra-targets-{year}.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
