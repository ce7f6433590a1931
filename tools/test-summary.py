#!/usr/bin/env python3
# Reads meson's testlog.json and prints "N passed, N failed[, N skipped]".
#
# Every TAP subtest counts (ok / not ok); a test program that failed without
# reporting a failing subtest (a crash, a timeout) counts as one failure.
# Exits 1 when anything failed or nothing passed: a run that executed no
# test is a failed run.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")
GOOD = {"OK", "SKIP", "EXPECTEDFAIL"}


def count(entry):
    passed = failed = skipped = 0
    for line in (entry.get("stdout") or "").splitlines():
        match = TAP_LINE.match(line)
        if not match:
            continue
        rest = match.group(2)
        if "# SKIP" in rest or "# skip" in rest:
            skipped += 1
        elif match.group(1) == "ok":
            passed += 1
        else:
            failed += 1
    result = entry.get("result")
    if result not in GOOD and failed == 0:
        failed = 1
    if passed == failed == skipped == 0:
        if result == "OK":
            passed = 1
        elif result == "SKIP":
            skipped = 1
    return passed, failed, skipped


def main(path):
    totals = [0, 0, 0]
    failing = []
    with open(path, encoding="utf-8") as log:
        for line in log:
            if not line.strip():
                continue
            entry = json.loads(line)
            numbers = count(entry)
            totals = [a + b for a, b in zip(totals, numbers)]
            if numbers[1]:
                failing.append(entry.get("name", "?"))
    passed, failed, skipped = totals
    for name in failing:
        print(f"FAILED: {name}")
    summary = f"{passed} passed, {failed} failed"
    if skipped:
        summary += f", {skipped} skipped"
    print(summary)
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
