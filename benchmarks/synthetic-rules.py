"""Writes a rule pack: the rules of rules/ plus synthetic category rules, each with words of
its own and a match and a no_match example (for measuring how loading and check-rules grow
with the size of a pack; replicate-rules.py copies rules, so every example fires every copy).
With "wide", each file is one rule with many terms and examples instead (the lint compares a
rule's terms with its examples and with each other).
usage: synthetic-rules.py BYTES OUT_DIR [FILES] [wide]  (BYTES of synthetic rules, split over FILES files)"""
import os
import shutil
import sys

size, out = int(sys.argv[1]), sys.argv[2]
files = int(sys.argv[3]) if len(sys.argv) > 3 else 1
wide = sys.argv[4:] == ["wide"]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules")
shutil.rmtree(out, ignore_errors=True)
shutil.copytree(root, out)


def word(i):
    """A made-up word per number: letters only, so that it is one word to the segmenter."""
    s = ""
    while True:
        s = "bcdfghjklmnpqrstvxz"[i % 19] + "aeiouy"[i // 19 % 6] + s
        i //= 114
        if i == 0:
            return "syn" + s


def rule(i):
    w = word(i)
    return (f"  - id: synthetic.r{i}\n"
            f"    any:\n      - {w} brister\n      - {w}rutin*\n"
            f"    match:\n      - Nämnden har {w} brister och nya {w}rutiner.\n"
            f"    no_match:\n      - Nämnden har {w} i handläggningen.\n")


def wide_rule(f, first, last):
    """One rule whose terms are those of rules first..last-1, with their examples."""
    words = [word(i) for i in range(first, last)]
    return (f"  - id: synthetic.wide{f}\n    any:\n" + "".join(f"      - {w} brister\n      - {w}rutin*\n" for w in words)
            + "    match:\n" + "".join(f"      - Nämnden har {w} brister och nya {w}rutiner.\n" for w in words)
            + "    no_match:\n" + "".join(f"      - Nämnden har {w} i handläggningen.\n" for w in words))


i = 0
for f in range(files):
    parts, length = [f"category: synthetic{f}\nrules:\n"], 0
    while length < size // files:
        parts.append(rule(i))
        length += len(parts[-1].encode())
        i += 1
    if wide:
        parts[1:] = [wide_rule(f, i - len(parts) + 1, i)]
    with open(os.path.join(out, "categories", f"synthetic{f}.yaml"), "w", encoding="utf-8") as h:
        h.write("".join(parts))
print(f"wrote {out}: {i} synthetic rules in {files} file(s)")
