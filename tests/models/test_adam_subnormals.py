"""Adam's parameters and moments never stay subnormal (where arithmetic is slow).

A dead ReLU unit or a weight that the L2 penalty pulls to 0 used to leave
float32 parameters and first moments below ``np.finfo(np.float32).tiny`` for
good, and epochs became several times slower as training went on. The tests
here fit tiny networks that reach that range, and check that the flushing
changes nothing in a fit that never reaches it.
"""

import warnings

import numpy as np
import pytest
from sklearn.exceptions import ConvergenceWarning
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    make_default_pipeline,
)
from sknextchar.datasets import load_indian_names
from sknextchar.nn import adam
from sknextchar.nn.adam import AdamOptimizer
from sknextchar.nn.training import ParameterAverage

NAMES = ["anna", "bob", "cara", "dave", "emma", "finn", "gina", "hugo"]
LABELS = ["f", "m", "f", "m", "f", "m", "f", "m"]


def n_subnormal(values):
    values = np.asarray(values)
    return int(
        np.count_nonzero((values != 0) & (abs(values) < np.finfo(values.dtype).tiny))
    )


def fitted_arrays(clf):
    return [clf.embeddings_, *clf.coefs_, *clf.intercepts_]


def tiny_pipeline(**params):
    """A network with 8 hidden units under a strong L2 penalty: some die."""
    settings = dict(
        hidden_layer_sizes=(8,), embedding_dim=2, alpha=1.0, learning_rate="constant",
        batch_size=4, random_state=0,
    )  # fmt: skip
    return make_pipeline(
        ContextWindowTransformer(context_length=2),
        CharEmbeddingMLPClassifier(**{**settings, **params}),
    )


def without_flushing(monkeypatch):
    """The optimizer's arithmetic as it was before subnormals were flushed."""
    monkeypatch.setattr(adam, "_FLUSH_PERIOD", 10**12)
    monkeypatch.setattr(AdamOptimizer, "flush", lambda self, params: None)


def stopped_gradient():
    """Adam's state after a gradient that stops: 2,500 steps of 0 after one step.

    The first gradient leaves m and v small; after it they shrink by beta_1
    and beta_2 per step: m is subnormal after about 440 steps (and would stay
    at the smallest subnormal), v after about 2,140. The last weight starts
    subnormal and has no gradient.
    """
    w = np.array([0.5, 0.5, 1e-40], dtype=np.float32)
    optimizer = AdamOptimizer([w])
    optimizer.update_params([w], [np.array([1e-17, 0.0, 0.0], dtype=np.float32)])
    zero = np.zeros(3, dtype=np.float32)
    for _ in range(2500):
        optimizer.update_params([w], [zero.copy()])
    return w, optimizer.ms[0], optimizer.vs[0]


def test_moments_of_a_gradient_that_stops_are_flushed(monkeypatch):
    assert [n_subnormal(values) for values in stopped_gradient()] == [0, 0, 0]
    without_flushing(monkeypatch)
    assert [n_subnormal(values) for values in stopped_gradient()] == [1, 1, 1]


def dead_units_fit():
    pipe = tiny_pipeline(
        learning_rate_init=0.05, max_iter=200, n_iter_no_change=10**4, tol=0.0
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf = pipe.fit(NAMES)[-1]
    assert clf.n_iter_ == 200
    optimizer = clf._optimizer
    return (
        sum(map(n_subnormal, fitted_arrays(clf))),
        sum(map(n_subnormal, [*optimizer.ms, *optimizer.vs])),
    )


@pytest.mark.slow
def test_a_fit_with_dead_units_leaves_nothing_subnormal(monkeypatch):
    assert dead_units_fit() == (0, 0)
    without_flushing(monkeypatch)  # the same fit used to leave many
    n_parameters, n_moments = dead_units_fit()
    assert n_parameters > 10 and n_moments > 10


@pytest.mark.slow
@pytest.mark.parametrize("every_few_steps", [True, False])
def test_discriminative_epochs_leave_no_subnormal_parameter(
    monkeypatch, every_few_steps
):
    # Without the flush every few steps, the flush at the end of each
    # fine-tuning epoch alone must keep the parameters normal.
    if not every_few_steps:
        monkeypatch.setattr(adam, "_FLUSH_PERIOD", 10**12)
    pipe = tiny_pipeline(learning_rate_init=0.5, max_iter=5, discriminative_epochs=3000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        pipe.fit(NAMES, LABELS)
    arrays = [*fitted_arrays(pipe[-1]), pipe[-1].label_embeddings_]
    assert sum(map(n_subnormal, arrays)) == 0


def test_the_parameter_average_is_written_without_subnormals():
    flat = np.array([1e-39, 0.5], dtype=np.float32)
    average = ParameterAverage(flat, decay=0.5)
    average.update(flat)
    out = average.copy_to(np.empty_like(flat))
    assert out.tolist() == [0.0, 0.5]


@pytest.mark.parametrize("discriminative_epochs", [0, 1])
def test_a_fit_without_subnormals_is_unchanged(monkeypatch, discriminative_epochs):
    names = load_indian_names()[:600]
    labels = ["a" if i % 3 else "b" for i in range(len(names))]
    params = dict(
        clf__hidden_layer_sizes=(32,), clf__max_iter=2,
        clf__discriminative_epochs=discriminative_epochs,
    )  # fmt: skip

    def fit():
        pipe = make_default_pipeline(random_state=0).set_params(**params)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            return pipe.fit(names, labels)[-1]

    flushed = fit()
    without_flushing(monkeypatch)
    reference = fit()
    reference_arrays = fitted_arrays(reference)
    # The reference never went subnormal (else this test would prove nothing)...
    assert sum(map(n_subnormal, reference_arrays)) == 0
    assert sum(map(n_subnormal, reference._optimizer.ms)) == 0
    # ...and the fit with flushing is the same, bit for bit.
    assert flushed.loss_curve_ == reference.loss_curve_
    for mine, theirs in zip(fitted_arrays(flushed), reference_arrays):
        assert mine.tobytes() == theirs.tobytes()


def test_an_epoch_ends_with_its_moments_flushed(monkeypatch):
    # A partial_fit of one epoch with the flush every few steps turned off: the
    # flush at the end of the epoch alone must leave no subnormal moment. The
    # moments of the symbols these names do not use get no gradient (alpha=0),
    # so 0.9 times a subnormal value stays subnormal unless it is flushed.
    pipe = tiny_pipeline(alpha=0.0, max_iter=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        pipe.fit(NAMES)
    windows, clf = pipe[0].transform(NAMES), pipe[-1]
    monkeypatch.setattr(adam, "_FLUSH_PERIOD", 10**12)
    for m in clf._optimizer.ms:
        m[...] = 1e-40
    clf.partial_fit(windows)
    assert [n_subnormal(m) for m in clf._optimizer.ms] == [0] * len(clf._optimizer.ms)
