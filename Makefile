# Claimtracker: `make run` sets up and serves the site, `make test` runs every test.
# Both need only Python 3.11+ with venv (Debian: apt-get install python3-venv) and make.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format venv bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Claimtracker needs Python 3.11 or newer; found " + sys.version.split()[0])'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not create a virtual environment. On Debian or Ubuntu: apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.installed

run: venv
	DEBUG=$${DEBUG:-true} $(PY) manage.py migrate --no-input
	DEBUG=$${DEBUG:-true} $(PY) manage.py bootstrap
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	DEBUG=$${DEBUG:-true} $(PY) manage.py runserver $(HOST):$(PORT)

test: venv
	$(PY) -m pytest $(PYTEST_ARGS)

lint: venv
	$(PY) -m ruff format --check .
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports

format: venv
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# The benchmark: CLAIMS claims of generated data on the configured database (DATABASE_URL).
CLAIMS ?= 100000
bench: venv
	DEBUG=$${DEBUG:-true} $(PY) manage.py migrate --no-input
	DEBUG=$${DEBUG:-true} $(PY) manage.py bench --claims $(CLAIMS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
