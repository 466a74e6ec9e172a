"""sknextchar.nn.functional against oracles: finite differences, SciPy, and a naive
(concatenate, then multiply) forward pass."""

import numpy as np
import pytest
import scipy.special
from scipy.special import expit
from threadpoolctl import threadpool_limits

from sknextchar.nn.functional import (
    ACTIVATIONS,
    DERIVATIVES,
    backward,
    dropout_masks,
    forward,
    init_params,
    log_proba_by_row,
    log_softmax,
    loss,
    target_log_proba,
)

V, K, L, C = 5, 3, 3, 4  # symbols, embedding dim, context length, classes


def make_problem(rng, hidden, activation, n=7, dtype=np.float64):
    """Small random parameters (nothing zero, so every path carries gradient)."""
    E, coefs, intercepts = init_params(
        V, K, L, hidden, C, activation, dtype, np.random.RandomState(0)
    )
    coefs = [rng.normal(scale=0.7, size=c.shape).astype(dtype) for c in coefs]
    intercepts = [rng.normal(scale=0.3, size=b.shape).astype(dtype) for b in intercepts]
    # Repeated ids within a window and across windows exercise the scatter-add.
    X = rng.integers(0, V, size=(n, L)).astype(np.uint8)
    X[0] = [2, 2, 2]
    X[1] = [2, 0, 2]
    y = rng.integers(0, C, size=n)
    return X, y, [E, *coefs, *intercepts]


def total_loss(X, y, params, n_layers, activation, alpha):
    E, coefs, intercepts = params[0], params[1 : n_layers + 1], params[n_layers + 1 :]
    _, log_proba = forward(X, E, coefs, intercepts, activation)
    return loss(log_proba, y, [E, *coefs], alpha)


def numerical_gradient(f, params, eps=1e-6):
    grads = []
    for p in params:
        g = np.zeros_like(p)
        for i in np.ndindex(p.shape):
            saved = p[i]
            p[i] = saved + eps
            up = f()
            p[i] = saved - eps
            down = f()
            p[i] = saved
            g[i] = (up - down) / (2 * eps)
        grads.append(g)
    return grads


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
@pytest.mark.parametrize("hidden", [(), (6,), (6, 5)], ids=["none", "one", "two"])
@pytest.mark.parametrize("alpha", [0.0, 0.3])
def test_gradients_match_finite_differences(rng, activation, hidden, alpha):
    X, y, params = make_problem(rng, hidden, activation)
    n_layers = len(hidden) + 1
    E, coefs, intercepts = params[0], params[1 : n_layers + 1], params[n_layers + 1 :]

    hidden_out, log_proba = forward(X, E, coefs, intercepts, activation)
    g_E, g_coefs, g_intercepts = backward(
        X, y, E, coefs, hidden_out, log_proba, activation, alpha
    )
    analytic = [g_E, *g_coefs, *g_intercepts]

    numeric = numerical_gradient(
        lambda: total_loss(X, y, params, n_layers, activation, alpha), params
    )
    names = ["embeddings"] + [f"coefs[{i}]" for i in range(n_layers)]
    names += [f"intercepts[{i}]" for i in range(n_layers)]
    for name, a, b in zip(names, analytic, numeric):
        assert a.shape == b.shape, name
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-7, err_msg=name)


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
@pytest.mark.parametrize("hidden", [(6,), (6, 5)], ids=["one", "two"])
def test_dropout_gradients_match_finite_differences(rng, activation, hidden):
    """With fixed dropout masks the loss is a smooth function of the parameters."""
    X, y, params = make_problem(rng, hidden, activation)
    n_layers = len(hidden) + 1
    E, coefs, intercepts = params[0], params[1 : n_layers + 1], params[n_layers + 1 :]
    masks = dropout_masks(len(y), hidden, 0.4, rng, np.float64)
    assert all((m == 0).any() and (m != 0).any() for m in masks)

    def total():
        _, log_proba = forward(X, E, coefs, intercepts, activation, masks)
        return loss(log_proba, y, [E, *coefs], 0.1)

    hidden_out, log_proba = forward(X, E, coefs, intercepts, activation, masks)
    g_E, g_coefs, g_intercepts = backward(
        X, y, E, coefs, hidden_out, log_proba, activation, 0.1, masks=masks
    )
    numeric = numerical_gradient(total, params)
    for i, (a, b) in enumerate(zip([g_E, *g_coefs, *g_intercepts], numeric)):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-7, err_msg=str(i))


def test_dropout_masks_are_inverted_dropout():
    generator = np.random.default_rng(0)
    (mask,) = dropout_masks(2000, (50,), 0.25, generator, np.float32)
    assert mask.dtype == np.float32
    assert set(np.unique(mask).tolist()) == {0.0, np.float32(1 / 0.75)}
    assert abs((mask == 0).mean() - 0.25) < 0.01  # drop rate
    assert abs(mask.mean() - 1.0) < 0.02  # expected multiplier 1: no rescaling later


def test_forward_with_unit_masks_is_forward(rng):
    X, _, params = make_problem(rng, (6, 5), "tanh")
    E, coefs, intercepts = params[0], params[1:4], params[4:]
    ones = [np.ones((len(X), 6)), np.ones((len(X), 5))]
    _, expected = forward(X, E, coefs, intercepts, "tanh")
    _, log_proba = forward(X, E, coefs, intercepts, "tanh", ones)
    np.testing.assert_allclose(log_proba, expected, rtol=1e-12)


def test_backward_writes_into_given_buffers(rng):
    X, y, params = make_problem(rng, (6,), "tanh")
    E, coefs, intercepts = params[0], params[1:3], params[3:]
    hidden, log_proba = forward(X, E, coefs, intercepts, "tanh")
    out = (np.empty_like(E), [np.empty_like(c) for c in coefs],
           [np.empty_like(b) for b in intercepts])  # fmt: skip
    returned = backward(X, y, E, coefs, hidden, log_proba, "tanh", 0.1, out=out)
    assert returned[0] is out[0]
    assert all(r is o for r, o in zip(returned[1], out[1]))
    assert all(r is o for r, o in zip(returned[2], out[2]))


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
def test_forward_is_concatenated_embeddings_through_an_mlp(rng, activation):
    """The fused lookup table equals the textbook computation."""
    X, _, params = make_problem(rng, (6, 5), activation, n=11)
    E, coefs, intercepts = params[0], params[1:4], params[4:]
    act = {
        "identity": lambda z: z,
        "tanh": np.tanh,
        "logistic": expit,
        "relu": lambda z: np.maximum(z, 0),
    }[activation]
    a = E[X].reshape(len(X), L * K)  # (n, L*K): concatenated embeddings
    for coef, intercept in zip(coefs[:-1], intercepts[:-1]):
        a = act(a @ coef + intercept)
    scores = a @ coefs[-1] + intercepts[-1]
    expected = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))

    hidden, log_proba = forward(X, E, coefs, intercepts, activation)
    np.testing.assert_allclose(log_proba, expected, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(hidden[-1], a, rtol=1e-10, atol=1e-12)


def test_embedding_gradient_sums_over_every_occurrence():
    """Id 2 occurs four times: its gradient row is the sum of the four parts."""
    E = np.arange(V * K, dtype=np.float64).reshape(V, K) / 10
    W = np.random.default_rng(0).normal(size=(L * K, C))
    X = np.array([[2, 2, 2], [2, 0, 1]])
    y = np.array([1, 3])
    _, log_proba = forward(X, E, [W], [np.zeros(C)], "identity")
    delta = np.exp(log_proba)
    delta[np.arange(2), y] -= 1
    delta /= 2
    g_emb = (delta @ W.T).reshape(2, L, K)  # per window and position
    g_E, _, _ = backward(X, y, E, [W], [], log_proba, "identity", 0.0)
    np.testing.assert_allclose(g_E[2], g_emb[0].sum(axis=0) + g_emb[1, 0])
    np.testing.assert_allclose(g_E[0], g_emb[1, 1])
    np.testing.assert_allclose(g_E[[3, 4]], 0)


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
def test_derivatives_match_the_activation_slope(activation):
    z = np.linspace(-3, 3, 13) + 0.05  # avoid relu's kink at 0
    eps = 1e-6
    slope = (ACTIVATIONS[activation](z + eps) - ACTIVATIONS[activation](z - eps)) / (
        2 * eps
    )
    a = ACTIVATIONS[activation](z.copy())
    delta = DERIVATIVES[activation](a, np.ones_like(z))
    np.testing.assert_allclose(delta, slope, rtol=1e-6, atol=1e-8)


def test_log_softmax_is_stable_and_normalised():
    S = np.array([[1e4, 0.0, -1e4], [1.0, 2.0, 3.0], [-800.0, -800.0, -800.0]])
    out = log_softmax(S.copy())
    np.testing.assert_allclose(out, scipy.special.log_softmax(S, axis=1), rtol=1e-12)
    assert np.isfinite(out).all()
    np.testing.assert_allclose(np.exp(out).sum(axis=1), 1.0)
    np.testing.assert_allclose(out[1], [1, 2, 3] - np.log(np.exp([1, 2, 3]).sum()))
    np.testing.assert_allclose(out[2], np.log(1 / 3))
    out32 = log_softmax(S.astype(np.float32))
    assert out32.dtype == np.float32 and np.isfinite(out32).all()


def test_loss_is_mean_cross_entropy_plus_scaled_l2():
    proba = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    y = np.array([0, 2])
    w1, w2 = np.array([1.0, -2.0]), np.array([[0.5], [3.0]])
    expected_data = -(np.log(0.7) + np.log(0.8)) / 2
    assert loss(np.log(proba), y, [w1, w2], 0.0) == pytest.approx(expected_data)
    penalty = 0.4 / (2 * 2) * (1 + 4 + 0.25 + 9)  # alpha / (2 n) * sum of squares
    assert loss(np.log(proba), y, [w1, w2], 0.4) == pytest.approx(
        expected_data + penalty
    )


def test_init_params_shapes_dtype_and_uniform_start():
    rs = np.random.RandomState(0)
    E, coefs, intercepts = init_params(27, 10, 3, (64, 32), 27, "relu", np.float32, rs)
    assert E.shape == (27, 10)
    assert [c.shape for c in coefs] == [(30, 64), (64, 32), (32, 27)]
    assert [b.shape for b in intercepts] == [(64,), (32,), (27,)]
    assert all(a.dtype == np.float32 for a in [E, *coefs, *intercepts])
    assert not coefs[-1].any() and not any(b.any() for b in intercepts)
    bound = np.sqrt(6 / (30 + 64))
    assert np.abs(coefs[0]).max() <= bound
    # Zero output layer: the first prediction is uniform, the first loss log(C).
    X = np.zeros((4, 3), dtype=np.uint8)
    _, log_proba = forward(X, E, coefs, intercepts, "relu")
    assert loss(log_proba, np.arange(4), [], 0.0) == pytest.approx(np.log(27), 1e-6)
    again = init_params(27, 10, 3, (64, 32), 27, "relu", np.float32,
                        np.random.RandomState(0))  # fmt: skip
    np.testing.assert_array_equal(again[0], E)


def test_target_log_proba_picks_each_rows_target(rng):
    log_proba = np.log(rng.dirichlet(np.ones(5), size=8))
    targets = rng.integers(0, 5, size=8)
    picked = target_log_proba(log_proba, targets)
    assert picked.shape == (8,)
    for i, t in enumerate(targets):
        assert picked[i] == log_proba[i, t]
    assert target_log_proba(log_proba, list(targets)).tolist() == picked.tolist()


ARCHITECTURES = [
    (3, 10, (64,), "relu", np.float32),
    (8, 24, (96,), "relu", np.float32),
    (2, 3, (16, 8), "tanh", np.float64),
    (3, 4, (), "identity", np.float32),
    (5, 7, (33,), "logistic", np.float32),
]


@pytest.mark.parametrize("L, K, hidden, activation, dtype", ARCHITECTURES)
def test_log_proba_by_row_does_not_depend_on_the_other_rows(
    rng, L, K, hidden, activation, dtype
):
    """Whatever the BLAS kernel and its blocking, a row is computed on its own."""
    E, coefs, intercepts = init_params(
        27, K, L, hidden, 27, activation, dtype, np.random.RandomState(0)
    )
    coefs = [(0.3 * rng.standard_normal(c.shape)).astype(dtype) for c in coefs]
    intercepts = [
        (0.1 * rng.standard_normal(b.shape)).astype(dtype) for b in intercepts
    ]
    X = rng.integers(0, 27, size=(257, L)).astype(np.uint8)
    with threadpool_limits(limits=1, user_api="blas"):
        batch = log_proba_by_row(X, E, coefs, intercepts, activation)
        order = rng.permutation(len(X))
        permuted = log_proba_by_row(X[order], E, coefs, intercepts, activation)
        alone = [log_proba_by_row(X[i : i + 1], E, coefs, intercepts, activation)
                 for i in range(0, len(X), 16)]  # fmt: skip
        chunked = log_proba_by_row(X, E, coefs, intercepts, activation, chunk_size=10)
        _, batched = forward(X, E, coefs, intercepts, activation)
    np.testing.assert_array_equal(permuted, batch[order])
    np.testing.assert_array_equal(np.concatenate(alone), batch[::16])
    np.testing.assert_array_equal(chunked, batch)
    assert batch.dtype == dtype
    # The same numbers as the training pass, up to the rounding of the sums.
    tol = 1e-12 if dtype == np.float64 else 1e-4
    np.testing.assert_allclose(batch, batched, rtol=tol, atol=tol)
