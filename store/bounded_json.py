"""JSON (and zlib-packed JSON) read within bounds: size checked before reading, output capped while
inflating, nesting depth checked before parsing.

Python's json parser recurses once per nested list or object, so a file or link nested thousands of
levels deep raises RecursionError (not ValueError) and used to break every page that read it; zlib
inflates a few hundred kilobytes into gigabytes before any size check after it. Every JSON the
project reads from a file or a link goes through here:

- `read_json_file(path)`: a file in the data folder (scenarios, meeting notes, manifest, agendas,
  and registers or official results kept as JSON); its size is checked with stat before it is read.
- `loads_json(text)`: text already in memory (a form field, a decoded link).
- `inflate(data, max_bytes)`: zlib data inflated in small steps, refused past `max_bytes`.

Each refusal is a `JsonRefused` (a ValueError, so existing `except ValueError` still catches it)
whose `message(lang)` names the file and the limit in Indonesian or English.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

MAX_DEPTH = 32                 # our own files nest at most 4 levels; 32 leaves room and stays far from recursion
MAX_FILE_BYTES = 16 << 20      # a data-folder JSON file larger than this is not one of ours
INFLATE_STEP = 1 << 16         # bytes inflated per step (the most held beyond the cap)

# A JSON string (with escapes) or one bracket; brackets inside strings are skipped with their string.
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')

WORDS = {
    "too_deep": ("{name}: JSON bersarang lebih dari {limit} tingkat",
                 "{name}: JSON nested more than {limit} levels deep"),
    "too_large": ("{name}: {size} bait melebihi batas {limit} bait",
                  "{name}: {size} bytes, over the limit of {limit} bytes"),
    "not_json": ("{name}: bukan JSON yang sah ({detail})",
                 "{name}: not valid JSON ({detail})"),
    "damaged": ("{name}: data terkompresi rusak ({detail}).", "{name}: damaged compressed data ({detail})."),
}


class JsonRefused(ValueError):
    """JSON that is too large, too deep, damaged or not JSON. `code` is one of WORDS; `name` the file
    or link it came from."""

    def __init__(self, code: str, name: str = "", *, limit: int = 0, size: int = 0, detail: str = ""):
        self.code, self.name, self.limit, self.size, self.detail = code, name, limit, size, detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        """What is wrong, in Indonesian (default) or English."""
        return WORDS[self.code][1 if lang == "en" else 0].format(
            name=self.name or "JSON", limit=self.limit, size=self.size, detail=self.detail)


def nesting_depth_over(text: str, limit: int) -> bool:
    """True when lists/objects in `text` nest deeper than `limit` (stops at the first level too deep)."""
    depth = 0
    for token in _TOKENS.finditer(text):
        mark = token.group()
        if mark in "[{":
            depth += 1
            if depth > limit:
                return True
        elif mark in "]}":
            depth -= 1
    return False


def loads_json(text: str, *, name: str = "", max_depth: int = MAX_DEPTH):
    """`json.loads(text)` after checking its nesting; JsonRefused (too_deep, not_json) otherwise."""
    if nesting_depth_over(text, max_depth):
        raise JsonRefused("too_deep", name, limit=max_depth)
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise JsonRefused("not_json", name, detail=str(error)[:120]) from None


def read_json_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES, max_depth: int = MAX_DEPTH):
    """The JSON in `path`, its size checked before it is read. Raises JsonRefused (too_large,
    too_deep, not_json) or OSError (missing, unreadable)."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise JsonRefused("too_large", path.name, limit=max_bytes, size=size)
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:   # grew between stat and read
        raise JsonRefused("too_large", path.name, limit=max_bytes, size=len(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JsonRefused("not_json", path.name, detail=str(error)[:120]) from None
    return loads_json(text, name=path.name, max_depth=max_depth)


def inflate(data: bytes, max_bytes: int, *, name: str = "") -> bytes:
    """zlib `data` inflated INFLATE_STEP bytes at a time; JsonRefused("too_large") as soon as the output
    passes `max_bytes` (so a bomb costs at most max_bytes + INFLATE_STEP), "damaged" when the stream
    is not zlib or ends early."""
    inflater = zlib.decompressobj()
    parts, total = [], 0
    pending = data
    try:
        while not inflater.eof:
            chunk = inflater.decompress(pending, INFLATE_STEP)
            total += len(chunk)
            if total > max_bytes:
                raise JsonRefused("too_large", name, limit=max_bytes, size=total)
            parts.append(chunk)
            pending = inflater.unconsumed_tail
            if not pending and len(chunk) < INFLATE_STEP:   # input used up and nothing held back
                break
    except zlib.error as error:
        raise JsonRefused("damaged", name, detail=str(error)) from None
    if not inflater.eof:
        raise JsonRefused("damaged", name, detail="incomplete")
    return b"".join(parts)
