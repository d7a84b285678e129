# Two-command set-up: `make run` and `make test` (see README.md). Wraps CMake.
SHELL := /bin/bash
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
FUZZ_SECONDS ?= 120

# Debian packages the build, the tests and the benchmarks need.
PACKAGES := cmake make g++ clang pkg-config antlr4 libantlr4-runtime-dev libpqxx-dev \
  nlohmann-json3-dev libcli11-dev libgtest-dev googletest libgmock-dev libbenchmark-dev \
  libjemalloc-dev postgresql postgresql-common postgresql-client clang-format python3-yaml \
  python3-sqlglot neovim
# Node.js and npm (test tools, bench) only where no `npm` is on the PATH: a machine with
# NodeSource's nodejs has npm inside it, and Debian's npm package conflicts with that one.
NODE_PACKAGES := $(if $(shell command -v npm),,nodejs npm)

.PHONY: all build deps configure run test test-tools test-unit test-asan test-tsan fuzz bench examples format \
  format-check clean

all: build

# Installs only what is missing; apt-get update first so a fresh machine finds everything.
deps:
	@missing=""; for p in $(PACKAGES) $(NODE_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(BUILD)/Makefile: CMakeLists.txt
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

configure: deps $(BUILD)/Makefile

build: configure
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@bash scripts/demo.sh $(BUILD)

# The npm tools the tests run (tests/tools/package.json, versions pinned by its
# package-lock.json): DuckDB executes --dialect duckdb SQL. `npm ci` only when the lock file
# changed. (The SQL of warehouses that cannot run here is parsed by python3-sqlglot, above.)
test-tools: deps
	@if [ ! -f tests/tools/node_modules/.package-lock.json ] || \
	    [ tests/tools/package-lock.json -nt tests/tools/node_modules/.package-lock.json ]; then \
	  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error; \
	fi

# The whole suite against a throwaway PostgreSQL cluster (pg_virtualenv works as root).
test: build test-tools
	pg_virtualenv sh -c 'cd $(BUILD) && ctest --output-on-failure -j $(JOBS)'

test-asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DLKML_SANITIZE=ON -DLKML_BUILD_BENCH=OFF
	cmake --build build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  pg_virtualenv sh -c 'cd build-asan && ctest --output-on-failure -j $(JOBS)'

# ThreadSanitizer over the stages that run on threads (file reading, parsing, view lowering,
# the interned strings, the check families, large catalog snapshots) and the CLI tests that
# drive them.
test-tsan: deps
	cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLKML_TSAN=ON -DLKML_BUILD_BENCH=OFF
	cmake --build build-tsan -j $(JOBS) --target lkml base_tests grammar_tests semantic_tests catalog_tests
	cd build-tsan && TSAN_OPTIONS=halt_on_error=1 ./tests/catalog_tests --gtest_filter='CatalogJson*' && \
	  TSAN_OPTIONS=halt_on_error=1 ./tests/base_tests && \
	  TSAN_OPTIONS=halt_on_error=1 LKML_BINARY=$$PWD/lkml ./tests/grammar_tests && \
	  TSAN_OPTIONS=halt_on_error=1 LKML_BINARY=$$PWD/lkml ./tests/semantic_tests && \
	  TSAN_OPTIONS=halt_on_error=1 ./lkml lint ../looker && \
	  { TSAN_OPTIONS=halt_on_error=1 ./lkml lint ../../shared/lookml-corpus > /dev/null; [ $$? -le 1 ]; }

fuzz: deps
	CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLKML_FUZZ=ON \
	  -DLKML_BUILD_BENCH=OFF -DLKML_BUILD_TESTS=OFF
	cmake --build build-fuzz -j $(JOBS) --target parse_fuzzer lexer_diff_fuzzer lsp_workspace_fuzzer
	mkdir -p build-fuzz/corpus && cp tests/fuzz/seeds/* build-fuzz/corpus/ 2>/dev/null || true
	build-fuzz/tests/fuzz/parse_fuzzer -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	  -dict=tests/fuzz/lookml.dict \
	  -artifact_prefix=build-fuzz/ build-fuzz/corpus
	build-fuzz/tests/fuzz/lexer_diff_fuzzer -max_total_time=$(FUZZ_SECONDS) -max_len=2048 \
	  -artifact_prefix=build-fuzz/ build-fuzz/corpus
	mkdir -p build-fuzz/lsp-corpus
	build-fuzz/tests/fuzz/lsp_workspace_fuzzer -max_total_time=$(FUZZ_SECONDS) -max_len=512 \
	  -artifact_prefix=build-fuzz/lsp- build-fuzz/lsp-corpus

# The benchmark's comparison columns also need python3 (catalog DDL for the --schema column)
# and node/npm (lookml-parser); a missing one skips only its column.
bench: deps
	@need=""; command -v python3 > /dev/null || need="$$need python3"; \
	command -v npm > /dev/null || need="$$need nodejs npm"; \
	if [ -n "$$need" ]; then \
	  echo "Installing for the benchmark comparisons:$$need"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$need \
	    || echo "note: could not install$$need; those columns are skipped"; \
	fi
	bash bench/run.sh

examples: build test-tools
	pg_virtualenv sh -c 'bash examples/run_all.sh $(BUILD) && bash examples/run_duckdb.sh $(BUILD)'

format:
	clang-format -i $$(git ls-files '*.cpp' '*.h')

format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.h')

clean:
	rm -rf $(BUILD) build-asan build-fuzz
