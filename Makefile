# One entry point for people and CI. `make test` is what .ci/run runs.
PYTHON ?= python3
PIP := $(PYTHON) -m pip install --quiet --disable-pip-version-check

.PHONY: convert test system-deps bench-deps lint typecheck bench clean i18n

convert:                ## install rcmkg and convert the sample reports into data/rdf
	$(PIP) .
	rcmkg convert data/reports --out data/rdf

system-deps:            ## what the tests need from Debian: rapper (an independent Turtle parser), Chromium, Apache httpd, nginx, Virtuoso, wrk (the serve bench's load generator, tested)
	@if ! command -v rapper >/dev/null || ! command -v chromium >/dev/null || ! command -v wrk >/dev/null \
	    || ! [ -x /usr/sbin/apache2 ] || ! [ -x /usr/sbin/nginx ] \
	    || ! { command -v virtuoso-t >/dev/null || [ -x /usr/bin/virtuoso-t ]; }; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends raptor2-utils chromium \
	    apache2 nginx virtuoso-opensource wrk >/dev/null; \
	fi

test: system-deps       ## install rcmkg with its test extras and run the whole test suite
	$(PIP) -e '.[test]'
	$(PYTHON) -m mypy
	$(PYTHON) -m pytest -q

lint:
	ruff check rcmkg tests bench

typecheck:              ## mypy: strict on rcmkg (pyproject.toml [tool.mypy])
	$(PYTHON) -m mypy

i18n:                   ## extract the interface messages (babel.cfg), update the Spanish catalogue, compile it
	mkdir -p build
	pybabel extract -F babel.cfg --no-location --sort-output --project=rcmkg -o build/messages.pot rcmkg
	pybabel update -i build/messages.pot -d rcmkg/locale -D messages --no-wrap --ignore-obsolete --no-fuzzy-matching
	pybabel compile -d rcmkg/locale -D messages --statistics

bench-deps:             ## what the benchmarks need from Debian: wrk (a C load generator) and nginx (the serve baseline)
	@if ! command -v wrk >/dev/null || ! [ -x /usr/sbin/nginx ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends wrk nginx >/dev/null; \
	fi

bench: bench-deps       ## run every benchmark (see bench/README.md)
	$(PYTHON) -m bench

clean:
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache test-output bench/out
