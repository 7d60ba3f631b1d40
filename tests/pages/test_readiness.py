"""The evidence readiness page (AppTest, real store on a copy of the demo data) in both languages:
deadlines and days left on fixed dates, readiness per OPD and the roll-up against counts made here
from the store's rows, one OPD's checklist from the link."""

import datetime

import pandas as pd
import pytest

from i18n import format_number, t
from sections.readiness import evidence
from tests.pages.conftest import chart_specs, metric, open_page

D = datetime.date
YEAR, STAGE, JEMBER = 2025, "II", "35.09"


@pytest.fixture
def on(monkeypatch):
    """Fix the page's "today"; returns a setter."""
    def set_today(day: datetime.date) -> None:
        monkeypatch.setattr(evidence, "today", lambda: day)
    set_today(D(2026, 12, 2))
    return set_today


def percent(share: float, lang: str) -> str:
    return format_number(100 * share, lang, digits=1)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_readiness_page_counts_per_opd_and_days_left(data_dir, store, on, lang):
    grid = store.region_indicators(JEMBER, YEAR, STAGE)
    app = open_page("readiness", region=JEMBER, year=YEAR, stage=STAGE, lang=lang)
    assert not app.exception
    assert [x.value for x in app.title] == [t("readiness.title", lang, name="Kabupaten Jember")]
    # the bundled calendar, counted from 2 December 2026: 2027 stage I closes 25 June 2027
    # (29 + 31 + 28 + 31 + 30 + 31 + 25 = 205 days), stage II 19 November 2027
    # (205 + 5 + 31 + 31 + 30 + 31 + 19 = 352)
    assert metric(app, t("readiness.window_I", lang)) == t("readiness.days_left", lang, days=205)
    assert metric(app, t("readiness.window_II", lang)) == t("readiness.days_left", lang, days=352)
    # readiness per OPD, counted here from the grid
    verified = grid["evidence"] == "verified"
    assert metric(app, t("readiness.summary_verified", lang)) == t(
        "readiness.of", lang, part=int(verified.sum()), whole=len(grid))
    per_opd = grid.assign(verified=verified).groupby("owner_opd")["verified"].agg(["sum", "size"])
    complete = int((per_opd["sum"] == per_opd["size"]).sum())
    assert metric(app, t("readiness.summary_ready", lang)) == t("readiness.of", lang, part=complete,
                                                                  whole=len(per_opd))
    table = app.dataframe[0].value.set_index(t("readiness.col_opd", lang))
    assert sorted(table.index) == sorted(per_opd.index)
    for opd, row in per_opd.iterrows():
        assert table.loc[opd, t("readiness.col_indicators", lang)] == row["size"]
        assert table.loc[opd, t("readiness.col_verified", lang)] == row["sum"]
        assert table.loc[opd, t("readiness.col_progress", lang)] == percent(row["sum"] / row["size"], lang)
    ordered = per_opd.assign(share=per_opd["sum"] / per_opd["size"]).reset_index().sort_values(
        ["share", "owner_opd"])                                   # least ready first, then by name
    assert list(table.index) == list(ordered["owner_opd"])
    specs = chart_specs(app)
    assert len(specs) == 2
    assert specs[0]["data"][0]["text"] == [f"{percent(s, lang)}% · {v}/{n}" for s, v, n
                                           in zip(ordered["share"], ordered["sum"], ordered["size"], strict=True)]


def test_the_checklist_of_the_opd_in_the_link(data_dir, store, on):
    grid = store.region_indicators(JEMBER, YEAR, STAGE)
    pupr = grid[grid["owner_opd"] == "Dinas PUPR"]
    app = open_page("readiness", region=JEMBER, year=YEAR, stage=STAGE, lang="en", opd="Dinas PUPR")
    assert not app.exception
    checklist = app.table[0].value   # a static table: long texts wrap, nothing scrolls sideways
    assert sorted(checklist["Code"]) == sorted(pupr["indicator_code"])
    framework = store.framework_of(YEAR, STAGE)
    assert list(checklist["Evidence expected"]) == [framework.indicator(c).evidence_en for c in checklist["Code"]]
    assert any("Dinas PUPR" in b.label for b in app.get("download_button"))


def test_days_left_when_stage_one_has_closed_and_when_no_window_is_left(data_dir, on):
    on(D(2026, 11, 2))   # stage I 2026 closed on 26 June; stage II open until 20 November: 28 - 10 = 18
    app = open_page("readiness", region=JEMBER, year=YEAR, stage=STAGE, lang="id")
    assert not app.exception
    assert metric(app, "Tahap I: kuesioner") == "sudah ditutup"
    assert metric(app, "Tahap II: verifikasi") == "18 hari lagi"
    on(D(2028, 1, 1))
    app = open_page("readiness", region=JEMBER, year=YEAR, stage=STAGE, lang="en")
    assert not app.exception
    assert any(x.value == t("readiness.calendar_none", "en") for x in app.info)


@pytest.mark.parametrize("scope", ["all", "province"])
def test_rollup_matches_the_stage_rows_counted_here(data_dir, store, on, scope):
    _, rows = store.claims_rows(YEAR)          # stage II rows of every region, another query than the page's
    regions = store.regions().set_index("code")
    if scope == "province":
        rows = rows[rows["region_code"].map(regions["province_code"]) == regions.loc[JEMBER, "province_code"]]
    framework = store.framework_of(YEAR, STAGE)
    owners = pd.Series({i.code: i.owner_opd for i in framework.indicators})
    assessed = rows["region_code"].nunique()
    verified = rows[rows["evidence"] == "verified"].groupby(rows["indicator_code"].map(owners)).size()
    expected = owners.value_counts() * assessed
    app = open_page("readiness", region=JEMBER, year=YEAR, stage=STAGE, lang="en", rollup=scope)
    assert not app.exception
    table = app.dataframe[1].value.set_index("Owner OPD")
    assert table["Indicators × regions"].to_dict() == expected.to_dict()
    assert table["Verified"].to_dict() == verified.reindex(expected.index, fill_value=0).to_dict()
    assert ("Provinces behind" in table.columns) == (scope == "all")
    assert chart_specs(app)[1]["layout"]["title"]["text"].count(f"{assessed} regions") == 1


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("page", ["readiness", "plan"])
def test_page_shows_only_its_language(data_dir, on, page, lang):
    from tests.pages.test_language import test_page_shows_only_its_language as only_its_language

    only_its_language(data_dir, page, lang)
