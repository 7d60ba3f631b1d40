"""`make deploy-local` (tools/deploy_local.py): the documented deployment on this machine. nginx with
deploy/nginx.conf in front of two app processes answers the health check, sends the plotly bundle
compressed (gzip, and brotli when Debian's module is installed) with the bytes of the uncompressed
file and the immutable caching Streamlit gives it, and SIGTERM (a supervisor) or Ctrl-C (a terminal:
SIGINT to the whole process group) stops every process it started."""

from __future__ import annotations

import gzip
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
import streamlit

from tools.deploy_local import brotli_available, nginx_binary

REPO = Path(__file__).resolve().parent.parent.parent
STREAMLIT_STATIC = Path(streamlit.__file__).resolve().parent / "static"
STARTS_WITHIN = 300   # seconds: pip, a first build of the compressed bundle (about a minute), two servers

pytestmark = [pytest.mark.slow, pytest.mark.skipif(nginx_binary() is None, reason="nginx missing: make system-deps")]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, encoding: str | None = None) -> tuple[bytes, dict[str, str]]:
    """The body as sent (urllib decompresses nothing) and the headers, lower-cased."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.read(), {key.lower(): value for key, value in answer.headers.items()}


def descendants(pid: int) -> set[int]:
    """Every process below `pid` now (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


@pytest.mark.parametrize("stop_by", ["SIGTERM to make", "Ctrl-C to the process group"])
def test_make_deploy_local_serves_compressed_immutable_bundles_and_stops(tmp_path, stop_by):
    data_dir = tmp_path / "data"
    shutil.copytree(REPO / "data", data_dir, ignore=shutil.ignore_patterns(".matra.lock"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "deploy.log"
    started: set[int] = set()
    env = {**os.environ, "MATRA_DATA_DIR": str(data_dir)}
    with log.open("wb") as out:
        make = subprocess.Popen(["make", "--no-print-directory", "deploy-local", f"PORT={port}", "PROCESSES=2"],
                                cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    try:
        deadline = time.monotonic() + STARTS_WITHIN
        while "Matra is served at" not in log.read_text():   # printed once health answers through nginx
            assert make.poll() is None, log.read_text()[-3000:]
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.5)
        assert healthy(url)

        # The plotly bundle: the largest file the browser fetches, a lazily loaded hashed chunk.
        (bundle,) = (STREAMLIT_STATIC / "static" / "js").glob("PlotlyChart.*.js")
        path = f"{url}/static/js/{bundle.name}"
        plain, plain_headers = get(path)
        assert plain == bundle.read_bytes() and "content-encoding" not in plain_headers
        packed, headers = get(path, "gzip")
        assert headers["content-encoding"] == "gzip"
        assert len(packed) < len(plain) / 2
        assert gzip.decompress(packed) == plain
        for answer in (plain_headers, headers):
            assert "immutable" in answer["cache-control"] and "max-age=31536000" in answer["cache-control"]
            assert "accept-encoding" in answer.get("vary", "").lower()
        if brotli_available() and shutil.which("brotli"):
            packed_br, headers_br = get(path, "br, gzip")
            assert headers_br["content-encoding"] == "br" and len(packed_br) < len(packed)
            unpacked = subprocess.run(["brotli", "--decompress", "--stdout"], input=packed_br, capture_output=True,
                                      check=True).stdout
            assert unpacked == plain

        # The page itself comes from the app through the proxy, compressed on the way.
        page, page_headers = get(f"{url}/", "gzip")
        assert page_headers["content-encoding"] == "gzip" and page_headers["cache-control"] == "no-cache"
        assert gzip.decompress(page) == get(f"{url}/")[0]

        started = descendants(make.pid)
        names = {Path(f"/proc/{pid}/comm").read_text().strip() for pid in started if alive(pid)}
        assert "nginx" in names and sum(1 for pid in started if "serve.py" in
                                        Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")) == 2
    finally:
        if stop_by == "SIGTERM to make":   # a supervisor, or a test
            make.send_signal(signal.SIGTERM)
        else:                              # a terminal's Ctrl-C reaches every process of the foreground group
            os.killpg(make.pid, signal.SIGINT)
        try:
            make.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(make.pid, signal.SIGKILL)
            make.wait()
            pytest.fail(f"make deploy-local did not stop within 60 s of {stop_by}")
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in started if alive(pid)], log.read_text()[-2000:]
    assert not healthy(url)
