# Policy Assistant: `make run` sets up, ingests the shipped corpus and answers; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The CPU build of torch is installed first so that pip does not pull a multi-GB CUDA build.
TORCH_SPEC ?= torch==2.13.0
TORCH_INDEX ?=

.PHONY: setup run test bench eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX)) "$(TORCH_SPEC)" \
		|| $(BIN)/pip install --quiet torch
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: setup
	$(BIN)/policy-assistant ingest
	$(BIN)/policy-assistant ask "What did the G7 commit to on CSIRT cooperation?"

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/ask_latency.py
	$(BIN)/python benchmarks/quality_vs_naive.py

eval: setup
	$(BIN)/policy-assistant ingest
	$(BIN)/policy-assistant ingest ../shared/corpus-related
	$(BIN)/policy-assistant eval evals/shipped.yaml evals/related.yaml --baseline evals/baseline.json

clean:
	rm -rf $(VENV) index/chroma index/sparse index/ingest.lock .pytest_cache
