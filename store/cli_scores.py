"""`python -m store ranking | rankings | change | plan`: the figures the pages show, from the same code.

store/cli.py calls `add_commands(subparsers)` while building its parser and `run(store, args)` for
the commands in COMMANDS. Numbers are unrounded unless a column says it is shown (text, a dot).
"""

from __future__ import annotations

import csv
import json
import sys

import pandas as pd

from scoring import INDEX_SCOPE, STAGES, ChangeBreakdown, Plan, shown_text
from store.cli_common import EXIT_OK, EXIT_REFUSED, say

COMMANDS = ("ranking", "rankings", "change", "plan")
RANKING_CLI_COLUMNS = ["region_code", "index", "shown", "band", "band_name", "rank", "rank_change", "change",
                       "close_call", "province_rank", "kind_rank", "group", "group_rank", "new"]


def add_commands(commands) -> None:
    """Register the ranking, change and plan subcommands."""
    ranking = commands.add_parser("ranking", help="the ranking of a year and stage (shared ranks, change)")
    ranking.add_argument("--year", type=int, required=True)
    ranking.add_argument("--stage", choices=STAGES, required=True)
    ranking.add_argument("--format", choices=("csv", "json"), default="csv")
    commands.add_parser("rankings", help="write the ranking of every year and stage beside its scores "
                        "(store/rankings.py), after editing data/groups/ or the region list or upgrading")
    change = commands.add_parser("change", help="why a region's index changed since the year before")
    plan = commands.add_parser("plan", help="the fewest actions that lift a region to its next band")
    for parser in (change, plan):
        parser.add_argument("--region", required=True)
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--stage", choices=STAGES, required=True)
        parser.add_argument("--format", choices=("json",), default="json")
    plan.add_argument("--scope", default=INDEX_SCOPE, help="index (default) or a dimension code, e.g. GOV")


def ranking_rows(store, year: int, stage: str) -> pd.DataFrame:
    """The CLI's ranking: region_code, index (unrounded), shown ("3.48"), band (of shown; its level),
    band_name (the band's Indonesian name, as the programme publishes a predicate: "Sangat Baik"), rank,
    rank_change (among regions in both years; empty when new), change (shown - previous shown as
    text; empty when new), close_call, province_rank, kind_rank, group (the evaluation group of the year,
    data/groups/groups.csv; empty when the region has none), group_rank (shared, within the group), new."""
    table = store.ranking(year, stage)
    names = store.framework_of(year, stage).band_names("id")
    return pd.DataFrame({
        "region_code": table["region_code"],
        "index": table["index"],
        "shown": table["index"].map(shown_text),
        "band": table["band"].astype("Int64"),
        "band_name": table["band"].map(lambda level: names[int(level)]),
        "rank": table["rank"].astype("Int64"),
        "rank_change": table["rank_change"].astype("Int64"),
        "change": [None if pd.isna(v) else shown_text(v) for v in table["improvement"]],
        "close_call": table["too_close_to_call"].astype(bool),
        "province_rank": table["province_rank"].astype("Int64"),
        "kind_rank": table["kind_rank"].astype("Int64"),
        "group": table["group"],
        "group_rank": table["group_rank"].astype("Int64"),
        "new": table["new"].astype(bool),
    })[RANKING_CLI_COLUMNS]


def plan_record(plan_result: Plan) -> dict:
    """A plan as the CLI's JSON object (unrounded numbers)."""
    return {
        "score": plan_result.score,
        "band": plan_result.band.level,
        "next_band": None if plan_result.next_band is None else plan_result.next_band.level,
        "next_lower": plan_result.next_lower,
        "reachable": plan_result.reachable,
        "action_count": plan_result.action_count,
        "actions": [{"indicator_code": a.indicator_code, "kind": a.kind, "from_level": a.from_level,
                     "to_level": a.to_level, "gain": a.gain, "owner_opd": a.owner_opd} for a in plan_result.actions],
        "score_after": plan_result.score_after,
        "band_after": None if not plan_result.reachable else plan_result.next_band.level,
    }


def change_record(breakdown: ChangeBreakdown) -> dict:
    """A change breakdown as the CLI's JSON object (unrounded numbers)."""
    return {
        "index_before": breakdown.index_before,
        "index_after": breakdown.index_after,
        "index_change": breakdown.index_change,
        "method_effect": breakdown.method_effect,
        "method_changed": breakdown.method_changed,
        "by_dimension": breakdown.by_dimension.to_dict("records"),
        "by_indicator": breakdown.by_indicator.to_dict("records"),
    }


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False))


def run(store, args) -> int:
    if args.command == "rankings":
        written = store.write_rankings()
        print(say(args.lang, "rankings_written", count=len(written)))
        return EXIT_OK
    if store.active_snapshot(args.year, args.stage) is None:
        print(say(args.lang, "no_data", year=args.year, stage=args.stage), file=sys.stderr)
        return EXIT_REFUSED
    if args.command == "ranking":
        rows = ranking_rows(store, args.year, args.stage)
        if args.format == "json":
            _print_json(json.loads(rows.to_json(orient="records", double_precision=15)))
        else:
            rows.to_csv(sys.stdout, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        return EXIT_OK
    if args.command == "change":
        breakdown = store.change(args.region, args.year, args.stage)
        if breakdown is None:
            key = "not_assessed" if store.region_indicators(args.region, args.year, args.stage).empty else "no_previous"
            year = args.year if key == "not_assessed" else args.year - 1
            print(say(args.lang, key, region=args.region, year=year, stage=args.stage), file=sys.stderr)
            return EXIT_REFUSED
        _print_json(change_record(breakdown))
        return EXIT_OK
    framework = store.framework_of(args.year, args.stage)
    scopes = [INDEX_SCOPE, *[d.code for d in framework.dimensions]]
    if args.scope not in scopes:
        print(say(args.lang, "bad_scope", scope=args.scope, choices="|".join(scopes)), file=sys.stderr)
        return EXIT_REFUSED
    plan = store.plan(args.region, args.year, args.stage, args.scope)
    if plan is None:
        print(say(args.lang, "not_assessed", region=args.region, year=args.year, stage=args.stage), file=sys.stderr)
        return EXIT_REFUSED
    _print_json(plan_record(plan))
    return EXIT_OK
