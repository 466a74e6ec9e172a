"""A bad min_label_proba names the method it was passed to."""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer, NameSampler

NAMES = ["anna", "maria", "carla", "bob", "dave", "hugo"] * 4
LABELS = ["f", "f", "f", "m", "m", "m"] * 4


@pytest.mark.parametrize("method", ["most_likely", "sample"])
def test_a_bad_min_label_proba_names_its_method(method):
    clf = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(8,), max_iter=2, random_state=0
    )
    sampler = NameSampler(make_pipeline(ContextWindowTransformer(), clf))
    sampler.fit(NAMES, LABELS)
    with pytest.raises(ValueError, match=f"of NameSampler.{method} must be a float"):
        getattr(sampler, method)(3, label="f", min_label_proba=2.0)
