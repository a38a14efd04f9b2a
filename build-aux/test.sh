#!/usr/bin/env bash
# Builds Inspection Compare twice (plain with warnings as errors, then with
# AddressSanitizer + UndefinedBehaviorSanitizer) and runs every test in both.
# Then checks the Debian package (build-aux/check-deb.sh). Ends with one
# line "N passed, N failed, N skipped", whatever failed on the way.
set -uo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
cd "$top"

if ! "$top/build-aux/deps.sh"; then
  echo "the packages to build and test could not be installed" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

status=0
logs=()
# Whole-program checks and builds, each counted as one test (NAME=ok|fail).
checks=()

run_suite () {
  local dir="$1"; shift
  # A build that fails counts as a failed test; a log of an earlier run
  # must not count instead.
  rm -f "$dir/meson-logs/testlog.json"
  if [ ! -f "$dir/build.ninja" ] && ! meson setup "$dir" "$@"; then
    checks+=("build $dir=fail"); return 1
  fi
  if ! ninja -C "$dir"; then
    checks+=("build $dir=fail"); return 1
  fi
  # Each UI test starts an X server of its own (tests/own-display.sh).
  meson test -C "$dir" --print-errorlogs "${MESON_TEST_ARGS[@]}" \
    --num-processes 2 || status=1
  logs+=("$dir/meson-logs/testlog.json")
}

MESON_TEST_ARGS=()
run_suite _build || status=1
# Sanitized code runs several times slower: give every test more time.
MESON_TEST_ARGS=(--timeout-multiplier 5)
# Optimised (-O2) with frame pointers, and ASan's fast unwinder: the same
# kinds of checks as -O0 with the slow unwinder on every malloc, which cost
# the corpus suites about eight times the CPU (README, "Tests") and brought
# CI near its time limit. Leak reports show our frames through the frame
# pointers; tests/lsan.supp names system libraries by their own frames.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS="suppressions=$top/tests/lsan.supp" \
  run_suite _build-sanitize -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debugoptimized -Dc_args=-fno-omit-frame-pointer || status=1

# Whole-program checks, each counted as one test: the exporter over the
# generated hostile corpus, a short fuzzing run, and the Debian package
# built, installed, started and removed.
run_check () {
  local name="$1"; shift
  echo "== $name: $*"
  if "$@"; then checks+=("$name=ok"); else checks+=("$name=fail"); status=1; fi
}
run_check hostile-corpus "$top/build-aux/hostile-check.sh" "$top/_build" "$top/_build/hostile-corpus"
run_check fuzzing "$top/build-aux/fuzz.sh" "${IC_FUZZ_SECONDS:-20}"
run_check debian-package "$top/build-aux/check-deb.sh" "$top/_build-deb"

python3 "$top/build-aux/count-tests.py" "${logs[@]}" -- "${checks[@]}"
counted=$?
[ $status -eq 0 ] && [ $counted -eq 0 ] && exit 0
exit 1
