# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install index run test lint bench bench-quick load eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# The CPU wheel first: an unpinned torch would pull a multi-GB CUDA build.
	$(BIN)/python -m pip install --disable-pip-version-check -q torch==2.13.0
	$(BIN)/python -m pip install --disable-pip-version-check -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

index: install
	$(BIN)/assistant index

run: index
	$(BIN)/python app.py

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check assistant tests bench app.py
	$(BIN)/ruff format --check assistant tests bench app.py
	$(BIN)/mypy assistant app.py

eval: index
	$(BIN)/assistant eval

bench: index
	$(BIN)/python bench/run.py

bench-quick: index
	$(BIN)/python bench/run.py --quick

load: install
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) build *.egg-info
