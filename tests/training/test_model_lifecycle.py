"""A model's life beyond one fit: stopped, resumed, interrupted, loaded by a later
version of the package."""

import copy
import io
import pickle
import sys
import types
import zipfile

import joblib
import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

import sknextchar
from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    load_model,
    make_default_pipeline,
    save_model,
    train_from_file,
)
from sknextchar.callbacks import Checkpoint, History
from sknextchar.cli import main
from sknextchar.datasets import load_indian_names
from sknextchar.nn.training import trained_epochs

NAMES = load_indian_names()[::50]  # 302 names, spread over the alphabet


def small_pipe(**params):
    settings = dict(
        windows__alphabet="auto",
        clf__hidden_layer_sizes=(16,),
        clf__max_iter=4,
        clf__batch_size=32,
    )
    return make_default_pipeline(random_state=0).set_params(**{**settings, **params})


@pytest.fixture
def names_file(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    return path


def assert_same_weights(a, b):
    for x, y in zip(
        [a.embeddings_, *a.coefs_, *a.intercepts_],
        [b.embeddings_, *b.coefs_, *b.intercepts_],
    ):
        np.testing.assert_array_equal(x, y)


class StopAt:
    """Stops (returns True) or raises at the end of a given epoch."""

    max_propagation_depth = None

    def __init__(self, epoch, error=None):
        self.epoch, self.error = epoch, error

    def setup(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context):
        pass

    def on_fit_task_end(self, estimator, context):
        if context.task_name != "epoch" or len(estimator.loss_curve_) != self.epoch:
            return False
        if self.error is not None:
            raise self.error
        return True

    def teardown(self, estimator, context):
        pass


# ------------------------------------------------ train_from_file, resumed
def test_a_checkpoint_resumes_into_the_uninterrupted_model(names_file, tmp_path):
    checkpoint = Checkpoint(tmp_path / "clf-{epoch}.skops")
    pipe = small_pipe().set_callbacks(checkpoint, StopAt(3, KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):  # Ctrl-C after the third pass
        train_from_file(names_file, pipe, chunk_size=100)
    uninterrupted = train_from_file(names_file, small_pipe(), chunk_size=100)
    saved = load_model(tmp_path / "clf-2.skops")
    behind = make_pipeline(ContextWindowTransformer(alphabet="auto"), saved)
    resumed = train_from_file(names_file, behind, chunk_size=100, resume=True)
    clf, full = resumed[-1], uninterrupted["clf"]
    assert_same_weights(clf, full)
    assert clf.loss_curve_ == full.loss_curve_ and clf.t_ == full.t_
    assert clf.n_iter_ == 2  # the passes of this call
    assert len(saved.loss_curve_) == 2  # the given pipeline is not changed
    assert not hasattr(behind[0], "vocabulary_")


def test_a_stopped_run_resumes_its_schedule_and_adam_state(names_file):
    stopped = train_from_file(
        names_file, small_pipe().set_callbacks(StopAt(2)), chunk_size=100
    )
    before = pickle.dumps(stopped.set_callbacks())
    steps = stopped["clf"]._optimizer.t
    history = History()
    resumed = train_from_file(
        names_file, stopped.set_callbacks(history), chunk_size=100, resume=True
    )
    clf = resumed["clf"]
    assert pickle.dumps(stopped.set_callbacks()) == before  # not changed
    assert [r["epoch"] for r in history.records] == [3, 4]
    assert clf.loss_curve_[:2] == stopped["clf"].loss_curve_
    assert clf.n_iter_ == 2 and len(clf.loss_curve_) == 4
    assert clf._optimizer.t == 2 * steps  # Adam went on counting its steps
    rates = [r["learning_rate"] for r in history.records]
    schedule = sknextchar.nn.adam.scheduled_learning_rate
    assert rates == [schedule("cosine", 0.005, epoch, 4) for epoch in (2, 3)]


def test_resume_refuses_what_it_cannot_continue(names_file, tmp_path):
    with pytest.raises(ValueError, match="not fitted: pass resume=False"):
        train_from_file(names_file, small_pipe(), resume=True)
    done = train_from_file(names_file, small_pipe(clf__max_iter=1), chunk_size=100)
    with pytest.raises(ValueError, match=r"trained 1 epoch, and max_iter=1\. Raise"):
        train_from_file(names_file, done, resume=True)
    done.set_params(clf__max_iter=2)
    other = tmp_path / "other.txt"
    other.write_text("asha\nzoë\n", encoding="utf-8")
    unknown = (
        r"vocabulary \['ë'\] in 'zoë' \(line 2 of .* a new model \(resume=False\) w"
    )
    with pytest.raises(ValueError, match=unknown):
        train_from_file(other, done, resume=True)
    behind = make_pipeline(ContextWindowTransformer(alphabet="auto"), done[-1])
    with pytest.raises(ValueError, match="vocabulary '-ahoszë' is not the resumed"):
        train_from_file(other, behind, resume=True)
    with pytest.raises(TypeError, match="resume must be True or False"):
        train_from_file(names_file, done, resume="yes")
    labelled = small_pipe(clf__max_iter=1).fit(NAMES, ["f", "m"] * 151)
    with pytest.raises(ValueError, match="fitted with labels: continue it with fit"):
        train_from_file(names_file, labelled.set_params(clf__max_iter=2), resume=True)


# ------------------------------------ early stopping, then a continued run
class AdamAtEachEpoch:
    """Records a copy of the classifier's Adam state at the end of each epoch."""

    max_propagation_depth = None

    def __init__(self):
        self.states = {}

    def setup(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context):
        pass

    def on_fit_task_end(self, estimator, context):
        if context.task_name == "epoch":
            adam = copy.deepcopy(estimator._optimizer)
            self.states[len(estimator.loss_curve_)] = (adam.t, adam.ms[0], adam.vs[0])
        return False

    def teardown(self, estimator, context):
        pass


@pytest.fixture(scope="module")
def early_stopped():
    """A pipeline whose early stopping kept epoch 5 of the 8 it ran, and its
    Adam state at the end of each epoch."""
    adam = AdamAtEachEpoch()
    pipe = small_pipe(
        clf__max_iter=12, clf__early_stopping=True, clf__n_iter_no_change=3,
        clf__learning_rate_init=0.05, clf__validation_fraction=0.2,
    ).set_callbacks(adam)  # fmt: skip
    pipe.fit(NAMES)
    clf = pipe.set_callbacks()["clf"]
    assert len(clf.loss_curve_) == 8 and np.argmax(clf.validation_scores_) == 4
    return pipe, adam.states


def test_early_stopping_keeps_the_adam_state_of_the_epoch_it_keeps(early_stopped):
    pipe, states = early_stopped
    clf = pipe["clf"]
    t, ms, vs = states[5]
    assert clf._optimizer.t == t < states[8][0]
    np.testing.assert_array_equal(clf._optimizer.ms[0], ms)
    np.testing.assert_array_equal(clf._optimizer.vs[0], vs)
    assert len(clf.loss_curve_) == len(clf.validation_scores_) == 8  # fit's records


def test_partial_fit_after_early_stopping_goes_on_from_the_kept_epoch(early_stopped):
    pipe = copy.deepcopy(early_stopped[0]).set_params(clf__early_stopping=False)
    clf, before = pipe["clf"], list(early_stopped[0]["clf"].loss_curve_)
    windows = pipe[0].transform(NAMES)
    with pytest.raises(KeyboardInterrupt):  # a failed call changes nothing
        clf.set_callbacks(StopAt(6, KeyboardInterrupt())).partial_fit(windows)
    assert clf.loss_curve_ == before and trained_epochs(clf) == 5
    history = History()
    clf.set_callbacks(history).partial_fit(windows)
    assert [r["epoch"] for r in history.records] == [6]
    rate = sknextchar.nn.adam.scheduled_learning_rate("cosine", 0.05, 5, 12)
    assert history.records[0]["learning_rate"] == rate  # epoch 6 of the schedule
    assert clf.loss_curve_[:5] == before[:5] and len(clf.loss_curve_) == 6
    assert clf.validation_scores_ is None


def test_resuming_after_early_stopping_goes_on_from_the_kept_epoch(
    early_stopped, names_file, tmp_path, capsys
):
    pipe = copy.deepcopy(early_stopped[0])
    pipe.set_params(clf__early_stopping=False, clf__max_iter=7)
    resumed = train_from_file(names_file, pipe, chunk_size=100, resume=True)["clf"]
    assert resumed.n_iter_ == 2 and len(resumed.loss_curve_) == 7  # epochs 6, 7
    assert len(pipe["clf"].loss_curve_) == 8  # the given pipeline is not changed
    saved = save_model(early_stopped[0], tmp_path / "stopped.skops")
    argv = ["train", str(names_file), "--resume", str(saved), "--max-iter", "7"]
    assert main([*argv, "-o", str(tmp_path / "more.skops")]) == 0
    out = capsys.readouterr().out
    assert "holds the weights of epoch 5 of the 8 it ran, the best on its" in out
    assert "for 2 epochs (epochs 6 to 7 of --max-iter 7)" in out
    assert len(load_model(tmp_path / "more.skops")["clf"].loss_curve_) == 7


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "1"]])
def test_a_refused_resume_after_early_stopping_does_not_say_it_goes_on(
    early_stopped, tmp_path, capsys, chunks
):
    saved = save_model(early_stopped[0], tmp_path / "stopped.skops")
    other = tmp_path / "other.txt"
    other.write_text("asha\nzoë\n", encoding="utf-8")
    argv = ["train", str(other), "--resume", str(saved), "--max-iter", "7", *chunks]
    assert main([*argv, "-q", "-o", str(tmp_path / "more.skops")]) == 1
    captured = capsys.readouterr()
    assert "outside the vocabulary ['ë']" in captured.err
    assert "goes on" not in captured.out and "went on" not in captured.out
    assert not (tmp_path / "more.skops").exists()


# ----------------------------------------------- warm start on other names
def test_a_warm_start_on_names_of_other_characters_says_so():
    pipe = small_pipe(clf__warm_start=True, clf__max_iter=1).fit(NAMES)
    before = pickle.dumps(pipe)
    with pytest.raises(ValueError, match="warm_start=True continues .*set warm_st"):
        pipe.fit([*NAMES, "zoë"])
    assert pickle.dumps(pipe) == before
    pipe.fit(NAMES[::-1])  # the same characters: it goes on
    assert len(pipe["clf"].loss_curve_) == 2


# ------------------------------------------------ files of another version
def edited_copy(path, replacements):
    """The skops file at ``path`` with its schema edited, as bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "schema.json":
                for old, new in replacements:
                    data = data.replace(old.encode(), new.encode())
            dst.writestr(info, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def fitted():
    return small_pipe(clf__max_iter=1).fit(NAMES)


def test_a_file_of_a_later_version_says_which_and_what_to_do(fitted, tmp_path):
    path = save_model(fitted, tmp_path / "m.skops")
    version = f'\\"{sknextchar.__version__}\\"'
    moved = ('"sknextchar._classifier"', '"sknextchar._neural"')
    later = tmp_path / "later.skops"
    later.write_bytes(edited_copy(path, [(version, '\\"9.1.0\\"'), moved]))
    with pytest.raises(ValueError) as error:
        load_model(later)
    assert str(error.value) == (
        f"Cannot load {str(later)!r}: it was saved by sknextchar 9.1.0, and needs "
        "sknextchar._neural.CharEmbeddingMLPClassifier, which sknextchar "
        f"{sknextchar.__version__} (installed here) does not have. Install "
        "sknextchar 9.1.0 from its source (run python -m pip install . in a "
        "checkout of a commit whose sknextchar/_version.py says 9.1.0, or in a "
        "release archive of 9.1.0) to load it, or train the model again with "
        "this version."
    )
    # The same class in a file of this version: an edited file, refused as such.
    edited = tmp_path / "edited.skops"
    edited.write_bytes(edited_copy(path, [moved]))
    with pytest.raises(ValueError, match="types that sknextchar does not trust"):
        load_model(edited)


def test_a_pickle_of_a_later_version_is_not_called_corrupt(tmp_path, monkeypatch):
    module = types.ModuleType("sknextchar._neural")

    class Renamed(CharEmbeddingMLPClassifier):
        pass

    Renamed.__module__, Renamed.__qualname__ = module.__name__, "Renamed"
    module.Renamed = Renamed
    monkeypatch.setitem(sys.modules, module.__name__, module)
    path = tmp_path / "later.joblib"
    joblib.dump(Renamed(), path)
    monkeypatch.delitem(sys.modules, module.__name__)
    with pytest.raises(ValueError, match="saved by another version of sknextchar"):
        load_model(path, allow_pickle=True)
    monkeypatch.setitem(sys.modules, module.__name__, types.ModuleType(module.__name__))
    with pytest.raises(ValueError, match=r"needs sknextchar\._neural\.Renamed, wh"):
        load_model(path, allow_pickle=True)  # the module, without the class


# ------------------------------------------------ Ctrl-C in the command line
@pytest.mark.parametrize("where", ["training", "saving"])
def test_ctrl_c_in_train_prints_one_line_and_keeps_the_old_file(
    tmp_path, monkeypatch, capsys, where
):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES), encoding="utf-8")
    out = tmp_path / "m.skops"
    previous = save_model(ContextWindowTransformer().fit(["uma"]), out).read_bytes()

    def interrupt(*args, **kwargs):
        if where == "saving":
            with open(args[-1], "wb") as f:
                f.write(b"PK\x03\x04 half a model")
        raise KeyboardInterrupt

    target = {"training": "sknextchar.nn.training.MinibatchTrainer.run_epoch",
              "saving": "sknextchar._persistence.write_canonical"}[where]  # fmt: skip
    monkeypatch.setattr(target, interrupt)
    argv = ["train", str(names), "--max-iter", "1", "--hidden-layer-sizes", "4"]
    assert main([*argv, "-q", "-o", str(out), "--force"]) == 130
    assert capsys.readouterr().err == (
        f"sknextchar: interrupted: nothing was saved ({str(out)!r} is as it was).\n"
    )
    assert out.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.skops", "names.txt"]
