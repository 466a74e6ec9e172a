"""A pipeline whose model's fit needs y is refused before any fitting.

NameSampler and NameLabelClassifier fit their pipelines on names: the model
gets the windows alone. A scikit-learn classifier as the last step would fail
deep inside its own fit; a frozen pipeline or model is not fitted, and stays
welcome.
"""

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
)

NAMES = ["abid", "aditi", "amit", "asha", "ravi", "rina"] * 2
LABELS = ["a", "a", "a", "a", "b", "b"] * 2


class _CountingLogisticRegression(LogisticRegression):
    """A LogisticRegression that counts its fits."""

    fits = 0

    def fit(self, X, y, sample_weight=None):
        type(self).fits += 1
        return super().fit(X, y, sample_weight=sample_weight)


def _refused(owner):
    return (
        rf"{owner}'s estimator: the step '_countinglogisticregression' "
        r"\(_CountingLogisticRegression\) of its pipeline is not a next-character "
        r"model: its fit needs y.*make_pipeline\(ContextWindowTransformer\(\), "
        r"KneserNeyClassifier\(\)\)"
    )


@pytest.mark.parametrize("labels", [None, LABELS])
def test_name_sampler_refuses_a_classifier_before_fitting(labels):
    _CountingLogisticRegression.fits = 0
    pipe = make_pipeline(ContextWindowTransformer(), _CountingLogisticRegression())
    sampler = NameSampler(pipe)
    with pytest.raises(TypeError, match=_refused("NameSampler")):
        sampler.fit(NAMES, labels)
    assert _CountingLogisticRegression.fits == 0
    assert not hasattr(sampler, "estimator_")
    assert not hasattr(pipe[0], "vocabulary_")


def test_name_label_classifier_refuses_a_classifier_before_fitting():
    _CountingLogisticRegression.fits = 0
    counts = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    bad = make_pipeline(ContextWindowTransformer(), _CountingLogisticRegression())
    for estimator in (bad, [("counts", counts), ("lr", bad)]):
        classifier = NameLabelClassifier(estimator)
        with pytest.raises(TypeError, match=_refused("NameLabelClassifier")):
            classifier.fit(NAMES, LABELS)
        assert not hasattr(classifier, "classes_")
    assert _CountingLogisticRegression.fits == 0
    assert not hasattr(counts[0], "vocabulary_")


def test_a_frozen_pipeline_fitted_on_windows_elsewhere_is_not_refused():
    # Its model's fit needs y, but NameSampler does not fit it.
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), LogisticRegression(max_iter=500)
    )
    windows = pipe[0].fit_transform(NAMES)
    targets = np.asarray(pipe[0].vocabulary_)[windows.targets]
    pipe[1].fit(windows.contexts, targets)
    coef = pipe[1].coef_.copy()
    sampler = NameSampler(FrozenEstimator(pipe)).fit(NAMES)
    assert sampler.estimator_.estimator is pipe
    np.testing.assert_array_equal(pipe[1].coef_, coef)  # not refitted
    expected = pipe[1].predict_log_proba(windows.contexts)
    expected = expected[np.arange(len(targets)), windows.targets]
    np.testing.assert_allclose(
        sampler.score_samples(NAMES),
        np.bincount(windows.name_index, weights=expected),
    )


def test_a_frozen_model_step_is_not_refused():
    fitted = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    fitted.fit(NAMES)
    model = fitted[-1]
    pipe = make_pipeline(ContextWindowTransformer(), FrozenEstimator(model))
    sampler = NameSampler(pipe).fit(NAMES)
    np.testing.assert_allclose(
        sampler.score_samples(NAMES),
        NameSampler(fitted).fit(NAMES).score_samples(NAMES),
    )
