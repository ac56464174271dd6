"""Scores main-text extraction on ../shared/corpus/web-pages as its README defines: for every
page, white space normalised, each `with` passage found in the text is a true positive (missing:
a false negative) and each `without` passage found is a false positive; precision, recall and
F1 over all passages of all pages.

usage: python3 score_passages.py EVALDATA.json RESULTS.jsonl [SECONDS]
RESULTS.jsonl has one {"id", "text"} per page, the id being the page's `file` without `.html`.
SPLIT=even|odd scores every other page (sorted by file) only; WORST=N lists the N pages that
lose most passages."""
import json
import os
import sys


def normalised(text):
    return " ".join((text or "").split())


def main():
    pages = sorted(json.load(open(sys.argv[1], encoding="utf-8")).values(), key=lambda p: p["file"])
    split = os.environ.get("SPLIT")
    if split:
        pages = pages[0 if split == "even" else 1::2]
    results = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        r = json.loads(line)
        results[r["id"]] = normalised(r.get("text", ""))
    tp = fn = fp = 0
    losses = []
    for page in pages:
        text = results.get(page["file"].removesuffix(".html"), "")
        missing = [w for w in page["with"] if normalised(w) not in text]
        unwanted = [w for w in page["without"] if normalised(w) in text]
        tp += len(page["with"]) - len(missing)
        fn += len(missing)
        fp += len(unwanted)
        if missing or unwanted:
            losses.append((len(missing) + len(unwanted), page["file"], missing, unwanted))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    seconds = f"  seconds: {float(sys.argv[3]):.1f}" if len(sys.argv) > 3 else ""
    print(f"pages: {len(pages)}  F1: {f1:.3f}  precision: {precision:.3f}  recall: {recall:.3f}{seconds}")
    for _, file, missing, unwanted in sorted(losses, reverse=True)[:int(os.environ.get("WORST", "0"))]:
        print(f"  {file[:60]}  missing {missing}  unwanted {unwanted}")


if __name__ == "__main__":
    main()
