"""What a scikit-learn user expects of the estimators (session 57): the class of
the error for a missing name, ``n_iter_`` and ``t_`` over ``partial_fit`` calls,
and the names of the windows' context columns."""

import pickle
import warnings

import numpy as np
import pandas as pd
import pytest
import sklearn
from sklearn.exceptions import NotFittedError
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    CharWindows,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)

NAMES = ["abid", "amit", "asha", "sam", "rita", "ravi", "anil", "sunil", "meera"]
LABELS = ["m", "m", "f", "m", "f", "m", "m", "m", "f"]


@pytest.fixture(scope="module")
def pipe():
    return make_pipeline(
        ContextWindowTransformer(context_length=2), KneserNeyClassifier()
    ).fit(NAMES)


def _calls(pipe):
    """Each public entry point that reads names, by what a user calls."""
    fresh = lambda: make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())  # noqa: E731
    by_label = lambda: make_pipeline(  # noqa: E731
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )
    return {
        "transformer.fit": lambda X: ContextWindowTransformer().fit(X),
        "transformer.transform": lambda X: pipe[0].transform(X),
        "pipe.fit": lambda X: fresh().fit(X),
        "pipe.score": lambda X: pipe.score(X),
        "pipe.predict_proba": lambda X: pipe.predict_proba(X),
        "sampler.score_samples": lambda X: (
            NameSampler(pipe).fit(NAMES).score_samples(X)
        ),
        "label.fit": lambda X: NameLabelClassifier(by_label()).fit(X, LABELS[: len(X)]),
        "label.predict": lambda X: (
            NameLabelClassifier(by_label()).fit(NAMES, LABELS).predict(X)
        ),
    }


MISSING = {
    "nan": (np.nan, "NaN"),
    "None": (None, "None"),
    "pd.NA": (pd.NA, "<NA>"),
}


@pytest.mark.parametrize("value", sorted(MISSING))
@pytest.mark.parametrize(
    "call",
    [
        "transformer.fit",
        "transformer.transform",
        "pipe.fit",
        "pipe.score",
        "pipe.predict_proba",
        "sampler.score_samples",
        "label.fit",
        "label.predict",
    ],
)
def test_a_missing_name_is_a_value_error_and_a_type_error(pipe, call, value):
    # scikit-learn raises a ValueError for a missing value in X; code written
    # before catches the TypeError raised then: both work.
    missing, shown = MISSING[value]
    names = pd.Series(
        ["abid", "ravi", missing, "asha"], index=[10, 11, 12, 13], dtype=object
    )
    with pytest.raises(ValueError) as caught:
        _calls(pipe)[call](names)
    assert isinstance(caught.value, TypeError)
    assert str(caught.value).startswith(
        f"Input names contains {shown}: names.iloc[2] (position 2, index label 12) "
        f"= {missing!r} is a missing value;"
    )


def test_the_error_of_a_missing_name_keeps_its_classes_when_moved_or_pickled():
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer().fit(["abid", None])
    error = caught.value
    for copy in (error.moved(100), pickle.loads(pickle.dumps(error))):
        assert isinstance(copy, ValueError) and isinstance(copy, TypeError)
    assert "names[101] = None is a missing value" in str(error.moved(100))


def test_a_missing_name_in_an_unordered_exclude_is_both_classes_too(pipe):
    sampler = NameSampler(pipe).fit(NAMES)
    with pytest.raises(ValueError) as caught:
        sampler.sample(2, exclude={"abid", None}, random_state=0)
    assert isinstance(caught.value, TypeError)
    assert "an element of exclude = None is a missing value" in str(caught.value)


def test_a_name_of_another_type_is_still_a_type_error_only():
    with pytest.raises(TypeError) as caught:
        ContextWindowTransformer().fit(["abid", 3])
    assert not isinstance(caught.value, ValueError)


def test_partial_fit_counts_n_iter_and_t_as_scikit_learn_s_mlp_does():
    # scikit-learn's MLPClassifier: n_iter_ is the epochs of the last call (1
    # after partial_fit), t_ and loss_curve_ go on over the calls.
    windows = ContextWindowTransformer(context_length=2).fit_transform(NAMES)
    ids = windows.contexts.astype(float)
    ours = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(4,), max_iter=3, batch_size=8, random_state=0
    )
    theirs = MLPClassifier(
        hidden_layer_sizes=(4,), max_iter=3, batch_size=8, random_state=0
    )
    seen = {"ours": [], "theirs": []}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning of 3 epochs
        for _ in range(2):
            ours.partial_fit(windows)
            theirs.partial_fit(ids, windows.targets, classes=np.unique(windows.targets))
            seen["ours"].append((ours.n_iter_, ours.t_, len(ours.loss_curve_)))
            seen["theirs"].append((theirs.n_iter_, theirs.t_, len(theirs.loss_curve_)))
        ours.fit(windows)
        theirs.fit(ids, windows.targets)
        seen["ours"].append((ours.n_iter_, ours.t_))
        seen["theirs"].append((theirs.n_iter_, theirs.t_))
    n = len(windows)
    assert seen["ours"] == seen["theirs"] == [(1, n, 1), (1, 2 * n, 2), (3, 3 * n)]


def test_the_windows_name_their_context_columns(pipe):
    names = pipe[:-1].get_feature_names_out()
    assert names.tolist() == ["context_-2", "context_-1"]
    assert names.dtype == object
    assert len(names) == pipe[-1].n_features_in_ == pipe[0].transform(["ali"]).shape[1]
    assert pipe[0].get_feature_names_out(["x"]).tolist() == names.tolist()
    # Column j of windows.contexts is the symbol len(names) - j places back.
    windows = pipe[0].transform(["abid"])
    frame = pd.DataFrame(windows.contexts, columns=names)
    assert frame["context_-1"].tolist()[1:] == [
        pipe[0].vocabulary_.index(c) for c in "abid"
    ]


def test_the_column_names_need_a_fitted_transformer():
    with pytest.raises(NotFittedError):
        ContextWindowTransformer().get_feature_names_out()


def test_pandas_output_set_globally_leaves_the_windows_as_they_are():
    with sklearn.config_context(transform_output="pandas"):
        transformer = ContextWindowTransformer(context_length=2)
        assert isinstance(transformer.fit_transform(NAMES), CharWindows)
        assert isinstance(transformer.transform(NAMES), CharWindows)
        pipe = make_pipeline(transformer, KneserNeyClassifier()).fit(NAMES)
        assert np.isfinite(pipe.score(NAMES))


def test_pandas_output_of_a_pipeline_is_refused_with_the_way_to_a_table():
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    with pytest.raises(ValueError, match=r"get_feature_names_out\(\)"):
        pipe.set_output(transform="pandas")
