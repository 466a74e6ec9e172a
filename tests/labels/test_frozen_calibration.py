"""Calibrating a FrozenEstimator: no folds, every name given to fit is scored."""

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression

from sknextchar import NameLabelClassifier
from sknextchar._label_calibration import PENALTY_C
from tests.labels.test_label_calibration import counts_pipe, echo_corpus


@pytest.fixture(scope="module")
def frozen_and_held_out():
    names, labels = echo_corpus(300, seed=0)
    pipe = counts_pipe().fit(names, labels)
    return pipe, echo_corpus(200, seed=1)


def test_frozen_pipeline_calibrates_on_all_the_names_without_folds(
    frozen_and_held_out,
):
    pipe, (held, held_labels) = frozen_and_held_out
    frozen = FrozenEstimator(pipe)
    clf = NameLabelClassifier(frozen, calibration="temperature", cv=3)
    clf.fit(held, held_labels)
    # One pipeline, not cv copies of the same one (prediction cost x cv).
    assert len(clf.pipelines_) == 1 and clf.pipeline_ is frozen
    # The temperature and priors are a direct fit on the frozen pipeline's
    # log-likelihoods of every name given to fit.
    plain = NameLabelClassifier(frozen).fit(held, held_labels)
    ll = plain.log_likelihood(held)
    oracle = LogisticRegression(C=PENALTY_C, tol=1e-10, max_iter=10_000)
    oracle.fit((ll[:, 1] - ll[:, 0])[:, None], held_labels)
    np.testing.assert_allclose(clf.temperature_, oracle.coef_[0, 0], rtol=1e-3)
    prior = clf.class_prior_
    np.testing.assert_allclose(
        np.log(prior[1] / prior[0]), oracle.intercept_[0], rtol=1e-3
    )


def test_cv_is_not_used_with_a_frozen_pipeline(frozen_and_held_out):
    pipe, (held, held_labels) = frozen_and_held_out
    held, held_labels = held[:12], held_labels[:12]  # 4 names of label B
    temperatures = [
        NameLabelClassifier(FrozenEstimator(pipe), calibration="weights", cv=cv)
        .fit(held, held_labels)
        .temperature_
        for cv in (2, 50)  # 50 folds: more than 12 names could make
    ]
    assert temperatures[0] == temperatures[1]


def test_training_names_give_a_surer_temperature_than_new_names(
    frozen_and_held_out,
):
    # What the docstring warns of: the names given to fit must be new to the
    # frozen pipeline, else the temperature is fitted where it is surest.
    pipe, (held, held_labels) = frozen_and_held_out
    names, labels = echo_corpus(300, seed=0)
    frozen = FrozenEstimator(pipe)
    on_training = NameLabelClassifier(frozen, calibration="temperature")
    on_new = NameLabelClassifier(frozen, calibration="temperature")
    on_training.fit(names, labels)
    on_new.fit(held, held_labels)
    assert on_training.temperature_ > on_new.temperature_


def test_a_frozen_pipeline_in_a_list_with_an_unfrozen_one_keeps_the_folds(
    frozen_and_held_out,
):
    pipe, (held, held_labels) = frozen_and_held_out
    clf = NameLabelClassifier(
        [FrozenEstimator(pipe), counts_pipe(order=2)], calibration="weights", cv=2
    ).fit(held, held_labels)
    assert len(clf.pipelines_) == 4  # two folds of two pipelines
    assert clf.pipelines_[0] is clf.pipelines_[2]  # the frozen one, not refit
