#!/usr/bin/env bash
# Start one Matra server process per port (default 8501 8502 8503 8504) on 127.0.0.1, all serving
# the same data folder (MATRA_DATA_DIR, default data/), for the reverse proxy in deploy/nginx.conf.
#
#   MATRA_DATA_DIR=/srv/matra-data MATRA_ADMIN_PASSWORD=... deploy/serve-many.sh 8501 8502
#
# Runs in the foreground for a supervisor (systemd, a container): SIGTERM or SIGINT stops every
# process; when one process exits, the others are stopped too and the script exits 1, so the
# supervisor restarts the set. Logs go to stdout, each line prefixed with its port.
# Set STREAMLIT_SERVER_COOKIE_SECRET to the same value for every process (docs/deployment.md).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ "$#" -gt 0 ] || set -- 8501 8502 8503 8504

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait || true; }
trap 'stop; exit 0' INT TERM

for port in "$@"; do
    "$PYTHON" tools/serve.py --server.port "$port" --server.address 127.0.0.1 --server.headless true \
        --server.fileWatcherType none > >(trap '' INT TERM; exec sed -u "s/^/[$port] /") 2>&1 &
    pids+=("$!")   # the server's own id (a pipe would give the id of sed)
    # sed ignores Ctrl-C and SIGTERM: it ends when its server's output closes, so a server that is
    # shutting down (after Ctrl-C reached the whole process group) never writes into a closed pipe.
done

wait -n || true   # the first process to exit (a crash, a kill) ends the set
stop
exit 1
