import pytest

from scoring import band_for, round_score


@pytest.mark.parametrize(("score", "level"), [
    (0.0, 1), (1.79, 1), (1.8, 2), (2.5999999999999996, 3), (2.6, 3), (3.49, 3), (3.5, 4),
    (3.79, 4), (3.8, 5), (4.0, 5),
])
def test_band_for_reaches_lower_bounds(tiny, score, level):
    assert band_for(score, tiny).level == level


def test_band_names_and_lower(tiny):
    band = band_for(3.6, tiny)
    assert (band.name_id, band.name_en, band.lower) == ("Terpadu dan Terukur",
                                                         "Integrated and Measured", 3.5)



def test_a_band_is_written_by_its_name_only(tiny):
    """'Terpadu dan Terukur', never '4 · Terpadu dan Terukur': a band's order number is not a level."""
    band = band_for(3.6, tiny)
    assert (band.label("id"), band.label("en")) == ("Terpadu dan Terukur", "Integrated and Measured")
    assert tiny.band_labels("en") == {b.level: b.name_en for b in tiny.bands}


@pytest.mark.parametrize(("value", "digits", "expected"), [
    (2.675, 2, 2.68), (3.485, 2, 3.49), (1.005, 2, 1.01), (2.5, 0, 3.0), (3.4849, 2, 3.48),
    (0.125, 2, 0.13), (4.0, 2, 4.0),
])
def test_round_score_is_half_up(value, digits, expected):
    assert round_score(value, digits) == expected


def test_round_score_keeps_nan():
    value = round_score(float("nan"))
    assert value != value
