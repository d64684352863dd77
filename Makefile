# ThiĐua: the one entry point. `make run` for the demo, `make test` for the whole suite.
SHELL := /bin/bash
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2

.PHONY: setup run demo test test-fast lint format messages bench clean

setup:
	@scripts/setup.sh

# Demo on SQLite (var/thidua.sqlite3): migrate, load the Kim Bảng 2024 world, start the task
# worker and the web server. Ctrl-C stops both.
run: setup
	@DEBUG=1 $(PY) manage.py migrate -v0
	@DEBUG=1 $(PY) manage.py load_demo
	@DEBUG=1 $(PY) manage.py demo_logins
	@echo "==> http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	@DEBUG=1 $(PY) manage.py db_worker --no-reload --interval 1 > var/worker.log 2>&1 & \
	  worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  DEBUG=1 $(PY) manage.py runserver --noreload $(HOST):$(PORT)

# The whole suite: unit, integration and browser tests (DATABASE_URL selects PostgreSQL).
test: setup
	@$(PY) -m pytest -n $(PYTEST_WORKERS) -q

test-fast: setup
	@$(PY) -m pytest -q -m "not browser" -x

lint: setup
	@$(PY) -m ruff check .
	@$(PY) -m ruff format --check .
	@$(PY) -m mypy
	@DEBUG=1 $(PY) manage.py makemigrations --check --dry-run -v0 || (echo "missing migrations" && false)

format: setup
	@$(PY) -m ruff format .
	@$(PY) -m ruff check --fix .

messages: setup
	@scripts/messages.sh

# Benchmarks on PostgreSQL unless DATABASE_URL says otherwise (bench_national generates the
# national data set in a scratch database: NATIONAL_SCALE=0.1 for a tenth of the country).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/thidua_bench
bench: setup
	@DATABASE_URL=$${DATABASE_URL:-$(BENCH_DATABASE_URL)} $(PY) -m bench

clean:
	rm -rf .venv var .mypy_cache .ruff_cache
