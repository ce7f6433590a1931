#!/usr/bin/env bash
# Builds Pricebook and runs its whole test suite under a virtual display,
# then the whole suite once more in a build with AddressSanitizer and
# UndefinedBehaviorSanitizer, then each libFuzzer harness of tests/fuzz/ for
# a short while when clang is there.  Installs what is missing first (as
# root).  The last line printed is "N passed, N failed[, N skipped]", counted
# over all three runs; the exit status is non-zero when a test failed or when
# no test ran at all.
#
# Environment: PRICEBOOK_BUILD_DIR (default _build; the sanitizer build and
# the fuzzers use the same name with -asan and -fuzz appended),
# PRICEBOOK_SANITIZE=0 leaves out the sanitizer run, PRICEBOOK_FUZZ_SECONDS
# (default 30 per harness; 0 leaves fuzzing out).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PRICEBOOK_BUILD_DIR:-$top/_build}
build=${build%/}
cd "$top"

# shellcheck source=tools/deps.sh
source tools/deps.sh
pricebook_ensure_deps

if [ -f "$build/build.ninja" ]; then
  meson setup --reconfigure "$build" >/dev/null
else
  meson setup "$build" >/dev/null
fi
meson compile -C "$build"

# -noreset: by default Xvfb resets itself whenever its last client leaves,
# and a test connecting during that reset is refused ("cannot open display"),
# which happened once to a UI test under ASan between two others.
xvfb () {
  xvfb-run -a -s "-screen 0 1280x800x24 -noreset" "$@"
}

status=0
logs=()

# 1. The suite in the ordinary build.
rm -f "$build/meson-logs/testlog.json"
xvfb meson test -C "$build" --print-errorlogs --num-processes "$(nproc)" "$@" || status=$?
logs+=("plain=$build/meson-logs/testlog.json")

# 2. The same suite, UI tests included, under ASan + UBSan.  Leaks are
#    suppressed only for the font and cairo caches (tools/lsan.supp).
if [ "${PRICEBOOK_SANITIZE:-1}" != 0 ]; then
  asan=$build-asan
  if [ -f "$asan/build.ninja" ]; then
    meson setup --reconfigure "$asan" >/dev/null
  else
    meson setup "$asan" -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
  fi
  meson compile -C "$asan"
  rm -f "$asan/meson-logs/testlog.json"
  LSAN_OPTIONS=suppressions=$top/tools/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ASAN_OPTIONS=detect_leaks=1 \
    xvfb meson test -C "$asan" --print-errorlogs --num-processes "$(nproc)" "$@" || status=$?
  logs+=("asan=$asan/meson-logs/testlog.json")
fi

# 3. A short run of every fuzzer (tests/fuzz/run-fuzzers.sh prints TAP;
#    without clang it prints a skip).
fuzz_seconds=${PRICEBOOK_FUZZ_SECONDS:-30}
if [ "$fuzz_seconds" != 0 ]; then
  fuzz=$build-fuzz
  mkdir -p "$fuzz"
  fuzz_result=0
  PRICEBOOK_FUZZ_DIR=$fuzz bash tests/fuzz/run-fuzzers.sh "$fuzz_seconds" >"$fuzz/fuzz.tap" || fuzz_result=$?
  cat "$fuzz/fuzz.tap"
  [ "$fuzz_result" -ne 0 ] && status=$fuzz_result
  python3 - "$fuzz/fuzz.tap" "$fuzz_result" >"$fuzz/testlog.json" <<'PY'
import json, sys
tap = open(sys.argv[1], encoding="utf-8").read()
skipped = tap.startswith("1..0 # SKIP")
result = "SKIP" if skipped else ("OK" if sys.argv[2] == "0" else "FAIL")
print(json.dumps({"name": "fuzzers", "result": result, "stdout": tap}))
PY
  logs+=("fuzz=$fuzz/testlog.json")
fi

# One summary over every run; a run that wrote no log counts as a failure.
all=$build/meson-logs/all-runs.json
mkdir -p "$build/meson-logs"
python3 - "${logs[@]}" >"$all" <<'PY'
import json, os, sys
for argument in sys.argv[1:]:
    run, path = argument.split("=", 1)
    if not os.path.exists(path):
        print(json.dumps({"name": run + ": wrote no test log", "result": "ERROR", "stdout": ""}))
        continue
    for line in open(path, encoding="utf-8"):
        if line.strip():
            entry = json.loads(line)
            entry["name"] = run + ": " + entry.get("name", "?")
            print(json.dumps(entry))
PY
python3 tools/test-summary.py "$all" || status=$?
exit "$status"
