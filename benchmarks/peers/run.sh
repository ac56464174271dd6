#!/usr/bin/env bash
# The Python peers of the throughput issue, on the same corpus as fynd, in the same run:
# PyICU + pyahocorasick, and spaCy blank("sv") + sentencizer + PhraseMatcher(LOWER).
# Installs them from PyPI into .venv-peers.   Usage: benchmarks/peers/run.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/../.."
mb=${1:-20}
work=/tmp/fynd-bench-$mb
[ -s "$work/text.jsonl" ] || benchmarks/run.sh "$mb" > /dev/null
python3 -m venv .venv-peers
.venv-peers/bin/pip install -q PyICU pyahocorasick spacy
swift build -c release --product fynd --static-swift-stdlib >&2
start=$(date +%s.%N)
.build/release/fynd run "$work/text.jsonl" > /dev/null 2>&1
fynd=$(python3 -c "import os; print(os.path.getsize('$work/text.jsonl') / 1e6 / ($(date +%s.%N) - $start))")
py1=$(.venv-peers/bin/python benchmarks/peers/pyicu_aho.py "$work/text.jsonl" rules)
py2=$(.venv-peers/bin/python benchmarks/peers/spacy_matcher.py "$work/text.jsonl" rules)
echo "fynd (full pipeline, 1 job): $(printf '%.1f' "$fynd") MB/s"
echo "$py1"
echo "$py2"
python3 - "$fynd" "$py1" "$py2" <<'PY'
import re, sys
fynd = float(sys.argv[1])
for line in sys.argv[2:]:
    mbps = float(re.search(r"([\d.]+) MB/s", line).group(1))
    print(f"fynd / {line.split(':')[0]} = {fynd / mbps:.1f}x")
PY
