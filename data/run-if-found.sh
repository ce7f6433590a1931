#!/bin/sh
# run-if-found.sh PACKAGE PROGRAM [ARGS...]: runs PROGRAM, or tells meson
# that the test is skipped (exit 77) when PROGRAM is not installed, naming
# the package that provides it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
package=$1
program=$2
shift 2
if ! command -v "$program" >/dev/null 2>&1; then
  echo "1..0 # SKIP $program is not installed (Debian package: $package)"
  exit 77
fi
exec "$program" "$@"
