"""`python -m store`: the command line of the store.

Exit codes (store/cli_common.py, the same for `python -m reports`): 0 done, 2 refused input (report
on stderr, nothing written), 1 the store could not do it (busy, disk full or not writable, damaged
manifest: nothing written) or an internal error. A closed pipe (`python -m store snapshots | head`)
ends quietly with 0. Messages are in Indonesian or English (`--lang`), from i18n/messages/cli.py.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from i18n import rule_text
from scoring import SCORE_KINDS, STAGES, FrameworkError, load_framework
from store import (
    cli_audit,
    cli_calendar,
    cli_framework,
    cli_official,
    cli_programmes,
    cli_retraction,
    cli_scenarios,
    cli_scores,
    cli_users,
)
from store.atomic import StoreUnavailable
from store.cli_common import EXIT_INTERNAL, EXIT_OK, EXIT_REFUSED, add_import_export, say
from store.limits import read_within_limit
from store.problems import IngestRefused
from store.repository import Store
from store.templates import csv_template, xlsx_template

FRAMEWORK_PARTS = ("indicators", "chains", "elements", "bands")
SNAPSHOT_COLUMNS = ["id", "year", "stage", "status", "created_at", "created_by", "source",
                    "sha256", "rows", "regions", "framework_id", "synthetic", "retracted_by",
                    "retracted_at"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m store", description=__doc__)
    parser.add_argument("--data-dir", help="data folder (default: MATRA_DATA_DIR or data/)")
    parser.add_argument("--lang", choices=("id", "en"), default="en",
                        help="language of problem reports")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="load a CSV/XLSX file as a new snapshot")
    ingest.add_argument("file")
    ingest.add_argument("--year", type=int, required=True)
    ingest.add_argument("--stage", choices=STAGES, required=True)
    ingest.add_argument("--by", help="who is loading (recorded in the manifest)")
    ingest.add_argument("--replace-all", action="store_true",
                        help="make the file the whole year and stage (default: merge by region, keeping the "
                             "active snapshot's other regions)")

    framework = commands.add_parser("framework", help="print a year's framework catalogue; export or import "
                                    "a framework workbook")
    framework.add_argument("--year", type=int, help="the year whose catalogue to print")
    framework.add_argument("--part", choices=FRAMEWORK_PARTS, default="indicators")
    framework.add_argument("--format", choices=("csv", "json"), default="csv")
    cli_framework.add_commands(framework)

    snapshots = commands.add_parser("snapshots", help="list every snapshot")
    snapshots.add_argument("--format", choices=("table", "csv", "json"), default="table")

    scores = commands.add_parser("scores", help="print scores of a year and stage")
    scores.add_argument("--year", type=int, required=True)
    scores.add_argument("--stage", choices=STAGES, required=True)
    scores.add_argument("--by", choices=SCORE_KINDS, default="index")
    scores.add_argument("--format", choices=("csv", "json"), default="csv")

    check = commands.add_parser("check-framework", help="validate a framework file")
    check.add_argument("path")

    template = commands.add_parser("template", help="write an upload template for a year and stage")
    template.add_argument("--year", type=int, required=True)
    template.add_argument("--stage", choices=STAGES, required=True)
    template.add_argument("--format", choices=("csv", "xlsx"), default="xlsx")
    template.add_argument("--out", required=True, help="file to write")

    add_import_export(commands.add_parser("targets", help="import or export dimension targets"), "targets_command",
                      import_help="save targets from a CSV/XLSX file",
                      by_help="who is saving (recorded with each target)", export_help="write the stored targets")
    cli_programmes.add_commands(commands)
    cli_scenarios.add_commands(commands)
    cli_calendar.add_commands(commands)
    cli_scores.add_commands(commands)
    cli_audit.add_commands(commands)
    cli_retraction.add_commands(commands)
    cli_official.add_commands(commands)
    cli_users.add_commands(commands)
    return parser


def _print_frame(frame: pd.DataFrame, fmt: str) -> None:
    if fmt == "json":
        print(frame.to_json(orient="records", force_ascii=False, double_precision=15))
    elif fmt == "table":
        print(frame.to_string(index=False) if not frame.empty else "(none)")
    else:
        frame.to_csv(sys.stdout, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")


def framework_part(framework, part: str) -> pd.DataFrame:
    """The catalogue an OPD needs, as a table with the CLI's documented columns."""
    if part == "chains":
        return pd.DataFrame(list(framework.chain_weights.items()), columns=["chain", "weight"])
    if part == "elements":
        return pd.DataFrame([{"dimension": e.dimension, "element": e.code, "weight": e.weight}
                             for e in framework.elements])
    if part == "bands":
        bands = pd.DataFrame([asdict(b) for b in framework.bands])[["level", "name_id", "name_en", "lower"]]
        return bands.assign(max_level=framework.max_level)   # the scale the bands lie on (0..max_level)
    columns = ["code", "name_id", "name_en", "dimension", "element", "chain", "aspect", "weight",
               "owner_opd"]
    return pd.DataFrame([{c: getattr(i, c) for c in columns} for i in framework.indicators])


def _ingest(store: Store, args) -> int:
    path = Path(args.file)
    check = store.check_upload(path.name, read_within_limit(path), year=args.year, stage=args.stage,
                               created_by=args.by, role="cli")
    if not check.ok:
        raise IngestRefused(check.errors)
    for warning in check.warnings:
        print(f"{say(args.lang, 'warning')}: {warning.describe(args.lang)}", file=sys.stderr)
    preview = store.preview(check, year=args.year, stage=args.stage, replace_all=args.replace_all)
    snapshot, created = store.commit_upload(check, year=args.year, stage=args.stage, source=path.name,
                                            created_by=args.by, replace_all=args.replace_all, role="cli")
    if not created:
        print(say(args.lang, "unchanged", id=snapshot.id), file=sys.stderr)
    elif args.replace_all:
        print(say(args.lang, "replaced", year=args.year, stage=args.stage, removed=len(preview.regions_removed)),
              file=sys.stderr)
    else:
        print(say(args.lang, "merged", replaced=check.rows["region_code"].nunique(),
                   kept=len(preview.regions_kept)), file=sys.stderr)
    print(snapshot.id)
    return EXIT_OK


def _data_files(store: Store, args) -> int:
    """`template`, `targets import` and `targets export`."""
    if args.command == "template":
        framework = store.framework_for(args.year)
        if framework is None:
            print(say(args.lang, "no_framework", year=args.year), file=sys.stderr)
            return EXIT_REFUSED
        make = xlsx_template if args.format == "xlsx" else csv_template
        data = make(framework, store.regions(), year=args.year, stage=args.stage)
        Path(args.out).write_bytes(data)
        return EXIT_OK
    if args.targets_command == "import":
        path = Path(args.file)
        count = store.import_targets(path.name, read_within_limit(path), created_by=args.by)
        print(count)
        return EXIT_OK
    data = store.export_targets(args.format, args.year)
    if args.out:
        Path(args.out).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return EXIT_OK


def _run(args) -> int:
    store = Store(args.data_dir)
    if args.command == "check-framework":
        framework = load_framework(args.path)
        print(say(args.lang, "framework_ok", id=framework.id, indicators=len(framework.indicators),
                  elements=len(framework.elements), dimensions=len(framework.dimensions),
                  years=", ".join(map(str, framework.years))))
        return EXIT_OK
    if args.command == "ingest":
        return _ingest(store, args)
    if args.command in cli_scenarios.COMMANDS:
        return cli_scenarios.run(store, args)
    if args.command in cli_programmes.COMMANDS:
        return cli_programmes.run(store, args)
    if args.command in cli_calendar.COMMANDS:
        return cli_calendar.run(store, args)
    if args.command in cli_retraction.COMMANDS:
        return cli_retraction.run(store, args)
    if args.command in cli_audit.COMMANDS:
        return cli_audit.run(store, args)
    if args.command in cli_users.COMMANDS:
        return cli_users.run(store, args)
    if args.command in cli_scores.COMMANDS:
        return cli_scores.run(store, args)
    if args.command in cli_official.COMMANDS:
        return cli_official.run(store, args)
    if args.command in ("template", "targets"):
        return _data_files(store, args)
    if args.command == "framework" and args.framework_command:
        return cli_framework.run(store, args, lambda year: say(args.lang, "no_framework", year=year))
    if args.command == "framework":
        if args.year is None:
            _parser().error("framework: --year is required (or: framework export | framework import)")
        framework = store.framework_for(args.year)
        if framework is None:
            print(say(args.lang, "no_framework", year=args.year), file=sys.stderr)
            return EXIT_REFUSED
        _print_frame(framework_part(framework, args.part), args.format)
        return EXIT_OK
    if args.command == "snapshots":
        rows = pd.DataFrame([asdict(s) for s in store.snapshots()], columns=SNAPSHOT_COLUMNS)
        _print_frame(rows[SNAPSHOT_COLUMNS], args.format)
        return EXIT_OK
    if args.command == "scores":
        _print_frame(store.scores(args.year, args.stage, args.by), args.format)
        return EXIT_OK
    raise AssertionError(args.command)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code = _run(args)
        sys.stdout.flush()   # a reader that went away (| head) shows up here, not at exit
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except IngestRefused as refused:
        for problem in refused.problems:
            print(problem.describe(args.lang), file=sys.stderr)
        print(say(args.lang, "refused", count=len(refused.problems)), file=sys.stderr)
        return EXIT_REFUSED
    except FrameworkError as error:
        print(say(args.lang, "framework_problems", path=error.path, count=len(error.problems)), file=sys.stderr)
        for problem in error.problems:
            print(f"- {rule_text(problem, args.lang)}", file=sys.stderr)
        return EXIT_REFUSED
    except (FileNotFoundError, IsADirectoryError) as error:
        print(say(args.lang, "cannot_read", file=error.filename, reason=error.strerror), file=sys.stderr)
        return EXIT_REFUSED
    except StoreUnavailable as error:
        print(error.message(args.lang), file=sys.stderr)
        return EXIT_INTERNAL


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
