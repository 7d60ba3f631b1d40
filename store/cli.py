"""`python -m store`: the command line of the store.

Exit codes: 0 done, 2 refused input (report on stderr, nothing written), 1 internal error.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import asdict

import pandas as pd

from scoring import FrameworkError, load_framework
from store.atomic import StoreBusy
from store.problems import IngestRefused
from store.repository import SCORE_KINDS, Store
from store.validate import STAGES

EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED = 0, 1, 2
FRAMEWORK_PARTS = ("indicators", "chains", "elements", "bands")
SNAPSHOT_COLUMNS = ["id", "year", "stage", "status", "created_at", "created_by", "source",
                    "sha256", "rows", "regions", "framework_id", "synthetic"]


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

    framework = commands.add_parser("framework", help="print a year's framework catalogue")
    framework.add_argument("--year", type=int, required=True)
    framework.add_argument("--part", choices=FRAMEWORK_PARTS, default="indicators")
    framework.add_argument("--format", choices=("csv", "json"), default="csv")

    snapshots = commands.add_parser("snapshots", help="list every snapshot")
    snapshots.add_argument("--format", choices=("table", "csv", "json"), default="table")

    scores = commands.add_parser("scores", help="print scores of a year and stage")
    scores.add_argument("--year", type=int, required=True)
    scores.add_argument("--stage", choices=STAGES, required=True)
    scores.add_argument("--by", choices=SCORE_KINDS, default="index")
    scores.add_argument("--format", choices=("csv", "json"), default="csv")

    check = commands.add_parser("check-framework", help="validate a framework file")
    check.add_argument("path")

    retract = commands.add_parser("retract", help="retract a snapshot (nothing is deleted)")
    retract.add_argument("snapshot_id")
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
        return pd.DataFrame([asdict(b) for b in framework.bands])[["level", "name_id", "name_en",
                                                                    "lower"]]
    columns = ["code", "name_id", "name_en", "dimension", "element", "chain", "aspect", "weight",
               "owner_opd"]
    return pd.DataFrame([{c: getattr(i, c) for c in columns} for i in framework.indicators])


def _run(args) -> int:
    store = Store(args.data_dir)
    if args.command == "check-framework":
        framework = load_framework(args.path)
        print(f"OK: {framework.id}: {len(framework.indicators)} indicators, "
              f"{len(framework.elements)} elements, {len(framework.dimensions)} dimensions, "
              f"years {', '.join(map(str, framework.years))}")
        return EXIT_OK
    if args.command == "ingest":
        snapshot, created = store.ingest_file(args.file, year=args.year, stage=args.stage,
                                              created_by=args.by)
        if not created:
            print(f"unchanged: this file is already the active snapshot {snapshot.id}",
                  file=sys.stderr)
        print(snapshot.id)
        return EXIT_OK
    if args.command == "framework":
        framework = store.framework_for(args.year)
        if framework is None:
            print(f"no framework covers year {args.year}", file=sys.stderr)
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
    if args.command == "retract":
        try:
            snapshot = store.retract(args.snapshot_id)
        except KeyError:
            print(f"no snapshot with id {args.snapshot_id}", file=sys.stderr)
            return EXIT_REFUSED
        print(f"retracted {snapshot.id}")
        return EXIT_OK
    raise AssertionError(args.command)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except IngestRefused as refused:
        for problem in refused.problems:
            print(problem.describe(args.lang), file=sys.stderr)
        print(f"refused: {len(refused.problems)} problem(s); nothing was written", file=sys.stderr)
        return EXIT_REFUSED
    except FrameworkError as error:
        print(f"{error.path}: {len(error.problems)} problem(s)", file=sys.stderr)
        for problem in error.problems:
            print(f"- {problem}", file=sys.stderr)
        return EXIT_REFUSED
    except (FileNotFoundError, IsADirectoryError) as error:
        print(f"cannot read {error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_REFUSED
    except StoreBusy as error:
        print(str(error), file=sys.stderr)
        return EXIT_INTERNAL
