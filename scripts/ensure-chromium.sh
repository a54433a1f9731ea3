#!/usr/bin/env sh
# Install Debian's Chromium for the browser tests when it is missing.
# Playwright drives this system browser; it never downloads one of its own.
set -eu
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Installing Debian's chromium package (browser tests need it)..." >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "error: /usr/bin/chromium is missing and this user cannot run apt-get." >&2
    echo "Ask an administrator to run: apt-get install chromium" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
$SUDO apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version >&2
