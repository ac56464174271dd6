"""Scores article extraction as the article-extraction benchmark does (its README): word
tokens (\w+, Unicode), overlapping 4-token shingles, per-page tp/fp/fn normalised so every page
weighs the same; precision and recall are means over pages, F1 from the two means.

usage: python3 score.py GROUND_TRUTH.json RESULTS.jsonl [SECONDS]
RESULTS.jsonl has one {"id", "text"} per page (`fynd run --emit-text` output); its ids are the
pages' ids. WORST=N lists the N worst pages."""
import json
import os
import re
import sys
from collections import Counter


def shingles(text, n=4):
    tokens = re.findall(r"\w+", text or "", flags=re.UNICODE)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1)))


def page_scores(truth, pred):
    t, p = shingles(truth), shingles(pred)
    tp = sum(min(t[s], p[s]) for s in t.keys() & p.keys())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    precision = 1.0 if fp == 0 and fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)
    recall = 1.0 if fp == 0 and fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)
    return precision, recall


def main():
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    results = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        r = json.loads(line)
        results[r["id"]] = r.get("text", "")
    ps, rs, worst = [], [], []
    for page, gold in truth.items():
        p, r = page_scores(gold["articleBody"], results.get(page, ""))
        ps.append(p)
        rs.append(r)
        worst.append((2 * p * r / (p + r) if p + r else 0.0, page, p, r))
    precision, recall = sum(ps) / len(ps), sum(rs) / len(rs)
    f1 = 2 * precision * recall / (precision + recall)
    seconds = f"  seconds: {float(sys.argv[3]):.1f}" if len(sys.argv) > 3 else ""
    print(f"pages: {len(truth)}  F1: {f1:.3f}  precision: {precision:.3f}  recall: {recall:.3f}{seconds}")
    for f, page, p, r in sorted(worst)[:int(os.environ.get("WORST", "0"))]:
        print(f"  worst: {page[:16]}  F1 {f:.2f}  P {p:.2f}  R {r:.2f}")


if __name__ == "__main__":
    main()
