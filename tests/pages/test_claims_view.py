"""The claims-against-verification section of the region page, checked against figures computed
independently from the store: stage I's index (scored on the claims), stage II's index, and per
indicator the counted levels of both stages."""

import io

import pandas as pd
import pytest

from i18n import format_number, format_percent, t
from tests.pages.conftest import metric, open_page

REGION, YEAR = "35.09", 2025


def expected(store, regions):
    """claimed/verified index (mean over regions in both stages), claims and failed claims."""
    one = store.scores(YEAR, "I", "index").set_index("region_code")["index"]
    two = store.scores(YEAR, "II", "index").set_index("region_code")["index"]
    both = [r for r in regions if r in one.index and r in two.index]
    claims = failed = 0
    for region in both:
        claimed = store.region_indicators(region, YEAR, "I").set_index("indicator_code")["effective_level"]
        verified = store.region_indicators(region, YEAR, "II").set_index("indicator_code")["effective_level"]
        claims += int((claimed > 0).sum())
        failed += int(((verified < claimed) & (claimed > 0)).sum())
    return one[both].mean(), two[both].mean(), claims, failed, len(both)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_region_scope_matches_the_two_stages(data_dir, store, lang):
    claimed, verified, claims, failed, _ = expected(store, [REGION])
    app = open_page("region", region=REGION, year=YEAR, stage="II", lang=lang)
    assert not app.exception, [e.value for e in app.exception]
    assert metric(app, t("claims.metric_claimed", lang)) == format_number(claimed, lang)
    assert metric(app, t("claims.metric_verified", lang)) == format_number(verified, lang)
    assert metric(app, t("claims.metric_failed_of", lang, failed=failed, claims=claims)) == format_percent(
        failed / claims, lang, digits=1)
    assert metric(app, t("claims.metric_lost", lang)) == format_number(claimed - verified, lang, digits=3)
    failed_table = next(d.value for d in app.dataframe if t("claims.col_reason", lang) in d.value.columns)
    assert len(failed_table) == failed
    assert set(failed_table[t("claims.col_reason", lang)]) <= {t("claims.outcome_lowered", lang),
                                                               t("claims.outcome_evidence_missing", lang)}
    chart = next(c for c in app.get("plotly_chart") if t("claims.chart_title", lang) in c.proto.spec)
    assert t("claims.series_claimed", lang) in chart.proto.spec


def test_province_scope_averages_the_regions_of_the_province(data_dir, store):
    regions = store.regions()
    east_java = regions.loc[regions["province_code"] == "35", "code"].tolist()
    claimed, verified, _, _, count = expected(store, east_java)
    app = open_page("region", region=REGION, year=YEAR, stage="II", lang="en", claims="province")
    assert not app.exception, [e.value for e in app.exception]
    assert any(t("claims.regions_compared", "en", count=count) == c.value for c in app.caption)
    assert metric(app, t("claims.metric_claimed", "en")) == format_number(claimed, "en")
    assert metric(app, t("claims.metric_verified", "en")) == format_number(verified, "en")


def test_claims_export_per_indicator_and_per_opd(data_dir, store):
    from reports.tables import claims_table, table_bytes

    _, _, claims, failed, _ = expected(store, [REGION])
    per_indicator = claims_table(store, YEAR, "id", [REGION])
    assert len(per_indicator) == claims
    reasons = per_indicator[t("claims.col_reason", "id")]
    assert (reasons != t("claims.outcome_accepted", "id")).sum() == failed
    workbook = pd.read_excel(io.BytesIO(table_bytes(per_indicator, "xlsx", "Klaim")), sheet_name="Klaim")
    assert len(workbook) == claims
    per_opd = claims_table(store, YEAR, "en")
    assert per_opd[t("claims.col_claims", "en")].sum() > 0
    assert list(per_opd[t("claims.col_lost", "en")]) == sorted(per_opd[t("claims.col_lost", "en")], reverse=True)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_methodology_page_says_which_demo_figures_are_public_facts(data_dir, lang):
    app = open_page("method", lang=lang)
    assert not app.exception, [e.value for e in app.exception]
    notes = [m.value for m in app.markdown if m.value == t("method.demo_notes", lang)]
    assert notes and "241" in notes[0] and "191" in notes[0]
