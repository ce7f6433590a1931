# tools/deps.sh: install what Pricebook needs to build and test on Debian 12.
# Sourced by tools/run.sh and tools/run-tests.sh.
#
# SPDX-License-Identifier: GPL-3.0-or-later

PRICEBOOK_PACKAGES=(
  gcc pkg-config meson ninja-build python3 gettext tzdata
  libglib2.0-dev libjson-glib-dev libgtk-4-dev
  desktop-file-utils appstream shared-mime-info libxml2-utils flatpak-builder
  dbus-daemon gettext-base
  at-spi2-core python3-gi gir1.2-atspi-2.0
  xvfb xauth
  fonts-noto-core fonts-noto-cjk poppler-utils
  clang libclang-rt-14-dev
)

pricebook_missing_packages () {
  local missing=()
  for package in "${PRICEBOOK_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  echo "${missing[@]}"
}

# Installs the missing packages when run as root; otherwise says exactly what to install.
pricebook_ensure_deps () {
  local missing
  if ! command -v dpkg-query >/dev/null; then
    echo "deps: not a Debian system; install: ${PRICEBOOK_PACKAGES[*]} (or your distribution's equivalents)" >&2
    return 0
  fi
  missing=$(pricebook_missing_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "deps: missing packages. As root, run:" >&2
    echo "  apt-get update && apt-get install -y $missing" >&2
    return 1
  fi
  echo "deps: installing $missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >&2
}
