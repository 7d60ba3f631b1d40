"""`python -m store calendar show|import`: the evaluation calendar (store/calendar.py).

store/cli.py calls `add_commands(subparsers)` while building its parser and `run(store, args)` for
the commands named in COMMANDS, as it does for cli_programmes; refused input raises IngestRefused
(cli.py reports every problem, exit 2, nothing written).

`show` prints every window (year, stage, opens, closes, note); with `--today YYYY-MM-DD` it prints
the next evaluation only (scoring.readiness.next_evaluation: both windows of the year of the earliest
window not yet closed, with closed, open_now, days_left, days_to_open), as the readiness page counts.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import pandas as pd

from scoring.readiness import next_evaluation
from store.cli_common import EXIT_OK
from store.limits import read_within_limit
from store.problems import IngestRefused, Problem

COMMANDS = ("calendar",)


def add_commands(commands) -> None:
    """Register the `calendar` subcommand on cli.py's subparsers."""
    calendar = commands.add_parser("calendar", help="show or replace the evaluation calendar")
    actions = calendar.add_subparsers(dest="calendar_command", required=True)
    showing = actions.add_parser("show", help="print the evaluation windows")
    showing.add_argument("--format", choices=("csv", "json"), default="csv")
    showing.add_argument("--today", metavar="YYYY-MM-DD",
                         help="print only the next evaluation's windows with days left, counted from this date")
    importing = actions.add_parser("import", help="replace the calendar from a CSV/XLSX file (validated whole)")
    importing.add_argument("file")


def _today(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise IngestRefused([Problem("bad_date", column="--today", value=text)]) from None


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as YYYY-MM-DD text and missing days as None, for CSV and JSON alike."""
    plain = frame.astype(object).where(frame.notna(), None)
    for column in ("opens", "closes"):
        plain[column] = plain[column].map(str)
    return plain


def run(store, args) -> int:
    if args.calendar_command == "import":
        path = Path(args.file)
        print(store.import_calendar(path.name, read_within_limit(path)))
        return EXIT_OK
    windows = store.calendar()
    if args.today:
        windows = next_evaluation(windows, _today(args.today))
    windows = _plain(windows)
    if args.format == "json":
        print(json.dumps(windows.to_dict(orient="records"), ensure_ascii=False, default=int))
    else:
        windows.to_csv(sys.stdout, index=False, lineterminator="\n")
    return EXIT_OK
