#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# make-archive.sh DEST [COPIES]: a benchmark folder of about 900 reports,
# made by repeating corpus/bulk COPIES times (default 5). Each copy gets a
# PDF comment appended after %%EOF, so every file has its own content (and
# hash) while MuPDF and poppler still read it. The corpus is not ours:
# DEST must be outside the project tree.
set -euo pipefail
dest="${1:?usage: make-archive.sh DEST [COPIES]}"
copies="${2:-5}"
top="$(cd "$(dirname "$0")/.." && pwd)"
bulk="${IC_CORPUS_DIR:-$top/../shared/corpus}/bulk"

case "$(realpath -m "$dest")/" in
  "$top"/*) echo "make-archive.sh: $dest is inside the project; choose a folder outside it" >&2; exit 2 ;;
esac
[ -d "$bulk" ] || { echo "make-archive.sh: $bulk: no such folder" >&2; exit 2; }

for n in $(seq 1 "$copies"); do
  mkdir -p "$dest/set-$n"
  for pdf in "$bulk"/*.pdf; do
    out="$dest/set-$n/$(basename "$pdf")"
    cp "$pdf" "$out"
    printf '\n%% inspection-compare benchmark copy %d\n' "$n" >> "$out"
  done
done
echo "$(find "$dest" -name '*.pdf' | wc -l) PDFs in $dest"
