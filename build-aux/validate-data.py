#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates the desktop file and the metainfo with no warning allowed.

  validate-data.py desktop FILE
  validate-data.py metainfo FILE SOURCE_DIR

desktop-file-validate exits 0 on warnings and appstreamcli on warnings and
infos: here any message fails, except appstreamcli's pedantic notes (the
reverse-DNS app ID has capitals, as GNOME's do). The metainfo's
screenshots must be PNGs shipped in data/screenshots, since the URLs
point at the repository.
"""
import pathlib
import re
import subprocess
import sys


def run(argv):
    done = subprocess.run(argv, capture_output=True, text=True)
    print(done.stdout + done.stderr, end="")
    return done.returncode, done.stdout + done.stderr


def check_desktop(path):
    code, out = run(["desktop-file-validate", path])
    return code == 0 and out.strip() == ""


def check_metainfo(path, source):
    code, out = run(["appstreamcli", "validate", "--no-net", "--explain", path])
    ok = code == 0
    for line in out.splitlines():
        if re.match(r"^[EWI]: ", line):
            print(f"not clean: {line}", file=sys.stderr)
            ok = False
    text = pathlib.Path(path).read_text(encoding="utf-8")
    images = re.findall(r"<image[^>]*>([^<]+)</image>", text)
    if not images:
        print("no screenshot", file=sys.stderr)
        ok = False
    for url in images:
        name = url.split("/data/screenshots/")[-1]
        shot = pathlib.Path(source) / "data" / "screenshots" / name
        if "/data/screenshots/" not in url or not shot.is_file():
            print(f"{url}: not in data/screenshots", file=sys.stderr)
            ok = False
        elif shot.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
            print(f"{shot}: not a PNG", file=sys.stderr)
            ok = False
        else:
            print(f"{shot.name}: shipped")
    return ok


kind = sys.argv[1]
if kind == "desktop":
    ok = check_desktop(sys.argv[2])
else:
    ok = check_metainfo(sys.argv[2], sys.argv[3])
sys.exit(0 if ok else 1)
