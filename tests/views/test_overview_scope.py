"""views.overview: the provinces a selection names and the map extent that frames them, by hand."""

import pandas as pd
import pytest

from views.overview import OverviewSelection, map_extent, scope_names


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

