"""A frozen model's labels at the sampler's fit, one label's lengths, and where
in a pandas Series a bad name sits."""

import numpy as np
import pandas as pd
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar.metrics import sample_report

NAMES = ["asha", "anita", "uma", "ravi", "amit", "raj"] * 5
LABELS = ["f", "f", "f", "m", "m", "m"] * 5


def _labelled_pipe():
    return make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier(order=3)),
    ).fit(NAMES, LABELS)


def test_frozen_model_refuses_at_fit_labels_it_was_not_fitted_with():
    other = ["x" if label == "f" else "y" for label in LABELS]
    sampler = NameSampler(FrozenEstimator(_labelled_pipe()))
    with pytest.raises(ValueError) as caught:
        sampler.fit(NAMES, other)
    message = str(caught.value)
    assert message.startswith("y holds the labels ['x', 'y'], which the model was")
    assert (
        "it knows ['f', 'm']" in message and "FrozenEstimator is not refit" in message
    )
    # The model's own labels are accepted, as before.
    assert NameSampler(FrozenEstimator(_labelled_pipe())).fit(NAMES, LABELS)


def test_match_lengths_by_label_refused_like_sample_report_without_label_counts():
    # A labelled model, but the sampler fitted without the names' labels.
    sampler = NameSampler(FrozenEstimator(_labelled_pipe())).fit(NAMES)
    assert sampler.training_length_counts_by_label_ is None
    with pytest.raises(ValueError, match="keeps no length counts by label") as report:
        sample_report(["asha", "uma"], sampler, label="f")
    with pytest.raises(ValueError, match="keeps no length counts by label") as sample:
        sampler.sample(3, label="f", match_lengths=True, random_state=0)
    assert "match_lengths=False" in str(sample.value)
    # The same cause, in the same words, up to what each call could not do.
    assert str(report.value).split(", so")[0] == str(sample.value).split(", so")[0]
    # Without match_lengths, it samples the label's names as before.
    assert len(sampler.sample(3, label="f", random_state=0)) == 3


def test_missing_name_in_a_filtered_series_names_position_and_index_label():
    frame = pd.DataFrame(
        {"name": ["Anna", "Ravi", "Asha", "Uma", np.nan], "label": list("fmfff")}
    )
    names = frame[frame["label"] == "f"]["name"]  # index 0, 2, 3, 4
    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    with pytest.raises(TypeError) as caught:
        pipe.fit(names)
    assert "names.iloc[3] (position 3, index label 4) = nan" in str(caught.value)
    assert names.iloc[3] != names.iloc[3] and names[4] != names[4]  # both the NaN
    # A Series indexed 0, 1, 2, ... and a list keep the short form.
    for plain in (frame["name"], frame["name"].tolist()):
        with pytest.raises(TypeError, match=r": names\[4\] = nan is a missing"):
            pipe.fit(plain)
    labelled = pd.Series(["anna", ""], index=["first", "second"])
    with pytest.raises(ValueError, match=r"position 1, index label 'second'\) is ''"):
        pipe.fit(labelled)
