"""A wrong prior given by label is named before the labels it lacks.

``NameLabelClassifier(priors={"f": -1})`` complained of the missing label
'm' and never of the -1.
"""

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    NameLabelClassifier,
)
from sknextchar._pooled_likelihood import check_priors

LABELS = np.array(["f", "m"])


@pytest.mark.parametrize(
    "priors, shown",
    [({"f": -1}, "{'f': -1}"), ({"f": float("nan"), "m": 1.0}, "{'f': nan}"),
     ({"f": "half", "m": 0.5}, "{'f': 'half'}")],
)  # fmt: skip
def test_a_wrong_prior_by_label_is_named_first(priors, shown):
    with pytest.raises(ValueError, match="non-negative") as info:
        check_priors(priors, np.array([3, 3]), LABELS)
    assert shown in str(info.value) and "each label" not in str(info.value)


def test_missing_labels_are_still_named():
    with pytest.raises(ValueError, match="each label of y once"):
        check_priors({"f": 1.0}, np.array([3, 3]), LABELS)
    assert check_priors({"m": 0.25, "f": 0.75}, np.array([3, 3]), LABELS).tolist() == [
        0.75,
        0.25,
    ]


def test_the_classifier_names_the_negative_prior():
    pipe = make_pipeline(
        ContextWindowTransformer(),
        CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=1),
    )
    clf = NameLabelClassifier(pipe, priors={"f": -1})
    with pytest.raises(ValueError, match=r"got \{'f': -1\}"):
        clf.fit(["asha", "ravi", "sita", "anil"], ["f", "m", "f", "m"])
