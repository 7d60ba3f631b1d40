"""The load parts of the browser benchmark (tools/bench_browser.py): server CPU per page run and N
concurrent page runs at the websocket level, N browser contexts opening the overview at once, and
the capacity of one and of two app processes (the most sessions opening the overview at once with a
p95 within the goal, per core)."""

from __future__ import annotations

import math

from tools import bench_browser_pages as browser_part
from tools import bench_browser_ws as ws_part
from tools.bench_report import (
    GOALS,
    PAGES,
    Report,
    errors_of,
    median,
    percentile,
    ratio,
    seconds,
    spread,
    times,
    verdict,
)


async def websocket_runs(servers, runs: int, sessions: list[int], report: Report) -> None:
    """CPU per page run (sequential fresh sessions) and N concurrent runs, without a browser."""
    app, floor = servers["app"], servers["floor"]
    floor_runs, floor_cpu = await ws_part.sequential_runs(floor.url, "", runs, floor.process.pid)
    report.heading(f"Websocket level (no browser): server CPU and wall time per page run (n={runs}, sequential)")
    floor_wall = median([r.seconds for r in floor_runs])
    report.add("ws", "floor: CPU s per run | wall median", f"{floor_cpu:.3f} | {seconds(floor_wall)}")
    for name, path in PAGES.items():
        page_runs, cpu = await ws_part.sequential_runs(app.url, path, runs, app.process.pid)
        wall = median([r.seconds for r in page_runs])
        report.add("ws cpu", f"{name}: CPU s per run | wall median", f"{cpu:.3f} | {seconds(wall)}",
                   f"{floor_cpu:.3f}", times(ratio(cpu, floor_cpu)), f"<= {GOALS['cpu']} s", verdict(cpu, GOALS["cpu"]),
                   f"{cpu:.3f} s")
        failed = [r for r in page_runs if not r.ok]
        if failed:
            report.notes.append(f"ws {name}: {len(failed)} failed runs ({failed[0].error or 'exception'})")
    report.heading("Websocket level: N fresh sessions run the overview at once (p50 / p95 s; errors; CPU s/run)")
    single = math.nan
    for count in sessions:
        app_runs, cpu, peak = await ws_part.concurrent_runs(app.url, "", count, app.process.pid)
        floor_load, floor_cpu, _ = await ws_part.concurrent_runs(floor.url, "", count, floor.process.pid)
        p95 = percentile([r.seconds for r in app_runs], 95)
        if count == 1:
            single = p95
        errors = sum(not r.ok for r in app_runs)
        goal = (f"<= {GOALS['ws20_p95']:.0f} s", verdict(p95, GOALS["ws20_p95"]) if not errors else "MISS",
                f"p95 {seconds(p95)} s") if count == 20 else ("", "", "")
        report.add("ws concurrent", f"N={count}: p50 / p95, {errors} errors, CPU {cpu:.2f} s/run",
                   spread([r.seconds for r in app_runs]), spread([r.seconds for r in floor_load]),
                   times(ratio(p95, percentile([r.seconds for r in floor_load], 95))), *goal)
        if count > 1 and not math.isnan(single):
            report.notes.append(f"ws N={count}: p95 is {ratio(p95, single):.1f}x the single run; server peak RSS "
                                f"{peak:.0f} MiB")


async def browser_sessions(browser, servers, counts, sessions: list[int], report: Report) -> None:
    """N fresh browser contexts open the overview (app) or the floor at once."""
    app = servers["app"]
    report.heading("Browser: N contexts open the overview at once -> first chart / all charts (p50 / p95 s)")
    single = math.nan
    for count in sessions:
        timeout = 60_000 + 6_000 * count
        floor_pid = servers["floor"].process.pid
        floor_cpu_before = ws_part.cpu_seconds(floor_pid)
        floor_load = await browser_part.concurrent_loads(browser, servers["floor"].url, counts["floor/one"], count,
                                                          timeout)
        floor_cpu = (ws_part.cpu_seconds(floor_pid) - floor_cpu_before) / count
        rss_before, cpu_before = ws_part.rss_mib(app.process.pid), ws_part.cpu_seconds(app.process.pid)
        app_load, peak = await ws_part.with_peak_rss(
            app.process.pid, browser_part.concurrent_loads(browser, app.url, counts["overview"], count, timeout))
        cpu = (ws_part.cpu_seconds(app.process.pid) - cpu_before) / count
        firsts = [t.first for t in app_load.timings]
        errors = errors_of(app_load.timings)
        p95 = percentile(firsts, 95)
        if count == 1:
            single = median(firsts)
        report.add("browser N", f"N={count}: first chart", spread(firsts),
                   spread([t.first for t in floor_load.timings]),
                   times(ratio(median(firsts), median([t.first for t in floor_load.timings]))))
        goal = ("", "")
        if count == 20:
            value = ratio(p95, single)
            goal = (f"<= {GOALS['concurrent_ratio']:.0f}x single", "MISS" if errors else verdict(value,
                                                                                           GOALS["concurrent_ratio"]))
            report.add("browser N", "N=20: p95 first chart / single session", times(value), "", "", *goal)
        floor_errors = len(errors_of(floor_load.timings))
        report.add("browser N", f"N={count}: all charts; errors {len(errors)} (floor {floor_errors})",
                   spread([t.all for t in app_load.timings]), spread([t.all for t in floor_load.timings]))
        report.add("browser N", f"N={count}: server RSS before / peak MiB", f"{rss_before:.0f} / {peak:.0f}",
                   "", "", "", "")
        report.add("browser N", f"N={count}: server CPU s per page run", f"{cpu:.3f}", f"{floor_cpu:.3f}",
                   times(ratio(cpu, floor_cpu)))
        for error in errors[:3]:
            report.notes.append(f"browser N={count}: {error}")


CAPACITY_LADDER = (1, 2, 4, 6, 8, 10, 12, 16, 20, 24, 32, 40)


async def capacity_of(url: str, pids: list[int], ladder=CAPACITY_LADDER, rounds: int = 2) -> tuple[int, list[tuple]]:
    """The most fresh sessions opening the overview at once (websocket level) whose p95 stays within
    the goal with no error, climbing `ladder` until one step misses; (that N, [(N, p50, p95, errors,
    CPU s per run)] per step). Every process is warmed first (a few runs each, not counted); each
    step is `rounds` bursts of N sessions, their times pooled, so one stall of a shared machine does
    not decide alone."""
    for _ in range(3 * len(pids)):
        await ws_part.page_run(url, "")
    best, steps = 0, []
    for count in ladder:
        before = sum(ws_part.cpu_seconds(pid) for pid in pids)
        runs = []
        for _ in range(rounds):
            runs += await ws_part.concurrent_runs_on(url, "", count)
        cpu = (sum(ws_part.cpu_seconds(pid) for pid in pids) - before) / len(runs)
        seconds_ = [run.seconds for run in runs]
        p95, errors = percentile(seconds_, 95), sum(not run.ok for run in runs)
        steps.append((count, median(seconds_), p95, errors, cpu))
        if errors or p95 > GOALS["capacity_p95"]:
            break
        best = count
    return best, steps


async def capacity(targets: dict[str, tuple[str, list[int]]], report: Report) -> dict[str, int]:
    """Sessions per core at p95 <= the goal for each target {name: (url, app pids)}; one app process
    is taken as one core (each runs its scripts on about one)."""
    report.heading(f"Capacity: N fresh sessions open the overview at once (websocket level; 2 bursts per N), N "
                   f"climbing until p95 > {GOALS['capacity_p95']:.0f} s")
    found = {}
    for name, (url, pids) in targets.items():
        best, steps = await capacity_of(url, pids)
        for count, p50, p95, errors, cpu in steps:
            report.add("capacity", f"{name}: N={count} p50 / p95, {errors} errors, CPU {cpu:.2f} s/run",
                       f"{seconds(p50)} / {seconds(p95)}")
        found[name] = best
        report.add("capacity", f"{name}: sessions at once within p95 {GOALS['capacity_p95']:.0f} s, per core",
                   f"{best} | {best / len(pids):.1f} per core")
    return found
