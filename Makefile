# Second Look: `make run` serves the API, `make test` runs every test. Both set up .venv first.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
DATASETS ?= ../shared/datasets

.PHONY: install install-dev system-deps run test lint format bench eval eval-privacy eval-tone extension clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# torch first, from the CPU build; otherwise a dependency pulls a multi-GB CUDA build.
$(STAMP): $(PY) pyproject.toml constraints.txt
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -c constraints.txt -e .
	touch $@

$(DEV_STAMP): $(STAMP)
	$(PIP) install --quiet -c constraints.txt -e '.[dev]'
	touch $@

install: $(STAMP)

# Debian's Chromium for the real-browser tests (never a browser download of a test tool's own).
system-deps:
	@command -v chromium >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q chromium; }

install-dev: $(DEV_STAMP)

run: install
	$(VENV)/bin/secondlook serve --host 127.0.0.1 --port 8080

test: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest -q

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The dev set's per-check precision, recall, F1 and false-alarm rate.
eval: install
	$(VENV)/bin/secondlook eval tests/data/devset.jsonl

# Latency, throughput, cold start and peak RSS, beside a naive composition of the same models.
bench: install
	$(PY) benchmarks/bench.py tests/data/devset.jsonl

clean:
	rm -rf $(VENV) dist var
