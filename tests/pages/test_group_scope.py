"""Evaluation group as a scope on the overview: the group filter (URL-bound) keeps the regions
data/groups/groups.csv puts in the group, and the ranking table and its export carry the group and the
rank within it (Store.ranking's), only when the year has groups."""

from __future__ import annotations

import csv

from charts.labels import region_short_name
from i18n import t
from reports.tables import ranking_table
from tests.pages.conftest import metric, open_page

YEAR, STAGE = 2024, "II"


def groups_of_year(data_dir, year: int) -> dict[str, set[str]]:
    """Group -> region codes of `year`, read straight from the CSV file (not through the store)."""
    members: dict[str, set[str]] = {}
    with open(data_dir / "groups" / "groups.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if int(row["year"]) == year:
                members.setdefault(row["group"], set()).add(row["region_code"])
    return members


def ranking_frame(app, lang: str):
    """The overview's ranking table (the one with the rank-change column)."""
    frames = [frame.value for frame in app.dataframe if t("word.rank_change", lang) in frame.value.columns]
    assert len(frames) == 1
    return frames[0]


def test_group_filter_keeps_the_groups_regions(data_dir, store):
    members = groups_of_year(data_dir, YEAR)
    assert len(members) == 2   # the demo's 2024: the earlier regions and the 2023 cohort, ranked apart
    ranking = store.ranking(YEAR, STAGE).set_index("region_code")
    names = store.group_names("en")
    for group, codes in members.items():
        app = open_page("overview", lang="en", year=YEAR, stage=STAGE, group=group)
        assert not app.exception
        assert metric(app, t("overview.metric_regions", "en")) == str(len(codes))
        (chooser,) = [box for box in app.selectbox if box.label == t("overview.filter_group", "en")]
        assert chooser.value == group
        table = ranking_frame(app, "en")
        assert len(table) == len(codes)
        assert set(table[t("word.group", "en")]) == {names[group]}
        shown_names = ranking.loc[sorted(codes), "name"].map(region_short_name)   # the table's short names
        assert sorted(table[t("word.region", "en")]) == sorted(shown_names)
        # the rank in the group is the ranking's, row by row
        by_name = ranking.reset_index().assign(name=lambda r: r["name"].map(region_short_name)).set_index("name")
        assert [int(by_name.loc[n, "group_rank"]) for n in table[t("word.region", "en")]] == \
            [int(r) for r in table[t("word.group_rank", "en")]]


def test_choosing_a_group_narrows_the_overview_and_the_url(data_dir, store):
    members = groups_of_year(data_dir, YEAR)
    group = min(members, key=lambda g: len(members[g]))
    app = open_page("overview", year=YEAR, stage=STAGE)
    assert not app.exception
    assert app.title[0].value == f"Ikhtisar nasional {YEAR} · Tahap {STAGE}"
    every = sum(len(codes) for codes in members.values())
    assert metric(app, t("overview.metric_regions", "id")) == str(every)
    (chooser,) = [box for box in app.selectbox if box.label == t("overview.filter_group", "id")]
    assert chooser.value == ""
    chooser.set_value(group).run()
    assert not app.exception
    assert metric(app, t("overview.metric_regions", "id")) == str(len(members[group]))
    assert app.query_params["group"] == group
    assert len(ranking_frame(app, "id")) == len(members[group])
    # the heading names the group, no longer "nasional"
    assert app.title[0].value == f"Ikhtisar {YEAR} · Tahap {STAGE} · kelompok {store.group_names('id')[group]}"


def test_without_groups_no_filter_and_no_group_columns(data_dir, store):
    (data_dir / "groups" / "groups.csv").unlink()
    app = open_page("overview", lang="en", year=YEAR, stage=STAGE)
    assert not app.exception
    assert t("overview.filter_group", "en") not in [box.label for box in app.selectbox]
    assert t("word.group_rank", "en") not in ranking_frame(app, "en").columns
    assert t("word.group_rank", "en") not in ranking_table(store, YEAR, STAGE, "en").columns


def test_ranking_export_has_the_group_and_the_rank_within_it(data_dir, store):
    ranking = store.ranking(YEAR, STAGE)
    for lang in ("id", "en"):
        table = ranking_table(store, YEAR, STAGE, lang)
        names = store.group_names(lang)
        assert list(table[t("word.group", lang)]) == [names[g] for g in ranking["group"]]
        assert list(table[t("word.group_rank", lang)]) == list(ranking["group_rank"])
    members = groups_of_year(data_dir, YEAR)
    group = next(iter(members))
    only = ranking_table(store, YEAR, STAGE, "en", codes=members[group])
    assert len(only) == len(members[group])
    assert sorted(only[t("word.group_rank", "en")]) == sorted(
        ranking.loc[ranking["group"] == group, "group_rank"])
