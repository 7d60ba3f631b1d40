# One command per chore, the same locally and in CI.
PYTHON ?= python3
PIP := $(PYTHON) -m pip install --quiet --disable-pip-version-check --root-user-action=ignore

.PHONY: run test lint bench demo-data reference

run:            ## start the dashboard on the bundled demo data
	$(PIP) -r requirements.txt
	$(PYTHON) -m streamlit run app.py

test:           ## install what the tests need, lint, run every test
	$(PIP) -r requirements-dev.txt
	$(PYTHON) -m ruff check .
	$(PYTHON) -m pytest -q

lint:
	$(PYTHON) -m ruff check .

bench:          ## print store timings on the demo data and a 10x set
	$(PYTHON) tools/bench.py

demo-data:      ## regenerate the synthetic demo snapshots (seeded)
	$(PYTHON) tools/make_demo_data.py --fresh

reference:      ## rebuild data/reference/regions.csv from the npm packages
	$(PYTHON) tools/build_reference.py
