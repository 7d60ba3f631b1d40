"""One slide per agenda view that is not a region profile or gaps: overview, compare, trends, claims.

Each reads its selections from the agenda item's params (the page's URL parameters) and asks the
store and scoring the same questions as the page: overview (province, kind, cohort), compare
(regions=a,b,c by hand, or region + peers=<method>), trends (regions, dimension=ISC|<dimension>).
"""

from __future__ import annotations

from charts.theme import BAND_COLOURS, CLAIMS_COLOURS, NEUTRAL, SERIES_COLOURS
from i18n import format_percent
from reports import slides
from reports.context import ReportContext, check_regions
from reports.slides import FULL, LEFT, RIGHT, Box
from scoring.bands import GAIN_DIGITS
from views.claims import claims_model
from views.compare import MAX_REGIONS, compare_chart, listed, standing_table
from views.compare import compared_regions as compared_regions_of
from views.overview import OverviewSelection, overview_model, scope_line
from views.trends import trend_chart, trend_measure, trend_regions


def overview_slide(deck, store, ctx: ReportContext, params: dict[str, str], title: str) -> None:
    """Band distribution per dimension (stacked bars in band colours) and the headline figures
    (views.overview.overview_model, as the page and the live slide)."""
    framework = store.framework_of(ctx.year, ctx.stage)
    province_names = dict(zip(store.regions()["province_code"], store.regions()["province_name"], strict=False))
    selection = OverviewSelection.from_params(params, province_names)
    model = overview_model(store, ctx.year, ctx.stage, selection, framework, ctx.lang)
    scope = scope_line(selection, province_names, store.group_names(ctx.lang), ctx.t, ctx.t("reports.national_scope"))
    slide = slides.content_slide(deck, title, ctx.footer(scope))
    if model.rows.empty:
        slides.add_text(slide, LEFT, [ctx.t("overview.no_match")], size=20)
        return
    counts_text = {n: [str(int(v)) if v else "" for v in values] for n, (_, values) in enumerate(model.chart.series)}
    slides.model_chart(slide, model.chart, LEFT, colours=[BAND_COLOURS[band.level] for band in framework.bands],
                       labels=counts_text, title=ctx.t("overview.bands_title"))
    head = model.headline
    height = (RIGHT.height - 0.4) / 3
    figures = [(ctx.t("overview.metric_regions"), str(head.regions_assessed)),
               (ctx.t("overview.metric_median"), ctx.number(head.median_index)),
               (ctx.t("overview.metric_share", band=framework.band_labels(ctx.lang)[framework.minimum_target_band]),
                format_percent(head.share_at_minimum_band, ctx.lang))]
    for number, (label, value) in enumerate(figures):
        slides.key_figure(slide, Box(RIGHT.left, RIGHT.top + number * (height + 0.2), RIGHT.width, height),
                          label, value)


def compared_regions(store, ctx: ReportContext, params: dict[str, str]) -> list[str]:
    """The compare page's choice (views.compare); an export refuses unknown codes instead of
    dropping them."""
    check_regions(store, listed(params, "regions")[:MAX_REGIONS] or [params.get("region", "")])
    return compared_regions_of(store, store.regions(), ctx.year, ctx.stage, params)


def compare_slide(deck, store, ctx: ReportContext, params: dict[str, str], title: str | None) -> None:
    """views.compare.compare_chart (a radar of up to eight regions' dimensions, the index as bars for
    a whole province) beside each region's index, band and ranks (views.compare.standing_table)."""
    framework = store.framework_of(ctx.year, ctx.stage)
    chosen = compared_regions(store, ctx, params)
    index_scores = store.scores(ctx.year, ctx.stage, "index")
    assessed = [code for code in chosen if code in set(index_scores["region_code"])]
    names = store.regions().set_index("code")["name"]
    slide = slides.content_slide(deck, title or ctx.t("compare.radar_title", count=len(assessed)),
                                 ctx.footer(", ".join(names[c] for c in assessed)))
    if len(assessed) < 2:
        slides.add_text(slide, LEFT, [ctx.t("compare.need_two")], size=20)
        return
    chart = compare_chart(framework, names, assessed, store.scores(ctx.year, ctx.stage, "dimension"), ctx.lang,
                          index_scores, ctx.t("word.index"))
    slides.model_chart(slide, chart, LEFT)
    table = standing_table(store.ranking(ctx.year, ctx.stage), assessed, ctx.t, ctx.number,
                           framework.band_names(ctx.lang), store.group_names(ctx.lang), places=False)
    table = table.drop(columns=[ctx.t("compare.col_kind_rank")])
    headers = {"word.region": "overview.head_region", "word.index": "overview.head_index",
               "word.band": "overview.head_band", "compare.col_rank": "compare.head_rank",
               "compare.col_province_rank": "compare.head_province_rank",
               "compare.col_group_rank": "compare.head_group_rank"}
    header = [ctx.t(headers[key]) for key in headers if ctx.t(key) in table.columns]
    widths = [1.25, 0.5, 0.92, 0.72, 0.62, 0.72][:len(header)]
    widths[0] += RIGHT.width - sum(widths)
    row_height = min(0.4, RIGHT.height / (len(table) + 1))   # a whole province (38 rows) still fits
    slides.add_table(slide, header, table.astype(str).to_numpy().tolist(),
                     Box(RIGHT.left, RIGHT.top, RIGHT.width, row_height * (len(table) + 1)), widths=widths,
                     size=11 if len(table) <= MAX_REGIONS else 7)


def trends_slide(deck, store, ctx: ReportContext, params: dict[str, str], title: str | None) -> None:
    """A measure (index or one dimension) over the years for the chosen regions and the nation, and
    the index's published results as diamonds (views.trends.trend_chart, as the page)."""
    framework = store.framework_of(ctx.year, ctx.stage)
    check_regions(store, listed(params, "regions")[:MAX_REGIONS])
    ranked = store.ranking(ctx.year, ctx.stage)["region_code"].tolist()
    chosen = trend_regions(params, ranked, set(store.regions()["code"]))
    measure = trend_measure(params.get("dimension"), framework)
    measure_name = measure.name(framework, ctx.lang, ctx.t("word.index"))
    names = store.regions().set_index("code")["name"]
    chart = trend_chart(store.trend(chosen, ctx.stage, measure.kind), store.national_medians(ctx.stage, measure.kind),
                        measure, chosen, names, ctx.t("trends.national_median"), framework.max_level,
                        store.official_table(), lambda name: ctx.t("official.series", name=name), ctx.lang)
    slide = slides.content_slide(deck, title or ctx.t("trends.lines_title", measure=measure_name, stage=ctx.stage),
                                 ctx.footer(", ".join(names[c] for c in chosen)))
    slides.model_chart(slide, chart, Box(0.5, 1.35, 12.33, 5.45), colours=[*SERIES_COLOURS[:len(chosen)], NEUTRAL])


def claims_slide(deck, store, ctx: ReportContext, params: dict[str, str], title: str | None) -> None:
    """Stage I claims against stage II verification of one region (params region): claimed and
    verified per dimension (columns) beside the OPDs whose failed claims cost the most index points."""
    region = params.get("region", "")
    check_regions(store, [region])
    name = store.regions().set_index("code").loc[region, "name"]
    slide = slides.content_slide(deck, title or ctx.t("present.title_claims", name=name, year=ctx.year),
                                 ctx.footer(f"{name} ({region})"))
    model = claims_model(store.claims(ctx.year, [region]))
    framework = store.framework_of(ctx.year, "II") or store.framework_of(ctx.year, "I")
    if model is None or framework is None:
        slides.add_text(slide, FULL, [ctx.t("claims.none", year=ctx.year)], size=20)
        return
    chart = model.chart(framework, ctx.lang, ctx.t("claims.series_claimed"), ctx.t("claims.series_verified"))
    labels = {number: [ctx.number(v) for v in values] for number, (_, values) in enumerate(chart.series)}
    slides.model_chart(slide, chart, LEFT, labels=labels, colours=list(CLAIMS_COLOURS))
    total = model.total
    slides.add_text(slide, Box(RIGHT.left, RIGHT.top, RIGHT.width, 1.3), [
        f"{ctx.t('claims.metric_claimed')}: {ctx.number(total['claimed_index'])}",
        f"{ctx.t('claims.metric_verified')}: {ctx.number(total['verified_index'])}",
        f"{ctx.t('claims.metric_failed')}: " + ctx.t(
            "claims.failed_value", failed=int(total["failed"]), claims=int(total["claims"]),
            share=format_percent(total["failed_share"], ctx.lang, digits=1))], size=14)
    top = model.top_opds
    rows = [[r.key, f"{r.failed}/{r.claims}", ctx.number(r.points_lost, digits=GAIN_DIGITS)] for r in top.itertuples()]
    if rows:
        slides.add_table(slide, [ctx.t("region.col_owner"), ctx.t("claims.col_failed"), ctx.t("claims.col_lost")],
                         rows, Box(RIGHT.left, RIGHT.top + 1.5, RIGHT.width, 0.36 * (len(rows) + 1)),
                         widths=[2.6, 0.9, 1.23], size=11)
