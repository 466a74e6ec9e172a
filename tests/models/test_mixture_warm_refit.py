"""MixtureClassifier(refit="warm_start"): members that train by epochs continue
from their fit without the held-out names; the others are fitted again."""

import copy
import pickle

import numpy as np
import pytest
from sklearn.pipeline import Pipeline
from sklearn.utils._param_validation import InvalidParameterError

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
)
from sknextchar.callbacks import History
from sknextchar.datasets import load_indian_names

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

NAMES = load_indian_names()[::20]
WINDOWS = ContextWindowTransformer(context_length=3).fit_transform(NAMES)


def members():
    mlp = CharEmbeddingMLPClassifier(
        embedding_dim=4, hidden_layer_sizes=(16,), max_iter=3, random_state=0
    )
    return [("kn", KneserNeyClassifier(order=3)), ("mlp", mlp)]


def fit_mixture(**params):
    return MixtureClassifier(members(), random_state=0, **params).fit(WINDOWS)


def same_model(a, b):
    proba_a, proba_b = a.predict_proba(WINDOWS), b.predict_proba(WINDOWS)
    return np.array_equal(proba_a, proba_b)


def test_continued_members_equal_a_warm_started_fit_by_hand():
    # The oracle: the members fitted without the held-out names (refit=False),
    # the MLP then continued by hand with warm_start for refit_max_iter epochs
    # on every name, the count model fitted again on every name.
    kept = fit_mixture(refit=False)
    warm = fit_mixture(refit="warm_start", refit_max_iter=2)
    np.testing.assert_array_equal(warm.weights_, kept.weights_)
    by_hand = copy.deepcopy(kept.estimators_[1])
    by_hand.set_params(warm_start=True, max_iter=2).fit(WINDOWS)
    assert same_model(warm.estimators_[1], by_hand)
    assert not same_model(warm.estimators_[1], kept.estimators_[1])
    assert warm.estimators_[1].n_iter_ == 2
    kn_all = KneserNeyClassifier(order=3).fit(WINDOWS)
    assert same_model(warm.estimators_[0], kn_all)
    # Not a refit from scratch either.
    cold = fit_mixture(refit=True)
    assert not same_model(warm.estimators_[1], cold.estimators_[1])
    assert same_model(warm.estimators_[0], cold.estimators_[0])


def test_continued_members_keep_their_parameters():
    warm = fit_mixture(refit="warm_start", refit_max_iter=2)
    for (_, given), fitted in zip(warm.estimators, warm.estimators_):
        assert fitted.get_params() == given.get_params()
        assert fitted is not given
    assert not hasattr(warm.estimators[1][1], "coefs_")  # the template is unfitted


def test_without_resumable_members_it_is_a_refit():
    two_kn = [("kn2", KneserNeyClassifier(order=2)), ("kn3", KneserNeyClassifier())]
    warm = MixtureClassifier(two_kn, refit="warm_start", random_state=0).fit(WINDOWS)
    cold = MixtureClassifier(two_kn, refit=True, random_state=0).fit(WINDOWS)
    assert same_model(warm, cold)


@pytest.mark.slow
def test_in_parallel_it_gives_the_same_model():
    one = fit_mixture(refit="warm_start", refit_max_iter=2)
    two = fit_mixture(refit="warm_start", refit_max_iter=2, n_jobs=2)
    assert same_model(one, two)


def test_callbacks_see_the_epochs_of_the_continuation():
    history = History()
    pipe = Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=3)),
            ("clf", MixtureClassifier(members(), refit="warm_start", refit_max_iter=2)),
        ]
    ).set_callbacks(history)
    pipe.fit(NAMES)
    # Three epochs without the held-out names, then two more on all of them,
    # numbered on from the first fit as a warm-started fit numbers them.
    assert [record["epoch"] for record in history.records] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    "params, match",
    [
        ({"refit": "warm"}, "'refit' parameter"),
        ({"refit_max_iter": 0}, "'refit_max_iter' parameter"),
    ],
)
def test_bad_values_are_refused_by_name(params, match):
    with pytest.raises(InvalidParameterError, match=match):
        fit_mixture(**params)


def test_a_model_saved_before_refit_max_iter_loads_with_its_default():
    fitted = fit_mixture(refit="warm_start")
    state = fitted.__getstate__()
    del state["refit_max_iter"]
    old = MixtureClassifier.__new__(MixtureClassifier)
    old.__setstate__(state)
    assert old.get_params()["refit_max_iter"] == 5
    assert "MixtureClassifier" in repr(old)
    assert same_model(pickle.loads(pickle.dumps(old)), fitted)


def test_a_member_that_missed_a_class_is_fitted_again():
    # Array input: a label of one row, held out with random_state=0, is unknown
    # to the member fitted without it; continuing it failed (a message about
    # partial_fit's classes), so it is fitted again as with refit=True.
    names = ["abid", "amit", "asha", "ravi", "sita", "zoya"] * 5
    windows = ContextWindowTransformer().fit_transform(names)
    X, y = windows.contexts, np.asarray(windows.targets).copy()
    y[7] = 99
    kept = MixtureClassifier(members(), refit=False, random_state=0).fit(X, y)
    assert 99 not in kept.estimators_[1].classes_  # the case this test is about
    warm = MixtureClassifier(members(), refit="warm_start", random_state=0)
    cold = MixtureClassifier(members(), refit=True, random_state=0)
    warm.fit(X, y), cold.fit(X, y)
    assert 99 in warm.estimators_[1].classes_
    np.testing.assert_array_equal(warm.predict_proba(X), cold.predict_proba(X))
