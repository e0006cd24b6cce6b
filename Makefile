# TajikHeritage — `make run` sets up and serves the site, `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := run

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2

# The first Python >= 3.12 on this machine (Django 6 refuses older ones).
PYTHON_CANDIDATES := python3.14 python3.13 python3.12 python3 $(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3)
BOOTSTRAP_PYTHON ?= $(shell for p in $(PYTHON_CANDIDATES); do \
	if $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo $$p; break; fi; done)

.PHONY: run test lint format messages compilemessages migrate seed install node clean-venv

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(BOOTSTRAP_PYTHON)" ]; then \
		echo "No Python 3.12 or newer found. Install it (e.g. 'pyenv install 3.12') and run make again."; exit 1; fi
	@[ -x $(PY) ] || $(BOOTSTRAP_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

# axe-core, which the accessibility journeys inject into each page, and vnu-jar, the Nu HTML
# Checker the HTML validity test runs with Java (package.json).
node_modules/.package-lock.json: package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install it (apt-get install -y npm)."; exit 1; }
	npm ci --no-audit --no-fund
	@touch $@

node: node_modules/.package-lock.json

compilemessages: install
	@command -v msgfmt >/dev/null || { echo "msgfmt is missing: install gettext (apt-get install -y gettext)."; exit 1; }
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

# Refresh the Russian and Tajik catalogues from the code and templates, then compile them.
messages: install
	$(MANAGE) makemessages -l ru -l tg --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=media --ignore=tests --no-obsolete --no-wrap
	$(MAKE) compilemessages

migrate: install
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_demo

run: compilemessages seed
	@echo "Serving TajikHeritage on http://$(HOST):$(PORT)/en/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

test: compilemessages node
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -p no:cacheprovider $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean-venv:
	rm -rf $(VENV)

# Performance: a large catalogue served by gunicorn, measured with wrk and Chromium
# (bench/README.md). Not part of `make test`; takes up to ~15 minutes.
.PHONY: bench
bench: compilemessages
	$(PY) -m bench $(BENCH_ARGS)

# Soak: visitors browse, search, fill carts and start checkouts against gunicorn for
# 10 minutes; no request may fail (bench/README.md). Shorter: make soak SOAK_ARGS="--duration 60".
.PHONY: soak
soak: compilemessages
	$(PY) -m bench.soak $(SOAK_ARGS)

# Production, end to end (tests/prod/, docs/operations.md "The production smoke"): the
# repository's nginx configuration (deploy/) in front of two gunicorn instances and the task
# worker with the production settings, on PostgreSQL (database heritage_smoke, made afresh),
# Redis (databases 10 and 11), moto_server as the bucket, the fake Stripe and a local mail
# server; driven in Chromium. Needs nginx (apt-get install -y nginx; never started as a service).
.PHONY: prod-smoke
prod-smoke: compilemessages
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is missing: apt-get install -y nginx"; exit 1; }
	$(PY) -m pytest -p no:cacheprovider -s -v -m prod_smoke tests/prod $(PYTEST_ARGS)
