"""Message catalogues (Bahasa Indonesia first, English second) and number formatting.

Each module in i18n/messages/ holds one part of the UI as MESSAGES = {key: (indonesian, english)};
a page owns its own module, so pages can grow without touching each other's strings.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from functools import cache

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """Every message key with its (id, en) texts, merged from i18n/messages/*.py."""
    from i18n import messages

    merged: dict[str, tuple[str, str]] = {}
    for module_info in pkgutil.iter_modules(messages.__path__):
        module = importlib.import_module(f"i18n.messages.{module_info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise KeyError(f"message key {key!r} defined twice (i18n/messages/{module_info.name}.py)")
            merged[key] = texts
    return merged


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text of `key` in `lang`, with {placeholders} filled from `values`."""
    texts = catalogue()[key]
    text = texts[1] if lang == "en" else texts[0]
    return text.format(**values) if values else text


def rule_text(problem, lang: str = DEFAULT_LANGUAGE) -> str:
    """A broken framework rule (scoring.framework_rules.Rule) in `lang`; any other text as it is."""
    rule = getattr(problem, "key", None)
    if rule is None:
        return str(problem)
    texts = catalogue()[f"framework_rule.{rule}"]   # not t(): a rule's values may hold a "key"
    return (texts[1] if lang == "en" else texts[0]).format(**problem.values)


def format_number(value, lang: str = DEFAULT_LANGUAGE, digits: int = 2, signed: bool = False) -> str:
    """3.48 in English, 3,48 in Indonesian (thousands: 1,234.5 / 1.234,5); '–' for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    try:
        import pandas as pd

        if pd.isna(value):
            return "–"
    except (TypeError, ValueError):
        pass
    from scoring import round_score

    rounded = round_score(float(value), digits)
    sign = "+" if signed and rounded != 0 else ""  # a change that rounds to zero reads 0,00, not +0,00 or -0,00
    text = f"{rounded:{sign},.{digits}f}"
    if lang != "en":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_percent(share: float, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    return format_number(share * 100, lang, digits) + "%"


def format_date(iso: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """'2026-11-29T10:00:00+00:00' -> '29 Nov 2026' / '29 Nov 2026' (month names per language)."""
    if not iso:
        return "–"
    months = {
        "id": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
        "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    }
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    return f"{day} {months['en' if lang == 'en' else 'id'][month - 1]} {year}"
