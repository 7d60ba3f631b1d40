"""Every problem the store can raise has an Indonesian and an English text."""

import re

import pytest

from store.problems import TEMPLATES, Problem
from tests.conftest import REPO


def raised_codes():
    source = "\n".join(p.read_text() for p in (REPO / "store").glob("*.py"))
    return set(re.findall(r'Problem\(\s*"(\w+)"', source)) | set(re.findall(r'problem\(\s*"(\w+)"', source))


def test_every_raised_code_has_a_template():
    codes = raised_codes()
    assert len(codes) > 15 and codes <= set(TEMPLATES)


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_each_template_words_the_facts_in_both_languages(code):
    problem = Problem(code, file="f.csv", sheet="data", row=7, column="level", value="VALUE", expected="EXPECTED",
                      suggestion="SUGGESTED")
    indonesian, english = problem.describe("id"), problem.describe("en")
    assert indonesian != english
    assert indonesian.startswith("f.csv, lembar data, baris 7, kolom level: ")
    assert english.startswith("f.csv, sheet data, row 7, column level: ")
    assert "SUGGESTED" in english and "Mungkin maksud Anda" in indonesian
    for text in (indonesian, english):
        assert "{" not in text


@pytest.mark.parametrize(("text", "level"), [("3", 3), ("3.0", 3), ("3,0", 3), ("５", None), ("٣", None),
                                             ("3.5", None), ("4", 4), ("5", None), ("6", None), ("-0", 0),
                                             ("nan", None)])
def test_levels_are_ascii_whole_numbers_0_to_the_top_level(text, level):
    from store.validate import level_value

    assert level_value(text, 4) == level   # a framework with max_level 4: levels 0-4


def test_indonesian_excel_csv_keeps_numbers_and_guards_formulas():
    import pandas as pd

    from store.exports import csv_bytes

    frame = pd.DataFrame({"name": ["=HYPERLINK(1)", "Kota; Malang"], "index": [3.475, -0.05], "rank": [1, 2]})
    text = csv_bytes(frame, "excel_id").decode("utf-8-sig")
    assert text.splitlines() == ["sep=;", "name;index;rank", "'=HYPERLINK(1);3,475;1", '"Kota; Malang";-0,05;2']
    assert csv_bytes(frame).decode("utf-8-sig").splitlines()[1:] == ["'=HYPERLINK(1),3.475,1", "Kota; Malang,-0.05,2"]


def test_a_refusal_crosses_a_process_boundary_whole():
    """A refusal raised in a worker process (the bounded parser, a benchmark's pool) arrives with its
    problems, not as an error about pickling."""
    import pickle

    from store.problems import IngestRefused

    problem = Problem("bad_level", file="bench.csv", row=6, column="indicators", value="GOV.LP.05=5",
                      expected="4")
    arrived = pickle.loads(pickle.dumps(IngestRefused([problem])))
    assert isinstance(arrived, IngestRefused)
    assert arrived.problems == [problem]
    assert str(arrived) == problem.describe("en")
