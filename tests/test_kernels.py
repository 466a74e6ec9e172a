"""The training kernels of issue 17 against the implementation before them.

``tests/data/kernel_reference_head.npz`` holds the weights of seeded fits made with
the kernels of commit fc73234 (before the per-step buffers, the division-free
dropout backward of ReLU, the L2 term in one flat pass and Adam in Python floats).
The new kernels do the same arithmetic in a different order in a few places, so the
weights agree within float32 round-off: 2.4e-7 at most after 3 epochs when
measured; the test allows 1e-5 (the weights are of order 1).
"""

from pathlib import Path

import numpy as np
import pytest

from sknextchar import make_default_pipeline
from sknextchar.datasets import load_indian_names
from sknextchar.nn.functional import backward, forward, init_params

REFERENCE = Path(__file__).parent / "data" / "kernel_reference_head.npz"
NAMES = load_indian_names()[::30]
CONFIGS = {
    "lecture": dict(
        windows__context_length=3,
        clf__embedding_dim=10,
        clf__hidden_layer_sizes=(64,),
        clf__activation="tanh",
        clf__batch_size=32,
    ),
    "default": dict(clf__hidden_layer_sizes=(64,)),
    "tuned": dict(
        windows__context_length=6,
        clf__embedding_dim=24,
        clf__hidden_layer_sizes=(64,),
        clf__dropout=0.3,
        clf__alpha=0.01,
    ),
    "two_layers": dict(
        clf__hidden_layer_sizes=(32, 16), clf__dropout=0.2, clf__activation="logistic"
    ),
}


@pytest.mark.parametrize("name", CONFIGS)
def test_seeded_fit_equals_the_previous_kernels_within_float32_round_off(name):
    pipe = make_default_pipeline(random_state=0).set_params(
        clf__max_iter=3, **CONFIGS[name]
    )
    clf = pipe.fit(NAMES)["clf"]
    reference = np.load(REFERENCE)
    arrays = [clf.embeddings_, *clf.coefs_, *clf.intercepts_]
    assert len(arrays) == sum(k.startswith(f"{name}/") for k in reference.files)
    for i, array in enumerate(arrays):
        np.testing.assert_allclose(array, reference[f"{name}/{i}"], rtol=0, atol=1e-5)


@pytest.mark.parametrize("activation", ["relu", "tanh", "logistic", "identity"])
def test_step_buffers_give_the_same_gradients_and_stay_clean(activation):
    rng = np.random.RandomState(0)
    E, coefs, intercepts = init_params(5, 3, 2, (8,), 5, activation, np.float64, rng)
    coefs[-1] = rng.standard_normal(coefs[-1].shape)  # a non-zero output layer
    X, y = rng.randint(0, 5, size=(6, 2)), rng.randint(0, 5, size=6)
    masks = [np.where(rng.rand(6, 8) < 0.3, 0.0, 1 / 0.7)]
    hidden, log_proba = forward(X, E, coefs, intercepts, activation, masks)
    expected = backward(X, y, E, coefs, hidden, log_proba, activation, 0.1, masks=masks)
    gathered, onehot = np.empty((6, 2, 3)), np.zeros((12, 5))
    hidden, log_proba = forward(X, E, coefs, intercepts, activation, masks, gathered)
    got = backward(X, y, E, coefs, hidden, log_proba, activation, 0.1, masks=masks,
                   gathered=gathered, onehot=onehot)  # fmt: skip
    np.testing.assert_array_equal(gathered.reshape(6, -1), E[X].reshape(6, -1))
    assert not onehot.any()  # cleared for the next batch
    np.testing.assert_allclose(got[0], expected[0], rtol=1e-12, atol=1e-15)
    for a, b in zip(got[1] + got[2], expected[1] + expected[2]):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-15)


def test_floor_benchmark_measures_a_step_and_its_products():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import bench_floor

    row = bench_floor.measure("lecture-b32", steps=3, repeats=1)
    assert row["config"] == "lecture-b32"
    assert row["floor_us"] > 0 and row["step_us"] > 0
    assert row["ratio"] == pytest.approx(row["step_us"] / row["floor_us"])
