# Policy Assistant: `make run` sets up, ingests the shipped corpus and serves the web chat; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The CPU build of torch is installed first so that pip does not pull a multi-GB CUDA build.
TORCH_SPEC ?= torch==2.13.0
TORCH_INDEX ?=

.PHONY: setup run test browser bench eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX)) "$(TORCH_SPEC)" \
		|| $(BIN)/pip install --quiet torch
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: setup
	$(BIN)/policy-assistant ingest
	GRADIO_ANALYTICS_ENABLED=False $(BIN)/policy-assistant serve

test: setup browser
	GRADIO_ANALYTICS_ENABLED=False $(BIN)/python -m pytest -q

# Browser tests drive the system's Chromium (Playwright's own download is not used).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "The browser tests need Chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu) or install"; \
			echo "Chromium/Google Chrome so that 'chromium' is on PATH, then run 'make test' again."; exit 1; \
		fi; }

bench: setup
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/ask_latency.py
	$(BIN)/python benchmarks/quality_vs_naive.py

eval: setup
	$(BIN)/policy-assistant ingest
	ASSISTANT_INDEX_DIR=index/shipped-only $(BIN)/policy-assistant ingest
	ASSISTANT_INDEX_DIR=index/shipped-only $(BIN)/policy-assistant eval evals/shipped.yaml evals/unseen*.yaml \
		--tags shipped --baseline evals/shipped-only-baseline.json
	$(BIN)/policy-assistant ingest ../shared/corpus-related
	$(BIN)/policy-assistant eval evals/shipped.yaml evals/related.yaml --baseline evals/baseline.json
	$(BIN)/policy-assistant eval evals/unseen.yaml --baseline evals/unseen-baseline.json
	$(BIN)/policy-assistant eval evals/unseen2.yaml --baseline evals/unseen2-baseline.json
	$(BIN)/policy-assistant eval evals/unseen3.yaml --baseline evals/unseen3-baseline.json
	$(BIN)/policy-assistant eval evals/unseen4.yaml --baseline evals/unseen4-baseline.json
	$(BIN)/policy-assistant eval evals/unseen5.yaml --baseline evals/unseen5-baseline.json
	$(BIN)/policy-assistant eval evals/unseen6.yaml --baseline evals/unseen6-baseline.json
	$(BIN)/policy-assistant eval evals/unseen7.yaml --baseline evals/unseen7-baseline.json
	$(BIN)/policy-assistant eval evals/unseen8.yaml --baseline evals/unseen8-baseline.json
	$(BIN)/policy-assistant eval evals/unseen9.yaml --baseline evals/unseen9-baseline.json
	$(BIN)/policy-assistant eval evals/unseen10.yaml --baseline evals/unseen10-baseline.json
	$(BIN)/policy-assistant eval evals/unseen11.yaml --baseline evals/unseen11-baseline.json
	$(BIN)/policy-assistant eval evals/unseen12.yaml --baseline evals/unseen12-baseline.json
	$(BIN)/policy-assistant eval evals/unseen13.yaml --baseline evals/unseen13-baseline.json
	$(BIN)/policy-assistant eval evals/unseen14.yaml --baseline evals/unseen14-baseline.json
	$(BIN)/policy-assistant eval evals/unseen15.yaml --baseline evals/unseen15-baseline.json
	$(BIN)/policy-assistant eval evals/unseen16.yaml --baseline evals/unseen16-baseline.json
	$(BIN)/policy-assistant eval evals/unseen17.yaml --baseline evals/unseen17-baseline.json
	$(BIN)/policy-assistant eval evals/unseen18.yaml --baseline evals/unseen18-baseline.json
	$(BIN)/policy-assistant eval evals/unseen19.yaml --baseline evals/unseen19-baseline.json
	$(BIN)/policy-assistant eval evals/unseen20.yaml --baseline evals/unseen20-baseline.json
	$(BIN)/policy-assistant eval evals/unseen21.yaml --baseline evals/unseen21-baseline.json
	$(BIN)/policy-assistant eval evals/unseen22.yaml --baseline evals/unseen22-baseline.json
	$(BIN)/policy-assistant eval evals/unseen23.yaml --baseline evals/unseen23-baseline.json
	$(BIN)/policy-assistant eval evals/unseen24.yaml --baseline evals/unseen24-baseline.json
	$(BIN)/policy-assistant eval evals/unseen25.yaml --baseline evals/unseen25-baseline.json
	$(BIN)/policy-assistant eval evals/unseen26.yaml --baseline evals/unseen26-baseline.json
	$(BIN)/policy-assistant eval evals/unseen27.yaml --baseline evals/unseen27-baseline.json
	$(BIN)/policy-assistant eval evals/unseen28.yaml --baseline evals/unseen28-baseline.json
	$(BIN)/policy-assistant eval evals/unseen29.yaml --baseline evals/unseen29-baseline.json
	$(BIN)/policy-assistant eval evals/unseen30.yaml --baseline evals/unseen30-baseline.json
	$(BIN)/policy-assistant eval evals/unseen31.yaml --baseline evals/unseen31-baseline.json
	$(BIN)/policy-assistant eval evals/unseen32.yaml --baseline evals/unseen32-baseline.json
	$(BIN)/policy-assistant eval evals/unseen33.yaml --baseline evals/unseen33-baseline.json
	$(BIN)/policy-assistant eval evals/unseen34.yaml --baseline evals/unseen34-baseline.json
	$(BIN)/policy-assistant eval evals/unseen35.yaml --baseline evals/unseen35-baseline.json
	$(BIN)/policy-assistant eval evals/unseen36.yaml --baseline evals/unseen36-baseline.json
	$(BIN)/policy-assistant eval evals/unseen37.yaml --baseline evals/unseen37-baseline.json
	$(BIN)/policy-assistant eval evals/unseen38.yaml --baseline evals/unseen38-baseline.json
	$(BIN)/policy-assistant eval evals/unseen39.yaml --baseline evals/unseen39-baseline.json
	$(BIN)/policy-assistant eval evals/unseen40.yaml --baseline evals/unseen40-baseline.json
	$(BIN)/policy-assistant eval evals/unseen41.yaml --baseline evals/unseen41-baseline.json
	$(BIN)/policy-assistant eval evals/unseen42.yaml --baseline evals/unseen42-baseline.json
	$(BIN)/policy-assistant eval evals/unseen43.yaml --baseline evals/unseen43-baseline.json
	$(BIN)/policy-assistant eval evals/unseen44.yaml --baseline evals/unseen44-baseline.json
	$(BIN)/policy-assistant eval evals/unseen45.yaml --baseline evals/unseen45-baseline.json
	$(BIN)/policy-assistant eval evals/unseen46.yaml --baseline evals/unseen46-baseline.json
	$(BIN)/policy-assistant eval evals/unseen47.yaml --baseline evals/unseen47-baseline.json
	$(BIN)/policy-assistant eval evals/unseen48.yaml --baseline evals/unseen48-baseline.json
	$(BIN)/policy-assistant eval evals/unseen49.yaml --baseline evals/unseen49-baseline.json
	$(BIN)/policy-assistant eval evals/unseen50.yaml --baseline evals/unseen50-baseline.json
	$(BIN)/policy-assistant eval evals/unseen51.yaml --baseline evals/unseen51-baseline.json
	$(BIN)/policy-assistant eval evals/unseen52.yaml --baseline evals/unseen52-baseline.json
	$(BIN)/policy-assistant eval evals/unseen53.yaml --baseline evals/unseen53-baseline.json
	$(BIN)/policy-assistant eval evals/unseen54.yaml --baseline evals/unseen54-baseline.json
	$(BIN)/policy-assistant eval evals/unseen55.yaml --baseline evals/unseen55-baseline.json
	$(BIN)/policy-assistant eval evals/unseen56.yaml --baseline evals/unseen56-baseline.json
	$(BIN)/policy-assistant eval evals/unseen57.yaml --baseline evals/unseen57-baseline.json
	$(BIN)/policy-assistant eval evals/unseen58.yaml --baseline evals/unseen58-baseline.json
	$(BIN)/policy-assistant eval evals/unseen59.yaml --baseline evals/unseen59-baseline.json
	$(BIN)/policy-assistant eval evals/unseen60.yaml --baseline evals/unseen60-baseline.json
	$(BIN)/policy-assistant eval evals/unseen61.yaml --baseline evals/unseen61-baseline.json
	$(BIN)/policy-assistant eval evals/unseen62.yaml --baseline evals/unseen62-baseline.json
	$(BIN)/policy-assistant eval evals/unseen63.yaml --baseline evals/unseen63-baseline.json
	$(BIN)/policy-assistant eval evals/unseen64.yaml --baseline evals/unseen64-baseline.json
	$(BIN)/policy-assistant eval evals/unseen65.yaml --baseline evals/unseen65-baseline.json
	$(BIN)/policy-assistant eval evals/unseen66.yaml --baseline evals/unseen66-baseline.json
	$(BIN)/policy-assistant eval evals/unseen67.yaml --baseline evals/unseen67-baseline.json
	$(BIN)/policy-assistant eval evals/unseen68.yaml --baseline evals/unseen68-baseline.json
	$(BIN)/policy-assistant eval evals/unseen69.yaml --baseline evals/unseen69-baseline.json
	$(BIN)/policy-assistant eval evals/unseen70.yaml --baseline evals/unseen70-baseline.json
	$(BIN)/policy-assistant eval evals/unseen71.yaml --baseline evals/unseen71-baseline.json
	$(BIN)/policy-assistant eval evals/unseen72.yaml --baseline evals/unseen72-baseline.json
	$(BIN)/policy-assistant eval evals/unseen73.yaml --baseline evals/unseen73-baseline.json
	$(BIN)/policy-assistant eval evals/unseen74.yaml --baseline evals/unseen74-baseline.json
	$(BIN)/policy-assistant eval evals/unseen75.yaml --baseline evals/unseen75-baseline.json
	$(BIN)/policy-assistant eval evals/unseen76.yaml --baseline evals/unseen76-baseline.json
	$(BIN)/policy-assistant eval evals/unseen77.yaml --baseline evals/unseen77-baseline.json
	$(BIN)/policy-assistant eval evals/unseen78.yaml --baseline evals/unseen78-baseline.json
	$(BIN)/policy-assistant eval evals/unseen79.yaml --baseline evals/unseen79-baseline.json
	$(BIN)/policy-assistant eval evals/unseen80.yaml --baseline evals/unseen80-baseline.json
	$(BIN)/policy-assistant eval evals/unseen81.yaml --baseline evals/unseen81-baseline.json
	$(BIN)/policy-assistant eval evals/unseen82.yaml --baseline evals/unseen82-baseline.json
	$(BIN)/policy-assistant eval evals/unseen83.yaml --baseline evals/unseen83-baseline.json
	$(BIN)/policy-assistant eval evals/unseen84.yaml --baseline evals/unseen84-baseline.json
	$(BIN)/policy-assistant eval evals/unseen85.yaml --baseline evals/unseen85-baseline.json
	$(BIN)/policy-assistant eval evals/unseen86.yaml --baseline evals/unseen86-baseline.json
	$(BIN)/policy-assistant eval evals/unseen87.yaml --baseline evals/unseen87-baseline.json
	$(BIN)/policy-assistant eval evals/unseen88.yaml --baseline evals/unseen88-baseline.json
	$(BIN)/policy-assistant eval evals/unseen89.yaml --baseline evals/unseen89-baseline.json
	$(BIN)/policy-assistant eval evals/unseen90.yaml --baseline evals/unseen90-baseline.json
	$(BIN)/policy-assistant eval evals/unseen91.yaml --baseline evals/unseen91-baseline.json
	$(BIN)/policy-assistant eval evals/unseen92.yaml --baseline evals/unseen92-baseline.json
	$(BIN)/policy-assistant eval evals/unseen93.yaml --baseline evals/unseen93-baseline.json
	$(BIN)/policy-assistant eval evals/unseen94.yaml --baseline evals/unseen94-baseline.json
	$(BIN)/policy-assistant eval evals/unseen95.yaml --baseline evals/unseen95-baseline.json
	$(BIN)/policy-assistant eval evals/unseen96.yaml --baseline evals/unseen96-baseline.json
	$(BIN)/policy-assistant eval evals/unseen97.yaml --baseline evals/unseen97-baseline.json
	$(BIN)/policy-assistant eval evals/unseen98.yaml --baseline evals/unseen98-baseline.json
	$(BIN)/policy-assistant eval evals/unseen99.yaml --baseline evals/unseen99-baseline.json
	$(BIN)/policy-assistant eval evals/unseen100.yaml --baseline evals/unseen100-baseline.json
	$(BIN)/policy-assistant eval evals/unseen101.yaml --baseline evals/unseen101-baseline.json
	$(BIN)/policy-assistant eval evals/unseen102.yaml --baseline evals/unseen102-baseline.json
	$(BIN)/policy-assistant eval evals/unseen103.yaml --baseline evals/unseen103-baseline.json
	$(BIN)/policy-assistant eval evals/unseen104.yaml --baseline evals/unseen104-baseline.json
	$(BIN)/policy-assistant eval evals/unseen105.yaml --baseline evals/unseen105-baseline.json
	$(BIN)/policy-assistant eval evals/unseen106.yaml --baseline evals/unseen106-baseline.json
	$(BIN)/policy-assistant eval evals/unseen107.yaml --baseline evals/unseen107-baseline.json
	$(BIN)/policy-assistant eval evals/unseen108.yaml --baseline evals/unseen108-baseline.json
	$(BIN)/policy-assistant eval evals/unseen109.yaml --baseline evals/unseen109-baseline.json
	$(BIN)/policy-assistant eval evals/unseen110.yaml --baseline evals/unseen110-baseline.json
	$(BIN)/policy-assistant eval evals/unseen111.yaml --baseline evals/unseen111-baseline.json
	$(BIN)/policy-assistant eval evals/unseen112.yaml --baseline evals/unseen112-baseline.json
	$(BIN)/policy-assistant eval evals/unseen113.yaml --baseline evals/unseen113-baseline.json
	$(BIN)/policy-assistant eval evals/unseen114.yaml --baseline evals/unseen114-baseline.json
	$(BIN)/policy-assistant eval evals/unseen115.yaml --baseline evals/unseen115-baseline.json
	$(BIN)/policy-assistant eval evals/unseen116.yaml --baseline evals/unseen116-baseline.json

clean:
	rm -rf $(VENV) index/chroma index/sparse index/ingest.lock index/shipped-only .pytest_cache
