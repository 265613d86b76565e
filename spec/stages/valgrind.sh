#!/usr/bin/env bash
# spec/stages/valgrind.sh RESULTS_DIR
#
# Runs spec/stages/valgrind.lua (every wirenews.core entry point over the
# seed articles and a Reuters sample) under valgrind memcheck with
# --leak-check=full and writes RESULTS_DIR/valgrind.tap: one line for
# memory errors (invalid reads/writes, uninitialised values), one for
# leaks (definitely or indirectly lost), one for the workload's own exit.
# No suppression file is needed: lua5.4 closes its state at exit, so the
# interpreter frees everything.  Uses the release build in $BUILD (build).
# Skipped, with the reason, when valgrind is missing and cannot be
# installed.
set -u
cd "$(dirname "$0")/../.."
out=${1:?usage: valgrind.sh RESULTS_DIR}
mkdir -p "$out"
log=$out/valgrind.log
tap=$out/valgrind.tap

if ! command -v valgrind >/dev/null; then
  WN_EXTRA_PKGS=valgrind bash .ci/deps.sh >&2 || true
fi
if ! command -v valgrind >/dev/null; then
  printf '1..1\nok 1 - # SKIP valgrind is not installed (apt-get install valgrind)\n' | tee "$tap"
  exit 0
fi

valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
  --error-exitcode=99 --track-origins=yes \
  lua5.4 spec/stages/valgrind.lua >"$log" 2>&1
rc=$?
errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -n 1)
lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tail -n 1)
indirect=$(sed -n 's/.*indirectly lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tail -n 1)
heap=$(sed -n 's/.*total heap usage: \(.*\)/\1/p' "$log" | tail -n 1)
grep -E '^valgrind workload' "$log"
echo "heap: $heap"

result() { if [ "$1" = 1 ]; then echo "ok $2 - $3"; else echo "not ok $2 - $3"; fi; }
{
  echo "1..3"
  result "$([ "$rc" != 99 ] && [ "${errors:-x}" = 0 ] && echo 1)" 1 \
    "valgrind: no invalid reads, writes or uses of uninitialised memory (${errors:-?} errors)"
  result "$([ "${lost:-0}" = 0 ] && [ "${indirect:-0}" = 0 ] && echo 1)" 2 \
    "valgrind: no leaks (definitely lost ${lost:-0}, indirectly lost ${indirect:-0} bytes; heap: ${heap:-?})"
  result "$([ "$rc" = 0 ] && echo 1)" 3 \
    "valgrind workload spec/stages/valgrind.lua runs to the end (exit $rc)"
} | tee "$tap"
! grep -q '^not ok' "$tap"
