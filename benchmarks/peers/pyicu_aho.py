"""Peer 1: what a Python user would put together — PyICU sentence breaks and pyahocorasick over
lower-cased text, with the terms of fynd's rule pack (wildcards dropped).
usage: pyicu_aho.py CORPUS.jsonl RULES_DIR   (prints MB/s)"""
import json
import sys
import time

from pack_terms import pack_terms

import ahocorasick
import icu

corpus, rules_dir = sys.argv[1], sys.argv[2]
terms = pack_terms(rules_dir)
automaton = ahocorasick.Automaton()
for t in terms:
    automaton.add_word(t, t)
automaton.make_automaton()
docs = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
size = sum(len(d.encode()) for d in docs)
breaker = icu.BreakIterator.createSentenceInstance(icu.Locale("sv"))
start = time.perf_counter()
hits = sentences = 0
for text in docs:
    breaker.setText(text)
    begin = 0
    for end in breaker:
        sentence = text[begin:end].lower()
        begin = end
        sentences += 1
        hits += sum(1 for _ in automaton.iter(sentence))
seconds = time.perf_counter() - start
print(f"pyicu+pyahocorasick: {len(terms)} patterns, {sentences} sentences, {hits} hits, {size / 1e6 / seconds:.1f} MB/s")
