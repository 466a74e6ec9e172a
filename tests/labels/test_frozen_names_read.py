"""A frozen pipeline must read the names given to NameLabelClassifier.fit.

With calibration the frozen pipeline scores every name, and
NameSampler(FrozenEstimator(pipe)).fit encodes them: a character the pipeline
does not know is refused there. Without calibration nothing read the names, so
fit took them without a word and predict failed on them later.
"""

import re

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    NameSampler,
    PerLabelClassifier,
)

NAMES = ["anna", "bella", "carla", "dora", "bruno", "carlo", "dino", "paolo"]
LABELS = ["f", "f", "f", "f", "m", "m", "m", "m"]
# "zoe" and "max" hold letters the pipeline never saw (z, x, m).
HELD_OUT = ["nina", "zoe", "lino", "max"]
HELD_LABELS = ["f", "f", "m", "m"]


def _pipe(handle_unknown="error"):
    windows = ContextWindowTransformer(
        context_length=2, alphabet="auto", handle_unknown=handle_unknown
    )
    model = PerLabelClassifier(KneserNeyClassifier(order=2))
    return make_pipeline(windows, model).fit(NAMES, LABELS)


def _refusal(fit):
    with pytest.raises(ValueError, match="outside the vocabulary") as caught:
        fit()
    return str(caught.value)


@pytest.mark.parametrize("calibration", [None, "temperature"])
def test_unknown_characters_refused_with_or_without_calibration(calibration):
    frozen = FrozenEstimator(_pipe())
    clf = NameLabelClassifier(frozen, calibration=calibration)
    message = _refusal(lambda: clf.fit(HELD_OUT, HELD_LABELS))
    # The names by their place in X, and the same words as NameSampler's.
    assert "names[1]='zoe'" in message and "names[3]='max'" in message
    sampler = NameSampler(frozen)
    assert message == _refusal(lambda: sampler.fit(HELD_OUT, HELD_LABELS))
    assert not hasattr(clf, "classes_")  # a failed fit leaves it unfitted


def test_names_counted_by_their_place_in_x_with_weights():
    clf = NameLabelClassifier(FrozenEstimator(_pipe()))
    fit = lambda: clf.fit(HELD_OUT, HELD_LABELS, sample_weight=[0, 1, 1, 1])  # noqa: E731
    message = _refusal(fit)
    assert re.search(r"names\[1\]='zoe'.*names\[3\]='max'", message)


def test_a_pipeline_that_drops_unknown_characters_takes_them():
    frozen = FrozenEstimator(_pipe(handle_unknown="drop"))
    clf = NameLabelClassifier(frozen).fit(HELD_OUT, HELD_LABELS)
    assert clf.predict(HELD_OUT).shape == (4,)


def test_known_characters_fit_as_before():
    clf = NameLabelClassifier(FrozenEstimator(_pipe())).fit(NAMES[:6], LABELS[:6])
    assert clf.classes_.tolist() == ["f", "m"]
    assert clf.class_count_.tolist() == [4.0, 2.0]


@pytest.mark.parametrize("calibration", [None, "temperature"])
def test_a_name_of_weight_0_is_not_read_as_by_name_sampler(calibration):
    """NameSampler(FrozenEstimator(pipe)) leaves a name of weight 0 out, as if
    absent (it only records it): so does the classifier, whose priors are
    those of the names without it."""
    names, labels = ["zoe", "dino", "anna", "bruno"], ["f", "m", "f", "m"]
    frozen = FrozenEstimator(_pipe())  # no "z", no "e"
    weights = [0, 1, 1, 1]
    clf = NameLabelClassifier(frozen, calibration=calibration)
    clf.fit(names, labels, sample_weight=weights)
    without = NameLabelClassifier(frozen, calibration=calibration)
    without.fit(names[1:], labels[1:])
    np.testing.assert_allclose(clf.class_count_, without.class_count_)
    np.testing.assert_allclose(
        clf.predict_proba(names[1:]), without.predict_proba(names[1:])
    )
    assert NameSampler(frozen).fit(names, labels, weights).vocabulary_
    message = _refusal(lambda: clf.fit(names, labels, sample_weight=[1, 1, 1, 1]))
    assert "names[0]='zoe'" in message  # of a weight above 0, it is refused


def test_calibration_of_frozen_pipelines_reads_the_names_once(monkeypatch):
    """Its scoring refuses the names it cannot read: they are not read before
    (a second pass over 100,000 names took 1.5 s)."""
    read = []

    def counting(method):
        def spy(self, X):
            read.append((method.__name__, len(X)))
            return method(self, X)

        return spy

    for name in ("encode", "transform"):
        method = getattr(ContextWindowTransformer, name)
        monkeypatch.setattr(ContextWindowTransformer, name, counting(method))
    frozen = FrozenEstimator(_pipe())
    NameLabelClassifier(frozen, calibration="temperature").fit(NAMES, LABELS)
    assert [n for _, n in read].count(len(NAMES)) == 1, read
    message = _refusal(
        lambda: NameLabelClassifier(frozen, calibration="temperature").fit(
            HELD_OUT, HELD_LABELS
        )
    )
    assert "names[1]='zoe'" in message
