# Two commands do all set-up on a fresh machine:
#   make demo   - install, migrate, load the treaties and demo data, run web + Celery worker + beat
#   make test   - install, lint (ruff, complexity) and type-check (mypy) the code, and run the
#                 whole test suite (SQLite, or PostgreSQL via DATABASE_URL)
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1:8000
PYTEST_ARGS ?= -n 2 --dist worksteal
# Cache compiled bytecode even where the environment says not to (some images set
# PYTHONDONTWRITEBYTECODE=1): otherwise every test worker and every process a test starts
# compiles the project from source again (test collection: 14 s -> 6 s per worker).
export PYTHONDONTWRITEBYTECODE :=

.PHONY: demo test install lock graphs check

# requirements.lock: what the app needs to run (the production image installs only this);
# requirements-dev.lock: that plus the test, lint and type-check tools.
$(VENV)/.installed: requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed

demo: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	@# One time zone in every log line (honcho stamps its own); Ctrl-C (130) is how it ends.
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" TZ=Asia/Almaty MLA_HOST=$(HOST) $(VENV)/bin/honcho start \
		|| [ $$? -eq 130 ]

test: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(PY) -m pytest $(PYTEST_ARGS)

check: install
	$(PY) manage.py check

graphs: install
	$(PY) manage.py draw_state_graphs

lock: install
	$(PY) -m pip install --quiet pip-tools==7.6.2
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	$(VENV)/bin/pip-compile --quiet --extra test --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements-dev.lock pyproject.toml
