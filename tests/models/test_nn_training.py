"""sknextchar.nn.training: the workspace, the epoch loop, divergence, patience, the
early-stopping hold-out; and the rollback of a failed call (sknextchar._atomic)."""

import math
import threading
from types import SimpleNamespace

import numpy as np
import pytest

from sknextchar._atomic import Rollback, fitted_state
from sknextchar._holdout import validation_split
from sknextchar.nn.adam import AdamOptimizer
from sknextchar.nn.functional import backward, forward, init_params, loss
from sknextchar.nn.training import (
    DivergenceError,
    DivergenceGuard,
    MinibatchTrainer,
    ParameterWorkspace,
    Patience,
    validation_score,
)


def params(hidden=(6,), dtype=np.float64):
    return init_params(5, 3, 2, hidden, 4, "tanh", dtype, np.random.RandomState(0))


def test_workspace_views_share_one_flat_buffer_and_copy_their_input():
    E, coefs, intercepts = params(hidden=(6, 5))
    originals = [a.copy() for a in (E, *coefs, *intercepts)]
    ws = ParameterWorkspace(E, coefs, intercepts, np.float32)
    assert ws.flat.dtype == ws.grad_flat.dtype == np.float32
    assert ws.flat.size == sum(a.size for a in originals)
    for view, original in zip([ws.embeddings, *ws.coefs, *ws.intercepts], originals):
        np.testing.assert_array_equal(view, original.astype(np.float32))
        assert np.shares_memory(view, ws.flat)
    ws.flat[:] = 7.0  # the workspace never writes into the arrays it was given
    for array, original in zip((E, *coefs, *intercepts), originals):
        np.testing.assert_array_equal(array, original)
    # The penalised prefix: embeddings and coefficients, no intercepts.
    assert ws.weights.size == E.size + sum(c.size for c in coefs)
    g_E, g_coefs, g_intercepts = ws.grads
    assert g_E.shape == E.shape and np.shares_memory(g_coefs[1], ws.grad_flat)


def test_trainer_steps_are_forward_loss_backward_and_adam(rng):
    """One epoch without shuffling equals the same steps written out by hand."""
    X = rng.integers(0, 5, size=(10, 2))
    y = rng.integers(0, 4, size=10)
    E, coefs, intercepts = params()
    ws = ParameterWorkspace(E, coefs, intercepts, np.float64)
    trainer = MinibatchTrainer(
        ws, AdamOptimizer([ws.flat], learning_rate_init=0.01), activation="tanh",
        alpha=0.1, batch_size=4, shuffle=False, dropout=0.0, hidden_layer_sizes=[6],
        guard=DivergenceGuard(math.inf),
    )  # fmt: skip
    mean_loss = trainer.run_epoch(X, y, np.random.RandomState(0), epoch=1)

    hand = ParameterWorkspace(E, coefs, intercepts, np.float64)
    adam = AdamOptimizer([hand.flat], learning_rate_init=0.01)
    losses = []
    for rows in (slice(0, 4), slice(4, 8), slice(8, 10)):
        hidden, log_proba = forward(X[rows], hand.embeddings, hand.coefs,
                                    hand.intercepts, "tanh")  # fmt: skip
        losses.append(loss(log_proba, y[rows], [hand.weights], 0.1) * len(y[rows]))
        backward(X[rows], y[rows], hand.embeddings, hand.coefs, hidden, log_proba,
                 "tanh", 0.1, out=hand.grads)  # fmt: skip
        adam.update_params([hand.flat], [hand.grad_flat])
    np.testing.assert_array_equal(ws.flat, hand.flat)
    assert mean_loss == pytest.approx(sum(losses) / 10, rel=1e-12)


def test_trainer_shuffles_with_the_rng_and_seeds_dropout_from_it(rng):
    X = rng.integers(0, 5, size=(12, 2))
    y = rng.integers(0, 4, size=12)

    def run(seed, dropout):
        ws = ParameterWorkspace(*params(), np.float64)
        trainer = MinibatchTrainer(
            ws, AdamOptimizer([ws.flat], learning_rate_init=0.05), activation="tanh",
            alpha=0.0, batch_size=5, shuffle=True, dropout=dropout,
            hidden_layer_sizes=[6], guard=DivergenceGuard(math.inf),
        )  # fmt: skip
        trainer.run_epoch(X, y, np.random.RandomState(seed), epoch=1)
        return ws.flat

    np.testing.assert_array_equal(run(0, 0.5), run(0, 0.5))
    assert not np.array_equal(run(0, 0.0), run(1, 0.0))
    assert not np.array_equal(run(0, 0.0), run(0, 0.5))


def test_divergence_guard_limits_and_messages():
    guard = DivergenceGuard.for_start(
        27, alpha=0.5, batch_size=10, weights=[np.ones(4)]
    )
    assert guard.loss_limit == pytest.approx(10 * (math.log(27) + 0.5 * 0.5 / 10 * 4))
    assert DivergenceGuard.for_start(2, 0.0, 1, []).loss_limit == 10.0  # at least 1 nat
    guard.check_batch(3.0, epoch=1)
    guard.check_epoch(3.0, np.zeros(3), epoch=1)
    with pytest.raises(DivergenceError, match="training loss became inf in epoch 2"):
        guard.check_batch(math.inf, epoch=2)
    with pytest.raises(DivergenceError, match="mean training loss of epoch 4 was 1e"):
        guard.check_epoch(1e3, np.zeros(3), epoch=4)
    with pytest.raises(
        DivergenceError, match="weights stopped being finite in epoch 5"
    ):
        guard.check_epoch(1.0, np.array([0.0, np.nan]), epoch=5)


def test_trainer_raises_divergence_on_absurd_steps(rng):
    X = rng.integers(0, 5, size=(40, 2))
    y = rng.integers(0, 4, size=40)
    ws = ParameterWorkspace(*params(), np.float64)
    trainer = MinibatchTrainer(
        ws, AdamOptimizer([ws.flat], learning_rate_init=1e4), activation="tanh",
        alpha=0.0, batch_size=4, shuffle=False, dropout=0.0, hidden_layer_sizes=[6],
        guard=DivergenceGuard.for_start(4, 0.0, 4, [ws.weights]),
    )  # fmt: skip
    with pytest.raises(DivergenceError, match="epoch 1"):
        trainer.run_epoch(X, y, np.random.RandomState(0), epoch=1)


@pytest.mark.parametrize("higher_is_better", [True, False])
def test_patience_counts_epochs_without_improvement(higher_is_better):
    sign = 1 if higher_is_better else -1
    start = -math.inf if higher_is_better else math.inf
    patience = Patience(0.5, 2, start, higher_is_better=higher_is_better)
    values = [1.0, 1.2, 1.4, 3.0, 3.1, 2.0]
    results = [patience.update(sign * v) for v in values]
    # 1.2 and 1.4 are new bests but not by tol: the count grows and stops at 2.
    assert [is_best for is_best, _ in results] == [True, True, True, True, True, False]
    assert [stop for _, stop in results] == [False, False, True, False, False, True]
    assert patience.best == sign * 3.1 and patience.count == 2
    never = Patience(0.0, math.inf, start, count=5, higher_is_better=higher_is_better)
    assert never.update(sign * 0.0) == (True, False)


def test_validation_split_holds_out_whole_names():
    groups = np.repeat(np.arange(40), np.arange(40) % 5 + 1)  # names of 1-5 windows
    held = validation_split(len(groups), groups, 0.25, np.random.RandomState(0))
    held_names = np.unique(groups[held])
    assert len(held_names) == math.ceil(0.25 * 40)
    np.testing.assert_array_equal(held, np.isin(groups, held_names))  # all or none


def test_validation_split_draws_what_0_1_drew():
    """The draws of the old hand-written split: seeded fits keep their weights."""
    groups = np.repeat(np.arange(30), 3)
    for fraction in (0.1, 0.25, 0.5):
        rng, old = np.random.RandomState(7), np.random.RandomState(7)
        held = validation_split(len(groups), groups, fraction, rng)
        names = old.choice(np.arange(30), size=math.ceil(fraction * 30), replace=False)
        np.testing.assert_array_equal(held, np.isin(groups, names))
        assert rng.randint(1000) == old.randint(1000)  # the stream goes on alike
    rng, old = np.random.RandomState(3), np.random.RandomState(3)
    held = validation_split(17, None, 0.2, rng)  # rows
    assert held.sum() == math.ceil(0.2 * 17)
    np.testing.assert_array_equal(
        np.flatnonzero(held), np.sort(old.choice(17, 4, False))
    )


def test_validation_split_refuses_too_little_data():
    one_name = "0.5 of 1 distinct name leaves 0 for training. Use more data, or "
    with pytest.raises(ValueError, match=one_name):  # no smaller fraction helps
        validation_split(4, np.zeros(4), 0.5, np.random.RandomState(0))
    with pytest.raises(ValueError, match="a smaller validation_fraction"):
        validation_split(4, np.arange(4) // 2, 0.9, np.random.RandomState(0))
    with pytest.raises(ValueError, match="0.9 of 3 rows leaves 0 for training"):
        validation_split(3, None, 0.9, np.random.RandomState(0))


def test_validation_score_is_the_mean_target_log_proba_in_chunks(rng):
    E, coefs, intercepts = params()
    coefs = [rng.standard_normal(c.shape) for c in coefs]
    ws = ParameterWorkspace(E, coefs, intercepts, np.float64)
    X = rng.integers(0, 5, size=(11, 2))
    y = rng.integers(0, 4, size=11)
    _, log_proba = forward(X, E, coefs, intercepts, "tanh")
    expected = log_proba[np.arange(11), y].mean()
    for chunk in (3, 4096):
        score = validation_score(ws, X, y, "tanh", chunk_size=chunk)
        assert score == pytest.approx(expected, rel=1e-12)


def test_fitted_state_is_a_deep_copy_of_the_learned_attributes():
    model = SimpleNamespace(
        alpha=0.1, coefs_=[np.ones(2)], loss_curve_=[1.0], _optimizer=[3], _cache=[4]
    )
    state = fitted_state(model, ("_optimizer",))
    assert set(state) == {"coefs_", "loss_curve_", "_optimizer"}
    model.coefs_[0][:] = 5.0
    model.loss_curve_.append(0.5)
    assert state["coefs_"][0].tolist() == [1.0, 1.0] and state["loss_curve_"] == [1.0]


def test_rollback_restores_the_fitted_state_and_nothing_else():
    lock = threading.Lock()  # a callback-like object that cannot be copied
    model = SimpleNamespace(
        alpha=0.1, coefs_=np.ones(2), loss_curve_=[1.0], _optimizer=AdamOptimizer(
            [np.zeros(2)]), _skl_callbacks=[lock],
    )  # fmt: skip
    rollback = Rollback(model, ("_optimizer",))
    model.loss_curve_.append(0.5)
    model.coefs_ = np.zeros(2)
    model._optimizer.update_params([np.zeros(2)], [np.ones(2)])
    model.classes_ = np.arange(3)  # new fitted attributes are removed
    model._callback_fit_ctx = "a context"  # the callback machinery is left alone
    model.alpha = 0.2
    rollback.restore(model)
    assert model.loss_curve_ == [1.0] and model.coefs_.tolist() == [1.0, 1.0]
    assert model._optimizer.t == 0 and not hasattr(model, "classes_")
    assert model._skl_callbacks == [lock] and model._callback_fit_ctx == "a context"
    assert model.alpha == 0.2
