#!/bin/sh
# Makes sure a Firefox is available for the Firefox end-to-end run (tests/e2e/firefox). Installs Debian's
# firefox-esr with apt-get when none is found (npm tools cannot download browsers here).
set -e
if [ -n "$FIREFOX_PATH" ] && [ -x "$FIREFOX_PATH" ]; then exit 0; fi
for candidate in /usr/bin/firefox-esr /usr/bin/firefox /usr/lib/firefox-esr/firefox-esr; do
  if [ -x "$candidate" ]; then exit 0; fi
done
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "Firefox not found: installing Debian's firefox-esr package with apt-get..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr >/dev/null
  exit 0
fi
echo "No Firefox found. Install Firefox (ESR 140 or later) and set FIREFOX_PATH to its binary." >&2
exit 1
