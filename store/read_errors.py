"""Why a file could not be parsed, in words: the parser's exception becomes a reason a planner can act
on ("the XML inside the XLSX file is broken", "it holds XML entity declarations, refused for
safety"), never a bare class name such as EntitiesForbidden, ValueError or Error.

`unreadable(name, error)` is the Problem every reader reports when its parser fails; the reason's
words in both languages are `problems.UNREADABLE_REASONS`.
"""

from __future__ import annotations

import csv
import zipfile
from xml.etree.ElementTree import ParseError

from store.problems import Problem

DETAIL_CHARS = 120


def reason_of(error: BaseException) -> str:
    """The key in problems.UNREADABLE_REASONS that says why `error` stopped the parser."""
    kind = type(error).__name__
    if kind in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden", "NotSupportedError"):
        return "entities"    # defusedxml refusing a DTD, entity or external reference
    if isinstance(error, ParseError) or kind in ("XMLSyntaxError", "SAXParseException", "ExpatError"):
        return "xml"
    if isinstance(error, zipfile.BadZipFile | EOFError):
        return "zip"
    if isinstance(error, KeyError):   # a part the workbook names is not in the zip
        return "part_missing"
    if isinstance(error, UnicodeError):
        return "encoding"
    if isinstance(error, csv.Error):
        return "csv"
    return "content"


def detail_of(error: BaseException) -> str:
    """The parser's own words, cut short (empty when it said nothing but its class name)."""
    text = " ".join(str(error).split())
    if text.startswith(type(error).__name__):   # defusedxml's repr-like text says no more than the reason
        return ""
    return text[:DETAIL_CHARS]


def unreadable(name: str, error: BaseException, expected: str) -> Problem:
    """The `unreadable` Problem for a parser failure: its value is "<reason>\\t<detail>", worded by
    Problem.message in the user's language."""
    return Problem("unreadable", file=name, value=f"{reason_of(error)}\t{detail_of(error)}", expected=expected)
