"""views.trends: which years a comparison across must flag as a change of method."""

from views.trends import crosses_method_change, method_change_years


def test_method_changes_are_the_years_read_with_another_framework_than_the_year_before():
    ids = {2017: "a", 2018: "a", 2019: "a", 2021: "a", 2022: "b", 2023: "b", 2025: "c"}
    assert method_change_years(ids) == [2022, 2025]   # 2020 missing: 2021 compares with 2019
    assert method_change_years({2024: "b"}) == [] and method_change_years({}) == []


def test_a_comparison_crosses_the_changes_after_its_first_year_up_to_its_last():
    assert crosses_method_change(2017, 2025, [2022]) == [2022]
    assert crosses_method_change(2021, 2022, [2022]) == [2022]
    assert crosses_method_change(2022, 2025, [2022]) == []
    assert crosses_method_change(2017, 2021, [2022]) == []
