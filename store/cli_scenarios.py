"""`python -m store scenarios save|list|show|delete`: saved what-if scenarios from the command line.

store/cli.py calls `add_commands(subparsers)` while building its parser and `run(store, args)` for
the commands named in COMMANDS. `show` prints the scenario with its figures beside the actual ones,
computed on the data read now (the same fields as `whatif`).
"""

from __future__ import annotations

import json
import sys

from scoring import STAGES
from scoring.whatif import WhatIfError
from store.cli_common import EXIT_OK, EXIT_REFUSED, say
from store.cli_programmes import parse_sets, top_level
from store.problems import IngestRefused, Problem
from store.scenarios import Scenario, ScenarioRefused

COMMANDS = ("scenarios",)
FIGURES = ("index_before", "index_after", "band_before", "band_after", "rank_before", "rank_after",
           "province_rank_before", "province_rank_after")


def add_commands(commands) -> None:
    scenarios = commands.add_parser("scenarios", help="save, list, show or delete what-if scenarios")
    actions = scenarios.add_subparsers(dest="scenarios_command", required=True)
    save = actions.add_parser("save", help="save a named scenario (prints its id)")
    save.add_argument("--region", required=True)
    save.add_argument("--year", type=int, required=True)
    save.add_argument("--stage", choices=STAGES, required=True)
    save.add_argument("--name", required=True)
    save.add_argument("--set", action="append", default=[], metavar="CODE=LEVEL",
                      help="indicator level with verified evidence (or CODE=verify); repeatable")
    save.add_argument("--programme", action="append", default=[], metavar="CODE",
                      help="programme of the region's register finished as planned; repeatable")
    save.add_argument("--by", help="who is saving (recorded with the scenario)")
    listing = actions.add_parser("list", help="the region's scenarios as JSON lines")
    listing.add_argument("--region", required=True)
    for name in ("show", "delete"):
        action = actions.add_parser(name, help=f"{name} one scenario")
        action.add_argument("--region", required=True)
        action.add_argument("id")


def run(store, args) -> int:
    command = args.scenarios_command
    try:
        if command == "save":
            levels = parse_sets(args.set, top_level(store, args.year))
            scenario = Scenario(args.region, args.name, args.year, args.stage, levels,
                                tuple(args.programme))
            print(store.save_scenario(scenario, created_by=args.by).id)
        elif command == "list":
            for scenario in store.scenarios(args.region):
                print(json.dumps(scenario.as_dict(), ensure_ascii=False))
            for _, why_id, why_en in store.skipped_scenarios(args.region):
                print(why_en if args.lang == "en" else why_id, file=sys.stderr)
        elif command == "show":
            scenario = store.scenario(args.region, args.id)
            if scenario is None:
                raise ScenarioRefused("unknown_scenario", args.id)
            result = store.scenario_result(scenario)
            if result is None:
                raise ScenarioRefused("not_assessed", f"{scenario.region} {scenario.year} {scenario.stage}")
            print(json.dumps({**scenario.as_dict(), **{k: result.as_dict()[k] for k in FIGURES}}, ensure_ascii=False))
        elif not store.delete_scenario(args.region, args.id):
            raise ScenarioRefused("unknown_scenario", args.id)
    except ScenarioRefused as refused:
        print(say(args.lang, f"scenario.{refused.code}", value=refused.value, region=args.region), file=sys.stderr)
        return EXIT_REFUSED
    except WhatIfError as error:
        raise IngestRefused([Problem("whatif_refused", column="--set/--programme", value=str(error))]) from None
    return EXIT_OK
