"""The compare page gives each compared region its band and its ranks (national, province, kind,
evaluation group when the data has one) as the store's ranking has them, in both languages."""

import json

import pandas as pd
import pytest

from i18n import format_number, t
from store import Store
from tests.pages.conftest import open_page


@pytest.mark.parametrize("lang", ["id", "en"])
def test_compare_shows_band_and_ranks_of_every_compared_region(data_dir, lang):
    store = Store(data_dir)
    year = max(store.years("II"))
    ranking = store.ranking(year, "II")
    codes = [ranking["region_code"].iloc[5], ranking["region_code"].iloc[-1], ranking["region_code"].iloc[0]]
    app = open_page("compare", year=year, stage="II", lang=lang, mode="manual", regions=",".join(codes))
    assert not app.exception
    table = next(d.value for d in app.dataframe if t("compare.col_rank", lang) in d.value.columns)
    labels = store.framework_of(year, "II").band_labels(lang)
    groups = store.group_names(lang)
    rows = ranking.set_index("region_code")
    shown = sorted(codes, key=lambda c: list(table[t("word.region", lang)]).index(rows.loc[c, "name"]))
    assert len(table) == 3
    for position, code in enumerate(shown):
        row, line = rows.loc[code], table.iloc[position]
        assert line[t("word.index", lang)] == format_number(row["index"], lang)
        assert line[t("word.band", lang)] == labels[int(row["band"])]   # the name only, never "5 · …"
        assert line[t("compare.col_rank", lang)] == t("region.rank_of", lang, rank=int(row["rank"]),
                                                      total=len(ranking))
        assert line[t("compare.col_province_rank", lang)] == t(
            "compare.rank_in", lang, rank=int(row["province_rank"]), total=int(row["province_regions"]),
            place=row["province_name"])
        group = t("compare.col_group_rank", lang)
        if pd.notna(row["group"]):
            assert line[group] == t("compare.rank_in", lang, rank=int(row["group_rank"]),
                                    total=int(row["group_regions"]), place=groups.get(row["group"], row["group"]))
        elif group in table:
            assert line[group] == "–"
    assert (t("compare.col_group_rank", lang) in table) == bool(rows.loc[codes, "group"].notna().any())


@pytest.mark.parametrize("lang", ["id", "en"])
def test_differences_table_fits_a_laptop_beside_the_sidebar(data_dir, lang):
    """The "difference from the group median" table scrolled sideways at 1366x768: every column now has
    a width, together within the 904 px the grid gets there beside the sidebar (measured in chromium),
    and a dimension's header is its name without the "Smart" all six share, the full name as help."""
    store = Store(data_dir)
    year = max(store.years("II"))
    codes = store.ranking(year, "II")["region_code"].iloc[:3].tolist()
    app = open_page("compare", year=year, stage="II", lang=lang, mode="manual", regions=",".join(codes))
    assert not app.exception
    names = [dimension.name(lang) for dimension in store.framework_of(year, "II").dimensions]
    (table,) = [frame for frame in app.dataframe if set(names) <= set(frame.value.columns)]
    config = {name: column for name, column in json.loads(table.proto.columns).items() if name != "_index"}
    assert set(config) == set(table.value.columns)   # "_index": the hidden index
    assert sum(column["width"] for column in config.values()) <= 904
    assert [config[name]["label"] for name in names] == [name.removeprefix("Smart ") for name in names]
    assert all(config[name]["help"] == name for name in names)
