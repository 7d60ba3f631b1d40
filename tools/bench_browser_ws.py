"""Page runs at the websocket level, without a browser (used by tools/bench_browser.py).

A page run is what the server does for a fresh browser session opening a page: a new websocket on
/_stcore/stream, one BackMsg `rerun_script` (the page's URL path and query string, as Streamlit's
frontend sends on load), then every ForwardMsg until `script_finished`. Nothing is drawn, so the
time is the server's alone: running app.py's frame and the page script, and serialising what it
shows (plotly JSON, Arrow tables). The server's CPU time is read from /proc/PID/stat around a
series of runs, so CPU per page run does not depend on how busy the rest of the machine is.
"""

from __future__ import annotations

import asyncio
import os
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

RUN_TIMEOUT_S = 240.0


@dataclass
class PageRun:
    seconds: float
    charts: int = 0          # plotly charts sent
    tables: int = 0          # st.dataframe / st.table elements sent
    exceptions: int = 0      # st.exception elements (a page that failed)
    sent_bytes: int = 0      # ForwardMsg bytes the browser would have received
    deflated_bytes: int = 0  # the same messages through one deflate stream, as permessage-deflate sends them
    wire_bytes: int = 0      # websocket frames as received (compressed when the server agreed to permessage-deflate)
    compressed: bool = False  # the server accepted permessage-deflate (server.enableWebsocketCompression)
    by_kind: dict[str, int] = field(default_factory=dict)   # bytes by element (plotly_chart, dataframe ...)
    error: str = ""          # why a run failed (timeout, closed socket, the page's first exception)

    @property
    def ok(self) -> bool:
        return not self.error


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far (all its threads; not its children)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid: int) -> float:
    """Resident set size of process `pid` now, in MiB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


async def page_run(base_url: str, page: str, query: str = "", timeout: float = RUN_TIMEOUT_S) -> PageRun:
    """One fresh session's run of `page` (the URL path, "" for the default page)."""
    url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
    request = BackMsg()
    request.rerun_script.query_string = query
    request.rerun_script.page_name = page
    started = time.perf_counter()
    run = PageRun(seconds=0.0)
    try:
        async with websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout) as socket:
            run.compressed = "permessage-deflate" in (socket.response.headers.get("Sec-WebSocket-Extensions") or "")
            _count_wire_bytes(socket, run)
            await socket.send(request.SerializeToString())
            await asyncio.wait_for(_read_until_finished(socket, run), timeout)
    except (OSError, TimeoutError, websockets.WebSocketException) as error:
        run.error = f"{type(error).__name__}: {error}"[:200]
    run.seconds = time.perf_counter() - started
    return run


def _count_wire_bytes(socket, run: PageRun) -> None:
    """Count the bytes of every frame the connection receives, before decompression (the websockets
    client offers permessage-deflate, as browsers do; whether the server takes it is its setting)."""
    receive = socket.protocol.receive_data

    def counted(data: bytes) -> None:
        run.wire_bytes += len(data)
        receive(data)

    socket.protocol.receive_data = counted


async def _read_until_finished(socket, run: PageRun) -> None:
    message = ForwardMsg()
    # permessage-deflate with context takeover: one raw deflate stream, flushed after each message.
    deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    while True:
        data = await socket.recv()
        run.sent_bytes += len(data)
        run.deflated_bytes += len(deflate.compress(data) + deflate.flush(zlib.Z_SYNC_FLUSH)) - 4
        message.ParseFromString(data)
        kind = message.WhichOneof("type")
        part = kind if kind != "delta" else message.delta.WhichOneof("type")
        if part == "new_element":
            part = message.delta.new_element.WhichOneof("type")
        run.by_kind[part] = run.by_kind.get(part, 0) + len(data)
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element.WhichOneof("type")
            run.charts += element == "plotly_chart"
            run.tables += element in ("dataframe", "table")
            if element == "exception":
                run.exceptions += 1
                exception = message.delta.new_element.exception
                run.error = run.error or f"{exception.type}: {exception.message}"[:200]
        elif kind == "script_finished":
            return


async def sequential_runs(base_url: str, page: str, count: int, pid: int) -> tuple[list[PageRun], float]:
    """`count` page runs one after the other (one warm-up run first, not counted); the runs and the
    server's CPU seconds per run."""
    await page_run(base_url, page)
    await asyncio.sleep(0.3)   # let the warm-up session's teardown finish before the clock starts
    before = cpu_seconds(pid)
    runs = [await page_run(base_url, page) for _ in range(count)]
    await asyncio.sleep(0.3)   # ...and count the last session's teardown
    return runs, (cpu_seconds(pid) - before) / count


async def with_peak_rss(pid: int, awaitable):
    """Await `awaitable` while sampling process `pid`'s RSS every 0.1 s; (its result, peak MiB)."""
    peak = rss_mib(pid)
    done = asyncio.Event()

    async def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, rss_mib(pid))
            await asyncio.sleep(0.1)

    sampler = asyncio.create_task(sample())
    try:
        return await awaitable, peak
    finally:
        done.set()
        await sampler


async def concurrent_runs(base_url: str, page: str, count: int, pid: int) -> tuple[list[PageRun], float, float]:
    """`count` fresh sessions opening `page` at once; the runs, the server's CPU seconds per run and
    its peak RSS (MiB) while they ran."""
    before = cpu_seconds(pid)
    runs, peak = await with_peak_rss(pid, asyncio.gather(*(page_run(base_url, page) for _ in range(count))))
    await asyncio.sleep(0.3)
    return list(runs), (cpu_seconds(pid) - before) / count, peak


async def concurrent_runs_on(base_url: str, page: str, count: int) -> list[PageRun]:
    """`count` fresh sessions opening `page` at once (through a proxy too: no process id needed)."""
    runs = await asyncio.gather(*(page_run(base_url, page) for _ in range(count)))
    await asyncio.sleep(0.3)
    return list(runs)
