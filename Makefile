# Everything goes through an idempotent `make install` (a virtual environment in .venv).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo test test-fast bench stop clean-data

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: install
	$(PY) manage.py demo --host $(HOST) --port $(PORT)

test: install
	$(PY) -m pytest

test-fast: install
	$(PY) -m pytest -m "not corpus and not cluster"

bench: install
	$(PY) bench/run.py $(BENCH_ARGS)

stop: install
	$(PY) manage.py embedded_db stop
