"""PPTX slides of the agenda views `plan` (a region's programme register) and `scenario` (a saved
what-if scenario beside the actual figures): the same answers as sections/present/action_slides.py
(views.action), as native charts, tables and key figures."""

from __future__ import annotations

import datetime

from charts.labels import shorten
from reports import slides
from reports.context import ReportContext, check_regions, region_grid
from reports.errors import ExportRefused
from reports.slides import LEFT, RIGHT, Box
from scoring.bands import GAIN_DIGITS
from scoring.whatif import WhatIfError
from views.action import plan_summary, scenario_changes

PLAN_LABEL_CHARACTERS = 50   # a programme's "code · name" beside its bar


def _name(store, region: str) -> str:
    return dict(zip(store.regions()["code"], store.regions()["name"], strict=True))[region]


def plan_slide(deck, store, ctx: ReportContext, params: dict[str, str], title: str | None) -> None:
    """Programmes that would add the most (bars) beside the register in figures."""
    region = params.get("region", "")
    check_regions(store, [region])
    framework = store.framework_of(ctx.year, ctx.stage)
    name = _name(store, region)
    slide = slides.content_slide(deck, title or ctx.t("present.title_plan", name=name), ctx.footer(name))
    grid, _ = region_grid(store, region, ctx.year, ctx.stage)
    register = store.programmes(region)
    if register.empty:
        slides.add_text(slide, LEFT, [ctx.t("plan.none")], size=20)
        return
    summary = plan_summary(grid, framework, register, datetime.date.today().year)
    chart = summary.chart(ctx.t("plan.col_gain"))
    # the model's order, largest first (category_chart puts the first category at the top, as on screen)
    slides.category_chart(slide, "bar", [shorten(label, PLAN_LABEL_CHARACTERS) for label in chart.categories],
                          chart.series, LEFT, legend=False, value_range=None, title=ctx.t("present.plan_chart"),
                          labels={0: [ctx.number(v, digits=GAIN_DIGITS, signed=True) for v in chart.series[0][1]]})
    bands = framework.band_labels(ctx.lang)
    added = ctx.number(summary.index_change, signed=True)
    figures = [(ctx.t("plan.summary_programmes"), str(summary.programmes)),
               (ctx.t("plan.summary_budget"), ctx.number(summary.budget / 1e9)),
               (ctx.t("plan.summary_all_done"),
                f"{ctx.number(summary.index_all_done)} ({added})"),
               (ctx.t("word.band"), f"{bands[summary.band_now]} → {bands[summary.band_all_done]}")]
    height = (RIGHT.height - 0.6) / len(figures)
    for number, (label, value) in enumerate(figures):
        slides.key_figure(slide, Box(RIGHT.left, RIGHT.top + number * (height + 0.2), RIGHT.width, height),
                          label, value)


def scenario_slide(deck, store, ctx: ReportContext, params: dict[str, str], title: str | None) -> None:
    """Index, band and ranks now and in the scenario (a table) and the changes it makes."""
    region, scenario_id = params.get("region", ""), params.get("scenario", "")
    check_regions(store, [region])
    scenario = store.scenario(region, scenario_id)
    if scenario is None:
        raise ExportRefused("present.scenario_gone")
    framework = store.framework_of(ctx.year, ctx.stage)
    name = _name(store, region)
    slide = slides.content_slide(deck, title or ctx.t("present.title_scenario", name=name),
                                 ctx.footer(f"{name} · {scenario.name}"))
    try:
        result = store.scenario_result(scenario)
    except WhatIfError:
        result = None
    if result is None:
        slides.add_text(slide, LEFT, [ctx.t("present.scenario_gone")], size=20)
        return
    bands = framework.band_labels(ctx.lang)
    rows = [[ctx.t("word.index"), ctx.number(result.index_before), ctx.number(result.index_after)],
            [ctx.t("word.band"), bands[result.band_before], bands[result.band_after]],
            [ctx.t("present.scenario_rank"), str(result.rank_before), str(result.rank_after)],
            [ctx.t("present.scenario_province_rank"), str(result.province_rank_before),
             str(result.province_rank_after)]]
    slides.add_table(slide, ["", ctx.t("present.scenario_now"), ctx.t("scenario.col_name")], rows,
                     Box(LEFT.left, LEFT.top, LEFT.width, 0.55 * (len(rows) + 1)), widths=[3.2, 2.1, 2.1], size=16)
    register = store.programmes(region)
    names = dict(zip(register["programme_code"], register["name"], strict=True))
    lines = [ctx.t("present.scenario_changes", name=scenario.name)]
    grid, _ = region_grid(store, region, ctx.year, ctx.stage)
    for row in scenario_changes(scenario.levels, scenario.programmes, grid, register).itertuples():
        if row.kind == "indicator":
            lines.append(ctx.t("present.scenario_verify" if row.verify else "present.scenario_level", code=row.code,
                               name=framework.indicator(row.code).name(ctx.lang), now=row.level_now,
                               after=row.level_after))
        else:
            lines.append(ctx.t("present.scenario_programme", code=row.code, name=names.get(row.code, "")))
    slides.add_text(slide, RIGHT, lines, size=14)
