"""Stock scikit-learn tools as a data scientist reaches for them: the scorers of
``sknextchar.metrics`` with ``sample_weight``, in searches and cross-validation,
with and without metadata routing; names from pandas and NumPy; one-pass
iterables; ``Pipeline(memory=...)``; successive halving (docs/composition.rst)."""

import pickle
import warnings

import joblib
import numpy as np
import pandas as pd
import pytest
import sklearn
from sklearn.model_selection import GridSearchCV, KFold, cross_validate
from sklearn.pipeline import Pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar.datasets import load_indian_names
from sknextchar.metrics import (
    SCORERS,
    log_likelihood,
    neg_bits_per_char,
    neg_perplexity,
)

NAMES = np.array(load_indian_names()[::100])
# Names starting with "a" count three times: their weights change every score.
WEIGHTS = np.where(np.char.startswith(NAMES, "a"), 3.0, 1.0)
CV = KFold(2, shuffle=True, random_state=0)
NEEDS_STRING_DTYPE = pytest.mark.skipif(
    not hasattr(np.dtypes, "StringDType"), reason="StringDType: NumPy >= 2.0"
)
GRID = {"estimator__windows__context_length": [1, 2]}


def kn_pipe():
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=2)),
            ("clf", KneserNeyClassifier()),
        ]
    )


def sampler():
    return NameSampler(kn_pipe())


@pytest.fixture(scope="module")
def fitted():
    return sampler().fit(NAMES)


def test_scorers_take_sample_weight_as_score_does(fitted):
    weighted = fitted.score(NAMES[:20], sample_weight=WEIGHTS[:20])
    assert weighted != pytest.approx(fitted.score(NAMES[:20]))
    assert log_likelihood(fitted, NAMES[:20], sample_weight=WEIGHTS[:20]) == weighted
    assert neg_bits_per_char(
        fitted, NAMES[:20], sample_weight=WEIGHTS[:20]
    ) == pytest.approx(weighted / np.log(2))
    assert neg_perplexity(
        fitted, NAMES[:20], sample_weight=WEIGHTS[:20]
    ) == pytest.approx(-np.exp(-weighted))


def test_search_with_all_scorers_and_sample_weight():
    # scikit-learn >= 1.7 asks each scorer of a dict whether it takes
    # sample_weight; plain functions made it fail with an AttributeError.
    default = GridSearchCV(sampler(), GRID, cv=CV).fit(NAMES, sample_weight=WEIGHTS)
    search = GridSearchCV(
        sampler(), GRID, cv=CV, scoring=SCORERS, refit="log_likelihood"
    ).fit(NAMES, sample_weight=WEIGHTS)
    np.testing.assert_allclose(
        search.cv_results_["mean_test_log_likelihood"],
        default.cv_results_["mean_test_score"],
    )


def test_search_with_one_scorer_weighs_the_held_out_names():
    default = GridSearchCV(sampler(), GRID, cv=CV).fit(NAMES, sample_weight=WEIGHTS)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "does not support sample_weight"
        search = GridSearchCV(sampler(), GRID, cv=CV, scoring=log_likelihood)
        search.fit(NAMES, sample_weight=WEIGHTS)
    np.testing.assert_allclose(
        search.cv_results_["mean_test_score"], default.cv_results_["mean_test_score"]
    )


def routed_sampler():
    return (
        sampler()
        .set_fit_request(sample_weight=True)
        .set_score_request(sample_weight=True)
    )


def test_routing_passes_sample_weight_to_the_scorers():
    with sklearn.config_context(enable_metadata_routing=True):
        params = {"sample_weight": WEIGHTS}
        default = cross_validate(routed_sampler(), NAMES, cv=CV, params=params)
        scores = cross_validate(
            routed_sampler(), NAMES, cv=CV, scoring=SCORERS, params=params
        )
        one = cross_validate(
            routed_sampler(), NAMES, cv=CV, scoring=neg_perplexity, params=params
        )
    expected = default["test_score"]
    np.testing.assert_allclose(scores["test_log_likelihood"], expected)
    np.testing.assert_allclose(scores["test_neg_perplexity"], -np.exp(-expected))
    np.testing.assert_allclose(one["test_score"], -np.exp(-expected))


def test_set_score_request_false_gives_an_unweighted_scorer():
    unweighted = log_likelihood.set_score_request(sample_weight=False)
    assert log_likelihood.set_score_request(sample_weight=True) is log_likelihood
    with sklearn.config_context(enable_metadata_routing=True):
        scores = cross_validate(
            routed_sampler(),
            NAMES,
            cv=CV,
            scoring={"ll": unweighted, "weighted": log_likelihood},
            params={"sample_weight": WEIGHTS},
        )
    by_hand = [
        sampler().fit(NAMES[train], sample_weight=WEIGHTS[train]).score(NAMES[test])
        for train, test in CV.split(NAMES)
    ]
    np.testing.assert_allclose(scores["test_ll"], by_hand)
    assert not np.allclose(scores["test_weighted"], by_hand)
    assert "sample_weight=False" in repr(unweighted)
    # A search holding it pickles (joblib.dump of a fitted search, n_jobs>1).
    again = pickle.loads(pickle.dumps(unweighted))
    model = sampler().fit(NAMES)
    assert again(model, NAMES, sample_weight=WEIGHTS) == model.score(NAMES)


def test_fitted_search_with_the_scorers_survives_joblib(tmp_path):
    search = GridSearchCV(
        sampler(),
        GRID,
        cv=CV,
        scoring={"ll": log_likelihood.set_score_request(sample_weight=False)},
        refit="ll",
    ).fit(NAMES)
    joblib.dump(search, tmp_path / "search.joblib")
    again = joblib.load(tmp_path / "search.joblib")
    assert again.score(NAMES[:10]) == search.score(NAMES[:10])


@pytest.mark.parametrize(
    "make_input",
    [
        lambda names: (name for name in names),
        lambda names: map(str, names),
        lambda names: iter(names),
    ],
    ids=["generator", "map", "iterator"],
)
def test_one_pass_iterables_are_refused_with_what_to_pass(make_input):
    pipe = kn_pipe()
    with pytest.raises(TypeError, match=r"read only once.*list\(\.\.\.\)"):
        pipe.fit(make_input(NAMES.tolist()))
    assert not hasattr(pipe["windows"], "vocabulary_")


@pytest.mark.parametrize(
    "make_input",
    [
        lambda names: pd.Series(names, index=np.arange(len(names))[::-1] * 7),
        lambda names: pd.Series(pd.Categorical(names)),
        lambda names: pd.DataFrame({"name": names})["name"].astype("string"),
        pytest.param(
            lambda names: np.array(names, dtype=np.dtypes.StringDType()),
            marks=NEEDS_STRING_DTYPE,
        ),
        tuple,
    ],
    ids=["series-index", "categorical", "string-dtype", "numpy-StringDType", "tuple"],
)
def test_pandas_and_numpy_names_fit_as_a_list(make_input):
    expected = kn_pipe().fit(NAMES.tolist()).predict_proba(["abid", "zoya"])
    names = make_input(NAMES.tolist())
    pipe = kn_pipe().fit(names)
    np.testing.assert_array_equal(
        pipe.predict_proba(make_input(["abid", "zoya"])), expected
    )


def test_pipeline_memory_reuses_the_windows(tmp_path, monkeypatch):
    cuts = []
    fit_transform = ContextWindowTransformer.fit_transform

    def counted(self, X, y=None):
        cuts.append(len(X))
        return fit_transform(self, X, y)

    monkeypatch.setattr(ContextWindowTransformer, "fit_transform", counted)
    memory = joblib.Memory(tmp_path, verbose=0)
    first = Pipeline(kn_pipe().steps, memory=memory).fit(NAMES)
    again = Pipeline(kn_pipe().steps, memory=memory).fit(NAMES)
    assert cuts == [len(NAMES)]  # the second fit was a cache hit
    assert again["windows"].vocabulary_ == first["windows"].vocabulary_
    np.testing.assert_array_equal(
        again.predict_proba(["abid"]), first.predict_proba(["abid"])
    )


def test_halving_search_over_names_with_min_resources():
    from sklearn.experimental import enable_halving_search_cv  # noqa: F401
    from sklearn.model_selection import HalvingGridSearchCV

    search = HalvingGridSearchCV(
        kn_pipe(),
        {"windows__context_length": [1, 2, 3]},
        resource="n_samples",
        min_resources=50,
        cv=CV,
        random_state=0,
    ).fit(NAMES)
    assert search.n_resources_[0] == 50
    assert search.best_params_["windows__context_length"] in (1, 2, 3)


def test_scorers_refuse_a_score_that_is_no_log_likelihood():
    # NameLabelClassifier.score is the accuracy of its labels (ClassifierMixin):
    # scored as a log-likelihood, 0.9 would read as a near-perfect model.
    from sknextchar import NameLabelClassifier, PerLabelClassifier

    labels = np.where(np.char.endswith(NAMES, "a"), "a", "other")
    pipe = Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=2)),
            ("clf", PerLabelClassifier(KneserNeyClassifier())),
        ]
    )
    for scorer in (log_likelihood, neg_bits_per_char, neg_perplexity):
        with pytest.raises(TypeError, match="NameLabelClassifier.score.*neg_log_loss"):
            cross_validate(
                NameLabelClassifier(pipe),
                NAMES,
                labels,
                cv=CV,
                scoring=scorer,
                error_score="raise",
            )
