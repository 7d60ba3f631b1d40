"""views.overview: the provinces a selection names, the heading and scope line that name every filter
(the evaluation group too), and the map extent that frames them, by hand."""

import pandas as pd
import pytest

from i18n import t
from views.overview import OverviewSelection, map_extent, scope_line, scope_names, scope_title


def test_scope_names_in_the_order_chosen():
    names = {"35": "Jawa Timur", "51": "Bali"}
    assert scope_names(OverviewSelection(("51", "35")), names) == ["Bali", "Jawa Timur"]
    assert scope_names(OverviewSelection(), names) == []
    assert scope_names(OverviewSelection(kind="kota"), names) == []


def test_map_extent_pads_and_keeps_a_minimum_span():
    rows = pd.DataFrame({"longitude": [111.0, 114.0], "latitude": [-8.0, -7.5]})
    (lon, lat) = map_extent(rows)
    assert lon == pytest.approx((110.5, 114.5))                  # 3 degrees + 0.5 each side
    assert lat == pytest.approx((-9.25, -6.25))                  # 0.5 + 2*0.5 = 1.5 < 3: grown to 3 around -7.75
    assert map_extent(rows.iloc[:0]) is None



NAMES = {"35": "Jawa Timur", "51": "Bali"}
GROUPS = {"angkatan-2023": "Angkatan 2023"}


@pytest.mark.parametrize(("selection", "lang", "heading"), [
    (OverviewSelection(), "id", "Ikhtisar nasional 2024 · Tahap II"),
    (OverviewSelection(("35",)), "id", "Ikhtisar Jawa Timur 2024 · Tahap II"),
    # a chosen group is named, never "nasional"
    (OverviewSelection(group="angkatan-2023"), "id", "Ikhtisar 2024 · Tahap II · kelompok Angkatan 2023"),
    (OverviewSelection(("35",), group="angkatan-2023"), "en",
     "Overview of Jawa Timur 2024 · Stage II · group Angkatan 2023"),
    (OverviewSelection(group="x"), "en", "Overview 2024 · Stage II · group x"),   # unnamed: its code
])
def test_scope_title_names_the_provinces_and_the_group(selection, lang, heading):
    assert scope_title(selection, NAMES, GROUPS, lambda key, **v: t(key, lang, **v), 2024, "II") == heading


def test_scope_line_names_every_filter():
    tr = lambda key, **v: t(key, "id", **v)   # noqa: E731
    assert scope_line(OverviewSelection(), NAMES, GROUPS, tr, "nasional") == "nasional"
    full = OverviewSelection(("51", "35"), "kota", 2018, "angkatan-2023")
    assert scope_line(full, NAMES, GROUPS, tr, "nasional") == \
        "Bali, Jawa Timur · Kota · Angkatan 2018 · kelompok Angkatan 2023"
