#!/usr/bin/python3
# recur8-tokenise.py: reads text on stdin (pdftotext's), writes it back
# one line per paragraph, as the words src/core/analysis/ic-words.c makes of
# it (runs of letters and digits, lower-cased, accents dropped, a
# possessive "'s" dropped), space-separated. The eighth round of
# tests/recurrence-labels/README.md trains word vectors on this; its output
# is report text and goes outside the source tree (recur8-train.sh).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import sys
import unicodedata

APOSTROPHES = "'\u2019\u2018\u02bc`"


def fold(word):
    if word.isascii():
        return word.lower()
    ascii_ = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return ascii_.lower()


def tokenise(text):
    words, start, i, n = [], None, 0, len(text)
    while i < n:
        c = text[i]
        if c.isalnum():
            if start is None:
                start = i
            i += 1
            continue
        if start is not None:
            words.append(fold(text[start:i]))
        if start is not None and c in APOSTROPHES:
            start = None
            nxt = text[i + 1] if i + 1 < n else ""
            after = text[i + 2] if i + 2 < n else ""
            i += 2 if nxt in "sS" and nxt and not after.isalnum() else 1
            continue
        start = None
        i += 1
    if start is not None:
        words.append(fold(text[start:]))
    return [w for w in words if w]


def main():
    # pdftotext breaks lines inside sentences; blank lines part paragraphs.
    para = []
    for line in sys.stdin:
        if line.strip():
            para.append(line)
            continue
        if para:
            print(" ".join(tokenise(" ".join(para))))
            para = []
    if para:
        print(" ".join(tokenise(" ".join(para))))


if __name__ == "__main__":
    main()
