"""``_pipeline.fit_weighted``: weights of names routed to a pipeline's model."""

import numpy as np
import pytest
from sklearn import config_context
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.pipeline import Pipeline, make_pipeline

from sknextchar import ContextWindowTransformer
from sknextchar._pipeline import fit_weighted

NAMES = ["abid", "asha", "amit", "anil"]


class _Recorder(ClassifierMixin, BaseEstimator):
    """A model that keeps the sample_weight its fit was given."""

    def fit(self, X, y=None, sample_weight=None):
        self.seen_weight_ = sample_weight
        self.n_windows_ = len(X)
        return self

    def predict_log_proba(self, X):  # pragma: no cover - protocol only
        return np.zeros((len(X), 27))


class _NoWeights(_Recorder):
    def fit(self, X, y=None):
        self.n_windows_ = len(X)
        return self


def test_weights_reach_the_model_by_the_step_parameter():
    pipe = make_pipeline(ContextWindowTransformer(), _Recorder())
    fit_weighted(pipe, NAMES, sample_weight=[1, 2, 3, 4])
    assert list(pipe[-1].seen_weight_) == [1, 2, 3, 4]
    assert pipe[-1].n_windows_ == sum(len(n) + 1 for n in NAMES)


def test_weights_reach_the_model_with_metadata_routing():
    pipe = make_pipeline(ContextWindowTransformer(), _Recorder())
    with config_context(enable_metadata_routing=True):
        fit_weighted(pipe, NAMES, sample_weight=[1, 2, 3, 4])
    assert list(pipe[-1].seen_weight_) == [1, 2, 3, 4]


def test_passthrough_steps_before_the_model_are_skipped():
    pipe = Pipeline(
        [("w", ContextWindowTransformer()), ("p", "passthrough"), ("m", _Recorder())]
    )
    fit_weighted(pipe, NAMES, sample_weight=[1, 1, 1, 2])
    assert list(pipe.named_steps["m"].seen_weight_) == [1, 1, 1, 2]


def test_without_weights_it_is_a_plain_fit():
    pipe = make_pipeline(ContextWindowTransformer(), _NoWeights())
    assert fit_weighted(pipe, NAMES) is pipe
    assert pipe[-1].n_windows_ == sum(len(n) + 1 for n in NAMES)


def test_a_model_without_sample_weight_is_named_before_fitting():
    pipe = make_pipeline(ContextWindowTransformer(), _NoWeights())
    with pytest.raises(
        TypeError, match=r"the pipeline's step '_noweights' \(_NoWeights\) takes no"
    ):
        fit_weighted(pipe, NAMES, sample_weight=[1, 2, 3, 4])
    assert not hasattr(pipe[-1], "n_windows_")


def test_not_a_pipeline_is_refused():
    with pytest.raises(TypeError, match="needs a Pipeline"):
        fit_weighted(_Recorder(), NAMES, sample_weight=[1, 2, 3, 4])


def test_a_pipeline_ending_in_passthrough_is_refused():
    pipe = Pipeline([("w", ContextWindowTransformer()), ("m", "passthrough")])
    with pytest.raises(TypeError, match="step 'm' is 'passthrough'"):
        fit_weighted(pipe, NAMES, sample_weight=[1, 2, 3, 4])
