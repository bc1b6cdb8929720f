# Second Look: `make run` serves the API, `make test` runs every test. Both set up .venv first.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
DATASETS ?= ../shared/datasets
NODE_STAMP := browser-extension/node_modules/.package-lock.json

.PHONY: install install-dev system-deps extension-deps run test lint format bench eval eval-privacy \
	eval-tone eval-conduct extension screenshots clean

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
	@dpkg -s chromium fonts-noto-color-emoji >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive \
			$$SUDO apt-get install -y -q chromium fonts-noto-color-emoji; }

# The extension's test runner and linter (web-ext), pinned by its package-lock.json.
$(NODE_STAMP): browser-extension/package-lock.json
	npm ci --prefix browser-extension --no-audit --no-fund --loglevel=error

extension-deps: $(NODE_STAMP)

install-dev: $(DEV_STAMP)

run: install
	$(VENV)/bin/secondlook serve --host 127.0.0.1 --port 8080

test: install-dev extension-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	npm test --prefix browser-extension
	npm run lint --prefix browser-extension
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
	$(PY) benchmarks/bench.py tests/data/devset.jsonl --without-encoder

# Student privacy: name, phone, email and address detection on presidio-research synth and
# WNUT-17, the check on its dev sets, and its latency share.
eval-privacy: install
	$(PY) -m app.evaluation.privacy --datasets $(DATASETS)

# Tone: HateCheck per functionality, Davidson ROC AUC and F1, the dev set, the tone share of time.
eval-tone: install
	$(PY) -m app.evaluation.tone --datasets $(DATASETS) --dev tests/data/devset.jsonl

# The conduct checks on their held-out third (never tuned on).
eval-conduct: install
	$(VENV)/bin/secondlook eval tests/data/conduct_heldout.jsonl

# The Chrome zip and the Firefox package, in dist/.
extension: extension-deps
	node browser-extension/scripts/package.mjs dist

# Re-take the README's screenshots (the browser tests save them to docs/screenshots/).
screenshots: install-dev extension-deps
	SECONDLOOK_SCREENSHOTS=1 $(PY) -m pytest -q tests/extension tests/app/test_admin_console.py

clean:
	rm -rf $(VENV) dist var
