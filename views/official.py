"""How a published (official) figure is written: its stored decimal text with only the decimal mark
of the language ("3.48" -> "3,48" in Indonesian), never through a number formatter, so it is never
re-rounded; and a rank as published ("13 / 191")."""

from __future__ import annotations

import pandas as pd


def published(text, lang: str) -> str:
    """A published value as published, with the language's decimal mark ('' when not published)."""
    if text is None or (not isinstance(text, str) and pd.isna(text)) or text == "":
        return ""
    return str(text).replace(".", ",") if lang == "id" else str(text)


def rank_text(rank, rank_of) -> str:
    """'13 / 191', '1', or '' as published."""
    if rank is None or rank == "" or (not isinstance(rank, str) and pd.isna(rank)):
        return ""
    return f"{rank} / {rank_of}" if rank_of else str(rank)
