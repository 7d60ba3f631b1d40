"""The region in view follows the planner from page to page (the compare page's hand-picked mode)."""

from i18n import t
from tests.pages.conftest import open_page


def test_hand_picked_compare_starts_from_the_region_in_the_url(data_dir, store):
    app = open_page("compare", region="35.09", mode="manual", year=2025, stage="II")
    assert not app.exception, [e.value for e in app.exception]
    chosen = app.multiselect[0].value
    top = [code for code in store.ranking(2025, "II")["region_code"] if code != "35.09"][:2]
    assert chosen == ["35.09", *top]


def test_hand_picked_compare_without_a_region_starts_from_the_national_top(data_dir, store):
    app = open_page("compare", mode="manual", year=2025, stage="II")
    assert not app.exception, [e.value for e in app.exception]
    assert app.multiselect[0].value == store.ranking(2025, "II")["region_code"].head(3).tolist()


def test_trends_start_from_the_region_in_view_and_movers_go_the_right_way(data_dir, store):
    app = open_page("trends", region="35.09", year=2025, stage="II")
    assert not app.exception, [e.value for e in app.exception]
    regions = next(m for m in app.multiselect if m.label == t("trends.regions", "id"))
    assert regions.value[0] == "35.09"
    pair = store.index_pair((2017, "II"), (2025, "II"))
    rises, falls = (pair["change"] > 0).sum(), (pair["change"] < 0).sum()
    tables = [d.value for d in app.dataframe if "2017" in d.value.columns and "2025" in d.value.columns]
    # A side with no region shows the sentence in place of its table (no empty table).
    empty = {"overview.none_gains": rises == 0, "overview.none_losses": falls == 0}
    captions = [c.value for c in app.caption]
    for key, expected in empty.items():
        assert (t(key, "id") in captions) == expected, key
    assert len(tables) == (rises > 0) + (falls > 0)
    gains = tables[0] if rises else None
    losses = tables[-1] if falls else None
    for rows, count, signs in ((gains, rises, ("+",)), (losses, falls, ("−", "-"))):
        if rows is None:
            continue
        change = [c for c in rows.columns if c not in ("2017", "2025")][-1]
        assert len(rows) == min(10, count)
        assert all(text.startswith(signs) for text in rows[change])


def test_a_bad_link_says_so_in_the_users_language_and_shows_a_sensible_view(data_dir, store):
    overview = open_page("overview", year=1999, stage="II")
    assert any("«1999» dari tautan tidak dikenal" in w.value and "2025" in w.value for w in overview.warning)
    app = open_page("region", region="99.99", year=2025, stage="II")
    assert not app.exception, [e.value for e in app.exception]
    warnings = [w.value for w in app.warning]
    assert any(w.startswith("Daerah") and "«99\\.99»" in w for w in warnings), warnings
    english = open_page("compare", regions="35.09,XX.YY", mode="manual", lang="en")
    assert any("«XX\\.YY» is not known" in w.value and "Kabupaten Jember" in w.value for w in english.warning)
    assert english.multiselect[0].value == ["35.09"]


def test_a_good_link_raises_no_warning(data_dir):
    app = open_page("region", region="35.09", year=2025, stage="II")
    assert not [w.value for w in app.warning if "tautan" in w.value]


def test_trend_charts_mark_the_change_of_method_and_the_movers_say_so(data_dir, store):
    import json

    changed = [y for y in store.years("II") if y - 1 in store.years("II")
               and store.framework_of(y, "II").id != store.framework_of(y - 1, "II").id]
    assert changed == [2022]   # the demo data's 2022 change of chain weights
    app = open_page("trends", lang="id", year=2025, stage="II")
    specs = {c.proto.spec: json.loads(c.proto.spec) for c in app.get("plotly_chart")}
    marked = [spec for spec in specs.values()
              if any(a.get("text") == "Metode berubah 2022" for a in spec["layout"].get("annotations", []))]
    assert len(marked) == 2, "the index lines and the cohort lines"
    assert all(any(shape.get("x0") == 2021.5 for shape in spec["layout"]["shapes"]) for spec in marked)
    assert any("melintasi perubahan metode (2022)" in w.value for w in app.warning)
    recent = open_page("trends", lang="id", year=2025, stage="II", **{"from": 2023, "to": 2025})
    assert not [w for w in recent.warning if "perubahan metode" in w.value]
    region = open_page("region", lang="en", region="35.09", year=2025, stage="II")
    trend = next(json.loads(c.proto.spec) for c in region.get("plotly_chart") if "Method changed 2022" in c.proto.spec)
    assert any(shape.get("x0") == 2021.5 for shape in trend["layout"]["shapes"])
