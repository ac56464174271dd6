#!/usr/bin/env bash
# Quality beside the keyword-list peer, in one run: relevance right and category micro F1 of
# `fynd eval` and of `peers/keyword_list.py` (relevant when a supervisor and the social services
# are named; one keyword list per category) on real text: ../shared/corpus/real-dev and any
# further sets given as GOLD DOCS pairs (JSONL with "id" and "text", gold as real-dev's).
# Usage: benchmarks/quality.sh [GOLD DOCS]…
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product fynd --static-swift-stdlib >&2
sets=(../shared/corpus/real-dev/gold.jsonl ../shared/corpus/real-dev/docs.jsonl "$@")
printf '%-40s %-22s %-22s\n' "set" "fynd: relevant, F1" "keyword list: relevant, F1"
for ((i = 0; i < ${#sets[@]}; i += 2)); do
  gold=${sets[i]} docs=${sets[i + 1]}
  fynd=$(.build/release/fynd eval --gold "$gold" "$docs" 2>/dev/null || true)
  peer=$(python3 benchmarks/peers/keyword_list.py "$gold" "$docs")
  pick() { printf '%s, %s' "$(grep -o '^relevant: [0-9/]*' <<< "$1" | cut -d' ' -f2)" "$(grep '^all (micro)' <<< "$1" | awk '{print $5}')"; }
  printf '%-40s %-22s %-22s\n' "$(basename "$(dirname "$docs")")/$(basename "$docs")" "$(pick "$fynd")" "$(pick "$peer")"
done
