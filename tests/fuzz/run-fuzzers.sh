#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz/ with clang (AddressSanitizer
# and UndefinedBehaviorSanitizer on) and runs each for a while, printing TAP:
# one test per harness, "not ok" when it found something.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS-PER-HARNESS [HARNESS...]]
#
# SECONDS defaults to 30.  Harnesses run side by side, as many at a time as
# there are processors.  The build and the growing corpora live in
# $PRICEBOOK_FUZZ_DIR (default: build-fuzz/ in the source tree); the seeds
# of tests/fuzz/corpus/ and every file of tests/fuzz/regressions/ are read
# but never written.  A finding is left in $PRICEBOOK_FUZZ_DIR/artifacts/;
# copy it to tests/fuzz/regressions/HARNESS/ so that the meson test
# "fuzz-regressions" replays it from then on.
#
# Without clang, prints "1..0 # SKIP clang not found" and succeeds.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-30}
shift $(( $# > 0 ? 1 : 0 ))
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=(quote scenario catalog parsers)
out=${PRICEBOOK_FUZZ_DIR:-$top/build-fuzz}
cc=${CLANG:-clang}

if ! command -v "$cc" >/dev/null; then
  echo "1..0 # SKIP clang not found"
  exit 0
fi

mkdir -p "$out/obj" "$out/bin" "$out/logs"
log=$out/logs/build.log
: >"$log"

# The library as the fuzzers see it: every source of src/lib/ plus the
# GResource that carries the built-in catalog.
build () {
  # shellcheck disable=SC2054 # commas inside one option, not separators
  local flags=(-std=gnu11 -g -O1 -fno-omit-frame-pointer
    -fsanitize=address,undefined -fno-sanitize-recover=undefined
    -DGETTEXT_PACKAGE='"pricebook"' -I"$top/src/lib" -I"$top/tests/fuzz")
  local pkgs=(glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0)
  local cflags libs objs=() source object
  read -ra cflags <<<"$(pkg-config --cflags "${pkgs[@]}")" || return 1
  read -ra libs <<<"$(pkg-config --libs "${pkgs[@]}")" || return 1

  glib-compile-resources --generate-source --c-name pb_data \
    --sourcedir "$top/data" --target "$out/obj/pb-data-resources.c" \
    "$top/data/pricebook-data.gresource.xml" || return 1
  for source in "$top"/src/lib/*.c "$out/obj/pb-data-resources.c"; do
    object=$out/obj/$(basename "$source" .c).o
    if [ ! -f "$object" ] || [ "$source" -nt "$object" ] || \
       [ -n "$(find "$top/src/lib" -name '*.h' -newer "$object" -print -quit)" ]; then
      "$cc" "${flags[@]}" -fsanitize=fuzzer-no-link "${cflags[@]}" \
        -c "$source" -o "$object" || return 1
    fi
    objs+=("$object")
  done
  for name in "${harnesses[@]}"; do
    "$cc" "${flags[@]}" -fsanitize=fuzzer "${cflags[@]}" \
      "$top/tests/fuzz/fuzz-$name.c" "${objs[@]}" "${libs[@]}" \
      -o "$out/bin/fuzz-$name" || return 1
  done
}

echo "1..${#harnesses[@]}"
if ! build >>"$log" 2>&1; then
  n=0
  for name in "${harnesses[@]}"; do
    n=$((n + 1))
    echo "not ok $n fuzz-$name # the build failed, see $log"
  done
  sed 's/^/# /' "$log" | tail -n 30
  exit 1
fi

run () {
  local name=$1 corpus=$out/corpus/$1 artifacts=$out/artifacts/$1/
  local seeds=("$top/tests/fuzz/corpus/$name") dict=()
  [ "$name" != parsers ] && dict=(-dict="$top/tests/fuzz/json.dict")
  mkdir -p "$corpus" "$artifacts"
  [ -d "$top/tests/fuzz/regressions/$name" ] && seeds+=("$top/tests/fuzz/regressions/$name")
  # The first corpus directory is the one libFuzzer adds new inputs to.
  G_DEBUG=fatal-criticals \
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LC_ALL=C.UTF-8 \
    "$out/bin/fuzz-$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" "${dict[@]}" \
      "$corpus" "${seeds[@]}" >"$out/logs/$name.log" 2>&1
}

pids=()
jobs_max=$(nproc 2>/dev/null || echo 2)
for name in "${harnesses[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do
    sleep 1
  done
  run "$name" &
  pids+=($!)
done

status=0
n=0
for name in "${harnesses[@]}"; do
  result=0
  wait "${pids[$n]}" || result=$?
  n=$((n + 1))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/logs/$name.log" | tail -n 1)
  if [ "$result" -eq 0 ] && [ -n "$runs" ]; then
    echo "ok $n fuzz-$name ($seconds s, ${runs} inputs, no finding)"
  else
    status=1
    echo "not ok $n fuzz-$name (exit $result; log: $out/logs/$name.log)"
    grep -E 'ERROR|SUMMARY|invariant|CRITICAL|WARNING|artifact|Test unit written' \
      "$out/logs/$name.log" | head -n 20 | sed 's/^/# /'
  fi
done
exit "$status"
