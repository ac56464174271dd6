"""The terms of fynd's rule pack as plain lower-case phrases (wildcards dropped), for the peers."""
import glob
import re


def pack_terms(rules_dir):
    terms = set()
    for path in glob.glob(f"{rules_dir}/**/*.yaml", recursive=True):
        for m in re.finditer(r"^\s*-\s+([^:#\n]{3,})$|[\[,]\s*([^\],\n]{3,})", open(path, encoding="utf-8").read(), re.M):
            t = (m.group(1) or m.group(2) or "").strip().strip('"').replace("*", "").replace("?", "").lower()
            if 3 <= len(t) <= 40 and not t.endswith("."):
                terms.add(t)
    return terms
