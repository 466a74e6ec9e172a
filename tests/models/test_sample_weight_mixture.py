"""sample_weight in MixtureClassifier.fit and NameLabelClassifier.fit: a weight is
how many times the name occurs (integer weights give the model of the repeated
names), weight 0 leaves the name out, and None is the unweighted code path."""

import numpy as np
import pytest
from sklearn import config_context
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.metrics import accuracy_score
from sklearn.model_selection import KFold, PredefinedSplit, cross_val_score
from sklearn.pipeline import Pipeline, make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
    make_default_pipeline,
)
from sknextchar._label_calibration import fit_pool_weights, fit_temperature
from sknextchar._mixture_weights import em_mixture_weights, log_linear_weights
from sknextchar.datasets import load_indian_names
from tests._recorded import assert_recorded_hex

NAMES = list(load_indian_names()[::60])  # 252 names
COUNTS = np.random.default_rng(0).integers(1, 4, len(NAMES))
LABELS = np.array(["f" if n.endswith(("a", "i")) else "m" for n in NAMES])


def _repeated(names, counts):
    return [name for name, k in zip(names, counts, strict=True) for _ in range(k)]


def _kn_members():
    return [("k2", KneserNeyClassifier(order=2)), ("k4", KneserNeyClassifier(order=4))]


def _mixture_pipeline(**params):
    mixture = MixtureClassifier(_kn_members(), random_state=0, **params)
    return make_pipeline(ContextWindowTransformer(context_length=3), mixture)


def _count_pipeline():
    return make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier(order=3)),
    )


# ------------------------------------------------- the weights' math (oracles)


def _toy(seed=0, n=6, n_classes=3):
    rng = np.random.default_rng(seed)
    member_log_proba = [
        np.log(rng.dirichlet(np.ones(n_classes), size=n)) for _ in range(2)
    ]
    targets = rng.integers(0, n_classes, n)
    return member_log_proba, targets, rng.integers(0, 4, n).astype(float)


def test_weighted_em_is_em_on_repeated_rows():
    rng = np.random.default_rng(1)
    p = rng.uniform(0.01, 1, size=(40, 3))
    counts = rng.integers(0, 4, 40)  # 0: the row is left out
    weighted = em_mixture_weights(p, tol=0, max_iter=300, sample_weight=counts)
    repeated = em_mixture_weights(np.repeat(p, counts, axis=0), tol=0, max_iter=300)
    np.testing.assert_allclose(weighted[0], repeated[0], rtol=0, atol=1e-9)
    assert weighted[1] == pytest.approx(repeated[1], abs=1e-12)


def test_weighted_log_linear_weights_are_those_of_repeated_rows():
    member_log_proba, targets, counts = _toy(n=30)
    weighted = log_linear_weights(
        member_log_proba, targets, tol=1e-15, sample_weight=counts
    )
    rows = np.repeat(np.arange(30), counts.astype(int))
    repeated = log_linear_weights(
        [lp[rows] for lp in member_log_proba], targets[rows], tol=1e-15
    )
    np.testing.assert_allclose(weighted[0], repeated[0], rtol=0, atol=1e-9)
    assert weighted[1] == pytest.approx(repeated[1], abs=1e-12)


def test_weighted_em_maximises_the_weighted_likelihood_on_a_grid():
    member_log_proba, targets, counts = _toy()
    p = np.exp(np.column_stack([lp[np.arange(6), targets] for lp in member_log_proba]))
    weights, score, _ = em_mixture_weights(
        p, tol=1e-15, max_iter=10_000, sample_weight=counts
    )
    grid = np.linspace(0, 1, 100_001)
    mixed = np.outer(grid, p[:, 0]) + np.outer(1 - grid, p[:, 1])  # (grid, n)
    objective = np.log(mixed) @ counts / counts.sum()
    best = objective.argmax()
    assert abs(weights[0] - grid[best]) < 1e-4
    assert score >= objective[best] - 1e-12
    assert score == pytest.approx(np.log(p @ weights) @ counts / counts.sum())


def _weighted_objective(member_log_proba, targets, counts, grid0, grid1):
    """The weighted mean log-likelihood at every pair of weights of the grid."""
    w0, w1 = np.meshgrid(grid0, grid1, indexing="ij")
    scores = (
        w0[..., None, None] * member_log_proba[0]
        + w1[..., None, None] * member_log_proba[1]
    )  # (grid, grid, n, C)
    log_q = scores - np.log(np.exp(scores).sum(axis=-1, keepdims=True))
    picked = log_q[..., np.arange(len(targets)), targets]  # (grid, grid, n)
    return picked @ counts / counts.sum()


def test_weighted_log_linear_weights_maximise_the_weighted_likelihood_on_a_grid():
    member_log_proba, targets, counts = _toy(seed=20)
    weights, score, _ = log_linear_weights(
        member_log_proba, targets, tol=1e-15, sample_weight=counts
    )
    # The objective is concave in the weights: a grid of step 0.05 on [0, 3]
    # finds the cell of the best pair, a grid of step 0.005 around it the pair.
    coarse = np.linspace(0, 3, 61)
    objective = _weighted_objective(member_log_proba, targets, counts, coarse, coarse)
    near = np.unravel_index(objective.argmax(), objective.shape)
    assert 0 < near[0] < 60 and 0 < near[1] < 60  # an interior optimum
    fine = [np.linspace(-0.25, 0.25, 101) + coarse[i] for i in near]
    objective = _weighted_objective(member_log_proba, targets, counts, *fine)
    best = np.unravel_index(objective.argmax(), objective.shape)
    assert 0 < best[0] < 100 and 0 < best[1] < 100  # inside the fine grid
    np.testing.assert_allclose(weights, [fine[0][best[0]], fine[1][best[1]]], atol=0.01)
    assert score >= objective[best] - 1e-9


@pytest.mark.parametrize("fit", [fit_temperature, fit_pool_weights])
def test_weighted_calibration_fit_is_that_of_repeated_names(fit):
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 300)
    ll = -3.0 * (np.arange(3) != y[:, None]) + rng.normal(0, 3, (300, 3))
    if fit is fit_pool_weights:
        ll = np.stack([ll, rng.normal(0, 3, (300, 3))], axis=1)
    counts = rng.integers(0, 4, 300)
    weighted = fit(ll, y, sample_weight=counts)
    repeated = fit(ll.repeat(counts, axis=0), y.repeat(counts))
    np.testing.assert_allclose(weighted[0], repeated[0], rtol=1e-6)
    np.testing.assert_allclose(weighted[1], repeated[1], rtol=0, atol=1e-6)


# ------------------------------------------------------------ MixtureClassifier


class _RecordingKN(KneserNeyClassifier):
    """A Kneser-Ney model that keeps the names and weights it was fitted on."""

    def fit(self, X, y=None, sample_weight=None):
        self.fitted_names_ = np.unique(X.name_index)
        self.fitted_weight_ = sample_weight
        return super().fit(X, y, sample_weight=sample_weight)


class _NoWeightModel(ClassifierMixin, BaseEstimator):
    """A model whose fit takes no sample_weight; counts its fits."""

    fits = 0

    def fit(self, X, y=None):
        type(self).fits += 1
        return self

    def predict_log_proba(self, X):  # pragma: no cover - never reached
        raise AssertionError


def test_mixture_with_integer_weights_is_the_mixture_of_repeated_names():
    pipe = _mixture_pipeline(weights=[0.3, 0.7])
    weighted = clone(pipe).fit(NAMES, mixtureclassifier__sample_weight=COUNTS)
    repeated = clone(pipe).fit(_repeated(NAMES, COUNTS))
    probe = NAMES[:40] + ["zyxw", "qqq"]
    np.testing.assert_array_equal(
        weighted.predict_log_proba(probe), repeated.predict_log_proba(probe)
    )


@pytest.mark.parametrize("combine", ["linear", "log-linear"])
def test_mixture_fits_its_weights_on_the_weighted_held_out_names(combine):
    members = [("k2", _RecordingKN(order=2)), ("k4", _RecordingKN(order=4))]
    mixture = MixtureClassifier(members, combine=combine, refit=False, random_state=0)
    transformer = ContextWindowTransformer(context_length=3).fit(NAMES)
    counts = COUNTS.copy()
    counts[:30] = 0  # names of weight 0: neither trained on nor held out
    mixture.fit(transformer.transform(NAMES), sample_weight=counts)
    trained = mixture.estimators_[0].fitted_names_
    np.testing.assert_array_equal(trained, mixture.estimators_[1].fitted_names_)
    np.testing.assert_array_equal(mixture.estimators_[0].fitted_weight_, counts)
    held = np.setdiff1d(np.flatnonzero(counts > 0), trained)
    assert len(held) and not np.intersect1d(trained, np.arange(30)).size
    held_out = transformer.transform([NAMES[i] for i in held])
    expected = mixture.score(held_out, sample_weight=counts[held])
    assert mixture.validation_score_ == pytest.approx(expected, rel=1e-9)
    unweighted = mixture.score(held_out)
    assert abs(unweighted - expected) > 1e-4  # the weights make a difference
    members_alone = [
        m.score(held_out, sample_weight=counts[held]) for m in mixture.estimators_
    ]
    np.testing.assert_allclose(mixture.member_validation_scores_, members_alone)


@pytest.mark.parametrize("combine", ["linear", "log-linear"])
def test_mixture_weight_zero_is_the_name_left_out(combine):
    pipe = _mixture_pipeline(combine=combine)
    counts = COUNTS.copy()
    counts[::7] = 0
    kept = counts > 0
    with_zeros = clone(pipe).fit(NAMES, mixtureclassifier__sample_weight=counts)
    without = clone(pipe).fit(
        [n for n, k in zip(NAMES, kept, strict=True) if k],
        mixtureclassifier__sample_weight=counts[kept],
    )
    np.testing.assert_array_equal(with_zeros[-1].weights_, without[-1].weights_)
    np.testing.assert_array_equal(
        with_zeros.predict_log_proba(NAMES[:30]), without.predict_log_proba(NAMES[:30])
    )


def test_mixture_without_weights_is_bit_for_bit_the_unweighted_fit():
    # Recorded from the code before sample_weight existed (commit 145fca5).
    expected = {
        "linear": (
            ["0x1.119e2522d39d0p-1", "0x1.dcc3b5ba58c60p-2"],
            "-0x1.35eb12614da5dp+1",
        ),
        "log-linear": (
            ["0x1.257e472eee30dp-1", "0x1.050c85aa9aae1p-1"],
            "-0x1.34741a0dd8a4ep+1",
        ),
    }
    for combine, (weights, score) in expected.items():
        for fit_params in ({}, {"mixtureclassifier__sample_weight": None}):
            pipe = _mixture_pipeline(combine=combine).fit(NAMES, **fit_params)
            assert_recorded_hex(pipe[-1].weights_, weights)
            assert_recorded_hex(pipe[-1].validation_score_, score)


def test_mixture_weights_per_row_of_an_array():
    X = np.array([[0, 1], [1, 2], [2, 1], [1, 1], [2, 2]])
    y = np.array(["a", "b", "a", "c", "c"])
    counts = np.array([2, 1, 3, 0, 1])
    mixture = MixtureClassifier(
        [
            ("add1", KneserNeyClassifier(add_k=1)),
            ("add2", KneserNeyClassifier(add_k=2)),
        ],
        weights=[0.4, 0.6],
    )
    weighted = clone(mixture).fit(X, y, sample_weight=counts)
    rows = np.repeat(np.arange(5), counts)
    repeated = clone(mixture).fit(X[rows], y[rows])
    np.testing.assert_array_equal(
        weighted.predict_log_proba(X[:3]), repeated.predict_log_proba(X[:3])
    )


def test_mixture_refuses_a_member_without_sample_weight_before_fitting():
    _NoWeightModel.fits = 0
    members = [("kn", KneserNeyClassifier()), ("plain", _NoWeightModel())]
    windows = ContextWindowTransformer().fit_transform(NAMES[:20])
    with pytest.raises(TypeError, match="member 'plain' .*takes no sample_weight"):
        MixtureClassifier(members, weights=[0.5, 0.5]).fit(windows, sample_weight=2)
    assert _NoWeightModel.fits == 0
    fitted = MixtureClassifier(members[:1]).fit(windows, sample_weight=2)
    assert len(fitted.estimators_) == 1  # a single number weighs every name


@pytest.mark.parametrize(
    "bad, problem",
    [([1, -1], "a negative value"), ([0, 0], "only zeros"), ([1, 2, 3], "shape")],
)
def test_mixture_bad_weights_leave_the_fitted_mixture_as_it_was(bad, problem):
    windows = ContextWindowTransformer().fit_transform(["abid", "asha"])
    mixture = MixtureClassifier(_kn_members(), weights=[0.5, 0.5]).fit(windows)
    before = dict(vars(mixture))
    with pytest.raises(ValueError, match=f"one per name.*got {problem}"):
        mixture.fit(windows, sample_weight=bad)
    assert vars(mixture).keys() == before.keys()
    assert all(vars(mixture)[key] is value for key, value in before.items())


@pytest.mark.parametrize("routing", [False, True])
def test_cross_val_score_passes_the_weights_of_each_fold(routing):
    pipe = _mixture_pipeline(weights=[0.5, 0.5])
    names, counts = np.array(NAMES[:60]), COUNTS[:60]
    cv = KFold(3, shuffle=True, random_state=0)
    with config_context(enable_metadata_routing=routing):
        if routing:  # the weights go to fit and to the held-out score
            pipe[-1].set_fit_request(sample_weight=True)
            pipe[-1].set_score_request(sample_weight=True)
            params = {"sample_weight": counts}
        else:  # to fit only
            params = {"mixtureclassifier__sample_weight": counts}
        scores = cross_val_score(pipe, names, cv=cv, params=params)
    expected = []
    for train, test in cv.split(names):
        fitted = _mixture_pipeline(weights=[0.5, 0.5]).fit(
            _repeated(names[train], counts[train])
        )
        test_names = _repeated(names[test], counts[test]) if routing else names[test]
        expected.append(fitted.score(test_names))
    np.testing.assert_allclose(scores, expected, rtol=1e-12)


# ---------------------------------------------------------- NameLabelClassifier


@pytest.mark.filterwarnings("ignore:The groups parameter is ignored:UserWarning")
@pytest.mark.parametrize(
    "calibration, ensemble", [(None, True), ("temperature", True), ("weights", False)]
)
def test_name_label_classifier_with_counts_is_that_of_repeated_names(
    calibration, ensemble
):
    folds = np.arange(len(NAMES)) % 3
    estimator = (
        _count_pipeline() if calibration != "weights" else [_count_pipeline()] * 2
    )
    clf = NameLabelClassifier(estimator, calibration=calibration, ensemble=ensemble)
    weighted = clone(clf).set_params(cv=PredefinedSplit(folds))
    weighted.fit(NAMES, LABELS, sample_weight=COUNTS)
    repeated = clone(clf).set_params(cv=PredefinedSplit(np.repeat(folds, COUNTS)))
    repeated.fit(_repeated(NAMES, COUNTS), LABELS.repeat(COUNTS))
    np.testing.assert_array_equal(weighted.class_count_, repeated.class_count_)
    np.testing.assert_allclose(weighted.class_prior_, repeated.class_prior_, rtol=1e-6)
    assert weighted.temperature_ == pytest.approx(repeated.temperature_, rel=1e-6)
    probe = NAMES[:50]
    np.testing.assert_array_equal(
        weighted.log_likelihood(probe), repeated.log_likelihood(probe)
    )
    np.testing.assert_allclose(
        weighted.predict_proba(probe), repeated.predict_proba(probe), atol=1e-6
    )


def test_name_label_priors_are_the_weighted_label_frequencies():
    counts = np.array([5, 1, 1, 1])
    clf = NameLabelClassifier(_count_pipeline()).fit(
        ["anna", "bruno", "carlo", "dino"], ["f", "m", "m", "m"], sample_weight=counts
    )
    assert clf.class_count_.tolist() == [5.0, 3.0]
    assert clf.class_prior_.tolist() == [5 / 8, 3 / 8]


def test_name_label_weight_zero_is_the_name_left_out():
    counts = COUNTS.copy()
    counts[::5] = 0
    kept = counts > 0
    clf = NameLabelClassifier(_count_pipeline(), calibration="temperature", cv=3)
    with_zeros = clone(clf).fit(NAMES, LABELS, sample_weight=counts)
    without = clone(clf).fit(
        [n for n, k in zip(NAMES, kept, strict=True) if k],
        LABELS[kept],
        sample_weight=counts[kept],
    )
    assert with_zeros.temperature_ == without.temperature_
    np.testing.assert_array_equal(
        with_zeros.predict_proba(NAMES), without.predict_proba(NAMES)
    )


def test_name_label_without_weights_is_bit_for_bit_the_unweighted_fit():
    # Recorded from the code before sample_weight existed (commit 145fca5).
    expected = {
        None: (
            "0x1.0000000000000p+0",
            ["0x1.69a69a69a69a7p-2", "0x1.4b2cb2cb2cb2dp-1"],
        ),
        "temperature": (
            "0x1.df3a1401b0319p+0",
            ["0x1.1ad24cfe64401p-1", "0x1.ca5b6603377fep-2"],
        ),
    }
    for calibration, (temperature, priors) in expected.items():
        clf = NameLabelClassifier(_count_pipeline(), calibration=calibration, cv=3)
        clf.fit(NAMES, LABELS, sample_weight=None)
        assert_recorded_hex(clf.temperature_, temperature)
        assert_recorded_hex(clf.class_prior_, priors)


def test_name_label_score_is_the_weighted_accuracy():
    clf = NameLabelClassifier(_count_pipeline()).fit(NAMES, LABELS)
    weights = np.arange(len(NAMES)) % 4
    shuffled = np.random.default_rng(0).permutation(LABELS)  # some are wrong
    expected = accuracy_score(shuffled, clf.predict(NAMES), sample_weight=weights)
    assert clf.score(NAMES, shuffled, sample_weight=weights) == expected
    assert expected != clf.score(NAMES, shuffled)


@pytest.mark.parametrize("routing", [False, True])
def test_name_label_cross_val_score_with_weights(routing):
    clf = NameLabelClassifier(_count_pipeline())
    names, labels, counts = np.array(NAMES[:90]), LABELS[:90].copy(), COUNTS[:90]
    labels[::4] = np.where(labels[::4] == "f", "m", "f")  # not all to be learned
    cv = KFold(3, shuffle=True, random_state=0)
    with config_context(enable_metadata_routing=routing):
        if routing:  # the weights go to fit and to the held-out accuracy
            clf.set_fit_request(sample_weight=True).set_score_request(
                sample_weight=True
            )
        scores = cross_val_score(
            clf, names, labels, cv=cv, params={"sample_weight": counts}
        )
    expected = []
    for train, test in cv.split(names):
        fitted = NameLabelClassifier(_count_pipeline()).fit(
            _repeated(names[train], counts[train]), labels[train].repeat(counts[train])
        )
        test_weights = counts[test] if routing else None
        expected.append(
            fitted.score(names[test], labels[test], sample_weight=test_weights)
        )
    np.testing.assert_allclose(scores, expected)


def test_name_label_refuses_a_model_without_sample_weight_before_fitting():
    _NoWeightModel.fits = 0
    plain = Pipeline(
        [("windows", ContextWindowTransformer()), ("clf", _NoWeightModel())]
    )
    clf = NameLabelClassifier([_count_pipeline(), plain])
    with pytest.raises(TypeError, match="pipeline 1 .*takes no sample_weight"):
        clf.fit(NAMES[:20], LABELS[:20], sample_weight=COUNTS[:20])
    assert _NoWeightModel.fits == 0 and not hasattr(clf, "classes_")


def test_name_label_bad_weights_leave_the_fitted_classifier_as_it_was():
    clf = NameLabelClassifier(_count_pipeline()).fit(NAMES[:20], LABELS[:20])
    before = dict(vars(clf))
    with pytest.raises(ValueError, match=r"sample_weight\[0\] = nan is a missing"):
        clf.fit(NAMES[:20], LABELS[:20], sample_weight=[np.nan] + [1] * 19)
    assert all(vars(clf)[key] is value for key, value in before.items())
    assert vars(clf).keys() == before.keys()


def test_name_label_refuses_a_label_whose_names_all_weigh_0():
    # Not a classifier whose classes_ silently lack a label of y.
    counts = np.where(LABELS[:20] == "f", 0, COUNTS[:20])
    clf = NameLabelClassifier(_count_pipeline()).fit(NAMES[:20], LABELS[:20])
    before = dict(vars(clf))
    with pytest.raises(ValueError, match="0 for every name of the label 'f', so"):
        clf.fit(NAMES[:20], LABELS[:20], sample_weight=counts)
    assert all(vars(clf)[key] is value for key, value in before.items())


def test_name_label_classifier_of_mlps_with_counts():
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
    clf = NameLabelClassifier(pipe, priors=None).fit(
        NAMES[:40], LABELS[:40], sample_weight=COUNTS[:40]
    )
    expected = np.bincount(LABELS[:40] == "m", weights=COUNTS[:40])
    np.testing.assert_allclose(clf.class_prior_, expected / expected.sum())
    assert clf.predict_proba(NAMES[:5]).shape == (5, 2)
