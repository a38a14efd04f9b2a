#!/usr/bin/env python3
"""Checks that the app's executable does not carry MuPDF.

Usage: check-executables.py APP HELPER helper-only|in-process

MuPDF (its built-in fonts make it about 45 MB) belongs in the PDF helper
alone; the app reads PDFs through it. The app must stay within 15 MiB
and hold none of MuPDF's fonts; the helper must hold them. Prints the
sizes. Exits 77 (skipped) for -Din_process_pdf=true builds, which link
MuPDF into the app on purpose.
"""
import os
import sys

LIMIT = 15 * 1024 * 1024
MUPDF_MARK = b"NimbusSans"  # a font MuPDF builds in

app, helper, mode = sys.argv[1:4]
sizes = {path: os.path.getsize(path) for path in (app, helper)}
for path, size in sizes.items():
    print(f"{path}: {size / 1e6:.1f} MB")
if mode == "in-process":
    print("in_process_pdf build: the app links MuPDF on purpose")
    sys.exit(77)

with open(app, "rb") as f:
    app_has_mupdf = MUPDF_MARK in f.read()
with open(helper, "rb") as f:
    helper_has_mupdf = MUPDF_MARK in f.read()

failed = False
if sizes[app] > LIMIT:
    print(f"{app}: {sizes[app]} bytes, over {LIMIT}", file=sys.stderr)
    failed = True
if app_has_mupdf:
    print(f"{app}: holds MuPDF's fonts", file=sys.stderr)
    failed = True
if not helper_has_mupdf:
    print(f"{helper}: does not hold MuPDF", file=sys.stderr)
    failed = True
sys.exit(1 if failed else 0)
