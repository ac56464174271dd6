#!/usr/bin/env python3
"""Would the words themselves judge relevance better than the rule signals? A measured experiment.

Usage (with the virtualenv of scripts/fit-relevance.sh and a release build):
  .venv-fit/bin/python benchmarks/relevance-lexical.py --extra /work/realcheck30 … [--span lead --words 150]

Adds to the signal features of `fynd features` (scripts/fit_relevance.py) hashed lexical
features: the folded words of the document or of its first --words words (lower case, a crude
Swedish suffix strip), unigrams and bigrams (or --char: character 3–5-grams), sublinear tf,
each row of unit length, times --lam (the lexical block's weight against its L2 penalty). The
same logistic model as the repository fit (L2, --C, government and written sample weights,
signals against a case kept <= 0, a document without a signal not relevant) is fitted on
signals only, words only and both, and every real set (real-dev and each --extra) is scored
leave-one-set-out, a text found in several sets held out with all its copies. Printed: per set
and in all, right left out under each model, the keyword list's score, and the government texts
each model flags when fitted on everything. The text read is the stored text (a page's clutter
included), not the pipeline's normalised one: enough to tell whether words carry what signals miss.

Result (session 18, rf3; real-dev and realcheck30–35, 40–44, 50–55, 60–65, 70, 948 texts): signals
890, words 774, both 893 (--span lead --words 150), keyword list 734; government flagged 3 / 0 / 0.
Whole document 889–891 (--lam 0.5–16), first 60 or 300 words 887–891, character n-grams 890: the
words add at most 3 texts and cost some sets (realcheck65 −2), so the pipeline keeps its signals.
"""
import argparse
import gzip
import json
import os
import re
import sys
import tempfile

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from sklearn.feature_extraction.text import HashingVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.preprocessing import normalize  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "scripts"))
import fit_relevance as fr  # noqa: E402

SUFFIXES = sorted("arna erna orna andet andes ande ende ades ade ats at ens ets en et er ar or na as es s a e".split(),
                  key=len, reverse=True)
WORD = re.compile(r"[a-zåäöéü]+|\d+")


def folded(text):
    """Lower-case words, a Swedish suffix cut where at least four letters stay; then bigrams."""
    ws = []
    for w in WORD.findall(text.lower()):
        cut = next((s for s in SUFFIXES if w.endswith(s) and len(w) - len(s) >= 4), "")
        ws.append(w[:len(w) - len(cut)])
    return ws + [a + " " + b for a, b in zip(ws, ws[1:])]


def texts(path):
    """id -> stored text of the documents under path (.jsonl lines, or .txt/.html files)."""
    if path.endswith(".jsonl"):
        with open(path) as f:
            return {d["id"]: d["text"] for d in map(json.loads, f)}
    return {os.path.splitext(n)[0]: open(os.path.join(path, n), errors="replace").read()
            for n in os.listdir(path) if n.endswith((".txt", ".html"))}


def lexical(docs, span_words, bits, char):
    spans = [t if not span_words else " ".join(t.split()[:span_words]) for t in docs]
    if char:
        hv = HashingVectorizer(analyzer="char_wb", ngram_range=(3, 5), n_features=2 ** bits, alternate_sign=False, norm=None)
    else:
        hv = HashingVectorizer(analyzer=folded, n_features=2 ** bits, alternate_sign=False, norm=None)
    m = hv.transform(spans)
    m.data = np.log1p(m.data)
    return normalize(m).tocsr()


def fit(X, y, w, against, C):
    """Weights and bias; columns `against` a case that come out positive are fixed at 0 (zeroed) and refitted."""
    X = X.tocsc(copy=True)
    while True:
        model = LogisticRegression(C=C, solver="lbfgs", max_iter=3000, tol=1e-6).fit(X, y, sample_weight=w)
        coef = model.coef_[0]
        bad = [i for i in against if coef[i] > 0]
        if not bad:
            return coef, float(model.intercept_[0])
        for i in bad:
            X.data[X.indptr[i]:X.indptr[i + 1]] = 0
        against = [i for i in against if i not in bad]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fynd", default=os.path.join(REPO, ".build/release/fynd"))
    ap.add_argument("--shared", default=os.path.join(REPO, "../shared"))
    ap.add_argument("--extra", nargs="+", default=[], metavar="DIR")
    ap.add_argument("--span", choices=["doc", "lead"], default="doc")
    ap.add_argument("--words", type=int, default=150, help="with --span lead: how many words")
    ap.add_argument("--bits", type=int, default=14)
    ap.add_argument("--char", action="store_true")
    ap.add_argument("--lam", type=float, default=1.0)
    ap.add_argument("--C", type=float, default=10.0)
    ap.add_argument("--government-weight", type=float, default=0.7)
    ap.add_argument("--written-weight", type=float, default=1.0)
    a = ap.parse_args()
    rules, shared = os.path.join(REPO, "rules"), a.shared
    sets = {"articles": (os.path.join(REPO, "corpus/articles"), os.path.join(REPO, "corpus/articles/gold.jsonl"))}
    for s in ("seeds", "negatives"):
        sets[s] = (os.path.join(shared, "corpus", s), os.path.join(shared, "corpus", s, "gold.jsonl"))
    sets["real-dev"] = (os.path.join(shared, "corpus/real-dev/docs.jsonl"), os.path.join(shared, "corpus/real-dev/gold.jsonl"))
    for d in a.extra:
        sets["extra:" + os.path.basename(os.path.normpath(d))] = (os.path.join(d, "docs.jsonl"), os.path.join(d, "gold.jsonl"))
    docs, words = [], []
    for name, (path, gold_path) in sets.items():
        feats, labels, keys, text = fr.features(a.fynd, rules, path), fr.gold(gold_path), fr.identities(path), texts(path)
        for i in sorted(labels):
            docs.append((name, i, feats[i][0], labels[i], feats[i][1], keys.get(i)))
            words.append(text[i])
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl") as tmp:
        with gzip.open(os.path.join(shared, "corpus/regeringen/regeringen.jsonl.gz")) as g:
            raw = g.read()
        tmp.write(raw)
        tmp.flush()
        government = fr.features(a.fynd, rules, tmp.name)
    gtext = {d["id"]: d["text"] for d in map(json.loads, raw.splitlines())}
    for i, (f, r) in sorted(government.items()):
        if f:  # a government text without a signal is not relevant under any model
            docs.append(("government", i, f, False, r, None))
            words.append(gtext[i])
    data = fr.Data(docs, len(government), 0)
    signal = data.X.any(axis=1)
    lex = lexical(words, a.words if a.span == "lead" else 0, a.bits, a.char) * a.lam
    against = [i for i, n in enumerate(data.names) if fr.is_against(n, fr.against_features(rules))]
    models = {"signals": (sp.csr_matrix(data.X), against), "words": (lex, []),
              "both": (sp.hstack([sp.csr_matrix(data.X), lex]).tocsr(), against)}
    real = [s for s in sets if s == "real-dev" or s.startswith("extra:")]
    everything = signal.copy()
    print(f"{'set':<22}" + "".join(f"{m:>10}" for m in models) + f"{'keywords':>10}")
    right = {m: {} for m in models}
    for m, (X, ag) in models.items():
        for s in real:
            idx = np.where(data.sets == s)[0]
            train = everything & ~np.isin(data.group, data.group[idx])
            w = data.weights(train, a.government_weight, a.written_weight)
            coef, bias = fit(X[train], data.y[train], w[train], ag, a.C)
            guess = (X[idx] @ coef + bias >= 0) & signal[idx]
            right[m][s] = int((guess == (data.y[idx] == 1)).sum())
    total = {m: 0 for m in models}
    kw_total = n_total = 0
    for s in real:
        n = int((data.sets == s).sum())
        kw = int(fr.keyword_list(sets[s][1], sets[s][0]).split("/")[0])
        kw_total, n_total = kw_total + kw, n_total + n
        for m in models:
            total[m] += right[m][s]
        print(f"{s:<22}" + "".join(f"{f'{right[m][s]}/{n}':>10}" for m in models) + f"{f'{kw}/{n}':>10}")
    print(f"{'all real, left out':<22}" + "".join(f"{f'{total[m]}/{n_total}':>10}" for m in models) + f"{f'{kw_total}/{n_total}':>10}")
    gov = np.where(data.sets == "government")[0]
    flagged = []
    for m, (X, ag) in models.items():
        w = data.weights(everything, a.government_weight, a.written_weight)
        coef, bias = fit(X[everything], data.y[everything], w[everything], ag, a.C)
        flagged.append(int((X[gov] @ coef + bias >= 0).sum()))
    print(f"{f'government of {data.government_total}':<22}" + "".join(f"{f:>10}" for f in flagged))


if __name__ == "__main__":
    main()
