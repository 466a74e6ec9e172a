"""Scorers and messages around models fitted with labels (QA findings).

1. The scorers of ``sknextchar.metrics`` refuse a NameLabelClassifier (and any
   model whose ``score`` is an accuracy) by what it is, not by the value of its
   score: one that gets every label wrong scores 0.0, which looked like a
   perfect log-likelihood.
2. A pipeline fitted with labels, scored by a string scorer, says why that
   cannot work (no labels reach it; one prediction per window against one label
   per name) and points to ``sknextchar.metrics.log_likelihood``; a direct call
   without labels still says where to pass them.
"""

import numpy as np
import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

from sknextchar import NameLabelClassifier, make_default_pipeline
from sknextchar.datasets import load_indian_names
from sknextchar.metrics import SCORERS, log_likelihood


@pytest.fixture(scope="module")
def labelled():
    names, labels = load_indian_names(return_X_y=True)
    return list(names[:120]), np.asarray(labels[:120])


@pytest.fixture(scope="module")
def name_classifier(labelled):
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
    return NameLabelClassifier(pipe).fit(*labelled)


@pytest.mark.parametrize("scorer", sorted(SCORERS))
def test_scorers_refuse_a_name_classifier_whose_accuracy_is_zero(
    name_classifier, labelled, scorer
):
    names = labelled[0][:5]
    predicted = name_classifier.predict(names)
    # The other label of each name: every prediction is wrong.
    wrong = [next(c for c in name_classifier.classes_ if c != p) for p in predicted]
    assert name_classifier.score(names, wrong) == 0.0
    for model in (name_classifier, FrozenEstimator(name_classifier)):
        with pytest.raises(TypeError, match="accuracy of its predictions"):
            SCORERS[scorer](model, names, wrong)


def test_scorers_refuse_a_classifier_that_scores_its_accuracy():
    X, y = np.eye(4), np.array([0, 1, 0, 1])
    model = make_pipeline(LogisticRegression()).fit(X, y)
    with pytest.raises(TypeError, match="Pipeline.score is the accuracy"):
        SCORERS["log_likelihood"](model, X, 1 - model.predict(X))


@pytest.mark.parametrize("scoring", ["accuracy", "neg_log_loss"])
def test_a_string_scorer_on_a_model_of_names_by_label_says_why(labelled, scoring):
    names, labels = labelled
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
    with pytest.raises(ValueError) as raised:
        cross_val_score(pipe, names, labels, cv=2, scoring=scoring, error_score="raise")
    message = str(raised.value)
    assert "one prediction per window" in message
    assert "sknextchar.metrics.log_likelihood" in message
    # What the message advises works.
    scores = cross_val_score(pipe, names, labels, cv=2, scoring=log_likelihood)
    assert np.all(scores < 0)


def test_predicting_without_labels_says_where_to_pass_them(labelled):
    names, labels = labelled
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
    pipe.fit(names, labels)
    with pytest.raises(ValueError, match=r"labels=\.\.\. in predict, predict_proba"):
        pipe.predict_proba(names[:2])
    with pytest.raises(ValueError, match="y in score"):
        pipe.score(names[:2])
