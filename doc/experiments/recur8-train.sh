#!/bin/sh
# recur8-train.sh: word vectors trained on the text of the Ofsted reports
# in ../shared/corpus (the eighth round of tests/recurrence-labels/README.md).
# Unsupervised: no labels are read. Everything it writes is outside the
# source tree (OUT, default /work/recur8-data), since the training text is
# report text.
#
#   apt-get install -y fasttext poppler-utils
#   sh doc/experiments/recur8-train.sh [CORPUS] [OUT]
#
# One thread and a fixed seed, so that a rerun gives the same vectors.
# In December 2026: 287 PDFs, 1,684,993 words, 6,973 words in the
# vectors; 2 minutes of text and 4 min 40 s of processor time to train
# (9 to 16 minutes on the shared two-core machine), the same files on a
# second run; vectors.vec 6.1 MB (vectors.bin, with the character
# n-grams, 806 MB and not needed).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-$here/../../../shared/corpus}
out=${2:-/work/recur8-data}
mkdir -p "$out"

# Each report once (history/ repeats files of bulk/), in a fixed order.
find "$corpus/bulk" "$corpus/history" "$corpus/pdf" -name '*.pdf' -print0 |
  xargs -0 md5sum | sort -k2 | sort -s -u -k1,1 | sort -k2 | cut -c35- > "$out/pdfs.txt"
: > "$out/train.txt"
while IFS= read -r pdf; do
  pdftotext -enc UTF-8 "$pdf" - | /usr/bin/python3 "$here/recur8-tokenise.py" >> "$out/train.txt"
done < "$out/pdfs.txt"
wc -lw "$out/train.txt"

fasttext skipgram -input "$out/train.txt" -output "$out/vectors" \
  -dim 100 -ws 5 -epoch 10 -minCount 3 -minn 3 -maxn 6 -neg 5 \
  -thread 1 -seed 1 -verbose 1
