#!/usr/bin/env bash
# Runs every test stage and prints one closing line "N passed, N failed".
# Stages: C tests (ctest), busted specs, busted specs against the
# sanitizer build.  Each stage's results are counted even when it fails.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
ASAN_DIR=${ASAN_DIR:-build-asan}
out=$BUILD/results
rm -rf "$out"; mkdir -p "$out"
status=0

echo "== C tests (ctest)"
(cd "$BUILD" && ctest --output-on-failure) | tee "$out/ctest.txt"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
echo "== C tests under AddressSanitizer + UBSan"
(cd "$ASAN_DIR" && ctest --output-on-failure) | tee "$out/ctest-asan.txt"
[ "${PIPESTATUS[0]}" = 0 ] || status=1

echo "== busted specs"
busted -o TAP 2>&1 | tee "$out/busted.tap"
[ "${PIPESTATUS[0]}" = 0 ] || status=1

echo "== busted specs under AddressSanitizer + UBSan"
asan_lib=$(gcc -print-file-name=libasan.so)
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
LD_PRELOAD="$asan_lib" WIRENEWS_SANITIZED=1 \
  busted --run=sanitize --exclude-tags=nosanitize -o TAP 2>&1 | tee "$out/busted-asan.tap"
[ "${PIPESTATUS[0]}" = 0 ] || status=1

for extra in spec/stages/*.sh; do
  [ -e "$extra" ] || continue
  echo "== $(basename "$extra" .sh)"
  bash "$extra" "$out" || status=1
done

lua5.4 spec/support/tally.lua "$out" || status=1
exit $status
