"""get_params, set_params and clone of the estimators with nested members.

A clone has the same parameters as the original, deep ones included (what a
search relies on), whatever the nesting: a mixture with a dropped member inside
a PerLabelClassifier inside a pipeline inside a NameSampler, or a
NameLabelClassifier of such pipelines.
"""

import numpy as np
import pytest
from sklearn.base import BaseEstimator, clone
from sklearn.frozen import FrozenEstimator
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
