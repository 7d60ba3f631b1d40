"""The documented deployment on this machine: `make deploy-local PORT=8080` runs
`python tools/deploy_local.py --port 8080 [--processes 2]`.

It does what docs/deployment.md tells an operator to do, with this machine's folders and free ports:
  1. builds Streamlit's static bundle precompressed (tools/static_bundle.py) into .deploy/static
     (or --static DIR), once per Streamlit version;
  2. starts deploy/serve-many.sh with one app process per --processes on free loopback ports, all
     on the same data folder (MATRA_DATA_DIR, default data/) and one cookie secret;
  3. starts nginx (not as a daemon) with deploy/nginx.conf rendered for those ports, listening on
     --host:--port, serving /static/ from the precompressed copy; logs and config in a temp folder;
  4. prints the address once /_stcore/health answers through nginx.
SIGTERM or SIGINT (Ctrl-C) stops nginx and every app process and exits 0; when any of them exits
by itself, the rest are stopped and it exits 1 (a supervisor restarts the set).
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tools import static_bundle  # noqa: E402

NGINX_EXAMPLE = REPO / "deploy" / "nginx.conf"
SERVE_MANY = REPO / "deploy" / "serve-many.sh"
STATIC_DEFAULT = REPO / ".deploy" / "static"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")

_UPSTREAM_SERVER = re.compile(r"^(\s*)server 127\.0\.0\.1:\d+;\n", re.MULTILINE)
_LISTEN = re.compile(r"^(\s*)listen 80;$", re.MULTILINE)
_STATIC_ROOT = re.compile(r"^(\s*)root /var/lib/matra/static;$", re.MULTILINE)
_BROTLI = re.compile(r"^\s*brotli_static on;.*\n", re.MULTILINE)


def nginx_binary() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")   # sbin: off a user's PATH


def brotli_available() -> bool:
    return BROTLI_MODULE.is_file()


def render_site(app_ports: list[int], listen: str, static_root: Path | None = None,
                brotli: bool | None = None) -> str:
    """deploy/nginx.conf with its upstream's servers on `app_ports`, `listen` ("127.0.0.1:8080") and
    /static/ served from `static_root` (None: the documented folder); the brotli line dropped when
    nginx has no brotli module. Nothing else changes."""
    text = NGINX_EXAMPLE.read_text()
    servers = _UPSTREAM_SERVER.findall(text)
    if len(servers) < 2 or len(_LISTEN.findall(text)) != 1 or len(_STATIC_ROOT.findall(text)) != 1:
        raise ValueError(f"{NGINX_EXAMPLE} changed shape: upstream servers, `listen 80;` or the static root")
    indent = servers[0]
    lines = "".join(f"{indent}server 127.0.0.1:{port};\n" for port in app_ports)
    text = _UPSTREAM_SERVER.sub("", text, count=len(servers) - 1)
    text = _UPSTREAM_SERVER.sub(lines, text, count=1)
    text = _LISTEN.sub(rf"\g<1>listen {listen};", text)
    if static_root is not None:
        text = _STATIC_ROOT.sub(lambda match: f"{match.group(1)}root {static_root};", text)
    if not (brotli_available() if brotli is None else brotli):
        text = _BROTLI.sub("", text)
    return text


def nginx_main_config(folder: Path, site: Path) -> str:
    """The smallest nginx.conf around the site: files in `folder`, no daemon, the brotli module
    when installed, an access log that says which route key each request had and which process
    answered it."""
    user = "user root;\n" if os.geteuid() == 0 else ""   # workers must reach the temp folder
    module = f"load_module {BROTLI_MODULE};\n" if brotli_available() else ""
    temp = "\n".join(f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi",
                                                                           "uwsgi", "scgi"))
    return (f"{module}{user}daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\n"
            f"error_log {folder / 'error.log'} notice;\nevents {{ worker_connections 1024; }}\n"
            f"http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
            f"    sendfile on;\n    include {site};\n{temp}\n"
            "    log_format routes '$matra_route $upstream_addr $status $request_uri';\n"
            f"    access_log {folder / 'access.log'} routes;\n}}\n")


def free_ports(count: int) -> list[int]:
    """`count` distinct free loopback ports (held open together, so no two are the same)."""
    import socket

    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


class Deployment:
    """serve-many.sh and nginx, started and stopped together."""

    def __init__(self, port: int, processes: int, static_root: Path, host: str = "127.0.0.1"):
        self.port, self.processes, self.static_root, self.host = port, processes, static_root, host
        self.folder = Path(tempfile.mkdtemp(prefix="matra-deploy-"))
        self.app_ports = free_ports(processes)
        self.children: list[subprocess.Popen] = []
        self.stopping: list[int] = []   # signals received (the wait for health gives up on one)
        self.url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"

    def start(self, timeout: float = 120) -> None:
        nginx = nginx_binary()
        if nginx is None:
            raise RuntimeError("nginx missing: `make system-deps` installs Debian's nginx")
        static_bundle.build(self.static_root)
        env = {**os.environ, "PYTHON": os.environ.get("PYTHON", sys.executable)}
        env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))   # one secret for the set
        log = (self.folder / "serve-many.log").open("wb")
        self.children.append(subprocess.Popen(["bash", str(SERVE_MANY), *map(str, self.app_ports)], cwd=REPO,
                                              env=env, stdout=log, stderr=subprocess.STDOUT,
                                              stdin=subprocess.DEVNULL))
        site, main = self.folder / "matra.conf", self.folder / "nginx.conf"
        site.write_text(render_site(self.app_ports, f"{self.host}:{self.port}", self.static_root))
        main.write_text(nginx_main_config(self.folder, site))
        checked = subprocess.run([nginx, "-t", "-p", str(self.folder), "-c", str(main)], capture_output=True,
                                 text=True)
        if checked.returncode != 0:
            self.stop()
            raise RuntimeError(f"nginx -t refused {main}:\n{checked.stderr}")
        self.children.append(subprocess.Popen([nginx, "-p", str(self.folder), "-c", str(main)],
                                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                              stderr=subprocess.STDOUT))
        deadline = time.monotonic() + timeout
        waiting = [f"http://127.0.0.1:{port}" for port in self.app_ports] + [self.url]
        while waiting:
            if self.stopping:
                return
            if self.exited() is not None or time.monotonic() > deadline:
                self.stop()
                tail = (self.folder / "serve-many.log").read_text(errors="replace")[-3000:]
                raise RuntimeError(f"the deployment did not become healthy; serve-many.log ends:\n{tail}")
            if healthy(waiting[0]):
                waiting.pop(0)
            else:
                time.sleep(0.2)

    def exited(self) -> int | None:
        """The exit code of the first child that has exited, None while all run."""
        return next((child.returncode for child in self.children if child.poll() is not None), None)

    def stop(self) -> None:
        """SIGTERM to nginx, then to serve-many.sh (which stops its app processes); a child that has
        not stopped after 30 s is killed."""
        for child in reversed(self.children):
            if child.poll() is None:
                child.terminate()
        for child in reversed(self.children):
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True, help="the port nginx listens on")
    parser.add_argument("--host", default="127.0.0.1", help="the address nginx listens on (0.0.0.0: every one)")
    parser.add_argument("--processes", type=int, default=2, help="app processes behind nginx (default 2)")
    parser.add_argument("--static", type=Path, default=STATIC_DEFAULT, help="the precompressed static bundle")
    args = parser.parse_args(argv)
    deployment = Deployment(args.port, args.processes, args.static.resolve(), args.host)
    stopping = deployment.stopping
    signal.signal(signal.SIGTERM, lambda number, _: stopping.append(number))
    signal.signal(signal.SIGINT, lambda number, _: stopping.append(number))
    deployment.start()
    encodings = "gzip and brotli" if brotli_available() else "gzip"
    if stopping:
        deployment.stop()
        return 0
    print(f"Matra is served at {deployment.url} by nginx ({encodings} static bundles from {args.static}) in front "
          f"of {args.processes} app processes on ports {', '.join(map(str, deployment.app_ports))}; "
          f"logs in {deployment.folder}. SIGTERM or Ctrl-C stops all of it.", flush=True)
    while not stopping and deployment.exited() is None:
        time.sleep(0.2)
    deployment.stop()
    if stopping:
        shutil.rmtree(deployment.folder, ignore_errors=True)
        return 0
    print(f"a process of the deployment exited; all stopped (logs in {deployment.folder})", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
