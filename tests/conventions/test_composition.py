"""The package inside stock scikit-learn: Pipeline, searches, cross-validation."""

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import (
    GridSearchCV,
    KFold,
    RandomizedSearchCV,
    cross_val_predict,
    cross_val_score,
    cross_validate,
    learning_curve,
    validation_curve,
)
from sklearn.pipeline import Pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar.datasets import load_indian_names
from sknextchar.metrics import SCORERS, neg_bits_per_char, neg_perplexity

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

NAMES = load_indian_names()[::60]  # 252 names, spread over the alphabet


def make_pipe(context_length=2, embedding_dim=3, **clf_params):
    params = dict(hidden_layer_sizes=(16,), max_iter=3, random_state=0)
    params.update(clf_params)
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=context_length)),
            (
                "clf",
                CharEmbeddingMLPClassifier(embedding_dim=embedding_dim, **params),
            ),
        ]
    )


@pytest.fixture(scope="module")
def fitted_pipe():
    return make_pipe().fit(NAMES)


def test_pipeline_fits_on_names_without_y(fitted_pipe):
    clf = fitted_pipe.named_steps["clf"]
    assert list(clf.classes_) == list(fitted_pipe.named_steps["windows"].vocabulary_)
    proba = fitted_pipe.predict_proba(["abid", "ali"])
    assert proba.shape == (5 + 4, 27)
    np.testing.assert_allclose(proba.sum(axis=1), 1, rtol=1e-5)
    assert fitted_pipe.predict(["abid"]).shape == (5,)
    assert set(fitted_pipe.predict(["abid"])) <= set(clf.classes_)


def test_pipeline_score_is_mean_log_likelihood_per_char(fitted_pipe):
    windows = fitted_pipe.named_steps["windows"].transform(NAMES[:40])
    proba = fitted_pipe.predict_proba(NAMES[:40])
    by_hand = np.mean(np.log(proba[np.arange(len(windows)), windows.targets]))
    assert fitted_pipe.score(NAMES[:40]) == pytest.approx(by_hand, rel=1e-5)
    assert fitted_pipe.score(NAMES[:40]) < 0


@pytest.mark.parametrize(
    "names",
    [np.array(NAMES), np.array(NAMES, dtype=object), pd.Series(NAMES)],
    ids=["str-array", "object-array", "series"],
)
def test_array_and_series_input(fitted_pipe, names):
    expected = fitted_pipe.predict_proba(NAMES[:10])
    np.testing.assert_array_equal(fitted_pipe.predict_proba(names[:10]), expected)
    refit = make_pipe().fit(names)
    np.testing.assert_array_equal(refit.predict_proba(NAMES[:10]), expected)


@pytest.mark.slow
def test_grid_search_ranks_by_held_out_likelihood_with_two_jobs():
    cv = KFold(n_splits=3, shuffle=True, random_state=0)
    grid = {"windows__context_length": [1, 3], "clf__embedding_dim": [2, 4]}
    search = GridSearchCV(make_pipe(), grid, cv=cv, n_jobs=2).fit(NAMES)
    assert set(search.best_params_) == set(grid)
    assert len(search.cv_results_["mean_test_score"]) == 4
    assert search.best_score_ == np.max(search.cv_results_["mean_test_score"])
    assert hasattr(search.best_estimator_, "predict_proba")
    # The held-out score of the best setting, recomputed by hand on the same
    # folds: fit on the training names, score the test names.
    names = np.array(NAMES)
    by_hand = [
        make_pipe()
        .set_params(**search.best_params_)
        .fit(names[train].tolist())
        .score(names[test].tolist())
        for train, test in cv.split(names)
    ]
    assert search.best_score_ == pytest.approx(np.mean(by_hand), rel=1e-6)
    # Context length 1 cannot see "ab" before "i": more context must win here.
    assert search.best_params_["windows__context_length"] == 3


def test_randomized_search_and_scorers():
    search = RandomizedSearchCV(
        make_pipe(),
        {"clf__embedding_dim": [2, 3, 4], "windows__context_length": [2, 3]},
        n_iter=2,
        cv=2,
        random_state=0,
        scoring=neg_bits_per_char,
    ).fit(NAMES)
    assert search.best_score_ < 0
    assert set(search.best_params_) == {"clf__embedding_dim", "windows__context_length"}
    best = search.best_estimator_
    assert neg_bits_per_char(best, NAMES) == pytest.approx(
        best.score(NAMES) / np.log(2)
    )


def test_cross_val_score_and_cross_validate():
    pipe = make_pipe()
    scores = cross_val_score(pipe, NAMES, cv=3)
    assert scores.shape == (3,) and np.all(scores < 0)
    results = cross_validate(pipe, NAMES, cv=3, scoring=SCORERS)
    ll = results["test_log_likelihood"]
    np.testing.assert_allclose(ll, scores, rtol=1e-6)
    np.testing.assert_allclose(results["test_neg_bits_per_char"], ll / np.log(2))
    np.testing.assert_allclose(results["test_neg_perplexity"], -np.exp(-ll))


def test_neg_perplexity_scorer_matches_definition(fitted_pipe):
    ll = fitted_pipe.score(NAMES[:30])
    assert neg_perplexity(fitted_pipe, NAMES[:30]) == pytest.approx(-np.exp(-ll))


def test_validation_and_learning_curves():
    train, test = validation_curve(
        make_pipe(),
        NAMES,
        y=None,
        param_name="clf__embedding_dim",
        param_range=[2, 4],
        cv=2,
    )
    assert train.shape == test.shape == (2, 2)
    sizes, train, test = learning_curve(
        make_pipe(),
        NAMES,
        y=None,
        train_sizes=[0.5, 1.0],
        cv=2,
        shuffle=True,
        random_state=0,
    )
    assert list(sizes) == [63, 126] and test.shape == (2, 2)


def test_neg_log_loss_cannot_work_and_says_why(fitted_pipe):
    # Pipeline.fit(names) has no y, so a scorer that compares with y_true cannot run.
    with pytest.raises(TypeError, match="y_true"):
        cross_val_score(
            make_pipe(), NAMES, cv=2, scoring="neg_log_loss", error_score="raise"
        )


def test_cross_val_predict_is_refused_clearly():
    with pytest.raises(TypeError, match="cross_val_predict"):
        cross_val_predict(make_pipe(), NAMES, cv=2, method="predict_proba")


def test_clone_params_and_repr(fitted_pipe):
    unfitted = clone(fitted_pipe)
    with pytest.raises(NotFittedError):
        unfitted.predict_proba(["abid"])
    params = fitted_pipe.get_params()
    assert params["windows__context_length"] == 2
    assert params["clf__embedding_dim"] == 3
    pipe = make_pipe().set_params(windows__context_length=4, clf__embedding_dim=5)
    assert pipe.named_steps["windows"].context_length == 4
    assert pipe.named_steps["clf"].embedding_dim == 5
    assert "CharEmbeddingMLPClassifier(embedding_dim=3" in repr(fitted_pipe)
    html = fitted_pipe._repr_html_()
    assert (
        "sknextchar.readthedocs.io/en/latest/generated/"
        "sknextchar.CharEmbeddingMLPClassifier.html" in html
    )
    assert "sknextchar.ContextWindowTransformer.html" in html
