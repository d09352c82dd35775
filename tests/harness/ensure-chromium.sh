#!/bin/sh
# Makes sure a Chromium is available for the demo, the end-to-end tests and the bench.
# Installs Debian's package with apt-get when none is found (npm tools cannot download browsers here).
set -e
if [ -n "$CHROMIUM_PATH" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
for candidate in /usr/lib/chromium/chromium /usr/bin/chromium /usr/bin/chromium-browser /snap/bin/chromium; do
  if [ -x "$candidate" ]; then exit 0; fi
done
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "Chromium not found: installing Debian's chromium package with apt-get..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found. Install Chromium (or Chrome for Testing) and set CHROMIUM_PATH to its binary." >&2
exit 1
