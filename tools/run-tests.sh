#!/usr/bin/env bash
# Builds Pricebook and runs its whole test suite under a virtual display.
# Installs what is missing first (as root).  The last line printed is
# "N passed, N failed[, N skipped]"; the exit status is non-zero when a test
# failed or when no test ran at all.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PRICEBOOK_BUILD_DIR:-$top/_build}
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

rm -f "$build/meson-logs/testlog.json"
status=0
xvfb-run -a -s "-screen 0 1280x800x24" \
  meson test -C "$build" --print-errorlogs --num-processes "$(nproc)" "$@" || status=$?

if [ ! -f "$build/meson-logs/testlog.json" ]; then
  echo "no test log was written"
  echo "0 passed, 1 failed"
  exit 1
fi
python3 tools/test-summary.py "$build/meson-logs/testlog.json" || status=$?
exit "$status"
