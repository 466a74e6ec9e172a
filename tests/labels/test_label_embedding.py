"""The label embedding of the model of names by label, and its size parameter."""

import pickle
from pathlib import Path

import joblib
import numpy as np
import pytest
from sklearn.base import clone

from sknextchar import (
    ContextWindowTransformer,
    NameSampler,
    load_model,
    save_model,
)
from sknextchar.datasets import load_indian_names
from sknextchar.nn.functional import (
    StepBuffers,
    backward,
    forward,
    init_params,
    label_offsets,
    log_proba_by_row,
    loss,
)
from tests.labels.test_labels import ending_corpus, small_pipe
from tests.models.test_nn_functional import numerical_gradient

DATA = Path(__file__).parents[1] / "data"


def labelled_problem(D, activation, hidden=(5,), n_labels=3, seed=0):
    """Float64 parameters and a batch whose last column is a label id."""
    rng = np.random.default_rng(seed)
    V, K, L, C, n = 5, 3, 2, 4, 12
    E, coefs, intercepts, LE = init_params(
        V, K, L, hidden, C, activation, np.float64, np.random.RandomState(seed),
        labels=(n_labels, D),
    )  # fmt: skip
    coefs = [rng.normal(scale=0.7, size=c.shape) for c in coefs]
    intercepts = [rng.normal(scale=0.1, size=b.shape) for b in intercepts]
    X = np.column_stack([rng.integers(0, V, (n, L)), np.arange(n) % n_labels])
    y = rng.integers(0, C, n)
    return X, y, E, coefs, intercepts, LE


@pytest.mark.parametrize("D", [1, 3, 5], ids=["D<K", "D=K", "D>K"])
@pytest.mark.parametrize("activation", ["tanh", "relu", "logistic"])
@pytest.mark.parametrize("hidden", [(), (5,)], ids=["no-hidden", "one-hidden"])
def test_label_gradients_match_finite_differences(D, activation, hidden):
    X, y, E, coefs, intercepts, LE = labelled_problem(D, activation, hidden)
    alpha = 0.3
    params = [E, LE, *coefs, *intercepts]
    n = len(coefs)

    def total():
        _, log_proba = forward(X, E, coefs, intercepts, activation, label_embeddings=LE)
        return loss(log_proba, y, [E, LE, *coefs], alpha)

    hidden_out, log_proba = forward(
        X, E, coefs, intercepts, activation, label_embeddings=LE
    )
    g_E, g_coefs, g_intercepts, g_LE = backward(
        X, y, E, coefs, hidden_out, log_proba, activation, alpha, label_embeddings=LE
    )
    numeric = numerical_gradient(total, params)
    analytic = [g_E, g_LE, *g_coefs, *g_intercepts]
    for name, a, b in zip(["E", "LE", *["coef"] * n, *["intercept"] * n],
                          analytic, numeric):  # fmt: skip
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-7, err_msg=name)
    assert np.abs(g_LE).min() > 0  # every label gets gradient


def test_label_of_embedding_dim_size_is_one_more_context_position():
    # Oracle: with D = K, the label's term is that of a context one position
    # longer whose last id indexes rows appended to the embedding table.
    X, y, E, coefs, intercepts, LE = labelled_problem(3, "tanh")
    V = len(E)
    extended = X.copy()
    extended[:, -1] += V
    table = np.vstack([E, LE])
    _, expected = forward(extended, table, coefs, intercepts, "tanh")
    _, got = forward(X, E, coefs, intercepts, "tanh", label_embeddings=LE)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-13)
    by_row = log_proba_by_row(X, E, coefs, intercepts, "tanh", label_embeddings=LE)
    np.testing.assert_allclose(by_row, expected, rtol=0, atol=1e-13)
    g_old = backward(extended, y, table, coefs, *forward(
        extended, table, coefs, intercepts, "tanh"), "tanh", 0.2)  # fmt: skip
    g_new = backward(X, y, E, coefs, *forward(
        X, E, coefs, intercepts, "tanh", label_embeddings=LE), "tanh", 0.2,
        label_embeddings=LE)  # fmt: skip
    np.testing.assert_allclose(g_new[0], g_old[0][:V], atol=1e-13)
    np.testing.assert_allclose(g_new[3], g_old[0][V:], atol=1e-13)
    for a, b in zip(g_new[1] + g_new[2], g_old[1] + g_old[2]):
        np.testing.assert_allclose(a, b, atol=1e-13)


@pytest.mark.parametrize("D", [1, 5])
def test_training_buffers_give_the_gradients_of_the_plain_passes(D):
    X, y, E, coefs, intercepts, LE = labelled_problem(D, "relu", hidden=(6, 4))
    buffers = StepBuffers(len(X), X.shape[1] - 1, E, coefs)
    plain = backward(X, y, E, coefs, *forward(
        X, E, coefs, intercepts, "relu", label_embeddings=LE), "relu", 0.0,
        label_embeddings=LE)  # fmt: skip
    buffered = backward(X, y, E, coefs, *forward(
        X, E, coefs, intercepts, "relu", buffers=buffers, label_embeddings=LE),
        "relu", 0.0, buffers=buffers, label_embeddings=LE)  # fmt: skip

    def flat(grads):
        return [grads[0], grads[3], *grads[1], *grads[2]]

    for a, b in zip(flat(plain), flat(buffered)):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-15)


def test_labelled_prediction_of_a_row_does_not_depend_on_the_others():
    X, _, E, coefs, intercepts, LE = labelled_problem(2, "relu")
    E, LE = E.astype(np.float32), LE.astype(np.float32)
    coefs = [c.astype(np.float32) for c in coefs]
    intercepts = [b.astype(np.float32) for b in intercepts]
    X = np.tile(X, (20, 1))
    batch = log_proba_by_row(X, E, coefs, intercepts, "relu", label_embeddings=LE)
    for i in (0, 7, len(X) - 1):
        alone = log_proba_by_row(
            X[i : i + 1], E, coefs, intercepts, "relu", label_embeddings=LE
        )
        np.testing.assert_array_equal(batch[i], alone[0])


def test_default_size_is_the_model_before_the_parameter():
    # Recorded with the labelled model of the previous development version, whose
    # label was one more row of embeddings_ and one more position of coefs_[0].
    # The initial values and the random stream are the same; the first layer now
    # adds the label's term apart from the context's product, so the sums round
    # differently in the last bits.
    reference = np.load(DATA / "labelled_fit_before_label_embedding_dim.npz")
    names, labels = load_indian_names(return_X_y=True)
    names, labels = names[::50], labels[::50]
    pipe = small_pipe(
        embedding_dim=4, hidden_layer_sizes=(16,), max_iter=3, batch_size=32,
        dropout=0.1, random_state=0, dtype="float64", learning_rate_init=0.005,
    ).fit(names, labels)  # fmt: skip
    clf = pipe[-1]
    got = {
        "embeddings": clf.embeddings_,
        "label_embeddings": clf.label_embeddings_,
        "coef0": clf.coefs_[0],
        "coef1": clf.coefs_[1],
        "intercept0": clf.intercepts_[0],
        "intercept1": clf.intercepts_[1],
        "log_proba": pipe.predict_log_proba(names[:20], labels=labels[:20]),
    }
    for key, value in got.items():
        np.testing.assert_allclose(value, reference[key], rtol=0, atol=1e-12)
    np.testing.assert_allclose(clf.loss_curve_, reference["loss_curve"], rtol=1e-12)


def three_label_corpus(n_per_label=30, seed=0):
    """Labels "A", "B", "C" decide the last letter: "a", "o", "i"."""
    names, _ = ending_corpus(n_per_label, seed)
    stems = sorted({name[:-1] for name in names})[:n_per_label]
    endings = {"A": "a", "B": "o", "C": "i"}
    pairs = [(stem + end, label) for label, end in endings.items() for stem in stems]
    return [p[0] for p in pairs], [p[1] for p in pairs]


@pytest.mark.parametrize("D, rank", [(1, 1), (2, 2), (None, 3)])
def test_label_offsets_have_rank_min_of_size_and_labels(D, rank):
    names, labels = three_label_corpus()
    clf = small_pipe(max_iter=15, label_embedding_dim=D).fit(names, labels)[-1]
    size = clf.embedding_dim if D is None else D
    assert clf.label_embeddings_.shape == (3, size)
    assert clf.coefs_[0].shape[0] == 3 * clf.embedding_dim + size
    offsets = label_offsets(
        clf.label_embeddings_.astype(np.float64),
        clf.coefs_[0][-size:].astype(np.float64),
    )  # (3 labels, 32 units)
    singular = np.linalg.svd(offsets, compute_uv=False)
    assert singular[rank - 1] > 1e-3 * singular[0]
    assert (singular[rank:] <= 1e-12 * singular[0]).all()


def test_one_number_per_label_still_learns_the_label_ending():
    names, labels = ending_corpus()
    sampler = NameSampler(small_pipe(label_embedding_dim=1)).fit(names, labels)
    assert sampler.estimator_[-1].label_embeddings_.shape == (2, 1)
    for label, ending in (("A", "a"), ("B", "o")):
        sampled = sampler.sample(500, label=label, random_state=0)
        assert np.mean([n.endswith(ending) for n in sampled]) >= 0.97, label
        assert all(n.endswith(ending) for n in sampler.most_likely(5, label=label))


def test_persistence_round_trips_are_bit_identical(tmp_path):
    names, labels = ending_corpus(20)
    pipe = small_pipe(max_iter=5, label_embedding_dim=2).fit(names, labels)
    expected = pipe.predict_log_proba(names, labels=labels)

    def check(loaded):
        clf = loaded[-1]
        assert clf.label_embedding_dim == 2
        np.testing.assert_array_equal(clf.label_embeddings_, pipe[-1].label_embeddings_)
        np.testing.assert_array_equal(
            loaded.predict_log_proba(names, labels=labels), expected
        )

    check(pickle.loads(pickle.dumps(pipe)))
    joblib.dump(pipe, tmp_path / "m.joblib")
    check(joblib.load(tmp_path / "m.joblib"))
    save_model(pipe, tmp_path / "m.skops")
    check(load_model(tmp_path / "m.skops"))


@pytest.mark.parametrize("value", [0, -1, True, 1.5, "2"])
def test_label_embedding_dim_is_validated(value):
    names, labels = ending_corpus(5)
    with pytest.raises(ValueError, match="'label_embedding_dim' parameter"):
        small_pipe(max_iter=1, label_embedding_dim=value).fit(names, labels)


def test_label_embedding_dim_is_unused_without_labels():
    names, _ = ending_corpus(10)
    plain = small_pipe(max_iter=3).fit(names)[-1]
    sized = small_pipe(max_iter=3, label_embedding_dim=2).fit(names)[-1]
    assert sized.label_embeddings_ is None and sized.label_classes_ is None
    for a, b in zip(
        [plain.embeddings_, *plain.coefs_, *plain.intercepts_],
        [sized.embeddings_, *sized.coefs_, *sized.intercepts_],
    ):
        np.testing.assert_array_equal(a, b)


def test_changing_the_size_between_training_calls_is_an_architecture_error():
    names, labels = ending_corpus(10)
    windows = ContextWindowTransformer(context_length=3).fit_transform(names)
    clf = clone(small_pipe(max_iter=2, label_embedding_dim=2)[-1])
    clf.set_params(warm_start=True).fit(windows, labels)
    clf.set_params(label_embedding_dim=3)
    for train in (clf.fit, clf.partial_fit):
        with pytest.raises(ValueError, match=r"label_embedding_dim=3 does not match"):
            train(windows, labels)
    assert clf.label_embeddings_.shape == (2, 2)  # left as it was
    clf.set_params(label_embedding_dim=None, embedding_dim=2)  # 2 either way
    with pytest.raises(ValueError, match="embedding_dim=2 and hidden_layer_sizes"):
        clf.partial_fit(windows, labels)
    # None means embedding_dim: the same architecture as an explicit size.
    default = clone(clf).set_params(embedding_dim=6).fit(windows, labels)
    default.set_params(label_embedding_dim=6).partial_fit(windows, labels)


def test_a_labelled_model_without_label_embeddings_says_to_refit():
    names, labels = ending_corpus(5)
    pipe = small_pipe(max_iter=1).fit(names, labels)
    del pipe[-1].label_embeddings_  # as the previous development version saved it
    with pytest.raises(ValueError, match="as a development version"):
        pipe.predict_proba(names[:1], labels="A")
    # Loaded from a file, it fails at load already.
    from sknextchar.exceptions import DamagedModelError

    with pytest.raises(DamagedModelError, match="as a development version"):
        pickle.loads(pickle.dumps(pipe))
