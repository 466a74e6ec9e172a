"""Mixtures by Bengio's protocol on names_en: members fitted once, weights on val.

Each member (``kn6``; ``w{seed}e{epochs}``: the tuned MLP with 1024 hidden
units; ``a{seed}e{epochs}``: the same at a constant step size, its parameters
averaged, ``mixtures.averaged_mlp``) is fitted once on all the train names of the makemore split, two at a time;
its val and test log-probabilities are stored under ``OUT`` (with its wall and CPU
seconds). ``combine`` fits the log-linear weights on val itself (a few parameters
on 23,000 windows: barely optimistic) and prints the val NLL; ``test`` adds the
test NLL, for the configuration chosen on val only::

    python benchmarks/val_weights.py fit kn6 w0e20 w1e20 w2e20 w3e20
    python benchmarks/val_weights.py combine kn6,w0e20,w1e20 kn6,w0e20,w1e20,w2e20,w3e20
    python benchmarks/val_weights.py fit a0e20 a1e20 a2e20 a3e20
    python benchmarks/val_weights.py test LABEL,LABEL,...

The rows "weights on val" of ``mixtures.EXPLORATION`` come from it.
"""

import json
import os
import sys
import time
import warnings

import numpy as np
from _corpora import load_corpora
from joblib import Parallel, delayed
from mixtures import averaged_mlp, kn6, wide_mlp
from sklearn.pipeline import Pipeline

from sknextchar import ContextWindowTransformer
from sknextchar._mixture_weights import log_linear_log_proba, log_linear_weights

OUT = "/tmp/sknextchar-val-weights"
corpus = [c for c in load_corpora(log=lambda m: None)[0] if c.name == "names_en"][0]


def member(label):
    if label == "kn6":
        return kn6()
    seed, epochs = label[1:].split("e")
    factory = averaged_mlp if label.startswith("a") else wide_mlp
    return factory(int(seed), max_iter=int(epochs))


def fit_one(label):
    t0, c0 = time.perf_counter(), time.process_time()
    pipe = Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=6)),
            ("clf", member(label)),
        ]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipe.fit(corpus.train)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    out = {}
    for part in ("val", "test"):
        w = pipe[0].transform(getattr(corpus, part))
        out[part] = pipe[-1].predict_log_proba(w).astype(np.float32)
        out[part + "_targets"] = w.targets
    np.savez(f"{OUT}/{label}.npz", **out)
    json.dump({"wall": wall, "cpu": cpu}, open(f"{OUT}/{label}.json", "w"))
    return label, wall, cpu


def load(labels, part):
    data = [np.load(f"{OUT}/{l}.npz") for l in labels]
    return [d[part].astype(np.float64) for d in data], data[0][part + "_targets"]


def weights_on_val(labels):
    lp, t = load(labels, "val")
    w, ll, _ = log_linear_weights(lp, t)
    return w, -ll


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "fit":
        for label, wall, cpu in Parallel(n_jobs=2)(delayed(fit_one)(l) for l in args):
            print(f"{label}: fit wall {wall:.1f} s, cpu {cpu:.1f} s", flush=True)
    else:
        for spec in args:
            labels = spec.split(",")
            w, val = weights_on_val(labels)
            cpu = sum(json.load(open(f"{OUT}/{l}.json"))["cpu"] for l in labels)
            line = f"{spec}: weights {np.round(w, 3).tolist()} val {val:.4f} member cpu {cpu:.0f} s"
            if cmd == "test":
                lp, t = load(labels, "test")
                lq = log_linear_log_proba(lp, w)
                line += f" TEST {-lq[np.arange(len(t)), t].mean():.4f}"
            print(line, flush=True)
