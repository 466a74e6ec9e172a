"""Every constructor parameter given a wrong value fails at fit, in its words.

For each public estimator, each parameter gets values of the wrong type, out of
range, NaN or an unknown option. ``fit`` of an estimator already fitted must
refuse each with a ValueError or TypeError that names the parameter and shows
the value given (never an error from deep inside NumPy), and leave the
estimator as it was: still fitted, the same state to the byte.
"""

import functools
import math
import pickle
import re
import warnings

import pytest
import sklearn
from sklearn.base import BaseEstimator
from sklearn.pipeline import Pipeline

import sknextchar
from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)
from tests._cases import run_cases

NAMES = ["asha", "ravi", "amitabh", "uma", "zoe", "arun"]
LABELS = ["f", "m", "m", "f", "f", "m"]
WINDOWS = ContextWindowTransformer(context_length=2).fit_transform(NAMES)
NAN = math.nan


def _kn_pipe():
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=2)),
            ("clf", KneserNeyClassifier()),
        ]
    )


def _label_pipe():
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=2)),
            ("clf", PerLabelClassifier(KneserNeyClassifier())),
        ]
    )


# name: (a new estimator, its fit, {parameter: bad values}).
ESTIMATORS = {
    "ContextWindowTransformer": (
        lambda: ContextWindowTransformer(context_length=2),
        lambda est: est.fit(NAMES),
        {
            "context_length": ["3", -1, 0, 2.5, NAN, None],
            "alphabet": [3, None, ["ab", "c"], ""],
            "lowercase": ["yes", 2, None],
            "strip_accents": ["bogus", 1],
            "unit": ["bogus", None],
            "handle_unknown": ["bogus", None],
            "end_symbol": ["", "ab", 1, None],
        },
    ),
    "CharEmbeddingMLPClassifier": (
        lambda: CharEmbeddingMLPClassifier(
            embedding_dim=2, hidden_layer_sizes=(3,), max_iter=1, random_state=0
        ),
        lambda est: est.fit(WINDOWS),
        {
            "embedding_dim": ["3", 0, -1, 2.5, NAN],
            "hidden_layer_sizes": ["55", (0,), (-3,), (2.5,), (NAN,), ("a",)],
            "activation": ["bogus", None],
            "alpha": ["0.1", -1.0, NAN],
            "dropout": [-0.1, 1.0, NAN, "0"],
            "batch_size": [0, -1, "8", 2.5],
            "learning_rate": ["bogus", None],
            "learning_rate_init": [0, -1.0, NAN, "0.1"],
            "max_iter": [0, -1, "5", 2.5],
            "shuffle": ["yes", None],
            "random_state": ["a", -1, 2.5],
            "tol": [-1.0, NAN, "0"],
            "verbose": ["yes", -1],
            "warm_start": ["yes", None],
            "early_stopping": ["yes", None],
            "validation_fraction": [-0.1, 1.0, NAN, "0.1"],
            "beta_1": [1.0, -0.1, NAN],
            "beta_2": [1.0, -0.1, NAN],
            "epsilon": [0.0, -1.0, NAN],
            "n_iter_no_change": [0, -1, "5"],
            "dtype": ["float16", "bogus", None],
            "label_embedding_dim": [0, -1, "2", 2.5],
            "discriminative_epochs": [-1, "1", 2.5],
            "discriminative_weight": [-1.0, NAN, "1"],
            "average": [0.0, 1.0, 1.5, NAN, "0.5"],
        },
    ),
    "KneserNeyClassifier": (
        KneserNeyClassifier,
        lambda est: est.fit(WINDOWS),
        {
            "order": [0, -1, "3", 2.5],
            "padding": ["bogus", None],
            "add_k": [-1.0, NAN, "1"],
            "discount_fallback": [
                "abc",
                (0.5,),
                (NAN, 1, 1.5),
                (-1, 1, 1.5),
                (2, 1, 1),
            ],
        },
    ),
    "MixtureClassifier": (
        lambda: MixtureClassifier(
            [("kn", KneserNeyClassifier()), ("add1", KneserNeyClassifier(add_k=1))]
        ),
        lambda est: est.fit(WINDOWS),
        {
            "estimators": [[], None, "kn"],
            "combine": ["bogus", None],
            "weights": ["bogus", [1.0], [NAN, 1.0], [-1.0, 2.0], [0, 0]],
            "validation_fraction": [0.0, 1.0, NAN, "0.1"],
            "refit": ["bogus", None],
            "refit_max_iter": [0, -1, "5"],
            "max_iter": [0, -1, "5"],
            "tol": [-1.0, NAN, "0"],
            "n_jobs": [0, "2", 2.5],
            "random_state": ["a", -1],
        },
    ),
    "PerLabelClassifier": (
        lambda: PerLabelClassifier(KneserNeyClassifier()),
        lambda est: est.fit(WINDOWS, LABELS),
        {"estimator": [3, "kn"], "n_jobs": [0, "2", 2.5]},
    ),
    "NameLabelClassifier": (
        lambda: NameLabelClassifier(_label_pipe(), calibration="temperature", cv=2),
        lambda est: est.fit(NAMES, LABELS),
        {
            "estimator": [3, "pipe", []],
            "priors": ["bogus", [0.2], [NAN, 1.0], {"f": -1.0, "m": 2.0}],
            "calibration": ["bogus", 1],
            "cv": [1, 0, -1, "3", 2.5],
            "ensemble": ["yes", None],
        },
    ),
    "NameSampler": (
        lambda: NameSampler(_kn_pipe()),
        lambda est: est.fit(NAMES),
        {
            # A model without its ContextWindowTransformer: "NameSampler needs
            # a Pipeline ...", which did not name the parameter estimator.
            "estimator": [3, None, "pipe", KneserNeyClassifier()],
            "temperature": [-1.0, NAN, "1"],
            "top_k": [0, -1, "3", 2.5],
            "top_p": [0.0, 1.5, NAN, "0.9"],
            "min_length": [0, -1, "3", 2.5],
            "max_length": [0, -1, "3", 2.5],
        },
    ),
}


def _has_nan(value):
    if isinstance(value, (list, tuple, dict)):
        return any(map(_has_nan, value.values() if isinstance(value, dict) else value))
    return isinstance(value, float) and math.isnan(value)


# A NaN again under assume_finite=True, which skips scikit-learn's checks of
# NaN in the data, not the package's checks of its parameters.
CASES = [
    (f"{name}-{param}-{bad!r}{mark}", (name, param, bad, finite))
    for name, (_, _, table) in ESTIMATORS.items()
    for param, values in table.items()
    for bad in values
    for finite, mark in [(False, ""), (True, "-assume_finite")]
    if not finite or _has_nan(bad)
]


@pytest.fixture(scope="module")
def fitted():
    """Each estimator fitted once, as bytes (each test loads its own copy)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {
            name: pickle.dumps(fit(make()))
            for name, (make, fit, _) in ESTIMATORS.items()
        }


def test_every_parameter_of_every_estimator_is_listed():
    public = {
        name
        for name in sknextchar.__all__
        if isinstance(getattr(sknextchar, name), type)
        and issubclass(getattr(sknextchar, name), BaseEstimator)
    }
    assert sorted(ESTIMATORS) == sorted(public)  # a new estimator is not missed
    for name, (make, _, table) in ESTIMATORS.items():
        assert type(make()).__name__ == name
        assert sorted(table) == sorted(make().get_params(deep=False)), name


def _shown(value):
    """Patterns of how a message may show the value given: itself, after "got",
    or the wrong part of it (of a list, tuple or dict), as a whole word."""
    end = r"(?!\w|\.\d)"  # so 0 is not found in 0.5 or 05
    if isinstance(value, float) and math.isnan(value):
        return [rf"[Gg]ot nan{end}"]
    if hasattr(value, "get_params"):  # an estimator: by its class
        return [rf"[Gg]ot {type(value).__name__}{end}"]
    if not isinstance(value, (list, tuple, dict)):
        return [rf"[Gg]ot {re.escape(repr(value))}{end}"] + (
            ["is empty"] if value == "" else []
        )
    parts = [re.escape(repr(value))] + [
        rf"(?<![\w.'\"-]){re.escape(repr(part))}{end}" for part in value
    ]
    if isinstance(value, tuple):  # numbers may be shown as floats
        numbers = tuple(float(v) for v in value if not isinstance(v, str))
        parts.append(re.escape(repr(numbers)))
    # After "got" (the part given) or as the whole value, or how it is empty.
    return [rf"[Gg]ot .*{part}" for part in parts] + [
        "empty",
        rf"shape \({len(value)},\)",
    ]


def test_a_bad_parameter_fails_at_fit_in_its_words_and_changes_nothing(fitted):
    # Each case takes milliseconds: one item runs them all (tests/_cases.py).
    check = functools.partial(_bad_parameter_fails_at_fit, fitted)
    run_cases(CASES, check, at_least=214)


def _bad_parameter_fails_at_fit(fitted, name, param, bad, assume_finite):
    _, fit, _ = ESTIMATORS[name]
    estimator = pickle.loads(fitted[name]).set_params(**{param: bad})
    before = pickle.dumps(estimator)
    with warnings.catch_warnings(), sklearn.config_context(assume_finite=assume_finite):
        warnings.simplefilter("ignore")
        with pytest.raises((ValueError, TypeError)) as caught:
            fit(estimator)
    message = str(caught.value)
    assert param in message
    assert any(re.search(shown, message) for shown in _shown(bad)), message
    assert pickle.dumps(estimator) == before
