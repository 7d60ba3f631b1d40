"""The repository's Streamlit settings: no outside address at start, no developer menu for viewers,
XSRF protection on, an upload limit that agrees with MATRA_MAX_UPLOAD_MB, and a compressed websocket."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from store.settings import SETTINGS

REPO = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_viewers_get_no_deploy_button_or_developer_menu():
    assert CONFIG["client"]["toolbarMode"] in {"viewer", "minimal"}


def test_xsrf_protection_is_on():
    assert CONFIG["server"]["enableXsrfProtection"] is True


def test_upload_limit_matches_the_ingest_limit_default():
    default = next(s.default for s in SETTINGS if s.name == "MATRA_MAX_UPLOAD_MB")
    assert CONFIG["server"]["maxUploadSize"] == int(default)


def test_usage_statistics_are_off():
    assert CONFIG["browser"]["gatherUsageStats"] is False


# Started in a child process: an audit hook records every socket connect and name lookup whose
# address is not this machine, then hands over to Streamlit's own command line.
WATCHED_START = r"""
import json, sys
log_path, port = sys.argv[1], sys.argv[2]
LOCAL = ("127.", "::1", "localhost")
ANY = ("", "0.0.0.0", "::")

def local(host):
    return host is None or host in ANY or host.startswith(LOCAL) or host.startswith("/")

def hook(event, args):
    host = None
    if event == "socket.connect":
        address = args[1]
        host = address[0] if isinstance(address, tuple) else None
    elif event in ("socket.getaddrinfo", "socket.gethostbyname"):
        host = args[0]
    if host is not None and not local(host if isinstance(host, str) else host.decode()):
        with open(log_path, "a") as log:
            log.write(json.dumps([event, str(host)]) + "\n")

sys.addaudithook(hook)
from streamlit.web import cli
sys.argv = ["streamlit", "run", "app.py", "--server.headless", "true", "--server.port", port]
sys.exit(cli.main())
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_healthy(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail("streamlit did not answer its health check in time")


def test_server_start_tries_no_outside_address(tmp_path):
    log_path, port = tmp_path / "outside.log", _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-c", WATCHED_START, str(log_path), str(port)], cwd=REPO,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(port, process)
        time.sleep(3)  # the URL banner (and any external IP lookup) comes right after the server is up
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0].decode("utf-8", "replace")
    attempts = [json.loads(line) for line in log_path.read_text().splitlines()] if log_path.exists() else []
    assert attempts == [], output
    assert "External URL" not in output


def test_the_websocket_is_compressed(tmp_path):
    """The server started as `make run` starts it agrees to permessage-deflate, and the overview's
    messages reach a client that asks for it (as browsers do) at under half their size."""
    import asyncio

    from tools.bench_browser_ws import page_run

    port = _free_port()
    process = subprocess.Popen([sys.executable, "tools/serve.py", "--server.port", str(port), "--server.headless",
                                "true", "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(port, process)
        run = asyncio.run(page_run(f"http://127.0.0.1:{port}", ""))
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert run.ok and run.charts >= 1, run.error
    assert run.compressed
    assert run.wire_bytes < run.sent_bytes / 2, (run.wire_bytes, run.sent_bytes)
