#!/usr/bin/env python3
"""Counts meson test results across build directories.

Prints "N passed, N failed, N skipped", one count per test executable
per build (plain and sanitized), plus one per whole-program check given
after "--" as NAME=ok or NAME=fail. Exits 1 when anything failed or when
no test ran at all.
"""
import json
import sys

args = sys.argv[1:]
checks = args[args.index("--") + 1:] if "--" in args else []
logs = args[:args.index("--")] if "--" in args else args

passed = failed = skipped = 0
for check in checks:
    name, _, result = check.partition("=")
    if result == "ok":
        passed += 1
    else:
        failed += 1
        print(f"failed: {name}", file=sys.stderr)

for path in logs:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        failed += 1
        print(f"{path}: no test log (the build failed)", file=sys.stderr)
        continue
    for line in lines:
        result = json.loads(line)
        name = f"{path.split('/')[0]}: {result['name']}"
        if result["result"] in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result["result"] == "SKIP":
            skipped += 1
            print(f"skipped: {name}", file=sys.stderr)
        else:
            failed += 1
            print(f"failed: {name} ({result['result']})", file=sys.stderr)

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
