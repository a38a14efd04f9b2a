#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Generates a folder of hostile inputs for the scanner, loader and parser:
# files that are empty, lie about their type, are truncated, corrupted,
# encrypted, huge, badly encoded, unreadable, looped or too many.  Nothing
# here is committed (tests/hostile-corpus/ is in .gitignore); run it again
# to rebuild.
#
# Usage: tests/make-hostile-corpus.sh DEST
#
# DEST is replaced only when it is empty or was made by this script.
# Layout (see DEST/README):
#   files/        one hostile file of each kind, in one flat folder (among
#                 them a PDF nested deeper than MuPDF follows)
#   loops/        symbolic link loops and a link back to the parent folder
#   special/      a FIFO and links to /dev/zero and /dev/urandom: a loader
#                 that opens them blocks or reads forever
#   unreadable/   a file and a folder without any permission
#   deep/         a folder 50 levels deep with one report at the bottom
#   many-small/   10,000 tiny text files
#   names/        awkward file names (newline, leading dash, invalid UTF-8)
#   huge/         a 200 MB text file, a 20 MB single line, a 2 GB sparse "PDF"
#   text/         noncharacters, CSV formulas, an item taller than a page,
#                 10 million form feeds, a file
#                 named "--export-json=report.pdf" beside report.pdf
#   cache/        planted links and a FIFO index (for XDG_CACHE_HOME)
#   corrections/  a corrections.json nested 100,000 deep (for XDG_DATA_HOME)
# Needs python3; qpdf (Debian package qpdf) for the encrypted PDFs.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 DEST" >&2
  exit 2
fi

here="$(cd "$(dirname "$0")" && pwd)"
dest="$1"
marker=".hostile-corpus"
corpus="${IC_CORPUS_DIR:-$here/../../shared/corpus}"

if [ -e "$dest" ]; then
  if [ ! -e "$dest/$marker" ] && [ -n "$(ls -A "$dest")" ]; then
    echo "$dest: not empty and not made by this script; refusing to replace it" >&2
    exit 1
  fi
  # The unreadable folder must be opened up again before it can be removed.
  chmod -R u+rwX "$dest" 2>/dev/null || true
  rm -rf "$dest"
fi
mkdir -p "$dest"
touch "$dest/$marker"
dest="$(cd "$dest" && pwd)"

f="$dest/files"
mkdir -p "$f"

make_pdf () {
  python3 "$here/make-test-pdf.py" "$@"
}

# A deterministic stream of junk bytes (the same every run).
junk () {
  python3 -c 'import random, sys; r = random.Random(int(sys.argv[2])); sys.stdout.buffer.write(bytes(r.getrandbits(8) for _ in range(int(sys.argv[1]))))' "$1" "$2"
}

# --- Empty files and files that lie about their type
: >"$f/empty.pdf"
: >"$f/empty.txt"
printf '%%PDF-1.7\n' >"$f/header-only.pdf"
cat >"$f/web-page.pdf" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Page not found - GOV.UK</title></head>
<body><h1>Page not found</h1><p>If you entered a web address, check it is correct.</p></body></html>
EOF
junk 1048576 1 >"$f/binary-junk.txt"
junk 65536 2 >"$f/binary-junk.pdf"
printf 'PK\003\004' >"$f/zip-named.pdf"; junk 4096 3 >>"$f/zip-named.pdf"

# --- PDFs: valid controls, truncated, corrupted, encrypted, blank, enormous
make_pdf "$f/valid-small.pdf" 3
cp "$f/valid-small.pdf" "$f/UPPER-CASE-EXTENSION.PDF"
make_pdf "$f/blank-pages.pdf" 3 --blank
make_pdf "$f/many-pages.pdf" 5000
make_pdf "$f/nested-forms.pdf" --nested=200

real="$(ls "$corpus"/pdf/*.pdf 2>/dev/null | head -n 1 || true)"
base="${real:-$f/valid-small.pdf}"
size=$(stat -c %s "$base")
head -c $((size / 2)) "$base" >"$f/truncated-half.pdf"
head -c 1024 "$base" >"$f/truncated-1k.pdf"
python3 - "$base" "$f/corrupted.pdf" <<'EOF'
import random, sys
data = bytearray(open(sys.argv[1], "rb").read())
r = random.Random(4)
# Overwrite 16 runs of 64 bytes after the header with junk.
for _ in range(16):
    at = r.randrange(64, max(65, len(data) - 64))
    data[at:at + 64] = bytes(r.getrandbits(8) for _ in range(64))
open(sys.argv[2], "wb").write(data)
EOF
python3 - "$f/valid-small.pdf" "$f/bad-xref.pdf" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
# Point startxref past the end of the file, and break every xref offset.
data = re.sub(rb"startxref\n\d+", b"startxref\n99999999", data)
data = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), data)
open(sys.argv[2], "wb").write(data)
EOF

if command -v qpdf >/dev/null; then
  qpdf --encrypt secret owner 256 -- "$f/valid-small.pdf" "$f/encrypted-password.pdf"
  qpdf --encrypt "" owner 256 --extract=n --print=none -- "$f/valid-small.pdf" \
    "$f/encrypted-no-copy.pdf"
else
  echo "warning: qpdf is not installed (build-aux/deps.sh installs it); no encrypted PDFs" >&2
fi

# --- Text encodings
printf 'Inspection of Example local authority children\xe2\x80\x99s services\nbad \xff\xfe bytes \xc3\x28 and a cut sequence \xe2\x82\n' >"$f/invalid-utf8.txt"
printf 'Inspection of Example local authority children\x92s services\nInspection dates: 6 \x96 17 December 2021\n' >"$f/windows-1252.txt"
text='Inspection of Example local authority children’s services
Inspection dates: 6 to 17 December 2021
'
printf '%s' "$text" | iconv -f UTF-8 -t UTF-16LE >"$f/utf16le-no-bom.txt"
printf '%s' "$text" | iconv -f UTF-8 -t UTF-16BE >"$f/utf16be-no-bom.txt"
{ printf '\xff\xfe'; printf '%s' "$text" | iconv -f UTF-8 -t UTF-16LE; } >"$f/utf16le-bom.txt"
{ printf '\xef\xbb\xbf'; printf '%s' "$text"; } >"$f/utf8-bom.txt"
printf 'Inspection of Example\000local authority\000children\xe2\x80\x99s services\n' >"$f/nul-bytes.txt"
printf 'Inspection of Example\r\nlocal authority children\xe2\x80\x99s services\r\n' >"$f/crlf.txt"
printf '\f\f\f\f\n\f' >"$f/only-form-feeds.txt"

# --- A folder named like a file
mkdir -p "$f/folder-named.pdf"
cp "$f/valid-small.pdf" "$f/folder-named.pdf/inside.pdf"

# --- Link loops
l="$dest/loops"
mkdir -p "$l/sub"
ln -s loop-b.pdf "$l/loop-a.pdf"
ln -s loop-a.pdf "$l/loop-b.pdf"
ln -s self.txt "$l/self.txt"
ln -s does-not-exist.pdf "$l/dangling.pdf"
ln -s .. "$l/sub/parent"
ln -s "$l" "$l/sub/absolute-loop"
cp "$f/valid-small.pdf" "$l/sub/report.pdf"

# --- Special files
s="$dest/special"
mkdir -p "$s"
mkfifo "$s/fifo.pdf"
mkfifo "$s/fifo.txt"
ln -s /dev/zero "$s/zero.txt"
ln -s /dev/urandom "$s/random.pdf"

# --- Unreadable file and folder (root reads them anyway)
u="$dest/unreadable"
mkdir -p "$u/locked-folder"
cp "$f/valid-small.pdf" "$u/no-permission.pdf"
cp "$f/valid-small.pdf" "$u/locked-folder/report.pdf"
chmod 000 "$u/no-permission.pdf" "$u/locked-folder"

# --- Deep folders
d="$dest/deep"
for i in $(seq -w 1 50); do d="$d/level-$i"; done
mkdir -p "$d"
printf '%s' "$text" >"$d/deep.txt"

# --- Many small files
python3 - "$dest/many-small" <<'EOF'
import os, sys
os.makedirs(sys.argv[1], exist_ok=True)
for i in range(10000):
    with open(os.path.join(sys.argv[1], f"tiny-{i:05d}.txt"), "w") as out:
        out.write(f"tiny {i}\n")
EOF

# --- Awkward names
n="$dest/names"
mkdir -p "$n"
cp "$f/valid-small.pdf" "$n/-starts-with-dash.pdf"
cp "$f/valid-small.pdf" "$n/with
newline.pdf"
cp "$f/valid-small.pdf" "$n/$(printf 'invalid-\xff\xfe-utf8.pdf')"
cp "$f/valid-small.pdf" "$n/spaces  and ünïcödé ☂.pdf"
cp "$f/valid-small.pdf" "$n/$(printf 'x%.0s' $(seq 1 251)).pdf"

# --- Huge files
h="$dest/huge"
mkdir -p "$h"
python3 - "$h" <<'EOF'
import os, sys
line = ("Inspection of Example local authority children’s services. Invented "
        "filler text for a very large file, 6 to 17 December 2021.\n").encode()
block = line * ((1 << 20) // len(line) + 1)
with open(os.path.join(sys.argv[1], "200mb.txt"), "wb") as out:
    left = 200 * 1000 * 1000
    while left > 0:
        out.write(block[:left])
        left -= len(block[:left])
with open(os.path.join(sys.argv[1], "20mb-one-line.txt"), "wb") as out:
    out.write(line.rstrip(b"\n") * (20 * 1000 * 1000 // len(line)))
with open(os.path.join(sys.argv[1], "sparse-2gb.pdf"), "wb") as out:
    out.write(b"%PDF-1.4\n")
    out.truncate(2 * 1024 * 1024 * 1024)
EOF

# --- Text that breaks renderers and readers
t="$dest/text"
mkdir -p "$t"
python3 - "$t" <<'PY'
import os, sys
d = sys.argv[1]
head = ("Inspection of local authority arrangements for the protection of children\n"
        "London Borough of Redbridge\nInspection dates: 8 – 17 October 2012\n"
        "Overall effectiveness\nAreas for improvement\n")
odd = "\ufffe \uffff \ufdd0 \ufdef \U0001fffe \U0010ffff"
with open(os.path.join(d, "noncharacters.txt"), "w", encoding="utf-8") as out:
    out.write(head + f"- ensure that every child {odd} is seen\n")
with open(os.path.join(d, "formulas.txt"), "w", encoding="utf-8") as out:
    out.write(head + "- =HYPERLINK(\"http://example.invalid\",\"x\")\n- +cmd|' /C calc'!A0\n"
              "- @SUM(1+1)\n- -2+3\n")
# One improvement item of 10,000 characters, taller than a page of the
# pack: numbered words, so a check can find every one of them.
with open(os.path.join(d, "tall-item.txt"), "w", encoding="utf-8") as out:
    words = " ".join(f"tallword{i:04d}" for i in range(1, 1001))
    out.write(head + f"- ensure that {words} is seen\n")
with open(os.path.join(d, "form-feeds.txt"), "w") as out:
    out.write("\f" * (10 * 1000 * 1000))
PY
# A name a shell's "*" turns into an option aimed at a report beside it.
cp "$f/valid-small.pdf" "$t/report.pdf"
: >"$t/--export-json=report.pdf"
cp "$f/valid-small.pdf" "$n/$(printf 'escape-\033[31m-red.pdf')"

# --- Planted caches (XDG_CACHE_HOME): links where the clean-up looks, a FIFO index
c="$dest/cache"
mkdir -p "$c/victim" "$c/links/inspection-compare" "$c/fifo/inspection-compare"
printf 'the user file\n' >"$c/victim/thesis.odt"
ln -s "$c/victim" "$c/links/inspection-compare/pages-0"
ln -s "$c/victim" "$c/links/inspection-compare/reports-old"
mkfifo "$c/fifo/inspection-compare/path-index"

# --- Corrections nested 100,000 deep (XDG_DATA_HOME)
mkdir -p "$dest/corrections/inspection-compare"
python3 -c 'import sys; sys.stdout.write("[" * 100000)' \
  >"$dest/corrections/inspection-compare/corrections.json"

cat >"$dest/README" <<'EOF'
Hostile inputs made by tests/make-hostile-corpus.sh; regenerate, never commit.
files/       empty.pdf, empty.txt, header-only.pdf, web-page.pdf (HTML named .pdf),
             binary-junk.txt/.pdf, zip-named.pdf, valid-small.pdf (control),
             UPPER-CASE-EXTENSION.PDF, blank-pages.pdf (no text layer),
             many-pages.pdf (5000 pages), truncated-half.pdf, truncated-1k.pdf,
             corrupted.pdf, bad-xref.pdf, encrypted-password.pdf (user password
             "secret"), encrypted-no-copy.pdf (opens, copying forbidden),
             invalid-utf8.txt, windows-1252.txt, utf16le-no-bom.txt,
             utf16be-no-bom.txt, utf16le-bom.txt, utf8-bom.txt, nul-bytes.txt,
             crlf.txt, only-form-feeds.txt, folder-named.pdf/ (a folder),
             nested-forms.pdf (forms drawing forms 200 deep)
loops/       loop-a.pdf <-> loop-b.pdf, self.txt -> itself, dangling.pdf,
             sub/parent -> .., sub/absolute-loop -> loops/
special/     fifo.pdf, fifo.txt (FIFOs), zero.txt -> /dev/zero, random.pdf -> /dev/urandom
unreadable/  no-permission.pdf and locked-folder/ (mode 000; root can still read them)
deep/        50 nested folders, deep.txt at the bottom
many-small/  10,000 tiny .txt files
names/       leading dash, newline, invalid UTF-8, non-ASCII and 255-byte names
huge/        200mb.txt, 20mb-one-line.txt, sparse-2gb.pdf (2 GiB, sparse)
text/        noncharacters.txt, formulas.txt (=HYPERLINK, +cmd, @SUM, -2+3),
             tall-item.txt (one item of 10,000 characters, taller than a page),
             form-feeds.txt (10 million pages), report.pdf and a file named
             "--export-json=report.pdf"
cache/       XDG_CACHE_HOME trees: links/ (pages-0, reports-old -> victim/),
             fifo/ (path-index is a FIFO); victim/thesis.odt must survive
corrections/ XDG_DATA_HOME with a corrections.json nested 100,000 deep
EOF

if [ "$(id -u)" -eq 0 ]; then
  echo "note: running as root, so unreadable/ is readable anyway" >&2
fi
echo "$dest: $(find "$dest" -xdev \( -type f -o -type l -o -type p \) 2>/dev/null | wc -l) entries, $(du -sh --apparent-size "$dest" 2>/dev/null | cut -f1) apparent size"
