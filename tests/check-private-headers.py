#!/usr/bin/env python3
# check-private-headers.py: the model library's private headers stay inside
# it (issue 16: "nothing outside src/lib includes pb-json-private.h").  Tests
# may include them: test hooks live there on purpose.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import pathlib
import re
import sys

top = pathlib.Path(sys.argv[1])
private = sorted(p.name for p in (top / "src" / "lib").glob("*-private.h"))
include = re.compile(r'#\s*include\s+"([^"]+-private\.h)"')
print("1..1")
found = []
for folder in ("src/ui", "src/cli", "src/export", "bench"):
    for path in sorted((top / folder).rglob("*.[ch]")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = include.search(line)
            if match and match.group(1) in private:
                found.append(f"{path.relative_to(top)}:{number}: includes {match.group(1)}")
if found:
    print("not ok 1 no source outside src/lib includes a private header of the library")
    for line in found:
        print("# " + line)
else:
    print("ok 1 no source outside src/lib includes a private header of the library (%s)" % ", ".join(private))
