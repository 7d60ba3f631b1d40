"""The shipped official (published) figures on the pages (AppTest on a copy of the bundled data):
every published index appears exactly as published, beside and apart from Matra's computed index,
with its source; ranks among official results are shared ranks of the published values."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest

from i18n import t
from scoring import shown_difference
from tests.pages.conftest import chart_specs, open_page, sign_in, table_with


def decoded(values) -> list:
    """A plotly array as a list (plotly sends numeric arrays as base64 'bdata')."""
    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def frames(app) -> list:
    return [element.value for element in app.dataframe]


def frame_with(app, column: str):
    found = [frame for frame in frames(app) if column in frame.columns]
    assert found, f"no table with {column!r}: {[list(f.columns) for f in frames(app)]}"
    return found[0]


def published(store, region: str):
    rows = store.official_table(region=region)
    return dict(zip(rows["year"], rows["index"], strict=True)), rows


@pytest.mark.parametrize("lang", ["id", "en"])
def test_region_page_shows_each_published_index_unchanged_beside_matra(data_dir, store, lang):
    values, rows = published(store, "32.73")
    assert values == {2020: "3.34", 2021: "3.71", 2022: "3.88", 2023: "3.83", 2024: "3.93"}
    app = open_page("region", lang=lang, region="32.73", year=2024, stage="II")
    assert not app.exception
    column = "Official index (published)" if lang == "en" else "Indeks resmi (diterbitkan)"
    table = frame_with(app, column)
    mark = "," if lang == "id" else "."
    assert list(table[column]) == [values[y].replace(".", mark) for y in sorted(values)]
    rank = "Rank (as published)" if lang == "en" else "Peringkat (diterbitkan)"
    assert list(table[rank]) == ["", "1 / 100", "", "2 / 141", "1"]
    link = "Source link" if lang == "en" else "Tautan sumber"
    assert list(table[link]) == list(rows.sort_values("year")["source_url"])
    matra = [c for c in table.columns if c.startswith("Matra index" if lang == "en" else "Indeks Matra")]
    assert matra and ("synthetic" in matra[0] or "sintetis" in matra[0]), "the computed column says it is synthetic"
    text = " ".join(m.value for m in app.markdown)
    assert "(https://bewarajabar.com/?p=112612)" in text and "fokussatu\\.id" in text   # source text escaped


def test_region_page_keeps_the_trailing_zero_and_says_when_the_two_differ(data_dir, store):
    app = open_page("region", lang="en", region="35.77", year=2024, stage="II")
    table = frame_with(app, "Official index (published)")
    assert list(table["Official index (published)"]) == ["3.46", "3.71", "3.80"]
    computed = store.trend(["35.77"], "II", "index").set_index("year")["score"]
    differs = [line for w in app.warning if "differ by more than 0.01" in w.value for line in w.value.split("\n")]
    expected = [y for y, v in ((2021, 3.46), (2023, 3.71), (2024, 3.80))
                if y in computed and abs(shown_difference(v, computed[y])) > 0.01]
    assert len(differs) == len(expected) and all(
        f"{y}: the official index" in w for y, w in zip(expected, differs, strict=True))


def test_trends_page_draws_the_official_series_as_its_own_labelled_markers(data_dir, store):
    values, _ = published(store, "32.73")
    for lang, name in (("en", "Official · Kota Bandung"), ("id", "Resmi · Kota Bandung")):
        app = open_page("trends", lang=lang, regions="32.73", year=2024, stage="II")
        assert not app.exception
        traces = [trace for trace in chart_specs(app)[0]["data"] if trace.get("name") == name]
        assert len(traces) == 1 and traces[0]["mode"] == "markers+text"
        mark = "," if lang == "id" else "."
        assert list(traces[0]["text"]) == [values[y].replace(".", mark) for y in sorted(values)]
        assert decoded(traces[0]["x"]) == sorted(values)
        assert decoded(traces[0]["y"]) == [float(values[y]) for y in sorted(values)]   # placed at the published value
        assert "(https://jambikota.go.id" not in " ".join(m.value for m in app.markdown)
        assert "(https://bewarajabar.com/?p=112612)" in " ".join(m.value for m in app.markdown)


def test_overview_counts_and_ranks_official_results_among_themselves(data_dir, store):
    app = open_page("overview", lang="en", year=2020, stage="II")
    official = store.official_table(year=2020)
    assert any(c.value == f"{len(official)} region(s) have a recorded official result for 2020." for c in app.caption)
    table = frame_with(app, "Rank among official results")
    # 3.48, 3.48, 3.47, 3.45, 3.44, 3.42, 3.42, 3.34, 3.23: equal published values share a rank
    assert list(table["Rank among official results"]) == [1, 1, 3, 4, 5, 6, 6, 8, 9]
    assert list(table["Official index (published)"]) == list(official["index"])
    assert list(table["Rank (as published)"])[:2] == ["1 / 75", "1 / 75"]


def test_overview_change_is_the_difference_of_published_values(data_dir):
    app = open_page("overview", lang="en", year=2024, stage="II")
    table = frame_with(app, "Rank among official results").set_index("Region")
    assert table.loc["Kota Bandung", "Change (published)"] == "+0.10"      # 3.93 - 3.83
    assert table.loc["Kota Makassar", "Change (published)"] == "+0.50"     # 3.64 - 3.14
    assert table.loc["Kota Jambi", "Change (published)"] == ""            # no 2023 figure


def test_compare_page_shows_the_official_figure_where_it_exists(data_dir):
    app = open_page("compare", lang="en", mode="manual", regions="32.73,35.77,35.09", year=2024, stage="II")
    assert not app.exception
    table = frame_with(app, "Official index (published)").set_index("Region")
    assert dict(table["Official index (published)"]) == {"Kota Bandung": "3.93", "Kota Madiun": "3.80"}
    specs = json.dumps(chart_specs(app))
    assert "3.93" not in specs, "the computed charts do not carry the official figure"


def test_data_page_administrator_imports_refuses_and_undoes_official_results(data_dir, store, monkeypatch):
    monkeypatch.setenv("MATRA_ADMIN_PASSWORD", "rahasia-uji-123")
    app = open_page("data", lang="en")
    assert {"Template (CSV)", "Template (XLSX)", "Export official results (CSV)"} <= {
        b.label for b in app.get("download_button")}
    sign_in(app, "Ibu Planner", "rahasia-uji-123")
    uploader = next(u for u in app.get("file_uploader") if u.label == "Official results file (CSV/XLSX)")
    uploader.set_value(("bad.csv", b"region,year,index,source\nKediri,2024,3.20,Koran\n", "text/csv"))
    app.run()
    next(b for b in app.button if b.label == "Import official results").click()
    app.run()
    problems = table_with(app, t("data.col_problem", "en"))
    assert "Kabupaten Kediri (35.06); Kota Kediri (35.71)" in " ".join(problems.astype(str).to_numpy().ravel())
    assert len(store.official_versions()) == 1
    shipped_rows = len(store.official_table())
    uploader = next(u for u in app.get("file_uploader") if u.label == "Official results file (CSV/XLSX)")
    uploader.set_value(("good.csv", b"region,year,index,source\nKota Kediri,2024,3.20,Koran\n", "text/csv"))
    app.run()
    next(b for b in app.button if b.label == "Import official results").click()
    app.run()
    assert not app.exception and any("1 row(s) merged" in s.value for s in app.success)
    assert store.official_table(region="35.71")["index"].tolist() == ["3.20"]
    assert store.official_versions()[-1].created_by == "Ibu Planner"
    next(b for b in app.button if b.label == "Undo the last import").click()
    app.run()
    assert store.official_table(region="35.71").empty and len(store.official_table()) == shipped_rows


def test_live_slides_show_the_official_figure_where_it_exists(data_dir, store):
    from reports.agenda import Agenda, AgendaItem, encode

    items = (AgendaItem("region", {"region": "32.73"}), AgendaItem("trends", {"regions": "32.73"}))
    agenda = Agenda("Rakor", 2024, "II", "en", store.current_snapshot_ids(), items)
    region = open_page("present", agenda=encode(agenda), mode="slides", slide=2)
    assert not region.exception
    lines = [m.value for m in region.markdown if m.value.startswith("Official index 2024")]
    assert lines == ["Official index 2024 \\(published\\)\\: 3\\.93, rank 1 — source\\: fokussatu\\.id \\(Fokus Satu, "
                     "rubrik nasional\\)"]
    trends = open_page("present", agenda=encode(agenda), mode="slides", slide=3)
    traces = [t for t in chart_specs(trends)[0]["data"] if t.get("name") == "Official · Kota Bandung"]
    assert len(traces) == 1 and list(traces[0]["text"]) == ["3.34", "3.71", "3.88", "3.83", "3.93"]
