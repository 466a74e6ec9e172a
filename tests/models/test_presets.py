"""Tests of the tuned preset (sknextchar._presets)."""

import numpy as np
from sklearn.base import clone
from sklearn.pipeline import Pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    make_tuned_pipeline,
)
from sknextchar._presets import _TUNED_CLASSIFIER_PARAMS, _TUNED_CONTEXT_LENGTH
from sknextchar.datasets import load_indian_names


def test_tuned_pipeline_is_unfitted_with_the_tuned_params():
    pipe = make_tuned_pipeline(random_state=3)
    assert isinstance(pipe, Pipeline)
    transformer, clf = pipe[0], pipe[-1]
    assert isinstance(transformer, ContextWindowTransformer)
    assert isinstance(clf, CharEmbeddingMLPClassifier)
    assert transformer.context_length == _TUNED_CONTEXT_LENGTH
    params = clf.get_params()
    for name, value in _TUNED_CLASSIFIER_PARAMS.items():
        assert params[name] == value, name
    assert params["random_state"] == 3
    assert not hasattr(clf, "coefs_")
    # Each call gives new objects, and the pipeline clones like any estimator.
    assert make_tuned_pipeline()[-1] is not make_tuned_pipeline()[-1]
    assert clone(pipe).get_params()["clf__dropout"] == params["dropout"]


def test_tuned_defaults_differ_from_the_package_defaults():
    """The preset is opt-in: the classifier's own defaults stay the fast ones."""
    default = CharEmbeddingMLPClassifier().get_params()
    tuned = make_tuned_pipeline()[-1].get_params()
    assert default["dropout"] == 0.0 and default["max_iter"] == 20
    assert ContextWindowTransformer().context_length == 3
    assert tuned != default


def test_tuned_pipeline_fits_100_names():
    names = load_indian_names()[::150][:100]
    pipe = make_tuned_pipeline(random_state=0).set_params(
        clf__max_iter=2,
        clf__hidden_layer_sizes=(32,),
    )
    pipe.fit(names)
    clf = pipe[-1]
    assert clf.n_iter_ == 2
    assert clf.coefs_[0].shape == (_TUNED_CONTEXT_LENGTH * clf.embedding_dim, 32)
    score = pipe.score(names)
    assert np.isfinite(score) and score > -np.log(27)  # better than uniform
