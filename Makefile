# monitorkit task runner; every target creates the virtualenv it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast lint format docs data report bench bench-quick snapshots clean help

help:
	@echo "make demo   summarize the bundled Divosa-monitor 2011 data (reconstructed from published tables)"
	@echo "make test   lint and run the whole test suite"
	@echo "make test-fast  the tests not marked slow, without the linters"
	@echo "make docs   regenerate the CLI reference in README.md and the JSON Schemas in docs/"
	@echo "make snapshots  rewrite the golden outputs in tests/snapshots/ after an intended change"
	@echo "make data   rebuild data/reconstructed/ from data/published/"
	@echo "make report build the reports of the source studies into reports/"
	@echo "make bench  summarize against DuckDB, polars and the raw read on generated exports (bench/RESULTS.md); make bench-quick for a small run"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/monitorkit summarize divosa-monitor-2011

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/cog --check README.md
	$(BIN)/python -m pytest -q

# The quick loop while editing: everything but the tests marked slow.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: $(STAMP)
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

docs: $(STAMP)
	$(BIN)/cog -r README.md
	$(BIN)/monitorkit schema > docs/summary.schema.json
	$(BIN)/monitorkit schema compare > docs/compare.schema.json

snapshots: $(STAMP)
	MONITORKIT_UPDATE_SNAPSHOTS=1 $(BIN)/python -m pytest -q tests/test_snapshots.py

data: $(STAMP)
	$(BIN)/monitorkit reconstruct

# The same commands are run twice by tests/test_report.py, which checks the bytes match.
report: $(STAMP)
	$(BIN)/monitorkit report divosa-monitor-2011 -o reports/divosa-monitor-2011 -q
	$(BIN)/monitorkit report wijkteams-2014 wijkteams-2015 --allow-unit-mismatch --population auto -o reports/wijkteams -q
	$(BIN)/monitorkit reproduce -f json --chart reports/reproduce.svg > reports/reproduce.json
	$(BIN)/monitorkit check -f json > reports/check.json || test $$? -eq 1
	@echo "reports written to reports/"

bench: $(STAMP)
	$(BIN)/python bench/bench_summarize.py

bench-quick: $(STAMP)
	$(BIN)/python bench/bench_summarize.py --quick --results bench/RESULTS-quick.md

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
