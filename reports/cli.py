"""`python -m reports`: decks, PDF profiles and tables from the command line.

  python -m reports deck --regions 35.09,35.78 --year 2024 --stage II --lang id --out deck.pptx
  python -m reports deck --agenda 'https://.../present?agenda=TOKEN' [--notes notes.json] --out rakor.pptx
  python -m reports profile --region 35.09 --year 2024 --stage II --lang en --out profile.pdf
  python -m reports table ranking --year 2024 --stage II --format xlsx --out ranking.xlsx
  python -m reports table claims --year 2024 --stage II --region 35.09 --out claims.csv

Exit codes (store/cli_common.py, shared with `python -m store`): 0 done, 2 refused input (unknown
region, no data for the year and stage, a bad agenda or notes), 1 internal error or unavailable (no
chromium for the PDF's charts). Messages come from i18n (reports.*, cli.*) in the --lang language.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

from reports.agenda import MAX_AGENDA_BYTES, Agenda, AgendaError, decode, from_json
from reports.errors import ExportRefused, ExportUnavailable
from reports.tables import FORMATS, TABLES
from scoring import STAGES
from store.bounded_json import read_json_file
from store.cli_common import EXIT_INTERNAL, EXIT_OK, EXIT_REFUSED, say

LANGUAGES = ("id", "en")
AGENDA_IN_LINK = re.compile(r"[?&#]agenda=([A-Za-z0-9_\-]+)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reports", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", help="data folder (default: MATRA_DATA_DIR or data/)")
    commands = parser.add_subparsers(dest="command", required=True)

    deck = commands.add_parser("deck", help="PPTX deck of regions or of a meeting agenda")
    deck.add_argument("--regions", help="comma-separated region codes, e.g. 35.09,35.78")
    deck.add_argument("--year", type=int)
    deck.add_argument("--stage", choices=STAGES)
    deck.add_argument("--agenda", help="a Matra link with agenda=<token>, a bare token, or a JSON file")
    deck.add_argument("--notes", help="JSON file: a list of {item, note, decision, owner_opd, due_date} "
                                      "(default: the notes saved for the agenda in the data folder)")
    deck.add_argument("--lang", choices=LANGUAGES, help="deck language (default id, or the agenda's)")
    deck.add_argument("--out", required=True)

    profile = commands.add_parser("profile", help="A4 PDF profile of one region")
    profile.add_argument("--region", required=True)
    profile.add_argument("--year", type=int, required=True)
    profile.add_argument("--stage", choices=STAGES, required=True)
    profile.add_argument("--lang", choices=LANGUAGES, default="id")
    profile.add_argument("--out", required=True)

    table = commands.add_parser("table", help=f"{', '.join(TABLES)} as CSV/XLSX")
    table.add_argument("table", choices=TABLES)
    table.add_argument("--year", type=int, required=True)
    table.add_argument("--stage", choices=STAGES, required=True)
    table.add_argument("--region", help="region code (indicators and actions)")
    table.add_argument("--format", choices=FORMATS, default="csv")
    table.add_argument("--lang", choices=LANGUAGES, default="id")
    table.add_argument("--out", required=True)
    return parser


def load_agenda(value: str) -> Agenda:
    """The agenda in a Matra link (…?agenda=TOKEN), a bare token, or a JSON file path."""
    try:
        if _is_file(value):
            if Path(value).stat().st_size > MAX_AGENDA_BYTES:   # size before read, as for a link
                raise AgendaError(f"agenda too large: over {MAX_AGENDA_BYTES} bytes")
            return from_json(Path(value).read_text(encoding="utf-8"))
        found = AGENDA_IN_LINK.search(value)
        return decode(found.group(1) if found else value.strip())
    except (AgendaError, OSError, UnicodeDecodeError) as error:
        raise ExportRefused("reports.bad_agenda", problem=str(error)) from None


def _is_file(value: str) -> bool:
    try:
        return Path(value).is_file()
    except (OSError, ValueError):   # a token longer than a file name can be, or with a NUL
        return False


def load_notes(value: str) -> list[dict]:
    """Notes from a JSON file: a list of notes, or a store meetings file ({"notes": [...]})."""
    try:
        notes = read_json_file(Path(value))
    except (OSError, ValueError) as error:   # bounded_json.JsonRefused: too large, too deep, not JSON
        raise ExportRefused("reports.bad_notes", problem=str(error)) from None
    if isinstance(notes, dict):
        notes = notes.get("notes")
    if not isinstance(notes, list):
        raise ExportRefused("reports.bad_notes", problem="expected a JSON list of notes")
    return notes


def stored_notes(store, agenda: Agenda) -> list[dict]:
    """The notes saved for this agenda in the data folder (store.meetings), [] when none."""
    try:
        from store.meetings import NoteError, read_notes
    except ImportError:   # a store without meeting notes
        return []
    try:
        return read_notes(store.data_dir, agenda.id)
    except NoteError as error:
        raise ExportRefused("reports.bad_notes", problem=str(error)) from None


def _build(args, store) -> bytes:
    from reports.deck import agenda_deck, region_deck
    from reports.profile_pdf import profile_pdf
    from reports.tables import export_table

    if args.command == "profile":
        return profile_pdf(store, args.region, args.year, args.stage, args.lang)
    if args.command == "table":
        return export_table(store, args.table, args.year, args.stage, args.lang, args.format, args.region)
    if args.agenda:
        agenda = load_agenda(args.agenda)
        # Notes are stored under the agenda's id, a hash of its content: read them before --lang changes it.
        notes = load_notes(args.notes) if args.notes else stored_notes(store, agenda)
        if args.lang:
            agenda = replace(agenda, lang=args.lang)
        return agenda_deck(store, agenda, notes)
    regions = [code.strip() for code in (args.regions or "").split(",") if code.strip()]
    if not regions or args.year is None or args.stage is None:
        raise ExportRefused("reports.no_regions")
    return region_deck(store, regions, args.year, args.stage, args.lang or "id")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = getattr(args, "lang", None) or "en"
    from store import Store

    try:
        data = _build(args, Store(args.data_dir))
        Path(args.out).write_bytes(data)
    except ExportRefused as refused:
        print(refused.message(lang), file=sys.stderr)
        return EXIT_REFUSED
    except ExportUnavailable as unavailable:
        print(unavailable.message(lang), file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as error:  # the CLI's last line: say what broke, exit 1
        print(say(lang, "internal_error", kind=type(error).__name__, error=error), file=sys.stderr)
        return EXIT_INTERNAL
    print(args.out)
    return EXIT_OK
