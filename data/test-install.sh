#!/usr/bin/env bash
# test-install.sh BUILD_DIR SOURCE_DIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID
#
# Installs the build into a temporary DESTDIR and runs the copy installed
# there, as a packager would before shipping it: every file lands where GNOME
# looks, the installed pricebook-cli prices a quote and replays the
# installed documented example, and the installed window starts and stays up
# without a critical warning.  Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

build=$1 source=$2 prefix=$3 bindir=$4 datadir=$5 localedir=$6 app_id=$7
number=0
failed=0

ok () { number=$((number + 1)); echo "ok $number $1"; }
not_ok () {
  number=$((number + 1)); failed=$((failed + 1)); echo "not ok $number $1"
  shift
  for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done
}
skip () { number=$((number + 1)); echo "ok $number $1 # SKIP $2"; }
finish () { echo "1..$number"; [ "$failed" -eq 0 ]; exit $?; }

dest=$(mktemp -d "${TMPDIR:-/tmp}/pricebook-install.XXXXXX")
window_pid=
bus_pid=
cleanup () {
  [ -n "$window_pid" ] && kill "$window_pid" 2>/dev/null
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null
  rm -rf "$dest"
}
trap cleanup EXIT

# Relative install directories are relative to the prefix, as meson has them.
under_prefix () { case $1 in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac; }
root=$dest$prefix
bin=$dest$(under_prefix "$bindir")
share=$dest$(under_prefix "$datadir")
locale=$dest$(under_prefix "$localedir")

# 1. meson install --destdir
if out=$(meson install -C "$build" --no-rebuild --destdir "$dest" 2>&1); then
  ok "meson install --destdir puts the build in a temporary folder"
else
  not_ok "meson install --destdir puts the build in a temporary folder" "$out"
  finish
fi

# 2. every file where GNOME looks for it
missing=()
for path in \
    "$bin/pricebook" "$bin/pricebook-cli" \
    "$share/applications/$app_id.desktop" \
    "$share/metainfo/$app_id.metainfo.xml" \
    "$share/mime/packages/$app_id.xml" \
    "$share/glib-2.0/schemas/$app_id.gschema.xml" \
    "$share/icons/hicolor/scalable/apps/$app_id.svg" \
    "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
    "$share/pricebook/catalog/tencent-cloud.json" \
    "$share/pricebook/scenarios/customer-a.pbscenario"; do
  [ -e "$path" ] || missing+=("${path#"$dest"} is not installed")
done
for po in $(sed 's/#.*//' "$source/po/LINGUAS"); do
  mo=$locale/$po/LC_MESSAGES/pricebook.mo
  [ -e "$mo" ] || missing+=("${mo#"$dest"} is not installed")
done
for program in "$bin/pricebook" "$bin/pricebook-cli"; do
  [ -e "$program" ] && [ ! -x "$program" ] && missing+=("${program#"$dest"} is not executable")
done
if [ ${#missing[@]} -eq 0 ]; then
  ok "binaries, desktop entry, metainfo, MIME XML, schema, icons, catalog, scenarios and translations are installed"
else
  not_ok "binaries, desktop entry, metainfo, MIME XML, schema, icons, catalog, scenarios and translations are installed" \
    "${missing[@]}"
fi

# Nothing of the installed copy may point back into the build or source tree.
leaks=$(grep -rlI -e "$build" -e "$source" "$root" 2>/dev/null)
if [ -z "$leaks" ]; then
  ok "no installed text file names the build or source directory"
else
  not_ok "no installed text file names the build or source directory" "$leaks"
fi

run_env=(env -u PRICEBOOK_LOCALEDIR -u PRICEBOOK_CLI -u PRICEBOOK_SOURCE_DIR
         -u GSETTINGS_SCHEMA_DIR -u G_TEST_SRCDIR -u G_TEST_BUILDDIR)

# 3. the installed CLI prices a quote
sample=$source/tests/data/quotes/sample.pricebook
if out=$("${run_env[@]}" "$bin/pricebook-cli" quote "$sample" 2>&1) \
    && printf '%s' "$out" | python3 -c 'import json, sys; d = json.load(sys.stdin); assert d["total"] and d["items"]' 2>/dev/null; then
  ok "the installed pricebook-cli prices tests/data/quotes/sample.pricebook"
else
  not_ok "the installed pricebook-cli prices tests/data/quotes/sample.pricebook" "$out"
fi

# 4. ... and replays the installed documented example, as the build tree's does
scenario=$share/pricebook/scenarios/customer-a.pbscenario
installed=$("${run_env[@]}" "$bin/pricebook-cli" simulate "$scenario" 2>&1)
status=$?
uninstalled=$("${run_env[@]}" "$build/src/cli/pricebook-cli" simulate "$source/data/scenarios/customer-a.pbscenario" 2>&1)
if [ $status -eq 0 ] && [ -n "$installed" ] && [ "$installed" = "$uninstalled" ]; then
  ok "the installed pricebook-cli replays the installed customer-a.pbscenario"
else
  not_ok "the installed pricebook-cli replays the installed customer-a.pbscenario" \
    "exit status $status" "$installed"
fi

# 5. the installed translations are found through PRICEBOOK_LOCALEDIR
desktop=$share/applications/$app_id.desktop
comment=$(sed -n 's/^Comment=//p' "$desktop")
comment_zh=$(sed -n 's/^Comment\[zh_CN\]=//p' "$desktop")
if ! command -v gettext >/dev/null; then
  skip "the installed catalog translates the desktop entry's comment" \
    "gettext is not installed (Debian package: gettext-base)"
else
  translated=$(LANGUAGE=zh_CN LC_ALL=C.UTF-8 TEXTDOMAINDIR=$locale gettext -d pricebook -- "$comment")
  if [ -n "$comment_zh" ] && [ "$translated" = "$comment_zh" ] && [ "$translated" != "$comment" ]; then
    ok "the installed catalog translates the desktop entry's comment"
  else
    not_ok "the installed catalog translates the desktop entry's comment" \
      "Comment=$comment" "Comment[zh_CN]=$comment_zh" "from $locale: $translated"
  fi
fi

# 6. the installed window starts from there and stays up
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  skip "the installed window starts and stays up 2 s without a critical warning" \
    "no display (run the suite under xvfb-run, as tools/run-tests.sh does)"
  finish
fi
# A packager's trigger compiles the schemas; meson skips it under DESTDIR.
glib-compile-schemas --strict "$share/glib-2.0/schemas"
home=$dest/home
mkdir -p "$home/data" "$home/config" "$home/cache" "$home/runtime"
chmod 700 "$home/runtime"
log=$dest/window.log
# A session bus of its own, so that the window neither meets another
# Pricebook nor outlives the test; killed by its pid like the window.
bus_address=
if command -v dbus-daemon >/dev/null; then
  mapfile -t bus < <(dbus-daemon --session --fork --nopidfile --print-address=1 --print-pid=1)
  bus_address=${bus[0]:-} bus_pid=${bus[1]:-}
fi
"${run_env[@]}" \
  GSETTINGS_SCHEMA_DIR="$share/glib-2.0/schemas" GSETTINGS_BACKEND=memory \
  PRICEBOOK_LOCALEDIR="$locale" LANGUAGE=zh_CN LC_ALL=C.UTF-8 \
  XDG_DATA_DIRS="$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
  XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
  XDG_RUNTIME_DIR="$home/runtime" \
  G_DEBUG=fatal-criticals GTK_A11Y=none NO_AT_BRIDGE=1 \
  DBUS_SESSION_BUS_ADDRESS="${bus_address:-disabled:}" \
  "$bin/pricebook" >"$log" 2>&1 &
window_pid=$!
alive=yes
for _ in 1 2 3 4 5 6 7 8 9 10; do
  sleep 0.2
  kill -0 "$window_pid" 2>/dev/null || { alive=no; break; }
done
[ $alive = yes ] && { kill "$window_pid"; wait "$window_pid" 2>/dev/null; }
window_pid=
complaints=$(grep -E "CRITICAL|ERROR|WARNING" "$log")
if [ $alive = yes ] && [ -z "$complaints" ]; then
  ok "the installed window starts and stays up 2 s without a critical warning"
else
  not_ok "the installed window starts and stays up 2 s without a critical warning" \
    "$([ $alive = yes ] && echo "still up after 2 s" || echo "it exited within 2 s")" "$(cat "$log")"
fi
finish
