"""Ctrl-C in ``train --chunk-size``, ``train --resume`` and after the fit of
``train`` keeps the trained epochs in a new file; the callback that keeps them
holds one copy of the classifier's state, not one per epoch."""

import sys
import weakref

import numpy as np
import pytest

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer, load_model
from sknextchar.cli import main
from sknextchar.cli._interrupted import LatestEpoch
from sknextchar.datasets import load_indian_names

SMALL = ["--hidden-layer-sizes", "8", "--embedding-dim", "4", "--seed", "0"]
NAMES = load_indian_names()[::80]


@pytest.fixture
def names_file(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    return str(path)


def kept_files(folder):
    return sorted(folder.glob("model.unsaved-*.skops"))


def kept_classifier(folder):
    [kept] = kept_files(folder)
    model = load_model(kept)
    pipe = getattr(model, "estimator_", None)
    pipe = model if pipe is None else pipe.estimator
    proba = pipe.predict_proba(NAMES[:3])  # a model that works
    assert np.allclose(proba.sum(axis=1), 1)
    return pipe["clf"]


def test_ctrl_c_in_chunks_keeps_the_finished_passes(
    names_file, tmp_path, ctrl_c_at_partial_fit, capsys
):
    # Two chunks a pass: Ctrl-C in the first chunk of the third pass.
    ctrl_c_at_partial_fit(5)
    output = tmp_path / "model.skops"
    chunk = str(len(NAMES) // 2 + 1)
    argv = ["train", names_file, "--chunk-size", chunk, *SMALL, "--max-iter", "6"]
    status = main([*argv, "-o", str(output)])
    err = capsys.readouterr().err
    assert status == 130 and "Traceback" not in err, err
    assert not output.exists()
    assert "after 2 finished epochs of 6" in err and "--resume" in err
    clf = kept_classifier(tmp_path)
    assert len(clf.loss_curve_) == 2


def test_ctrl_c_in_resume_keeps_the_finished_epochs(
    names_file, tmp_path, ctrl_c_at_partial_fit, capsys
):
    old = tmp_path / "old.skops"
    argv = ["train", names_file, *SMALL, "--max-iter", "2", "-q"]
    assert main([*argv, "--validation-fraction", "0", "-o", str(old)]) == 0
    ctrl_c_at_partial_fit(3)  # one chunk a pass: in the third resumed epoch
    output = tmp_path / "model.skops"
    argv = ["train", names_file, "--resume", str(old), "--max-iter", "8"]
    status = main([*argv, "-o", str(output)])
    err = capsys.readouterr().err
    assert status == 130 and "Traceback" not in err, err
    assert not output.exists()
    assert "after 4 finished epochs of 8" in err
    clf = kept_classifier(tmp_path)
    assert len(clf.loss_curve_) == 4  # the 2 of old.skops, and 2 more


@pytest.mark.parametrize("step", ["report_training", "with_record"])
def test_ctrl_c_after_the_fit_keeps_the_trained_model(
    names_file, tmp_path, monkeypatch, capsys, step
):
    import sknextchar.cli._commands as commands
    import sknextchar.cli._train_report as train_report

    module = train_report if step == "report_training" else commands
    done, calls = getattr(module, step), []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:  # the first call; keeping the model calls it again
            raise KeyboardInterrupt
        return done(*args, **kwargs)

    monkeypatch.setattr(module, step, interrupted)
    output = tmp_path / "model.skops"
    argv = ["train", names_file, *SMALL, "--max-iter", "3"]
    status = main([*argv, "--validation-fraction", "0", "-o", str(output)])
    err = capsys.readouterr().err
    assert status == 130 and "Traceback" not in err, err
    assert "after the training ended (3 epochs)" in err
    assert "the trained model was saved to" in err
    clf = kept_classifier(tmp_path)
    assert len(clf.loss_curve_) == 3


def test_latest_epoch_refreshes_one_copy_in_place_and_drops_it_after_the_fit():
    windows = ContextWindowTransformer().fit_transform(NAMES)
    latest, kept = LatestEpoch(), []

    class Watch:  # after LatestEpoch: the kept state against the live one
        def setup(self, estimator, context):
            pass

        def on_fit_task_begin(self, estimator, context):
            pass

        def on_fit_task_end(self, estimator, context):
            if context.task_name != "epoch":
                return False
            model = latest.model
            arrays = [model.coefs_[0], model._optimizer.ms[0]]
            if not kept:
                kept.extend(weakref.ref(array) for array in arrays)
            assert [ref() for ref in kept] == arrays  # the same arrays, refreshed
            assert model.coefs_[0] is not estimator.coefs_[0]
            for copied, live in zip(model.coefs_, estimator.coefs_):
                assert np.array_equal(copied, live)
            for copied, live in zip(model._optimizer.ms, estimator._optimizer.ms):
                assert np.array_equal(copied, live)  # Adam's moments too
            assert len(model.loss_curve_) == len(estimator.loss_curve_)
            return False

        def teardown(self, estimator, context):
            pass

    clf = CharEmbeddingMLPClassifier(
        hidden_layer_sizes=(8,), embedding_dim=4, max_iter=3, random_state=0,
        validation_fraction=0.0, early_stopping=False,
    ).set_callbacks(latest, Watch())  # fmt: skip
    clf.fit(windows)
    assert latest.fit_ended and latest.model is clf
    assert len(kept) == 2 and all(ref() is None for ref in kept)  # dropped


def test_ctrl_c_while_an_epoch_is_copied_keeps_that_epoch_whole(monkeypatch):
    windows = ContextWindowTransformer().fit_transform(NAMES)
    params = dict(
        hidden_layer_sizes=(8,), embedding_dim=4, max_iter=3, random_state=0,
        validation_fraction=0.0, early_stopping=False,
    )  # fmt: skip
    snapshots = []

    class Snapshot:  # the reference run's state after each epoch
        def setup(self, estimator, context):
            pass

        def on_fit_task_begin(self, estimator, context):
            pass

        def on_fit_task_end(self, estimator, context):
            if context.task_name == "epoch":
                snapshots.append([a.copy() for a in estimator.coefs_])
            return False

        def teardown(self, estimator, context):
            pass

    CharEmbeddingMLPClassifier(**params).set_callbacks(Snapshot()).fit(windows)
    copied, calls = np.copyto, []

    def copyto(*args, **kwargs):  # Ctrl-C in the first array kept in place
        if sys._getframe(1).f_globals["__name__"] == LatestEpoch.__module__:
            calls.append(1)
            if len(calls) == 1:
                raise KeyboardInterrupt
        return copied(*args, **kwargs)

    latest = LatestEpoch()
    clf = CharEmbeddingMLPClassifier(**params).set_callbacks(latest)
    monkeypatch.setattr(np, "copyto", copyto)
    with pytest.raises(KeyboardInterrupt):
        clf.fit(windows)  # stopped while epoch 2 was copied over epoch 1
    monkeypatch.undo()
    assert len(calls) > 1  # stopped in the copy of epoch 2, which was finished
    model = latest.model
    assert len(model.loss_curve_) == 2 and not latest.fit_ended
    for kept, reference in zip(model.coefs_, snapshots[1]):
        assert np.array_equal(kept, reference)
    assert not hasattr(clf, "coefs_")  # the interrupted fit left clf unfitted
