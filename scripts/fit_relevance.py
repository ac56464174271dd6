#!/usr/bin/env python3
"""Fit the weights of fynd's relevance features and write rules/relevance-model.yaml.

Run it with scripts/fit-relevance.sh (which builds fynd and a virtualenv with scikit-learn).

Data: every labelled document the project has — corpus/articles, ../shared/corpus/seeds,
../shared/corpus/negatives (the texts we wrote), ../shared/corpus/real-dev (real texts retold)
— and the government texts of ../shared/corpus/regeringen as documents that are not relevant.
`fynd features` gives each document's feature values under the current rule pack; documents
without a single relevance signal are not relevant whatever the weights (the bias is negative)
and are left out of the fit.

Model: L2-regularised logistic regression, fitted to convergence (Newton's method); relevant when bias + w·x >= 0. Features that measure a
signal against a case may only weigh <= 0 (the pipeline matches their rules only in documents
that are relevant without them): one that comes out positive is fixed at 0 and the model refitted.
A document's sample weight is that of its kind (--written-weight, 1 for real text,
--government-weight); a text found in several sets (same address or same opening) counts once.

Reported: real-dev k-fold cross-validated (each text scored by weights fitted without it), the
other sets as fitted, and the government texts flagged (listed).

Sets outside the repository: --extra DIR… names labelled sets of real text (DIR/docs.jsonl,
DIR/gold.jsonl). Without --fit-extra they are only scored. With --fit-extra they are fitted on
too, and every real set (real-dev and each extra) is scored leave-one-set-out: by weights fitted
without any text it holds. The table gives per set the accuracy under the pack's current
weights, the leave-one-set-out accuracy and the keyword list's (benchmarks/peers/keyword_list.py).
--grid tries each combination of the --C, --government-weight and --written-weight values given
and keeps the one with the most real texts right leave-one-set-out, among those that flag at most
--max-government government texts when fitted on everything. The written file's header names the
command, extra sets included: the weights are reproducible where those sets are present.
"""
import argparse
import gzip
import hashlib
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile

# One thread: the fits are small (a few thousand distinct rows), and threads only contend on a busy machine.
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
WRITTEN = ("articles", "seeds", "negatives")


def features(fynd, rules, path):
    """id -> (features, decision under the pack's current weights) for the documents under path."""
    out = subprocess.run([fynd, "features", "--rules", rules, path], check=True, capture_output=True, text=True).stdout
    return {d["id"]: (d["features"], d["relevant"]) for d in map(json.loads, out.splitlines())}


def gold(path):
    with open(path) as f:
        return {d["id"]: bool(d["relevant"]) for d in map(json.loads, f) if "relevant" in d}


def identities(path):
    """id -> keys that name the text wherever it is stored: its address and its opening."""
    if not path.endswith(".jsonl"):
        return {}
    out = {}
    with open(path) as f:
        for d in map(json.loads, f):
            opening = " ".join(d["text"].split())[:400]
            out[d["id"]] = [("text", hashlib.sha1(opening.encode()).hexdigest())]
            if d.get("url", "").strip():
                out[d["id"]].append(("url", d["url"].strip().rstrip("/")))
    return out


def groups(keys):
    """Per document (list of its keys), the number of its group: documents sharing a key are one text."""
    parent = {}

    def find(k):
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for n, ks in enumerate(keys):
        for k in ks:
            parent[find(k)] = find(("doc", n))
    roots = {}
    return np.array([roots.setdefault(find(("doc", n)), len(roots)) for n in range(len(keys))])


def keyword_list(gold_path, docs_path):
    """The keyword list's relevance accuracy on a set, as 'right/total'."""
    out = subprocess.run([sys.executable, os.path.join(REPO, "benchmarks/peers/keyword_list.py"), gold_path, docs_path],
                         check=True, capture_output=True, text=True).stdout
    return re.search(r"relevant: (\d+/\d+) right", out).group(1)


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
        model = LogisticRegression(C=C, solver="newton-cholesky", tol=1e-8, max_iter=100)
        model.fit(X[:, free], y, sample_weight=w)
        coef = np.zeros(len(names))
        coef[free] = model.coef_[0]
        bad = [i for i, n in enumerate(names) if free[i] and is_against(n, against) and coef[i] > 0]
        if not bad:
            return coef, float(model.intercept_[0])
        free[bad] = False


class Data:
    """The documents' features, labels, sets, kinds and text groups."""

    def __init__(self, docs, government_total, government_empty):
        self.docs = docs  # (set, id, features, label, decision under current weights, keys)
        self.names = sorted({n for _, _, f, *_ in docs for n in f})
        self.X = np.array([[f.get(n, 0.0) for n in self.names] for _, _, f, *_ in docs])
        self.y = np.array([1 if d[3] else 0 for d in docs])
        self.current = np.array([d[4] for d in docs])
        self.sets = np.array([d[0] for d in docs])
        self.group = groups([d[5] or [("doc", d[0], d[1])] for d in docs])
        # Documents with the same values and label are fitted as one row of their summed weight
        # (the same loss: most government texts share a handful of rows).
        rows, row = np.unique(np.column_stack([self.X, self.y]), axis=0, return_inverse=True)
        self.rows, self.row = rows, row.ravel()
        self.government_total, self.government_empty = government_total, government_empty

    def weights(self, fitted, government_weight, written_weight):
        """Sample weights of the fitted documents: by kind, a text in several sets shared among its copies."""
        kind = np.where(self.sets == "government", government_weight, np.where(np.isin(self.sets, WRITTEN), written_weight, 1.0))
        copies = np.bincount(self.group[fitted], minlength=self.group.max() + 1)[self.group]
        return np.where(fitted, kind / np.maximum(copies, 1), 0.0)

    def fit(self, fitted, against, C, government_weight, written_weight):
        """Weights and bias fitted on the documents marked."""
        w = np.bincount(self.row, weights=self.weights(fitted, government_weight, written_weight), minlength=len(self.rows))
        keep = w > 0
        return fit(self.rows[keep, :-1], self.rows[keep, -1], w[keep], self.names, against, C)


def held_out(data, fitted, real_sets, against, C, gw, ww):
    """Per real set, the documents it holds and whether each is right by weights fitted without any of its texts."""
    out = {}
    for s in real_sets:
        idx = np.where(data.sets == s)[0]
        coef, bias = data.fit(fitted & ~np.isin(data.group, data.group[idx]), against, C, gw, ww)
        out[s] = (idx, (data.X[idx] @ coef + bias >= 0) == (data.y[idx] == 1))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fynd", default=os.path.join(REPO, ".build/release/fynd"))
    ap.add_argument("--rules", default=os.path.join(REPO, "rules"))
    ap.add_argument("--shared", default=os.path.join(REPO, "../shared"))
    ap.add_argument("--out", default=os.path.join(REPO, "rules/relevance-model.yaml"))
    ap.add_argument("--C", type=float, nargs="+", default=[3.0], help="inverse regularisation strength")
    ap.add_argument("--government-weight", type=float, nargs="+", default=[0.2], help="sample weight of a government text")
    ap.add_argument("--written-weight", type=float, nargs="+", default=[1.0],
                    help="sample weight of a text we wrote (articles, seeds, negatives); real text weighs 1")
    ap.add_argument("--grid", action="store_true",
                    help="try every combination of the values given and keep the best leave-one-set-out")
    ap.add_argument("--max-government", type=int, default=2, help="with --grid: most government texts flagged")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--extra", action="extend", nargs="+", default=[], metavar="DIR",
                    help="labelled sets outside the repository (DIR/docs.jsonl, DIR/gold.jsonl)")
    ap.add_argument("--fit-extra", action="store_true", help="fit on the --extra sets too, each scored leave-one-set-out")
    args = ap.parse_args()
    if not args.grid and max(map(len, (args.C, args.government_weight, args.written_weight))) > 1:
        sys.exit("several option values need --grid")
    if args.grid and not args.fit_extra:
        sys.exit("--grid chooses by the leave-one-set-out score: it needs --fit-extra")
    shared = args.shared

    sets = {
        "articles": (os.path.join(REPO, "corpus/articles"), os.path.join(REPO, "corpus/articles/gold.jsonl")),
        "seeds": (os.path.join(shared, "corpus/seeds"), os.path.join(shared, "corpus/seeds/gold.jsonl")),
        "negatives": (os.path.join(shared, "corpus/negatives"), os.path.join(shared, "corpus/negatives/gold.jsonl")),
        "real-dev": (os.path.join(shared, "corpus/real-dev/docs.jsonl"), os.path.join(shared, "corpus/real-dev/gold.jsonl")),
    }
    extra = {}
    for d in args.extra:
        name = "extra:" + os.path.basename(os.path.normpath(d))
        if name in sets or name in extra:
            sys.exit(f"{name}: named twice")
        extra[name] = (os.path.join(d, "docs.jsonl"), os.path.join(d, "gold.jsonl"))
    sets.update(extra)
    docs = []
    for name, (path, gold_path) in sets.items():
        feats, labels, keys = features(args.fynd, args.rules, path), gold(gold_path), identities(path)
        missing = sorted(set(labels) - set(feats))
        if missing:
            sys.exit(f"{name}: no features for {missing[:5]}")
        docs += [(name, i, feats[i][0], labels[i], feats[i][1], keys.get(i)) for i in sorted(labels)]
    with tempfile.NamedTemporaryFile("wb", suffix=".jsonl") as tmp:
        with gzip.open(os.path.join(shared, "corpus/regeringen/regeringen.jsonl.gz")) as g:
            tmp.write(g.read())
        tmp.flush()
        government = features(args.fynd, args.rules, tmp.name)
    empty = sum(1 for f, _ in government.values() if not f)
    docs += [("government", i, f, False, r, None) for i, (f, r) in sorted(government.items()) if f]
    data = Data(docs, len(government), empty)
    against = against_features(args.rules)
    fitted = ~np.isin(data.sets, list(extra)) | args.fit_extra
    real_sets = ["real-dev", *extra]
    government = data.sets == "government"
    total_real = int(np.isin(data.sets, real_sets).sum())

    # The options: one combination, or the best of the grid leave-one-set-out.
    combos = list(itertools.product(args.C, args.government_weight, args.written_weight))
    chosen, scored = None, None
    if args.grid:
        print(f"{'C':>7} {'gov w':>6} {'written w':>9}  real sets left out  government flagged")
    for C, gw, ww in combos:
        coef, bias = data.fit(fitted, against, C, gw, ww)
        flagged = int((government & (data.X @ coef + bias >= 0)).sum())
        ho = held_out(data, fitted, real_sets, against, C, gw, ww) if args.fit_extra else None
        right = sum(int(r.sum()) for _, r in ho.values()) if ho else 0
        if args.grid:
            print(f"{C:>7g} {gw:>6g} {ww:>9g}  {right:>5}/{total_real:<12} {flagged}")
        if (flagged <= args.max_government or not args.grid) and (chosen is None or right > scored[0]):
            chosen, scored = (C, gw, ww), (right, ho)
    if chosen is None:
        sys.exit(f"no combination flags at most {args.max_government} government texts")
    C, gw, ww = chosen
    print(f"options: --C {C:g} --government-weight {gw:g} --written-weight {ww:g}")

    # Real-dev, k-fold cross-validated: each fold scored by weights fitted on everything else
    # that holds none of its texts.
    dev = np.where(data.sets == "real-dev")[0]
    right, wrong = 0, []
    for train_dev, test_dev in StratifiedKFold(args.folds, shuffle=True, random_state=0).split(dev, data.y[dev]):
        train = fitted & ~np.isin(data.group, data.group[dev[test_dev]])
        coef, bias = data.fit(train, against, C, gw, ww)
        for i in dev[test_dev]:
            ok = (data.X[i] @ coef + bias >= 0) == bool(data.y[i])
            right += ok
            if not ok:
                wrong.append(data.docs[i][1])
    print(f"real-dev, {args.folds}-fold cross-validated: {right}/{len(dev)}")
    for i in sorted(wrong):
        print(f"  wrong: {i}")
    dev_cv = f"{right}/{len(dev)}"

    coef, bias = data.fit(fitted, against, C, gw, ww)
    score = data.X @ coef + bias
    guess = score >= 0
    if args.fit_extra:
        ho = scored[1]
        print(f"\n{'set':<22} {'current':>9} {'left out':>9} {'fitted':>9} {'keywords':>9}")
        totals = np.zeros(4, dtype=int)
        for s in real_sets:
            idx, ok = ho[s]
            gold_path, docs_path = sets[s][1], sets[s][0]
            kw = keyword_list(gold_path, docs_path)
            row = [int((data.current[idx] == (data.y[idx] == 1)).sum()), int(ok.sum()),
                   int((guess[idx] == (data.y[idx] == 1)).sum()), int(kw.split("/")[0])]
            totals += row
            print(f"{s:<22} " + " ".join(f"{f'{v}/{len(idx)}':>9}" for v in row))
        print(f"{'all real':<22} " + " ".join(f"{f'{v}/{total_real}':>9}" for v in totals))
        for s in real_sets:
            idx, ok = ho[s]
            for i, good in zip(idx, ok):
                if not good:
                    print(f"  left out, wrong: {s} {data.docs[i][1]} (gold {'relevant' if data.y[i] else 'not relevant'})")
        print()
    for s in ["articles", "seeds", "negatives", "real-dev", *extra]:
        idx = data.sets == s
        how = "fitted on" if s not in extra or args.fit_extra else "scored only"
        print(f"{s} ({how}): {int((guess[idx] == (data.y[idx] == 1)).sum())}/{int(idx.sum())}")
        for i in np.where(idx & (guess != (data.y == 1)))[0]:
            print(f"  wrong: {data.docs[i][1]} (gold {'relevant' if data.y[i] else 'not relevant'}, score {score[i]:.2f})")
    flagged = [data.docs[i][1] for i in np.where(government & guess)[0]]
    total = data.government_total
    print(f"government texts relevant: {len(flagged)}/{total} ({100 * len(flagged) / total:.2f} %; {empty} without any signal)")
    for i in flagged:
        print(f"  flagged: {i}")

    options = [f"--C {C:g}", f"--government-weight {gw:g}", f"--written-weight {ww:g}", f"--folds {args.folds}"]
    if args.fit_extra:
        options += ["--extra " + " ".join(args.extra), "--fit-extra"]
    command = "scripts/fit-relevance.sh " + " ".join(options)
    held = ""
    if args.fit_extra:
        held = f", real_sets_left_out: \"{scored[0]}/{total_real}\", sets_outside_repository: {len(extra)}"
    with open(args.out, "w") as f:
        f.write("# Written by scripts/fit_relevance.py; do not edit by hand. Rerun after changing relevance rules:\n")
        f.write(f"#   {command}\n")
        f.write("description: Fitted weights of the relevance features (see rules/README.md, Relevance).\n")
        f.write("relevance_model:\n")
        f.write(f"  fitted: {{documents: {int(fitted.sum())}, government_without_signals: {empty}, C: {C:g}, "
                f"government_weight: {gw:g}, written_weight: {ww:g}, real_dev_cross_validated: \"{dev_cv}\"{held}}}\n")
        f.write(f"  bias: {bias:.4f}\n")
        f.write("  weights:\n")
        for n, c in zip(data.names, coef):
            if abs(c) >= 5e-5:
                f.write(f"    {n}: {c:.4f}\n")
    print(f"wrote {os.path.relpath(args.out, REPO)}")


if __name__ == "__main__":
    main()
