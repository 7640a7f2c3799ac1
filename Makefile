# medialit: `make lab` opens the course, `make test` runs the whole suite.
# Both set up everything they need on a fresh machine (venv, packages, Chromium).

SHELL := /bin/bash
VENV := $(CURDIR)/.venv
PY := $(VENV)/bin/python
# nbgrader shells out to alembic: the venv's bin/ must be on PATH.
export PATH := $(VENV)/bin:$(PATH)
STAMP := $(VENV)/.installed
PORT ?= 8888

.PHONY: lab test install chromium bench eval model notebooks hub hub-down clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Browser tests drive Debian's Chromium (Playwright's own download does not work here).
chromium:
	@if command -v chromium >/dev/null 2>&1; then echo "chromium: $$(command -v chromium)"; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium is missing and cannot be installed without root: apt-get install chromium" >&2; exit 1; fi

# Started from course/ so nbgrader finds nbgrader_config.py; the whole project is browsable.
lab: $(STAMP)
	cd course && MEDIALIT_PATH=$(CURDIR)/course $(VENV)/bin/jupyter lab --ServerApp.root_dir=$(CURDIR) \
		--LabApp.default_url=/lab/tree/course --port=$(PORT) $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

test: $(STAMP) chromium
	MEDIALIT_PATH=$(CURDIR)/course $(PY) -m pytest

bench: $(STAMP) chromium
	MEDIALIT_PATH=$(CURDIR)/course $(PY) -m benchmarks

# Lessons -> course/source (nbgrader), exercises/ (students), solutions/ (instructor); see course/lessons/README.md.
notebooks: $(STAMP)
	$(PY) -m medialit.course --course-dir course --exercises exercises --solutions solutions

# Detector accuracy against every key (dev and held-out articles reported apart).
eval: $(STAMP)
	MEDIALIT_PATH=$(CURDIR)/course $(PY) -m medialit.detect.evaluate

# Retrain the detectors' two models (unverifiable sentences, conflict pairs) after keys change (the
# suite fails while they are stale); cross-validated figures go to benchmarks/results/
# unverifiable_model.json and conflict_model.json.
model: $(STAMP)
	MEDIALIT_PATH=$(CURDIR)/course $(PY) -m medialit.detect.train --cv

# Multi-user course hub on this machine, as root: accounts, exchange, shared venv, JupyterHub
# on http://127.0.0.1:8000 until Ctrl-C (settings: hub/hub.toml; walk-through: hub/README.md).
hub:
	hub/run-hub

# Remove what `make hub` made: the accounts with their homes, the exchange, the hub's state.
hub-down:
	PYTHONPATH=hub python3 -m medialit_hub teardown

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
