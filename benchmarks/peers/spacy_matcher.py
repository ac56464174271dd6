"""Peer 2: spaCy blank("sv") with the sentencizer and a PhraseMatcher on LOWER, with the terms
of fynd's rule pack. usage: spacy_matcher.py CORPUS.jsonl RULES_DIR   (prints MB/s)"""
import json
import sys
import time

from pack_terms import pack_terms

import spacy
from spacy.matcher import PhraseMatcher

corpus, rules_dir = sys.argv[1], sys.argv[2]
terms = pack_terms(rules_dir)
nlp = spacy.blank("sv")
nlp.add_pipe("sentencizer")
matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
matcher.add("TERMS", [nlp.make_doc(t) for t in terms])
docs = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
size = sum(len(d.encode()) for d in docs)
start = time.perf_counter()
hits = sentences = 0
for doc in nlp.pipe(docs, batch_size=64):
    sentences += sum(1 for _ in doc.sents)
    hits += len(matcher(doc))
seconds = time.perf_counter() - start
print(f"spacy blank(sv)+sentencizer+PhraseMatcher: {len(terms)} patterns, {sentences} sentences, {hits} hits, {size / 1e6 / seconds:.1f} MB/s")
