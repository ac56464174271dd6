#!/usr/bin/env python3
"""Keyword-list peer for fynd: usage `keyword_baseline.py GOLD DOCS`.

Relevant when the text names a supervisor (IVO, JO, auditors, lex Sarah, county board, ...)
and the social services (socialtjänst, socialnämnd, IFO, LSS, äldreomsorg, ...). Categories: one
keyword list per TAXONOMY.md category, stems taken from the taxonomy's own wording; a category
is found when any of its keywords occurs, and (as in `fynd eval`) only in a document judged relevant.

Scoring mirrors `fynd eval`: per document, a found category in `required` is a true positive,
a found category in neither `required` nor `allowed` a false positive, a required category
not found a false negative; micro P/R/F1 over all categories; relevance accuracy.
"""
import json
import re
import sys

# Acronyms are matched case-sensitively as whole words ("jo" is a Swedish word); stems
# case-insensitively at a word start.
SUPERVISOR_ACRONYMS = ["IVO", "Ivo", "JO"]
SUPERVISOR_STEMS = ["inspektionen för vård och omsorg", "justitieombudsm", "revisor", "lex sarah", "länsstyrelse"]
SOCIAL_ACRONYMS = ["LSS", "IFO", "SoL"]
SOCIAL_STEMS = ["socialtjänst", "socialnämnd", "socialförvaltning", "individ- och familjeomsorg", "äldreomsorg",
                "hemtjänst", "äldreboende", "särskilt boende", "särskilda boende", "ekonomiskt bistånd",
                "försörjningsstöd", "funktionshind", "funktionsnedsättning"]

CATEGORIES = {
    "orosanmalan": [r"orosanmäl", r"anmälningar till socialtjänsten", r"anmälan om oro", r"14 kap\. 1 §"],
    "forhandsbedomning": [r"förhandsbedömning", r"inleda eller inte inleda utredning"],
    "barnperspektiv": [r"barnperspektiv", r"barnrättsperspektiv", r"barnets bästa", r"barnets inställning",
                       r"kom\w* till tals"],
    "dokumentation": [r"dokumentation", r"journalför", r"akt(en|er|erna)?\b", r"dokumenter", r"dater(as|ad|at|ade)\b"],
    "utredning": [r"utredning", r"utreda", r"utredningstid"],
    "placering": [r"placering", r"placerade barn", r"placerad", r"HVB"],
    "familjehem": [r"familjehem"],
    "vald": [r"våld", r"våldsutsatt", r"misshandel"],
    "personal": [r"personalomsättning", r"rekryter", r"socionomer", r"socialsekreterare", r"tjänster\b",
                 r"ärenden per handläggare"],
    "handlaggning": [r"handläggning", r"handlagt", r"rättssäker"],
    "egenkontroll": [r"egenkontroll", r"kvalitetsarbete", r"ledningssystem", r"uppföljning av ärenden"],
    "kompetens": [r"kompetens", r"utbildning", r"fortbildning"],
    "lvu": [r"LVU\b", r"tvångsomhänderta", r"omedelbart omhänderta"],
    "lss": [r"LSS\b", r"personlig assistans", r"gruppbostad"],
}
ACRONYM_PATTERNS = {"HVB", "LVU\\b", "LSS\\b"}


def has_acronym(text, words):
    return any(re.search(r"(?<![\wÅÄÖåäö])" + re.escape(w) + r"(?![\wÅÄÖåäö])", text) for w in words)


def has_stem(text, stems):
    return any(re.search(r"(?<![\wÅÄÖåäö])" + re.escape(s), text, re.IGNORECASE) for s in stems)


def relevant(text):
    supervisor = has_acronym(text, SUPERVISOR_ACRONYMS) or has_stem(text, SUPERVISOR_STEMS)
    social = has_acronym(text, SOCIAL_ACRONYMS) or has_stem(text, SOCIAL_STEMS)
    return supervisor and social


def categories(text):
    found = set()
    for cat, patterns in CATEGORIES.items():
        for p in patterns:
            flags = 0 if p in ACRONYM_PATTERNS else re.IGNORECASE
            if re.search(r"(?<![\wÅÄÖåäö])" + p, text, flags):
                found.add(cat)
                break
    return found


def main(gold_path, docs_path):
    gold = {}
    for line in open(gold_path, encoding="utf-8"):
        if line.strip():
            g = json.loads(line)
            gold[g["id"]] = g
    per_cat = {}
    rel_right = rel_total = docs = 0
    for line in open(docs_path, encoding="utf-8"):
        if not line.strip():
            continue
        d = json.loads(line)
        g = gold.get(d["id"])
        if g is None:
            continue
        docs += 1
        is_rel = relevant(d["text"])
        if "relevant" in g:
            rel_total += 1
            rel_right += is_rel == g["relevant"]
        found = categories(d["text"]) if is_rel else set()
        required, allowed = set(g.get("required", [])), set(g.get("allowed", []))
        for c in found | required:
            k = per_cat.setdefault(c, [0, 0, 0])  # tp, fp, fn
            if c in found and c in required:
                k[0] += 1
            elif c in found and c not in allowed:
                k[1] += 1
            elif c not in found:
                k[2] += 1

    def prf(tp, fp, fn):
        p = 1.0 if tp + fp == 0 else tp / (tp + fp)
        r = 1.0 if tp + fn == 0 else tp / (tp + fn)
        f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
        return p, r, f

    print("documents: %d" % docs)
    print("category              P      R      F1     tp  fp  fn")
    for c in sorted(per_cat):
        tp, fp, fn = per_cat[c]
        print("%-20s  %.3f  %.3f  %.3f  %3d %3d %3d" % ((c,) + prf(tp, fp, fn) + (tp, fp, fn)))
    tp = sum(k[0] for k in per_cat.values())
    fp = sum(k[1] for k in per_cat.values())
    fn = sum(k[2] for k in per_cat.values())
    print("%-20s  %.3f  %.3f  %.3f  %3d %3d %3d" % (("all (micro)",) + prf(tp, fp, fn) + (tp, fp, fn)))
    print("relevant: %d/%d right" % (rel_right, rel_total))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: keyword_list.py GOLD DOCS")
    main(sys.argv[1], sys.argv[2])
