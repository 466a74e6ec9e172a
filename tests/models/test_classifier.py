"""CharEmbeddingMLPClassifier: sklearn's contract, training semantics, errors."""

import pickle
import re
import warnings
from pathlib import Path

import joblib
import numpy as np
import pytest
import skops.io
from sklearn.base import clone
from sklearn.exceptions import ConvergenceWarning, NotFittedError
from sklearn.utils import estimator_checks
from sklearn.utils.estimator_checks import parametrize_with_checks

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    ModelVersionWarning,
    get_trusted_types,
    load_model,
)
from sknextchar.callbacks import History
from sknextchar.datasets import load_indian_names
from tests._sklearn_checks import EXTRA_CHECKS, FLOAT_X_WEIGHT_CHECKS

DATA = Path(__file__).parents[1] / "data"

NAMES = load_indian_names()[::100]  # 151 names, 1151 windows
# Every letter is a target and occurs in a context ("xyz" -> end), so the array
# path sees the same 27 classes and 27 embedding rows as the container path.
PANGRAM_NAMES = [
    "abcdefghijklm",
    "nopqrstuvwxyz",
    "zoya",
    "vijay",
    "quasim",
    *NAMES[:6],
]


def small(**params):
    """Small, fast settings; tests override what they are about."""
    defaults = dict(
        embedding_dim=4,
        hidden_layer_sizes=(16,),
        batch_size=32,
        learning_rate_init=0.01,
        max_iter=3,
        random_state=0,
    )
    return CharEmbeddingMLPClassifier(**{**defaults, **params})


@pytest.fixture(scope="module")
def transformer():
    return ContextWindowTransformer(context_length=3).fit(NAMES)


@pytest.fixture(scope="module")
def windows(transformer):
    return transformer.transform(NAMES)


@pytest.fixture(scope="module")
def fitted(windows):
    return small(max_iter=5).fit(windows)


def weights(clf):
    return [clf.embeddings_, *clf.coefs_, *clf.intercepts_]


def assert_same_weights(a, b):
    for x, y in zip(weights(a), weights(b), strict=True):
        np.testing.assert_array_equal(x, y)


# --------------------------------------------------------------------- contract


@parametrize_with_checks(
    [
        CharEmbeddingMLPClassifier(
            embedding_dim=3,
            hidden_layer_sizes=(16,),
            batch_size=32,
            learning_rate_init=0.02,
            max_iter=20,
            random_state=0,
        )
    ],
    expected_failed_checks=lambda estimator: FLOAT_X_WEIGHT_CHECKS,
)
def test_sklearn_compatible_estimator(estimator, check):
    check(estimator)


@pytest.mark.parametrize("check", EXTRA_CHECKS)
def test_sklearn_checks_that_parametrize_with_checks_leaves_out(check):
    getattr(estimator_checks, check)(
        "CharEmbeddingMLPClassifier",
        CharEmbeddingMLPClassifier(
            embedding_dim=3, hidden_layer_sizes=(8,), max_iter=5, random_state=0
        ),
    )


def test_tags_declare_non_negative_integer_input():
    tags = CharEmbeddingMLPClassifier().__sklearn_tags__()
    assert tags.input_tags.categorical and tags.input_tags.positive_only
    assert tags.estimator_type == "classifier"
    assert tags.classifier_tags is not None


def test_every_parameter_and_fitted_attribute_is_documented(fitted):
    doc = CharEmbeddingMLPClassifier.__doc__
    params_doc, attrs_doc = doc.split("Attributes\n    ----------")
    for name in CharEmbeddingMLPClassifier().get_params():
        assert re.search(rf"^    {name} :", params_doc, re.M), name
    public_fitted = [k for k in vars(fitted) if k.endswith("_") and k[0] != "_"]
    for name in public_fitted:
        assert re.search(rf"^    {name} :", attrs_doc, re.M), name


def test_fitted_attributes_are_plain_and_shaped(fitted, windows):
    assert list(fitted.classes_) == list(windows.vocabulary)
    assert fitted.embeddings_.shape == (27, 4)
    assert [c.shape for c in fitted.coefs_] == [(12, 16), (16, 27)]
    assert [b.shape for b in fitted.intercepts_] == [(16,), (27,)]
    assert fitted.n_features_in_ == 3
    assert fitted.n_iter_ == 5 and fitted.t_ == 5 * len(windows)
    assert len(fitted.loss_curve_) == 5
    assert all(type(v) is float for v in fitted.loss_curve_)
    assert fitted.loss_ == fitted.loss_curve_[-1]
    assert fitted.best_loss_ == min(fitted.loss_curve_)
    assert fitted.validation_scores_ is None
    assert fitted.best_validation_score_ is None
    assert all(w.dtype == np.float32 for w in weights(fitted))
    assert not hasattr(fitted, "windows_")
    for value in vars(fitted).values():
        assert not isinstance(value, type(windows))


def test_predict_proba_rows_and_columns(fitted, windows, transformer):
    proba = fitted.predict_proba(windows)
    assert proba.shape == (len(windows), 27)
    np.testing.assert_allclose(proba.sum(axis=1), 1, rtol=1e-5)
    np.testing.assert_allclose(
        np.log(proba), fitted.predict_log_proba(windows), rtol=1e-4, atol=1e-5
    )
    # The container and its contexts array give the same predictions.
    np.testing.assert_array_equal(proba, fitted.predict_proba(windows.contexts))
    assert fitted.predict(windows).dtype.kind == "U"
    assert set(fitted.predict(windows)) <= set(windows.vocabulary)
    after_a = fitted.predict_proba(transformer.encode_prefixes(["a"]))
    assert after_a.shape == (1, 27)


def test_score_is_mean_log_likelihood_per_character(fitted, windows):
    log_proba = fitted.predict_log_proba(windows).astype(np.float64)
    by_hand = log_proba[np.arange(len(windows)), windows.targets].mean()
    assert fitted.score(windows) == pytest.approx(by_hand, rel=1e-6)
    labels = np.array(windows.vocabulary)[windows.targets]
    assert fitted.score(windows.contexts, labels) == pytest.approx(by_hand, rel=1e-6)
    assert -np.log(27) < fitted.score(windows) < 0


def test_classes_are_the_whole_vocabulary_even_if_never_targets():
    few = ContextWindowTransformer().fit_transform(["abab", "baba"])
    clf = small().fit(few)
    assert list(clf.classes_) == list(few.vocabulary)
    assert clf.embeddings_.shape[0] == 27
    assert clf.predict_proba(few).shape == (len(few), 27)


def test_array_path_classes_and_table_size():
    X = np.array([[0, 3], [3, 1], [1, 0]])
    clf = small().fit(X, [10, 20, 20])
    np.testing.assert_array_equal(clf.classes_, [10, 20])
    assert clf.embeddings_.shape[0] == 4  # the largest id seen, plus one
    assert clf.predict_proba(X).shape == (3, 2)


def test_next_log_proba_is_predict_log_proba_without_the_checks(fitted, windows):
    contexts = windows.contexts
    np.testing.assert_array_equal(
        fitted.next_log_proba(contexts), fitted.predict_log_proba(windows)
    )
    assert fitted.next_log_proba(contexts[:0]).shape == (0, 27)


def test_a_rows_prediction_does_not_depend_on_the_other_rows(fitted, windows):
    """Permuted, alone or in a batch of any size: the same bits for every row."""
    contexts = windows.contexts[:300]
    batch = fitted.predict_log_proba(contexts)
    order = np.random.default_rng(0).permutation(len(contexts))
    np.testing.assert_array_equal(fitted.predict_log_proba(contexts[order]),
                                  batch[order])  # fmt: skip
    for i in (0, 1, 7, 150, 299):
        np.testing.assert_array_equal(fitted.predict_log_proba(contexts[i : i + 1])[0],
                                      batch[i])  # fmt: skip
    np.testing.assert_array_equal(fitted.predict_log_proba(contexts[5:37]), batch[5:37])


# ------------------------------------------------------------------- learning


def test_learns_a_tiny_deterministic_corpus_to_near_zero_loss():
    transformer = ContextWindowTransformer().fit(["sknextchar"])
    windows = transformer.transform(["sknextchar"])
    clf = small(  # alpha=0: loss_ is then the cross-entropy alone
        alpha=0.0,
        batch_size=16,
        learning_rate_init=0.05,
        max_iter=150,
        learning_rate="constant",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(windows)
    assert clf.loss_ < 0.05
    assert clf.score(windows) > -0.05
    assert "".join(clf.predict(windows)) == "sknextchar-"


def test_learns_a_deterministic_function_on_arrays():
    X = np.array([(a, b) for a in range(5) for b in range(5)], dtype=np.uint8)
    y = (X[:, 0] + X[:, 1]) % 5
    clf = small(
        alpha=0.0, hidden_layer_sizes=(32,), learning_rate_init=0.03, max_iter=300
    )
    clf.fit(X, y)
    np.testing.assert_array_equal(clf.predict(X), y)
    assert clf.score(X, y) > -0.1


def test_same_random_state_gives_identical_weights(windows):
    a = small(random_state=3).fit(windows)
    b = small(random_state=3).fit(windows)
    assert_same_weights(a, b)
    assert a.loss_curve_ == b.loss_curve_
    c = small(random_state=4).fit(windows)
    assert not np.array_equal(a.coefs_[0], c.coefs_[0])


def test_container_and_array_paths_give_the_same_model():
    windows = ContextWindowTransformer().fit_transform(PANGRAM_NAMES)
    labels = np.array(windows.vocabulary)[windows.targets]
    from_windows = small(max_iter=4).fit(windows)
    from_arrays = small(max_iter=4).fit(windows.contexts, labels)
    np.testing.assert_array_equal(from_windows.classes_, from_arrays.classes_)
    assert_same_weights(from_windows, from_arrays)
    np.testing.assert_array_equal(
        from_windows.predict_proba(windows), from_arrays.predict_proba(windows.contexts)
    )


def test_no_hidden_layer_and_float64(windows):
    clf = small(hidden_layer_sizes=(), dtype="float64").fit(windows)
    assert [c.shape for c in clf.coefs_] == [(12, 27)]
    assert all(w.dtype == np.float64 for w in weights(clf))
    assert clf.predict_proba(windows).dtype == np.float64
    assert small(dtype=np.float32).fit(windows).coefs_[0].dtype == np.float32


def test_dropout_is_seeded_regularises_and_leaves_prediction_deterministic(windows):
    a = small(dropout=0.5, max_iter=4, random_state=3).fit(windows)
    b = small(dropout=0.5, max_iter=4, random_state=3).fit(windows)
    assert_same_weights(a, b)
    plain = small(max_iter=4, random_state=3).fit(windows)
    assert not np.array_equal(a.coefs_[0], plain.coefs_[0])
    # Dropped units make the training loss higher than without dropout.
    assert a.loss_curve_[-1] > plain.loss_curve_[-1]
    assert a.loss_curve_[-1] < a.loss_curve_[0]
    # Prediction uses the whole network: no randomness.
    np.testing.assert_array_equal(a.predict_proba(windows), a.predict_proba(windows))
    with pytest.raises(ValueError, match="dropout"):
        small(dropout=1.0).fit(windows)


@pytest.mark.parametrize("activation", ["tanh", "logistic", "identity", "relu"])
def test_every_activation_lowers_the_loss(windows, activation):
    clf = small(activation=activation, max_iter=4).fit(windows)
    assert clf.loss_curve_[-1] < clf.loss_curve_[0] < np.log(27) + 0.1


def test_cosine_schedule_per_epoch(windows):
    history = History()
    small(max_iter=4, learning_rate_init=0.01).set_callbacks(history).fit(windows)
    rates = [record["learning_rate"] for record in history.records]
    assert rates[0] == pytest.approx(0.01)
    assert rates == sorted(rates, reverse=True)
    assert rates[2] == pytest.approx(0.01 * (0.01 + 0.99 * 0.5))  # half-way
    constant = History()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        small(learning_rate="constant").set_callbacks(constant).fit(windows)
    assert [record["learning_rate"] for record in constant.records] == [0.01] * 3


def test_partial_fit_follows_the_schedule_by_epochs_trained(windows):
    history = History()
    clf = small(max_iter=2, learning_rate_init=0.01).set_callbacks(history)
    for _ in range(3):
        clf.partial_fit(windows)
    rates = [record["learning_rate"] for record in history.records]
    assert rates == pytest.approx([0.01, 0.01 * (0.01 + 0.99 * 0.5), 0.01 * 0.01])


# ------------------------------------------------------------- early stopping


class Snapshots:
    """A callback that keeps the weights of every epoch."""

    def __init__(self):
        self.weights = []

    def setup(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context):
        pass

    def on_fit_task_end(self, estimator, context, *, fitted_estimator=None):
        if context.task_name == "epoch":
            self.weights.append(weights(fitted_estimator))

    def teardown(self, estimator, context):
        pass


def test_early_stopping_restores_the_best_epoch(windows):
    snapshots = Snapshots()
    clf = small(
        hidden_layer_sizes=(64,),
        alpha=0.0,
        learning_rate="constant",
        max_iter=8,
        n_iter_no_change=100,
        early_stopping=True,
        validation_fraction=0.2,
    ).set_callbacks(snapshots)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(windows)
    scores = clf.validation_scores_
    best = int(np.argmax(scores))
    assert len(scores) == 8 and best < 7  # it overfits: the last epoch is worse
    assert clf.best_validation_score_ == max(scores)
    assert clf.best_loss_ is None
    assert all(s < 0 for s in scores)
    for restored, at_best in zip(weights(clf), snapshots.weights[best], strict=True):
        np.testing.assert_array_equal(restored, at_best)
    # The validation scores were computed with the weights of their epoch.
    assert not np.array_equal(snapshots.weights[-1][1], weights(clf)[1])


def test_early_stopping_stops_after_patience(windows):
    clf = small(
        alpha=0.0,
        learning_rate="constant",
        max_iter=50,
        n_iter_no_change=2,
        tol=10.0,  # no epoch can improve by 10 nats
        early_stopping=True,
    ).fit(windows)
    assert clf.n_iter_ == 3  # the first epoch improves on -inf, then 2 do not


def test_early_stopping_on_arrays_holds_out_rows():
    rng = np.random.default_rng(0)
    X = rng.integers(0, 5, size=(40, 2))
    clf = small(early_stopping=True, validation_fraction=0.25, max_iter=2)
    clf.fit(X, X[:, 0])
    assert len(clf.validation_scores_) == 2


# ------------------------------------------------- partial_fit and warm_start


def test_partial_fit_is_one_epoch_reusing_the_optimizer(windows):
    params = dict(learning_rate="constant", shuffle=False)
    clf = small(**params)
    clf.partial_fit(windows)
    clf.partial_fit(windows)
    assert clf.n_iter_ == 1
    assert clf.t_ == 2 * len(windows)
    assert len(clf.loss_curve_) == 2
    # A warm-started fit takes the same two epochs with a new optimizer each
    # time (as MLPClassifier does): Adam's moments carried over make a difference.
    restarted = small(**params, warm_start=True, max_iter=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        restarted.fit(windows).fit(windows)
    assert clf.loss_curve_[0] == restarted.loss_curve_[0]
    assert clf.loss_curve_[1] != restarted.loss_curve_[1]


def assert_continues_alike(a, b, windows):
    """Another epoch of partial_fit gives the same weights: same optimizer state."""
    a, b = pickle.loads(pickle.dumps(a)), pickle.loads(pickle.dumps(b))
    a.partial_fit(windows)
    b.partial_fit(windows)
    assert_same_weights(a, b)


@pytest.mark.parametrize("path", ["windows", "arrays"])
def test_partial_fit_epochs_equal_fit_without_shuffling(path):
    windows = ContextWindowTransformer().fit_transform(PANGRAM_NAMES)
    if path == "windows":
        args, first = (windows,), {}
    else:
        labels = np.array(windows.vocabulary)[windows.targets]
        args, first = (windows.contexts, labels), {"classes": windows.vocabulary}
    fitted = small(shuffle=False).fit(*args)
    incremental = small(shuffle=False)
    incremental.partial_fit(*args, **first)
    for _ in range(2):
        incremental.partial_fit(*args)
    assert_same_weights(fitted, incremental)
    assert fitted.loss_curve_ == incremental.loss_curve_


def test_partial_fit_classes_rules():
    X = np.array([[0, 1], [1, 2], [2, 0]])
    with pytest.raises(ValueError, match="classes must be passed on the first call"):
        small().partial_fit(X, [0, 1, 2])
    clf = small().partial_fit(X, [0, 1, 1], classes=[0, 1, 2])
    np.testing.assert_array_equal(clf.classes_, [0, 1, 2])
    clf.partial_fit(X, [2, 2, 2])  # a subset of the classes is fine
    with pytest.raises(ValueError, match=r"labels \[7\] that are not in classes_"):
        clf.partial_fit(X, [0, 7, 1])
    with pytest.raises(ValueError, match="not the classes_ that the first call"):
        clf.partial_fit(X, [0, 1, 1], classes=[0, 1])
    fitted = small().fit(X, [0, 1, 2])  # fit fixes them too, and says so
    with pytest.raises(ValueError, match="first call to fit or partial_fit fixed"):
        fitted.partial_fit(X, [0, 1, 1], classes=[0, 1])
    windows = ContextWindowTransformer().fit_transform(["abid"])
    with pytest.raises(ValueError, match="classes must be None or the windows"):
        small().partial_fit(windows, classes=["a", "b"])


def test_partial_fit_refuses_early_stopping(windows):
    with pytest.raises(ValueError, match="partial_fit does not support early_stop"):
        small(early_stopping=True).partial_fit(windows)


def test_warm_start_continues_from_the_previous_solution(windows):
    clf = small(warm_start=True, max_iter=2)
    clf.fit(windows)
    first_run = list(clf.loss_curve_)
    clf.fit(windows)
    assert clf.n_iter_ == 2  # epochs of the last call, as in MLPClassifier
    assert clf.t_ == 4 * len(windows)
    assert clf.loss_curve_[:2] == first_run and len(clf.loss_curve_) == 4
    assert clf.loss_curve_[2] < first_run[0]  # it did not start from scratch
    cold = small(max_iter=2).fit(windows)
    cold_again = clone(cold).fit(windows)
    assert_same_weights(cold, cold_again)  # no warm start: a fresh, identical run


def test_warm_start_needs_the_same_classes_and_architecture():
    X = np.array([[0, 1], [1, 2], [2, 0]])
    clf = small(warm_start=True).fit(X, [0, 1, 2])
    with pytest.raises(ValueError, match="warm_start can only be used"):
        clf.fit(X, [0, 1, 1])
    clf.set_params(hidden_layer_sizes=(8,))
    with pytest.raises(ValueError, match="do not match the fitted weights"):
        clf.fit(X, [0, 1, 2])


def test_pickled_model_continues_training_like_the_original(windows):
    clf = small().partial_fit(windows)
    copy = pickle.loads(pickle.dumps(clf))
    clf.partial_fit(windows)
    copy.partial_fit(windows)
    assert_same_weights(clf, copy)


def test_skops_round_trip_with_the_package_trust_list(fitted, windows, tmp_path):
    path = tmp_path / "clf.skops"
    skops.io.dump(fitted, path)
    assert set(skops.io.get_untrusted_types(file=path)) <= set(get_trusted_types())
    loaded = skops.io.load(path, trusted=get_trusted_types())
    np.testing.assert_array_equal(
        loaded.predict_proba(windows), fitted.predict_proba(windows)
    )
    assert_continues_alike(loaded, fitted, windows)  # the optimizer state survived


# --------------------------------------------------------- warnings, progress


def test_convergence_warning_at_max_iter_with_a_constant_rate(windows):
    with pytest.warns(ConvergenceWarning, match="max_iter=2"):
        small(learning_rate="constant", max_iter=2).fit(windows)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        small(max_iter=2).fit(windows)  # cosine: max_iter ends the schedule


def test_verbose_prints_one_line_per_epoch(windows, capsys):
    small(verbose=True, early_stopping=True).fit(windows)
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3
    assert re.match(
        r"Epoch 1/3: loss = \d+\.\d{4}, validation score = -\d+\.\d{4}, "
        r"lr = [\d.e+-]+, \d+\.\d\d s$",
        lines[0],
    )


def test_the_callback_parameter_is_gone():
    assert "callback" not in CharEmbeddingMLPClassifier().get_params()
    with pytest.raises(TypeError, match="callback"):
        CharEmbeddingMLPClassifier(callback=print)


# ------------------------------------------------------------------ divergence


def test_divergence_is_a_clear_error_and_leaves_no_bad_weights(windows):
    clf = small(learning_rate_init=1e3)
    with pytest.raises(ValueError, match="Training diverged.*Lower learning_rate_init"):
        clf.fit(windows)
    with pytest.raises(NotFittedError):
        clf.predict(windows)  # a failed first fit leaves it unfitted

    clf = small().partial_fit(windows)
    before = pickle.loads(pickle.dumps(clf))
    clf.set_params(learning_rate_init=1e3)
    with pytest.raises(ValueError, match="diverged"):
        clf.partial_fit(windows)
    assert_same_weights(clf, before)
    assert (clf.loss_curve_, clf.t_, clf.n_iter_) == (
        before.loss_curve_, before.t_, before.n_iter_,
    )  # fmt: skip
    clf.set_params(learning_rate_init=0.01)
    assert_continues_alike(clf, before, windows)  # Adam's state is as it was
    clf.partial_fit(windows)  # still usable
    assert all(np.isfinite(w).all() for w in weights(clf))


@pytest.mark.filterwarnings("ignore:overflow:RuntimeWarning")
@pytest.mark.filterwarnings("ignore:invalid value:RuntimeWarning")
def test_a_held_out_score_that_is_not_a_number_is_divergence():
    # Weights grown huge in the epoch's last steps: the training loss of the
    # epoch is finite, the held-out logits overflow to NaN.
    names = ["abid", "asha", "ravi", "mira"]
    windows = ContextWindowTransformer().fit_transform(names)
    clf = small(
        learning_rate="constant", learning_rate_init=1e30, max_iter=1,
        early_stopping=True, validation_fraction=0.25,
    )  # fmt: skip
    with pytest.raises(ValueError, match="held-out log-likelihood became nan"):
        clf.fit(windows)
    with pytest.raises(NotFittedError):
        clf.predict(windows)


# ---------------------------------------------------------------- bad input


def test_predict_before_fit_raises_not_fitted(windows):
    for method in ("predict", "predict_proba", "predict_log_proba"):
        with pytest.raises(NotFittedError):
            getattr(small(), method)(windows)
    with pytest.raises(NotFittedError):
        small().score(windows)


def test_wrong_width_is_refused(fitted):
    with pytest.raises(ValueError, match="X has 4 features"):
        fitted.predict(np.zeros((2, 4), dtype=np.uint8))
    other = ContextWindowTransformer(context_length=2).fit_transform(["abid"])
    with pytest.raises(ValueError, match="X has 2 features"):
        fitted.predict_proba(other)


def test_negative_ids_are_refused(fitted):
    with pytest.raises(ValueError, match="Negative values in data"):
        fitted.predict(np.array([[0, -1, 2]]))
    with pytest.raises(ValueError, match="Negative values in data"):
        small().fit(np.array([[0, -1], [1, 1]]), [0, 1])


def test_ids_past_the_embedding_table_are_named(fitted):
    with pytest.raises(ValueError, match=r"Context ids \[27, 40\] are not known"):
        fitted.predict(np.array([[0, 27, 40], [40, 1, 2]]))
    clf = small().fit(np.array([[0, 1], [1, 2]]), [0, 1])
    with pytest.raises(ValueError, match=r"Context ids \[3\].*knows 3 ids"):
        clf.partial_fit(np.array([[3, 1]]), [0])


def test_non_integer_contexts_are_refused(fitted):
    with pytest.raises(ValueError, match="integer symbol ids.*0.5"):
        fitted.predict(np.array([[0.5, 1.0, 2.0]]))
    # Whole numbers stored as floats are ids.
    np.testing.assert_array_equal(
        fitted.predict(np.array([[0.0, 1.0, 2.0]])), fitted.predict([[0, 1, 2]])
    )


def test_y_with_windows_and_missing_y_with_arrays(windows, fitted):
    # With windows, y is one label per name (the targets are in the windows).
    with pytest.raises(ValueError, match="one label per name .the targets come"):
        small().fit(windows, np.zeros(len(windows)))
    with pytest.raises(ValueError, match="fitted without labels"):
        fitted.score(windows, np.zeros(windows.n_names))
    with pytest.raises(ValueError, match="requires y to be passed"):
        small().fit(windows.contexts)
    with pytest.raises(ValueError, match="score needs y"):
        fitted.score(windows.contexts)
    with pytest.raises(ValueError, match="different numbers of rows"):
        fitted.score(windows.contexts, ["a"])


def test_windows_of_another_vocabulary_are_refused(fitted):
    other = ContextWindowTransformer(alphabet="xyz").fit_transform(["xyz"])
    with pytest.raises(
        ValueError, match="vocabulary '-xyz', but the model's classes_ are '-abc"
    ):
        fitted.predict(other)


def test_parameter_rules(windows):
    with pytest.raises(ValueError, match="validation_fraction=0.0"):
        small(early_stopping=True, validation_fraction=0.0).fit(windows)
    with pytest.raises(ValueError, match=r"hidden_layer_sizes must hold .*\(16, 0\)"):
        small(hidden_layer_sizes=(16, 0)).fit(windows)
    with pytest.raises(ValueError, match="activation"):
        small(activation="softplus").fit(windows)
    with pytest.raises(ValueError, match="The validation set is too small"):
        one_name = ContextWindowTransformer().fit_transform(["abid"])
        small(early_stopping=True).fit(one_name)


def test_failed_validation_leaves_a_fitted_model_untouched(fitted):
    state = pickle.dumps(fitted)
    clone_ = pickle.loads(state)
    with pytest.raises(ValueError):
        clone_.partial_fit(np.array([[0, 1, 99]]), ["a"])
    assert_same_weights(clone_, fitted)
    assert clone_.loss_curve_ == fitted.loss_curve_


class Interrupt:
    """A callback that raises at the end of an epoch."""

    def __init__(self, error):
        self.error = error

    def setup(self, estimator, context):
        pass

    def on_fit_task_begin(self, estimator, context):
        pass

    def on_fit_task_end(self, estimator, context):
        if context.task_name == "epoch":
            raise self.error("stop")

    def teardown(self, estimator, context):
        pass


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
@pytest.mark.parametrize("method", ["partial_fit", "warm-start fit"])
def test_an_interrupted_training_call_changes_nothing(windows, error, method):
    clf = small(warm_start=True).partial_fit(windows)
    before = pickle.loads(pickle.dumps(clf))
    clf.set_callbacks(Interrupt(error))
    with pytest.raises(error):
        clf.partial_fit(windows) if method == "partial_fit" else clf.fit(windows)
    assert_same_weights(clf, before)
    assert (clf.loss_curve_, clf.t_, clf.n_iter_) == (
        before.loss_curve_, before.t_, before.n_iter_,
    )  # fmt: skip
    assert_continues_alike(clf.set_callbacks(), before, windows)


def test_repr_is_short():
    clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,))
    assert repr(clf) == "CharEmbeddingMLPClassifier(hidden_layer_sizes=(8,))"


# ------------------------------------------------- models saved by version 0.1


def load_legacy(kind):
    """A model file written by sknextchar 0.1.0.dev0, with its version warning."""
    with pytest.warns(ModelVersionWarning, match="saved by sknextchar 0.1.0.dev0"):
        if kind == "joblib":
            return joblib.load(DATA / "pipeline_v0.1.0.dev0.joblib")
        return load_model(DATA / f"{kind}_v0.1.0.dev0.skops")


@pytest.mark.parametrize("kind", ["pipeline", "sampler", "joblib"])
def test_models_saved_by_0_1_load_predict_and_train_on(kind):
    model = load_legacy(kind)
    pipe = model.estimator_ if kind == "sampler" else model
    clf = pipe[-1]
    assert "callback" not in vars(clf)  # the parameter of 0.1 is dropped on load
    expected = np.load(DATA / "pipeline_v0.1.0.dev0_logproba.npy")
    log_proba = pipe.predict_log_proba(["asha", "ravi"])
    # 0.1 computed the rows as one matrix product, whose last bits depend on the
    # BLAS kernel and on a row's place in the batch; they are now computed row
    # by row. float32 rounding of the same sums: a few units in the last place.
    np.testing.assert_allclose(log_proba, expected, rtol=1e-5, atol=1e-6)
    np.testing.assert_array_equal(log_proba.argmax(axis=1), expected.argmax(axis=1))
    names = ["asha", "ravi", "uma", "kiran", "meera"]
    before = list(clf.loss_curve_)
    clf.partial_fit(pipe[0].transform(names))  # the 0.1 optimizer state resumes
    assert clf.loss_curve_[:-1] == before and len(clf.loss_curve_) == len(before) + 1
    assert np.isfinite(pipe.predict_log_proba(names)).all()


def test_the_convergence_warning_points_at_the_callers_line():
    # Before: it pointed into sknextchar/_atomic.py (a decorator added a frame).
    X = np.array([[0, 0], [0, 1], [1, 2]] * 5)
    y = np.array([1, 2, 0] * 5)
    clf = CharEmbeddingMLPClassifier(
        learning_rate="constant", max_iter=2, random_state=0
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        clf.fit(X, y)
    (warning,) = [w for w in caught if issubclass(w.category, ConvergenceWarning)]
    assert warning.filename == __file__
