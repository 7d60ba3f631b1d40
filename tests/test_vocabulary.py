"""One vocabulary, defined once: the index code, the stages, the compare limit and the localised name
maps of a framework each have one home; a stray copy fails here. A band is written by its name only
(Band.label): a band's order number composed before its name ("5 · Memuaskan", which reads as a level
5 on a 0–4 scale) has no home at all."""

import re

import pytest

from tests.conftest import REPO

CODE = [p for p in REPO.rglob("*.py")
        if p.relative_to(REPO).parts[0] not in ("tests", "node_modules", ".venv") and ".git" not in p.parts]

RULES = [
    ("the index code", re.compile(r"""["']ISC["']"""), {"scoring/vocabulary.py"}),
    ("the stages", re.compile(r"""[(\[]\s*["']I["'],\s*["']II["']\s*[)\]]"""), {"scoring/vocabulary.py"}),
    ("the compare limit", re.compile(r"MAX_REGIONS\s*=\s*\d"), {"views/compare.py"}),
    ("a band number before its name", re.compile(r"""\{[^{}]*(level|lv|\bb\b|band)[^{}]*\} · \{[^{}]*(name|band)"""),
     set()),
    ("a dimension name map", re.compile(r"\{d\.code: d\.name\("), {"scoring/framework_model.py"}),
    ("an element name map", re.compile(r"\{e\.code: e\.name\("), {"scoring/framework_model.py"}),
    ("a band name map", re.compile(r"\{b(and)?\.level: b(and)?\.name\("), {"scoring/framework_model.py"}),
]


@pytest.mark.parametrize(("what", "pattern", "homes"), RULES, ids=[rule[0] for rule in RULES])
def test_defined_only_at_home(what, pattern, homes):
    strays = [f"{path.relative_to(REPO)}:{number}" for path in CODE
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
              if pattern.search(line) and str(path.relative_to(REPO)) not in homes]
    assert strays == [], f"{what} is written outside {sorted(homes)}"


def test_the_homes_hold_them():
    from scoring import INDEX_CODE, STAGES
    from views.compare import MAX_REGIONS

    assert (INDEX_CODE, STAGES, MAX_REGIONS) == ("ISC", ("I", "II"), 8)
