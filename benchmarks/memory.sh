#!/usr/bin/env bash
# Peak RSS against document size: one document of 1, 4, 16, 31 and 50 MB (the last just under
# the default --max-doc-bytes) as plain text, HTML and a JSONL line, made by repeating real text:
# "gov" the government texts of ../shared/corpus/regeringen (/work/bench/text.txt: rarely a
# rule's words), "news" the news about supervision cases (/work/bench/news.jsonl: every rule's
# words; each paragraph numbered, as the normaliser drops a repeated one), and "case" a report of our
# own that is relevant, its case at the start and the end and other business between (the whole
# Extract stage runs). Prints one row per
# document: KB of peak RSS (GNU time) and seconds for each binary given.
# Usage: benchmarks/memory.sh BIN [BIN...]   (documents made once in ${FYND_MEM_DIR:-/tmp/fynd-mem})
set -euo pipefail
dir=${FYND_MEM_DIR:-/tmp/fynd-mem}
mkdir -p "$dir"
if [ ! -s "$dir/case50.jsonl" ]; then
  python3 - "$dir" <<'PY'
import html, json, sys
out = sys.argv[1]
gov = open('/work/bench/text.txt', encoding='utf-8').read()
news = "\n\n".join(json.loads(l)["text"] for l in open('/work/bench/news.jsonl', encoding='utf-8'))
def cut(s, n):
    return s.encode()[:n].decode('utf-8', 'ignore').rsplit("\n", 1)[0]
case = "\n\n".join(
    ["IVO riktar allvarlig kritik mot socialnämnden i Lunds kommun.",
     "Inspektionen konstaterar att nämnden inte har utrett orosanmälningar om barn inom föreskriven tid."]
    + [f"Styrelsen för fastighetsbolaget sammanträdde för den {i + 1}:a gången och godkände budgeten för år {2000 + i % 50}."
       f" Protokollet justerades av ordföranden och sekreteraren nummer {i}." for i in range(400_000)])
ending = "\n\nNämnden ska senast den 1 mars 2024 redovisa vilka åtgärder den har vidtagit.\n\nIVO konstaterar också brister i dokumentationen av hemtjänsten i Lunds kommun."
for kind, src in (("gov", gov), ("news", news), ("case", case)):
    while len(src.encode()) < 60_000_000: src += "\n\n" + src
    for mb in (1, 4, 16, 31, 50):
        n = mb * 1_000_000 if mb < 50 else 50 * 1024 * 1024 - 2_600_000
        t = cut(src, n)
        if kind == "news":
            t = cut("\n\n".join(f"{p} ({i})" if p.strip() else p for i, p in enumerate(t.split("\n\n"))), n)
        if kind == "case":
            t = cut(t, n - len(ending.encode())).rsplit("\n\n", 1)[0] + ending
        open(f"{out}/{kind}{mb}.txt", "w", encoding="utf-8").write(t)
        paras = [p for p in t.split("\n\n") if p.strip()]
        page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Stor sida</title></head><body><article>\n'
                + "\n".join("<p>" + html.escape(p) + "</p>" for p in paras) + "\n</article></body></html>\n")
        open(f"{out}/{kind}{mb}.html", "w", encoding="utf-8").write(page)
        open(f"{out}/{kind}{mb}.jsonl", "w", encoding="utf-8").write(json.dumps({"id": f"{kind}{mb}", "text": t}, ensure_ascii=False) + "\n")
PY
fi
printf '%-14s %8s' document MB; for b in "$@"; do printf ' | %-22s' "$(basename "$b") KB, s"; done; echo
for kind in gov news case; do
  for fmt in txt html jsonl; do
    for mb in 1 4 16 31 50; do
      f=$dir/$kind$mb.$fmt
      printf '%-14s %8.1f' "$kind$mb.$fmt" "$(echo "$(stat -c %s "$f") / 1000000" | bc -l)"
      for b in "$@"; do
        /usr/bin/time -o "$dir/time" -f '%M %e' "$b" run "$f" --jobs 1 --out /dev/null 2>/dev/null || true
        r=$(tail -1 "$dir/time")
        printf ' | %-22s' "$r"
      done
      echo
    done
  done
done
