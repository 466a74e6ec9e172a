"""sample_weight of NameSampler and NameLabelClassifier, with metadata routing.

They use the weights themselves and pass them on to the pipeline's model as
the model asks: ``set_fit_request(sample_weight=False)`` keeps them from it.
"""

import numpy as np
import pytest
from sklearn import config_context
from sklearn.frozen import FrozenEstimator
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)

NAMES = ["anna", "bella", "carla", "dora", "bruno", "carlo", "dino", "paolo"]
LABELS = list("ffffmmmm")
WEIGHTS = [9.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 9.0]
NEW = ["nina", "nino", "bea"]


def kn_pipe():
    return make_pipeline(ContextWindowTransformer(), KneserNeyClassifier(order=3))


def labelled_pipe():
    return make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier(order=3))
    )


def _refused(pipe):
    pipe[-1].set_fit_request(sample_weight=False)
    return pipe


def test_a_model_that_asks_not_to_get_the_weights_is_fitted_without_them():
    with config_context(enable_metadata_routing=True):
        refused = NameLabelClassifier(_refused(labelled_pipe()))
        refused.fit(NAMES, LABELS, sample_weight=WEIGHTS)
        unset = NameLabelClassifier(labelled_pipe())
        unset.fit(NAMES, LABELS, sample_weight=WEIGHTS)
    plain = NameLabelClassifier(labelled_pipe()).fit(NAMES, LABELS)
    weighted = NameLabelClassifier(labelled_pipe())
    weighted.fit(NAMES, LABELS, sample_weight=WEIGHTS)
    np.testing.assert_array_equal(
        refused.log_likelihood(NEW), plain.log_likelihood(NEW)
    )
    # The classifier still uses the weights itself: the priors are weighted.
    np.testing.assert_array_equal(refused.class_count_, weighted.class_count_)
    # An unset request gets the weights, as with routing disabled.
    np.testing.assert_array_equal(
        unset.log_likelihood(NEW), weighted.log_likelihood(NEW)
    )
    assert not np.array_equal(plain.log_likelihood(NEW), weighted.log_likelihood(NEW))


def test_the_sampler_s_model_that_asks_not_to_get_the_weights():
    with config_context(enable_metadata_routing=True):
        refused = NameSampler(_refused(kn_pipe())).fit(NAMES, sample_weight=WEIGHTS)
        unset = NameSampler(kn_pipe()).fit(NAMES, sample_weight=WEIGHTS)
    plain = NameSampler(kn_pipe()).fit(NAMES)
    weighted = NameSampler(kn_pipe()).fit(NAMES, sample_weight=WEIGHTS)
    np.testing.assert_array_equal(refused.score_samples(NEW), plain.score_samples(NEW))
    np.testing.assert_array_equal(
        refused.training_length_counts_, weighted.training_length_counts_
    )
    np.testing.assert_array_equal(unset.score_samples(NEW), weighted.score_samples(NEW))
    assert not np.array_equal(plain.score_samples(NEW), weighted.score_samples(NEW))


def test_the_routing_shows_where_the_weights_go():
    with config_context(enable_metadata_routing=True):
        for meta in (NameSampler, NameLabelClassifier):
            gets = meta(kn_pipe()).get_metadata_routing()
            assert gets.consumes("fit", ["sample_weight"]) == {"sample_weight"}
            refused = meta(_refused(kn_pipe())).get_metadata_routing()
            assert refused.consumes("fit", ["sample_weight"]) == set()
            frozen = meta(FrozenEstimator(kn_pipe())).get_metadata_routing()
            assert frozen.consumes("fit", ["sample_weight"]) == set()
        pair = NameLabelClassifier([labelled_pipe(), _refused(labelled_pipe())])
        routing = str(pair.get_metadata_routing())
        assert "'estimator_0'" in routing and "'estimator_1'" in routing


def test_a_search_routes_the_weights_through_the_sampler_as_the_model_asks():
    names, weights = NAMES * 3, WEIGHTS * 3
    with config_context(enable_metadata_routing=True):
        sampler = NameSampler(_refused(kn_pipe())).set_fit_request(sample_weight=True)
        sampler.set_score_request(sample_weight=False)
        got = cross_val_score(
            sampler, names, cv=KFold(3), params={"sample_weight": weights}
        )
    want = [
        NameSampler(kn_pipe())
        .fit([names[i] for i in train])
        .score([names[i] for i in test])
        for train, test in KFold(3).split(names)
    ]
    np.testing.assert_allclose(got, want, rtol=1e-12)


def test_a_model_asking_for_the_weights_under_another_name_is_refused():
    with config_context(enable_metadata_routing=True):
        pipe = labelled_pipe()
        pipe[-1].set_fit_request(sample_weight="counts")
        with pytest.raises(ValueError, match="under the name 'counts'.*=True"):
            NameLabelClassifier(pipe).fit(NAMES, LABELS, sample_weight=WEIGHTS)
        with pytest.raises(ValueError, match="under the name 'counts'"):
            NameSampler(pipe).fit(NAMES, sample_weight=WEIGHTS)


def test_without_routing_a_request_set_earlier_is_ignored_as_before():
    with config_context(enable_metadata_routing=True):
        pipe = _refused(kn_pipe())
    refused = NameSampler(pipe).fit(NAMES, sample_weight=WEIGHTS)
    weighted = NameSampler(kn_pipe()).fit(NAMES, sample_weight=WEIGHTS)
    np.testing.assert_array_equal(
        refused.score_samples(NEW), weighted.score_samples(NEW)
    )
