#!/usr/bin/env bash
# Runs fynd's HTML normalisation over the 181 pages of the article-extraction benchmark
# (../shared/corpus/article-extraction) and prints F1, precision, recall and pages/s.
# Usage: benchmarks/extraction/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=../shared/corpus/article-extraction
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product fynd >&2
for f in "$bench"/html/*.html.gz; do gzip -dc "$f" > "$work/$(basename "$f" .gz)"; done
start=$(date +%s.%N)
.build/release/fynd run "$work" --emit-text --out "$work/results.jsonl" 2> /dev/null || true
seconds=$(echo "$(date +%s.%N) - $start" | bc)
python3 benchmarks/extraction/score.py "$bench/ground-truth.json" "$work/results.jsonl" "$seconds"
