#!/usr/bin/env bash
# Installs the Debian 12 packages Inspection Compare needs to build, run and test.
# Skips apt-get when everything is already installed.
set -euo pipefail

packages=(
  meson ninja-build pkg-config gcc gettext python3
  libglib2.0-dev libjson-glib-dev libgtk-4-dev libadwaita-1-dev
  libcairo2-dev libpango1.0-dev libpoppler-glib-dev nettle-dev
  libmupdf-dev libopenjp2-7-dev libjbig2dec0-dev libgumbo-dev libmujs-dev
  libharfbuzz-dev libfreetype-dev libjpeg-dev libbrotli-dev
  poppler-utils mupdf-tools qpdf time
  xvfb xauth procps desktop-file-utils appstream
  dbus at-spi2-core
  debhelper dpkg-dev fakeroot x11-utils
  fonts-cantarell fonts-dejavu-core
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

echo "Installing: ${missing[*]}" >&2
# Another apt-get or an unattended upgrade may hold the locks: wait for it
# (up to 10 minutes) rather than fail.
wait_lock=(-o DPkg::Lock::Timeout=600)
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  $sudo apt-get "${wait_lock[@]}" update -q >&2 && break
  echo "apt-get update failed (attempt $attempt); retrying in 60 s" >&2
  sleep 60
done
DEBIAN_FRONTEND=noninteractive $sudo apt-get "${wait_lock[@]}" install -y -q --no-install-recommends \
  "${missing[@]}" >&2
