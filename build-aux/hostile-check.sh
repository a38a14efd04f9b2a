#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the headless exporter over each folder of the hostile corpus
# (tests/make-hostile-corpus.sh) and checks what README's "Command line" promises:
# it finishes (no hang on FIFOs, loops or /dev/zero), exits 0, writes JSON
# that is valid UTF-8, lists every unreadable file under "failures", and
# prints no GLib warnings or criticals.  Prints seconds and peak memory per
# folder; exits 1 when a check fails.
#
# Usage: build-aux/hostile-check.sh [BUILD_DIR] [CORPUS_DIR]
set -uo pipefail

top="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$top/_build}" && pwd)"
corpus="${2:-$top/tests/hostile-corpus}"
exe="$build/src/inspection-compare"
limit=300

if [ ! -x "$exe" ]; then
  echo "$exe: not built (ninja -C $build)" >&2
  exit 2
fi
"$top/tests/make-hostile-corpus.sh" "$corpus" >/dev/null || exit 1

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# A fresh cache, so that every run parses for real.
export XDG_CACHE_HOME="$out/cache"
# PDFs are read through the built helper, as the installed app reads them.
export IC_EXTRACT_HELPER="${IC_EXTRACT_HELPER:-$build/src/core/inspection-compare-extract}"

status=0
printf '%-12s %6s %9s %8s %8s  %s\n' folder seconds "peak MB" reports failures problems
for dir in files loops special unreadable deep names text many-small huge; do
  json="$out/$dir.json"
  log="$out/$dir.log"
  /usr/bin/time -f '%e %M' -o "$out/$dir.time" \
    timeout "$limit" "$exe" --export-json="$json" "$corpus/$dir" >/dev/null 2>"$log"
  rc=$?
  read -r secs kb <"$out/$dir.time" 2>/dev/null || { secs="?"; kb=0; }
  problems="$(python3 - "$json" "$log" "$rc" "$limit" <<'EOF'
import json, sys
path, log, rc, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
problems = []
if rc == 124:
    problems.append(f"did not finish in {limit} s")
elif rc != 0:
    problems.append(f"exit status {rc}")
try:
    with open(path, "rb") as f:
        data = json.loads(f.read().decode("utf-8"))
    counts = f"{len(data['reports'])} {len(data['failures'])}"
    if any(not f.get("reason") or "\n" in f["reason"] for f in data["failures"]):
        problems.append("a failure without a one-line reason")
except FileNotFoundError:
    counts = "- -"
    if rc == 0:
        problems.append("no JSON written")
except (UnicodeDecodeError, ValueError) as e:
    counts = "- -"
    problems.append(f"JSON is not valid UTF-8 JSON ({type(e).__name__})")
with open(log, "rb") as f:
    text = f.read().decode("utf-8", "replace")
for word in ("CRITICAL", "WARNING", "AddressSanitizer", "runtime error"):
    if word in text:
        line = next(l for l in text.splitlines() if word in l)
        problems.append(line.strip()[:100])
print(counts, "; ".join(problems) or "ok")
EOF
)"
  read -r reports failures rest <<<"$problems"
  printf '%-12s %6s %9s %8s %8s  %s\n' "$dir" "$secs" "$((kb / 1024))" "$reports" "$failures" "$rest"
  [ "$rest" = ok ] || status=1
done

# Outputs, text, cache, corrections: one line each, "ok" or what went wrong.
check () {
  printf '%-40s %s\n' "$1" "$2"
  [ "$2" = ok ] || status=1
}
before="$(sha256sum "$corpus/text/report.pdf")"
# Unquoted on purpose: the hostile name becomes an option, as in a shell.
(cd "$corpus/text" && timeout "$limit" "$exe" * >/dev/null 2>&1); rc2=$?
if [ $rc2 -eq 2 ] && [ "$(sha256sum "$corpus/text/report.pdf")" = "$before" ]; then
  check 'inspection-compare * (hostile name)' ok
else
  check 'inspection-compare * (hostile name)' "exit $rc2 or report.pdf changed"
fi
timeout "$limit" "$exe" --export-pdf="$corpus/text/pack.pdf" "$corpus/text" >/dev/null 2>&1; rc=$?
if [ $rc -eq 2 ] && [ ! -e "$corpus/text/pack.pdf" ]; then
  check 'output inside a folder being read' ok
else
  check 'output inside a folder being read' "exit $rc"
fi
timeout "$limit" "$exe" --export-pdf="$out/odd.pdf" "$corpus/text/noncharacters.txt" >/dev/null 2>&1; rc=$?
pages="$(pdfinfo "$out/odd.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')"
if [ $rc -eq 0 ] && pdftotext -f "${pages:-1}" -l "${pages:-1}" "$out/odd.pdf" - 2>/dev/null |
     grep -q "${pages:-x} of ${pages:-x}"; then
  check 'noncharacters: every page drawn' ok
else
  check 'noncharacters: every page drawn' "exit $rc, ${pages:-no} pages"
fi
timeout "$limit" "$exe" --export-pdf="$out/tall.pdf" "$corpus/text/tall-item.txt" >/dev/null 2>&1; rc=$?
found="$(pdftotext "$out/tall.pdf" - 2>/dev/null | grep -oE 'tallword[0-9]{4}' | sort -u | wc -l)"
if [ $rc -eq 0 ] && [ "$found" -eq 1000 ]; then
  check 'an item taller than a page: every word' ok
else
  check 'an item taller than a page: every word' "exit $rc, $found of 1000 words in the pack"
fi
if python3 -c 'import json, sys; f = {x["source"].rsplit("/", 1)[-1]: x["reason"] for x in json.load(open(sys.argv[1]))["failures"]}; sys.exit("nests its contents deeper" not in f.get("nested-forms.pdf", ""))' "$out/files.json"; then
  check 'PDF nested too deep: said in words' ok
else
  check 'PDF nested too deep: said in words' 'reason missing or not in words'
fi
timeout "$limit" "$exe" --export-improvements-csv="$out/items.csv" "$corpus/text/formulas.txt" >/dev/null 2>&1
if grep -qE ',"?[=+@-]' "$out/items.csv"; then
  check 'CSV formulas neutralised' 'a cell starts with a formula'
else
  check 'CSV formulas neutralised' ok
fi
for kind in links fifo; do
  XDG_CACHE_HOME="$corpus/cache/$kind" timeout 60 "$exe" --export-json=/dev/null \
    "$corpus/files/valid-small.pdf" >/dev/null 2>&1; rc=$?
  if [ $rc -eq 0 ] && [ -f "$corpus/cache/victim/thesis.odt" ]; then
    check "cache: $kind" ok
  else
    check "cache: $kind" "exit $rc or the file a link points to is gone"
  fi
done
for run in 1 2; do
  XDG_DATA_HOME="$corpus/corrections" timeout 60 "$exe" --export-json=/dev/null \
    "$corpus/files/valid-small.pdf" >/dev/null 2>&1; rc=$?
done
if [ $rc -eq 0 ] && [ ! -e "$corpus/corrections/inspection-compare/corrections.json.bak.1" ]; then
  check 'corrections nested 100,000 deep' ok
else
  check 'corrections nested 100,000 deep' "exit $rc"
fi

exit $status
