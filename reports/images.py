"""Chart images for the PDF: plotly figures (built by charts/) rendered to PNG by kaleido 1.x, which
drives a headless Debian chromium (/usr/bin/chromium; kaleido finds it on PATH).

Browser lifetime: no browser is left running once an export is done. An export that makes several
images wraps them in `browser_session()`: chromium (kaleido's sync server) starts at the first
image, is reused for the rest, and is stopped when the block ends, also on an error. A lone
`figure_png` call outside a session starts and stops its own browser. The cost is one browser start
(a few seconds) per export; the gain is that a ~1 GiB headless chromium does not stay behind for
the life of the server process. Calls are serialised with a lock: the server answers one request at
a time, and Streamlit sessions run in threads (a second export waits for the first).

Known limit: if chromium dies while starting, kaleido's server thread ends and a request would
wait forever; each render therefore runs with a timeout, after which PDF export is marked
unavailable for the rest of the process.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from reports.errors import ExportUnavailable
from store.settings import browser_search

RENDER_TIMEOUT_SECONDS = 120
DEFAULT_WIDTH = 900

_lock = threading.RLock()   # re-entrant: a session's renders take it again inside the session
_broken: str | None = None   # why rendering stopped working in this process, once it did


def chromium_path() -> str | None:
    """The chromium kaleido would start (BROWSER_PATH, PATH, the usual places), or None. Looked up
    once per PATH and BROWSER_PATH (the search walks every folder of PATH: 8 % of a region page run,
    which asks on every run whether the PDF can be made); a chromium removed later makes the next
    render fail, and `unavailable_reason` says so from then on."""
    return _chromium_path(*browser_search())


@functools.lru_cache(maxsize=4)
def _chromium_path(search_path: str, browser_path: str) -> str | None:
    try:
        from choreographer.browsers.chromium import Chromium
    except ImportError:
        return None
    path = Chromium.find_browser(skip_local=False)
    if path and Path(path).is_file() and os.access(path, os.X_OK):
        return str(path)
    return None


def unavailable_reason() -> str | None:
    """Why chart images cannot be made here (None when they can). Cheap: starts no browser."""
    if _broken:
        return _broken
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return "kaleido is not installed (pip install -r requirements.txt)"
    if chromium_path() is None:
        return "chromium was not found"
    return None


def images_available() -> bool:
    return unavailable_reason() is None


def figure_png(figure, width: int = DEFAULT_WIDTH, height: int | None = None, scale: float = 2) -> bytes:
    """The figure as PNG bytes (`height` defaults to the figure's own). ExportUnavailable when
    kaleido or chromium is missing, does not start, or does not answer in time."""
    reason = unavailable_reason()
    if reason:
        raise ExportUnavailable(reason)
    opts = {"format": "png", "width": width, "height": height or figure.layout.height or 500, "scale": scale}
    with browser_session():
        return _render(figure, opts)


@contextmanager
def browser_session() -> Iterator[None]:
    """Keep one chromium for the images made inside the block and stop it when the block ends.
    Nested sessions share the outer one's browser. ExportUnavailable when images cannot be made."""
    reason = unavailable_reason()
    if reason:
        raise ExportUnavailable(reason)
    with _lock:
        if _server_running():
            yield
            return
        _start_server()
        try:
            yield
        finally:
            _stop_server()


def _server_running() -> bool:
    import kaleido

    return kaleido._global_server.is_running()


def _start_server() -> None:
    import kaleido

    # mathjax=False: no formulas in our charts, and no fetching MathJax from a CDN offline.
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)


def _stop_server() -> None:
    """Stop kaleido's server, which closes chromium and waits for its processes to end. When
    rendering hung (export marked broken), the server thread cannot take the stop request; then
    the browser's processes are ended directly so none stays behind."""
    import kaleido

    if _broken is None and _server_thread_alive():
        kaleido.stop_sync_server(silence_warnings=True)
        return
    _end_browser_processes()


def _end_browser_processes() -> None:
    """Kill the chromium processes started by this process (a hung kaleido cannot close them)."""
    import signal

    for pid in browser_processes():
        with suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def browser_processes(parent: int | None = None) -> list[int]:
    """The ids of the chromium processes that descend from `parent` (default: this process), read
    from /proc (Linux)."""
    parent = os.getpid() if parent is None else parent
    children: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name, fields = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 1:].split()
        names[int(entry.name)] = name
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], list(children.get(parent, []))
    while todo:
        pid = todo.pop()
        if "chrom" in names.get(pid, "").lower():
            found.append(pid)
        todo.extend(children.get(pid, []))
    return sorted(found)


def _server_thread_alive() -> bool:
    try:  # kaleido keeps its server in a private singleton; be lenient if that changes
        from kaleido._sync_server import GlobalKaleidoServer

        return GlobalKaleidoServer()._thread.is_alive()
    except (ImportError, AttributeError):
        return True


def _render(figure, opts: dict) -> bytes:
    global _broken
    import kaleido

    if not _server_thread_alive():
        _broken = "chromium did not start"
        raise ExportUnavailable(_broken)
    result: dict = {}

    def work() -> None:
        try:
            result["png"] = kaleido.calc_fig_sync(figure, opts=opts)
        except Exception as error:
            result["error"] = error

    worker = threading.Thread(target=work, daemon=True, name="matra-kaleido-render")
    worker.start()
    worker.join(RENDER_TIMEOUT_SECONDS)
    if worker.is_alive():
        _broken = f"chromium did not answer within {RENDER_TIMEOUT_SECONDS} s"
        raise ExportUnavailable(_broken)
    if "error" in result:
        error = result["error"]
        if type(error).__module__.startswith("choreographer"):
            _broken = f"chromium failed: {error}"
            raise ExportUnavailable(_broken) from error
        raise error
    return result["png"]
