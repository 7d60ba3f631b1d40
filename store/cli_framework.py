"""`python -m store framework export|import`: a framework version as an XLSX workbook and back.

`python -m store framework --year Y --part P --format F` (the catalogue as CSV/JSON) stays as it was;
the subcommands are parsed beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from store.cli_common import EXIT_OK, EXIT_REFUSED
from store.framework_versions import export_workbook, import_workbook
from store.framework_words import plan_lines
from store.limits import read_within_limit


def add_commands(framework) -> None:
    commands = framework.add_subparsers(dest="framework_command")
    export = commands.add_parser("export", help="write a year's framework as an XLSX workbook")
    export.add_argument("--year", dest="export_year", type=int, required=True)
    export.add_argument("--format", dest="export_format", choices=("xlsx",), default="xlsx")
    export.add_argument("--out", help="file to write (default: standard output)")
    load = commands.add_parser("import", help="check a framework workbook and write it as a new version")
    load.add_argument("file")
    load.add_argument("--by", help="who is importing (recorded in the file and the audit log)")


def run(store, args, no_framework) -> int:
    if args.framework_command == "export":
        data = export_workbook(store.framework_dir, args.export_year)
        if data is None:
            print(no_framework(args.export_year), file=sys.stderr)
            return EXIT_REFUSED
        if args.out:
            Path(args.out).write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
        return EXIT_OK
    path = Path(args.file)
    data = read_within_limit(path)   # a file over MATRA_MAX_UPLOAD_MB is refused unread
    plan = import_workbook(store.data_dir, path.name, data, by=args.by)
    for line in plan_lines(plan, args.lang):
        print(line, file=sys.stderr)
    print(plan.file)
    return EXIT_OK
