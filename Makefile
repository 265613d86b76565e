# wirenews: build, demo, test and bench from a fresh Debian 12 machine.
#   make demo   install what is missing, build, run the CLI on the examples
#   make test   install what is missing, build, run every test
#   make build  build only;  make bench  run the benchmarks

LUA      ?= lua5.4
BUILD    ?= build
ASAN_DIR ?= build-asan
JOBS     ?= 2
MAKEFLAGS += --no-print-directory
export WIRENEWS_TESTDATA ?= $(abspath ../shared/testdata)

.PHONY: all deps build build-asan demo test test-c test-lua test-asan bench clean fuzz

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
	@$(LUA) bin/wirenews extract --format pretty examples/articles/*.txt

# Every stage writes its results under $(BUILD)/results; spec/run_all.sh
# runs them in turn and prints the closing "N passed, N failed" line.
test: build build-asan
	@bash spec/run_all.sh

bench: build
	@for b in bench/*.lua; do echo "== $$b"; $(LUA) $$b || exit 1; done

clean:
	rm -rf $(BUILD) $(ASAN_DIR) build.luarocks lua_modules
