# The commands the README names. Everything lives in .venv at the repository root.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
CATALOGUES := $(wildcard translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)

.PHONY: run test test-tools bench fuzz torture lint translations compile-translations wheel-check clean

# Options for the app go in ARGS: make run ARGS="--lang ar --data-dir /path/to/folder"
ARGS ?=

run: $(INSTALLED) $(COMPILED)
	$(BIN)/resilience-app $(ARGS)

test: $(INSTALLED) $(COMPILED) test-tools
	$(BIN)/lint-imports
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

bench: $(INSTALLED) $(COMPILED)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

# The property tests with new random inputs on each run (make test draws the same ones every time).
fuzz: $(INSTALLED) $(COMPILED)
	FUZZ_RANDOM=1 QT_QPA_PLATFORM=offscreen $(BIN)/pytest tests/property

# Kill a process saving answers with SIGKILL 200 times; after each kill the database must pass
# integrity_check and hold every answer whose save had returned (tools/torture.py; POSIX only).
# Then delete, move or damage the database's files under a running app, 35 rounds (tools/torture_files.py).
torture: $(INSTALLED) $(COMPILED)
	$(BIN)/python tools/torture.py --kills 200
	$(BIN)/python tools/torture_files.py --rounds 35

# The first run installs for about a minute and a half; pip shows each package as it comes, so it is never silent.
$(INSTALLED): pyproject.toml
	@echo "Installing the app and its libraries into $(VENV) (the first time only: about a minute and a half)…"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --progress-bar on -e '.[test]'
	@echo "Installed."
	touch $@

# The brief's tests read PDFs back with poppler's pdftotext and pdffonts (Debian: poppler-utils); the Excel
# workbooks' tests open them in LibreOffice Calc and the Word brief's tests print it with LibreOffice Writer,
# headless (Debian: libreoffice-calc-nogui, libreoffice-writer-nogui).
test-tools:
	@command -v pdftotext >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& (apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null); } \
		|| echo "note: pdftotext (poppler-utils) is not installed; the PDF read-back tests will be skipped"
	@{ command -v soffice >/dev/null && { ! command -v apt-get >/dev/null || [ -e /usr/lib/libreoffice/program/libswlo.so ]; }; } || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
		&& (apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui >/dev/null); } \
		|| echo "note: soffice (LibreOffice Calc and Writer) is not installed; the tests that open workbooks or the Word brief in LibreOffice will be skipped"

# Compiled catalogues are build products (not committed); the wheel's build hook makes its own.
translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(INSTALLED)
	$(BIN)/pybabel compile --domain messages --input-file $< --output-file $@

compile-translations: $(COMPILED)

# Extract every marked string, merge it into each language, fill English from the source, compile.
translations: $(INSTALLED)
	$(BIN)/pybabel extract --mapping-file babel.cfg --keywords N_ --keywords N_plural:1,2 --keywords ngettext:1,2 --keywords ngettext_in:2,3 \
		--project resilience-app --no-location --sort-output --width 100 --output-file translations/messages.pot .
	$(BIN)/pybabel update --input-file translations/messages.pot --output-dir translations --domain messages \
		--no-fuzzy-matching --width 100 --ignore-obsolete
	$(BIN)/python tools/fill_source_catalogue.py translations/en/LC_MESSAGES/messages.po
	$(MAKE) compile-translations

# Build the wheel and run the main commands from it in an empty virtual environment.
wheel-check: $(INSTALLED)
	rm -rf dist build/wheel-venv build/wheel-data
	$(BIN)/python -m build --wheel --outdir dist .
	$(PYTHON) -m venv build/wheel-venv
	build/wheel-venv/bin/python -m pip install --quiet dist/*.whl
	build/wheel-venv/bin/resilience-app version
	build/wheel-venv/bin/resilience-app validate-content
	build/wheel-venv/bin/resilience-app --data-dir build/wheel-data --lang ar list --json
	build/wheel-venv/bin/resilience-app --data-dir build/wheel-data content --json > /dev/null
	QT_QPA_PLATFORM=offscreen build/wheel-venv/bin/resilience-app --data-dir build/wheel-data --smoke-test
	cd /tmp && $(CURDIR)/build/wheel-venv/bin/python -m resilience_app version

lint: $(INSTALLED)
	$(BIN)/ruff check resilience_app tests tools bench hatch_build.py

clean:
	rm -rf $(VENV) build dist .pytest_cache translations/*/LC_MESSAGES/*.mo
