"""NameLabelClassifier's calibration with probability 0 under a label, the pool
weights of a "drop", and a frozen pipeline that knows labels y lacks."""

import pickle
import warnings
from unittest import mock

import numpy as np
import pytest
from scipy.optimize import OptimizeResult, minimize
from scipy.special import log_softmax
from sklearn.exceptions import ConvergenceWarning
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import Pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
)
from sknextchar._label_calibration import fit_pool_weights, fit_temperature

C = 1e4  # the calibration's penalty, T ** 2 / (2 C) against the summed log-loss


def exact_loss(weights, offsets, lls, y):
    """The penalised mean log-loss, a label of probability 0 (-inf) excluded
    exactly (its score is -inf for any weight above 0)."""
    scores = np.zeros(lls[0].shape)
    for w, ll in zip(weights, lls, strict=True):
        centred = ll - ll.max(axis=1, keepdims=True)
        scores = scores + np.where(np.isneginf(centred), -np.inf, w * centred)
    log_p = log_softmax(scores + np.r_[0.0, offsets], axis=1)
    penalty = np.sum(np.square(weights)) / (2 * C)
    return (-log_p[np.arange(len(y)), y].sum() + penalty) / len(y)


def direct(lls, y, n_classes):
    """Weights and normalised log-priors by Nelder-Mead on the exact loss."""
    n_models = len(lls)

    def loss(theta):
        return exact_loss(np.abs(theta[:n_models]), theta[n_models:], lls, y)

    start = np.r_[np.ones(n_models), np.zeros(n_classes - 1)]
    theta = minimize(
        loss,
        start,
        method="Nelder-Mead",
        options={"xatol": 1e-10, "fatol": 1e-14, "maxiter": 20000, "maxfev": 20000},
    ).x
    offsets = np.r_[0.0, theta[n_models:]]
    return np.abs(theta[:n_models]), offsets - np.logaddexp.reduce(offsets)


def scores(rng, n):
    """Held-out log-likelihoods of two labels; some names impossible under
    their wrong label (-inf), none under their own."""
    y = rng.integers(0, 2, n)
    ll = np.c_[-3.0 * y, -3.0 * (1 - y)] + rng.normal(0, 3, (n, 2))
    wrong = rng.random(n) < 0.25
    ll[wrong, 1 - y[wrong]] = -np.inf
    return ll, y


def test_fit_temperature_uses_a_wrong_label_of_probability_0():
    rng = np.random.default_rng(0)
    ll, y = scores(rng, 400)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no NaN arithmetic
        temperature, log_prior = fit_temperature(ll, y)
    (expected_t,), expected_prior = direct([ll], y, 2)
    assert temperature == pytest.approx(expected_t, rel=1e-4)
    np.testing.assert_allclose(log_prior, expected_prior, atol=1e-4)
    assert temperature != 1.0  # not the optimiser's start


def test_fit_temperature_with_fixed_priors_matches_a_grid():
    rng = np.random.default_rng(1)
    ll, y = scores(rng, 300)
    log_prior = np.log([0.3, 0.7])
    temperature, _ = fit_temperature(ll, y, log_prior=log_prior)
    offsets = log_prior[1:] - log_prior[0]

    def best(grid):
        return grid[int(np.argmin([exact_loss([t], offsets, [ll], y) for t in grid]))]

    # The loss is convex in T: a grid of step 0.01, then one of step 1e-4
    # around its best point (as a single grid of step 1e-4 over (0, 3]).
    coarse = best(np.linspace(0.01, 3.0, 300))
    fine = best(np.linspace(max(coarse - 0.01, 1e-4), coarse + 0.01, 201))
    assert temperature == pytest.approx(fine, abs=2e-4)


def test_fit_pool_weights_uses_a_wrong_label_of_probability_0():
    rng = np.random.default_rng(2)
    good, y = scores(rng, 400)
    other = np.c_[-1.0 * y, -1.0 * (1 - y)] + rng.normal(0, 2, (400, 2))
    other[:40][np.arange(40), 1 - y[:40]] = -np.inf
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        weights, log_prior = fit_pool_weights(np.stack([good, other], axis=1), y)
    expected_w, expected_prior = direct([good, other], y, 2)
    np.testing.assert_allclose(weights, expected_w, rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(log_prior, expected_prior, atol=1e-3)
    assert not np.allclose(weights, 0.5)  # not the optimiser's start


def _names(rng, n, weights, extra):
    """Names of a, b, c (with these frequencies); a third end in ``extra``."""
    names = []
    for _ in range(n):
        name = "".join(rng.choice(list("abc"), size=rng.integers(2, 6), p=weights))
        names.append(name + extra if rng.random() < 0.3 else name)
    return names


def _labelled(rng, n):
    """Names of label A (x is theirs alone) and of label B (y theirs alone)."""
    names = _names(rng, n, [0.6, 0.2, 0.2], "x") + _names(rng, n, [0.2, 0.2, 0.6], "y")
    return names, ["A"] * n + ["B"] * n


def unsmoothed(names, labels, context_length=1):
    """A bigram count model per label, add_k=0: a letter a label never had has
    probability 0 under it."""
    counts = KneserNeyClassifier(order=context_length + 1, add_k=0)
    return Pipeline(
        [
            ("w", ContextWindowTransformer(context_length=context_length)),
            ("c", PerLabelClassifier(counts)),
        ]
    ).fit(names, labels)


@pytest.fixture(scope="module")
def frozen_count_model():
    rng = np.random.default_rng(0)
    train, held = _labelled(rng, 300), _labelled(rng, 150)
    return FrozenEstimator(unsmoothed(*train)), held


def test_classifier_temperature_and_priors_fit_names_impossible_under_a_wrong_label(
    frozen_count_model,
):
    frozen, (names, labels) = frozen_count_model
    ll = NameLabelClassifier(frozen).fit(names, labels).log_likelihood(names)
    y = np.searchsorted(["A", "B"], labels)
    assert np.isneginf(ll).any() and not np.isneginf(ll[np.arange(len(y)), y]).any()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        clf = NameLabelClassifier(frozen, calibration="temperature").fit(names, labels)
    (expected_t,), expected_prior = direct([ll], y, 2)
    assert clf.temperature_ == pytest.approx(expected_t, rel=1e-4)
    np.testing.assert_allclose(np.log(clf.class_prior_), expected_prior, atol=1e-4)
    assert np.isfinite(clf.predict_proba(names)).all()


def test_a_name_impossible_under_its_own_label_is_refused_by_name(frozen_count_model):
    frozen, (names, labels) = frozen_count_model
    clf = NameLabelClassifier(frozen, calibration="temperature")
    with pytest.raises(ValueError, match=r"own label: 'abx'.*add_k above 0"):
        clf.fit(names + ["abx"], labels + ["B"])  # x: label A's letter alone
    assert not hasattr(clf, "temperature_")


def test_an_optimiser_that_fails_is_not_silent():
    rng = np.random.default_rng(3)
    ll, y = scores(rng, 100)
    failed = OptimizeResult(
        x=np.array([1.0, 0.0]),
        fun=0.7,
        success=False,
        nit=0,
        message="ABNORMAL_TERMINATION_IN_LNSRCH",
    )
    where = "sknextchar._label_calibration.minimize"
    with mock.patch(where, return_value=failed):
        with pytest.warns(ConvergenceWarning, match=r"did not converge \(ABNORMAL"):
            fit_temperature(ll, y)
    failed.fun = np.nan
    with mock.patch(where, return_value=failed):
        with pytest.raises(ValueError, match="not finite"):
            fit_temperature(ll, y)


def _dropped_first(frozen_pair):
    a, b = frozen_pair
    return [("gone", "drop"), ("one", a), ("two", b)]


@pytest.fixture(scope="module")
def two_frozen():
    rng = np.random.default_rng(4)
    train, held = _labelled(rng, 200), _labelled(rng, 100)
    return (
        FrozenEstimator(unsmoothed(*train, context_length=1)),
        FrozenEstimator(unsmoothed(*train, context_length=2)),
    ), held


def test_pool_weights_line_up_with_estimator_and_a_drop_has_0(two_frozen):
    pair, (names, labels) = two_frozen
    clf = NameLabelClassifier(_dropped_first(pair), calibration="weights")
    clf.fit(names, labels)
    kept = NameLabelClassifier(_dropped_first(pair)[1:], calibration="weights")
    kept.fit(names, labels)
    assert clf.pool_weights_.shape == (3,) and clf.pool_weights_[0] == 0.0
    np.testing.assert_allclose(clf.pool_weights_[1:], kept.pool_weights_)
    np.testing.assert_allclose(clf.pool_weights_.sum(), 1.0)
    np.testing.assert_allclose(clf.predict_proba(names), kept.predict_proba(names))
    loaded = pickle.loads(pickle.dumps(clf))
    np.testing.assert_array_equal(loaded.predict_proba(names), clf.predict_proba(names))
    plain = NameLabelClassifier(_dropped_first(pair)).fit(names, labels)
    np.testing.assert_array_equal(plain.pool_weights_, [0.0, 0.5, 0.5])


def test_a_copy_saved_with_the_kept_weights_only_loads_one_per_member(two_frozen):
    pair, (names, labels) = two_frozen
    clf = NameLabelClassifier(_dropped_first(pair), calibration="weights")
    clf.fit(names, labels)
    state = clf.__getstate__()  # as an earlier version saved it
    del state["_pool_kept_"]
    state["pool_weights_"] = clf.pool_weights_[1:].copy()
    old = NameLabelClassifier.__new__(NameLabelClassifier)
    old.__setstate__(state)
    np.testing.assert_array_equal(old.pool_weights_, clf.pool_weights_)
    np.testing.assert_array_equal(old.predict_proba(names), clf.predict_proba(names))


def test_a_pipeline_of_share_0_adds_nothing_not_nan(two_frozen):
    pair, (names, labels) = two_frozen
    clf = NameLabelClassifier(list(pair)).fit(names, labels)
    alone = NameLabelClassifier(pair[0]).fit(names, labels)
    clf.pool_weights_ = np.array([1.0, 0.0])  # as calibration="weights" may fit
    assert np.isneginf(alone.log_likelihood(names)).any()  # some names: 0 * -inf
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        proba = clf.predict_proba(names)
    np.testing.assert_array_equal(proba, alone.predict_proba(names))


def test_a_frozen_pipeline_with_labels_y_lacks_warns_and_keeps_those_of_y():
    rng = np.random.default_rng(5)
    (names, labels), (held, held_labels) = _labelled(rng, 100), _labelled(rng, 50)
    extra = unsmoothed(names + ["abz", "cz"], labels + ["C", "C"])
    with pytest.warns(UserWarning, match=r"knows the labels \['C'\], which y lacks"):
        clf = NameLabelClassifier(FrozenEstimator(extra)).fit(held, held_labels)
    assert clf.classes_.tolist() == ["A", "B"]
    doc = " ".join(NameLabelClassifier.__doc__.split())
    assert "must be among the pipeline's labels" in doc
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a pipeline with the labels of y: no warning
        same = FrozenEstimator(unsmoothed(names, labels))
        NameLabelClassifier(same).fit(held, held_labels)


def test_weights_calibration_weighs_down_a_pipeline_of_probability_0():
    from sklearn.frozen import FrozenEstimator
    from sklearn.pipeline import Pipeline

    from sknextchar import (
        ContextWindowTransformer,
        KneserNeyClassifier,
        NameLabelClassifier,
        PerLabelClassifier,
    )

    def counts(add_k):
        model = PerLabelClassifier(KneserNeyClassifier(order=2, add_k=add_k))
        windows = ContextWindowTransformer(context_length=1)
        return Pipeline([("w", windows), ("c", model)])

    names, labels = ["abx", "bax", "aab", "cay", "ccy", "cab"], list("AAABBB")
    raw = FrozenEstimator(counts(0).fit(names, labels))  # unseen bigram: 0
    smooth = FrozenEstimator(counts(None).fit(names, labels))
    held, truth = ["abx", "cay", "bax", "ccy"], ["B", "B", "A", "B"]  # 'abx' as B
    members = [("raw", raw), ("smooth", smooth)]
    # Pooled with fixed shares, 'abx' is impossible under its own label: refused,
    # with the calibration that can weigh the raw pipeline down.
    with pytest.raises(ValueError, match=r"'abx'.*calibration=\"weights\"\."):
        NameLabelClassifier(members, calibration="temperature").fit(held, truth)
    # Followed: a weight each; the smoothed pipeline gives 'abx' a probability.
    clf = NameLabelClassifier(members, calibration="weights").fit(held, truth)
    assert np.all(np.isfinite(clf.predict_proba(held)))
    assert clf.pool_weights_[0] < clf.pool_weights_[1]
    # Impossible under every pipeline: refused, as with one.
    with pytest.raises(ValueError, match="under their own label under every pipeline"):
        NameLabelClassifier([("a", raw), ("b", raw)], calibration="weights").fit(
            held, truth
        )
