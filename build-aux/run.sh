#!/usr/bin/env bash
# Builds Inspection Compare and runs it on the given folders and files.
#   build-aux/run.sh [PATH…]            opens the window
#   build-aux/run.sh --export-json=- D  any option of --help works too
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
cd "$top"

"$top/build-aux/deps.sh"
[ -f _build/build.ninja ] || meson setup _build >&2
ninja -C _build >&2

export GSETTINGS_SCHEMA_DIR="$top/_build/data"
# PDFs are read in a helper process, so that a damaged file costs only itself.
export IC_EXTRACT_HELPER="$top/_build/src/core/inspection-compare-extract"
exec "$top/_build/src/inspection-compare" "$@"
