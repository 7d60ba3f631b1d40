"""The store benchmark's bounds part (tools/bench_bounds.py) runs on the bundled data: it fills a
register and the scenarios to the stored bounds through the store's own writers, on the framework's
own levels, and times the plan and compare computations. No timing assertions: the figures are the
benchmark's; this checks it still runs and fills what it says."""

from __future__ import annotations

from tools.bench_bounds import run_bounds


def test_the_bounds_benchmark_fills_the_register_and_scenarios_and_times_both(monkeypatch):
    monkeypatch.setenv("MATRA_MAX_PROGRAMMES", "20")
    monkeypatch.setenv("MATRA_MAX_SCENARIOS", "6")
    result = run_bounds(2, 1)
    assert (result["programmes"], result["scenarios"]) == (20, 6)
    assert len(result["regions"]) == 2
    assert [len(result["timings"][name]) for name in ("plan", "compare")] == [1, 1]
