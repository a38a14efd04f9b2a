#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that po/POTFILES.in lists every file with translatable strings
and nothing that does not exist. Prints what is wrong; exit 1 if anything is."""
import pathlib
import re
import sys

top = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.').resolve()
listed = set()
for line in (top / 'po' / 'POTFILES.in').read_text().splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.add(line)

marker = re.compile(r'(^|[^A-Za-z0-9_])(N?_|ngettext|C_|NC_) ?\(\s*"')
needed = set()
for path in list(top.glob('src/**/*.c')):
    if marker.search(path.read_text(errors='replace')):
        needed.add(str(path.relative_to(top)))
for path in list(top.glob('ui/**/*.ui')):
    if 'translatable="yes"' in path.read_text():
        needed.add(str(path.relative_to(top)))
for pattern in ('data/*.desktop.in', 'data/*.metainfo.xml.in', 'data/*.gschema.xml.in'):
    needed.update(str(p.relative_to(top)) for p in top.glob(pattern))

status = 0
for name in sorted(needed - listed):
    print(f'po/POTFILES.in: missing {name}')
    status = 1
for name in sorted(listed):
    if not (top / name).exists():
        print(f'po/POTFILES.in: {name} does not exist')
        status = 1
print('POTFILES.in complete' if status == 0 else 'POTFILES.in incomplete')
sys.exit(status)
