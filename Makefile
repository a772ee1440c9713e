# Learning-circles CMS. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install install-dev run test lint format messages check-migrations prod-smoke backup-drill bench bench-small clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

install: $(VENV)/.runtime ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.dev ## Install the test and lint requirements too

run: install ## Migrate SQLite, load the demo and serve http://127.0.0.1:8000/
	DJANGO_DEBUG=1 $(MANAGE) migrate --noinput -v0
	DJANGO_DEBUG=1 $(MANAGE) compile_catalogues
	DJANGO_DEBUG=1 $(MANAGE) load_demo
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	DJANGO_DEBUG=1 $(MANAGE) runserver $(HOST):$(PORT)

test: install-dev ## Run the whole test suite (browser tests need chromium and java)
	DJANGO_DEBUG=1 $(MANAGE) compile_catalogues
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install-dev ## Extract interface strings into locale/*/LC_MESSAGES/django.po (needs gettext)
	DJANGO_DEBUG=1 $(MANAGE) makemessages --locale sw --locale es --locale fr --no-location --ignore '.venv/*' --ignore 'node_modules/*'

check-migrations: install-dev ## Fail when a model change has no migration
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run

prod-smoke: install-dev ## Start gunicorn, PostgreSQL, Redis, the worker and an SMTP sink; check them over HTTP
	$(BIN)/python deploy/prod_smoke.py

backup-drill: install-dev ## Dump a PostgreSQL database with the demo, restore it and compare
	$(BIN)/python deploy/backup_drill.py

bench: install ## Benchmark: build 10,000 circles, serve with gunicorn, load with wrk (BENCH_ARGS=--small for a quick run)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

bench-small: install ## The benchmark on a small data set with short runs (CI smoke run, not a timing gate)
	$(BIN)/python -m bench.run --small $(BENCH_ARGS)

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules
