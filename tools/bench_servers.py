"""The servers of the browser benchmark (tools/bench_browser.py): the app as `make run` starts it,
the floor (tools/bench_floor_app.py), the documented deployment as `make deploy-local` starts it
(tools/deploy_local.py: nginx with deploy/nginx.conf in front of N app processes), and what the
benchmark reads of their processes (/proc): the process tree, chromium left behind."""

from __future__ import annotations

import math
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from tools import bench_browser_pages as browser_part  # noqa: E402
from tools.deploy_local import STATIC_DEFAULT, Deployment  # noqa: E402


# --- servers and processes ------------------------------------------------------------------------
@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen
    started: float   # time.perf_counter() at the process start
    healthy: float = math.nan   # seconds from the start to /_stcore/health answering


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(name: str, logs: Path, extra: tuple[str, ...] = ()) -> Server:
    """Start the app or the floor; `extra` are more Streamlit options ("runner.postScriptGC=false")."""
    port = free_port()
    options = ["--server.port", str(port), "--server.headless", "true", "--server.address", "127.0.0.1",
               "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    for option in extra:
        key, _, value = option.partition("=")
        options += [f"--{key}", value]
    if name == "app":
        command = [sys.executable, "tools/serve.py", *options]
    else:
        command = [sys.executable, "-m", "streamlit", "run", "tools/bench_floor_app.py", *options]
    with (logs / f"{name}.log").open("wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = Server(name, f"http://127.0.0.1:{port}", process, started)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    server.healthy = time.perf_counter() - started
                    return server
        except OSError:
            time.sleep(0.05)
    tail = (logs / f"{name}.log").read_text(errors="replace")[-2000:]
    stop_server(server)
    raise RuntimeError(f"the {name} server did not become healthy:\n{tail}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def process_table() -> dict[int, tuple[int, str]]:
    """{pid: (parent pid, command name)} of every process now."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                head, rest = (entry / "stat").read_text().rsplit(")", 1)
                table[int(entry.name)] = (int(rest.split()[1]), head.split("(", 1)[1])
            except (OSError, ValueError, IndexError):
                continue
    return table


def descendants(pid: int, table: dict[int, tuple[int, str]]) -> set[int]:
    children: dict[int, list[int]] = {}
    for child, (parent, _) in table.items():
        children.setdefault(parent, []).append(child)
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def chromium_counts(server_pid: int) -> tuple[int, int]:
    """(chromium processes under the server, chromium processes on the machine that are not this
    benchmark's own). The second includes other users of the machine (e.g. a test suite)."""
    table = process_table()
    ours = descendants(os.getpid(), table)
    under_server = descendants(server_pid, table)
    chromium = {pid for pid, (_, name) in table.items() if "chrom" in name or "headless" in name}
    return len(chromium & under_server), len(chromium - ours)


def load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def chromium_version() -> str:
    try:
        return subprocess.run([browser_part.CHROMIUM, "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "chromium not found"


def start_deployment(processes: int) -> Deployment:
    """`make deploy-local` on a free port with `processes` app processes; healthy through nginx."""
    deployment = Deployment(free_port(), processes, STATIC_DEFAULT)
    deployment.start()
    return deployment


def app_pids(deployment: Deployment) -> list[int]:
    """The app processes (tools/serve.py) that deploy/serve-many.sh started for `deployment`."""
    table = process_table()
    below = descendants(deployment.children[0].pid, table)
    found = []
    for pid in below:
        try:
            if b"tools/serve.py" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
        except OSError:
            continue
    return sorted(found)
