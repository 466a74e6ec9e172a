"""A mixture's held-out part too small for weights="fit" says so as the
validation set of the models' early stopping does: distinct names, no advice of
another validation_fraction when none can work, and what else to do."""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, MixtureClassifier


def fit_mixture(names, **params):
    members = [("kn", KneserNeyClassifier()), ("uni", KneserNeyClassifier(order=1))]
    mixture = MixtureClassifier(members, weights="fit", **params)
    return make_pipeline(ContextWindowTransformer(alphabet="auto"), mixture).fit(names)


def test_copies_of_one_name_are_one_distinct_name_and_no_fraction_helps():
    with pytest.raises(ValueError) as raised:
        fit_mixture(["ann"] * 5)
    message = str(raised.value)
    assert "of 1 distinct name leaves 0 for training" in message
    assert "validation_fraction," not in message.split("Use")[1]
    assert "give weights explicitly" in message


def test_a_smaller_fraction_is_advised_when_one_works():
    with pytest.raises(ValueError) as raised:
        fit_mixture(["ann", "bob", "ann"], validation_fraction=0.9)
    message = str(raised.value)
    assert "of 2 distinct names leaves 0 for training" in message
    assert "a smaller validation_fraction" in message
