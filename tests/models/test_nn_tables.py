"""The first layer's table form (``sknextchar.nn.tables``) against the gather form.

The training step computes the first layer as sums of rows of per-position tables
when :func:`~sknextchar.nn.tables.tables_pay_off` says it is faster. These tests
force each form in turn (by replacing the choice) and compare: the same gradients
up to round-off, finite differences, and seeded fits.
"""

import numpy as np
import pytest

import sknextchar.nn.tables as tables
from sknextchar import make_default_pipeline
from sknextchar.datasets import load_indian_names
from sknextchar.nn.functional import StepBuffers, backward, forward, init_params, loss

NAMES = load_indian_names()[::40]


@pytest.fixture
def form(monkeypatch):
    """Call with True to force the table form, False for the gather form."""

    def force(use_tables):
        monkeypatch.setattr(tables, "tables_pay_off", lambda *args: use_tables)

    return force


def _problem(hidden=(9,), labels=None, activation="tanh", dtype=np.float64, seed=0):
    rng = np.random.RandomState(seed)
    params = init_params(7, 3, 4, hidden, 6, activation, dtype, rng, labels=labels)
    params[1][-1][...] = rng.standard_normal(params[1][-1].shape)  # not all zero
    X = rng.randint(0, 7, size=(11, 4))
    if labels is not None:
        X = np.column_stack([X, rng.randint(0, labels[0], size=11)])
    y = rng.randint(0, 6, size=11)
    masks = [np.where(rng.rand(11, h) < 0.3, 0.0, 1 / 0.7).astype(dtype)
             for h in hidden]  # fmt: skip
    return params, X, y, masks


def _step(params, X, y, masks, activation, buffers, alpha=0.1):
    E, coefs, intercepts = params[:3]
    label_embeddings = params[3] if len(params) > 3 else None
    hidden, log_proba = forward(X, E, coefs, intercepts, activation, masks,
                                buffers=buffers,
                                label_embeddings=label_embeddings)  # fmt: skip
    penalised = [E, *coefs] + ([] if label_embeddings is None else [label_embeddings])
    value = loss(log_proba, y, penalised, alpha)
    grads = backward(X, y, E, coefs, hidden, log_proba, activation, alpha,
                     masks=masks, buffers=buffers,
                     label_embeddings=label_embeddings)  # fmt: skip
    return value, [grads[0], *grads[1], *grads[2], *grads[3:]]


def _buffers(params, X, labels):
    L = X.shape[1] - (labels is not None)
    return StepBuffers(len(X), L, params[0], params[1])


@pytest.mark.parametrize("hidden", [(9,), (9, 5)])
@pytest.mark.parametrize("labels", [None, (3, 2)])
@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_table_form_gives_the_gradients_of_the_gather_form(
    form, hidden, labels, activation
):
    params, X, y, masks = _problem(hidden, labels, activation)
    form(True)
    buffers = _buffers(params, X, labels)
    assert buffers.tables is not None
    value, grads = _step(params, X, y, masks, activation, buffers)
    form(False)
    plain = _buffers(params, X, labels)
    assert plain.tables is None
    expected_value, expected = _step(params, X, y, masks, activation, plain)
    assert value == pytest.approx(expected_value, rel=1e-13)
    assert len(grads) == len(expected)
    for got, want in zip(grads, expected):
        np.testing.assert_allclose(got, want, rtol=1e-11, atol=1e-13)


@pytest.mark.parametrize("labels", [None, (3, 2)])
def test_table_form_gradients_match_finite_differences(form, labels):
    params, X, y, masks = _problem((9,), labels, "tanh")
    form(True)
    buffers = _buffers(params, X, labels)
    _, grads = _step(params, X, y, masks, "tanh", buffers)
    arrays = [params[0], *params[1], *params[2], *params[3:]]
    rng = np.random.RandomState(3)
    for array, grad in zip(arrays, grads):
        for index in map(tuple, rng.randint(0, array.shape, size=(4, array.ndim))):
            saved, eps = array[index], 1e-6
            array[index] = saved + eps
            up, _ = _step(params, X, y, masks, "tanh", None)
            array[index] = saved - eps
            down, _ = _step(params, X, y, masks, "tanh", None)
            array[index] = saved
            assert grad[index] == pytest.approx((up - down) / (2 * eps), abs=1e-7)


def test_buffers_serve_batch_after_batch(form):
    """The incidence matrix is rewritten for each batch: no ids left over."""
    form(True)
    params, X, y, masks = _problem()
    buffers = _buffers(params, X, None)
    other = np.random.RandomState(5).randint(0, 7, size=X.shape)
    for batch in (X, other, X):
        _, grads = _step(params, batch, y, masks, "tanh", buffers)
        _, expected = _step(params, batch, y, masks, "tanh", None)
        for got, want in zip(grads, expected):
            np.testing.assert_allclose(got, want, rtol=1e-11, atol=1e-13)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_seeded_fit_with_tables_equals_the_gather_form(form, dtype):
    """Three epochs with dropout: float64 to 1e-9, float32 to its round-off (1e-5)."""
    pipe = make_default_pipeline(random_state=0).set_params(
        windows__context_length=5, clf__embedding_dim=12, clf__hidden_layer_sizes=(48,),
        clf__dropout=0.3, clf__max_iter=3, clf__dtype=dtype,
    )  # fmt: skip
    form(True)
    with_tables = pipe.fit(NAMES)["clf"]
    arrays = [with_tables.embeddings_.copy(), *map(np.copy, with_tables.coefs_)]
    form(False)
    gather = pipe.fit(NAMES)["clf"]
    atol = 1e-9 if dtype == np.float64 else 1e-5
    for got, want in zip(arrays, [gather.embeddings_, *gather.coefs_]):
        assert got.dtype == dtype
        np.testing.assert_allclose(got, want, rtol=0, atol=atol)


def test_cost_model_picks_tables_where_they_were_measured_faster():
    # Measured (first layer forward and backward, float32, one BLAS thread):
    # the tuned preset 232 against 489 us, batch 1024 of the lecture 166 against
    # 427; batch 32 of the lecture 42 against 21.
    assert tables.tables_pay_off(128, 6, 24, 27, 512)
    assert tables.tables_pay_off(1024, 3, 10, 27, 200)
    assert not tables.tables_pay_off(32, 3, 10, 27, 200)
    assert not tables.tables_pay_off(16, 6, 24, 27, 512)
    rng = np.random.RandomState(0)
    E, coefs, _ = init_params(27, 24, 6, (512,), 27, "relu", np.float32, rng)
    assert StepBuffers(128, 6, E, coefs).tables is not None
    assert StepBuffers(16, 6, E, coefs).tables is None


def test_ids_outside_the_embeddings_are_refused():
    # The sparse products read their column indices unchecked: the ids are.
    work = tables.FirstLayerTables(2, 3, np.zeros((5, 4)), n_units=8)
    for bad in ([[0, 1, 5], [0, 0, 0]], [[0, -1, 2], [0, 0, 0]]):
        with pytest.raises(ValueError, match=r"Context ids must be in \[0, 5\)"):
            work.set_contexts(np.array(bad))
