# ML Stack Katas: the front door. The environment sets itself up on first use (and again when
# pyproject.toml changes); every target delegates to `python -m grader`, which reads the catalogue.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PHASE ?= all
TARGET ?= exercises
RUNTIME := $(VENV)/.installed-runtime
DEV := $(VENV)/.installed-dev
PIP_NOISE := is ignored: it is neither a file nor a directory

SUBMISSIONS ?= submissions
OUT ?= classroom-out

.PHONY: help setup grade check hint next progress test bench mutants classroom gradescope bench-classroom release notebooks
.DEFAULT_GOAL := help

help:
	@echo "Learner:    make grade PHASE=1 | make check TOPIC=linear_algebra | make hint TOPIC=... | make next | make progress"
	@echo "Instructor: make grade PHASE=all TARGET=solutions | make classroom SUBMISSIONS=dir PHASE=1 [OUT=dir ROSTER=csv WORKERS=n]"
	@echo "            make gradescope PHASE=1 | make bench-classroom"
	@echo "Project:    make test | make bench | make mutants TOPIC=x [KATA=y]"

$(RUNTIME): pyproject.toml
	@test -x $(PY) || { echo "Creating the environment in $(VENV) (first run only)..."; $(PYTHON) -m venv $(VENV); }
	@echo "Installing dependencies from pyproject.toml into $(VENV) (a few minutes the first time)..."
	@$(PY) -m pip install --quiet --disable-pip-version-check -e . 2>&1 | { grep -v "$(PIP_NOISE)" || true; }
	@touch $@

$(DEV): $(RUNTIME)
	@echo "Installing the development extras into $(VENV)..."
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]' 2>&1 | { grep -v "$(PIP_NOISE)" || true; }
	@touch $@

setup: $(RUNTIME)

grade: $(RUNTIME)
	@$(PY) -m grader grade --phase "$(PHASE)" --target "$(TARGET)" $(if $(TOPIC),--topic "$(TOPIC)") $(if $(FORMAT),--format $(FORMAT)) $(if $(OUTPUT),--output "$(OUTPUT)")

check: $(RUNTIME)
	@$(PY) -m grader check "$(TOPIC)"

hint: $(RUNTIME)
	@$(PY) -m grader hint $(TOPIC) $(if $(KATA),--kata $(KATA)) $(if $(ALL),--all)

next: $(RUNTIME)
	@$(PY) -m grader next

progress: $(RUNTIME)
	@$(PY) -m grader progress

test: $(DEV)
	@if [ -d tests ]; then $(PY) -m pytest; else echo "This student edition has no project tests: use make check TOPIC=... and make grade."; fi

bench: $(DEV)
	@$(PY) -m tests.benchmarks

mutants: $(DEV)
	@if [ -z "$(TOPIC)" ]; then echo "make mutants needs a topic: make mutants TOPIC=linear_algebra [KATA=lu_solve]"; exit 2; fi
	@$(PY) -m tests.mutants "$(TOPIC)" $(if $(KATA),--kata "$(KATA)")

classroom: $(RUNTIME)
	@$(PY) -m grader classroom --submissions "$(SUBMISSIONS)" --phase "$(PHASE)" --out "$(OUT)" \
		$(if $(WORKERS),--workers $(WORKERS)) $(if $(ROSTER),--roster "$(ROSTER)") $(if $(RESUME),--resume) \
		$(if $(DEADLINE),--deadline "$(DEADLINE)") $(if $(PENALTY),--penalty-per-day $(PENALTY)) $(if $(DASK),--dask $(DASK)) $(if $(ALLOW_UNSANDBOXED),--allow-unsandboxed)

gradescope: $(RUNTIME)
	@$(PY) -m grader gradescope --build "$(or $(ZIP),autograder.zip)" --phase "$(PHASE)"

release: $(RUNTIME)
	@$(PY) -m grader release --out "$(or $(OUT_EDITION),$(OUT))"

notebooks: $(DEV)
	@$(PY) -m grader notebooks --out "$(OUT)" $(if $(filter-out all,$(PHASE)),--phase $(PHASE))

bench-classroom: $(DEV)
	@$(PY) -m tests.benchmarks --classroom
