"""`python -m store programmes import|export|template` and `python -m store whatif`.

store/cli.py calls `add_commands(subparsers)` while building its parser and `run(store, args)` for
the commands named in COMMANDS; refused input raises IngestRefused (cli.py reports it, exit 2).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import store.programmes  # noqa: F401  (registers the programme problem texts)
from scoring import STAGES
from scoring.whatif import VERIFY, WhatIfError
from store.cli_common import EXIT_OK, EXIT_REFUSED, say
from store.limits import read_within_limit
from store.problems import IngestRefused, Problem
from store.validate import level_value

COMMANDS = ("programmes", "whatif")


def add_commands(commands) -> None:
    """Register the `programmes` and `whatif` subcommands on cli.py's subparsers."""
    programmes = commands.add_parser("programmes", help="import or export a region's programme register")
    actions = programmes.add_subparsers(dest="programmes_command", required=True)
    importing = actions.add_parser("import", help="replace the region's register from a CSV/XLSX file")
    importing.add_argument("file")
    importing.add_argument("--region", required=True)
    importing.add_argument("--by", help="who is importing (recorded with the register)")
    exporting = actions.add_parser("export", help="write the region's register")
    exporting.add_argument("--region", required=True)
    exporting.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    exporting.add_argument("--headers", choices=("en", "id"), default="en", help="header language")
    exporting.add_argument("--out", help="file to write (default: standard output)")

    whatif = commands.add_parser("whatif", help="index, band and rank if indicators or programmes change")
    whatif.add_argument("--region", required=True)
    whatif.add_argument("--year", type=int, required=True)
    whatif.add_argument("--stage", choices=STAGES, required=True)
    whatif.add_argument("--set", action="append", default=[], metavar="CODE=LEVEL",
                        help="indicator level with verified evidence (or CODE=verify); repeatable")
    whatif.add_argument("--programme", action="append", default=[], metavar="CODE",
                        help="programme of the region's register finished as planned; repeatable")
    whatif.add_argument("--format", choices=("json",), default="json")


def parse_sets(values: list[str], max_level: int) -> dict[str, int | str]:
    """{code: level or VERIFY} from CODE=LEVEL texts (levels 0..max_level); IngestRefused naming each bad one."""
    levels, problems = {}, []
    for text in values:
        code, _, level_text = text.partition("=")
        level = VERIFY if level_text.strip().lower() == VERIFY else level_value(level_text.strip(), max_level)
        if not code.strip() or level is None:
            problems.append(Problem("bad_level", column="--set", value=text, expected=str(max_level)))
            continue
        levels[code.strip().upper()] = level
    if problems:
        raise IngestRefused(problems)
    return levels


def top_level(store, year: int) -> int:
    """The top level of the year's framework (levels of --set run 0..it); 0 when no framework covers the
    year, so any level is refused."""
    framework = store.framework_for(year)
    return framework.max_level if framework is not None else 0


def run(store, args) -> int:
    if args.command == "whatif":
        return _whatif(store, args)
    if args.programmes_command == "import":
        path = Path(args.file)
        version = store.import_programmes(args.region, path.name, read_within_limit(path), created_by=args.by)
        print(f"{args.region} v{version:04d}")
        return EXIT_OK
    data = store.export_programmes(args.region, args.format, args.headers)
    if args.out:
        Path(args.out).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_OK


def _whatif(store, args) -> int:
    levels = parse_sets(args.set, top_level(store, args.year))
    try:
        result = store.whatif(args.region, args.year, args.stage, levels=levels, programme_codes=args.programme)
    except WhatIfError as error:
        raise IngestRefused([Problem("whatif_refused", column="--set/--programme", value=str(error))]) from None
    if result is None:
        print(say(args.lang, "not_assessed", region=args.region, year=args.year, stage=args.stage), file=sys.stderr)
        return EXIT_REFUSED
    keys = ("index_before", "index_after", "band_before", "band_after", "rank_before", "rank_after")
    print(json.dumps({**{k: result.as_dict()[k] for k in keys}, "index_change": result.index_change}))
    return EXIT_OK
