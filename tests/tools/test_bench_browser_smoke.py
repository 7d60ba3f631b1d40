"""The browser benchmark's arithmetic (tools/bench_browser.py): percentiles, ratios to the floor,
verdicts and the goal summary. No server, no browser, no timing assertions."""

from __future__ import annotations

import json
import math

import pytest

from tools.bench_browser import parse_args, ranking_100x
from tools.bench_report import GOALS, Report, by_how_much, median, percentile, ratio, size, verdict


def test_percentile_interpolates_between_closest_ranks_like_numpy():
    values = [4.0, 1.0, 3.0, 2.0]
    assert percentile(values, 0) == 1.0
    assert percentile(values, 100) == 4.0
    assert median(values) == 2.5
    assert percentile(values, 95) == pytest.approx(3.85)   # numpy.percentile([1, 2, 3, 4], 95)
    assert percentile([7.0], 95) == 7.0


def test_missing_values_are_left_out_and_nothing_gives_nan():
    assert median([None, 1.0, math.nan, 3.0]) == 2.0
    assert math.isnan(percentile([], 50))
    assert math.isnan(percentile([None], 95))


def test_ratio_to_the_floor_and_the_verdict():
    assert ratio(3.0, 2.0) == 1.5
    assert math.isnan(ratio(3.0, 0.0))
    assert math.isnan(ratio(math.nan, 2.0))
    assert verdict(ratio(2.5, 2.0), GOALS["first"]) == "PASS"   # 1.25x is within "<= 1.25x"
    assert verdict(ratio(2.6, 2.0), GOALS["first"]) == "MISS"
    assert verdict(math.nan, 1.0) == "n/a"


def test_the_summary_holds_the_value_compared_with_the_goal(capsys):
    report = Report()
    report.add("start", "first chart", "6.00", "3.00", "2.00x", "<= 5 s", "MISS", "6.00 s")
    report.add("load first", "overview", "1.00 / 1.20", "0.90", "1.11x", "<= 1.25x", "PASS")
    report.add("pdf", "second click", "0.10")   # no goal: not in the summary
    report.summary()
    out = capsys.readouterr().out
    assert "MISS  start: first chart" in out and "6.00 s" in out and "20 % over" in out   # 6 s against 5 s
    assert "PASS  load first: overview" in out and "1.11x" in out and "11 % under" in out   # 1.11 / 1.25 = 0.888
    assert "second click" not in out.split("Goals")[1]
    assert "1 of 2 goals met" in out


def test_quick_and_session_flags():
    quick = parse_args(["--quick"])
    assert (quick.repeat, quick.sessions, quick.ws_sessions) == (2, [1, 10], [1, 20])
    assert parse_args(["--sessions", "1,10"]).sessions == [1, 10]
    assert parse_args([]).sessions == [1, 10, 20, 50]


def test_parts_and_sizes():
    assert parse_args(["--parts", "network,capacity"]).parts == ["network", "capacity"]
    assert "pdf" not in parse_args(["--skip-pdf"]).parts
    with pytest.raises(SystemExit):
        parse_args(["--parts", "network,nonsense"])
    assert size(1_500_000) == "1.50 MB" and size(2_400) == "2 kB"   # the units Mbit/s goes with (10^3)


def test_by_how_much_compares_the_last_number_with_the_goal():
    assert by_how_much("p95 2.05 s", "<= 2 s") == "2 % over"      # 2.05 / 2 - 1 = 0.025
    assert by_how_much("0.060 s", "<= 0.1 s") == "40 % under"
    assert by_how_much("failed", "<= 3 s") == ""


def test_the_100x_ranking_comes_from_the_store_benchmark_record(tmp_path, capsys):
    record = tmp_path / "store-bench.json"
    report = Report()
    ranking_100x(report, record)                       # never run here: n/a, and the note says how
    assert report.rows[-1][6] == "n/a" and "make bench" in report.notes[-1]
    record.write_text(json.dumps({"100": {"when": "2026-12-04 18:30 UTC", "commit": "abc1234", "load": "1.00",
                                          "calls": [{"call": "ranking(2025, II)", "n": 20, "median": 130.0,
                                                     "p95": 150.0, "goal": 100.0}]}}))
    ranking_100x(report, record)
    assert report.rows[-1][6] == "MISS" and report.rows[-1][7] == "130.0 ms"
    assert "abc1234" in report.notes[-1]
    report.summary()
    assert "30 % over" in capsys.readouterr().out
