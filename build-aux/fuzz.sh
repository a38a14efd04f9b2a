#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each for SECONDS (default 60).
# The working corpus grows in _build-fuzz/corpus/<target>, seeded from
# tests/fuzz/seeds/<target>; crashes are written to _build-fuzz/crashes/.
# Prints the executions per target; exits 1 when a target crashed.
#
# Usage: build-aux/fuzz.sh [SECONDS]
set -uo pipefail

seconds="${1:-60}"
top="$(cd "$(dirname "$0")/.." && pwd)"
build="$top/_build-fuzz"
targets=(fuzz-authorities fuzz-dates fuzz-parser)

cd "$top"

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Dui=false \
    -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null ||
    { echo "fuzz.sh: meson setup failed for $build" >&2; exit 1; }
fi
ninja -C "$build" "${targets[@]/#/tests/fuzz/}" >/dev/null ||
  { echo "fuzz.sh: building the fuzz targets failed" >&2; exit 1; }

status=0
mkdir -p "$build/crashes"
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  log="$build/$t.log"
  mkdir -p "$corpus"
  seeds=("$top/tests/fuzz/seeds/$t")
  # The parser's own fixtures are report-shaped texts: good seeds too.
  if [ "$t" = fuzz-parser ] && [ -d "$top/tests/fixtures/parser" ]; then
    seeds+=("$top/tests/fixtures/parser")
  fi

  # halt_on_error makes UBSan reports crashes, so libFuzzer saves the input.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS="suppressions=$top/tests/lsan.supp" \
  G_SLICE=always-malloc \
    "$build/tests/fuzz/$t" "$corpus" "${seeds[@]}" \
      -dict="$top/tests/fuzz/fuzz.dict" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$build/crashes/$t-" >"$log" 2>&1
  rc=$?

  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  cov="$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)"
  if [ $rc -eq 0 ]; then
    echo "$t: ${execs:-0} executions in ${seconds}s, ${cov:-cov: ?}, corpus $(ls "$corpus" | wc -l) inputs"
  else
    echo "$t: FAILED after ${execs:-?} executions (exit $rc); see $log and $build/crashes/" >&2
    grep -m 5 -E 'ERROR|runtime error|Assertion|\*\*' "$log" >&2
    status=1
  fi
done

exit $status
