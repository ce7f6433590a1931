#!/usr/bin/env python3
# Fails unless every rule ID in rule-ids.txt is named in the path of at
# least one g_test case (g_test_add_func / g_test_add_data_func / g_test_add
# in tests/*.c), so that a reader can go from a rule to the test proving it.
# Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import pathlib
import re
import sys

here = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent)
ids = []
for line in (here / "rule-ids.txt").read_text(encoding="utf-8").splitlines():
    if not line.startswith("#"):
        ids.extend(line.split())

paths = []
pattern = re.compile(r'g_test_add(?:_func|_data_func)?\s*\(\s*"([^"]+)"')
for source in sorted(here.glob("*.c")):
    paths.extend(pattern.findall(source.read_text(encoding="utf-8")))

print(f"1..{len(ids)}")
failed = 0
for number, rule in enumerate(ids, 1):
    segment = re.compile(r"(^|/)" + re.escape(rule) + r"(/|$)")
    proofs = [p for p in paths if segment.search(p)]
    if proofs:
        print(f"ok {number} {rule} ({len(proofs)} tests, e.g. {proofs[0]})")
    else:
        failed += 1
        print(f"not ok {number} {rule}: no test path names it")
sys.exit(1 if failed else 0)
