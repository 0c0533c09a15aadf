#!/usr/bin/env bash
# The dashboard's browser tests drive Debian's Chromium (never a downloaded browser): install the
# `chromium` package where it is missing. Needs root (or sudo) and Debian's package mirror.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian's chromium package for the dashboard tests"
$SUDO apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 || {
  $SUDO apt-get update >/dev/null
  $SUDO apt-get install -y --no-install-recommends chromium >/dev/null
}
/usr/bin/chromium --version
