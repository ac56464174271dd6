"""Scores main-text extraction on ../shared/corpus/web-pages as its README defines: for every
page, white space normalised, each `with` passage found in the text is a true positive (missing:
a false negative) and each `without` passage found is a false positive; precision, recall and
F1 over all passages of all pages.

usage: python3 score_passages.py EVALDATA.json RESULTS.jsonl [SECONDS]
RESULTS.jsonl has one {"id", "text"} per page, the id being the page's `file` without `.html`.
SPLIT=even|odd scores every other page (sorted by file) only; WORST=N lists the N pages that
lose most passages. Also counts the passages missed only in the form of quotes, dashes and soft
hyphens (an extractor that writes each in one form loses them), for information: the score
itself compares the text as it is."""
import json
import os
import sys


def normalised(text):
    return " ".join((text or "").split())


# Typographic variants in one form each, as fynd's Typography folds them for matching.
UNIFIED = {**dict.fromkeys(map(ord, "„“”«»‟″"), "”"), **dict.fromkeys(map(ord, "‘’‚‛′"), "'"),
           **dict.fromkeys(map(ord, "‒–—―−"), "–"), **dict.fromkeys(map(ord, "\u2010\u2011"), "-"),
           **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"), None)}


def unified(text):
    return normalised(text.translate(UNIFIED))


def main():
    pages = sorted(json.load(open(sys.argv[1], encoding="utf-8")).values(), key=lambda p: p["file"])
    split = os.environ.get("SPLIT")
    if split:
        pages = pages[0 if split == "even" else 1::2]
    results = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        r = json.loads(line)
        results[r["id"]] = normalised(r.get("text", ""))
    tp = fn = fp = typographic = 0
    losses = []
    for page in pages:
        text = results.get(page["file"].removesuffix(".html"), "")
        missing = [w for w in page["with"] if normalised(w) not in text]
        unwanted = [w for w in page["without"] if normalised(w) in text]
        typographic += sum(unified(w) in unified(text) for w in missing)
        tp += len(page["with"]) - len(missing)
        fn += len(missing)
        fp += len(unwanted)
        if missing or unwanted:
            losses.append((len(missing) + len(unwanted), page["file"], missing, unwanted))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    seconds = f"  seconds: {float(sys.argv[3]):.1f}" if len(sys.argv) > 3 else ""
    print(f"pages: {len(pages)}  F1: {f1:.3f}  precision: {precision:.3f}  recall: {recall:.3f}{seconds}"
          f"  (missed only in typography: {typographic})")
    for _, file, missing, unwanted in sorted(losses, reverse=True)[:int(os.environ.get("WORST", "0"))]:
        print(f"  {file[:60]}  missing {missing}  unwanted {unwanted}")


if __name__ == "__main__":
    main()
