"""One region, year and stage read the same on every surface: the command line (`python -m store`
ranking and plan), the region page, the gaps page, the overview ranking, the compare matrix, the
live slide and the profile behind the PDF and PPTX exports show the same shown index, band, rank,
change and plan."""

import csv
import io
import json

import pytest

from charts.labels import region_short_name
from i18n import format_number
from reports.agenda import Agenda, AgendaItem, encode
from reports.profile import region_profile
from scoring import band_for
from store.cli import main
from tests.pages.conftest import metric, open_page

REGION, YEAR, STAGE = "35.09", 2025, "II"


@pytest.fixture
def cli_figures(data_dir, capsys):
    """The CLI's ranking row and index plan for REGION, as a user of the command line reads them."""
    assert main(["--data-dir", str(data_dir), "ranking", "--year", str(YEAR), "--stage", STAGE]) == 0
    rows = {row["region_code"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert main(["--data-dir", str(data_dir), "plan", "--region", REGION, "--year", str(YEAR), "--stage", STAGE,
                 "--format", "json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    return rows[REGION], plan, len(rows)


def shown_id(text: str) -> str:
    """The CLI's "2.22" as the Indonesian UI writes it."""
    return text.replace(".", ",")


def action_count(plan: dict) -> int:
    return sum(1 if a["kind"] == "verify" else a["to_level"] - a["from_level"] for a in plan["actions"])


def test_region_page_and_live_slide_match_the_cli(data_dir, store, cli_figures):
    row, _, total = cli_figures
    band = band_for(float(row["shown"]), store.framework_of(YEAR, STAGE))
    agenda = Agenda("x", YEAR, STAGE, "id", store.current_snapshot_ids(), (AgendaItem("region", {"region": REGION}),))
    for app in (open_page("region", region=REGION, year=YEAR, stage=STAGE),
                open_page("present", agenda=encode(agenda), mode="slides", slide=2)):  # slide 1 is the title
        assert not app.exception, [e.value for e in app.exception]
        index_metric = next(m for m in app.metric if m.label.startswith("Indeks Smart City"))
        assert index_metric.value == shown_id(row["shown"])
        change = shown_id(row["change"])
        assert index_metric.proto.delta == (change.replace("-", "−") if change.startswith("-") else "+" + change)
        assert metric(app, "Tingkat kematangan") == band.label("id") and str(band.level) == row["band"]
        assert metric(app, "Peringkat nasional") == f"{row['rank']} dari {total}"


def test_gaps_page_plan_matches_the_cli(data_dir, store, cli_figures):
    row, plan, _ = cli_figures
    app = open_page("gaps", region=REGION, year=YEAR, stage=STAGE)
    assert not app.exception, [e.value for e in app.exception]
    index_expander = next(e for e in app.expander if e.label.startswith("Indeks Smart City:"))
    band = store.framework_of(YEAR, STAGE).band_labels("id")[int(row["band"])]
    assert index_expander.label == f"Indeks Smart City: {shown_id(row['shown'])} · {band}"
    line = index_expander.markdown[0].value
    assert f"{action_count(plan)} aksi" in line
    assert format_number(plan["score_after"], "id") in line
    steps = index_expander.markdown[1].value.splitlines()
    assert len(steps) == len(plan["actions"]) > 0
    for step, action in zip(steps, plan["actions"], strict=True):
        assert action["indicator_code"] in step and action["owner_opd"] in step


def test_overview_ranking_row_and_compare_matrix_match_the_cli(data_dir, store, cli_figures):
    row, _, _ = cli_figures
    app = open_page("overview", year=YEAR, stage=STAGE)
    assert not app.exception, [e.value for e in app.exception]
    table = next(t.value for t in app.dataframe if "Peringkat" in t.value.columns)
    shown = table[table["Daerah"] == region_short_name("Kabupaten Jember")].iloc[0]   # "Kab. Jember"
    assert str(shown["Peringkat"]) == row["rank"]
    assert shown["Indeks Smart City"] == shown_id(row["shown"])
    assert shown["Tingkat kematangan"] == store.framework_of(YEAR, STAGE).band_labels("id")[int(row["band"])]
    assert shown["Perubahan"] == "+" + shown_id(row["change"])
    compare = open_page("compare", region=REGION, mode="manual", year=YEAR, stage=STAGE)
    heatmap = next(c for c in compare.get("plotly_chart") if "heatmap" in c.proto.spec)
    assert f'"{shown_id(row["shown"])}"' in heatmap.proto.spec or f'"{row["shown"]}"' in heatmap.proto.spec


def test_export_profile_matches_the_cli(data_dir, store, cli_figures):
    row, plan, total = cli_figures
    profile = region_profile(store, REGION, YEAR, STAGE, "id")
    assert format_number(profile.index, "en") == row["shown"]
    assert str(profile.band.level) == row["band"] and profile.rank == int(row["rank"]) and profile.total == total
    assert format_number(profile.improvement, "en") == row["change"]
    assert store.plan(REGION, YEAR, STAGE).action_count == action_count(plan)
