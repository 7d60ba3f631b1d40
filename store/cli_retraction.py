"""`python -m store retract ID [--allow-empty]` and `python -m store restore ID` (store/retraction.py).

store/cli.py calls `add_commands(subparsers)` while building its parser and `run(store, args)` for
the commands named in COMMANDS. Both say on standard error what is active afterwards. Retracting
the only version of a year and stage is refused (exit 2, nothing written) unless --allow-empty; an
unknown id is refused the same way. Both append a line to the audit log, refused ones too.
"""

from __future__ import annotations

import sys

from store.cli_common import EXIT_OK, say

COMMANDS = ("retract", "restore")


def add_commands(commands) -> None:
    """Register `retract` and `restore` on cli.py's subparsers."""
    retract = commands.add_parser("retract", help="retract a snapshot; the previous one of its year and stage "
                                                  "becomes active again (nothing is deleted)")
    retract.add_argument("snapshot_id")
    retract.add_argument("--by", help="who is retracting (recorded in the manifest and the audit log)")
    retract.add_argument("--allow-empty", action="store_true",
                         help="retract even when it leaves the year and stage with no data (no earlier version)")
    restore = commands.add_parser("restore", help="make a retracted or superseded snapshot active again; the one "
                                                  "active until now becomes superseded (nothing is deleted)")
    restore.add_argument("snapshot_id")
    restore.add_argument("--by", help="who is restoring (recorded in the manifest and the audit log)")


def run(store, args) -> int:
    """Retract or restore; IngestRefused (unknown id, would leave no data) goes to cli.py: exit 2."""
    if args.command == "retract":
        snapshot = store.retract(args.snapshot_id, created_by=args.by, allow_empty=args.allow_empty, role="cli")
    else:
        snapshot = store.restore(args.snapshot_id, created_by=args.by, role="cli")
    now = store.active_snapshot(snapshot.year, snapshot.stage)
    print(say(args.lang, "now_active" if now else "now_empty", year=snapshot.year, stage=snapshot.stage,
              id=now.id if now else ""), file=sys.stderr)
    print(say(args.lang, "retracted" if args.command == "retract" else "restored", id=snapshot.id))
    return EXIT_OK
