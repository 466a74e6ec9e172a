"""NameLabelClassifier as a meta-estimator: callbacks set on it reach the
classifiers of its pipelines, and its calibration folds keep the names a
pipeline reads alike ("Asha", "asha") on one side."""

import warnings

import numpy as np
import pytest
from sklearn.model_selection import GridSearchCV, KFold, StratifiedGroupKFold
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
)
from sknextchar.callbacks import History
from sknextchar.datasets import load_indian_names

NAMES, LABELS = load_indian_names(return_X_y=True)
pytestmark = pytest.mark.filterwarnings("ignore:The estimator ContextWindowTransformer")


def small_pipe(max_iter=2):
    return make_pipeline(
        ContextWindowTransformer(),
        CharEmbeddingMLPClassifier(
            embedding_dim=4, hidden_layer_sizes=(8,), max_iter=max_iter, random_state=0
        ),
    )


def test_callbacks_set_on_a_name_label_classifier_reach_every_pipeline_fit():
    names, labels = NAMES[::100], LABELS[::100]
    history = History()
    NameLabelClassifier(small_pipe()).set_callbacks(history).fit(names, labels)
    assert [r["epoch"] for r in history.records] == [1, 2]
    # With calibration: one fit per fold (3), each of 2 epochs.
    history = History()
    calibrated = NameLabelClassifier(small_pipe(), calibration="temperature", cv=3)
    calibrated.set_callbacks(history).fit(names, labels)
    assert [r["epoch"] for r in history.records] == [1, 2] * 3
    assert not any(hasattr(p[-1], "_skl_callbacks") for p in calibrated.pipelines_)


def test_callbacks_set_on_a_search_over_a_name_label_classifier_reach_every_fit():
    history = History()
    search = GridSearchCV(
        NameLabelClassifier(small_pipe()), {"priors": [None, "uniform"]}, cv=KFold(2)
    ).set_callbacks(history)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # "does not support callbacks"
        search.fit(NAMES[::100], LABELS[::100])
    # 2 candidates x 2 folds, and the refit: 5 fits of 2 epochs each.
    assert len(history.records) == 10


class Recording(StratifiedGroupKFold):
    """Records the share of each fold's held-out names (lowercased) that its
    training part holds too."""

    def split(self, X, y=None, groups=None):
        lowered = np.char.lower(np.asarray(X, dtype=str))
        self.leaks = []
        for train, test in super().split(X, y, groups):
            self.leaks.append(np.isin(lowered[test], lowered[train]).mean())
            yield train, test


@pytest.mark.slow
def test_calibration_folds_keep_case_variants_of_a_name_together():
    rng = np.random.default_rng(0)
    rows = rng.choice(len(NAMES), 600, replace=False)
    names = [NAMES[i] for i in rows]
    labels = [LABELS[i] for i in rows]
    names += [name.capitalize() for name in names[:200]]  # a merged export
    labels += labels[:200]
    pipe = make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier(order=3))
    )
    folds = Recording(3)
    NameLabelClassifier(pipe, calibration="temperature", cv=folds).fit(names, labels)
    assert folds.leaks == [0.0, 0.0, 0.0]
    # A pipeline that keeps case reads "Asha" and "asha" as case variants of
    # one name, as its early stopping and sample(novel=True) do: one group too.
    keeps = make_pipeline(
        ContextWindowTransformer(lowercase=False, alphabet="auto"),
        PerLabelClassifier(KneserNeyClassifier(order=3)),
    )
    folds = Recording(3)
    NameLabelClassifier(keeps, calibration="temperature", cv=folds).fit(names, labels)
    assert folds.leaks == [0.0, 0.0, 0.0]
    # With two pipelines, names that either reads alike are one group.
    folds = Recording(3)
    NameLabelClassifier([keeps, pipe], calibration="weights", cv=folds).fit(
        names, labels
    )
    assert folds.leaks == [0.0, 0.0, 0.0]
