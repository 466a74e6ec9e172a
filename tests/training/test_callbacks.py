"""Callbacks: the classifier's tasks under scikit-learn's callback API, propagation
from pipelines and searches, models saved with callbacks set, and
sknextchar.callbacks (History, Checkpoint)."""

import pickle
import threading
import warnings

import joblib
import numpy as np
import pytest
import skops.io
from sklearn.callback import ProgressBar, ScoringMonitor
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import log_loss
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    get_trusted_types,
    load_model,
    save_model,
)
from sknextchar.callbacks import Checkpoint, History
from sknextchar.datasets import load_indian_names
from sknextchar.nn.training import MinibatchTrainer

NAMES = load_indian_names()[::200]  # 76 names
# A pipeline propagates callbacks to each step; the transformer has no tasks.
pytestmark = pytest.mark.filterwarnings("ignore:The estimator ContextWindowTransformer")


def small(**params):
    defaults = dict(
        embedding_dim=4,
        hidden_layer_sizes=(16,),
        batch_size=32,
        learning_rate_init=0.01,
        max_iter=3,
        random_state=0,
    )
    return CharEmbeddingMLPClassifier(**{**defaults, **params})


def weights(clf):
    return [clf.embeddings_, *clf.coefs_, *clf.intercepts_]


@pytest.fixture(scope="module")
def windows():
    return ContextWindowTransformer().fit_transform(NAMES)


class Recorder:
    """Records every hook call; auto-propagated when ``propagate``."""

    def __init__(self, propagate=False, stop_after=None):
        if propagate:
            self.max_propagation_depth = None
        self.stop_after = stop_after
        self.calls = []
        self.epochs = []

    def setup(self, estimator, context):
        self.calls.append(("setup", type(estimator).__name__, context.task_name))

    def on_fit_task_begin(self, estimator, context):
        self.calls.append(("begin", type(estimator).__name__, context.task_name))

    def on_fit_task_end(self, estimator, context, *, fitted_estimator=None):
        self.calls.append(("end", type(estimator).__name__, context.task_name))
        if context.task_name != "epoch":
            return False
        scores = estimator.validation_scores_
        self.epochs.append(
            {
                "n_iter_": estimator.n_iter_,
                "loss": estimator.loss_curve_[-1],
                "n_losses": len(estimator.loss_curve_),
                "n_scores": None if scores is None else len(scores),
                "fitted": fitted_estimator,
            }
        )
        return self.stop_after is not None and estimator.n_iter_ >= self.stop_after

    def teardown(self, estimator, context):
        self.calls.append(("teardown", type(estimator).__name__, context.task_name))

    def tasks(self, kind, estimator="CharEmbeddingMLPClassifier"):
        return [task for k, est, task in self.calls if (k, est) == (kind, estimator)]


# ------------------------------------------------------------ tasks and state


def test_fit_is_a_task_with_one_subtask_per_epoch(windows):
    recorder = Recorder()
    clf = small(max_iter=4).set_callbacks(recorder).fit(windows)
    assert recorder.calls[0] == ("setup", "CharEmbeddingMLPClassifier", "fit")
    assert recorder.calls[-1] == ("teardown", "CharEmbeddingMLPClassifier", "fit")
    assert recorder.tasks("begin") == ["fit"] + ["epoch"] * 4
    assert recorder.tasks("end") == ["epoch"] * 4 + ["fit"]
    # At the end of each epoch task, the attributes describe that epoch.
    assert [e["n_iter_"] for e in recorder.epochs] == [1, 2, 3, 4]
    assert [e["n_losses"] for e in recorder.epochs] == [1, 2, 3, 4]
    assert [e["loss"] for e in recorder.epochs] == clf.loss_curve_
    assert all(e["n_scores"] is None for e in recorder.epochs)
    assert not hasattr(clf, "_callback_fit_ctx")  # torn down


def test_partial_fit_reports_its_one_epoch(windows):
    recorder = Recorder()
    clf = small().set_callbacks(recorder)
    clf.partial_fit(windows)
    clf.partial_fit(windows)
    assert recorder.tasks("begin") == ["fit", "epoch"] * 2
    assert [e["n_losses"] for e in recorder.epochs] == [1, 2]
    assert [e["n_iter_"] for e in recorder.epochs] == [1, 1]


def test_validation_scores_are_up_to_date_under_early_stopping(windows):
    recorder = Recorder()
    clf = small(early_stopping=True, validation_fraction=0.2, max_iter=3)
    clf.set_callbacks(recorder).fit(windows)
    assert [e["n_scores"] for e in recorder.epochs] == [1, 2, 3]


def test_fitted_estimator_is_a_predict_ready_copy_of_that_epoch(windows):
    recorder = Recorder()
    params = dict(learning_rate="constant", max_iter=4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf = small(**params).set_callbacks(recorder).fit(windows)
        two_epochs = small(**{**params, "max_iter": 2}).fit(windows)
    at_two = recorder.epochs[1]["fitted"]
    for got, expected in zip(weights(at_two), weights(two_epochs), strict=True):
        np.testing.assert_array_equal(got, expected)  # training went on: a copy
    assert at_two.loss_curve_ == two_epochs.loss_curve_ and at_two.n_iter_ == 2
    np.testing.assert_array_equal(
        at_two.predict_proba(windows), two_epochs.predict_proba(windows)
    )
    assert at_two is not clf and not hasattr(at_two, "_skl_callbacks")
    at_two.partial_fit(windows)  # it can train on, without touching the original
    assert len(clf.loss_curve_) == 4


def test_a_callback_stops_training_after_an_epoch(windows):
    recorder = Recorder(stop_after=2)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        clf = small(max_iter=10, learning_rate="constant").set_callbacks(recorder)
        clf.fit(windows)
    assert clf.n_iter_ == 2 and len(clf.loss_curve_) == 2
    assert recorder.tasks("end") == ["epoch", "epoch", "fit"]


def test_verbose_still_prints_with_callbacks(windows, capsys):
    small(verbose=True).set_callbacks(Recorder()).fit(windows)
    assert capsys.readouterr().out.count("Epoch ") == 3


# ----------------------------------------------------------------- propagation


def test_callbacks_set_on_a_pipeline_reach_the_classifier(windows):
    recorder = Recorder(propagate=True)
    pipe = make_pipeline(ContextWindowTransformer(), small(max_iter=5))
    pipe.set_callbacks(recorder).fit(NAMES)
    assert recorder.tasks("begin") == ["fit"] + ["epoch"] * 5
    assert recorder.tasks("setup", "Pipeline") == ["fit"]  # set up once, outermost
    assert recorder.tasks("setup") == []
    assert [e["n_iter_"] for e in recorder.epochs] == [1, 2, 3, 4, 5]
    assert not hasattr(pipe[-1], "_skl_callbacks")  # propagated for the fit only


def test_callbacks_set_on_the_classifier_in_a_pipeline_run_in_it(windows):
    recorder = Recorder()  # not auto-propagated: set on the step itself
    pipe = make_pipeline(ContextWindowTransformer(), small(max_iter=2))
    pipe[-1].set_callbacks(recorder)
    pipe.fit(NAMES)
    assert recorder.tasks("end") == ["epoch", "epoch", "fit"]


def test_callbacks_set_on_a_grid_search_reach_every_classifier():
    recorder = Recorder(propagate=True)
    pipe = make_pipeline(ContextWindowTransformer(), small(max_iter=2))
    grid = {"charembeddingmlpclassifier__embedding_dim": [2, 3]}
    search = GridSearchCV(pipe, grid, cv=KFold(2)).set_callbacks(recorder)
    search.fit(NAMES)
    # 2 candidates x 2 folds, and the refit: 5 fits of 2 epochs each.
    assert recorder.tasks("begin").count("epoch") == 10
    assert recorder.tasks("end").count("fit") == 5


@pytest.mark.parametrize("depth", [1, None])
def test_sklearns_progress_bar_on_a_grid_search_over_a_pipeline(capsys, depth):
    pipe = make_pipeline(ContextWindowTransformer(), small(max_iter=2))
    grid = {"charembeddingmlpclassifier__embedding_dim": [2, 3]}
    bar = ProgressBar(max_propagation_depth=depth)
    search = GridSearchCV(pipe, grid, cv=KFold(2)).set_callbacks(bar)
    search.fit(NAMES)
    assert search.best_estimator_[-1].n_iter_ == 2
    shown = capsys.readouterr().out
    assert "GridSearchCV - fit" in shown
    # Unlimited depth draws a bar for each classifier's epochs.
    assert ("CharEmbeddingMLPClassifier - fit" in shown) == (depth is None)


def test_sklearns_scoring_monitor_scores_every_epoch_of_an_array_fit():
    rng = np.random.default_rng(0)
    X = rng.integers(0, 5, size=(60, 2))
    y = X[:, 0]
    monitor = ScoringMonitor(scoring="neg_log_loss")
    clf = small(max_iter=3).set_callbacks(monitor).fit(X, y)
    rows = monitor.get_logs().data
    assert [row["task_name"] for row in rows] == ["fit", "epoch", "epoch", "epoch"]
    final = -log_loss(y, clf.predict_proba(X), labels=clf.classes_)
    assert rows[-1]["neg_log_loss"] == pytest.approx(final, rel=1e-5)


# ----------------------------------------------- saving models with callbacks


class Unpicklable:
    """A callback holding a lock and a lambda: it cannot be pickled."""

    def __init__(self):
        self.lock = threading.Lock()
        self.log = lambda message: None

    def setup(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context):
        pass

    def on_fit_task_end(self, estimator, context):
        self.log(context.task_name)

    def teardown(self, estimator, context):
        pass


def test_a_model_with_callbacks_saves_and_loads_like_any_other(windows, tmp_path):
    callback = Unpicklable()
    with pytest.raises((TypeError, pickle.PicklingError), match="pickle"):
        pickle.dumps(callback)
    clf = small().set_callbacks(callback).fit(windows)
    pipe = make_pipeline(ContextWindowTransformer(), small())
    pipe[-1].set_callbacks(Unpicklable())  # on the step (the Pipeline itself is
    pipe.fit(NAMES)  # scikit-learn's: it keeps what is set on it)
    for model in (clf, pipe):
        expected = model.predict_proba(windows if model is clf else NAMES)
        loaded = [
            pickle.loads(pickle.dumps(model)),
            load_model(save_model(model, tmp_path / "model.joblib"), allow_pickle=True),
            load_model(save_model(model, tmp_path / "model.skops")),
        ]
        for copy in loaded:
            step = copy if model is clf else copy[-1]
            assert not any("callback" in name for name in vars(step))
            got = copy.predict_proba(windows if model is clf else NAMES)
            np.testing.assert_array_equal(got, expected)
    assert clf._skl_callbacks == [callback]  # the original keeps its callbacks
    path = tmp_path / "clf.skops"
    skops.io.dump(clf, path)
    assert set(skops.io.get_untrusted_types(file=path)) <= set(get_trusted_types())
    joblib.dump(clf, tmp_path / "clf.joblib")  # the plain joblib call works too


# -------------------------------------------------------------------- History


def test_history_records_every_epoch(windows):
    history = History()
    clf = small(early_stopping=True, validation_fraction=0.2, max_iter=3)
    clf.set_callbacks(history).fit(windows)
    assert [r["epoch"] for r in history.records] == [1, 2, 3]
    assert [r["loss"] for r in history.records] == clf.loss_curve_
    assert [r["validation_score"] for r in history.records] == clf.validation_scores_
    rates = [r["learning_rate"] for r in history.records]
    assert rates[0] == pytest.approx(0.01) and rates == sorted(rates, reverse=True)
    assert all(r["seconds"] > 0 for r in history.records)
    clf.set_params(early_stopping=False, max_iter=2).fit(windows)  # another run
    assert [r["epoch"] for r in history.records] == [1, 2, 3, 1, 2]
    assert history.records[-1]["validation_score"] is None


def test_history_on_a_pipeline_ignores_the_pipelines_own_tasks():
    history = History()
    make_pipeline(ContextWindowTransformer(), small()).set_callbacks(history).fit(NAMES)
    assert [r["epoch"] for r in history.records] == [1, 2, 3]


# ----------------------------------------------------------------- Checkpoint


def test_checkpoint_saves_the_classifier_every_few_epochs(windows, tmp_path):
    recorder = Recorder()
    checkpoint = Checkpoint(tmp_path / "clf-{epoch}.skops", every=2)
    clf = small(max_iter=5).set_callbacks(checkpoint, recorder).fit(windows)
    assert [p.name for p in checkpoint.paths] == ["clf-2.skops", "clf-4.skops"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clf-2.skops", "clf-4.skops"]
    at_four = load_model(checkpoint.paths[1])
    for got, expected in zip(weights(at_four), weights(recorder.epochs[3]["fitted"])):
        np.testing.assert_array_equal(got, expected)
    assert at_four.loss_curve_ == clf.loss_curve_[:4]
    # A checkpoint trains on from its epoch: the optimizer state is in it.
    at_four.partial_fit(windows)
    assert len(at_four.loss_curve_) == 5


def test_checkpoint_on_a_pipeline_overwrites_one_file(tmp_path):
    checkpoint = Checkpoint(tmp_path / "last.joblib")
    pipe = make_pipeline(ContextWindowTransformer(), small(max_iter=3))
    pipe.set_callbacks(checkpoint).fit(NAMES)
    assert [p.name for p in checkpoint.paths] == ["last.joblib"] * 3
    last = load_model(tmp_path / "last.joblib", allow_pickle=True)
    rebuilt = make_pipeline(pipe[0], last)  # the classifier behind its transformer
    np.testing.assert_array_equal(
        rebuilt.predict_proba(NAMES), pipe.predict_proba(NAMES)
    )


@pytest.mark.parametrize("every", [0, -1, 1.5, "2"])
def test_checkpoint_refuses_a_bad_every(every, tmp_path):
    with pytest.raises((TypeError, ValueError), match="every"):
        Checkpoint(tmp_path / "clf.skops", every=every)


@pytest.mark.parametrize("where", ["missing/clf-{epoch}.skops", "folder"])
def test_checkpoint_to_a_place_it_cannot_write_fails_before_training(
    where, tmp_path, monkeypatch
):
    (tmp_path / "folder").mkdir()
    epochs = []
    run_epoch = MinibatchTrainer.run_epoch

    def counted(self, *args, **kwargs):
        epochs.append(1)
        return run_epoch(self, *args, **kwargs)

    monkeypatch.setattr(MinibatchTrainer, "run_epoch", counted)
    pipe = make_pipeline(ContextWindowTransformer(), small(max_iter=2))
    pipe.set_callbacks(Checkpoint(tmp_path / where))
    with pytest.raises(
        (FileNotFoundError, IsADirectoryError), match="Cannot (save|wr)"
    ):
        pipe.fit(NAMES)
    assert epochs == []  # not after the first epoch, which may be long
