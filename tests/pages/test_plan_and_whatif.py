"""Rencana aksi in both languages with figures from the store, hostile programme names shown as
text, and the what-if panel on the gaps page (index, band, national and province rank before and
after, as Store.whatif computes them)."""

import html

import pytest

from i18n import format_number, t
from store import Store
from tests.pages.conftest import chart_specs, metric, open_page

IMG = "<img src=x onerror=alert(1)>"
LINK = "[link](http://x)"
HEADER = "programme_code,name,dimension,indicators,owner_opd,budget,budget_source,start_year,end_year,status"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_plan_figures_match_the_store_in_both_languages(data_dir, lang):
    store = Store(data_dir)
    year = max(store.years("II"))
    register = store.programmes("35.09")
    app = open_page("plan", region="35.09", year=year, stage="II", lang=lang)
    assert not app.exception
    assert metric(app, t("plan.summary_programmes", lang)) == str(len(register))
    assert metric(app, t("plan.summary_budget", lang)) == format_number(register["budget"].sum() / 1e9, lang)
    # every programme finished as planned, through the store's what-if (another path than the page's)
    all_done = store.whatif("35.09", year, "II", programme_codes=list(register["programme_code"]))
    assert metric(app, t("plan.summary_all_done", lang)) == format_number(all_done.index_after, lang)
    one = register["programme_code"].iloc[0]
    effect = store.whatif("35.09", year, "II", programme_codes=[one])
    table = app.dataframe[0].value.set_index(t("plan.col_code", lang))
    assert table.loc[one, t("plan.col_index_after", lang)] == format_number(effect.index_after, lang)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_hostile_programme_names_show_as_text(data_dir, lang):
    store = Store(data_dir)
    code = store.region_indicators("35.09", max(store.years("II")), "II")["indicator_code"].iloc[0]
    csv = (f"{HEADER}\nX1,\"{IMG}\",GOV,{code}=4,Diskominfo,1000,APBD,2024,2026,running\n"
           f"X2,\"{LINK}\",GOV,{code}=4,Diskominfo,2000,APBD,2025,2027,planned\n")
    store.import_programmes("35.09", "p.csv", csv.encode())
    app = open_page("plan", region="35.09", lang=lang, whatif_programmes="X1,X2")
    assert not app.exception
    assert list(app.dataframe[0].value.iloc[:, 1]) == [IMG, LINK]          # the table holds the text as typed
    labels = sorted(y for trace in chart_specs(app)[0]["data"] for y in trace["y"])
    assert labels == [f"X1 · {html.escape(IMG, quote=False)}", f"X2 · {LINK}"]   # plotly would render <img>
    assert "<img" not in str(chart_specs(app))
    shown = [m.value for m in app.markdown] + [c.value for c in app.caption] + [w.value for w in app.warning]
    assert not any(IMG in text or LINK in text for text in shown)          # never handed to markdown
    assert app.multiselect[0].value == ["X1", "X2"]                        # the what-if panel took them


@pytest.mark.parametrize("page", ["gaps", "region"])
def test_whatif_on_the_gaps_and_region_pages_moves_index_band_and_ranks(data_dir, page):
    store = Store(data_dir)
    year = max(store.years("II"))
    top = store.framework_for(year).max_level
    levels = {"GOV.LP.01": top, "GOV.KP.03": "verify", "GOV.TKB.01": "verify"}
    expected = store.whatif("35.09", year, "II", levels=levels)
    assert expected.index_after > expected.index_before and expected.rank_after < expected.rank_before
    params = {"whatif_indicators": ",".join(levels), **{f"wl_{c}": v for c, v in levels.items()}}
    app = open_page(page, region="35.09", lang="en", year=year, stage="II", **params)
    assert not app.exception
    assert metric(app, t("whatif.index", "en")) == format_number(expected.index_after, "en")
    band_names = {b.level: b.name_en for b in store.framework_of(year, "II").bands}
    assert metric(app, t("whatif.band", "en")) == band_names[expected.band_after]   # the name, no number
    assert metric(app, t("whatif.rank", "en")) == f"{expected.rank_after} / {expected.regions}"
    assert metric(app, t("whatif.province_rank", "en")) == str(expected.province_rank_after)
    before = [c.value for c in app.caption if c.value.startswith("now ")]
    assert before == [" · ".join([f"now {format_number(expected.index_before, 'en')}",
                                  f"now {band_names[expected.band_before]}",
                                  f"now #{expected.rank_before}", f"now #{expected.province_rank_before}"])]


def test_gaps_page_what_if_without_a_register(data_dir):
    store = Store(data_dir)
    year = max(store.years("II"))
    ranking = store.ranking(year, "II")
    region = next(r for r in ranking["region_code"] if store.programmes(r).empty)
    app = open_page("gaps", region=region, lang="id", year=year, stage="II")
    assert not app.exception
    assert t("whatif.programmes", "id") not in [m.label for m in app.multiselect]
    index = store.scores(year, "II", "index").set_index("region_code").loc[region, "index"]
    assert metric(app, t("whatif.index", "id")) == format_number(index, "id")   # nothing chosen: the actual figures
