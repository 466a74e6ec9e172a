"""A Checkpoint set on an estimator that fits a copy of a pipeline (a
NameSampler, a NameLabelClassifier, a search) checks the epochs the copy will
write, 1 to ``max_iter``, even when the pipeline given is a fitted warm start:
only a classifier fitted in place goes on from its trained epochs.

The test that a copy writes from epoch 1 passed before the checks of every
path too (the copy wrote its own epochs then): it is a guard against checking
the given pipeline's later epochs instead."""

import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    NameLabelClassifier,
    NameSampler,
)
from sknextchar.callbacks import Checkpoint
from sknextchar.nn.training import MinibatchTrainer

NAMES = ["asha", "ravi", "mina", "tara", "zo", "bo", "liam", "noah"] * 2
LABELS = ["f", "m", "f", "f", "m", "m", "m", "m"] * 2
TEXT = "asha\nravi\n"
pytestmark = pytest.mark.filterwarnings(
    "ignore:The estimator ContextWindowTransformer",
    "ignore::sklearn.exceptions.ConvergenceWarning",
)


@pytest.fixture
def epochs(monkeypatch):
    """The epochs trained, counted."""
    trained = []
    run_epoch = MinibatchTrainer.run_epoch

    def counted(self, *args, **kwargs):
        trained.append(1)
        return run_epoch(self, *args, **kwargs)

    monkeypatch.setattr(MinibatchTrainer, "run_epoch", counted)
    return trained


def warm_pipeline():
    """A pipeline trained 3 epochs that would go on at epoch 4 if refitted."""
    clf = CharEmbeddingMLPClassifier(
        embedding_dim=4, hidden_layer_sizes=(4,), max_iter=3, random_state=0,
        warm_start=True,
    )  # fmt: skip
    return make_pipeline(ContextWindowTransformer(), clf).fit(NAMES)


def sampler():
    return NameSampler(warm_pipeline()), NAMES, None


def label_classifier():
    return NameLabelClassifier(warm_pipeline(), calibration=None), NAMES, LABELS


def search():
    grid = {"charembeddingmlpclassifier__alpha": [1e-4]}
    return GridSearchCV(warm_pipeline(), grid, cv=KFold(2)), NAMES, None


COPYING = pytest.mark.parametrize(
    "make", [sampler, label_classifier, search], ids=lambda make: make.__name__
)


@COPYING
def test_a_copy_writes_from_epoch_one_and_ignores_later_files(tmp_path, make):
    meta, X, y = make()
    pipe = meta.estimator if hasattr(meta, "estimator") else meta.estimators[0]
    kept = tmp_path / "ck_5.skops"  # the 5th epoch of the pipeline given
    kept.write_text(TEXT)
    checkpoint = Checkpoint(tmp_path / "ck_{epoch}.skops")
    meta.set_callbacks(checkpoint).fit(X, y)
    assert {p.name for p in checkpoint.paths} == {f"ck_{e}.skops" for e in (1, 2, 3)}
    assert kept.read_text() == TEXT
    assert len(pipe[-1].loss_curve_) == 3  # the copy was fitted, not the pipeline


@COPYING
def test_the_epochs_of_a_copy_are_checked_before_training(tmp_path, make, epochs):
    meta, X, y = make()
    kept = tmp_path / "ck_2.skops"
    kept.write_text(TEXT)
    meta.set_callbacks(Checkpoint(tmp_path / "ck_{epoch}.skops"))
    del epochs[:]
    with pytest.raises(FileExistsError, match="ck_2.skops.*text file"):
        meta.fit(X, y)
    assert epochs == []  # refused before the first epoch
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ck_2.skops"]
    assert kept.read_text() == TEXT


def test_a_frozen_pipeline_trains_no_epochs_to_check(tmp_path, epochs):
    pipe = warm_pipeline()
    (tmp_path / "ck_3.skops").write_text(TEXT)
    checkpoint = Checkpoint(tmp_path / "ck_{epoch}.skops")
    del epochs[:]
    # It saves nothing: said, and no file of the path is looked at.
    with pytest.warns(UserWarning, match="saves nothing.*FrozenEstimator"):
        NameSampler(FrozenEstimator(pipe)).set_callbacks(checkpoint).fit(NAMES)
    assert epochs == [] and checkpoint.paths == []
    assert (tmp_path / "ck_3.skops").read_text() == TEXT
