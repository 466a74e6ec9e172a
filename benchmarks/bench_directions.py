"""Direction ensembles of the generative classifier of names by label (issue #15).

A character model factorises ``P(name | label)`` left to right; the same model
fitted on the names read backwards factorises it right to left, reads the end of
a name (where most of the label's evidence is) first, and makes other errors.
This script measures each direction alone and both together in
:class:`~sknextchar.NameLabelClassifier`'s calibration, on the splits of
``bench_labels.py`` (80% of the distinct names for training, 20% held out,
seeds ``--seed``, ``--seed`` + 1, ...), beside (b), the tuned TF-IDF logistic
regression of that script.

The classifier has no option to read names backwards, so the script does what
its ``calibration`` does, with the package's functions: the training names are
cut into 5 folds by name (:class:`~sklearn.model_selection.StratifiedGroupKFold`,
the classifier's default ``cv``); each member is fitted on each fold's other
names (a backward member on the reversed names) and scores the fold's names (out
of fold) and the test names (the mean over the 5 fold fits, as ``ensemble=True``
pools them). One member is calibrated by ``fit_temperature``, several by
``fit_pool_weights`` (``calibration="weights"``). The test names are used for
the table only. Reported: the balanced accuracy with the balanced decision (the
label of the largest P(label | name) / P(label), as in ``bench_labels.py``), the
log-loss and the ROC AUC, per split and their mean.

Members (``--members``): ``kn``, the Kneser-Ney 5-gram per label of
``bench_labels.py`` (a fraction of a second a fit); ``mlp``, its tuned pipeline
fine-tuned (``alpha=0.05``, ``discriminative_epochs=6``, 20 epochs)::

    python benchmarks/bench_directions.py --members kn --splits 5
    python benchmarks/bench_directions.py --members mlp,kn

Time, measured on 2026-12-03 on two heavily shared cores with a first version
of this script (the same folds and calibration; split 0 of ``--members kn`` run
again with this one gave the same rows): ``--members kn --splits 5`` 160 s of
wall time, most of it (b)'s search; ``--members mlp,kn`` (split 0) 536 s, nearly
all of it in the 10 MLP fits. The rows of the "Names by label" page come from
these two runs.
"""

import argparse
import itertools
import time

import numpy as np
from bench_labels import (
    DISCRIMINATIVE,
    balanced_decision_row,
    count_pipeline,
    metrics_row,
    split_by_name,
    tfidf_logistic,
)
from scipy.special import logsumexp
from sklearn.model_selection import StratifiedGroupKFold

from sknextchar import NameLabelClassifier, make_tuned_pipeline
from sknextchar._label_calibration import fit_pool_weights, fit_temperature
from sknextchar.datasets import load_indian_names

MEMBERS = {
    "kn": count_pipeline,
    "mlp": lambda: make_tuned_pipeline(random_state=0).set_params(
        clf__max_iter=20, **DISCRIMINATIVE
    ),
}
COLUMNS = ["model", "balanced_accuracy", "log_loss", "roc_auc", "weights"]


def reversed_names(names):
    """Each name read backwards: the input of a backward member."""
    return [name[::-1] for name in names]


def member_scores(make, train, test_names, folds):
    """Out-of-fold log P(name | label) of the training names, and the test names'
    (the mean over the fold fits), of the member ``make()``."""
    names, labels = train
    held_out = np.full((len(names), len(np.unique(labels))), np.nan)
    test = 0.0
    for fit_rows, held_rows in folds:
        clf = NameLabelClassifier(make())
        clf.fit([names[i] for i in fit_rows], labels[fit_rows])
        held_out[held_rows] = clf.log_likelihood([names[i] for i in held_rows])
        test = test + clf.log_likelihood(test_names) / len(folds)
    return held_out, test


def calibrated_proba(held_out, test, y_index):
    """P(label | name) of the test names, calibrated on the out-of-fold scores
    (lists, one array per member), and the fitted weight of each member."""
    if len(held_out) == 1:
        temperature, log_prior = fit_temperature(held_out[0], y_index)
        weights = np.array([temperature])
    else:
        weights, log_prior = fit_pool_weights(np.stack(held_out, axis=1), y_index)
    joint = np.tensordot(weights, np.stack(test), axes=1) + log_prior
    return np.exp(joint - logsumexp(joint, axis=1, keepdims=True)), weights


def split_rows(seed, members, names, labels):
    """The rows of one split: (b), then each direction and both, per member."""
    train, test = split_by_name(names, labels, 0.2, seed)
    classes = np.unique(labels)
    folds = list(StratifiedGroupKFold(5).split(*train, groups=train[0]))
    search, _ = tfidf_logistic(list(train[0]), train[1])
    proba = search.predict_proba(list(test[0]))
    rows = [_row("(b) TF-IDF + LR", proba, [], train, test, classes)]
    scores = {}
    for member, backward in itertools.product(members, (False, True)):
        read = reversed_names if backward else list
        start = time.perf_counter()
        scores[member, backward] = member_scores(
            MEMBERS[member], (read(train[0]), train[1]), read(test[0]), folds
        )
        seconds = time.perf_counter() - start
        print(f"split {seed}, {member} {_way(backward)}: {seconds:.0f} s")
    combos = [[(m, False)] for m in members] + [[(m, True)] for m in members]
    combos += [[(m, False), (m, True)] for m in members]
    if len(members) > 1:
        combos += [[(m, b) for m in members] for b in (False, True)]
        combos += [list(scores)]
    y_index = np.searchsorted(classes, train[1])
    for combo in combos:
        held_out, tested = zip(*(scores[key] for key in combo), strict=True)
        proba, weights = calibrated_proba(list(held_out), list(tested), y_index)
        name = " + ".join(f"{m} {_way(b)}" for m, b in combo)
        rows.append(_row(name, proba, weights, train, test, classes))
    return rows


def _way(backward):
    return "backward" if backward else "forward"


def _row(name, proba, weights, train, test, classes):
    row = metrics_row(name, test[1], proba, classes, 0.0)
    row = balanced_decision_row(row, proba, classes, train[1], test[1])
    return dict(row, model=name, weights=" ".join(f"{w:.2f}" for w in weights))


def print_rows(rows):
    for row in rows:
        print(" | ".join(_fmt(row[c]) for c in COLUMNS))


def _fmt(value):
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def mean_rows(per_split):
    """Each model's mean over the splits, and its per-split values."""
    rows = []
    for i, first in enumerate(per_split[0]):
        row = dict(model=first["model"], weights="")
        for key in COLUMNS[1:4]:
            values = [split[i][key] for split in per_split]
            row[key] = f"{np.mean(values):.4f} ({' '.join(f'{v:.4f}' for v in values)})"
        rows.append(row)
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--members", default="kn", help="kn, mlp or mlp,kn")
    parser.add_argument("--splits", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    members = args.members.split(",")
    names, labels = load_indian_names(return_X_y=True)
    per_split = []
    print("columns: " + ", ".join(COLUMNS) + " (balanced decision)")
    for seed in range(args.seed, args.seed + args.splits):
        per_split.append(split_rows(seed, members, names, labels))
        print(f"\nsplit {seed}")
        print_rows(per_split[-1])
    print(f"\nmean (per split) over {args.splits} splits")
    print_rows(mean_rows(per_split))
    return per_split


if __name__ == "__main__":
    main()
