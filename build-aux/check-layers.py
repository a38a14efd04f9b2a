#!/usr/bin/env python3
"""Checks the rules of doc/architecture.md that the includes show.

Usage: check-layers.py SOURCE_ROOT

- src/core includes neither GTK nor cairo; src/render does not include GTK.
- No file of src/ui includes a core `*-private.h`: the window reads
  reports through their public getters and changes them through the
  session, never through the setters that build a report.
- The command line (src/ic-cli.c) has no loading code of its own: it
  holds an IcSession and includes none of the loading steps' headers.

Core headers are found wherever they are under src/core, so the rules
hold whichever sub-folder a file moves to. Prints every breach with its
file and line; exits 1 when there is one.
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
LOADING_HEADERS = {
    "ic-loader.h", "ic-loader-private.h", "ic-load-job.h", "ic-scanner.h",
    "ic-extractor.h", "ic-extract-pool.h", "ic-parser.h", "ic-cache.h",
    "ic-read-file.h",
}


def sources(folder):
    return sorted(p for p in folder.rglob("*") if p.suffix in (".c", ".h"))


def includes(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            match = INCLUDE.match(line)
            if match:
                yield number, match.group(1)


def check(paths, forbidden, why, root):
    breaches = []
    for path in paths:
        for number, header in includes(path):
            if forbidden(header):
                breaches.append(f"{path.relative_to(root)}:{number}: includes {header}: {why}")
    return breaches


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    src = root / "src"
    core_private = {p.name for p in (src / "core").rglob("*-private.h")}
    if not core_private:
        print(f"{src / 'core'}: no private headers found; is SOURCE_ROOT right?", file=sys.stderr)
        return 1

    breaches = []
    breaches += check(sources(src / "core"),
                      lambda h: h.startswith(("gtk/", "cairo")) or h == "adwaita.h",
                      "src/core must not use GTK or cairo", root)
    breaches += check(sources(src / "render"),
                      lambda h: h.startswith("gtk/") or h == "adwaita.h",
                      "src/render must not use GTK", root)
    breaches += check(sources(src / "ui"), lambda h: h in core_private,
                      "src/ui must not include a core private header", root)
    breaches += check([src / "ic-cli.c"], lambda h: h in LOADING_HEADERS or h in core_private,
                      "the command line loads through IcSession", root)

    for breach in breaches:
        print(breach, file=sys.stderr)
    print(f"checked {len(core_private)} core private headers against src/ui; "
          f"{len(breaches)} breaches")
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())
