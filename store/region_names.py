"""Regions named as a letter or a newspaper writes them: "Kota Kediri", "Kab. Kediri", "Kabupaten
Batang Hari", "Batanghari", or a Kemendagri code ("35.71").

Names are compared without case, dots, spaces or hyphens, with "Kab."/"Kab"/"Kabupaten" read as one
prefix and "Kota" (also "Kota Administrasi") as the other. A name with its prefix matches that kind
only; a bare name matches every region of that name, so "Kediri" (a kota and a kabupaten) is
ambiguous and is answered with its candidates rather than a guess.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import pandas as pd

from store.validate import region_lookup, resolve_region

PREFIXES = (("kabupaten administrasi", "kabupaten"), ("kota administrasi", "kota"), ("kabupaten", "kabupaten"),
            ("kab.", "kabupaten"), ("kab ", "kabupaten"), ("kotamadya", "kota"), ("kota ", "kota"))


def _split(name: str) -> tuple[str, str]:
    """(kind or '', squeezed bare name): 'Kab. Batang Hari' -> ('kabupaten', 'batanghari')."""
    text = re.sub(r"\s+", " ", name.strip().lower())
    kind = ""
    for prefix, meaning in PREFIXES:
        if text.startswith(prefix):
            kind, text = meaning, text[len(prefix):]
            break
    return kind, re.sub(r"[\s.\-'’]+", "", text)


@dataclass(frozen=True)
class RegionMatch:
    code: str | None            # the region, when exactly one matches
    candidates: tuple[str, ...]  # names of the regions a name could mean (ambiguous) or is close to (unknown)
    ambiguous: bool = False      # the name fits several regions exactly (candidates lists them)


class RegionNames:
    """Matches region text against the reference list (code, name, kind)."""

    def __init__(self, regions: pd.DataFrame):
        self._codes = region_lookup(regions)
        self._names = dict(zip(regions["code"], regions["name"], strict=True))
        self._full: dict[tuple[str, str], list[str]] = {}
        self._bare: dict[str, list[str]] = {}
        for code, name in self._names.items():
            kind, bare = _split(name)
            self._full.setdefault((kind, bare), []).append(code)
            self._bare.setdefault(bare, []).append(code)

    def name(self, code: str) -> str:
        return self._names.get(code, "")

    def match(self, text: str) -> RegionMatch:
        """The region `text` names, or its candidates (every region it could mean, or the closest names)."""
        code = resolve_region(text, self._codes)
        if code is not None:
            return RegionMatch(code, ())
        kind, bare = _split(text)
        found = self._full.get((kind, bare), []) if kind else self._bare.get(bare, [])
        if len(found) == 1:
            return RegionMatch(found[0], ())
        if found:
            return RegionMatch(None, tuple(f"{self._names[c]} ({c})" for c in sorted(found)), ambiguous=True)
        close = difflib.get_close_matches(text.strip(), list(self._names.values()), n=3, cutoff=0.6)
        return RegionMatch(None, tuple(close))
