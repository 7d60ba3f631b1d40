"""A meeting agenda: a sequence of views with their selections, frozen to the snapshots it was
made with, so the numbers shown in the room do not change when new data arrives.

An agenda travels as a URL token (compact JSON, zlib, URL-safe base64) or as a JSON file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zlib
from dataclasses import asdict, dataclass, field

from scoring import STAGES
from store.bounded_json import JsonRefused, inflate, loads_json

MAX_AGENDA_BYTES = 1 << 20   # an agenda's JSON, inflated; a link is refused as soon as it passes this
VIEWS = ("overview", "region", "compare", "gaps", "trends", "claims", "plan", "scenario")
LANGUAGES = ("id", "en")


class AgendaError(ValueError):
    """A token or file that is not a valid agenda."""


@dataclass(frozen=True)
class AgendaItem:
    """One slide-sized view: `view` is a page name, `params` its selections (as in the page URL:
    region, regions (comma-separated), peers, province, kind, dimension, ...)."""

    view: str
    params: dict[str, str] = field(default_factory=dict)
    title: str = ""


@dataclass(frozen=True)
class Agenda:
    title: str
    year: int
    stage: str
    lang: str
    snapshot_ids: tuple[str, ...]
    items: tuple[AgendaItem, ...]

    @property
    def id(self) -> str:
        """A stable id from the content (same agenda, same id)."""
        return hashlib.sha256(to_json(self).encode("utf-8")).hexdigest()[:16]


def _check(agenda: Agenda) -> Agenda:
    problems = []
    if agenda.stage not in STAGES:
        problems.append(f"stage {agenda.stage!r} is not one of {STAGES}")
    if agenda.lang not in LANGUAGES:
        problems.append(f"lang {agenda.lang!r} is not one of {LANGUAGES}")
    for number, item in enumerate(agenda.items, start=1):
        if item.view not in VIEWS:
            problems.append(f"item {number}: view {item.view!r} is not one of {VIEWS}")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in item.params.items()):
            problems.append(f"item {number}: params must map text to text")
    if problems:
        raise AgendaError("; ".join(problems))
    return agenda


def to_json(agenda: Agenda) -> str:
    payload = asdict(agenda)
    payload["snapshot_ids"] = list(agenda.snapshot_ids)
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def from_json(text: str) -> Agenda:
    try:
        payload = loads_json(text, name="agenda")
        items = tuple(AgendaItem(view=i["view"], params={str(k): str(v) for k, v in i.get("params", {}).items()},
                                 title=str(i.get("title", ""))) for i in payload["items"])
        agenda = Agenda(title=str(payload["title"]), year=int(payload["year"]), stage=str(payload["stage"]),
                        lang=str(payload["lang"]), snapshot_ids=tuple(str(s) for s in payload["snapshot_ids"]),
                        items=items)
    except JsonRefused as refused:
        raise AgendaError(f"not an agenda: {refused.message('en')}") from None
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise AgendaError(f"not an agenda: {error}") from None
    return _check(agenda)


def encode(agenda: Agenda) -> str:
    """The agenda as a URL-safe token (for ?agenda=...)."""
    packed = zlib.compress(to_json(_check(agenda)).encode("utf-8"), 9)
    return base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def decode(token: str) -> Agenda:
    """The agenda in a token; AgendaError when it is damaged or not an agenda."""
    try:
        padded = token + "=" * (-len(token) % 4)
        packed = base64.urlsafe_b64decode(padded.encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError) as error:
        raise AgendaError(f"damaged agenda link: {error}") from None
    try:   # inflated in steps and refused past the cap: a small link cannot unpack into gigabytes
        text = inflate(packed, MAX_AGENDA_BYTES, name="agenda link")
    except JsonRefused as refused:
        code = "agenda too large" if refused.code == "too_large" else "damaged agenda link"
        raise AgendaError(f"{code}: {refused.message('en')}") from None
    return from_json(text.decode("utf-8", errors="replace"))
