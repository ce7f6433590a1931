#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# callgrind-lifecycle.sh BENCH-LIFECYCLE: the lifecycle engine's growth
# (issue 7, target 3) in instructions, which callgrind counts the same on
# every run: the replay of the full account and of the half-size one, only
# inside pb_lifecycle_replay(), scaled to exactly twice the events.
set -eu

program=$1
if ! command -v valgrind >/dev/null 2>&1; then
  echo "# valgrind is not installed (Debian: valgrind): skipped"
  exit 77
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

for size in half full; do
  valgrind --tool=callgrind --callgrind-out-file="$dir/$size.out" \
    --toggle-collect=pb_lifecycle_replay "$program" --once "$size" \
    >"$dir/$size.txt" 2>"$dir/$size.log"
  sed -n 's/^events: //p' "$dir/$size.txt" >"$dir/$size.events"
  sed -n 's/^summary: //p; s/^totals: //p' "$dir/$size.out" | head -n 1 >"$dir/$size.ir"
done

awk -v he="$(cat "$dir/half.events")" -v fe="$(cat "$dir/full.events")" \
    -v hi="$(cat "$dir/half.ir")" -v fi="$(cat "$dir/full.ir")" 'BEGIN {
  if (he == 0 || hi == 0) { print "callgrind-lifecycle: nothing measured" > "/dev/stderr"; exit 1 }
  printf "# events: %d (full), %d (half); instructions: %d (full), %d (half)\n", fe, he, fi, hi
  r = (fi / hi) * 2 / (fe / he)
  printf "lifecycle instructions at 2x events: %.4g x (target: <= 2.1 x) %s\n", r, r <= 2.1 ? "PASS" : "MISS"
}'
