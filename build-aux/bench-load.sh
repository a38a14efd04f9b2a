#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-load.sh [BUILD_DIR] [ARCHIVE]: how fast the app reads the ~900-report
# archive against MuPDF itself, every figure from one run on the same files:
#
#   serial mutool     `mutool draw -F txt`, one process per PDF, one after another
#   MuPDF limit       `mutool convert -F text` in two long-lived processes, half
#                     the files each: the most two cores can do with MuPDF
#   CLI cold          `inspection-compare --export-json=/dev/null` with an empty cache
#   window cold       tests/bench-load's "fill" run: the loader on a main loop,
#                     progressive, as the window reads (an empty cache)
#   CLI warm          the CLI again, on the cache the cold run filled
#   CLI warm, search  the CLI with --search (the index read from the cache,
#                     as the window's warm reopen reads it)
#
# The CLI's cold and warm runs print where the load's time went, by step
# (IC_DEBUG_STAGES=1: wall and CPU time summed over the load workers).
#
# ARCHIVE defaults to a temporary one made by make-archive.sh (see
# doc/scale.md). PDFs are read by the helper processes, as installed. Peak
# memory is the app process's (helpers apart); "text" is what MuPDF extracts.
# On a shared machine quote the ratios, which come from the same run.
# IC_BENCH_BEFORE=OTHER_BUILD_DIR adds that build's CLI cold, to compare a
# change in the same run.
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$top/_build}"
work="$(mktemp -d /tmp/ic-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
if [ -n "${2:-}" ]; then
  archive="$2"
else
  archive="$work/archive"
  "$top/build-aux/make-archive.sh" "$archive" >/dev/null
fi

ninja -C "$build" src/inspection-compare tests/bench-load src/core/inspection-compare-extract >/dev/null
export IC_EXTRACT_HELPER="${IC_EXTRACT_HELPER:-$build/src/core/inspection-compare-extract}"
app="$build/src/inspection-compare"
mapfile -t pdfs < <(find "$archive" -name '*.pdf' | sort)
n=${#pdfs[@]}
half=$(( (n + 1) / 2 ))

# timed NAME COMMAND…: wall seconds and peak RSS (kB) of COMMAND into NAME.
timed () {
  local name="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.err" ||
    { echo "bench-load.sh: $name failed:" >&2; tail -3 "$work/$name.err" >&2; exit 1; }
  read -r "${name}_s" "${name}_kb" < "$work/$name.time"
}

serial () {
  for pdf in "${pdfs[@]}"; do mutool draw -q -F txt -o /dev/null "$pdf" 2>/dev/null || true; done
}
limit () {
  mutool convert -F text -o "$work/text-1.txt" "${pdfs[@]:0:$half}" 2>/dev/null &
  mutool convert -F text -o "$work/text-2.txt" "${pdfs[@]:$half}" 2>/dev/null
  wait
}
export -f serial limit
export work half
echo "$n PDFs ($(du -sm "$archive" | cut -f1) MB) in $archive; load average $(cut -d' ' -f1-3 /proc/loadavg)"

timed serial bash -c "$(declare -p pdfs); serial"
timed limit bash -c "$(declare -p pdfs); limit"
text_mb=$(( ($(cat "$work"/text-*.txt | wc -c) + 524288) / 1048576 ))
rm -f "$work"/text-*.txt
mkdir "$work/cache"
timed cli_cold env IC_DEBUG_STAGES=1 XDG_CACHE_HOME="$work/cache" "$app" --export-json=/dev/null "$archive"
timed cli_warm env IC_DEBUG_STAGES=1 XDG_CACHE_HOME="$work/cache" "$app" --export-json=/dev/null "$archive"
# The first search indexes every report and caches the index; the second
# reads it back, as a warm reopen of the window does.
timed cli_index env XDG_CACHE_HOME="$work/cache" "$app" --search=care --export-search-csv=/dev/null "$archive"
timed cli_warm_search env IC_DEBUG_STAGES=1 XDG_CACHE_HOME="$work/cache" "$app" --search=care \
  --export-search-csv=/dev/null "$archive"
if [ -n "${IC_BENCH_BEFORE:-}" ]; then
  mkdir "$work/cache-before"
  timed before env XDG_CACHE_HOME="$work/cache-before" \
    IC_EXTRACT_HELPER="$IC_BENCH_BEFORE/src/core/inspection-compare-extract" \
    "$IC_BENCH_BEFORE/src/inspection-compare" --export-json=/dev/null "$archive"
fi
"$build/tests/bench-load" --no-tools "$archive" > "$work/window.txt" 2>&1
window_s=$(awk -F'|' '$2 ~ /^ fill/ { gsub(/ /, "", $8); print $8 }' "$work/window.txt")
window_mb=$(awk -F'|' '$2 ~ /^ fill/ { gsub(/ /, "", $11); print $11 }' "$work/window.txt")

ratio () { awk -v a="$1" -v b="$serial_s" 'BEGIN { printf "%.2f", a / b }'; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| what | s | × serial mutool | peak MB |"
echo "|---|---|---|---|"
echo "| serial mutool draw -F txt, one process per PDF | $serial_s | 1.00 | — |"
echo "| MuPDF limit: mutool convert -F text, two processes | $limit_s | $(ratio "$limit_s") | — |"
echo "| CLI cold (--export-json=/dev/null, empty cache) | $cli_cold_s | $(ratio "$cli_cold_s") | $(( cli_cold_kb / 1024 )) |"
echo "| window cold (loader on a main loop, progressive, empty cache) | $window_s | $(ratio "$window_s") | $window_mb |"
echo "| CLI warm (the same cache) | $cli_warm_s | $(ratio "$cli_warm_s") | $(( cli_warm_kb / 1024 )) |"
echo "| CLI warm with --search (index from the cache) | $cli_warm_search_s | $(ratio "$cli_warm_search_s") | $(( cli_warm_search_kb / 1024 )) |"
if [ -n "${IC_BENCH_BEFORE:-}" ]; then
  echo "| CLI cold of $IC_BENCH_BEFORE | $before_s | $(ratio "$before_s") | $(( before_kb / 1024 )) |"
fi
echo
echo "text extracted: $text_mb MB; memory goal 2 × text + 100 = $(( 2 * text_mb + 100 )) MB"
for run in cli_cold cli_warm cli_warm_search; do
  echo
  echo "$run, by step:"
  grep -A 12 '^load profile' "$work/$run.err" || echo "(no profile printed)"
done
