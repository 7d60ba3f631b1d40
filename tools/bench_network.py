"""A regional office's connection, for the browser benchmark (tools/bench_browser.py).

Chromium's network is throttled through the DevTools protocol (`Network.emulateNetworkConditions`
on a CDP session of the page: download and upload rate, and a latency added to every request) to
2 Mbit/s with a 150 ms round trip and to 10 Mbit/s with 50 ms. For each server — `make run` (the
app straight from Streamlit), the documented deployment (nginx with deploy/nginx.conf, as `make
deploy-local` starts it) and the floor — a fresh browser context opens the overview and the region
page: the first visit (empty cache) and then, in the same context, a repeat visit (the cache kept,
a new Streamlit session). Timed to the first chart drawn; counted: the HTTP bytes on the wire
(`Network.loadingFinished` encodedDataLength, headers included; 0 for a response from the cache),
the responses, and the websocket payload the browser received (`Network.webSocketFrameReceived`,
after any decompression).

These contexts intercept nothing: Playwright's request routing would switch the HTTP cache off,
and the repeat visit is about that cache. Requests that leave the machine are counted instead
(none expected).

Also here: the websocket payload of every page by element kind (charts, tables, the rest), from a
websocket run without a browser, with the size one deflate stream would give it.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field

from tools import bench_browser_pages as browser_part
from tools import bench_browser_ws as ws_part
from tools.bench_report import GOALS, PAGES, Report, ratio, seconds, size, times, verdict

# name: (bits per second down and up, round trip in ms)
PROFILES = {"2 Mbit/s, 150 ms": (2_000_000, 150), "10 Mbit/s, 50 ms": (10_000_000, 50)}
SLOW = "2 Mbit/s, 150 ms"      # the profile the goals hold
NETWORK_PAGES = {"overview": "", "region": "region"}
VISIT_TIMEOUT_MS = 180_000


@dataclass
class Visit:
    first: float | None = None     # seconds from navigation to the first chart drawn
    http_bytes: int = 0            # bytes on the wire for HTTP responses (headers included)
    responses: int = 0             # HTTP responses (from the network or the cache)
    cached: int = 0                # of those, served from the browser's cache
    ws_bytes: int = 0              # websocket payload received
    foreign: int = 0               # requests to another host than the server's
    largest: list = field(default_factory=list)   # (bytes on the wire, file name) of every response
    error: str = ""


async def _visit(context, url: str, rate_bps: int, rtt_ms: int, expected: int) -> Visit:
    """Open `url` in a new page of `context` on a throttled network; the visit's figures once the
    run has finished (so the bytes of every chart are counted)."""
    visit = Visit()
    page = await context.new_page()
    session = await context.new_cdp_session(page)
    host = url.split("/")[2]
    names: dict[str, str] = {}

    def finished(event: dict) -> None:
        visit.responses += 1
        visit.http_bytes += int(event.get("encodedDataLength", 0))
        visit.largest.append((int(event.get("encodedDataLength", 0)),
                              names.get(event["requestId"], "?").split("?")[0].rsplit("/", 1)[-1]))

    def served(event: dict) -> None:
        visit.cached += 1

    def frame(event: dict) -> None:
        response = event["response"]
        data = response.get("payloadData", "")
        visit.ws_bytes += len(base64.b64decode(data)) if response.get("opcode") == 2 else len(data.encode())

    def request(event: dict) -> None:
        target = event["request"]["url"]
        names[event["requestId"]] = target
        if target.startswith(("http://", "https://", "ws://")) and target.split("/")[2] != host:
            visit.foreign += 1

    session.on("Network.loadingFinished", finished)
    session.on("Network.requestServedFromCache", served)
    session.on("Network.webSocketFrameReceived", frame)
    session.on("Network.requestWillBeSent", request)
    await session.send("Network.enable")
    await session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": rtt_ms, "downloadThroughput": rate_bps / 8, "uploadThroughput": rate_bps / 8})
    try:
        await page.goto(url, wait_until="commit", timeout=VISIT_TIMEOUT_MS)
        visit.first = await browser_part._mark(page, "first", expected, None, VISIT_TIMEOUT_MS) / 1000
        await browser_part._mark(page, "all", expected, None, VISIT_TIMEOUT_MS)
    except Exception as error:   # a benchmark reports a failed visit; it does not stop
        visit.error = f"{type(error).__name__}: {str(error).splitlines()[0][:160]}"
    finally:
        await page.close()
    return visit


async def first_and_repeat(browser, url: str, rate_bps: int, rtt_ms: int, expected: int) -> tuple[Visit, Visit]:
    """A fresh context's first visit to `url`, then its repeat visit with the cache kept."""
    context = await browser.new_context(viewport=browser_part.VIEWPORT, locale="id-ID", timezone_id="Asia/Jakarta",
                                        service_workers="block")
    try:
        first = await _visit(context, url, rate_bps, rtt_ms, expected)
        again = await _visit(context, url, rate_bps, rtt_ms, expected)
        return first, again
    finally:
        await context.close()


def _bytes(visit: Visit) -> str:
    return f"{size(visit.http_bytes)} + {size(visit.ws_bytes)}"


async def network(browser, targets: dict[str, str], floor_url: str, counts: dict[str, int], report: Report) -> None:
    """First and repeat visits per profile, per target ("make run", "deployment"), per page, each
    beside the floor's in the same profile. Goals: first visit and repeat visit at 2 Mbit/s behind
    the deployment."""
    for profile, (rate, rtt) in PROFILES.items():
        report.heading(f"A regional office's connection, {profile} (Chromium throttled; one visit each): first "
                       f"chart s; bytes HTTP on the wire + websocket payload")
        floor_first, floor_again = await first_and_repeat(browser, floor_url, rate, rtt, counts["floor/one"])
        report.add("network", f"floor: first visit | bytes ({floor_first.responses} responses)",
                   f"{seconds(floor_first.first)} | {_bytes(floor_first)}")
        report.add("network", "floor: repeat visit | bytes", f"{seconds(floor_again.first)} | {_bytes(floor_again)}")
        for target, base in targets.items():
            for page, path in NETWORK_PAGES.items():
                first, again = await first_and_repeat(browser, f"{base}/{path}", rate, rtt, counts[page])
                goal_first = goal_again = ("", "", "")
                if profile == SLOW and target == "deployment":
                    goal_first = (f"<= {GOALS['slow_first_visit']:.0f} s",
                                  verdict(first.first, GOALS["slow_first_visit"]), f"{seconds(first.first)} s")
                    goal_again = (f"<= {GOALS['repeat_visit']:.0f} s", verdict(again.first, GOALS["repeat_visit"]),
                                  f"{seconds(again.first)} s")
                label = f"{target} {page} [{profile}]" if goal_first[0] else f"{target} {page}"
                report.add("network", f"{label}: first visit", seconds(first.first), seconds(floor_first.first),
                           times(ratio(first.first, floor_first.first)), *goal_first)
                report.add("network", f"  bytes ({first.responses} responses)", _bytes(first), _bytes(floor_first))
                report.add("network", f"{label}: repeat visit ({again.cached} from cache)", seconds(again.first),
                           seconds(floor_again.first), times(ratio(again.first, floor_again.first)), *goal_again)
                report.add("network", "  bytes", _bytes(again), _bytes(floor_again))
                if profile == SLOW and target == "deployment":
                    top = sorted(first.largest, reverse=True)[:5]
                    report.notes.append(f"network {target} {page} first visit, largest responses: "
                                        + ", ".join(f"{name} {size(count)}" for count, name in top))
                for visit in (first, again):
                    if visit.error:
                        report.notes.append(f"network {target} {page} {profile}: {visit.error}")
                    if visit.foreign:
                        report.notes.append(f"network {target} {page}: {visit.foreign} requests left the machine")


async def payloads(app_url: str, floor_url: str, report: Report) -> None:
    """The websocket payload of one fresh session's run of every page, by element kind."""
    report.heading("Websocket payload of a page run (one fresh session, no browser): bytes sent, by element")
    floor = await ws_part.page_run(floor_url, "")
    report.add("payload", f"floor: charts {size(floor.by_kind.get('plotly_chart', 0))}", size(floor.sent_bytes))
    for name, path in PAGES.items():
        run = await ws_part.page_run(app_url, path)
        charts = run.by_kind.get("plotly_chart", 0)
        tables = run.by_kind.get("dataframe", 0) + run.by_kind.get("table", 0)
        wire = "compressed" if run.compressed else "not compressed"
        report.add("payload", f"{name}: charts {size(charts)}, tables {size(tables)}, deflated "
                              f"{size(run.deflated_bytes)}; wire {size(run.wire_bytes)} ({wire})",
                   size(run.sent_bytes), size(floor.sent_bytes), times(ratio(run.sent_bytes, floor.sent_bytes)))
        if run.error:
            report.notes.append(f"payload {name}: {run.error}")
