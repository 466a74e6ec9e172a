"""A Checkpoint that saves nothing is told once per fit of a calibrated
NameLabelClassifier, which fits its pipeline once per calibration fold (and once
more on all the names without ``ensemble``): each fold's fit told it again."""

import os
import warnings

import pytest
from joblib import parallel_config
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
)
from sknextchar.callbacks import Checkpoint

NAMES = ["ana", "ben", "cal", "dora", "eve", "finn", "gus", "hana", "ivo", "jan"]
LABELS = ["x", "y"] * 5


def _told(fit):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fit()
    return [w for w in caught if "saves nothing" in str(w.message)]


def _calibrated(tmp_path, where, n_jobs=None, **params):
    """A calibrated NameLabelClassifier of count models, with a Checkpoint set
    on its pipeline or on the model each label copies."""
    checkpoint = Checkpoint(os.path.join(tmp_path, "m.skops"))
    counts = KneserNeyClassifier()
    pipe = make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(counts, n_jobs=n_jobs)
    )
    (pipe if where == "pipeline" else counts).set_callbacks(checkpoint)
    return NameLabelClassifier(pipe, calibration="temperature", cv=3, **params)


@pytest.mark.parametrize("where", ["pipeline", "model"])
@pytest.mark.parametrize("ensemble", [True, False])
def test_told_once_per_fit_of_the_calibration(tmp_path, where, ensemble):
    model = _calibrated(tmp_path, where, ensemble=ensemble)
    for _ in range(2):  # each fit tells it: once
        told = _told(lambda: model.fit(NAMES, LABELS))
        assert len(told) == 1, [str(w.message) for w in told]
        assert repr(os.path.join(tmp_path, "m.skops")) in str(told[0].message)
        assert told[0].filename == __file__  # the caller's line
    assert os.listdir(tmp_path) == []


def test_told_once_with_labels_fitted_in_parallel(tmp_path):
    model = _calibrated(tmp_path, "model", n_jobs=2)
    with parallel_config(backend="threading"):  # each label's model as in a worker
        told = _told(lambda: model.fit(NAMES, LABELS))
    assert len(told) == 1 and told[0].filename == __file__


@pytest.mark.slow  # starts processes
def test_told_once_in_this_process_with_labels_fitted_in_others(tmp_path):
    model = _calibrated(tmp_path, "model", n_jobs=2)
    told = _told(lambda: model.fit(NAMES, LABELS))
    assert len(told) == 1 and told[0].filename == __file__


def test_two_checkpoints_are_each_told_once(tmp_path):
    model = _calibrated(tmp_path, "model")
    model.estimator.steps[-1][1].estimator.set_callbacks(
        Checkpoint(os.path.join(tmp_path, "a.skops")),
        Checkpoint(os.path.join(tmp_path, "b.skops")),
    )
    told = sorted(str(w.message) for w in _told(lambda: model.fit(NAMES, LABELS)))
    assert len(told) == 2 and "a.skops" in told[0] and "b.skops" in told[1], told
