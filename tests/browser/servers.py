"""A Streamlit server for the browser suite: `streamlit run app.py` on a free local port against a
copy of the data folder, stopped and reaped on exit (tests/browser/harness.py re-exports these)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from tools import deploy_local

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
ADMIN_PASSWORD = "browser-suite-admin"


# --- the server -----------------------------------------------------------------------------------
@dataclass
class Server:
    url: str
    data_dir: Path
    log: Path
    process: subprocess.Popen

    def link(self, path: str, **params) -> str:
        query = urlencode({k: v for k, v in params.items() if v is not None})
        return f"{self.url}/{path.strip('/')}" + (f"?{query}" if query else "")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_demo_data(target: Path) -> Path:
    shutil.copytree(REPO / "data", target, ignore=shutil.ignore_patterns(".matra.lock"))
    return target


@contextmanager
def streamlit_server(data_dir: Path, name: str) -> Iterator[Server]:
    """`streamlit run app.py` on a free port against `data_dir`; stopped (and reaped) on exit."""
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / f"server-{name}.log"
    env = {**os.environ, "MATRA_DATA_DIR": str(data_dir), "MATRA_ADMIN_PASSWORD": ADMIN_PASSWORD,
           "MATRA_USER": "browser-suite"}
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, log, seconds=60)
        yield Server(url=url, data_dir=data_dir, log=log, process=process)
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Terminate a server (or proxy) process and reap it; killed if it does not stop in 15 s."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# `free_ports(count)`: distinct free local ports, the deployment's own helper (one copy).
free_ports = deploy_local.free_ports


def wait_until_healthy(url: str, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    """Wait until the Streamlit server at `url` answers its health check; RuntimeError with the end
    of `log` when `process` (the server, or a script that starts it) exits or time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} not healthy after {seconds:g} s:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
