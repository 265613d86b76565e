# wirenews: build, demo, test and bench from a fresh Debian 12 machine.
#   make demo   install what is missing, build, run the CLI on the examples
#   make test   install what is missing, build, run every test
#   make build  build only;  make bench  run the benchmarks
#   make fuzz   fuzz each C harness for FUZZ_SECONDS (60) with libFuzzer
#   make valgrind  the valgrind leak and memory check of a Lua workload

LUA      ?= lua5.4
BUILD    ?= build
ASAN_DIR ?= build-asan
JOBS     ?= 2
MAKEFLAGS += --no-print-directory
export WIRENEWS_TESTDATA ?= $(abspath ../shared/testdata)
FUZZ_SECONDS ?= 60

# The fuzz and valgrind stages need these on top of the build's packages.
test fuzz valgrind: export WN_EXTRA_PKGS += clang libclang-rt-14-dev valgrind

.PHONY: all deps build build-asan demo test test-c test-lua test-asan bench clean fuzz valgrind

all: build

deps:
	@bash .ci/deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: deps
	@CC=gcc cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=Debug -DWN_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_DIR) -j $(JOBS)

demo: build
	@echo; $(LUA) bin/wirenews extract --format pretty examples/articles/*.txt

# Every stage writes its results under $(BUILD)/results; spec/run_all.sh
# runs them in turn and prints the closing "N passed, N failed" line.
test: build build-asan
	@bash spec/run_all.sh

# Results of these two go to $(BUILD)/fuzz and $(BUILD)/valgrind (TAP).
fuzz: deps
	@bash spec/stages/fuzz.sh $(BUILD)/fuzz $(FUZZ_SECONDS)

valgrind: build
	@bash spec/stages/valgrind.sh $(BUILD)/valgrind

bench: build
	@for b in bench/*.lua; do [ $$b = bench/common.lua ] && continue; \
	  echo "== $$b"; $(LUA) $$b || exit 1; done

clean:
	rm -rf $(BUILD) $(ASAN_DIR) build-fuzz build-fuzz-replay build.luarocks lua_modules .fuzz
