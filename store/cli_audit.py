"""`python -m store log [--since YYYY-MM-DD] [--format csv|json]`: the audit log (store/audit.py).

store/cli.py calls `add_commands(subparsers)` while building its parser and `run(store, args)` for
the commands named in COMMANDS. CSV cells are formula-neutralised (store.exports.csv_bytes), since
who and detail come from people and file names.
"""

from __future__ import annotations

import datetime
import json
import sys

import pandas as pd

from store import audit, exports
from store.cli_common import EXIT_OK

COMMANDS = ("log",)



def add_commands(commands) -> None:
    """Register the `log` subcommand on cli.py's subparsers."""
    log = commands.add_parser("log", help="print the audit log (every write and refused write)")
    log.add_argument("--since", metavar="YYYY-MM-DD", type=datetime.date.fromisoformat,
                     help="only lines written on or after this date (UTC); a wrong date exits 2")
    log.add_argument("--format", choices=("csv", "json"), default="csv")


def run(store, args) -> int:
    entries = audit.read_log(store.data_dir, args.since)
    if args.format == "json":
        print(json.dumps(entries, ensure_ascii=False))
        return EXIT_OK
    frame = pd.DataFrame(entries, columns=list(audit.FIELDS))
    frame["ids"] = [" ".join(ids) if isinstance(ids, list) else str(ids) for ids in frame["ids"]]
    frame["counts"] = [" ".join(f"{k}={v}" for k, v in counts.items()) if isinstance(counts, dict) else str(counts)
                       for counts in frame["counts"]]
    sys.stdout.buffer.write(exports.csv_bytes(frame))
    sys.stdout.flush()
    return EXIT_OK
