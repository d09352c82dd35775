#!/bin/sh
# Makes sure a browser is available for the demo, the end-to-end tests and the bench: `ensure-browser.sh chromium`
# or `ensure-browser.sh firefox`. Installs Debian's package with apt-get when none is found (npm tools cannot
# download browsers here). CHROMIUM_PATH / FIREFOX_PATH name a binary to use instead.
set -e
case "$1" in
  chromium) override="$CHROMIUM_PATH"; package=chromium
    candidates="/usr/lib/chromium/chromium /usr/bin/chromium /usr/bin/chromium-browser /snap/bin/chromium" ;;
  firefox) override="$FIREFOX_PATH"; package=firefox-esr
    candidates="/usr/bin/firefox-esr /usr/bin/firefox /usr/lib/firefox-esr/firefox-esr" ;;
  *) echo "usage: ensure-browser.sh chromium|firefox" >&2; exit 2 ;;
esac
if [ -n "$override" ] && [ -x "$override" ]; then exit 0; fi
for candidate in $candidates; do
  if [ -x "$candidate" ]; then exit 0; fi
done
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "$1 not found: installing Debian's $package package with apt-get..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$package" >/dev/null
  exit 0
fi
echo "No $1 found. Install it and set CHROMIUM_PATH or FIREFOX_PATH to its binary." >&2
exit 1
