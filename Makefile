# Two commands matter: `make run` and `make test`. Both set up .venv from nothing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: run test install index lint format eval clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	# torch first and pinned: it resolves to the local CPU wheel.
	$(PY) -m pip install torch==2.13.0
	$(PY) -m pip install -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

index: install
	$(VENV)/bin/rag index

run: install
	$(VENV)/bin/rag index
	@if [ -f ui.py ]; then $(PY) ui.py; else $(VENV)/bin/rag chat; fi

test: install
	$(VENV)/bin/pytest -q

eval: install
	$(VENV)/bin/rag eval --gold eval/gold.jsonl

lint: install
	$(VENV)/bin/ruff check rag tests eval ui.py
	$(VENV)/bin/ruff format --check rag tests eval ui.py

format: install
	$(VENV)/bin/ruff format rag tests eval ui.py
	$(VENV)/bin/ruff check --fix rag tests eval ui.py

clean:
	rm -rf $(VENV) index/*.jsonl index/*.npy index/*.index index/manifest.json
