#!/usr/bin/env bash
# Makes the large bad inputs that are not committed: a 200 MB document (sparse, so it costs no
# disk), a 10 MB line with no spaces or punctuation, and HTML nested 100 000 levels deep.
# Usage: scripts/make-bad-corpus.sh [DIR]   (default corpus/bad/generated)
set -euo pipefail
dir=${1:-corpus/bad/generated}
mkdir -p "$dir"
truncate -s 200M "$dir/huge-200mb.txt"
head -c 10485760 /dev/zero | tr '\0' 'a' > "$dir/long-line-10mb.txt"
{ printf '<html><body>'; for _ in $(seq 1000); do printf '%.0s<div>' $(seq 100); done
  printf '<p>IVO riktar kritik mot socialnämnden i Gnesta.</p>'
  for _ in $(seq 1000); do printf '%.0s</div>' $(seq 100); done; printf '</body></html>\n'; } > "$dir/nested-100000.html"
echo "made $(ls "$dir" | wc -l) files in $dir"
