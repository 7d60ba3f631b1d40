"""One number, one way: every door that shows a figure asks the one function that makes it.

The doors are compared on random regions of the bundled data: the command line (`python -m store
scores / ranking / plan / change / whatif`), the store, the what-if with no change, the exports
(reports.tables), the profile behind the PDF and PPTX slides, and the claims view's model. Any
second implementation of the index, a rank, a shown change, a rounding or points lost that
disagrees on any of them fails here; a static check fails when Python's round() or a d3 number
format appears where a score is shown.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import random
import re
import shutil

import pandas as pd
import pytest

from charts.profiles import dumbbell, lines, radar
from i18n import format_number, format_percent
from reports.context import ReportContext
from reports.profile import region_profile
from reports.tables import claims_table, ranking_table
from scoring import round_score, shown_difference
from store import Store
from store.cli import main
from tests.conftest import REPO
from views.claims import claims_model

YEAR, STAGE = 2025, "II"
SAMPLE = 6          # random regions per run (seeded: the same regions every run)
SEED = 23


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    target = tmp_path_factory.mktemp("one_path") / "data"
    shutil.copytree(REPO / "data", target, ignore=shutil.ignore_patterns(".matra.lock"))
    return Store(target)


@pytest.fixture(scope="module")
def ranking(store) -> pd.DataFrame:
    return store.ranking(YEAR, STAGE).set_index("region_code")


@pytest.fixture(scope="module")
def regions(ranking) -> list[str]:
    return random.Random(SEED).sample(sorted(ranking.index), SAMPLE)


def cli(store, capsys, *args) -> str:
    assert main(["--data-dir", str(store.data_dir), *args]) == 0
    return capsys.readouterr().out


def test_every_door_gives_the_same_index_rank_and_change(store, ranking, regions, capsys):
    scores = store.scores(YEAR, STAGE, "index").set_index("region_code")["index"]
    cli_scores = {row["region_code"]: float(row["index"]) for row in
                  csv.DictReader(io.StringIO(cli(store, capsys, "scores", "--year", str(YEAR), "--stage", STAGE)))}
    cli_ranking = {row["region_code"]: row for row in
                   csv.DictReader(io.StringIO(cli(store, capsys, "ranking", "--year", str(YEAR), "--stage", STAGE)))}
    export = ranking_table(store, YEAR, STAGE, "en").set_index("Region code")
    for region in regions:
        index, row = scores[region], ranking.loc[region]
        assert cli_scores[region] == index == row["index"]
        plan = json.loads(cli(store, capsys, "plan", "--region", region, "--year", str(YEAR), "--stage", STAGE))
        assert plan["score"] == index
        change_args = ["change", "--region", region, "--year", str(YEAR), "--stage", STAGE]
        if row["new"]:   # not assessed the year before: no change anywhere
            assert main(["--data-dir", str(store.data_dir), *change_args]) == 2 and pd.isna(row["improvement"])
            capsys.readouterr()
        else:
            change = json.loads(cli(store, capsys, *change_args))
            assert change["index_after"] == index
            assert shown_difference(change["index_after"], change["index_before"]) == row["improvement"]
        whatif = store.whatif(region, YEAR, STAGE)
        assert whatif.index_before == whatif.index_after == index
        assert whatif.rank_before == whatif.rank_after == row["rank"] == int(cli_ranking[region]["rank"])
        assert whatif.province_rank_before == row["province_rank"]
        assert whatif.index_change == 0.0
        cli_whatif = json.loads(cli(store, capsys, "whatif", "--region", region, "--year", str(YEAR),
                                    "--stage", STAGE))
        assert cli_whatif["index_before"] == index and cli_whatif["rank_before"] == row["rank"]
        code = random.Random(region).choice(list(store.region_indicators(region, YEAR, STAGE)["indicator_code"]))
        moved = json.loads(cli(store, capsys, "whatif", "--region", region, "--year", str(YEAR), "--stage", STAGE,
                               "--set", f"{code}={store.framework_of(YEAR, STAGE).max_level}"))
        assert moved["index_change"] == shown_difference(moved["index_after"], index)
        top = store.framework_of(YEAR, STAGE).max_level
        assert moved["index_change"] == store.whatif(region, YEAR, STAGE, levels={code: top}).index_change
        assert cli_ranking[region]["shown"] == f"{round_score(index):.2f}"
        assert export.loc[region, "Smart City Index"] == round_score(index)
        assert export.loc[region, "Rank"] == row["rank"]
        profile = region_profile(store, region, YEAR, STAGE, "id")   # the PDF and the PPTX slides draw this
        assert profile.index == index and profile.rank == row["rank"]
        if not row["new"]:
            assert float(cli_ranking[region]["change"]) == row["improvement"]
            assert export.loc[region, "Change"] == row["improvement"] == profile.improvement


def test_the_claims_export_says_what_the_page_shows(store, ranking, regions):
    """Shares as the page writes them (format_percent, one decimal half up) and points lost as the
    page's digits: the export's numbers are the page's, for every OPD of a province."""
    sizes = ranking["province_code"].value_counts()
    province = next(ranking.loc[r, "province_code"] for r in regions if sizes[ranking.loc[r, "province_code"]] > 1)
    codes = sorted(ranking.index[ranking["province_code"] == province])
    model = claims_model(store.claims(YEAR, codes))
    export = claims_table(store, YEAR, "en", codes).set_index("Owner OPD")
    for opd in model.by_opd.itertuples():
        page = format_percent(opd.failed_share, "en", 1)
        assert f"{export.loc[opd.key, '% failed']:.1f}%" == page
        assert float(export.loc[opd.key, "Index points lost"]) == float(
            format_number(opd.points_lost, "en", digits=3))


def test_a_share_on_the_half_is_rounded_up_in_the_export_as_on_the_page(store, monkeypatch):
    """29 of 80 claims failed: 36.25 % shows 36,3 % on the page; Python's round() would write 36.2."""
    summary = pd.DataFrame({"key": ["Diskominfo"], "claimed_index": [3.0], "verified_index": [2.0],
                            "points_lost": [0.0125], "claims": [80], "failed": [29], "failed_share": [29 / 80],
                            "evidence_missing_share": [29 / 80], "lowered_share": [0.0]})
    monkeypatch.setattr("reports.tables.claims_summary", lambda outcomes, by: summary)
    export = claims_table(store, YEAR, "id")
    assert export.iloc[0, 3] == 36.3 and format_percent(29 / 80, "id", 1) == "36,3%"
    assert export.iloc[0, -1] == 0.013   # 0.0125 with three digits, half up as on the page


def test_hover_text_is_the_page_s_formatted_number(store):
    """2.675 is shown 2,68 on the page; a d3 format in the hover would say 2,67."""
    text = ReportContext.of(store, YEAR, STAGE, "id").chart_text("t", "u")
    polar = radar(["GOV", "ENV"], [("A", [2.675, 1.0])], text, top=4)
    assert [value for _, value in polar.data[0].customdata] == ["2,68", "1,00", "2,68"]
    trend = lines(pd.DataFrame({"year": [2024], "series": ["A"], "score": [2.675]}), text, "skor", top=4)
    assert list(trend.data[0].text) == ["2,68"] and "%{text}" in trend.data[0].hovertemplate
    pair = dumbbell(pd.DataFrame({"label": ["GOV"], "score": [2.675], "reference": [3.005]}), text, "r", "s", top=4)
    assert [list(trace.text) for trace in pair.data[1:]] == [["3,01"], ["2,68"]]


# Python's round() rounds the binary float half to even (36.25 -> 36.2); shown figures use
# scoring.round_score. These calls round pixels and seconds, never a figure a person reads.
ROUND_ALLOWED = {"sections/present/slides.py", "sections/present/meeting_desk.py", "reports/handout.py"}
SHOWN_LAYERS = ("app.py", "pages", "sections", "components", "views", "charts", "scoring", "store", "i18n", "reports")
D3_NUMBER_FORMAT = re.compile(r"%\{[^}]*:[^}]*\}|hoverformat|tickformat=\"[^d\"]")


def project_files():
    for layer in SHOWN_LAYERS:
        yield from ([REPO / layer] if layer.endswith(".py") else sorted((REPO / layer).rglob("*.py")))


def test_no_module_rounds_with_python_round_or_formats_a_number_with_d3():
    rounding, d3 = [], []
    for path in project_files():
        name = str(path.relative_to(REPO))
        source = path.read_text()
        calls = [node.lineno for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)
                 and isinstance(node.func, ast.Name) and node.func.id == "round"]
        if calls and name not in ROUND_ALLOWED:
            rounding.append(f"{name}:{calls}")
        d3 += [f"{name}: {match}" for match in D3_NUMBER_FORMAT.findall(source)]
    assert rounding == [] and d3 == []


def test_one_definition_of_each_figure():
    """The index, ranks and shown changes each have one definition; a second `def` of any of them
    (even one that agrees today) fails here."""
    names = {"shared_ranks", "shown_difference", "round_score", "exact_sum", "scope_score", "movers",
             "claims_model", "smart_city_index"}
    defined = {}
    for path in project_files():
        if path == REPO / "components" / "cached.py":   # the cache layer wraps each read under its own name
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and node.name in names:
                defined.setdefault(node.name, []).append(str(path.relative_to(REPO)))
    assert defined == {"shared_ranks": ["scoring/ranking.py"], "shown_difference": ["scoring/bands.py"],
                       "round_score": ["scoring/bands.py"], "exact_sum": ["scoring/exact.py"],
                       "scope_score": ["scoring/aggregate.py"], "movers": ["scoring/summaries.py"],
                       "smart_city_index": ["scoring/aggregate.py"],
                       "claims_model": ["views/claims.py"]}


INDEX_FIGURES = {"index_after", "index_before", "index_all_done", "index_now", "index", "first_score", "second_score"}


def test_no_surface_subtracts_two_indices_itself():
    """A change a person reads is the difference of the shown values (scoring.shown_difference, as in
    WhatIf.index_change); `after - before` on raw indices can differ from it by 0.01."""
    found = []
    for path in project_files():
        if path.parts[len(REPO.parts)] == "scoring":   # the rules themselves (the exact change breakdown)
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and all(
                    isinstance(side, ast.Attribute) and side.attr in INDEX_FIGURES for side in (node.left, node.right)):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert found == []



def test_ranks_are_counted_in_one_place():
    """Every rank (national, province, kind, group, the what-if's) is scoring.ranking.shared_ranks:
    no other code calls pandas' rank(), so no second method (dense, first) can creep in."""
    found = []
    for path in project_files():
        tree = ast.parse(path.read_text())
        inside = {id(node) for function in ast.walk(tree)
                  if isinstance(function, ast.FunctionDef) and function.name == "shared_ranks"
                  for node in ast.walk(function)}
        found += [f"{path.relative_to(REPO)}:{node.lineno}" for node in ast.walk(tree)
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "rank"
                  and id(node) not in inside]
    assert found == []
