import pytest

from scoring import FrameworkError, load_framework
from tests.conftest import FIXTURES


def test_tiny_framework_loads_with_shares_that_sum_to_one(tiny):
    table = tiny.indicator_table
    assert table.groupby("element")["element_share"].sum().tolist() == pytest.approx([1, 1, 1])
    assert table.groupby("dimension")["dimension_share"].sum().tolist() == pytest.approx([1, 1])
    assert table["index_share"].sum() == pytest.approx(1.0)


def test_extends_replaces_chain_weights_and_keeps_taxonomy(tiny):
    old = load_framework(FIXTURES / "tiny-2019.toml")
    assert old.id == "tiny-2019" and old.chain_weights["impact"] == 0.3
    assert [i.code for i in old.indicators] == [i.code for i in tiny.indicators]


def test_problems_are_all_listed(tmp_path):
    text = (FIXTURES / "tiny.toml").read_text()
    text = text.replace('chain = "impact"', 'chain = "effect"').replace("quick_win = 0.20",
                                                                       "quick_win = 0.25")
    text = text.replace('lower = 2.6', 'lower = 1.0')
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(FrameworkError) as error:
        load_framework(path)
    joined = " | ".join(error.value.problems)
    assert "sum to 1.05" in joined
    assert "chain 'effect'" in joined
    assert "rise strictly" in joined
    assert "no indicator of chain type 'impact'" in joined


def test_invalid_toml_is_reported(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("id = \n")
    with pytest.raises(FrameworkError, match="not valid TOML"):
        load_framework(path)


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_zero_and_negative_weights_are_refused_by_name(tmp_path):
    text = (FIXTURES / "tiny.toml").read_text()
    text = text.replace("weight = 2.0", "weight = 0.0", 1)                    # GOV.A.01
    text = text.replace('name_en = "Element A"\nweight = 1.0', 'name_en = "Element A"\nweight = 0.0')
    text = text.replace("quick_win = 0.20", "quick_win = -0.10").replace("outcome = 0.30", "outcome = 0.60")
    with pytest.raises(FrameworkError) as error:
        load_framework(_write(tmp_path, "bad.toml", text))
    joined = " | ".join(error.value.problems)
    assert "indicator GOV.A.01 has weight 0.0" in joined
    assert "element GOV.A has weight 0.0" in joined
    assert "quick_win = -0.1" in joined


def test_dimension_weights_are_refused_as_unused(tmp_path):
    text = (FIXTURES / "tiny.toml").read_text().replace(
        'name_en = "Smart Environment"\n', 'name_en = "Smart Environment"\nweight = 2.0\n')
    with pytest.raises(FrameworkError, match="dimension ENV has a 'weight', which nothing uses"):
        load_framework(_write(tmp_path, "bad.toml", text))


def test_overlapping_years_are_refused_naming_both_files(tmp_path):
    from store.catalog import frameworks

    folder = tmp_path / "framework"
    folder.mkdir()
    (folder / "tiny.toml").write_text((FIXTURES / "tiny.toml").read_text())
    overlap = (FIXTURES / "tiny.toml").read_text().replace('id = "tiny-2022"', 'id = "tiny-2024b"').replace(
        "years = [2022, 2023, 2024]", "years = [2024, 2025]")
    (folder / "tiny-2024b.toml").write_text(overlap)
    with pytest.raises(FrameworkError, match=r"tiny-2024b.toml and tiny.toml both cover year 2024|"
                                             r"tiny.toml and tiny-2024b.toml both cover year 2024"):
        frameworks(folder)


def test_exact_shares_are_the_written_decimals(tiny):
    from fractions import Fraction

    shares = tiny.exact_shares["index_share"]
    assert shares["ENV.A.03"] == Fraction(9, 40) and shares["GOV.A.02"] == Fraction(3, 40)
    assert sum(shares.values()) == 1


def test_level_text_says_what_the_level_requires_without_repeating_its_number():
    from scoring import load_framework
    from tests.conftest import REPO

    framework = load_framework(REPO / "data" / "framework" / "smartcity-2022.toml")
    for indicator in framework.indicators:
        for level in range(framework.max_level + 1):
            written = (indicator.levels_id[level], indicator.level_text(level, "id"))
            assert not written[1].startswith(f"{level}:") and written[0].endswith(written[1])


def test_the_scale_is_the_framework_s_and_nothing_lies_outside_it(tmp_path):
    """max_level is stated in the file; levels, bands and the national minimum target lie in 0..max_level."""
    text = (FIXTURES / "tiny.toml").read_text()
    assert load_framework(FIXTURES / "tiny.toml").max_level == 4
    missing = text.replace("max_level = 4  # levels 0-4, the published scale\n", "")
    with pytest.raises(FrameworkError, match="missing top-level key 'max_level'"):
        load_framework(_write(tmp_path, "no-max.toml", missing))
    six_levels = text.replace('levels_id = ["0", "1", "2", "3", "4"]', 'levels_id = ["0", "1", "2", "3", "4", "5"]', 1)
    band_above = text.replace("lower = 3.8", "lower = 4.2")
    target = text.replace("max_level = 4  #", "minimum_target_band = 6\nmax_level = 4  #")
    renumbered = text.replace('levels_en = ["0", "1", "2", "3", "4"]',
                              'levels_en = ["0: a", "1: b", "3: c", "4: d", "5: e"]', 1)
    for name, broken, expected in (
            ("six.toml", six_levels,
             "GOV.A.01 levels_id must list 5 descriptions (levels 0-4, max_level = 4); found 6"),
            ("band.toml", band_above, "band lower bounds must lie within 0-4 (max_level); found [4.2]"),
            ("target.toml", target, "minimum_target_band is 6; expected one of the band levels [1, 2, 3, 4, 5]"),
            ("numbers.toml", renumbered, "GOV.A.01 levels_en entry 2 is written for level 3; expected level 2")):
        with pytest.raises(FrameworkError) as error:
            load_framework(_write(tmp_path, name, broken))
        assert expected in " | ".join(error.value.problems), name
    # a five-level framework (0-5) is fine when it says so
    five = text.replace("max_level = 4", "max_level = 5").replace('"3", "4"]', '"3", "4", "5"]')
    assert load_framework(_write(tmp_path, "five.toml", five)).max_level == 5


def test_the_shipped_frameworks_are_on_the_published_0_to_4_scale():
    from tests.conftest import REPO

    for name in ("smartcity-2019.toml", "smartcity-2022.toml"):
        framework = load_framework(REPO / "data" / "framework" / name)
        assert framework.max_level == 4, name
        assert all(0 <= band.lower <= 4 for band in framework.bands)
        assert [band.name_id for band in framework.bands] == ["Kurang", "Cukup", "Baik", "Sangat Baik", "Memuaskan"]
        assert all(len(i.levels_id) == len(i.levels_en) == 5 for i in framework.indicators)


def test_the_shipped_level_descriptions_are_five_distinct_numbered_steps():
    """Each indicator's levels read 0..max_level in order, each its own step in both languages (no
    level repeated after the move from 0-5 to 0-4)."""
    from tests.conftest import REPO

    framework = load_framework(REPO / "data" / "framework" / "smartcity-2022.toml")
    for indicator in framework.indicators:
        for texts in (indicator.levels_id, indicator.levels_en):
            assert [text.split(":")[0] for text in texts] == [str(n) for n in range(framework.max_level + 1)]
            steps = [text.split(":", 1)[1].strip().lower() for text in texts]
            assert len(set(steps)) == len(steps), indicator.code
