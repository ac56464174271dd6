#!/usr/bin/env bash
# Main-text extraction of HTML pages, fynd (`fynd run --emit-text`) against trafilatura
# (`trafilatura.extract`, from PyPI into .venv-extraction), on two sets in the same run:
#   articles   the 181 pages of ../shared/corpus/article-extraction, scored by score.py
#              (4-token shingles, per-page precision and recall averaged);
#   web-pages  the 481 pages of ../shared/corpus/web-pages, scored by score_passages.py
#              (passages that must and must not be in the text, as its README defines).
# Prints F1, precision, recall and the seconds of each tool (whole process, start-up included).
# Usage: benchmarks/extraction/run.sh
#   FYND=path      use that binary instead of building one
#   SKIP_PEER=1    fynd only
#   SPLIT=even|odd score every other web page only (to see whether a change generalises)
#   WORST=N        list the N worst pages of each set
set -euo pipefail
cd "$(dirname "$0")/../.."
fynd=${FYND:-.build/release/fynd}
[ -n "${FYND:-}" ] || swift build -c release --product fynd --static-swift-stdlib >&2
venv=.venv-extraction
if [ -z "${SKIP_PEER:-}" ] && [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "trafilatura==2.3.1" lxml_html_clean >&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seconds() { local start=$(date +%s.%N); "$@"; echo "$(date +%s.%N) - $start" | bc; }
for set in articles web-pages; do
    mkdir -p "$work/$set"
    if [ "$set" = articles ]; then
        pages=../shared/corpus/article-extraction/html
        score=(python3 benchmarks/extraction/score.py ../shared/corpus/article-extraction/ground-truth.json)
    else
        pages=../shared/corpus/web-pages/pages
        score=(python3 benchmarks/extraction/score_passages.py ../shared/corpus/web-pages/evaldata.json)
    fi
    for f in "$pages"/*.html.gz; do gzip -dc "$f" > "$work/$set/$(basename "$f" .gz)"; done
    echo "== $set"
    t=$(seconds "$fynd" run "$work/$set" --emit-text --out "$work/$set-fynd.jsonl" 2> /dev/null)
    echo -n "fynd         "; "${score[@]}" "$work/$set-fynd.jsonl" "$t"
    if [ -z "${SKIP_PEER:-}" ]; then
        t=$(seconds "$venv/bin/python" benchmarks/extraction/trafilatura_run.py "$work/$set" "$work/$set-trafilatura.jsonl")
        echo -n "trafilatura  "; "${score[@]}" "$work/$set-trafilatura.jsonl" "$t"
    fi
done
