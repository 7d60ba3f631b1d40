"""Agenda slides of what a region plans to do: its programme register (plan) and a saved what-if
scenario beside the actual figures (scenario). Figures come from the agenda's frozen data; the
register and the scenario are read as they are now (neither is part of a snapshot)."""

from __future__ import annotations

import datetime

import streamlit as st

from components.figures import view_figure
from components.text import plain
from i18n import format_number
from scoring.bands import GAIN_DIGITS
from scoring.whatif import WhatIfError
from views.action import plan_summary, scenario_changes


def _draw(figure, key: str, container=st) -> None:
    from sections.present.slides import draw

    draw(figure, key, container)


def plan_slide(item, ctx, source, framework, regions) -> None:
    """The register in figures (programmes, budget, index if all finish) and the programmes that
    would add the most."""
    from sections.present.slides import assessed_rows  # slides.py registers these slides: import late

    region, grid = assessed_rows(item, ctx, regions, source.region_indicators)
    if grid is None:
        return
    register = source.store.programmes(region)
    if register.empty:
        st.info(ctx.t("plan.none"))
        return
    summary = plan_summary(grid, framework, register, datetime.date.today().year)
    bands = framework.band_labels(ctx.lang)
    chart, side = st.columns([3, 2])
    chart_model = summary.chart(ctx.t("plan.col_gain"))
    gains = [format_number(v, ctx.lang, digits=GAIN_DIGITS, signed=True) for v in chart_model.series[0][1]]
    # names are uploaded text, passed as typed: the bar builder escapes them once (a tag shows as text)
    _draw(view_figure(ctx, chart_model, ctx.t("present.plan_chart"), ctx.t("plan.col_gain"), ctx.t("plan.col_gain"),
                      value_texts={0: gains}), "slide_plan", chart)
    side.metric(ctx.t("plan.summary_programmes"), summary.programmes,
                help=ctx.t("present.plan_issues", count=summary.issues))
    side.metric(ctx.t("plan.summary_budget"), format_number(summary.budget / 1e9, ctx.lang))
    side.metric(ctx.t("plan.summary_all_done"), format_number(summary.index_all_done, ctx.lang),
                delta=format_number(summary.index_change, ctx.lang, signed=True))
    side.markdown(plain(ctx.t("present.plan_bands", now=bands[summary.band_now], after=bands[summary.band_all_done])))


def scenario_slide(item, ctx, source, framework, regions) -> None:
    """A saved scenario: index, band, national and province rank now and in the scenario, and the
    changes it makes."""
    region, scenario_id = item.params.get("region", ""), item.params.get("scenario", "")
    scenario = source.store.scenario(region, scenario_id) if region in regions.index else None
    if scenario is None:
        st.info(ctx.t("present.scenario_gone"))
        return
    try:
        result = source.store.scenario_result(scenario)
    except WhatIfError:   # an indicator or programme it names is gone
        result = None
    if result is None:
        st.info(ctx.t("present.scenario_gone"))
        return
    bands = framework.band_labels(ctx.lang)
    columns = st.columns(4)
    now = ctx.t("whatif.actual", value="{}")
    figures = [
        (ctx.t("whatif.index"), format_number(result.index_after, ctx.lang),
         format_number(result.index_change, ctx.lang, signed=True) if result.index_change else None,   # shown: 0 is 0
         format_number(result.index_before, ctx.lang)),
        (ctx.t("whatif.band"), bands[result.band_after], result.band_after - result.band_before or None,
         bands[result.band_before]),
        (ctx.t("whatif.rank"), str(result.rank_after), (result.rank_before - result.rank_after) or None,
         f"#{result.rank_before}"),
        (ctx.t("whatif.province_rank"), str(result.province_rank_after),
         ((result.province_rank_before or 0) - (result.province_rank_after or 0)) or None,
         f"#{result.province_rank_before}"),
    ]
    for column, (label, value, delta, before) in zip(columns, figures, strict=True):
        # an unchanged figure still gets a (grey) delta line, so every "now" line sits at one height
        column.metric(label, value, delta=delta if delta else "±0", delta_color="normal" if delta else "off",
                      delta_arrow="auto" if delta else "off")
        column.caption(plain(now.format(before)))
    register = source.store.programmes(region)
    names = dict(zip(register["programme_code"], register["name"], strict=True))
    changes = scenario_changes(scenario.levels, scenario.programmes, source.region_indicators(
        region, ctx.year, ctx.stage), register)
    lines = []
    for row in changes.itertuples():
        if row.kind == "indicator":
            text = ctx.t("present.scenario_verify" if row.verify else "present.scenario_level",
                         code=row.code, name=framework.indicator(row.code).name(ctx.lang),
                         now=row.level_now, after=row.level_after)
        else:
            text = ctx.t("present.scenario_programme", code=row.code, name=names.get(row.code, ""))
        lines.append(f"- {plain(text)}")
    st.markdown(f"**{plain(ctx.t('present.scenario_changes', name=scenario.name))}**")
    st.markdown("\n".join(lines))
