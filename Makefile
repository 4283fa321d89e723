# The front door. Each target is one call into the strom package (scripts/strom); the logic lives there.
#   make help            this list
#   make html [LANG=lv]  website(s) into _build/html/<lang>/ plus _build/html/index.html
#   make pdf  [LANG=lv]  PDF(s) into _build/pdf/<name>-<lang>.pdf

# LANG is also the POSIX locale variable: take it only from the command line (make html LANG=lv), never
# from the shell's environment, and do not pass it on to the tools, which run under C.UTF-8.
ifeq ($(origin LANG),command line)
  LANGUAGE_OPTION := --lang $(LANG)
else
  LANGUAGE_OPTION :=
endif
unexport LANG LANGUAGE
export LC_ALL := C.UTF-8
# The hash seed the build's workers get (strom.build.tool_environment): with it, a build of one language runs in
# the command's own process instead of starting a worker for it.
html pdf all check: export PYTHONHASHSEED := 0

PYTHON ?= python3
VENV   ?= .venv
STROM  := $(VENV)/bin/python -m strom
PORT   ?= 8000
JOBS   ?=
JOBS_OPTION := $(if $(JOBS),--jobs $(JOBS),)
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help html pdf all gettext update-po format-po check-po stats fuzzy live check test bench matrix clean languages

help: ## Show this help
	@echo "Usage: make <target> [LANG=<code>]   (languages: see 'make languages')"
	@echo
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-11s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed; set PYTHON=python3.11")'
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[test]'
	@$(VENV)/bin/python -m strom.environment
	@touch $@

html: $(STAMP) ## Build the website: all languages, or LANG=lv
	@$(STROM) html $(LANGUAGE_OPTION) $(JOBS_OPTION)

pdf: $(STAMP) ## Build the PDF: all languages, or LANG=lv
	@$(STROM) pdf $(LANGUAGE_OPTION) $(JOBS_OPTION)

all: $(STAMP) ## Build website and PDF together (one read of the sources per language)
	@$(STROM) all $(LANGUAGE_OPTION) $(JOBS_OPTION)

gettext: $(STAMP) ## Extract messages into _build/gettext/*.pot
	@$(STROM) gettext

update-po: $(STAMP) ## Extract, then merge into locale/<lang>/ catalogues (LANG=lv for one)
	@$(STROM) update-po $(LANGUAGE_OPTION)

format-po: $(STAMP) ## Rewrite catalogues in GNU gettext's canonical format
	@$(STROM) format-po $(LANGUAGE_OPTION)

check-po: $(STAMP) ## Check translations (QA): LANG=lv for one language
	@$(STROM) check-po $(LANGUAGE_OPTION)

stats: $(STAMP) ## Translation progress per language and document
	@$(STROM) stats $(LANGUAGE_OPTION)

fuzzy: $(STAMP) ## List fuzzy entries with a word diff (LANG=lv)
	@$(STROM) fuzzy $(LANGUAGE_OPTION)

live: $(STAMP) ## Preview with live reload on http://127.0.0.1:$(PORT) (LANG=lv)
	@$(STROM) live $(LANGUAGE_OPTION) --port $(PORT)

check: $(STAMP) ## Lint, type-check, and build everything with warnings as errors
	@$(STROM) check $(LANGUAGE_OPTION) $(JOBS_OPTION)

test: $(STAMP) ## Run the test suite
	@$(VENV)/bin/python -X dev -m pytest $(PYTEST_ARGS)

BENCH_ARGS ?=
BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(STAMP)
	$(VENV)/bin/python -m pip install --quiet -e '.[bench]'
	@touch $@

bench: $(BENCH_STAMP) ## Benchmark against the naive route and sphinx-simplepdf; writes _build/bench.json (BENCH_ARGS=--quick)
	@$(STROM) bench $(BENCH_ARGS)

matrix: $(STAMP) ## Print the CI build matrix from the language registry
	@$(STROM) matrix

languages: $(STAMP) ## List the languages of the registry
	@$(STROM) languages

clean: ## Remove build outputs (works without .venv)
	@PYTHONPATH=scripts $(PYTHON) -m strom clean
