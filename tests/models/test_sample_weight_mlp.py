"""sample_weight in CharEmbeddingMLPClassifier.fit and partial_fit.

A weight is how many times a name occurs: the loss of a batch is the weighted
cross-entropy ``sum_i w_i CE_i / (n * mean(w))`` (plus the unweighted L2 term),
names of weight 0 are left out, and None is the unweighted code path.
"""

import math
import warnings

import numpy as np
import pytest
from sklearn import config_context
from sklearn.pipeline import Pipeline, make_pipeline

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer
from sknextchar._pipeline import fit_weighted
from sknextchar.datasets import load_indian_names
from sknextchar.nn.discriminative import LabelFineTuner
from sknextchar.nn.functional import init_params
from sknextchar.nn.training import (
    DivergenceGuard,
    MinibatchTrainer,
    ParameterWorkspace,
    validation_score,
)

NAMES = list(load_indian_names()[:120])
LABELS = np.where(np.arange(len(NAMES)) % 3 == 0, "f", "m")
COUNTS = np.arange(len(NAMES)) % 4  # 0 to 3: a quarter of the names left out


class RecordingOptimizer:
    """Keeps the gradient (L2 term included) of a step; leaves the parameters."""

    def update_params(self, params, grads, l2=None):
        self.grad = grads[0].copy()
        if l2 is not None:
            scale, stop = l2
            self.grad[:stop] += scale * params[0][:stop]


def small(**params):
    defaults = dict(
        embedding_dim=4, hidden_layer_sizes=(16,), max_iter=2, batch_size=64,
        random_state=0, dtype="float64",
    )  # fmt: skip
    return CharEmbeddingMLPClassifier(**{**defaults, **params})


def windows(names, context_length=3):
    return (
        ContextWindowTransformer(context_length=context_length)
        .fit(NAMES)
        .transform(names)
    )


def state(clf):
    return [clf.embeddings_, *clf.coefs_, *clf.intercepts_]


def assert_same_model(a, b, rtol=0.0):
    for x, y in zip(state(a), state(b), strict=True):
        if rtol:
            np.testing.assert_allclose(x, y, rtol=rtol, atol=1e-12)
        else:
            np.testing.assert_array_equal(x, y)


def workspace(labels=None, seed=0):
    """A float64 network with every parameter random (no zero output layer)."""
    rng = np.random.RandomState(seed)
    E, coefs, intercepts, *label_E = init_params(
        6, 3, 2, (5,), 6, "tanh", np.float64, rng, labels=labels
    )
    ws = ParameterWorkspace(E, coefs, intercepts, np.float64, *label_E)
    ws.flat[:] = rng.normal(scale=0.5, size=ws.flat.size)
    return ws


def trainer(ws, alpha):
    return MinibatchTrainer(
        ws, RecordingOptimizer(), activation="tanh", alpha=alpha, batch_size=100,
        shuffle=False, dropout=0.0, hidden_layer_sizes=[5],
        guard=DivergenceGuard(math.inf),
    )  # fmt: skip


def batch(rng, n=9, labelled=False):
    X = rng.integers(0, 6, size=(n, 2))
    if labelled:
        X = np.column_stack([X, rng.integers(0, 3, size=n)])
    return X, rng.integers(0, 6, size=n)


# ------------------------------------------------------------ the step's math


@pytest.mark.parametrize("labelled", [False, True])
def test_weighted_gradient_matches_finite_differences(rng, labelled):
    """Every parameter (embeddings and label embeddings included)."""
    ws = workspace(labels=(3, 2) if labelled else None)
    X, y = batch(rng, labelled=labelled)
    w = rng.uniform(0.1, 3.0, size=len(y))
    steps = trainer(ws, alpha=0.3)
    steps.step(X, y, row_weights=w)
    analytic = steps.optimizer.grad
    numeric = np.empty_like(analytic)
    for i in range(ws.flat.size):
        saved = ws.flat[i]
        values = []
        for shift in (1e-6, -1e-6):
            ws.flat[i] = saved + shift
            values.append(steps.step(X, y, row_weights=w))
        ws.flat[i] = saved
        numeric[i] = (values[0] - values[1]) / 2e-6
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("labelled", [False, True])
def test_integer_weights_give_the_loss_and_gradient_of_repeated_rows(rng, labelled):
    X, y = batch(rng, labelled=labelled)
    counts = np.array([1, 3, 2, 1, 4, 1, 2, 5, 1])
    labels = (3, 2) if labelled else None
    weighted, repeated = (
        trainer(workspace(labels), 0.0),
        trainer(workspace(labels), 0.0),
    )
    value = weighted.step(X, y, row_weights=counts / counts.mean())
    expected = repeated.step(np.repeat(X, counts, axis=0), np.repeat(y, counts))
    assert value == pytest.approx(expected, rel=1e-12)
    np.testing.assert_allclose(
        weighted.optimizer.grad, repeated.optimizer.grad, rtol=1e-12, atol=1e-15
    )


def test_validation_score_is_the_weighted_mean(rng):
    ws = workspace()
    X, y = batch(rng)
    counts = np.array([1, 3, 2, 1, 4, 1, 2, 5, 1])
    weighted = validation_score(ws, X, y, "tanh", sample_weight=counts.astype(float))
    repeated = validation_score(
        ws, np.repeat(X, counts, axis=0), np.repeat(y, counts), "tanh"
    )
    assert weighted == pytest.approx(repeated, rel=1e-12)


def test_discriminative_step_with_integer_weights_is_that_of_repeated_names(rng):
    """The label log-loss and the cross-entropy of the fine-tuning, one batch."""
    n_names, counts = 5, np.array([2, 1, 3, 1, 2])
    name_of_row = np.repeat(np.arange(n_names), [3, 2, 4, 2, 3])
    contexts, targets = (
        rng.integers(0, 6, size=(len(name_of_row), 2)),
        rng.integers(0, 6, size=len(name_of_row)),
    )
    labels = np.array([0, 1, 2, 1, 0])
    rep = np.repeat(np.arange(n_names), counts)  # the repeated names, in order
    rows = np.concatenate([np.flatnonzero(name_of_row == n) for n in rep])
    rep_local = np.repeat(np.arange(len(rep)), np.bincount(name_of_row)[rep])

    def tuner():
        return LabelFineTuner(
            workspace((3, 2)), RecordingOptimizer(), activation="tanh", alpha=0.0,
            weight=2.0, log_prior=np.log([0.3, 0.3, 0.4]), names_per_batch=64,
            dropout=0.0, hidden_layer_sizes=[5],
        )  # fmt: skip

    weighted, repeated = tuner(), tuner()
    row_w = counts[name_of_row].astype(float)
    value = weighted.step(
        contexts, targets, name_of_row, labels, None,
        counts / counts.mean(), row_w / row_w.mean(),
    )  # fmt: skip
    expected = repeated.step(
        contexts[rows], targets[rows], rep_local, labels[rep], None
    )
    assert value == pytest.approx(expected, rel=1e-12)
    np.testing.assert_allclose(
        weighted.optimizer.grad, repeated.optimizer.grad, rtol=1e-10, atol=1e-14
    )


# ------------------------------------------------------------- the estimator


def test_sample_weight_none_is_the_unweighted_fit():
    data = windows(NAMES)
    plain = small(early_stopping=True, dropout=0.2).fit(data)
    none = small(early_stopping=True, dropout=0.2).fit(data, sample_weight=None)
    assert_same_model(plain, none)
    assert plain.loss_curve_ == none.loss_curve_
    assert plain.validation_scores_ == none.validation_scores_


def test_integer_weights_fit_the_repeated_names_in_one_full_batch():
    """One full-batch Adam step: the same gradient, so the same weights."""
    names, counts = NAMES[:30], np.arange(30) % 3 + 1
    params = dict(batch_size=1000, max_iter=1, alpha=0.0, shuffle=False)
    weighted = small(**params).fit(windows(names), sample_weight=counts)
    repeated = small(**params).fit(windows(np.repeat(names, counts)))
    assert weighted.loss_curve_[0] == pytest.approx(repeated.loss_curve_[0], rel=1e-12)
    assert_same_model(weighted, repeated, rtol=1e-9)


@pytest.mark.parametrize(
    "params", [dict(), dict(early_stopping=True, batch_size=32, max_iter=3)]
)
def test_weight_zero_is_the_name_left_out(params):
    """As if absent, the early-stopping hold-out included."""
    kept = COUNTS > 0
    weights = kept.astype(float)
    weighted = small(**params).fit(windows(NAMES), sample_weight=weights)
    absent = small(**params).fit(windows(np.array(NAMES)[kept]))
    assert_same_model(weighted, absent, rtol=1e-9)
    np.testing.assert_allclose(weighted.loss_curve_, absent.loss_curve_, rtol=1e-12)
    assert weighted.t_ == absent.t_


def test_equal_weights_and_rescaled_weights_change_nothing():
    data = windows(NAMES)
    params = dict(early_stopping=True, batch_size=32, max_iter=3)
    plain = small(**params).fit(data)
    assert_same_model(small(**params).fit(data, sample_weight=2.0), plain, rtol=1e-9)
    weighted = small(**params).fit(data, sample_weight=COUNTS)
    scaled = small(**params).fit(data, sample_weight=COUNTS * 1e6)
    assert_same_model(weighted, scaled, rtol=1e-9)
    np.testing.assert_allclose(
        weighted.validation_scores_, scaled.validation_scores_, rtol=1e-12
    )


def test_discriminative_epochs_take_the_weights():
    """Weight 0 leaves a name out of the fine-tuning (and of the priors) too."""
    kept = COUNTS > 0
    params = dict(discriminative_epochs=2, max_iter=1)
    weighted = small(**params).fit(windows(NAMES), LABELS, sample_weight=kept * 1.0)
    absent = small(**params).fit(windows(np.array(NAMES)[kept]), LABELS[kept])
    assert_same_model(weighted, absent, rtol=1e-9)
    np.testing.assert_allclose(
        weighted.label_loss_curve_, absent.label_loss_curve_, rtol=1e-10
    )
    unweighted = small(**params).fit(windows(NAMES), LABELS)
    assert weighted.label_loss_curve_ != unweighted.label_loss_curve_


def test_discriminative_priors_are_the_weighted_label_frequencies(monkeypatch):
    import sknextchar._label_fine_tuning as fine_tuning

    priors = []

    class Recording(LabelFineTuner):
        def __init__(self, *args, log_prior, **kwargs):
            priors.append(log_prior)
            super().__init__(*args, log_prior=log_prior, **kwargs)

    monkeypatch.setattr(fine_tuning, "LabelFineTuner", Recording)
    counts = np.where(LABELS == "f", 3.0, 1.0) * (COUNTS > 0)
    small(discriminative_epochs=1, max_iter=1).fit(
        windows(NAMES), LABELS, sample_weight=counts
    )
    per_label = [counts[LABELS == label].sum() for label in ("f", "m")]
    np.testing.assert_allclose(priors[0], np.log(np.divide(per_label, counts.sum())))


def test_discriminative_epochs_with_integer_weights_fit_the_repeated_names(
    monkeypatch,
):
    """All names in one batch: the fine-tuning's steps are those of the repeats."""
    import sknextchar._label_fine_tuning as fine_tuning

    monkeypatch.setattr(fine_tuning, "NAMES_PER_BATCH", 10_000)
    names, labels, counts = NAMES[:30], LABELS[:30], np.arange(30) % 3 + 1
    params = dict(
        batch_size=10_000, max_iter=1, alpha=0.0, shuffle=False,
        discriminative_epochs=2,
    )  # fmt: skip
    weighted = small(**params).fit(windows(names), labels, sample_weight=counts)
    repeated = small(**params).fit(
        windows(np.repeat(names, counts)), np.repeat(labels, counts)
    )
    np.testing.assert_allclose(
        weighted.label_loss_curve_, repeated.label_loss_curve_, rtol=1e-10
    )
    assert_same_model(weighted, repeated, rtol=1e-8)


def test_partial_fit_with_weights():
    kept = COUNTS > 0
    weighted = small().partial_fit(windows(NAMES), sample_weight=kept * 1.0)
    absent = small().partial_fit(windows(np.array(NAMES)[kept]))
    assert_same_model(weighted, absent, rtol=1e-9)
    weighted.partial_fit(windows(NAMES), sample_weight=COUNTS)
    assert len(weighted.loss_curve_) == 2


def test_partial_fit_takes_the_weights_as_given_and_fit_rescales_them():
    # fit divides the weights by their mean; partial_fit does not, so that
    # the calls on the chunks of a file weigh against each other as their
    # counts say. With a strong penalty, weights of 100 weigh the
    # cross-entropy 100 times more against it.
    data, hundred = windows(NAMES), np.full(len(NAMES), 100.0)
    assert_same_model(
        small(alpha=5.0).fit(data, sample_weight=hundred),
        small(alpha=5.0).fit(data),
        rtol=1e-9,
    )
    given = small(alpha=5.0, max_iter=1).partial_fit(data, sample_weight=hundred)
    plain = small(alpha=5.0, max_iter=1).partial_fit(data)
    assert not np.allclose(given.coefs_[0], plain.coefs_[0], rtol=1e-3)
    # The record is the weighted mean cross-entropy plus the penalty over the
    # mean weight, so about the unweighted loss less most of its penalty.
    assert given.loss_curve_[0] < plain.loss_curve_[0]
    ones = small(max_iter=1).partial_fit(data, sample_weight=np.ones(len(NAMES)))
    assert_same_model(ones, small(max_iter=1).partial_fit(data), rtol=1e-9)


def test_heavy_names_become_more_likely():
    names = list(load_indian_names()[::40])  # 377 names, a to z
    heavy = np.array([name.startswith("s") for name in names])
    data = windows(names)
    params = dict(max_iter=6, hidden_layer_sizes=(32,), dtype="float32")
    plain = small(**params).fit(data)
    weighted = small(**params).fit(data, sample_weight=np.where(heavy, 20.0, 1.0))
    heavy_windows = windows(np.array(names)[heavy])
    light_windows = windows(np.array(names)[~heavy])
    assert weighted.score(heavy_windows) > plain.score(heavy_windows) + 0.05
    assert weighted.score(light_windows) < plain.score(light_windows)


@pytest.mark.parametrize(
    "bad, problem",
    [
        ([1.0, -1.0] + [1.0] * (len(NAMES) - 2), "a negative value"),
        ([1.0] * (len(NAMES) - 1), r"shape \(119,\)"),
        ([np.inf] + [1.0] * (len(NAMES) - 1), r"sample_weight\[0\] = inf: put a"),
        ([0.0] * len(NAMES), "only zeros"),
    ],
)
def test_bad_weights_are_refused_and_leave_the_model_as_it_was(bad, problem):
    data = windows(NAMES)
    clf = small(max_iter=1).fit(data)
    before = [a.copy() for a in state(clf)], list(clf.loss_curve_), clf.t_
    message = f"sample_weight must be .* one per name.*; got {problem}"
    with pytest.raises(ValueError, match=message):
        clf.partial_fit(data, sample_weight=bad)
    with pytest.raises(ValueError, match=message):
        clf.set_params(warm_start=True).fit(data, sample_weight=bad)
    for a, b in zip(state(clf), before[0], strict=True):
        np.testing.assert_array_equal(a, b)
    assert (clf.loss_curve_, clf.t_) == before[1:]
    fresh = small()
    with pytest.raises(ValueError, match=message):
        fresh.fit(data, sample_weight=bad)
    assert not hasattr(fresh, "coefs_")


@pytest.mark.parametrize("missing", ["NA", "nan"])
def test_a_missing_weight_is_placed_as_a_name_and_told_missing(missing):
    # A count column of a table (Int64 with <NA>, or float with NaN) said only
    # "got a value that is not finite": not which, nor that it is missing.
    pd = pytest.importorskip("pandas")
    index = np.arange(len(NAMES))[::-1] + 100  # a filtered, shuffled table's
    counts = pd.Series(np.ones(len(NAMES), dtype=int), index=index, dtype="Int64")
    counts = counts if missing == "NA" else counts.astype(float)
    counts.iloc[5] = pd.NA if missing == "NA" else np.nan
    shown = "<NA>" if missing == "NA" else "nan"
    pipe = Pipeline([("windows", ContextWindowTransformer()), ("clf", small())])
    with pytest.raises(ValueError) as caught:
        pipe.fit(pd.Series(NAMES, index=index), clf__sample_weight=counts)
    assert str(caught.value) == (
        f"Input sample_weight contains {'<NA>' if missing == 'NA' else 'NaN'}: "
        f"sample_weight.iloc[5] (position 5, index label {index[5]}) = {shown} is "
        "a missing value; remove it from sample_weight with its name, or put a "
        "weight in its place."
    )
    assert not hasattr(pipe[-1], "coefs_")


def test_an_infinite_weight_is_placed_and_told_to_be_made_finite():
    bad = [1.0] * len(NAMES)
    bad[7] = np.inf
    with pytest.raises(ValueError) as caught:
        small().fit(windows(NAMES), sample_weight=bad)
    message = str(caught.value)
    assert message.endswith(
        "got sample_weight[7] = inf: put a finite weight in its place, or remove "
        "it from sample_weight with its name."
    )
    assert "missing" not in message


@pytest.mark.parametrize("under", [1.0, np.nan], ids=["a-number", "nan"])
def test_a_weight_hidden_by_a_mask_is_missing_whatever_is_under_it(under):
    # A masked array's mask said nothing: the number under a masked weight was
    # read as the weight (and a NaN under it was refused as missing).
    data = np.ones(len(NAMES))
    data[3] = under
    masked = np.ma.array(data, mask=np.arange(len(NAMES)) == 3)
    clf = small()
    with pytest.raises(ValueError) as caught:
        clf.fit(windows(NAMES), sample_weight=masked)
    assert str(caught.value) == (
        "Input sample_weight contains masked: sample_weight[3] = masked is a "
        "missing value; remove it from sample_weight with its name, or put a "
        "weight in its place."
    )
    assert not hasattr(clf, "coefs_")
    small(max_iter=1).fit(
        windows(NAMES), sample_weight=np.ma.array(np.ones(len(NAMES)))
    )


@pytest.mark.parametrize("unit", ["D", "ns"])
@pytest.mark.parametrize("kind", ["datetime64", "timedelta64"])
def test_dates_and_durations_are_no_weights(kind, unit):
    # A column of dates (or durations) passed as the counts was read as days
    # or nanoseconds since 1970 (2020-01-01 weighed 18262), silently; NaT was
    # refused as "a negative value".
    dates = np.full(len(NAMES), 3, dtype=f"{kind}[{unit}]")
    for weights in (dates, np.full(len(NAMES), "NaT", dtype=f"{kind}[{unit}]")):
        clf = small()
        with pytest.raises(ValueError, match="got values that are not real numbers"):
            clf.fit(windows(NAMES), sample_weight=weights)
        assert not hasattr(clf, "coefs_")


def test_array_input_takes_one_weight_per_row():
    X = np.array([[0, 1], [1, 2], [2, 0], [0, 1]])
    y = np.array(["b", "c", "a", "b"])
    weighted = small(max_iter=3).fit(X, y, sample_weight=[1, 1, 1, 0])
    absent = small(max_iter=3).fit(X[:3], y[:3])
    assert_same_model(weighted, absent, rtol=1e-9)
    with pytest.raises(ValueError, match="4 numbers, one per row"):
        small().fit(X, y, sample_weight=[1, 2])


def pipeline():
    return make_pipeline(ContextWindowTransformer(context_length=3), small())


def test_pipeline_routes_the_weights_per_name():
    direct = small().fit(windows(NAMES), sample_weight=COUNTS)
    routed = pipeline().fit(NAMES, charembeddingmlpclassifier__sample_weight=COUNTS)
    assert_same_model(routed[-1], direct)
    assert_same_model(fit_weighted(pipeline(), NAMES, sample_weight=COUNTS)[-1], direct)
    with config_context(enable_metadata_routing=True):
        assert_same_model(
            fit_weighted(pipeline(), NAMES, sample_weight=COUNTS)[-1], direct
        )
        pipe = pipeline()
        pipe[-1].set_fit_request(sample_weight=True)
        assert_same_model(pipe.fit(NAMES, sample_weight=COUNTS)[-1], direct)


def test_pipeline_with_bad_weights_leaves_the_transformer_unfitted():
    pipe = pipeline()
    with warnings.catch_warnings(), pytest.raises(ValueError, match="one per name"):
        pipe.fit(NAMES, charembeddingmlpclassifier__sample_weight=[1.0, 2.0])
    assert not hasattr(pipe[0], "vocabulary_")


def test_the_weighted_loss_curve_holds_plain_floats_as_the_unweighted_one():
    clf = small().fit(windows(NAMES), sample_weight=COUNTS)
    assert {type(value) for value in [*clf.loss_curve_, clf.loss_]} == {float}


def test_a_hold_out_too_small_after_weights_of_0_says_so():
    one = np.zeros(len(NAMES))
    one[0] = 1.0
    clf = small(early_stopping=True)
    too_small = r"of 1 distinct name .*sample_weight 0 are left out"
    with pytest.raises(ValueError, match=too_small):
        clf.fit(windows(NAMES), sample_weight=one)
    assert not hasattr(clf, "coefs_")


def test_partial_fit_on_tiny_weights_says_to_scale_them_not_the_step():
    clf = small().partial_fit(windows(NAMES))
    before = [array.copy() for array in state(clf)]
    with pytest.raises(ValueError, match=r"weigh 2e-09 per window .*mean of about 1"):
        clf.partial_fit(windows(NAMES), sample_weight=COUNTS * 1e-9)
    for old, new in zip(before, state(clf), strict=True):
        np.testing.assert_array_equal(old, new)
