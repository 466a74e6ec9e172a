"""MixtureClassifier members set to "drop", as scikit-learn's VotingClassifier:
left out of the fit, the weights, the predictions, sampling and the saved file."""

import pickle

import joblib
import numpy as np
import pytest
from joblib import parallel_config
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.pipeline import Pipeline
from sklearn.utils.estimator_checks import parametrize_with_checks

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameSampler,
    load_model,
    save_model,
)
from sknextchar.datasets import load_indian_names
from sknextchar.exceptions import DamagedModelError
from tests._sklearn_checks import FLOAT_X_WEIGHT_CHECKS

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

NAMES = load_indian_names()[::40]
TRAIN, HELD_OUT = NAMES[::2], NAMES[1::2]


def tiny_mlp():
    return CharEmbeddingMLPClassifier(
        embedding_dim=3, hidden_layer_sizes=(8,), max_iter=1, random_state=0
    )


def pipeline(members, **params):
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=3)),
            ("clf", MixtureClassifier(members, random_state=0, **params)),
        ]
    )


def alone(member):
    return Pipeline(
        [("windows", ContextWindowTransformer(context_length=3)), ("kn", member)]
    ).fit(TRAIN)


@pytest.mark.parametrize("combine", ["linear", "log-linear"])
def test_a_dropped_member_is_not_fitted_and_has_no_weight(combine):
    members = [("kn", KneserNeyClassifier(order=3)), ("mlp", tiny_mlp())]
    pipe = pipeline(members, combine=combine).set_params(clf__mlp="drop").fit(TRAIN)
    mixture = pipe["clf"]
    assert [type(m).__name__ for m in mixture.estimators_] == ["KneserNeyClassifier"]
    assert mixture.weights_.shape == (1,)
    assert mixture.member_validation_scores_.shape == (1,)
    # The parameter keeps the "drop": a clone or a refit drops it again.
    assert mixture.estimators[1] == ("mlp", "drop")
    if combine == "linear":  # one member: the member itself
        kn = alone(KneserNeyClassifier(order=3))
        np.testing.assert_allclose(
            pipe.predict_log_proba(HELD_OUT), kn.predict_log_proba(HELD_OUT), atol=1e-12
        )


def test_given_weights_count_the_dropped_member_and_ignore_it():
    members = [
        ("kn3", KneserNeyClassifier(order=3)),
        ("mlp", "drop"),
        ("kn2", KneserNeyClassifier(order=2)),
    ]
    pipe = pipeline(members, weights=[2, 100, 6]).fit(TRAIN)
    assert pipe["clf"].weights_.tolist() == [0.25, 0.75]
    kn3, kn2 = alone(KneserNeyClassifier(order=3)), alone(KneserNeyClassifier(order=2))
    expected = 0.25 * kn3.predict_proba(HELD_OUT) + 0.75 * kn2.predict_proba(HELD_OUT)
    np.testing.assert_allclose(pipe.predict_proba(HELD_OUT), expected, rtol=1e-12)


def test_weights_zero_on_every_kept_member_are_refused():
    members = [("kn", KneserNeyClassifier()), ("mlp", "drop")]
    with pytest.raises(ValueError, match="not all zero on the members kept"):
        pipeline(members, weights=[0, 1]).fit(TRAIN)


def test_all_members_dropped_is_a_clear_error_and_keeps_the_fit():
    members = [("kn", KneserNeyClassifier()), ("add1", KneserNeyClassifier(add_k=1))]
    pipe = pipeline(members).fit(TRAIN)
    before = pipe.predict_log_proba(HELD_OUT[:5])
    pipe.set_params(clf__kn="drop", clf__add1="drop")
    with pytest.raises(ValueError, match="Every member of estimators is 'drop'"):
        pipe.fit(TRAIN)
    assert len(pipe["clf"].estimators_) == 2  # the failed fit changed nothing
    np.testing.assert_array_equal(pipe.predict_log_proba(HELD_OUT[:5]), before)


def test_params_clone_and_html_with_a_dropped_member():
    mixture = MixtureClassifier([("kn", KneserNeyClassifier()), ("mlp", tiny_mlp())])
    mixture.set_params(mlp="drop")
    params = mixture.get_params(deep=True)
    assert params["mlp"] == "drop" and not any(k.startswith("mlp__") for k in params)
    assert clone(mixture).estimators[1] == ("mlp", "drop")
    assert "drop" in repr(mixture) and "drop" in mixture._repr_html_()


def test_grid_search_tries_the_mixture_with_and_without_a_member():
    members = [("kn", KneserNeyClassifier(order=3)), ("mlp", tiny_mlp())]
    search = GridSearchCV(
        pipeline(members),
        {"clf__mlp": [tiny_mlp(), "drop"]},
        cv=KFold(2, shuffle=True, random_state=0),
        n_jobs=2,
        error_score="raise",
    )
    # Two jobs in threads: processes would cost 3 s of starting and importing.
    with parallel_config(backend="threading"):
        search.fit(TRAIN)
    scores = search.cv_results_["mean_test_score"]
    assert np.all(np.isfinite(scores)) and scores[0] != scores[1]
    n_members = 2 if search.best_index_ == 0 else 1
    assert len(search.best_estimator_["clf"].estimators_) == n_members
    # Process jobs would get each candidate pickled: a "drop" survives it.
    dropped = pipeline(members).set_params(clf__mlp="drop")
    dropped = pickle.loads(pickle.dumps(dropped)).fit(TRAIN)
    assert len(dropped["clf"].estimators_) == 1


def test_a_dropped_member_is_not_saved_and_sampling_works(tmp_path):
    members = [("kn", KneserNeyClassifier(order=3)), ("mlp", "drop")]
    pipe = pipeline(members).fit(TRAIN)
    loaded = load_model(save_model(pipe, tmp_path / "dropped.skops"))
    assert [type(m).__name__ for m in loaded["clf"].estimators_] == [
        "KneserNeyClassifier"
    ]
    np.testing.assert_array_equal(
        loaded.predict_log_proba(HELD_OUT), pipe.predict_log_proba(HELD_OUT)
    )
    names = NameSampler(loaded).fit(TRAIN).sample(5, random_state=0)
    assert len(names) == 5 and all(names)


@parametrize_with_checks(
    [
        MixtureClassifier(
            [
                ("kn", KneserNeyClassifier()),
                ("gone", "drop"),
                ("add1", KneserNeyClassifier(add_k=1)),
            ],
            random_state=0,
        )
    ],
    expected_failed_checks=lambda estimator: FLOAT_X_WEIGHT_CHECKS,
)
def test_sklearn_compatible_with_a_dropped_member(estimator, check):
    check(estimator)


# ------------------------------------------------------------ named_estimators_


def named_mixture():
    members = [
        ("kn", KneserNeyClassifier(order=3)),
        ("gone", "drop"),
        ("add1", KneserNeyClassifier(order=2, add_k=1)),
    ]
    return pipeline(members, weights=[1, 1, 1]).fit(TRAIN)["clf"]


def assert_named_as_fitted(mixture):
    named = mixture.named_estimators_
    assert list(named) == ["kn", "gone", "add1"] and named.gone == "drop"
    assert (
        named.kn is mixture.estimators_[0] and named["add1"] is mixture.estimators_[1]
    )


def test_named_estimators_as_voting_classifier():
    unfitted = MixtureClassifier([("kn", KneserNeyClassifier())])
    assert not hasattr(unfitted, "named_estimators_")
    mixture = named_mixture()
    assert_named_as_fitted(mixture)
    # As scikit-learn's ensembles: the names of the fit, until the next fit.
    mixture.set_params(kn="drop", gone=KneserNeyClassifier())
    assert_named_as_fitted(mixture)
    assert not hasattr(clone(mixture), "named_estimators_")


@pytest.mark.parametrize("suffix", [".skops", ".joblib"])
def test_named_estimators_after_a_round_trip(tmp_path, suffix):
    loaded = load_model(
        save_model(named_mixture(), tmp_path / f"m{suffix}"), allow_pickle=True
    )
    assert_named_as_fitted(loaded)


@pytest.mark.parametrize("suffix", [".skops", ".joblib"])
def test_named_estimators_of_a_model_saved_without_them(tmp_path, suffix):
    old = named_mixture()
    del old._member_names  # what a mixture fitted by an older sknextchar holds
    assert_named_as_fitted(
        load_model(save_model(old, tmp_path / f"old{suffix}"), allow_pickle=True)
    )
    # Its estimators changed after the fit: no names to give, and it says why.
    old.set_params(gone=KneserNeyClassifier())
    loaded = load_model(
        save_model(old, tmp_path / f"changed{suffix}"), allow_pickle=True
    )
    with pytest.raises(AttributeError, match="changed after it was fitted"):
        loaded.named_estimators_  # noqa: B018
    assert len(loaded.estimators_) == 2


def test_a_damaged_record_of_member_names_is_refused_at_load(tmp_path):
    mixture = named_mixture()
    mixture._member_names = [("kn", True)]  # 2 fitted members
    path = tmp_path / "damaged.joblib"
    joblib.dump(mixture, path)
    with pytest.raises(DamagedModelError, match="record of member names"):
        load_model(path, allow_pickle=True)
