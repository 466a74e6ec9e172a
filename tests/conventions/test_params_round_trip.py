"""get_params, set_params and clone of the estimators with nested members.

A clone has the same parameters as the original, deep ones included (what a
search relies on), whatever the nesting: a mixture with a dropped member inside
a PerLabelClassifier inside a pipeline inside a NameSampler, or a
NameLabelClassifier of such pipelines.
"""

import pickle

import numpy as np
import pytest
from sklearn.base import BaseEstimator, clone
from sklearn.frozen import FrozenEstimator
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
    make_default_pipeline,
)


def nested_pipeline():
    mixture = MixtureClassifier(
        [
            ("kn", KneserNeyClassifier(order=3, add_k=0.5)),
            ("off", "drop"),
            ("mlp", CharEmbeddingMLPClassifier(hidden_layer_sizes=(8, 4))),
        ],
        combine="log-linear",
        weights=np.array([0.5, 0.2, 0.5]),
    )
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=3, alphabet="abc")),
            ("clf", PerLabelClassifier(mixture, n_jobs=2)),
        ]
    )


ESTIMATORS = {
    "sampler": lambda: NameSampler(nested_pipeline(), temperature=0.7, top_k=3),
    "frozen-sampler": lambda: NameSampler(FrozenEstimator(nested_pipeline())),
    "classifier-one": lambda: NameLabelClassifier(nested_pipeline(), cv=3),
    "classifier-list": lambda: NameLabelClassifier(
        [nested_pipeline(), make_default_pipeline()], priors=np.array([0.3, 0.7])
    ),
    "classifier-named": lambda: NameLabelClassifier(
        [("counts", nested_pipeline()), ("mlp", make_default_pipeline())],
        priors={"female": 0.5, "male": 0.5},
        calibration="temperature",
    ),
    "per-label": lambda: PerLabelClassifier(nested_pipeline()["clf"].estimator),
}


def same(a, b):
    """Equal values; estimators (compared key by key elsewhere) of the same class."""
    if isinstance(a, BaseEstimator) or isinstance(b, BaseEstimator):
        return type(a) is type(b)
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return type(a) is type(b) and np.array_equal(a, b)
    return type(a) is type(b) and a == b


def check_same_params(expected, got):
    assert sorted(got) == sorted(expected)
    different = [key for key in expected if not same(expected[key], got[key])]
    assert different == []


@pytest.mark.parametrize("name", list(ESTIMATORS))
def test_a_clone_has_the_same_deep_params(name):
    estimator = ESTIMATORS[name]()
    params = estimator.get_params(deep=True)
    if name != "classifier-list":  # unnamed pipelines have no parameter names
        assert "__" in "".join(params)  # nested members are reached
    check_same_params(params, clone(estimator).get_params(deep=True))


@pytest.mark.parametrize("name", list(ESTIMATORS))
def test_setting_all_params_back_changes_nothing(name):
    estimator = ESTIMATORS[name]()
    params = estimator.get_params(deep=True)
    copy = clone(estimator)
    copy.set_params(**clone(params, safe=False))
    check_same_params(params, copy.get_params(deep=True))


def test_a_nested_parameter_reaches_the_member_through_every_level():
    sampler = ESTIMATORS["sampler"]()
    key = "estimator__clf__estimator__mlp__alpha"
    assert sampler.get_params()[key] == 0.01
    copy = clone(sampler).set_params(**{key: 0.5})
    assert copy.get_params()[key] == 0.5
    assert sampler.get_params()[key] == 0.01  # the original is untouched
    classifier = ESTIMATORS["classifier-named"]()
    key = "estimator__counts__clf__estimator__kn__order"
    copy = clone(classifier).set_params(**{key: 5})
    assert copy.get_params()[key] == 5 and classifier.get_params()[key] == 3


@pytest.mark.parametrize(
    "estimator, key",
    [
        (PerLabelClassifier(), "estimator__add_k"),
        (NameLabelClassifier(), "estimator__clf__alpha"),
    ],
    ids=["PerLabelClassifier", "NameLabelClassifier"],
)
def test_a_parameter_of_a_default_estimator_is_refused_with_what_to_pass(
    estimator, key
):
    # estimator=None stands for a default fit builds: scikit-learn's set_params
    # met None with "'NoneType' object has no attribute 'set_params'".
    before = pickle.dumps(estimator)
    whose = type(estimator).__name__
    with pytest.raises(
        ValueError, match=f"^Cannot set {key} on {whose}: estimator is None"
    ):
        estimator.set_params(**{key: 0.5})
    assert pickle.dumps(estimator) == before


def _per_label_sampler(model=None):
    windows = ContextWindowTransformer(context_length=2)
    return NameSampler(
        Pipeline([("windows", windows), ("clf", PerLabelClassifier(model))])
    )


def test_the_refusal_from_a_nested_default_names_whose_estimator_is_none():
    # Was "Cannot set estimator__add_k: estimator is None", although the
    # sampler's estimator (the one the user sees first) is not None.
    sampler = _per_label_sampler()
    before = pickle.dumps(sampler)
    with pytest.raises(
        ValueError, match=r"^Cannot set estimator__add_k on PerLabelClassifier:"
    ):
        sampler.set_params(estimator__clf__estimator__add_k=0.5)
    assert pickle.dumps(sampler) == before


def test_a_search_over_the_default_per_label_model_names_what_to_pass():
    grid = {"estimator__clf__estimator__add_k": [0.5, 1.0]}
    names = ["asha", "ravi", "amitabh", "uma", "zoe", "arun", "anna", "omar"]
    search = GridSearchCV(_per_label_sampler(), grid, cv=2)
    with pytest.raises(
        ValueError,
        match=r"on PerLabelClassifier: estimator is None.*"
        r"estimator=KneserNeyClassifier\(\)\.set_params\(add_k=\.\.\.\)",
    ):
        search.fit(names)
    search = GridSearchCV(_per_label_sampler(KneserNeyClassifier()), grid, cv=2)
    assert search.fit(names).best_params_.keys() == grid.keys()


@pytest.mark.parametrize(
    "estimator",
    [PerLabelClassifier(), NameLabelClassifier()],
    ids=["PerLabelClassifier", "NameLabelClassifier"],
)
def test_a_wrong_name_is_reported_before_a_parameter_of_a_default(estimator):
    # As scikit-learn's order (names first): the refusal of estimator__... hid
    # the wrong name.
    with pytest.raises(ValueError, match=r"^Invalid parameter 'bogus' for"):
        estimator.set_params(bogus=1, estimator__zz=1)


@pytest.mark.parametrize(
    "estimator, key, default",
    [
        (PerLabelClassifier(), "estimator__zzz", "KneserNeyClassifier()"),
        (NameLabelClassifier(), "estimator__clf__zzz", "make_default_pipeline()"),
    ],
    ids=["PerLabelClassifier", "NameLabelClassifier"],
)
def test_no_advice_to_set_a_parameter_the_default_does_not_have(
    estimator, key, default
):
    # Advised "estimator=KneserNeyClassifier().set_params(zzz=...)", which fails.
    inner = key.partition("__")[2]
    with pytest.raises(ValueError) as caught:
        estimator.set_params(**{key: 1})
    said = str(caught.value)
    assert f"{default} has no parameter {inner!r}" in said
    assert f".set_params({inner}=" not in said


def test_a_parameter_of_a_sampler_without_estimator_is_refused_in_words():
    # Was AttributeError: 'NoneType' object has no attribute 'set_params'.
    sampler = NameSampler(None)
    with pytest.raises(
        ValueError,
        match=r"^Cannot set estimator__clf__alpha on NameSampler: estimator is None",
    ):
        sampler.set_params(estimator__clf__alpha=1.0)
    assert sampler.estimator is None


def test_a_pipeline_over_the_default_per_label_model_is_all_or_nothing():
    pipe = Pipeline(
        [("windows", ContextWindowTransformer()), ("clf", PerLabelClassifier())]
    )
    with pytest.raises(
        ValueError, match=r"estimator=KneserNeyClassifier\(\)\.set_params"
    ):
        pipe.set_params(clf__n_jobs=2, clf__estimator__add_k=0.5)
    assert pipe.get_params()["clf__n_jobs"] is None  # all or nothing
    given = pipe.set_params(
        clf__estimator=KneserNeyClassifier(), clf__estimator__add_k=0.5
    )
    assert given.get_params()["clf__estimator__add_k"] == 0.5
