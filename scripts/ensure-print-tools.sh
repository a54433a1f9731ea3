#!/usr/bin/env sh
# Install the Debian packages the référent's kit needs, when missing:
#   - Pango (with its FreeType backend), which WeasyPrint loads to lay out PDFs;
#   - a font with the symbols the kit prints (DejaVu);
#   - with --tests: poppler-utils, whose pdftoppm the kit tests use to turn PDF
#     pages into PNG images.
# Same approach as ensure-chromium.sh: apt-get, as root or through sudo.
set -eu

missing=""
have_lib() { { ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null | grep -q "$1"; }
have_lib "libpango-1.0.so.0" || missing="$missing libpango-1.0-0"
have_lib "libpangoft2-1.0.so.0" || missing="$missing libpangoft2-1.0-0"
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
if [ "${1:-}" = "--tests" ]; then
    command -v pdftoppm >/dev/null 2>&1 || missing="$missing poppler-utils"
fi
[ -n "$missing" ] || exit 0

echo "Installing Debian packages for the printable kit:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "error: these packages are missing and this user cannot run apt-get:$missing" >&2
    echo "Ask an administrator to run: apt-get install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
# shellcheck disable=SC2086 # one word per package
$SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null
echo "Installed:$missing" >&2
