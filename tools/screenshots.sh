#!/usr/bin/env bash
# Regenerates the screenshots in data/screenshots/ (README, metainfo) by
# driving the quote wizard under a virtual display, in English and Chinese.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PRICEBOOK_BUILD_DIR:-$top/_build}
out="$top/data/screenshots"
mkdir -p "$out"
meson compile -C "$build" >/dev/null

shoot () {
  local dir
  dir=$(mktemp -d)
  env "$@" PRICEBOOK_SCREENSHOT_DIR="$dir" GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory \
    GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none GDK_DEBUG=gl-disable PRICEBOOK_LOCALEDIR="$build/po" \
    G_TEST_SRCDIR="$top/tests" \
    xvfb-run -a -s "-screen 0 1280x1000x24" "$build/tests/test-ui-wizard" \
    -p /ui/wizard/Q-2/Q-3/VM-6/EL-5/both-products >/dev/null
  echo "$dir"
}

en=$(shoot LC_ALL=C.UTF-8 LANGUAGE=en)
for f in "$en"/*.png; do cp "$f" "$out/$(basename "$f")"; done
zh=$(shoot LC_ALL=C.UTF-8 LANGUAGE=zh_CN)
for f in "$zh"/*.png; do cp "$f" "$out/zh_CN-$(basename "$f")"; done
rm -rf "$en" "$zh"
ls -1 "$out"
