"""The Indonesian glossary (i18n/glossary.py, explained in docs/glossary.md) holds: no ruled-out word in the
Indonesian side of any message, upload problem or framework `*_id` text; each concept named one way;
navigation labels are nouns in sentence case; the doc names every entry."""

from __future__ import annotations

import re
import tomllib

import pytest

from i18n import catalogue
from i18n.glossary import ENTRIES, NAV_PREFIX, NAV_VERB
from store import atomic, bounded_json, problems, programme_template, templates
from tests.conftest import REPO


def message_texts() -> dict[str, str]:
    """Every Indonesian UI text by key: the catalogue, the upload problems', the templates' instructions and
    the data folder's own messages."""
    texts = {key: pair[0] for key, pair in catalogue().items()}
    texts.update({f"problems.{key}": pair[0] for key, pair in problems.TEMPLATES.items()})
    texts.update({f"problems.unreadable.{key}": pair[0] for key, pair in problems.UNREADABLE_REASONS.items()})
    texts.update({f"atomic.{key}": pair[0] for key, pair in atomic.UNAVAILABLE.items()})
    texts.update({f"bounded_json.{key}": pair[0] for key, pair in bounded_json.WORDS.items()})
    texts.update({f"templates.instructions[{n}]": pair[0] for n, pair in enumerate(templates.INSTRUCTIONS)})
    texts.update({f"programme_template.instructions[{n}]": pair[0]
                  for n, pair in enumerate(programme_template.INSTRUCTIONS)})
    return texts


def framework_texts() -> dict[str, str]:
    """Every `*_id` string of data/framework/*.toml, keyed by file and path."""
    found: dict[str, str] = {}

    def walk(node, where: str, name: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{where}.{key}", key)
        elif isinstance(node, list):
            for number, value in enumerate(node):
                walk(value, f"{where}[{number}]", name)
        elif isinstance(node, str) and name.endswith("_id"):
            found[where] = node

    for path in sorted((REPO / "data" / "framework").glob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")), path.name, "")
    return found


def offences(entry, texts: dict[str, str]) -> list[str]:
    return [f"{key}: {match.group(0)!r} in …{text[max(0, match.start() - 30):match.end() + 30]}…"
            for key, text in texts.items() if not any(key.endswith(allowed) for allowed in entry.keys)
            for pattern in entry.patterns for match in re.finditer(pattern, text)]


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.use for entry in ENTRIES])
def test_no_ruled_out_word_in_the_indonesian_messages(entry):
    assert offences(entry, message_texts()) == [], f"write {entry.use!r}, not {entry.avoid}"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.scope == "all"], ids=lambda entry: entry.use)
def test_no_ruled_out_word_in_the_framework_texts(entry):
    texts = framework_texts()
    assert len(texts) > 100, "the framework files have their Indonesian texts"
    assert offences(entry, texts) == [], f"write {entry.use!r}, not {entry.avoid}"


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.concept], ids=lambda entry: entry.use)
def test_a_concept_is_named_one_way(entry):
    """The chosen word is in use and no other name is: a concept named two ways fails one of the two."""
    texts = message_texts()
    assert any(entry.use.lower() in text.lower() for text in texts.values()), f"{entry.use!r} is not in use"
    assert offences(entry, texts) == [], f"{entry.use!r} is also named {entry.avoid}"


def test_navigation_labels_are_nouns_in_sentence_case():
    labels = {key: text for key, text in message_texts().items() if key.startswith(NAV_PREFIX)}
    assert len(labels) >= 8
    verbs = [text for text in labels.values() if re.search(NAV_VERB, text)]
    capitals = [text for text in labels.values() if any(word[:1].isupper() for word in text.split()[1:])]
    assert (verbs, capitals) == ([], [])


def test_the_glossary_doc_names_every_entry():
    doc = (REPO / "docs" / "glossary.md").read_text(encoding="utf-8")
    missing = [word for entry in ENTRIES for word in (entry.use, *entry.avoid) if f"`{word}`" not in doc]
    assert missing == [], "docs/glossary.md mirrors i18n/glossary.py"


@pytest.mark.parametrize(("text", "ruled_out"), [
    ("Profil wilayah", True), ("Kode wilayah", False), ("kode_wilayah", False), ("bukti terverifikasi", True),
    ("bukti dukung terverifikasi", False), ("Klaim tahap II", True), ("Klaim Tahap II", False),
    ("quick win", True), ("Quick Win", False), ("python -m store log", False), ("versi store ini", True),
    ("program masterplan", True), ("Masterplan Smart City", False),
])
def test_the_patterns_find_what_they_mean(text, ruled_out):
    """The patterns themselves, on small cases: a pattern that never matches would pass everything."""
    found = any(re.search(pattern, text) for entry in ENTRIES for pattern in entry.patterns)
    assert found is ruled_out
