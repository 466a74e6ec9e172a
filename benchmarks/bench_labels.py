"""Names by label (issue 15): classifying names and generating names of a label.

On the bundled labelled names (``load_indian_names(return_X_y=True)``, 15,185
name/label pairs, 3,568 female and 11,617 male), split by name (80% of the
distinct names for training, 20% held out, so the two rows of a name found in
both source lists stay on one side), the script reports:

1. Classification of the held-out names: accuracy, balanced accuracy and
   log-loss of

   - (a) a naive Bayes classifier on the last one, two and three letters and the
     letter counts (the method of the ``guess-indian-gender`` package),
     ``MultinomialNB`` with its ``alpha`` tuned by cross-validation;
   - (b) ``TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 5))`` +
     ``LogisticRegression``, ``C`` and ``class_weight`` tuned by 5-fold
     cross-validation (grouped by name) on the log-loss;
   - (b) again with the decision rule that balanced accuracy rewards: the label
     of the largest P(label | name) / P(label) (what ``priors="uniform"`` does
     for a generative classifier), for a comparison of like with like;
   - ``NameLabelClassifier`` on the tuned pipeline, fitted on 85% of the
     training names, with the label frequencies as priors, ``priors="uniform"``,
     and priors tuned on the log-loss of the other 15%;
   - ``NameLabelClassifier(calibration="temperature")`` fitted on all the
     training names (its 5-fold calibration uses only them): on the tuned
     pipeline (an ensemble of the 5 fold pipelines), on the list [tuned
     pipeline, default pipeline] (10 fold pipelines), on [tuned pipeline,
     tuned pipeline with seed 1, default pipeline] (15) and on the same three
     with a modified Kneser-Ney 5-gram per label (``PerLabelClassifier``; 20),
     the last also with ``calibration="weights"`` (a fitted weight for each of
     the four), and that one again with the three MLP pipelines fine-tuned on
     the label's log-loss (``alpha=0.05``, ``discriminative_epochs=6``); each
     also with the balanced decision.

   The ROC AUC column measures the ranking alone, whatever the decision rule.

2. The held-out NLL per character (nats, the end of each name counted) of the
   conditional model given the true label, given the wrong label, and of the
   unconditional model of the same configuration: the information a label
   carries.

3. Label fidelity: 2,000 names sampled per label from the conditional model
   (tuned pipeline, temperatures 1, 0.8 and 0.7, and at temperature 1 with
   ``min_label_proba`` 0.5 and 0.7, with and without ``novel=True``), the share
   the tuned TF-IDF classifier (b) assigns the intended label, next to its share
   on the real held-out names of that label, the share of the sampled names
   that are new (in neither list) and not training names, and the time of
   ``sample``.

Usage::

    python benchmarks/bench_labels.py            # parts 1 to 3 on one split
    python benchmarks/bench_labels.py --quick    # 8 epochs, 500 names
    python benchmarks/bench_labels.py --fidelity-only  # part 3 alone
    python benchmarks/bench_labels.py --skip-fidelity  # parts 1 and 2
    python benchmarks/bench_labels.py --splits 5  # part 1 on 5 splits
    python benchmarks/bench_labels.py --splits 5 --latest  # (a), (b) and the
        # fine-tuned ensemble only, on 5 splits
    python benchmarks/bench_labels.py --latest   # the same on one split

Time, measured on 2026-12-01 on two shared cores: ``--latest`` (split 0)
took 474 CPU-seconds and 11 minutes of wall time (one core busy), 624 s of
the wall time in the fine-tuned ensemble of 15 MLP fits and a count model per
label; five splits should take about five times as long (not measured). Before that day's fix of the MLP's
training (weights and Adam moments that sank into float32's subnormal range
made its epochs 3 to 8 times slower), split 0 of ``--latest`` had not
finished after 43 CPU-minutes. The times the docstring gave before (12, 11
and 40 minutes for the runs above) were measured with the slow training and
were not measured again.

One split's held-out names decide the balanced accuracy of about 700 female
names, so it moves by about 0.01 from split to split; ``--splits`` reports the
mean and the range over several splits (seeds ``--seed``, ``--seed`` + 1, ...).

The priors are tuned as the ``priors`` parameter allows: the model's
log-likelihoods do not depend on the priors, so the script computes them once on
the validation names and tries each prior there (what a ``GridSearchCV`` over
``priors`` would find, without refitting the same weights).
"""

import argparse
import functools
import itertools
import time

import numpy as np
from scipy.special import logsumexp
from sklearn.base import clone
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    balanced_accuracy_score,
    log_loss,
    roc_auc_score,
)
from sklearn.model_selection import GridSearchCV, GroupKFold
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import Pipeline, make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    make_default_pipeline,
    make_tuned_pipeline,
)
from sknextchar.datasets import load_indian_names

# The discriminatively fine-tuned pipelines: 6 epochs of the label's log-loss,
# with the L2 strength (0.05) that the fine-tuning wants, chosen on the
# validation names of split 0 (alpha 0.03, 0.05, 0.1; see the "Names by label"
# page).
DISCRIMINATIVE = dict(clf__alpha=0.05, clf__discriminative_epochs=6)
PRIOR_GRID = np.round(np.arange(0.05, 0.96, 0.025), 3)  # P(first label)


def split_by_name(names, labels, fraction, seed):
    """Rows of a random ``fraction`` of the distinct names, and the other rows."""
    distinct = np.unique(names)
    held = set(
        np.random.default_rng(seed).permutation(distinct)[
            : int(fraction * len(distinct))
        ]
    )
    mask = np.array([name in held for name in names])
    names, labels = np.asarray(names), np.asarray(labels)
    return (names[~mask], labels[~mask]), (names[mask], labels[mask])


def nb_features(name):
    """The features of the guess-indian-gender method: endings and letter counts."""
    features = {f"last{k}={name[-k:]}": 1 for k in (1, 2, 3)}
    for letter in name:
        features[f"count({letter})"] = features.get(f"count({letter})", 0) + 1
    return features


def naive_bayes(names, labels):
    """(a): MultinomialNB on endings and letter counts, alpha tuned by CV."""
    pipe = make_pipeline(DictVectorizer(), MultinomialNB())
    search = GridSearchCV(
        pipe, {"multinomialnb__alpha": [0.1, 0.3, 1.0, 3.0, 10.0, 30.0]},
        scoring="neg_log_loss", cv=GroupKFold(5),
    )  # fmt: skip
    search.fit([nb_features(n) for n in names], labels, groups=names)
    return search, lambda xs: [nb_features(n) for n in xs]


def tfidf_logistic(names, labels):
    """(b): char_wb 1-5 TF-IDF + logistic regression, C tuned by CV."""
    pipe = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 5)),
        LogisticRegression(max_iter=2000),
    )
    search = GridSearchCV(
        pipe,
        {
            "logisticregression__C": [1.0, 3.0, 10.0, 30.0],
            "logisticregression__class_weight": [None, "balanced"],
        },
        scoring="neg_log_loss", cv=GroupKFold(5), n_jobs=2,
    )  # fmt: skip
    search.fit(names, labels, groups=names)
    return search, lambda xs: list(xs)


def metrics_row(name, labels, proba, classes, seconds):
    """Accuracy, balanced accuracy, log-loss and ROC AUC of probabilities.

    The AUC (of the second label's probability) measures the ranking alone,
    whatever the decision rule.
    """
    predicted = classes[np.argmax(proba, axis=1)]
    return dict(
        model=name,
        accuracy=accuracy_score(labels, predicted),
        balanced_accuracy=balanced_accuracy_score(labels, predicted),
        log_loss=log_loss(labels, proba, labels=classes),
        roc_auc=roc_auc_score(np.asarray(labels) == classes[1], proba[:, 1]),
        seconds=seconds,
    )


def balanced_decision_row(row, proba, classes, train_labels, test_labels):
    """The row of ``proba`` deciding by the largest P(label | name) / P(label).

    P(label) are the label frequencies of the training names: the Bayes decision
    for balanced accuracy (the cost of an error on a label is one over its
    frequency). The log-loss is that of ``proba``, unchanged.
    """
    _, counts = np.unique(train_labels, return_counts=True)  # in classes order
    predicted = classes[np.argmax(proba / (counts / counts.sum()), axis=1)]
    return dict(
        row,
        model=row["model"] + ", balanced decision",
        accuracy=accuracy_score(test_labels, predicted),
        balanced_accuracy=balanced_accuracy_score(test_labels, predicted),
    )


def posterior(log_likelihood, prior_first):
    """P(label | name) from log P(name | label) and the prior of the first label."""
    joint = log_likelihood + np.log([prior_first, 1 - prior_first])
    return np.exp(joint - logsumexp(joint, axis=1, keepdims=True))


def tune_prior(log_likelihood, labels, classes):
    """The prior of the first label with the lowest validation log-loss."""
    losses = [
        log_loss(labels, posterior(log_likelihood, p), labels=classes)
        for p in PRIOR_GRID
    ]
    return float(PRIOR_GRID[int(np.argmin(losses))])


def fit_name_classifier(clf, names, labels):
    start = time.perf_counter()
    clf.fit(list(names), labels)
    return clf, time.perf_counter() - start


def characters(names):
    """Predicted symbols: the letters and the end of each name."""
    return sum(len(n) + 1 for n in names)


def nll_rows(clf, unconditional, names, labels):
    """Held-out NLL per character: true label, wrong label, no label."""
    ll = clf.log_likelihood(list(names))
    true = np.searchsorted(clf.classes_, labels)
    n = characters(names)
    return {
        "true label": -ll[np.arange(len(names)), true].sum() / n,
        "wrong label": -ll[np.arange(len(names)), 1 - true].sum() / n,
        "no label (unconditional model)": -unconditional.score(list(names)),
    }


# The sampler settings of the fidelity table: temperature, min_label_proba, novel.
FIDELITY_SETTINGS = (
    (1.0, None, False),
    (0.8, None, False),
    (0.7, None, False),
    (1.0, 0.5, False),
    (1.0, 0.7, False),
    (1.0, 0.5, True),
)
FIDELITY_COLUMNS = [
    "label", "temperature", "min_label_proba", "novel", "sampled_recognised",
    "real_recognised", "new", "not_training", "seconds", "examples",
]  # fmt: skip


def fidelity(pipe, train, test, tfidf, all_names, n_samples, seed):
    """Per label and sampler setting: TF-IDF's agreement on sampled and real names.

    ``new`` is the share of sampled names in neither source list,
    ``not_training`` the share not among the sampler's training names (what
    ``novel=True`` leaves out), ``seconds`` the median time of 5 ``sample``
    calls (the same seed each time).
    """
    sampler = NameSampler(FrozenEstimator(pipe)).fit(list(train[0]), train[1])
    known = set(all_names)
    rows = []
    settings = itertools.product(np.unique(train[1]), FIDELITY_SETTINGS)
    for label, (temperature, threshold, novel) in settings:
        sampler.set_params(temperature=temperature)
        request = dict(label=label, novel=novel, min_label_proba=threshold)
        seconds, sampled = median_seconds(
            functools.partial(sampler.sample, n_samples, random_state=seed, **request)
        )
        real = test[0][test[1] == label]
        rows.append(dict(
            label=label,
            temperature=temperature,
            min_label_proba=threshold,
            novel=novel,
            sampled_recognised=float(np.mean(tfidf.predict(sampled) == label)),
            real_recognised=float(np.mean(tfidf.predict(list(real)) == label)),
            new=float(np.mean([n not in known for n in sampled])),
            not_training=float(np.mean(~sampler.in_training_set(sampled))),
            seconds=seconds,
            examples=", ".join(sampled[:6]),
        ))  # fmt: skip
    return rows


def median_seconds(function, repeats=5):
    """The median time of ``repeats`` calls of ``function``, and its last result."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return float(np.median(times)), result


def fidelity_only(names, train, fit_part, test, epochs, n_samples, seed):
    """Part 3 alone (``--fidelity-only``): fit only the judge and the sampler's model.

    The TF-IDF judge (b) on the training names, the tuned conditional pipeline on
    the fitting part: the same fits as the full run, without the others.
    """
    search, _ = tfidf_logistic(list(train[0]), train[1])
    pipe = make_tuned_pipeline(random_state=0).set_params(clf__max_iter=epochs)
    pipe.fit(list(fit_part[0]), fit_part[1])
    return fidelity(
        pipe, fit_part, test, search.best_estimator_, names, n_samples, seed
    )


def neural_rows(epochs, splits, classes, latest=False):
    """NameLabelClassifier rows: priors by frequency, uniform, tuned; calibrated.

    ``latest``: only the ensembles of discriminatively fine-tuned pipelines.
    """
    fit_part, val, train, test = splits
    tuned = make_tuned_pipeline(random_state=0).set_params(clf__max_iter=epochs)
    default = make_default_pipeline(random_state=0).set_params(clf__max_iter=epochs)
    seed1 = make_tuned_pipeline(random_state=1).set_params(clf__max_iter=epochs)
    counts = count_pipeline()
    mmi = [clone(pipe).set_params(**DISCRIMINATIVE) for pipe in (tuned, seed1, default)]
    ensembles = (
        ("[tuned, tuned s1, default, KN 5-gram per label], discriminative (20)",
         ([*mmi, counts], "weights")),
    )  # fmt: skip
    if latest:
        return calibrated_rows(ensembles, train, test, classes), None, tuned
    clf, seconds = fit_name_classifier(NameLabelClassifier(tuned), *fit_part)
    rows = prior_rows(
        "NameLabelClassifier, tuned pipeline", clf.log_likelihood(list(val[0])),
        clf.log_likelihood(list(test[0])), val, test, classes,
        clf.class_prior_[0], seconds,
    )  # fmt: skip
    ensembles = (
        ("tuned pipeline (5 fold pipelines)", tuned),
        ("[tuned, default] (10 fold pipelines)", [tuned, default]),
        ("[tuned, tuned seed 1, default] (15)", [tuned, seed1, default]),
        (
            "[tuned, tuned seed 1, default, KN 5-gram per label] (20)",
            [tuned, seed1, default, counts],
        ),
        (
            "[tuned, tuned seed 1, default, KN 5-gram per label] (20)",
            ([tuned, seed1, default, counts], "weights"),
        ),
        *ensembles,
    )
    return rows + calibrated_rows(ensembles, train, test, classes), clf, tuned


def calibrated_rows(ensembles, train, test, classes):
    """Calibrated NameLabelClassifier rows (and balanced decision) of each ensemble."""
    rows = []
    for name, estimator in ensembles:
        estimator, calibration = (
            estimator if isinstance(estimator, tuple) else (estimator, "temperature")
        )
        calibrated, seconds = fit_name_classifier(
            NameLabelClassifier(estimator, calibration=calibration), *train
        )
        print(
            f"calibrated {name}: temperature {calibrated.temperature_:.3f}, "
            f"priors {calibrated.class_prior_.round(3).tolist()}, pool weights "
            f"{calibrated.pool_weights_.round(3).tolist()}"
        )
        proba = calibrated.predict_proba(list(test[0]))
        rows.append(metrics_row(
            f'NameLabelClassifier(calibration="{calibration}"), {name}',
            test[1], proba, classes, seconds,
        ))  # fmt: skip
        rows.append(balanced_decision_row(rows[-1], proba, classes, train[1], test[1]))
    return rows


def count_pipeline():
    """A modified Kneser-Ney 5-gram per label (continuation padding)."""
    return Pipeline([
        ("windows", ContextWindowTransformer(context_length=4)),
        ("clf", PerLabelClassifier(
            KneserNeyClassifier(order=5, padding="continuation"))),
    ])  # fmt: skip


def prior_rows(name, val_ll, test_ll, val, test, classes, frequency, seconds):
    """Rows with priors: label frequencies, uniform, tuned on the validation names."""
    tuned = tune_prior(val_ll, val[1], classes)
    return [
        metrics_row(f"{name}, {what}", test[1], posterior(test_ll, p), classes, seconds)
        for what, p in (
            ("priors = frequencies", frequency),
            ('priors="uniform"', 0.5),
            (f"priors tuned ({tuned:.3f}, {1 - tuned:.3f})", tuned),
        )
    ]


def print_table(rows, columns):
    widths = [max(len(c), *(len(_fmt(r[c])) for r in rows)) for c in columns]
    print(" | ".join(c.ljust(w) for c, w in zip(columns, widths)))
    print("-|-".join("-" * w for w in widths))
    for r in rows:
        print(" | ".join(_fmt(r[c]).ljust(w) for c, w in zip(columns, widths)))


def _fmt(value):
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def classification(seed, epochs, latest=False):
    """Part 1 on the split of ``seed``: the rows, and what parts 2 and 3 reuse."""
    names, labels = load_indian_names(return_X_y=True)
    train, test = split_by_name(names, labels, 0.2, seed)
    fit_part, val = split_by_name(*train, 0.15, seed + 1)
    classes = np.unique(labels)
    print(
        f"split {seed}: train {len(train[0]):,} rows ({len(fit_part[0]):,} fit + "
        f"{len(val[0]):,} validation), test {len(test[0]):,} rows"
    )
    rows = []
    for name, make in (
        ("(a) naive Bayes, endings + letter counts", naive_bayes),
        ("(b) TF-IDF char_wb 1-5 + logistic regression", tfidf_logistic),
    ):
        start = time.perf_counter()
        search, features = make(list(train[0]), train[1])
        proba = search.predict_proba(features(test[0]))
        rows.append(
            metrics_row(
                name, test[1], proba, search.classes_, time.perf_counter() - start
            )
        )
        print(f"{name}: best {search.best_params_}")
    tfidf = search.best_estimator_
    rows.append(balanced_decision_row(
        rows[-1], proba, search.classes_, train[1], test[1]
    ))  # fmt: skip
    neural, best, tuned = neural_rows(
        epochs, (fit_part, val, train, test), classes, latest
    )
    context = dict(
        names=names, train=train, fit_part=fit_part, test=test, tfidf=tfidf,
        best=best, tuned=tuned,
    )  # fmt: skip
    return rows + neural, context


def summary_rows(per_split):
    """Mean and spread of each model's metrics over the splits."""
    rows = []
    for i, first in enumerate(per_split[0]):
        values = {
            key: np.array([split[i][key] for split in per_split])
            for key in SUMMARY_KEYS
        }
        rows.append(dict(model=first["model"], **{
            key: f"{v.mean():.4f} ({v.min():.4f}-{v.max():.4f})"
            for key, v in values.items()
        }))  # fmt: skip
    return rows


SUMMARY_KEYS = ["accuracy", "balanced_accuracy", "log_loss", "roc_auc"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer epochs and samples")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--fidelity-only", action="store_true", help="only part 3, label fidelity"
    )
    parser.add_argument(
        "--skip-fidelity", action="store_true", help="parts 1 and 2, not part 3"
    )
    parser.add_argument(
        "--splits", type=int, default=1,
        help="part 1 alone on this many splits (seeds SEED, SEED + 1, ...): the "
        "mean, smallest and largest of each metric",
    )  # fmt: skip
    parser.add_argument(
        "--latest", action="store_true",
        help="part 1 alone (on --splits splits, 1 by default): of the "
        "NameLabelClassifier rows, only the ensembles of discriminatively "
        "fine-tuned pipelines",
    )  # fmt: skip
    args = parser.parse_args(argv)
    epochs = 8 if args.quick else 20
    n_samples = 500 if args.quick else 2000
    if args.fidelity_only:
        names, labels = load_indian_names(return_X_y=True)
        train, test = split_by_name(names, labels, 0.2, args.seed)
        fit_part, _ = split_by_name(*train, 0.15, args.seed + 1)
        rows = fidelity_only(names, train, fit_part, test, epochs, n_samples, args.seed)
        print(f"\n3. Label fidelity of {n_samples:,} sampled names per label\n")
        print_table(rows, FIDELITY_COLUMNS)
        return
    columns = ["model", *SUMMARY_KEYS]
    if args.splits > 1 or args.latest:  # --latest alone: part 1 on one split
        per_split = []
        for seed in range(args.seed, args.seed + args.splits):
            per_split.append(classification(seed, epochs, args.latest)[0])
            print(f"\n1. Split {seed}\n")
            print_table(per_split[-1], [*columns, "seconds"])
        print(f"\n1. Mean (smallest-largest) over {args.splits} splits\n")
        print_table(summary_rows(per_split), columns)
        return
    rows, ctx = classification(args.seed, epochs)
    print("\n1. Classification of held-out names (split by name)\n")
    print_table(rows, [*columns, "seconds"])
    unconditional = clone(ctx["tuned"]).fit(list(ctx["fit_part"][0]))
    print("\n2. Held-out NLL per character (nats), tuned pipeline\n")
    for what, value in nll_rows(ctx["best"], unconditional, *ctx["test"]).items():
        print(f"  {what:32s} {value:.4f}")
    if args.skip_fidelity:
        return
    print(
        f"\n3. Label fidelity of {n_samples:,} sampled names per label (tuned pipeline, TF-IDF (b) as judge)\n"
    )
    print_table(
        fidelity(
            ctx["best"].pipeline_, ctx["fit_part"], ctx["test"], ctx["tfidf"],
            ctx["names"], n_samples, args.seed,
        ),
        FIDELITY_COLUMNS,
    )  # fmt: skip


if __name__ == "__main__":
    main()
