"""The scale belongs to the framework: no code outside a framework file writes a scale of its own.

Levels run 0..max_level of the framework (4 on the published scale), so a literal 5 (or 5.0, 5.9)
used as a level, a score bound or an axis end is a second, silent scale. The check reads every module
of the layers that draw or compute scores (AST, not text, so "top 5 movers" in a comment is fine)
and flags a 5 where a scale is meant:

- an axis or colour range: a list/tuple starting at 0 and ending at 5 (`range=[0, 5]`, `(0, 5)`),
  or a keyword argument zmax/max_value/cmax/range_max = 5;
- min(5, ...) or max(5, ...) (a cap or floor at level 5);
- a comparison of something named level, score, index or target with 5;
- `5 - x` where x is named level.
The message catalogue may not say "0–5" or "level 5" either."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from i18n import catalogue

REPO = Path(__file__).resolve().parent.parent
LAYERS = ("charts", "views", "reports", "components", "sections", "pages", "scoring", "store")
SCALE_WORDS = re.compile(r"level|score|index|target|top", re.I)
RANGE_KEYWORDS = {"zmax", "max_value", "cmax", "range_max"}


def _is_five(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and not isinstance(node.value, bool) and node.value in (5, 5.0, 5.9)


def _names(node: ast.AST) -> str:
    return " ".join(n.id if isinstance(n, ast.Name) else n.attr if isinstance(n, ast.Attribute)
                    else str(n.value) if isinstance(n, ast.Constant) and isinstance(n.value, str) else ""
                    for n in ast.walk(node))


def scale_literals(source: str) -> list[tuple[int, str]]:
    """(line, why) for every 5 used as a scale in `source`."""
    found = []
    tree = ast.parse(source)
    unpacked = {id(node.value) for node in ast.walk(tree)   # `A, B = 0, 5` names two things, not a range
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple)}
    for node in ast.walk(tree):
        if isinstance(node, ast.List | ast.Tuple) and id(node) not in unpacked and len(node.elts) == 2 \
                and _is_five(node.elts[1]) \
                and isinstance(node.elts[0], ast.Constant) and node.elts[0].value == 0:
            found.append((node.lineno, "a 0-5 range"))
        elif isinstance(node, ast.keyword) and node.arg in RANGE_KEYWORDS and _is_five(node.value):
            found.append((node.value.lineno, f"{node.arg}=5"))
        elif isinstance(node, ast.Compare) and any(_is_five(c) for c in [node.left, *node.comparators]) \
                and SCALE_WORDS.search(_names(node)):
            found.append((node.lineno, "a comparison with 5"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("min", "max") \
                and any(_is_five(a) for a in node.args):
            found.append((node.lineno, f"{node.func.id}(5, ...)"))
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and _is_five(node.left) \
                and SCALE_WORDS.search(_names(node.right)):
            found.append((node.lineno, "5 - level"))
    return found


def test_no_module_writes_a_scale_of_its_own():
    offenders = [f"{path.relative_to(REPO)}:{line}: {why}"
                 for layer in LAYERS for path in sorted((REPO / layer).rglob("*.py"))
                 for line, why in scale_literals(path.read_text(encoding="utf-8"))]
    assert offenders == [], "levels and axes follow Framework.max_level:\n" + "\n".join(offenders)


def test_the_check_finds_what_it_guards_against():
    cases = {"figure.update_yaxes(range=[0, 5])": "a 0-5 range", "go.Heatmap(zmin=0, zmax=5)": "zmax=5",
             "ok = level <= 5": "a comparison with 5", "x = min(5, current[code] + 1)": "min(5, ...)",
             "gain = share * (5 - effective_level)": "5 - level", "value_range=(0, 5.0)": "a 0-5 range"}
    for source, why in cases.items():
        assert [w for _, w in scale_literals(source)] == [why], source
    assert scale_literals("movers(ranking, count=5)\nwidth = 0.5\ncolumns = st.columns(5)\nA, B = 0, 5") == []


def test_the_messages_name_no_scale_of_their_own():
    said = [f"{key}: {text}" for key, texts in catalogue().items() for text in texts
            if re.search(r"0\s*[–-]\s*5\b|level 5\b|skala 5\b", text)]
    assert said == []
