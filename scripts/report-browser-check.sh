#!/usr/bin/env bash
# Opens a fynd report in headless Chromium (Debian's `chromium`): takes screenshots at a
# desktop and a phone width, fails when the page writes anything to the console (it writes
# nothing when it works), and fails when opening it or a search takes a second or more
# (measured by the page itself, on `#selftest`, which also clicks the map on the first case's
# municipality and counts the cases shown).
# Usage: scripts/report-browser-check.sh REPORT.html OUTDIR [NAME]   → OUTDIR/NAME-1400.png, OUTDIR/NAME-420.png
set -euo pipefail
page=$(realpath "$1")
out=$2
name=${3:-report}
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser) || { echo "report-browser-check: needs chromium (apt-get install -y chromium)" >&2; exit 2; }
flags=(--headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions --enable-logging=stderr --v=0)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

fail() { echo "report-browser-check: $*" >&2; exit 1; }
console() {  # the page's console lines in a Chromium log
  grep -E 'CONSOLE|Uncaught' "$1" || true
}

for size in 1400,4200 420,2400; do
  width=${size%,*}
  png="$out/$name-$width.png"
  timeout 120 "$browser" "${flags[@]}" --window-size="$size" --screenshot="$png" "file://$page" 2> "$log" || { cat "$log" >&2; fail "chromium failed"; }
  [ -s "$png" ] || fail "no screenshot at width $width"
  [ -z "$(console "$log")" ] || { console "$log" >&2; fail "the page wrote to the console at width $width (above)"; }
  echo "report-browser-check: $png ($(stat -c %s "$png") bytes)"
done

dom=$(timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$page#selftest" 2> "$log") || { cat "$log" >&2; fail "chromium failed"; }
[ -z "$(console "$log")" ] || { console "$log" >&2; fail "the page wrote to the console (above)"; }
result=$(grep -oE 'opened_ms=[0-9]+ search_ms=[0-9.]+ rows=[0-9]+ documents=[0-9]+ cases=[0-9]+ map_click_cases=[0-9]+' <<< "$dom") || fail "the page's self-test gave no result"
echo "report-browser-check: $result"
opened=$(sed -E 's/.*opened_ms=([0-9]+).*/\1/' <<< "$result")
searched=$(sed -E 's/.*search_ms=([0-9]+).*/\1/' <<< "$result")
[ "$opened" -lt 1000 ] || fail "opening the page took $opened ms"
[ "$searched" -lt 1000 ] || fail "a search took $searched ms"
cases=$(sed -E 's/.* cases=([0-9]+).*/\1/' <<< "$result")
clicked=$(sed -E 's/.*map_click_cases=([0-9]+).*/\1/' <<< "$result")
[ "$cases" -eq 0 ] || [ "$clicked" -gt 0 ] || fail "a click on the map showed no case"
echo "report-browser-check: $(stat -c %s "$page") bytes, no console output"
