# One command per chore, the same locally and in CI.
PYTHON ?= python3
PIP := $(PYTHON) -m pip install --quiet --disable-pip-version-check --root-user-action=ignore

.PHONY: run deploy-local test lint bench bench-browser demo-data reference system-deps

PORT ?= 8501

run:            ## start the dashboard on the bundled demo data (make run PORT=8600 for another port)
	$(PIP) -r requirements.txt
	@echo "Serving uncompressed and unproxied (Streamlit leaves compression to a proxy): for compressed, cached bundles use make deploy-local PORT=8080 or deploy/nginx.conf (docs/deployment.md)."
	$(PYTHON) tools/serve.py --server.port $(PORT)

PROCESSES ?= 2

deploy-local:   ## the documented deployment here: nginx (deploy/nginx.conf) on PORT in front of PROCESSES app processes; SIGTERM stops all
	$(PIP) -r requirements.txt
	exec $(PYTHON) tools/deploy_local.py --port $(PORT) --processes $(PROCESSES)

test: system-deps ## install what the tests need, lint, run every test (browser suite included)
	$(PIP) -r requirements-dev.txt
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
	$(PYTHON) -m ruff check .
	$(PYTHON) -m pytest -q --durations=10

lint:
	$(PYTHON) -m ruff check .

bench:          ## print store timings and memory at 1x and 10x (make bench ARGS="--scales 1,10,100" for 100x)
	$(PYTHON) tools/bench.py $(ARGS)

bench-browser:  ## time pages in chromium beside a bare one-chart floor (make bench-browser ARGS=--quick)
	$(PYTHON) tools/bench_browser.py $(ARGS)

demo-data:      ## regenerate the synthetic demo snapshots (seeded)
	$(PYTHON) tools/make_demo_data.py --fresh
	$(PYTHON) tools/make_demo_programmes.py --fresh

reference:      ## rebuild data/reference/ (regions.csv, provinces.csv, then basemap.json) from pinned npm packages
	$(PYTHON) tools/build_reference.py
	$(PYTHON) tools/build_basemap.py

system-deps:    ## Debian chromium (chart images, PDF export, browser tests), nginx with brotli_static and brotli (deployment) and npm (axe-core) when missing
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	@command -v nginx >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; }
	@[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] && command -v brotli >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnginx-mod-http-brotli-static brotli; }
	@command -v npm >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
