#!/usr/bin/env python3
"""Fit the weights of fynd's relevance features and write rules/relevance-model.yaml.

Run it with scripts/fit-relevance.sh (which builds fynd and a virtualenv with scikit-learn).

Data: every labelled document the project has — corpus/articles, ../shared/corpus/seeds,
../shared/corpus/negatives, ../shared/corpus/real-dev — and the government texts of
../shared/corpus/regeringen as documents that are not relevant. `fynd features` gives each
document's feature values under the current rule pack; documents without a single relevance
signal are not relevant whatever the weights (the bias is negative) and are left out of the fit.

Model: L2-regularised logistic regression; relevant when bias + w·x >= 0. Features that measure a
signal against a case may only weigh <= 0 (the pipeline matches their rules only in documents
that are relevant without them): one that comes out positive is fixed at 0 and the model refitted.

Reported: accuracy on real-dev, k-fold cross-validated (each real-dev text scored by weights
fitted without it), on the other sets as fitted, and the government texts flagged (listed).

Optional: --extra DIR (repeatable) names a labelled set outside the repository (DIR/docs.jsonl and
DIR/gold.jsonl) on which the weights are only scored, to choose --C and --government-weight; with
--fit-extra such sets are fitted on too (the command in the written file then names them: the
committed weights must be reproducible from the repository alone).
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def features(fynd, rules, path):
    """id -> {feature: value} for the documents under path."""
    out = subprocess.run([fynd, "features", "--rules", rules, path], check=True, capture_output=True, text=True).stdout
    return {d["id"]: d["features"] for d in map(json.loads, out.splitlines())}


def gold(path):
    with open(path) as f:
        return {d["id"]: bool(d["relevant"]) for d in map(json.loads, f) if "relevant" in d}


def against_features(rules):
    """Names of the signals listed under `against:` in relevance/parties.yaml."""
    with open(os.path.join(rules, "relevance", "parties.yaml")) as f:
        for line in f:
            if line.startswith("against:"):
                return [s.strip() for s in line.split("[", 1)[1].split("]", 1)[0].split(",")]
    return []


def is_against(name, against):
    return any(name == a or name.startswith(a + ".") for a in against)


def fit(X, y, w, names, against, C):
    """Weights and bias; features against a case kept <= 0 by fixing positive ones at 0."""
    free = np.ones(len(names), dtype=bool)
    while True:
        model = LogisticRegression(C=C, max_iter=5000)
        model.fit(X[:, free], y, sample_weight=w)
        coef = np.zeros(len(names))
        coef[free] = model.coef_[0]
        bad = [i for i, n in enumerate(names) if free[i] and is_against(n, against) and coef[i] > 0]
        if not bad:
            return coef, float(model.intercept_[0])
        free[bad] = False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fynd", default=os.path.join(REPO, ".build/release/fynd"))
    ap.add_argument("--rules", default=os.path.join(REPO, "rules"))
    ap.add_argument("--shared", default=os.path.join(REPO, "../shared"))
    ap.add_argument("--out", default=os.path.join(REPO, "rules/relevance-model.yaml"))
    ap.add_argument("--C", type=float, default=3.0, help="inverse regularisation strength")
    ap.add_argument("--government-weight", type=float, default=0.2, help="sample weight of a government text")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--extra", action="append", default=[], metavar="DIR",
                    help="a labelled set outside the repository (DIR/docs.jsonl, DIR/gold.jsonl), scored only")
    ap.add_argument("--fit-extra", action="store_true", help="fit on the --extra sets too")
    args = ap.parse_args()
    shared = args.shared

    sets = {
        "articles": (os.path.join(REPO, "corpus/articles"), os.path.join(REPO, "corpus/articles/gold.jsonl")),
        "seeds": (os.path.join(shared, "corpus/seeds"), os.path.join(shared, "corpus/seeds/gold.jsonl")),
        "negatives": (os.path.join(shared, "corpus/negatives"), os.path.join(shared, "corpus/negatives/gold.jsonl")),
        "real-dev": (os.path.join(shared, "corpus/real-dev/docs.jsonl"), os.path.join(shared, "corpus/real-dev/gold.jsonl")),
    }
    extra = {"extra:" + os.path.basename(os.path.normpath(d)): (os.path.join(d, "docs.jsonl"), os.path.join(d, "gold.jsonl"))
             for d in args.extra}
    sets.update(extra)
    docs = []  # (set, id, features, label)
    for name, (path, gold_path) in sets.items():
        feats, labels = features(args.fynd, args.rules, path), gold(gold_path)
        missing = sorted(set(labels) - set(feats))
        if missing:
            sys.exit(f"{name}: no features for {missing[:5]}")
        docs += [(name, i, feats[i], labels[i]) for i in sorted(labels)]
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl") as tmp:
        with gzip.open(os.path.join(shared, "corpus/regeringen/regeringen.jsonl.gz")) as g:
            tmp.write(g.read())
        tmp.flush()
        government = features(args.fynd, args.rules, tmp.name)
    empty = sum(1 for f in government.values() if not f)
    docs += [("government", i, f, False) for i, f in sorted(government.items()) if f]

    names = sorted({n for _, _, f, _ in docs for n in f})
    against = against_features(args.rules)
    X = np.array([[f.get(n, 0.0) for n in names] for _, _, f, _ in docs])
    y = np.array([1 if label else 0 for *_, label in docs])
    w = np.array([args.government_weight if s == "government" else 1.0 for s, *_ in docs])
    sets_of = np.array([s for s, *_ in docs])
    fitted = ~np.isin(sets_of, list(extra)) | args.fit_extra

    # Real-dev, cross-validated: each fold scored by weights fitted on everything else.
    dev = np.where(sets_of == "real-dev")[0]
    rest = np.where((sets_of != "real-dev") & fitted)[0]
    right = 0
    wrong = []
    for train_dev, test_dev in StratifiedKFold(args.folds, shuffle=True, random_state=0).split(dev, y[dev]):
        train = np.concatenate([rest, dev[train_dev]])
        coef, bias = fit(X[train], y[train], w[train], names, against, args.C)
        for i in dev[test_dev]:
            guess = X[i] @ coef + bias >= 0
            right += guess == bool(y[i])
            if guess != bool(y[i]):
                wrong.append(docs[i][1])
    print(f"real-dev, {args.folds}-fold cross-validated: {right}/{len(dev)}")
    for i in sorted(wrong):
        print(f"  wrong: {i}")

    coef, bias = fit(X[fitted], y[fitted], w[fitted], names, against, args.C)
    guess = X @ coef + bias >= 0
    for s in ["articles", "seeds", "negatives", "real-dev", *extra]:
        idx = sets_of == s
        how = "fitted on" if s not in extra or args.fit_extra else "scored only"
        print(f"{s} ({how}): {int((guess[idx] == (y[idx] == 1)).sum())}/{int(idx.sum())}")
        for i in np.where(idx & (guess != (y == 1)))[0]:
            print(f"  wrong: {docs[i][1]} (gold {'relevant' if y[i] else 'not relevant'}, score {X[i] @ coef + bias:.2f})")
    flagged = [docs[i][1] for i in np.where((sets_of == "government") & guess)[0]]
    total = len(government)
    print(f"government texts relevant: {len(flagged)}/{total} ({100 * len(flagged) / total:.2f} %; {empty} without any signal)")
    for i in flagged:
        print(f"  flagged: {i}")

    options = [f"--C {args.C}", f"--government-weight {args.government_weight}", f"--folds {args.folds}"]
    if args.fit_extra:
        options += [f"--extra {d}" for d in args.extra] + ["--fit-extra"]
    command = "scripts/fit-relevance.sh " + " ".join(options)
    with open(args.out, "w") as f:
        f.write("# Written by scripts/fit_relevance.py; do not edit by hand. Rerun after changing relevance rules:\n")
        f.write(f"#   {command}\n")
        f.write("description: Fitted weights of the relevance features (see rules/README.md, Relevance).\n")
        f.write("relevance_model:\n")
        f.write(f"  fitted: {{documents: {int(fitted.sum())}, government_without_signals: {empty}, C: {args.C}, "
                f"government_weight: {args.government_weight}, real_dev_cross_validated: \"{right}/{len(dev)}\"}}\n")
        f.write(f"  bias: {bias:.4f}\n")
        f.write("  weights:\n")
        for n, c in zip(names, coef):
            if abs(c) >= 5e-5:
                f.write(f"    {n}: {c:.4f}\n")
    print(f"wrote {os.path.relpath(args.out, REPO)}")


if __name__ == "__main__":
    main()
