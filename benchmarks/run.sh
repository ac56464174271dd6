#!/usr/bin/env bash
# End-to-end benchmark: builds fynd (release), makes a deterministic corpus of about MB
# megabytes of real Swedish government text (JSONL, from ../shared/corpus/regeringen) and of
# real HTML pages (../shared/corpus/article-extraction and corpus/html, repeated), runs
# `fynd run` over it with 1 and 2 jobs and an incremental second run with --state, and prints
# MB/s, docs/s, sentences/s and peak RSS, beside the ICU-alone and libxml2-alone baselines
# measured in the same run, and a news corpus of the shipped articles (nearly all relevant: the
# costly case). Beside `--jobs 2` it times two `--jobs 1` processes side by side, each on half
# of the text: what the machine gives two independent processes, the ceiling for two jobs.
# The Python peer of the throughput issue (PyICU sentence breaks + pyahocorasick over the pack's
# terms, `peers/pyicu_aho.py`, in .venv-peers) runs on the same news and government corpora,
# alternating with fynd, so that both see the machine alike; the ratio is of the two in the
# same run. Each figure is the median of REPEAT runs (default 3); peak RSS is the largest of
# them. Start-up: fynd on a one-line input. Rule pack x10: the match stage on the news with
# every rule written ten times (`replicate-rules.py`), against the shipped pack.
# Usage: [REPEAT=n] benchmarks/run.sh [MB]   (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
repeat=${REPEAT:-3}
work=${FYND_BENCH_DIR:-/tmp/fynd-bench-$mb}
mkdir -p "$work"
swift build -c release --product fynd --static-swift-stdlib >&2
fynd=.build/release/fynd

# Corpus (made once per size; deterministic: the first documents of the archive, in order).
if [ ! -s "$work/text.jsonl" ]; then
  python3 - "$mb" "$work" <<'PY'
import gzip, json, sys, os
mb, work = int(sys.argv[1]), sys.argv[2]
limit = mb * 1_000_000
size, plain = 0, open(os.path.join(work, "text.txt"), "w", encoding="utf-8")
with open(os.path.join(work, "text.jsonl"), "w", encoding="utf-8") as out:
    while size < limit:
        for round_ in range(100):
            with gzip.open("../shared/corpus/regeringen/regeringen.jsonl.gz", "rt", encoding="utf-8") as f:
                for line in f:
                    doc = json.loads(line)
                    if round_:
                        doc["id"] = f"{doc['id']}#{round_}"
                    text = json.dumps(doc, ensure_ascii=False)
                    out.write(text + "\n")
                    plain.write(doc["text"] + "\n\n")
                    size += len(text.encode()) + 1
                    if size >= limit:
                        break
            if size >= limit:
                break
PY
  mkdir -p "$work/html"
  i=0
  while [ "$(du -sm "$work/html" | cut -f1)" -lt $((mb / 5 + 1)) ]; do
    for f in ../shared/corpus/article-extraction/html/*.html.gz; do gzip -dc "$f" > "$work/html/$i-$(basename "$f" .gz)"; done
    cp corpus/html/*.html "$work/html/" 2>/dev/null || true
    i=$((i + 1))
  done
fi
# News about supervision cases: the shipped articles and seeds (nearly all relevant, so every
# rule is matched and every attribute extracted), repeated to a tenth of the size.
if [ ! -s "$work/news.jsonl" ]; then
  python3 - "$mb" "$work" <<'PY'
import glob, json, os, sys
mb, work = int(sys.argv[1]), sys.argv[2]
docs = [(os.path.basename(p)[:-4], open(p, encoding="utf-8").read())
        for p in sorted(glob.glob("corpus/articles/*.txt")) + sorted(glob.glob("../shared/corpus/seeds/*.txt"))]
size, k = 0, 0
with open(os.path.join(work, "news.jsonl"), "w", encoding="utf-8") as out:
    while size < mb * 100_000:
        for name, text in docs:
            line = json.dumps({"id": f"{name}#{k}", "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode())
        k += 1
PY
fi
text_mb=$(python3 -c "import os; print(os.path.getsize('$work/text.jsonl') / 1e6)")
news_mb=$(python3 -c "import os; print(os.path.getsize('$work/news.jsonl') / 1e6)")
html_mb=$(du -sb "$work/html" | python3 -c "import sys; print(int(sys.stdin.read().split()[0]) / 1e6)")

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
declare -A med peak times
measure() {  # label, output file, then the command: keeps the label's times, their median and the largest peak RSS (MB)
  local label=$1 out=$2 secs rss; shift 2
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$out" 2> /dev/null || true
  read -r secs rss < "$work/time.txt"
  times[$label]="${times[$label]:-} $secs"
  med[$label]=$(median ${times[$label]})
  peak[$label]=$(( rss / 1024 > ${peak[$label]:-0} ? rss / 1024 : ${peak[$label]:-0} ))
}
# The peer: a venv with PyICU and pyahocorasick (made once).
[ -x .venv-peers/bin/python ] || { python3 -m venv .venv-peers && .venv-peers/bin/pip install -q PyICU pyahocorasick; }
echo '{"id": "one", "text": "IVO riktar kritik mot socialnämnden."}' > "$work/one.jsonl"

gcc -O2 -o "$work/icu_sentences" benchmarks/baselines/icu_sentences.c -licuuc -licudata 2> /dev/null
gcc -O2 -I/usr/include/libxml2 -o "$work/libxml2_parse" benchmarks/baselines/libxml2_parse.c -lxml2
best_rate() {  # the command prints "…, N MB/s"; the highest N of REPEAT runs
  for _ in $(seq "$repeat"); do "$@" | sed 's/.*, \(.*\) MB\/s/\1/'; done | sort -g | tail -1
}
icu=$(best_rate "$work/icu_sentences" "$work/text.txt")
xml=$(best_rate "$work/libxml2_parse" "$work"/html/*.html)

lines=$(wc -l < "$work/text.jsonl")
head -n $((lines / 2)) "$work/text.jsonl" > "$work/text-a.jsonl"
tail -n +$((lines / 2 + 1)) "$work/text.jsonl" > "$work/text-b.jsonl"
# One job, two jobs and two processes in turn, so that the three see the machine alike.
for _ in $(seq "$repeat"); do
  measure text-1 "$work/out-1.jsonl" "$fynd" run "$work/text.jsonl" --jobs 1
  measure text-2 "$work/out-2.jsonl" "$fynd" run "$work/text.jsonl" --jobs 2
  measure pair /dev/null bash -c "'$fynd' run '$work/text-a.jsonl' > '$work/out-a.jsonl' 2> /dev/null &
    '$fynd' run '$work/text-b.jsonl' > '$work/out-b.jsonl' 2> /dev/null; wait"
done
docs=$(wc -l < "$work/out-1.jsonl")
sentences=$(python3 -c "import json,sys; print(sum(json.loads(l).get('sentences', 0) for l in open('$work/out-1.jsonl')))")
same=$(cmp -s "$work/out-2.jsonl" "$work/out-1.jsonl" && echo identical || echo DIFFERENT)
# The same lines but for "source" (path:line, of the half file).
nosource() { sed 's/"source":"[^"]*"//' "$@"; }
pair_same=$(cmp -s <(nosource "$work/out-a.jsonl" "$work/out-b.jsonl") <(nosource "$work/out-1.jsonl") && echo identical || echo DIFFERENT)
for _ in $(seq "$repeat"); do
  measure news "$work/out-news.jsonl" "$fynd" run "$work/news.jsonl" --jobs 1
  measure peer-news "$work/peer-news.txt" .venv-peers/bin/python benchmarks/peers/pyicu_aho.py "$work/news.jsonl" rules
  measure news-2 /dev/null "$fynd" run "$work/news.jsonl" --jobs 2
  measure peer-text "$work/peer-text.txt" .venv-peers/bin/python benchmarks/peers/pyicu_aho.py "$work/text.jsonl" rules
  measure html "$work/out-html.jsonl" "$fynd" run "$work/html" --jobs 1
done
# Rule pack x10 against x1: the match stage's time on the news (`fynd profile`, one thread),
# each pack parsed from its files, the two alternating.
python3 benchmarks/replicate-rules.py 10 "$work/rules-x10" > /dev/null
declare -A match
match_seconds() {  # label, rules directory: keeps the label's match-stage seconds
  local label=$1 rules=$2
  match[$label]="${match[$label]:-} $("$fynd" profile --json --rules "$rules" "$work/news.jsonl" \
    | python3 -c "import json, sys; print(next(s['seconds'] for s in json.load(sys.stdin)['stages'] if s['stage'] == 'match'))")"
}
for _ in $(seq "$repeat"); do
  match_seconds x1 rules
  match_seconds x10 "$work/rules-x10"
done
match_x1=$(median ${match[x1]})
match_x10=$(median ${match[x10]})
# Start-up: the median of 31 runs on a one-line input (wall time, to the tenth of a millisecond).
start_ms=$(python3 - "$fynd" "$work/one.jsonl" <<'PY'
import statistics, subprocess, sys, time
def once():
    t = time.perf_counter()
    subprocess.run([sys.argv[1], "run", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t
print(f"{statistics.median(once() for _ in range(31)) * 1000:.1f}")
PY
)
peer_rate() { sed 's/.*, \([0-9.]*\) MB\/s/\1/' "$1"; }
news_docs=$(wc -l < "$work/out-news.jsonl")
news_relevant=$(grep -c '"relevant":true' "$work/out-news.jsonl" || true)
pages=$(wc -l < "$work/out-html.jsonl")
rm -f "$work/state.sqlite"*
# Once each: the second --state run depends on the first.
measure state-1 /dev/null "$fynd" run "$work/text.jsonl" --jobs 2 --state "$work/state.sqlite"
measure state-2 /dev/null "$fynd" run "$work/text.jsonl" --jobs 2 --state "$work/state.sqlite"

python3 - <<PY
t1, t2, tp, th, ts1, ts2, tn = ${med[text-1]}, ${med[text-2]}, ${med[pair]}, ${med[html]}, ${med[state-1]}, ${med[state-2]}, ${med[news]}
tn2, tpn, tpt, start_ms = ${med[news-2]}, ${med[peer-news]}, ${med[peer-text]}, $start_ms
r1, r2, rh, rn, rpn = ${peak[text-1]}, ${peak[text-2]}, ${peak[html]}, ${peak[news]}, ${peak[peer-news]}
pn_loop, pt_loop = $(peer_rate "$work/peer-news.txt"), $(peer_rate "$work/peer-text.txt")
text_mb, html_mb, icu, xml, news_mb = $text_mb, $html_mb, $icu, $xml, $news_mb
mx1, mx10 = $match_x1, $match_x10
print(f"median of $repeat runs each; corpus: {text_mb:.1f} MB of text in $docs documents ($sentences sentences), {html_mb:.1f} MB of HTML in $pages pages")
print(f"{'run':34} {'MB/s':>7} {'docs/s':>8} {'peak RSS':>9}")
print(f"{'text, --jobs 1':34} {text_mb/t1:7.1f} {$docs/t1:8.0f} {r1:6d} MB   sentences/s {$sentences/t1:,.0f}")
print(f"{'text, --jobs 2':34} {text_mb/t2:7.1f} {$docs/t2:8.0f} {r2:6d} MB   speed-up {t1/t2:.2f}x, output $same")
print(f"{'text, two --jobs 1 side by side':34} {text_mb/tp:7.1f} {$docs/tp:8.0f}             speed-up {t1/tp:.2f}x (the machine's ceiling), output $pair_same")
print(f"{'':34} --jobs 2 / two processes = {tp/t2:.2f}")
print(f"{'HTML, --jobs 1':34} {html_mb/th:7.1f} {$pages/th:8.0f} {rh:6d} MB")
print(f"{'news (shipped articles), --jobs 1':34} {news_mb/tn:7.1f} {$news_docs/tn:8.0f} {rn:6d} MB   $news_relevant of $news_docs relevant")
print(f"{'news, --jobs 2':34} {news_mb/tn2:7.1f} {$news_docs/tn2:8.0f}             speed-up {tn/tn2:.2f}x")
print(f"{'news, Python peer (whole process)':34} {news_mb/tpn:7.1f} {'':8} {rpn:6d} MB   its loop alone {pn_loop} MB/s; fynd / peer = {tpn/tn:.2f}x (whole), {news_mb/tn/pn_loop:.2f}x (peer's loop)")
print(f"{'text, Python peer (whole process)':34} {text_mb/tpt:7.1f}              its loop alone {pt_loop} MB/s; fynd / peer = {tpt/t1:.2f}x (whole), {text_mb/t1/pt_loop:.2f}x (peer's loop)")
print(f"{'start-up (one short document)':34} {start_ms:7.1f} ms")
print(f"{'ICU sentence breaks alone':34} {icu:7.1f}              fynd text / ICU = {text_mb/t1/icu:.2f}")
print(f"{'libxml2 parse + free alone':34} {xml:7.1f}              fynd HTML / libxml2 = {html_mb/th/xml:.2f}")
print(f"{'rule pack x10, match stage (news)':34} {mx10:7.2f} s            x1 {mx1:.2f} s: x10 / x1 = {mx10/mx1:.2f}")
print(f"{'--state, first run (2 jobs)':34} {text_mb/ts1:7.1f}")
print(f"{'--state, unchanged second run':34} {text_mb/ts2:7.1f}              {ts1/ts2:.1f}x faster than the first")
PY
