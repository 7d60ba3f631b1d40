"""Chart images for the PDF: plotly figures (built by charts/) rendered to PNG by kaleido 1.x, which
drives a headless Debian chromium (/usr/bin/chromium; kaleido finds it on PATH).

One kaleido sync server per process, started on first use and reused by every later render (a
browser start costs seconds, a render a fraction of one). Calls are serialised with a lock: the
server answers one request at a time, and Streamlit sessions run in threads.

Known limit: if chromium dies while starting, kaleido's server thread ends and a request would
wait forever; each render therefore runs with a timeout, after which PDF export is marked
unavailable for the rest of the process.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from reports.errors import ExportUnavailable

RENDER_TIMEOUT_SECONDS = 120
DEFAULT_WIDTH = 900

_lock = threading.Lock()
_broken: str | None = None   # why rendering stopped working in this process, once it did


def chromium_path() -> str | None:
    """The chromium kaleido would start (BROWSER_PATH, PATH, the usual places), or None."""
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
    with _lock:
        _ensure_server()
        return _render(figure, opts)


def _ensure_server() -> None:
    import kaleido

    # mathjax=False: no formulas in our charts, and no fetching MathJax from a CDN offline.
    kaleido.start_sync_server(mathjax=False, silence_warnings=True)


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
