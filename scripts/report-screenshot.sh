#!/usr/bin/env bash
# Renders a fynd report in headless Chromium to a PNG and fails when the page logs a console
# error. Usage: scripts/report-screenshot.sh REPORT.html OUT.png
# Needs Debian's chromium (apt-get install -y chromium).
set -euo pipefail
page=$(realpath "$1")
png=$2
browser=$(command -v chromium || command -v chromium-browser)
log=$(mktemp)
"$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1800 \
  --enable-logging=stderr --v=0 --screenshot="$png" "file://$page" 2> "$log" || { cat "$log"; exit 1; }
if grep -E 'CONSOLE|Uncaught|ERROR:.*(console|javascript)' "$log" | grep -v 'ERROR:.*(dbus|bus.cc|gpu|viz|sandbox|GLES|egl|gcm|zygote)' ; then
  echo "report-screenshot: the page logged errors (above)" >&2
  exit 1
fi
test -s "$png"
echo "report-screenshot: $png ($(stat -c %s "$png") bytes), no console errors"
