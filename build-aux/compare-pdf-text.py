#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compares poppler (pdftotext) and MuPDF (mutool draw -F txt) on a corpus.

Speed: one process per file, serially, whole documents. Quality: for the
PDFs that have expected/<stem>.json, the share of expected improvement item
texts found in each extractor's text after folding
whitespace, quotes and hyphens (as corpus/README.md says to compare them).
Prints a Markdown table. Usage: compare-pdf-text.py CORPUS_DIR
"""
import json
import os
import re
import subprocess
import sys
import time


def fold(text):
    text = text.replace("\u2018", "'").replace("\u2019", "'").replace("`", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"[\s\-\u2010\u2011\u2013\u2014\u00a0]+", "", text).lower()


def poppler(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                          capture_output=True).stdout.decode("utf-8", "replace")


def mupdf(path):
    return subprocess.run(["mutool", "draw", "-q", "-F", "txt", "-o", "-", path],
                          capture_output=True).stdout.decode("utf-8", "replace")


def timed(extract, paths):
    start = time.monotonic()
    texts = [extract(p) for p in paths]
    return time.monotonic() - start, texts


def quality(paths, texts, expected_dir):
    found = total = 0
    for path, text in zip(paths, texts):
        stem = os.path.splitext(os.path.basename(path))[0]
        exp = os.path.join(expected_dir, stem + ".json")
        if not os.path.exists(exp):
            continue
        with open(exp) as f:
            data = json.load(f)
        folded = fold(text)
        wanted = [i["text"] for i in data.get("improvements", [])]
        for w in wanted:
            total += 1
            found += fold(w) in folded
    return found, total


def main():
    corpus = sys.argv[1]
    rows = []
    for sub in ("pdf", "bulk"):
        folder = os.path.join(corpus, sub)
        paths = sorted(os.path.join(folder, n) for n in os.listdir(folder)
                       if n.lower().endswith(".pdf"))
        for name, extract in (("pdftotext (poppler)", poppler), ("mutool draw -F txt (MuPDF)", mupdf)):
            seconds, texts = timed(extract, paths)
            found, total = quality(paths, texts, os.path.join(corpus, "expected"))
            chars = sum(len(t) for t in texts)
            q = f"{found}/{total}" if total else "n/a"
            rows.append((sub, len(paths), name, seconds, seconds / len(paths) * 1000, chars, q))
    print("| folder | files | extractor | total s | ms/file | characters | expected texts found |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]:.2f} | {r[4]:.0f} | {r[5]} | {r[6]} |")


if __name__ == "__main__":
    main()
