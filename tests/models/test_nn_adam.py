"""sknextchar.nn.adam: Adam steps recomputed by hand, the schedule, the state's
carry-over between training calls, and the alias module models of 0.1 name."""

import pickle

import numpy as np
import pytest

from sknextchar.nn.adam import AdamOptimizer, scheduled_learning_rate


def test_adam_steps_recomputed_by_hand():
    lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    w = np.array([1.0, -2.0, 0.5])
    b = np.array([0.25])
    adam = AdamOptimizer([w, b], learning_rate_init=lr, beta_1=b1, beta_2=b2,
                         epsilon=eps)  # fmt: skip
    g1 = [np.array([0.5, -1.0, 0.0]), np.array([2.0])]
    g2 = [np.array([-0.5, 0.25, 1.0]), np.array([0.0])]

    expected_w, expected_b = w.copy(), b.copy()
    m = [np.zeros(3), np.zeros(1)]
    v = [np.zeros(3), np.zeros(1)]
    for t, grads in enumerate([g1, g2], start=1):
        lr_t = lr * np.sqrt(1 - b2**t) / (1 - b1**t)
        for i, (param, g) in enumerate(zip([expected_w, expected_b], grads)):
            m[i] = b1 * m[i] + (1 - b1) * g
            v[i] = b2 * v[i] + (1 - b2) * g**2
            param -= lr_t * m[i] / (np.sqrt(v[i]) + eps)
        adam.update_params([w, b], grads)
        np.testing.assert_allclose(w, expected_w, rtol=1e-12)
        np.testing.assert_allclose(b, expected_b, rtol=1e-12)
    assert adam.t == 2
    np.testing.assert_allclose(adam.ms[0], m[0])
    np.testing.assert_allclose(adam.vs[1], v[1])
    # The first step moves every weight with a non-zero gradient by about lr.
    w0 = np.array([1.0, -2.0, 0.5])
    first = AdamOptimizer([w0], learning_rate_init=lr)
    first.update_params([w0], [g1[0]])
    np.testing.assert_allclose(w0, [0.9, -1.9, 0.5], rtol=1e-6)


def test_adam_keeps_float32_and_leaves_grads_alone():
    w = np.ones(4, dtype=np.float32)
    g = np.full(4, 0.5, dtype=np.float32)
    adam = AdamOptimizer([w], learning_rate_init=0.01)
    adam.learning_rate = 0.02  # a schedule changes it between epochs
    adam.update_params([w], [g])
    assert w.dtype == np.float32 and adam.ms[0].dtype == np.float32
    np.testing.assert_allclose(w, 1 - 0.02, rtol=1e-5)
    np.testing.assert_array_equal(g, 0.5)


def test_cosine_schedule_by_hand():
    rates = [scheduled_learning_rate("cosine", 0.01, epoch, 4) for epoch in range(6)]
    assert rates[0] == pytest.approx(0.01)
    assert rates[2] == pytest.approx(0.01 * (0.01 + 0.99 * 0.5))  # half-way
    assert rates[:5] == sorted(rates[:5], reverse=True)
    assert rates[4] == rates[5] == pytest.approx(0.01 * 0.01)  # the floor, then flat
    assert [scheduled_learning_rate("constant", 0.01, e, 4) for e in range(6)] == [
        0.01
    ] * 6
    with pytest.raises(ValueError, match="schedule must be one of"):
        scheduled_learning_rate("adaptive", 0.01, 0, 4)


def test_set_epoch_drives_the_step_size():
    w = np.zeros(3)
    adam = AdamOptimizer([w], learning_rate_init=0.1, schedule="cosine", n_epochs=2)
    assert adam.set_epoch(1) == pytest.approx(0.1 * (0.01 + 0.99 * 0.5))
    adam.update_params([w], [np.ones(3)])
    np.testing.assert_allclose(w, -adam.learning_rate, rtol=1e-6)  # first step ~lr


def test_adapt_keeps_the_state_casts_it_and_takes_new_settings():
    w = np.ones(4)
    adam = AdamOptimizer([w], learning_rate_init=0.1)
    adam.update_params([w], [np.full(4, 0.5)])
    moments = adam.ms[0].copy(), adam.vs[0].copy()
    w32 = w.astype(np.float32)
    same = adam.adapt([w32], learning_rate_init=0.2, beta_1=0.8, schedule="cosine",
                      n_epochs=5)  # fmt: skip
    assert same is adam and adam.t == 1
    assert adam.ms[0].dtype == adam.vs[0].dtype == np.float32
    np.testing.assert_allclose(adam.ms[0], moments[0], rtol=1e-6)
    np.testing.assert_allclose(adam.vs[0], moments[1], rtol=1e-6)
    assert (adam.learning_rate_init, adam.beta_1, adam.schedule, adam.n_epochs) == (
        0.2, 0.8, "cosine", 5,
    )  # fmt: skip
    assert adam.set_epoch(0) == 0.2
    adam.update_params([w32], [np.ones(4, dtype=np.float32)])  # steps in float32
    assert w32.dtype == np.float32 and adam.t == 2
    # Resized parameters: the moments and the bias correction start again.
    adam.adapt([np.ones(6)])
    assert adam.t == 0 and adam.ms[0].shape == (6,) and not adam.vs[0].any()
    with pytest.raises(TypeError, match="Unknown Adam hyperparameters"):
        adam.adapt([np.ones(6)], momentum=0.9)


def test_pickles_without_scratch_and_resumes_identically():
    w = np.linspace(-1, 1, 5)
    adam = AdamOptimizer([w], learning_rate_init=0.05)
    adam.update_params([w], [w * 2])
    state = pickle.dumps((adam, w))
    assert "_work" not in adam.__getstate__()
    copy_adam, copy_w = pickle.loads(state)
    for optimizer, params in ((adam, w), (copy_adam, copy_w)):
        optimizer.update_params([params], [params - 0.3])
    np.testing.assert_array_equal(w, copy_w)
    assert copy_adam.t == adam.t == 2


def test_an_optimizer_pickled_by_0_1_loads_through_the_old_module_and_resumes():
    """Models of 0.1 name ``sknextchar._adam.AdamOptimizer`` and have no schedule."""
    import sknextchar._adam

    assert sknextchar._adam.AdamOptimizer is AdamOptimizer
    old = AdamOptimizer.__new__(AdamOptimizer)
    vars(old).update(  # the attributes 0.1 saved
        learning_rate_init=0.1, learning_rate=0.1, beta_1=0.9, beta_2=0.999,
        epsilon=1e-8, t=3, ms=[np.zeros(2)], vs=[np.zeros(2)],
    )  # fmt: skip
    assert (old.schedule, old.n_epochs) == ("constant", None)
    assert old.set_epoch(7) == 0.1
    old.adapt([np.zeros(2)], schedule="cosine", n_epochs=10)
    assert old.t == 3 and old.set_epoch(5) < 0.1
