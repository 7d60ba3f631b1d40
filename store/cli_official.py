"""`python -m store official import|export|check|versions|undo|retract|restore`: published results
(store/official*.py).

store/cli.py calls `add_commands(subparsers)` and `run(store, args)` for the commands in COMMANDS.
Refused input raises IngestRefused (cli.py reports every problem, exit 2, nothing written).

- `import FILE [--by NAME]`: merge a CSV/XLSX file by (region, year) into a new version; prints its id.
- `export [--year Y] [--region CODE] --format csv|json|xlsx [--out F]`: the table with recomputed and
  difference (empty where the five components are not all published).
- `check`: the rows whose published index differs from the index recomputed from its published
  components with that year's chain weights by more than 0.01; exit 1 when there are any.
- `versions`: every version (id, status, when, who, file, rows); `undo [--by NAME]`: retract the
  active version, making the previous one active again; `retract ID`: retract a given version;
  `restore ID`: make a superseded or retracted version active again.
"""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from store.cli_common import EXIT_OK, EXIT_REFUSED, add_import_export, say
from store.official import OfficialVersion
from store.official_tables import FORMATS

COMMANDS = ("official",)
EXIT_DIFFERS = 1   # `check` found rows beyond 0.01 (the one command whose 1 is not a store failure)
VERSION_COLUMNS = ["id", "status", "created_at", "created_by", "source", "rows", "imported", "retracted_by",
                   "retracted_at"]


def _say(lang: str, key: str, **values) -> str:
    return say(lang, f"official.{key}", **values)


def add_commands(commands) -> None:
    official = commands.add_parser("official", help="published (official) results: import, export, check, undo")
    actions, exporting = add_import_export(
        official, "official_command", import_help="merge a CSV/XLSX file of published results by (region, year)",
        by_help="who is importing (recorded in the versions list)",
        export_help="write the published results with recomputed and difference", formats=FORMATS)
    exporting.add_argument("--region", help="Kemendagri code, e.g. 32.73")
    actions.add_parser("check", help="rows whose published index differs from the recomputed one by > 0.01")
    actions.add_parser("versions", help="list every version of the official results")
    undo = actions.add_parser("undo", help="retract the active version (the previous one becomes active)")
    undo.add_argument("--by", help="who is undoing (recorded in the versions list)")
    undo.add_argument("--allow-empty", action="store_true", help="also when no earlier version is left")
    retract = actions.add_parser("retract", help="retract a given version")
    retract.add_argument("version_id")
    retract.add_argument("--by", help="who is retracting (recorded in the versions list)")
    retract.add_argument("--allow-empty", action="store_true", help="also when no earlier version is left")
    restore = actions.add_parser("restore", help="make a superseded or retracted version active again")
    restore.add_argument("version_id")
    restore.add_argument("--by", help="who is restoring (recorded in the audit log)")


def _active_id(store) -> str:
    return next((v.id for v in store.official_versions() if v.status == "active"), "")


def _retracted(store, args, version: OfficialVersion | None) -> int:
    if version is None:
        print(_say(args.lang, "nothing_to_undo"), file=sys.stderr)
        return EXIT_REFUSED
    print(_say(args.lang, "retracted", id=version.id, active=_active_id(store) or _say(args.lang, "none")))
    return EXIT_OK


def run(store, args) -> int:
    command = args.official_command
    if command == "import":
        version = store.import_official_file(args.file, created_by=args.by)
        print(_say(args.lang, "imported", id=version.id, imported=version.imported, rows=version.rows),
              file=sys.stderr)
        print(version.id)
        return EXIT_OK
    if command == "export":
        data = store.export_official(args.format, year=args.year, region=args.region)
        if args.out:
            Path(args.out).write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        return EXIT_OK
    if command == "check":
        table = store.official_table()
        differing = store.official_differences()
        if len(differing):
            columns = ["region_code", "region_name", "year", "index", "recomputed", "difference", "source_url"]
            differing[columns].to_csv(sys.stdout, index=False, lineterminator="\n")
            print(_say(args.lang, "differs", count=len(differing)), file=sys.stderr)
            return EXIT_DIFFERS
        print(_say(args.lang, "agrees", count=int(table["recomputed"].notna().sum())), file=sys.stderr)
        return EXIT_OK
    if command == "versions":
        rows = pd.DataFrame([asdict(v) for v in store.official_versions()], columns=VERSION_COLUMNS)
        print(rows.to_string(index=False) if len(rows) else _say(args.lang, "none"))
        return EXIT_OK
    if command == "undo":
        return _retracted(store, args, store.undo_official(created_by=args.by, allow_empty=args.allow_empty))
    try:
        if command == "restore":
            version = store.restore_official(args.version_id, created_by=args.by)
            print(_say(args.lang, "restored", id=version.id))
            return EXIT_OK
        return _retracted(store, args, store.undo_official(args.version_id, created_by=args.by,
                                                           allow_empty=args.allow_empty))
    except KeyError:
        print(_say(args.lang, "unknown", id=args.version_id), file=sys.stderr)
        return EXIT_REFUSED
