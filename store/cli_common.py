"""What every Matra command line shares (`python -m store` and its sub-modules, `python -m reports`):
one table of exit codes and one way to say a message in the user's language.

Exit codes (the same for every command):
  EXIT_OK 0        done (a closed pipe, `... | head`, also ends with 0);
  EXIT_INTERNAL 1  the store or the machine could not do it (busy, disk full or not writable, a
                   damaged manifest, no chromium for a PDF) or an internal error; nothing written;
  EXIT_REFUSED 2   refused input (a bad file, unknown region, no data for the year and stage);
                   the report is on stderr and nothing was written.
Messages live in i18n/messages/cli.py (keys `cli.*`, Bahasa Indonesia and English); `say` looks them
up. Problem texts of a refused file come from store/problems.py (`Problem.describe`).
"""

from __future__ import annotations

from i18n import t

EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED = 0, 1, 2


def say(lang: str, key: str, **values) -> str:
    """The command-line message `cli.<key>` in `lang` ('id' or 'en'), placeholders filled."""
    return t(f"cli.{key}", lang, **values)
