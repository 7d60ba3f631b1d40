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


def add_import_export(command, dest: str, *, import_help: str, by_help: str, export_help: str,
                      formats=("csv", "xlsx")):
    """The `import FILE [--by NAME]` and `export [--year Y] [--format F] [--out FILE]` sub-commands
    that targets and official results share, under the sub-command group `dest` of `command`.
    Returns (the group, the export parser) so a command can add its own sub-commands and options."""
    actions = command.add_subparsers(dest=dest, required=True)
    importing = actions.add_parser("import", help=import_help)
    importing.add_argument("file")
    importing.add_argument("--by", help=by_help)
    exporting = actions.add_parser("export", help=export_help)
    exporting.add_argument("--year", type=int)
    exporting.add_argument("--format", choices=formats, default="csv")
    exporting.add_argument("--out", help="file to write (default: standard output)")
    return actions, exporting
