#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# callgrind-pricing.sh BENCH-PRICING: what one keystroke of re-pricing a
# 300-item quote costs (issue 7, target 4) in instructions, which callgrind
# counts the same on every run where CPU time does not: only inside
# keystroke() of bench-pricing --keystrokes, divided by their number.  A
# figure to compare changes by, beside bench-pricing's time.
set -eu

program=$1
keystrokes=50
if ! command -v valgrind >/dev/null 2>&1; then
  echo "# valgrind is not installed (Debian: valgrind): skipped"
  exit 77
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

valgrind --tool=callgrind --callgrind-out-file="$dir/pricing.out" --toggle-collect=keystroke \
  "$program" --keystrokes "$keystrokes" >"$dir/pricing.txt" 2>"$dir/pricing.log"
ir=$(sed -n 's/^summary: //p; s/^totals: //p' "$dir/pricing.out" | head -n 1)
if [ -z "$ir" ] || [ "$ir" -eq 0 ]; then
  echo "callgrind-pricing: nothing measured (is keystroke() inlined away?)" >&2
  exit 1
fi
awk -v ir="$ir" -v n="$keystrokes" 'BEGIN {
  printf "re-pricing instructions per keystroke (callgrind, 300 items): %.3g M (%d keystrokes)\n", ir / n / 1e6, n
}'
