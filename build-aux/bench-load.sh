#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench-load.sh [BUILD_DIR]: builds bench-load, makes the ~900-report
# archive in a temporary folder and measures cold, fill and warm loads
# against serial pdftotext and mutool (see doc/scale.md).
# Extra arguments go to bench-load (e.g. --no-tools).
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$top/_build}"
archive="$(mktemp -d /tmp/ic-archive-XXXXXX)"
trap 'rm -rf "$archive"' EXIT

ninja -C "$build" tests/bench-load src/core/inspection-compare-extract >/dev/null
"$top/build-aux/make-archive.sh" "$archive"
# PDFs are read by the helper processes, as in the installed application;
# IC_EXTRACT_HELPER=none in the environment measures extraction in process
# (in a build configured with -Din_process_pdf=true).
export IC_EXTRACT_HELPER="${IC_EXTRACT_HELPER:-$build/src/core/inspection-compare-extract}"
IC_DEBUG_STALLS=1 "$build/tests/bench-load" "${@:2}" "$archive"
