"""Writes a rule pack with every rule of rules/ N times under new ids (for benchmarks of how
matching time grows with the number of rules).  usage: replicate-rules.py N OUT_DIR"""
import os
import re
import shutil
import sys

n, out = int(sys.argv[1]), sys.argv[2]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules")
shutil.rmtree(out, ignore_errors=True)
shutil.copytree(root, out)
for folder in ("categories", "attributes"):
    for name in sorted(os.listdir(os.path.join(root, folder))):
        text = open(os.path.join(root, folder, name), encoding="utf-8").read()
        head, _, rules = text.partition("\nrules:\n")
        copies = []
        for k in range(1, n):
            copy = re.sub(r"(\n  - id: )([\w.-]+)", lambda m: f"{m.group(1)}{m.group(2)}-x{k}", "\n" + rules)
            copy = re.sub(r"(replaces: \[)([^\]]*)(\])", lambda m: m.group(1) + ", ".join(f"{r.strip()}-x{k}" for r in m.group(2).split(",")) + m.group(3), copy)
            copies.append(copy.lstrip("\n"))
        with open(os.path.join(out, folder, name), "w", encoding="utf-8") as f:
            f.write(head + "\nrules:\n" + rules + "".join("\n" + c for c in copies))
print(f"wrote {out}: rules x{n}")
