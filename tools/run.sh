#!/usr/bin/env bash
# Builds Pricebook and opens its window.  Installs what is missing first
# (as root).  Arguments are passed on: `tools/run.sh quote.pricebook`.
#
# Without a display (a server, a CI machine) there is no window to open:
# then it replays the purchase guide's documented example (customer A) with
# pricebook-cli and prints the states the guide states.
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
meson compile -C "$build" >/dev/null

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  # An uninstalled run: the schema and the translations of the build tree.
  export GSETTINGS_SCHEMA_DIR="$build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
  export PRICEBOOK_LOCALEDIR="$build/po"
  exec "$build/src/pricebook" "$@"
fi

echo "No display: showing the documented example through pricebook-cli instead of the window." >&2
cli="$build/src/cli/pricebook-cli"
example="$top/data/scenarios/customer-a.pbscenario"
for instant in 2020-01-01T12:00:00+08:00 2020-02-01T12:00:00+08:00 2020-05-01T15:00:00+08:00 \
               2020-12-31T12:00:00+08:00 2021-01-31T12:00:00+08:00 2021-12-31T12:00:00+08:00; do
  echo "== Customer A at $instant"
  "$cli" simulate "$example" --at "$instant"
done
