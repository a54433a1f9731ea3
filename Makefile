# Tisseuse — the two commands the README promises:
#   make preview   set up, build the bundled catalogue, serve the web preview
#   make test      set up everything (venv, npm, Chromium) and run every check and test
# Everything else here is a step of those two.

VENV      := .venv
PY        := $(VENV)/bin/python
TISSEUSE  := $(VENV)/bin/tisseuse
PORT      ?= 8000

.PHONY: preview build test lint typecheck pytest audit setup setup-dev setup-kit clean golden

preview: setup
	$(TISSEUSE) preview --port $(PORT)

build: setup-kit
	$(TISSEUSE) build

test: setup-dev
	$(MAKE) lint typecheck pytest

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: setup-dev
	$(VENV)/bin/mypy

# One test process per core (pytest-xdist): browser tests wait on Chromium.
# --dist loadfile keeps a file's tests on one worker, so a module's expensive
# fixture (the audited catalogue, the built kit) is made once, not per worker.
pytest: setup-dev
	$(VENV)/bin/pytest -n auto --dist loadfile $(PYTEST_ARGS)

# Accessibility evidence for the bundled catalogue: builds, then audits every
# browser target and writes <package>.audit.html/.json next to each package.
audit: setup-dev
	$(TISSEUSE) build web scorm12 scorm2004
	$(TISSEUSE) audit

# Regenerate golden files after an intended output change; review `git diff` before committing.
golden: setup-dev
	$(VENV)/bin/pytest tests -k golden --update-golden

setup: $(VENV)/.installed

setup-dev: $(VENV)/.installed-dev node_modules/.installed
	@scripts/ensure-chromium.sh
	@scripts/ensure-print-tools.sh --tests

# `make build` builds every target, the printable kit too: it needs the [kit] extra
# (and [openedx]: olxcleaner checks the Open edX course).
setup-kit: $(VENV)/.installed-kit
	@scripts/ensure-print-tools.sh

$(VENV)/bin/python:
	"$$(scripts/find-python.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-kit: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[kit,openedx]'
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

clean:
	rm -rf dist .pytest_cache .mypy_cache .ruff_cache
