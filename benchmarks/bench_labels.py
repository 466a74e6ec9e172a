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
   - ``NameLabelClassifier`` on the tuned pipeline (three variants: seeds 0 and
     1, and context 4) and on the default pipeline, each with the label
     frequencies as priors, ``priors="uniform"``, and priors tuned on the
     log-loss of a validation part of the training names (15%); and the
     ensemble of the four (the mean of their P(name | label), computed from
     ``log_likelihood``) with the same three priors.

2. The held-out NLL per character (nats, the end of each name counted) of the
   conditional model given the true label, given the wrong label, and of the
   unconditional model of the same configuration: the information a label
   carries.

3. Label fidelity: 2,000 names sampled per label from the conditional model
   (tuned pipeline, temperatures 1, 0.8 and 0.7), the share the tuned TF-IDF
   classifier (b) assigns the intended label, next to its share on the real
   held-out names of that label, and the share of the sampled names that are
   new (in neither list).

Usage::

    python benchmarks/bench_labels.py            # about 5 minutes on 2 cores
    python benchmarks/bench_labels.py --quick    # 8 epochs, 500 names: 2 minutes

The priors are tuned as the ``priors`` parameter allows: the model's
log-likelihoods do not depend on the priors, so the script computes them once on
the validation names and tries each prior there (what a ``GridSearchCV`` over
``priors`` would find, without refitting the same weights).
"""

import argparse
import itertools
import time

import numpy as np
from scipy.special import logsumexp
from sklearn.base import clone
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, balanced_accuracy_score, log_loss
from sklearn.model_selection import GridSearchCV, GroupKFold
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import make_pipeline

from sknextchar import (
    NameLabelClassifier,
    NameSampler,
    make_default_pipeline,
    make_tuned_pipeline,
)
from sknextchar.datasets import load_indian_names

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
    """Accuracy, balanced accuracy and log-loss of probabilities."""
    predicted = classes[np.argmax(proba, axis=1)]
    return dict(
        model=name,
        accuracy=accuracy_score(labels, predicted),
        balanced_accuracy=balanced_accuracy_score(labels, predicted),
        log_loss=log_loss(labels, proba, labels=classes),
        seconds=seconds,
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


def fit_name_classifier(pipe, names, labels):
    clf = NameLabelClassifier(pipe)
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


def fidelity(pipe, train, test, tfidf, all_names, n_samples, seed):
    """Per label and temperature: TF-IDF's agreement on sampled and real names."""
    sampler = NameSampler(FrozenEstimator(pipe)).fit(list(train[0]), train[1])
    known = set(all_names)
    rows = []
    for label, temperature in itertools.product(np.unique(train[1]), (1.0, 0.8, 0.7)):
        sampler.set_params(temperature=temperature)
        sampled = sampler.sample(n_samples, label=label, random_state=seed)
        real = test[0][test[1] == label]
        rows.append(dict(
            label=label,
            temperature=temperature,
            sampled_recognised=float(np.mean(tfidf.predict(sampled) == label)),
            real_recognised=float(np.mean(tfidf.predict(list(real)) == label)),
            new=float(np.mean([n not in known for n in sampled])),
            examples=", ".join(sampled[:8]),
        ))  # fmt: skip
    return rows


def neural_rows(configs, fit_part, val, test, classes):
    """NameLabelClassifier rows: priors by frequency, uniform, tuned; the ensemble."""
    rows, val_ll, test_ll, fitted = [], [], [], {}
    for name, pipe in configs.items():
        clf, seconds = fit_name_classifier(pipe, *fit_part)
        fitted[name] = clf
        val_ll.append(clf.log_likelihood(list(val[0])))
        test_ll.append(clf.log_likelihood(list(test[0])))
        rows += prior_rows(
            f"NameLabelClassifier, {name}", val_ll[-1], test_ll[-1], val, test,
            classes, clf.class_prior_[0], seconds,
        )  # fmt: skip
    total = sum(row["seconds"] for row in rows[::3])
    rows += prior_rows(
        f"ensemble of the {len(configs)} NameLabelClassifiers",
        logsumexp(np.stack(val_ll), axis=0) - np.log(len(val_ll)),
        logsumexp(np.stack(test_ll), axis=0) - np.log(len(test_ll)),
        val, test, classes, fitted[next(iter(configs))].class_prior_[0], total,
    )  # fmt: skip
    return rows, fitted


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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer epochs and samples")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    names, labels = load_indian_names(return_X_y=True)
    train, test = split_by_name(names, labels, 0.2, args.seed)
    fit_part, val = split_by_name(*train, 0.15, args.seed + 1)
    classes = np.unique(labels)
    print(
        f"train {len(train[0]):,} rows ({len(fit_part[0]):,} fit + {len(val[0]):,} validation), test {len(test[0]):,} rows"
    )
    epochs = 8 if args.quick else 20
    configs = {
        "tuned pipeline": make_tuned_pipeline(random_state=0),
        "tuned, seed 1": make_tuned_pipeline(random_state=1),
        "tuned, context 4": make_tuned_pipeline(random_state=2).set_params(
            windows__context_length=4
        ),
        "default pipeline": make_default_pipeline(random_state=0),
    }
    for pipe in configs.values():
        pipe.set_params(clf__max_iter=epochs)
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
    neural, fitted = neural_rows(configs, fit_part, val, test, classes)
    rows += neural
    print("\n1. Classification of held-out names (split by name)\n")
    print_table(rows, ["model", "accuracy", "balanced_accuracy", "log_loss", "seconds"])
    best = fitted["tuned pipeline"]
    unconditional = clone(configs["tuned pipeline"]).fit(list(fit_part[0]))
    print("\n2. Held-out NLL per character (nats), tuned pipeline\n")
    for what, value in nll_rows(best, unconditional, *test).items():
        print(f"  {what:32s} {value:.4f}")
    n_samples = 500 if args.quick else 2000
    print(
        f"\n3. Label fidelity of {n_samples:,} sampled names per label (tuned pipeline, TF-IDF (b) as judge)\n"
    )
    print_table(
        fidelity(best.pipeline_, fit_part, test, tfidf, names, n_samples, args.seed),
        [
            "label",
            "temperature",
            "sampled_recognised",
            "real_recognised",
            "new",
            "examples",
        ],
    )


if __name__ == "__main__":
    main()
