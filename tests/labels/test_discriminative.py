"""Discriminative fine-tuning of a model of names by label (discriminative_epochs)."""

import pickle

import numpy as np
import pytest
from scipy.special import log_softmax, logsumexp
from sklearn.utils._param_validation import InvalidParameterError

from sknextchar import NameLabelClassifier, load_model, save_model
from sknextchar.datasets import load_indian_names
from sknextchar.nn import discriminative
from sknextchar.nn.adam import AdamOptimizer
from sknextchar.nn.discriminative import (
    LabelFineTuner,
    label_loss_weights,
    names_in_batches,
    with_every_label,
)
from sknextchar.nn.functional import backward, forward, init_params
from sknextchar.nn.training import ParameterWorkspace
from tests.labels.test_labels import ending_corpus, small_pipe
from tests.models.test_nn_functional import numerical_gradient


def labelled_names(n_names=12, n_labels=3, V=5, L=2, seed=0):
    """Random names as windows: contexts, targets, the name of each, labels."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(1, 4, n_names)
    name_of_row = np.repeat(np.arange(n_names), lengths)
    contexts = rng.integers(0, V, (len(name_of_row), L))
    targets = rng.integers(0, V, len(name_of_row))
    labels = rng.integers(0, n_labels, n_names)
    return contexts, targets, name_of_row, labels


def mmi_loss(params, contexts, targets, name_of_row, labels, log_prior, weight):
    """The fine-tuning loss, straight from its definition (no row weights)."""
    E, coefs, intercepts, LE = params
    n_labels = len(log_prior)
    per_label = []
    for j in range(n_labels):
        X = np.column_stack([contexts, np.full(len(contexts), j)])
        _, log_proba = forward(X, E, coefs, intercepts, "tanh", label_embeddings=LE)
        per_label.append(log_proba[np.arange(len(targets)), targets])
    per_label = np.array(per_label)  # (J, m)
    truth = per_label[labels[name_of_row], np.arange(len(targets))]
    cross_entropy = -truth.mean()
    log_likelihood = np.array(
        [np.bincount(name_of_row, row, minlength=len(labels)) for row in per_label]
    ).T
    joint = log_likelihood + log_prior
    label_loss = -(joint[np.arange(len(labels)), labels] - logsumexp(joint, axis=1))
    return cross_entropy + weight * label_loss.mean()


@pytest.mark.parametrize("n_labels", [2, 3])
@pytest.mark.parametrize("weight", [0.0, 1.0, 10.0])
def test_fine_tuning_gradient_matches_finite_differences(n_labels, weight):
    contexts, targets, name_of_row, labels = labelled_names(n_labels=n_labels)
    V, L = 5, contexts.shape[1]
    rng = np.random.RandomState(1)
    E, coefs, intercepts, LE = init_params(
        V, 3, L, (6,), V, "tanh", np.float64, rng, labels=(n_labels, 2)
    )
    coefs = [c + rng.normal(scale=0.5, size=c.shape) for c in coefs]
    log_prior = np.log(np.arange(1, n_labels + 1) / np.arange(1, n_labels + 1).sum())
    params = [E, coefs, intercepts, LE]
    flat = [E, LE, *coefs, *intercepts]
    numeric = numerical_gradient(
        lambda: mmi_loss(params, contexts, targets, name_of_row, labels, log_prior,
                         weight),
        flat,
    )  # fmt: skip
    X = with_every_label(contexts, n_labels)
    y = np.tile(targets, n_labels)
    hidden, log_proba = forward(X, E, coefs, intercepts, "tanh", label_embeddings=LE)
    target_logp = log_proba[np.arange(len(y)), y].reshape(n_labels, -1)
    row_weights, _ = label_loss_weights(
        target_logp, name_of_row, labels, log_prior, weight
    )
    g_E, g_coefs, g_intercepts, g_LE = backward(
        X, y, E, coefs, hidden, log_proba, "tanh", 0.0, label_embeddings=LE,
        row_weights=row_weights,
    )  # fmt: skip
    for name, a, b in zip(
        ["E", "LE", "coef0", "coef1", "b0", "b1"],
        [g_E, g_LE, *g_coefs, *g_intercepts],
        numeric,
    ):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-8, err_msg=name)


def test_label_loss_is_the_mean_negative_log_posterior():
    contexts, targets, name_of_row, labels = labelled_names(n_labels=2)
    rng = np.random.default_rng(3)
    target_logp = -rng.exponential(size=(2, len(targets)))
    log_prior = np.log([0.3, 0.7])
    _, label_loss = label_loss_weights(target_logp, name_of_row, labels, log_prior, 1)
    ll = np.array([np.bincount(name_of_row, r) for r in target_logp]).T
    posterior = log_softmax(ll + log_prior, axis=1)
    expected = -posterior[np.arange(len(labels)), labels].mean()
    assert label_loss == pytest.approx(expected)


def test_without_weight_the_row_weights_are_the_cross_entropy_on_the_true_label():
    contexts, targets, name_of_row, labels = labelled_names(n_labels=3)
    m = len(targets)
    weights, _ = label_loss_weights(
        np.zeros((3, m)), name_of_row, labels, np.log(np.ones(3) / 3), 0.0
    )
    expected = np.zeros((3, m))
    expected[labels[name_of_row], np.arange(m)] = 3  # J * m * (1 / m)
    np.testing.assert_array_equal(weights, expected.ravel())


@pytest.mark.parametrize("per_batch", [1, 4, 5, 100])
def test_batches_hold_whole_names_and_every_window_once(per_batch):
    _, _, name_of_row, _ = labelled_names(n_names=23)
    seen = []
    for rows, local, names in names_in_batches(
        name_of_row, 23, per_batch, np.random.default_rng(0)
    ):
        assert len(names) <= per_batch
        np.testing.assert_array_equal(name_of_row[rows], names[local])
        assert sorted(rows) == sorted(np.flatnonzero(np.isin(name_of_row, names)))
        seen.extend(rows.tolist())
    assert sorted(seen) == list(range(len(name_of_row)))


def test_fine_tuner_lowers_the_label_loss_of_a_toy_problem():
    contexts, targets, name_of_row, labels = labelled_names(n_names=30, n_labels=2)
    E, coefs, intercepts, LE = init_params(
        5, 3, 2, (16,), 5, "tanh", np.float64, np.random.RandomState(0), labels=(2, 2)
    )
    ws = ParameterWorkspace(E, coefs, intercepts, np.float64, LE)
    tuner = LabelFineTuner(
        ws, AdamOptimizer([ws.flat], learning_rate_init=0.02), activation="tanh",
        alpha=0.0, weight=10.0, log_prior=np.log([0.5, 0.5]), names_per_batch=8,
        dropout=0.0, hidden_layer_sizes=[16],
    )  # fmt: skip
    rng = np.random.default_rng(0)
    curve = [tuner.run_epoch(contexts, targets, name_of_row, labels, rng)
             for _ in range(60)]  # fmt: skip
    assert curve[0] > 0.5 and curve[-1] < 0.5 * curve[0]


# ------------------------------------------------------------- the estimator


@pytest.fixture(scope="module")
def indian_sample():
    names, labels = load_indian_names(return_X_y=True)
    rng = np.random.default_rng(0)
    keep = rng.choice(len(names), 600, replace=False)
    return [names[i] for i in keep], [labels[i] for i in keep]


def training_label_loss(clf, names, labels):
    """Mean -log P(label | name) of a NameLabelClassifier fitted on ``names``
    (with the label frequencies as priors)."""
    return -np.mean(
        clf.predict_log_proba(names)[np.arange(len(names)),
                                     np.searchsorted(clf.classes_, labels)]
    )  # fmt: skip


def test_fine_tuning_lowers_the_training_names_label_loss(indian_sample):
    names, labels = indian_sample
    # Batches of 128 halve the cost; the ratio stays 0.62-0.70 for seeds 0-2.
    plain = small_pipe(max_iter=10, batch_size=128)
    tuned = small_pipe(max_iter=10, batch_size=128, discriminative_epochs=8)
    fitted = [NameLabelClassifier(p).fit(names, labels) for p in (plain, tuned)]
    before, after = (training_label_loss(clf, names, labels) for clf in fitted)
    assert after < 0.8 * before
    curve = fitted[1].pipeline_[-1]  # the fit whose loss was measured
    assert len(curve.label_loss_curve_) == 8
    assert curve.label_loss_curve_[-1] < curve.label_loss_curve_[0]


def test_zero_epochs_trains_as_before(indian_sample):
    names, labels = indian_sample
    a = small_pipe(max_iter=3).fit(names, labels)[-1]
    b = small_pipe(max_iter=3, discriminative_weight=3.0).fit(names, labels)[-1]
    assert a.label_loss_curve_ == [] == b.label_loss_curve_
    for x, y in zip([a.embeddings_, *a.coefs_], [b.embeddings_, *b.coefs_]):
        np.testing.assert_array_equal(x, y)


def test_fine_tuning_is_reproducible_and_changes_the_weights():
    names, labels = ending_corpus()
    fits = [
        small_pipe(max_iter=5, discriminative_epochs=2, dropout=0.2).fit(names, labels)[
            -1
        ]
        for _ in range(2)
    ]
    plain = small_pipe(max_iter=5, dropout=0.2).fit(names, labels)[-1]
    np.testing.assert_array_equal(fits[0].coefs_[0], fits[1].coefs_[0])
    assert not np.array_equal(fits[0].coefs_[0], plain.coefs_[0])
    assert fits[0].n_iter_ == 5  # the discriminative epochs are not counted


def test_fine_tuning_needs_labels():
    names, _ = ending_corpus()
    pipe = small_pipe(discriminative_epochs=2)
    with pytest.raises(ValueError, match=r"discriminative_epochs=2.*one label per"):
        pipe.fit(names)
    assert not hasattr(pipe[-1], "coefs_")


def test_a_failed_fine_tuning_leaves_the_model_as_it_was(monkeypatch):
    names, labels = ending_corpus()
    pipe = small_pipe(max_iter=3).fit(names, labels)
    before = pickle.dumps(pipe[-1])
    pipe[-1].set_params(warm_start=True, discriminative_epochs=2)

    def fail(self, *args):
        raise discriminative.DivergenceError("the label loss is not finite")

    monkeypatch.setattr(LabelFineTuner, "run_epoch", fail)
    with pytest.raises(ValueError, match="Training diverged.*left as it was"):
        pipe[-1].fit(pipe[0].transform(names), labels)
    assert pickle.dumps(pipe[-1].set_params(
        warm_start=False, discriminative_epochs=0)) == before  # fmt: skip


@pytest.mark.parametrize(
    "params", [{"discriminative_epochs": -1}, {"discriminative_weight": -0.5}]
)
def test_bad_discriminative_parameters_are_rejected(params):
    names, labels = ending_corpus()
    with pytest.raises(InvalidParameterError, match=next(iter(params))):
        small_pipe(**params).fit(names, labels)


def test_verbose_reports_each_discriminative_epoch(capsys):
    names, labels = ending_corpus()
    small_pipe(max_iter=1, discriminative_epochs=2, verbose=True).fit(names, labels)
    out = capsys.readouterr().out
    assert "Discriminative epoch 1/2: label loss = " in out
    assert "Discriminative epoch 2/2" in out


def test_a_copy_saved_before_the_parameters_existed_loads():
    names, labels = ending_corpus()
    clf = small_pipe(max_iter=1).fit(names, labels)[-1]
    state = clf.__getstate__()
    del state["discriminative_epochs"], state["discriminative_weight"]
    old = type(clf).__new__(type(clf))
    old.__setstate__(state)
    assert old.get_params()["discriminative_epochs"] == 0
    assert old.get_params()["discriminative_weight"] == 10.0
    np.testing.assert_array_equal(old.coefs_[0], clf.coefs_[0])


@pytest.mark.parametrize("suffix", [".skops", ".joblib"])
def test_a_fine_tuned_model_saves_and_loads(tmp_path, suffix):
    names, labels = ending_corpus()
    pipe = small_pipe(max_iter=2, discriminative_epochs=2).fit(names, labels)
    path = tmp_path / f"model{suffix}"
    save_model(pipe, path)
    loaded = load_model(path) if suffix == ".skops" else load_model(
        path, allow_pickle=True)  # fmt: skip
    assert loaded[-1].label_loss_curve_ == pipe[-1].label_loss_curve_
    np.testing.assert_array_equal(
        loaded.predict_proba(names[:3], labels=labels[:3]),
        pipe.predict_proba(names[:3], labels=labels[:3]),
    )


class TaskLog:
    """Records the callback tasks, what the model holds as each ends, and stops."""

    def __init__(self, stop_at=None):
        self.stop_at = stop_at  # (task name, how many of them) to stop after
        self.begun, self.ended, self.max_subtasks = [], [], {}

    def setup(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context):
        self.begun.append(context.task_name)
        self.max_subtasks[context.task_name] = context.max_subtasks

    def on_fit_task_end(self, estimator, context, *, fitted_estimator=None):
        curve = getattr(estimator, "label_loss_curve_", None)
        self.ended.append((context.task_name, None if curve is None else list(curve)))
        if self.stop_at is None:
            return False
        name, count = self.stop_at
        return sum(task == name for task, _ in self.ended) >= count

    def teardown(self, estimator, context):
        pass


def fit_with(log, names, labels, **params):
    pipe = small_pipe(**params)
    pipe[-1].set_callbacks(log)
    return pipe.fit(names, labels)[-1]


def test_each_discriminative_epoch_is_a_callback_task_of_fit():
    names, labels = ending_corpus()
    log = TaskLog()
    clf = fit_with(log, names, labels, max_iter=3, discriminative_epochs=2)
    assert log.begun == ["fit"] + ["epoch"] * 3 + ["discriminative epoch"] * 2
    assert log.max_subtasks["fit"] == 5
    ends = [curve for task, curve in log.ended if task == "discriminative epoch"]
    assert ends == [clf.label_loss_curve_[:1], clf.label_loss_curve_]  # up to date
    assert len(clf.label_loss_curve_) == 2 and log.ended[-1][0] == "fit"


def test_a_callback_stops_the_fine_tuning_after_an_epoch():
    names, labels = ending_corpus()
    log = TaskLog(stop_at=("discriminative epoch", 1))
    pipe = small_pipe(max_iter=3, discriminative_epochs=4)
    pipe[-1].set_callbacks(log)
    clf = pipe.fit(names, labels)[-1]
    assert [task for task, _ in log.ended].count("discriminative epoch") == 1
    assert len(clf.label_loss_curve_) == 1 and clf.n_iter_ == 3
    assert np.isfinite(pipe.score(names, labels))  # a usable model


def test_a_callback_that_stops_training_also_skips_the_fine_tuning():
    names, labels = ending_corpus()
    log = TaskLog(stop_at=("epoch", 2))
    clf = fit_with(log, names, labels, max_iter=5, discriminative_epochs=3)
    assert "discriminative epoch" not in log.begun
    assert clf.n_iter_ == 2 and clf.label_loss_curve_ == []


def test_the_weights_do_not_depend_on_the_callbacks():
    names, labels = ending_corpus()
    params = dict(max_iter=3, discriminative_epochs=2, dropout=0.2)
    plain = small_pipe(**params).fit(names, labels)[-1]
    logged = fit_with(TaskLog(), names, labels, **params)
    assert logged.label_loss_curve_ == plain.label_loss_curve_
    for x, y in zip(
        [plain.embeddings_, *plain.coefs_], [logged.embeddings_, *logged.coefs_]
    ):
        np.testing.assert_array_equal(x, y)
