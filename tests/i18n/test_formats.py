"""Number, percent and date formats in both languages: what a reader sees on every page and export.

Expected strings are written out by hand (a spreadsheet's half-up rounding, Indonesian decimal comma
and dot thousands), never computed with the code under test.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from i18n import format_date, format_number, format_percent


@pytest.mark.parametrize(("value", "en", "id_"), [
    (2.665, "2.67", "2,67"),     # half-even would give 2.66
    (0.125, "0.13", "0,13"),     # exact in binary; Python's round() gives 0.12
    (3.475, "3.48", "3,48"),
    (3.4749999999999996, "3.48", "3,48"),   # float noise of 3.475 reads as 3.475
    (1.005, "1.01", "1,01"),     # stored as 1.00499999999999989…; a spreadsheet shows 1.01
    (2.675, "2.68", "2,68"),
    (-2.675, "-2.68", "-2,68"),  # half away from zero for negatives too
    (-0.005, "-0.01", "-0,01"),
    (3.0, "3.00", "3,00"),
])
def test_two_digits_round_half_up(value, en, id_):
    assert format_number(value, "en") == en
    assert format_number(value, "id") == id_


def test_indonesian_is_the_default_language():
    assert format_number(2.665) == "2,67"
    assert format_percent(0.5) == "50%"
    assert format_date("2025-08-17") == "17 Agu 2025"


@pytest.mark.parametrize(("value", "digits", "en", "id_"), [
    (1234.5, 1, "1,234.5", "1.234,5"),
    (1234567.891, 2, "1,234,567.89", "1.234.567,89"),
    (999.995, 2, "1,000.00", "1.000,00"),   # rounding carries into the thousands
    (0.5, 0, "1", "1"),                     # half up with no decimals (round() gives 0)
    (2.5, 0, "3", "3"),                     # and 2 with round()
    (3.14159, 3, "3.142", "3,142"),
    (12.0, 0, "12", "12"),
])
def test_decimal_comma_and_thousands_dot_in_indonesian(value, digits, en, id_):
    assert format_number(value, "en", digits) == en
    assert format_number(value, "id", digits) == id_


@pytest.mark.parametrize("value", [-0.004, -0.0049, 0.004, -0.0, 0.0, -1e-12])
def test_a_value_that_rounds_to_zero_reads_plain_zero(value):
    for signed in (False, True):
        assert format_number(value, "en", signed=signed) == "0.00"
        assert format_number(value, "id", signed=signed) == "0,00"
    assert format_number(value, "id", 1, signed=True) == "0,0"


@pytest.mark.parametrize(("value", "en", "id_"), [
    (0.5, "+0.50", "+0,50"),
    (0.005, "+0.01", "+0,01"),
    (-1.5, "-1.50", "-1,50"),
    (-0.005, "-0.01", "-0,01"),
    (1234.5, "+1,234.50", "+1.234,50"),
    (-1234.5, "-1,234.50", "-1.234,50"),
])
def test_signed_changes_carry_plus_or_hyphen_minus(value, en, id_):
    """The code writes an ASCII hyphen-minus (U+002D), not the typographic minus (U+2212):
    CSV and XLSX readers parse it back as a number."""
    assert format_number(value, "en", signed=True) == en
    assert format_number(value, "id", signed=True) == id_
    assert "\u2212" not in format_number(value, "id", signed=True)


def test_unsigned_positive_has_no_plus():
    assert format_number(0.5, "en") == "0.50"
    assert format_number(-0.5, "en") == "-0.50"


@pytest.mark.parametrize("missing", [None, float("nan"), math.nan, pd.NA, pd.NaT])
def test_missing_values_read_as_a_dash(missing):
    assert format_number(missing, "en") == "–"
    assert format_number(missing, "id", signed=True) == "–"


def test_numpy_and_integer_inputs():
    import numpy as np

    assert format_number(np.float64(2.665), "en") == "2.67"
    assert format_number(np.int64(3), "id") == "3,00"
    assert format_number(7, "en", 0) == "7"


@pytest.mark.parametrize(("share", "digits", "en", "id_"), [
    (0.5, 0, "50%", "50%"),
    (0.125, 0, "13%", "13%"),       # 12.5 half up
    (0.1234, 1, "12.3%", "12,3%"),
    (0.0, 1, "0.0%", "0,0%"),
    (1.0, 0, "100%", "100%"),
    (12.3456, 2, "1,234.56%", "1.234,56%"),
])
def test_format_percent(share, digits, en, id_):
    assert format_percent(share, "en", digits) == en
    assert format_percent(share, "id", digits) == id_


@pytest.mark.parametrize(("iso", "en", "id_"), [
    ("2026-11-29T10:00:00+00:00", "29 Nov 2026", "29 Nov 2026"),
    ("2026-05-03", "3 May 2026", "3 Mei 2026"),
    ("2025-08-17", "17 Aug 2025", "17 Agu 2025"),
    ("2024-10-01", "1 Oct 2024", "1 Okt 2024"),
    ("2024-12-31", "31 Dec 2024", "31 Des 2024"),
    ("2023-01-09", "9 Jan 2023", "9 Jan 2023"),
])
def test_format_date_month_names_per_language(iso, en, id_):
    assert format_date(iso, "en") == en
    assert format_date(iso, "id") == id_


def test_format_date_of_nothing_is_a_dash():
    assert format_date("", "en") == "–"
    assert format_date(None, "id") == "–"


def test_every_month_has_its_own_name():
    for lang in ("id", "en"):
        names = [format_date(f"2024-{month:02d}-15", lang).split()[1] for month in range(1, 13)]
        assert len(set(names)) == 12, lang
