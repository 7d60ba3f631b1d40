"""The message catalogue: t() fills placeholders, refuses unknown keys, and two modules may not
define the same key."""

from __future__ import annotations

import string
import sys

import pytest

import i18n
from i18n import LANGUAGES, catalogue, t


def test_t_picks_the_language_and_fills_placeholders():
    assert t("sidebar.stage_option", "id", stage="II") == "Tahap II"
    assert t("sidebar.stage_option", "en", stage="II") == "Stage II"
    assert t("empty.no_year_stage", "en", year=2031, stage="I") == "No data for 2031 stage I."
    assert t("empty.no_year_stage", "id", year=2031, stage="I") == "Tidak ada data untuk tahun 2031 Tahap I."


def test_t_defaults_to_indonesian_and_unknown_languages_read_indonesian():
    assert t("nav.trends") == "Tren"
    assert t("nav.trends", "en") == "Trends"
    assert t("nav.trends", "fr") == "Tren"


def test_t_without_values_leaves_the_text_as_written():
    assert t("sidebar.stage_option", "en") == "Stage {stage}"


def test_a_missing_key_raises_key_error():
    with pytest.raises(KeyError):
        t("no.such.key", "en")
    with pytest.raises(KeyError):
        t("no.such.key")


def test_a_missing_placeholder_value_raises_key_error():
    with pytest.raises(KeyError):
        t("empty.no_year_stage", "en", year=2024)


def test_every_message_has_both_languages_with_the_same_placeholders():
    formatter = string.Formatter()

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in formatter.parse(text) if name is not None}

    assert LANGUAGES == ("id", "en")
    for key, texts in catalogue().items():
        assert isinstance(texts, tuple) and len(texts) == 2, key
        indonesian, english = texts
        assert indonesian and english, key
        assert fields(indonesian) == fields(english), key


@pytest.fixture
def duplicate_messages(tmp_path, monkeypatch):
    """A messages package of two modules that both define the key 'dup.key'."""
    from i18n import messages

    (tmp_path / "aaa_first.py").write_text('MESSAGES = {"dup.key": ("satu", "one")}\n')
    (tmp_path / "bbb_second.py").write_text('MESSAGES = {"dup.key": ("dua", "two")}\n')
    monkeypatch.setattr(messages, "__path__", [str(tmp_path)])
    catalogue.cache_clear()
    yield
    catalogue.cache_clear()
    for name in ("i18n.messages.aaa_first", "i18n.messages.bbb_second"):
        sys.modules.pop(name, None)


def test_the_catalogue_refuses_a_key_defined_twice(duplicate_messages):
    with pytest.raises(KeyError, match=r"dup\.key.*defined twice.*bbb_second"):
        i18n.catalogue()


def test_the_real_catalogue_loads_after_the_duplicate_check():
    catalogue.cache_clear()
    assert "nav.overview" in catalogue()
