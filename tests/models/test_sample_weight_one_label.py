"""scikit-learn's one-label-by-weight check, on the integer ids the models take."""

import pytest

from sknextchar import CharEmbeddingMLPClassifier, KneserNeyClassifier
from tests._sklearn_checks import one_label_by_weight


@pytest.mark.parametrize(
    "model",
    [
        CharEmbeddingMLPClassifier(max_iter=30, random_state=0),
        KneserNeyClassifier(order=2),
        KneserNeyClassifier(order=2, add_k=1),
    ],
    ids=["mlp", "kneser-ney", "add-k"],
)
def test_rows_of_weight_0_leave_one_label_to_predict(model):
    assert one_label_by_weight(model) == ([0, 1], {1})
