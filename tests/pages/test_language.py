"""The language switch covers every label, chart title, axis, legend and table header: a page in
English shows no Indonesian UI string, and a page in Indonesian no English one."""

import ast
import json
import re
from pathlib import Path

import pytest

from i18n import catalogue
from scoring import load_framework
from tests.conftest import REPO
from tests.pages.conftest import PAGES, open_page

PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _fragments(text: str) -> list[str]:
    return [part.strip(" .,:;()–-·\n") for part in PLACEHOLDER.split(text)]


def language_only_strings(lang: str) -> set[str]:
    """UI strings of `lang` that the other language never uses (catalogue and framework texts)."""
    index = 0 if lang == "id" else 1
    pairs = list(catalogue().values())
    framework = load_framework(REPO / "data" / "framework" / "smartcity-2022.toml")
    for item in (*framework.dimensions, *framework.elements, *framework.indicators, *framework.bands):
        pairs.append((item.name_id, item.name_en))
    other_texts = " ".join(pair[1 - index] for pair in pairs).lower()
    strings = set()
    for pair in pairs:
        for fragment in _fragments(pair[index]):
            if len(fragment) >= 6 and fragment.lower() not in other_texts:
                strings.add(fragment)
    return strings


def _chart_texts(spec: dict) -> list[str]:
    layout = spec.get("layout", {})
    texts = [layout.get("title", {}).get("text", "")]
    texts += [a.get("text", "") for a in layout.get("annotations", [])]
    for axis in ("xaxis", "yaxis"):
        texts.append(str(layout.get(axis, {}).get("title", {}).get("text", "")))
    for trace in spec.get("data", []):
        texts.append(str(trace.get("name", "")))
        for key in ("x", "y", "theta"):
            values = trace.get(key)
            if isinstance(values, list):
                texts += [v for v in values if isinstance(v, str)]
    return texts


def visible_texts(app) -> list[str]:
    texts = []

    def walk(node):
        for attribute in ("value", "label", "body"):
            value = getattr(node, attribute, None)
            if isinstance(value, str):
                texts.append(value)
        options = getattr(node, "options", None)
        if isinstance(options, list):
            texts.extend(str(o) for o in options[:40])
        if type(node).__name__ == "Dataframe":
            texts.extend(str(c) for c in node.value.columns)
        if type(node).__name__ == "UnknownElement" and getattr(node, "type", "") == "plotly_chart":
            texts.extend(_chart_texts(json.loads(node.proto.spec)))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app.main)
    walk(app.sidebar)
    texts.extend(t for chart in app.get("plotly_chart") for t in _chart_texts(json.loads(chart.proto.spec)))
    return texts


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("page", PAGES)
def test_page_shows_only_its_language(data_dir, page, lang):
    app = open_page(page, lang=lang, region="35.09")
    assert not app.exception
    foreign = language_only_strings("id" if lang == "en" else "en")
    shown = "\n".join(visible_texts(app))
    # Agency names (Dinas Kesehatan, Dinas Pariwisata) are proper names, the same in both languages.
    framework = load_framework(REPO / "data" / "framework" / "smartcity-2022.toml")
    for owner in sorted({i.owner_opd for i in framework.indicators}, key=len, reverse=True):
        shown = shown.replace(owner, "")
    found = sorted(s for s in foreign if s in shown)
    assert not found, f"{page} in {lang} shows strings of the other language: {found[:10]}"


def test_every_message_key_used_exists_in_the_catalogue():
    keys = catalogue()
    used = set()
    for path in [*Path(REPO, "pages").glob("*.py"), *Path(REPO, "components").glob("*.py"),
                 *Path(REPO, "sections").rglob("*.py"), REPO / "app.py"]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                if name == "t" and isinstance(node.args[0].value, str):
                    used.add(node.args[0].value)
    missing = sorted(k for k in used if k not in keys)
    assert not missing, f"message keys used but not defined: {missing}"
    assert len(used) > 100


def test_every_message_has_both_languages():
    empty = [key for key, (indonesian, english) in catalogue().items() if not indonesian or not english]
    assert not empty
    placeholders = [key for key, (indonesian, english) in catalogue().items()
                    if set(PLACEHOLDER.findall(indonesian)) != set(PLACEHOLDER.findall(english))]
    assert not placeholders, f"placeholders differ between languages: {placeholders}"
