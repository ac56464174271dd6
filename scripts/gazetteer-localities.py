#!/usr/bin/env python3
"""Writes rules/gazetteer/localities.tsv from postal_to_municipality.csv (CC0 1.0, from the
public repository sjbrg/swedish-geodata at commit 03b0a24be1f08f1b7127a1e1fc74fa5e81a6b1ba).

Each postal locality (postort) with the municipalities that hold at least a quarter of its postal
codes (a postal area that reaches over a border by a code or two still names one place).
Localities named as a municipality are left out: the municipality list has them.

    scripts/gazetteer-localities.py ../shared/data/places/postal_to_municipality.csv > rules/gazetteer/localities.tsv
"""
import collections
import csv
import sys

municipalities = {}
for line in open("rules/gazetteer/municipalities.tsv", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    code, name = line.split("\t")[:2]
    municipalities[code] = name

codes = collections.defaultdict(collections.Counter)
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    codes[row["locality"]][row["municipality_code"]] += 1

names = set(municipalities.values())
print("# Postal localities (postorter) and the municipalities they lie in: from postal_to_municipality.csv,")
print("# CC0 1.0, sjbrg/swedish-geodata at commit 03b0a24be1f08f1b7127a1e1fc74fa5e81a6b1ba; written by")
print("# scripts/gazetteer-localities.py. locality\tmunicipalities (comma-separated)\tkind")
for locality in sorted(codes):
    if locality in names:
        continue
    counts = codes[locality]
    total = sum(counts.values())
    held = sorted(municipalities[c] for c, n in counts.items() if 4 * n >= total)
    print(f"{locality}\t{','.join(held)}\tort")
