"""The action plan page (AppTest, real store on a copy of the demo data) in both languages."""

import pytest

from i18n import format_number, t
from store import Store
from tests.pages.conftest import chart_specs, metric, open_page

HOSTILE = "<script>alert(1)</script> & <b>tebal</b>"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_plan_page_draws_programmes_effects_and_charts(data_dir, lang):
    register = Store(data_dir).programmes("35.09")
    assert len(register) > 0  # the bundled demo register of Jember
    app = open_page("plan", region="35.09", lang=lang)
    assert not app.exception
    title = "Action plan" if lang == "en" else "Rencana aksi"
    assert any(title in t.value for t in app.title)
    specs = chart_specs(app)
    assert len(specs) == 2
    timeline_labels = {y for trace in specs[0]["data"] for y in trace["y"]}
    assert timeline_labels == {f"{c} · {n}" for c, n in zip(register["programme_code"], register["name"],
                                                               strict=True)}
    table = app.dataframe[0].value
    assert list(table.iloc[:, 0]) == list(register["programme_code"])
    assert any("synthetic" in w.value or "sintetis" in w.value for w in app.warning)


def test_hostile_names_stay_text_in_tables_and_charts(data_dir):
    store = Store(data_dir)
    header = "programme_code,name,dimension,indicators,owner_opd,budget,budget_source,start_year,end_year,status"
    code = store.region_indicators("35.09", max(store.years("II")), "II")["indicator_code"].iloc[0]
    csv = f'{header}\nX1,"{HOSTILE}",GOV,{code}=4,Diskominfo,1000,APBD,2024,2026,running\n'
    store.import_programmes("35.09", "p.csv", csv.encode())
    app = open_page("plan", region="35.09", lang="en")
    assert not app.exception
    assert app.dataframe[0].value.iloc[0, 1] == HOSTILE
    labels = [y for trace in chart_specs(app)[0]["data"] for y in trace["y"]]
    assert labels == ["X1 · &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;"]
    assert all(HOSTILE not in m.value for m in app.markdown)


def test_whatif_panel_from_the_link_matches_the_store(data_dir):
    store = Store(data_dir)
    year = max(store.years("II"))
    register = store.programmes("35.09")
    chosen = list(register["programme_code"][:2])
    expected = store.whatif("35.09", year, "II", levels={"GOV.LP.01": 4}, programme_codes=chosen)
    assert expected.index_after > expected.index_before
    app = open_page("plan", region="35.09", lang="en", year=year, stage="II",
                    whatif_programmes=",".join(chosen), whatif_indicators="GOV.LP.01", **{"wl_GOV.LP.01": 4})
    assert not app.exception
    assert metric(app, t("whatif.index", "en")) == format_number(expected.index_after, "en")
    assert metric(app, t("whatif.rank", "en")) == f"{expected.rank_after} / {expected.regions}"
