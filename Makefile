# mailzone: `make demo` and `make test` set up everything they need on a fresh Debian machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

SWIFT ?= swift
BIN := .build/debug/mailzone
RELEASE_BIN := .build/release/mailzone
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# Debian packages: the ldns library and headers, pkg-config to find them, jemalloc (mailzone's
# allocator on Linux), NSD for the tests.
APT_BUILD := libldns-dev pkg-config libjemalloc-dev
APT_TEST := nsd publicsuffix python3-yaml
CACHE := .cache
# The openspf SPF suites ship in this sdist (sha256-checked by the fetch script, never committed).
SPF_SDIST := $(CACHE)/pyspf/pyspf-2.0.14.tar.gz

.PHONY: help deps deps-test build release demo test unit lint docs conformance spf-suite bench bench-micro bench-resolver bulk-test valgrind clean

help:
	@echo "make demo          install what is missing, build, and query the example zone offline"
	@echo "make test          install what is missing, build, run every test (NSD on loopback) and the linter"
	@echo "make conformance   run the third-party conformance suites (record vectors; SPF suites in process and live)"
	@echo "make spf-suite     download the openspf SPF suites (pyspf 2.0.14 sdist) into $(SPF_SDIST)"
	@echo "make bench         mailzone vs checkdmarc on the bench corpus (1k, 1k at 20 ms RTT, 10k) + micro-benchmarks"
	@echo "make bench-micro   micro-benchmarks (Benchmarks/Micro: record parsing, checks, packets, zone files)"
	@echo "make bench-resolver  queries per second against NSD on loopback (release build)"
	@echo "make bulk-test     audit 10,000- and 100,000-line dirty domain lists (release build); peak RSS must stay flat"
	@echo "make valgrind      leak check over 10,000 lookups and zone parses"

# Installs only what is missing; apt runs once, non-interactively. A policy-rc.d keeps NSD's
# package from starting a system-wide server on port 53.
define apt_install
	missing=(); for p in $(1); do dpkg -s "$$p" >/dev/null 2>&1 || missing+=("$$p"); done; \
	if [ $${#missing[@]} -gt 0 ]; then \
	  echo "installing: $${missing[*]}"; \
	  made_policy=0; \
	  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' | $(SUDO) tee /usr/sbin/policy-rc.d >/dev/null; $(SUDO) chmod 755 /usr/sbin/policy-rc.d; made_policy=1; fi; \
	  $(SUDO) apt-get update -qq; \
	  status=0; DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends "$${missing[@]}" >/dev/null || status=$$?; \
	  if [ $$made_policy = 1 ]; then $(SUDO) rm -f /usr/sbin/policy-rc.d; fi; \
	  if [ $$status -ne 0 ]; then echo "apt-get install $${missing[*]} failed" >&2; exit $$status; fi; \
	fi
endef

deps:
	@$(call apt_install,$(APT_BUILD))
	@command -v $(SWIFT) >/dev/null || { echo "swift is not on PATH (Swift 6.1 or newer is needed)" >&2; exit 1; }

deps-test: deps
	@$(call apt_install,$(APT_TEST))

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

demo: build
	@echo "== mailzone audit: two example zones, offline (a tidy domain, and one with typical mistakes)"
	$(BIN) audit --zone Examples/example.com.zone example.com || echo "(exit $$?)"
	$(BIN) audit --zone Examples/outreach.example.zone outreach.example || echo "(exit $$?: findings at or above --fail-on error)"
	@echo "== mailzone spf tree: where the 11th lookup is spent"
	$(BIN) spf tree --zone Examples/outreach.example.zone outreach.example || echo "(exit $$?)"
	@echo "== mailzone lookup: the example zone, answered offline from Examples/example.com.zone"
	$(BIN) lookup --zone Examples/example.com.zone example.com TXT
	$(BIN) lookup --zone Examples/example.com.zone _spf.example.com TXT
	$(BIN) lookup --zone Examples/example.com.zone example.com MX
	$(BIN) lookup --zone Examples/example.com.zone www.example.com A
	$(BIN) lookup --zone Examples/example.com.zone parked.example.com MX
	$(BIN) lookup --zone Examples/example.com.zone nosuch.example.com TXT
	@echo "== mailzone parse: records read strictly, errors pointed at"
	$(BIN) parse spf "v=spf1 ip4:192.0.2.0/24 include:_spf.example.com ~all"
	$(BIN) parse dmarc "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"
	$(BIN) parse spf "v=spf1 ip4:192.0.2.300 -all" || echo "(exit $$?: the record is invalid)"

# The SPF suite is fetched first, so its in-process run is demanded (MAILZONE_REQUIRE_CONFORMANCE)
# rather than skipped; the live run over loopback DNS (~10-25 s) follows the unit tests, then
# sarif-tools (PyPI, into .cache/sarif-venv) reads `mailzone check --format sarif`.
test: deps-test spf-suite
	$(SWIFT) build --build-tests
	MAILZONE_REQUIRE_CONFORMANCE=1 $(SWIFT) test --skip-build
	scripts/conformance-spf.sh $(BIN) --sdist $(SPF_SDIST)
	scripts/sarif-tools-check.sh $(BIN)
	$(MAKE) --no-print-directory lint

# Documentation/checks.md is generated from the check descriptions; a test fails when it is stale.
docs: build
	$(BIN) checks --format markdown > Documentation/checks.md

lint:
	$(SWIFT) format lint --strict --recursive --parallel Package.swift Sources Tests

# Always asked: the script only downloads when the file is missing or its sha256 is wrong.
spf-suite:
	@scripts/fetch-spf-suite.sh $(dir $(SPF_SDIST))

# DMARC and DKIM key-record vectors from ../shared/conformance (mox, mail-auth, checkdmarc, dkimpy);
# the openspf SPF suites in process (rfc7208 203/203 and rfc4408 191/191, SPFConformanceTests) and
# live through `mailzone spf check` against spf_suite.py --serve (rfc7208 at least 202/203).
# Every run goes ahead even when an earlier one fails; the target fails if any did.
conformance: deps-test spf-suite
	$(SWIFT) build --build-tests
	status=0; \
	scripts/conformance-records.sh $(BIN) || status=1; \
	echo "== SPF suites in process (SPFConformanceTests, $(SPF_SDIST))"; \
	MAILZONE_REQUIRE_CONFORMANCE=1 $(SWIFT) test --skip-build --filter 'SPFConformanceTests|SPFSuiteHarnessTests' \
	  || status=1; \
	MAILZONE_REQUIRE_CONFORMANCE=1 scripts/conformance-spf.sh $(BIN) --sdist $(SPF_SDIST) || status=1; \
	exit $$status

# The bench corpus (../shared/bench) served by NSD on loopback, audited, scored against truth.json.
truth: release deps-test
	Benchmarks/truth.sh $(RELEASE_BIN) --domains 1000

# The 100,000-line run (BulkRobustnessTests) is too slow for a debug build: it runs the release
# binary through the test harness (debug test build), against NSD on loopback.
bulk-test: release deps-test
	$(SWIFT) build --build-tests
	MAILZONE_BULK_100K=1 MAILZONE_BIN=$(RELEASE_BIN) $(SWIFT) test --skip-build --filter BulkRobustnessTests

# ../shared/bench/compare.sh (NSD on loopback; checkdmarc's saved numbers reused, BENCH_FRESH_ANCHOR=1
# re-measures them: ~15 min at 20 ms RTT), then the micro-benchmarks; figures in .build/bench/results.md
# (BENCH_OUT). See Benchmarks/bench.sh for BENCH_PORT, BENCH_RUNS and the scenarios.
bench: release deps-test
	Benchmarks/bench.sh

# A package of its own (Benchmarks/Micro, ordo-one/benchmark), so the main build never builds it.
bench-micro: deps
	BENCH_OUT=.build/bench/micro.md Benchmarks/bench.sh micro

bench-resolver: release deps-test
	.build/release/mailzone-resolver-bench --queries 20000 --in-flight 1 --in-flight 256

# 10,000 lookups through the NIO/ldns path and 200 parses of the fixture zones (plus broken ones);
# exits non-zero on any definite leak.
# valgrind 3.19 cannot read the DWARF 5 of Swift 6 binaries, so it runs a stripped copy; NSD is
# started outside valgrind by `--serve` and ends when that process does.
valgrind: release deps-test
	@$(call apt_install,valgrind)
	cp .build/release/mailzone-resolver-bench .build/resolver-bench-stripped && strip .build/resolver-bench-stripped
	rm -f .build/valgrind-ns; sleep 600 | .build/release/mailzone-resolver-bench --serve > .build/valgrind-ns & \
	server=$$!; trap 'kill $$server 2>/dev/null' EXIT; \
	for _ in $$(seq 100); do [ -s .build/valgrind-ns ] && break; sleep 0.1; done; \
	valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3 \
	  .build/resolver-bench-stripped --nameserver "$$(cat .build/valgrind-ns)" \
	  --queries 10000 --in-flight 64 --zone-parses 200

clean:
	rm -rf .build $(CACHE)
