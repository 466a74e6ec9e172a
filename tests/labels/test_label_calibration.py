"""The calibration of NameLabelClassifier: a temperature and priors by log-loss."""

import copy
import pickle

import joblib
import numpy as np
import pytest
from scipy.optimize import minimize, minimize_scalar
from scipy.special import log_softmax
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import (
    GridSearchCV,
    KFold,
    StratifiedGroupKFold,
    cross_val_score,
)
from sklearn.pipeline import make_pipeline
from sklearn.utils import estimator_checks as sk_checks

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameLabelClassifier,
    PerLabelClassifier,
    load_model,
    save_model,
)
from sknextchar._label_calibration import (
    PENALTY_C,
    fit_pool_weights,
    fit_temperature,
)
from sknextchar.datasets import load_indian_names
from tests.labels.test_labels import DATA_FREE_CHECKS, ending_corpus, small_pipe


def scores(n=3000, n_classes=2, seed=0):
    """Over-confident log-likelihoods: twice the evidence, unbalanced labels."""
    rng = np.random.default_rng(seed)
    y = rng.choice(
        n_classes,
        n,
        p=np.linspace(1, 2, n_classes) / np.linspace(1, 2, n_classes).sum(),
    )
    ll = 2.0 * (1.5 * np.eye(n_classes)[y] + rng.normal(0, 1, (n, n_classes)))
    return ll - 20.0, y


def penalised_loss(theta, ll, y, log_prior=None):
    """The objective written out: summed log-loss plus T**2 / (2 C)."""
    offsets = np.r_[0.0, theta[1:]] if log_prior is None else log_prior
    log_p = log_softmax(theta[0] * ll + offsets, axis=1)
    return -log_p[np.arange(len(y)), y].sum() + theta[0] ** 2 / (2 * PENALTY_C)


# ---------------------------------------------------------------- the math


def test_binary_fit_equals_logistic_regression_on_the_same_scores():
    ll, y = scores()
    temperature, log_prior = fit_temperature(ll, y)
    oracle = LogisticRegression(C=PENALTY_C, tol=1e-10, max_iter=10_000)
    oracle.fit((ll[:, 1] - ll[:, 0])[:, None], y)
    np.testing.assert_allclose(temperature, oracle.coef_[0, 0], rtol=1e-4)
    np.testing.assert_allclose(
        log_prior[1] - log_prior[0], oracle.intercept_[0], rtol=1e-4
    )
    assert 0.3 < temperature < 0.8  # the evidence was doubled
    np.testing.assert_allclose(np.exp(log_prior).sum(), 1.0)


def test_multiclass_fit_is_the_minimum_of_the_objective():
    ll, y = scores(n=1500, n_classes=3, seed=1)
    temperature, log_prior = fit_temperature(ll, y)
    oracle = minimize(
        penalised_loss, [1.0, 0.0, 0.0], args=(ll, y), method="Nelder-Mead",
        options=dict(xatol=1e-8, fatol=1e-10, maxiter=20_000),
    )  # fmt: skip
    offsets = np.r_[0.0, oracle.x[1:]]
    np.testing.assert_allclose(temperature, oracle.x[0], rtol=1e-4)
    np.testing.assert_allclose(log_prior - log_prior[0], offsets, atol=1e-4)


def test_fixed_priors_fit_the_temperature_only():
    ll, y = scores(seed=2)
    fixed = np.log([0.5, 0.5])
    temperature, log_prior = fit_temperature(ll, y, log_prior=fixed)
    np.testing.assert_array_equal(log_prior, fixed)
    oracle = minimize_scalar(
        lambda t: penalised_loss([t], ll, y, fixed), bounds=(0, 5), method="bounded",
        options=dict(xatol=1e-10),
    )  # fmt: skip
    np.testing.assert_allclose(temperature, oracle.x, rtol=1e-5)


def test_separable_scores_give_a_finite_temperature():
    y = np.array([0, 1] * 20)
    ll = np.c_[-5.0 * y, -5.0 * (1 - y)]
    temperature, _ = fit_temperature(ll, y)
    assert np.isfinite(temperature) and temperature > 1


def test_pool_weights_of_two_models_equal_logistic_regression_on_both_scores():
    ll, y = scores(seed=3)
    rng = np.random.default_rng(4)
    # A weaker model whose errors are its own: independent evidence.
    other = 2.0 * (np.eye(2)[y] + rng.normal(0, 1, ll.shape)) - 20.0
    weights, log_prior = fit_pool_weights(np.stack([ll, other], axis=1), y)
    features = np.c_[ll[:, 1] - ll[:, 0], other[:, 1] - other[:, 0]]
    oracle = LogisticRegression(C=PENALTY_C, tol=1e-10, max_iter=10_000)
    oracle.fit(features, y)
    assert (oracle.coef_ > 0).all()  # inside the bounds: the same optimum
    np.testing.assert_allclose(weights, oracle.coef_[0], rtol=1e-3)
    np.testing.assert_allclose(
        log_prior[1] - log_prior[0], oracle.intercept_[0], rtol=1e-3
    )


def test_one_model_pool_weight_is_the_temperature():
    ll, y = scores(n=1500, n_classes=3, seed=5)
    (weight,), log_prior = fit_pool_weights(ll[:, None, :], y)
    temperature, expected = fit_temperature(ll, y)
    np.testing.assert_allclose(weight, temperature, rtol=1e-4)
    np.testing.assert_allclose(log_prior, expected, atol=1e-4)
    fixed = np.log([0.2, 0.3, 0.5])
    (weight,), kept = fit_pool_weights(ll[:, None, :], y, log_prior=fixed)
    np.testing.assert_array_equal(kept, fixed)
    np.testing.assert_allclose(
        weight, fit_temperature(ll, y, log_prior=fixed)[0], rtol=1e-4
    )


def test_a_model_that_misleads_gets_weight_zero_not_a_negative_one():
    ll, y = scores(seed=6)
    rng = np.random.default_rng(7)
    misleading = -ll + rng.normal(0, 3.0, ll.shape)  # the wrong label, noisily
    weights, _ = fit_pool_weights(np.stack([ll, misleading], axis=1), y)
    features = np.c_[ll[:, 1] - ll[:, 0], misleading[:, 1] - misleading[:, 0]]
    unbounded = LogisticRegression(C=PENALTY_C, max_iter=10_000).fit(features, y)
    assert unbounded.coef_[0, 1] < 0  # what an unbounded fit would give it
    assert weights[1] == 0.0 and weights[0] > 0.3


def test_misleading_likelihoods_get_temperature_zero_not_a_negative_one():
    ll, y = scores(seed=8)
    misleading = -ll  # the wrong label: a negative power would invert it
    unbounded = LogisticRegression(C=PENALTY_C, max_iter=10_000)
    assert unbounded.fit((misleading[:, 1] - misleading[:, 0])[:, None], y).coef_ < 0
    for fixed in (None, np.log([0.5, 0.5])):
        temperature, log_prior = fit_temperature(misleading, y, log_prior=fixed)
        assert temperature == 0.0
    # The priors alone are then fitted as the label frequencies.
    np.testing.assert_allclose(
        np.exp(fit_temperature(misleading, y)[1]), np.bincount(y) / len(y), atol=1e-4
    )


def test_a_classifier_whose_held_out_likelihoods_mislead_predicts_the_priors():
    # 20 names with labels drawn at random: the fold models' likelihoods of
    # the held-out names favour wrong labels; the fit once gave temperature_ < 0.
    names = load_indian_names()
    rng = np.random.default_rng(1)
    some = [names[i] for i in rng.choice(len(names), 20, replace=False)]
    labels = rng.choice(["a", "b"], 20)
    counts = make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier(order=3)),
    )
    clf = NameLabelClassifier(counts, calibration="temperature", cv=5)
    with pytest.warns(UserWarning, match="temperature_ is 0 .* priors"):
        clf.fit(some, labels)
    assert clf.temperature_ == 0.0
    proba = clf.predict_proba(["asha", "ravi", "qqqq"])
    np.testing.assert_allclose(proba, np.tile(clf.class_prior_, (3, 1)))


def test_temperature_zero_gives_the_priors_where_a_label_is_impossible():
    names, labels = ending_corpus()  # "A" names end in "a", "B" names in "o"
    counts = make_pipeline(
        ContextWindowTransformer(context_length=1),
        PerLabelClassifier(KneserNeyClassifier(order=2, add_k=0)),
    )
    clf = NameLabelClassifier(counts, priors=[0.3, 0.7]).fit(names, labels)
    assert np.isneginf(clf.log_likelihood(names[:2])[:, 1]).all()  # no "a" end in B
    clf.temperature_ = 0.0  # as calibration fits it when the likelihoods mislead
    np.testing.assert_allclose(clf.predict_proba(names[:2]), [[0.3, 0.7]] * 2)


# ------------------------------------------------------------ the classifier


def echo_corpus(n, seed):
    """Each name is a stem written twice; the stem's last letter says the label
    three times out of four. The model reads the same evidence twice, so plain
    Bayes' rule is over-confident."""
    rng = np.random.default_rng(seed)
    names, labels = [], []
    for i in range(n):
        label = "A" if i % 3 else "B"  # two A names for each B name
        sure = rng.random() < 0.75
        last = {"A": "a", "B": "o"}[label] if sure else {"A": "o", "B": "a"}[label]
        stem = "".join(rng.choice(list("bdkm")) + rng.choice(list("ei"))
                       for _ in range(2)) + last  # fmt: skip
        names.append(stem + stem)
        labels.append(label)
    return names, np.array(labels)


def echo_pipe(**params):
    """``small_pipe`` in batches of 128: a fit on the echo corpus costs a quarter
    as much, and calibration lowers the held-out log-loss by as much."""
    return small_pipe(**{"batch_size": 128, **params})


@pytest.fixture(scope="module")
def echo():
    return echo_corpus(600, seed=0), echo_corpus(300, seed=1)


@pytest.fixture(scope="module")
def calibrated(echo):
    (names, labels), _ = echo
    clf = NameLabelClassifier(echo_pipe(max_iter=10), calibration="temperature", cv=3)
    return clf.fit(names, labels)


@pytest.fixture(scope="module")
def plain(echo):
    """The same pipeline fitted without calibration (read only: copy to change)."""
    (names, labels), _ = echo
    return NameLabelClassifier(echo_pipe(max_iter=10)).fit(names, labels)


@pytest.mark.slow
def test_calibration_lowers_held_out_log_loss(echo, calibrated, plain):
    (names, labels), (held, held_labels) = echo
    plain_loss = log_loss(held_labels, plain.predict_proba(held))
    calibrated_loss = log_loss(held_labels, calibrated.predict_proba(held))
    assert calibrated.temperature_ < 1.0
    assert calibrated_loss < plain_loss - 0.02, (calibrated_loss, plain_loss)
    refit = clone(calibrated).set_params(ensemble=False).fit(names, labels)
    assert log_loss(held_labels, refit.predict_proba(held)) < plain_loss


@pytest.mark.slow
def test_fitted_temperature_and_priors_equal_a_direct_fit_on_the_held_out_scores(
    echo, calibrated
):
    (names, labels), _ = echo
    names_array = np.array(names)
    held_out = np.empty((len(names), 2))
    folds = StratifiedGroupKFold(3).split(names, labels, groups=names)
    for train, test in folds:
        fold = NameLabelClassifier(echo_pipe(max_iter=10))
        fold.fit(names_array[train].tolist(), labels[train])
        held_out[test] = fold.log_likelihood(names_array[test].tolist())
    oracle = LogisticRegression(C=PENALTY_C, tol=1e-10, max_iter=10_000)
    oracle.fit((held_out[:, 1] - held_out[:, 0])[:, None], labels)
    np.testing.assert_allclose(calibrated.temperature_, oracle.coef_[0, 0], rtol=1e-3)
    prior = calibrated.class_prior_
    np.testing.assert_allclose(
        np.log(prior[1] / prior[0]), oracle.intercept_[0], rtol=1e-3
    )
    assert len(calibrated.pipelines_) == 3
    assert calibrated.pipeline_ is calibrated.pipelines_[0]
    joint = calibrated.predict_joint_log_proba(names[:4])
    np.testing.assert_allclose(
        joint,
        calibrated.temperature_ * calibrated.log_likelihood(names[:4]) + np.log(prior),
    )


def test_fixed_priors_with_calibration_and_one_pipeline_without_ensemble(echo, plain):
    (names, labels), _ = echo
    clf = NameLabelClassifier(
        echo_pipe(max_iter=10), priors="uniform", calibration="temperature", cv=2,
        ensemble=False,
    ).fit(names, labels)  # fmt: skip
    assert clf.class_prior_.tolist() == [0.5, 0.5]
    assert len(clf.pipelines_) == 1 and clf.temperature_ != 1.0
    np.testing.assert_array_equal(
        clf.log_likelihood(names), plain.log_likelihood(names)
    )


def test_one_label_is_refused_before_calibration(echo):
    (names, _), _ = echo
    clf = NameLabelClassifier(echo_pipe(max_iter=5), calibration="temperature")
    with pytest.raises(ValueError, match="at least 2 classes.* only one class: 'A'"):
        clf.fit(names[:10], ["A"] * 10)
    assert not [k for k in vars(clf) if k.endswith("_")]


@pytest.mark.filterwarnings("ignore:The least populated class")
def test_a_failed_calibration_leaves_no_state(echo, calibrated):
    (names, labels), _ = echo
    labels = np.array(["A"] * len(names))
    labels[0] = "B"  # the fold that holds it out has no B to train on
    fresh = NameLabelClassifier(echo_pipe(max_iter=5), calibration="temperature", cv=3)
    with pytest.raises(ValueError, match="every label .* fold"):
        fresh.fit(names, labels)
    assert not [k for k in vars(fresh) if k.endswith("_")]
    fitted = copy.deepcopy(calibrated)  # fitted as fit leaves it, without a refit
    before = dict(vars(fitted))
    with pytest.raises(ValueError, match="fewer folds"):
        fitted.fit(names, labels)
    assert vars(fitted).keys() == before.keys()
    assert all(vars(fitted)[k] is v for k, v in before.items())


def test_calibrated_classifier_persistence_is_bit_identical(echo, calibrated, tmp_path):
    _, (held, _) = echo
    expected = calibrated.predict_proba(held)
    np.testing.assert_array_equal(
        pickle.loads(pickle.dumps(calibrated)).predict_proba(held), expected
    )
    joblib.dump(calibrated, tmp_path / "c.joblib")
    np.testing.assert_array_equal(
        joblib.load(tmp_path / "c.joblib").predict_proba(held), expected
    )
    save_model(calibrated, tmp_path / "c.skops")
    loaded = load_model(tmp_path / "c.skops")
    np.testing.assert_array_equal(loaded.predict_proba(held), expected)
    assert loaded.temperature_ == calibrated.temperature_


@pytest.mark.slow
def test_calibration_in_grid_search_and_cross_validation(echo):
    (names, labels), _ = echo
    # small_pipe's batches of 32: an ensemble of folds left at temperature 1
    # scores below the plain fit, so the search needs the fitted temperature.
    clf = NameLabelClassifier(small_pipe(max_iter=10), calibration="temperature", cv=2)
    scores = cross_val_score(
        clf, names, labels, cv=KFold(2, shuffle=True, random_state=0),
        scoring="neg_log_loss",
    )  # fmt: skip
    assert np.isfinite(scores).all()
    search = GridSearchCV(
        clf, {"calibration": [None, "temperature"]},
        cv=KFold(2, shuffle=True, random_state=0), scoring="neg_log_loss",
    ).fit(names, labels)  # fmt: skip
    assert search.best_params_["calibration"] == "temperature"


@pytest.mark.filterwarnings("ignore:The groups parameter is ignored")
def test_a_cross_validation_splitter_as_cv(echo):
    (names, labels), _ = echo
    clf = NameLabelClassifier(
        echo_pipe(max_iter=5), calibration="temperature", cv=KFold(2)
    ).fit(names, labels)
    assert len(clf.pipelines_) == 2 and np.isfinite(clf.temperature_)


def test_bad_calibration_parameters_are_refused(echo):
    (names, labels), _ = echo
    from sklearn.utils._param_validation import InvalidParameterError

    for params in ({"calibration": "sigmoid"}, {"cv": 1}, {"ensemble": "yes"}):
        with pytest.raises(InvalidParameterError):
            NameLabelClassifier(small_pipe(), **params).fit(names, labels)


@pytest.mark.slow
def test_a_list_of_pipelines_pools_their_log_likelihoods(echo):
    (names, labels), _ = echo
    members = [echo_pipe(max_iter=5), echo_pipe(max_iter=5, embedding_dim=3)]
    pooled = NameLabelClassifier(members).fit(names, labels)
    alone = [NameLabelClassifier(m).fit(names, labels) for m in members]
    np.testing.assert_allclose(
        pooled.log_likelihood(names[:5]),
        (alone[0].log_likelihood(names[:5]) + alone[1].log_likelihood(names[:5])) / 2,
    )
    assert pooled.temperature_ == 1.0 and len(pooled.pipelines_) == 2
    calibrated = NameLabelClassifier(members, calibration="temperature", cv=2)
    assert len(calibrated.fit(names, labels).pipelines_) == 4  # 2 members x 2 folds
    with pytest.raises(ValueError, match="empty list"):
        NameLabelClassifier([]).fit(names, labels)


def counts_pipe(order=3):
    return make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier(order=order)),
    )


def test_named_pipelines_have_their_parameters_tuned_by_a_search(tmp_path):
    names, labels = ending_corpus()
    pairs = [("mlp", small_pipe(max_iter=3)), ("counts", counts_pipe())]
    clf = NameLabelClassifier(pairs)
    params = clf.get_params()
    assert params["estimator__mlp"] is pairs[0][1]
    assert params["estimator__counts__perlabelclassifier__estimator__order"] == 3
    assert params["estimator__mlp__charembeddingmlpclassifier__max_iter"] == 3
    order = "estimator__counts__perlabelclassifier__estimator__order"
    alpha = "estimator__mlp__charembeddingmlpclassifier__alpha"
    search = GridSearchCV(
        clf, {order: [2, 3], alpha: [0.0]},
        cv=KFold(2, shuffle=True, random_state=0), error_score="raise",
    ).fit(names, labels)  # fmt: skip
    assert [p[order] for p in search.cv_results_["params"]] == [2, 3]
    best = search.best_estimator_
    assert best.get_params()[order] == search.best_params_[order]
    assert best.pipelines_[1][-1].estimators_[0].order == search.best_params_[order]
    assert best.pipelines_[0][-1].alpha == 0.0 != small_pipe()[-1].alpha
    assert pairs[1][1][-1].estimator.order == 3  # the search set clones only
    # The names change nothing else: the same fit as the list of pipelines.
    fitted = clone(clf).fit(names, labels)
    unnamed = NameLabelClassifier([p for _, p in pairs]).fit(names, labels)
    np.testing.assert_array_equal(
        fitted.predict_proba(names), unnamed.predict_proba(names)
    )
    save_model(fitted, tmp_path / "named.skops")
    loaded = load_model(tmp_path / "named.skops")
    assert [name for name, _ in loaded.estimator] == ["mlp", "counts"]
    np.testing.assert_array_equal(
        loaded.predict_proba(names), fitted.predict_proba(names)
    )
    # estimator__NAME replaces a pipeline, in a new list.
    replaced = clone(clf).set_params(estimator__counts=counts_pipe(2))
    assert replaced.get_params()[order] == 2 and clf.get_params()[order] == 3


def test_named_pipelines_refuse_unknown_mixed_or_repeated_names():
    names, labels = ending_corpus()
    unnamed = NameLabelClassifier([counts_pipe(), counts_pipe(2)])
    with pytest.raises(ValueError, match="without names. Name them"):
        unnamed.set_params(estimator__0__perlabelclassifier__estimator__order=2)
    named = NameLabelClassifier([("a", counts_pipe()), ("b", counts_pipe(2))])
    before = named.estimator
    with pytest.raises(ValueError, match=r"no pipeline named 'c'.*\['a', 'b'\]"):
        named.set_params(estimator__c__perlabelclassifier__estimator__order=2)
    assert named.estimator is before
    # An unknown key fails before any pipeline changes, as in BaseEstimator.
    with pytest.raises(ValueError, match="Invalid parameter 'bogus'"):
        named.set_params(estimator__a__perlabelclassifier__estimator__order=2, bogus=1)
    assert before[0][1].get_params()["perlabelclassifier__estimator__order"] != 2
    for estimator, message in (
        ([("a", counts_pipe()), counts_pipe()], "mixes"),
        ([("a", counts_pipe()), ("a", counts_pipe())], r"\['a'\] names more"),
        ([("a__b", counts_pipe())], "strings without '__'"),
        ([(0, counts_pipe())], r"got \[0\]"),
    ):
        with pytest.raises(ValueError, match=message):
            NameLabelClassifier(estimator).fit(names, labels)


@pytest.mark.parametrize("check", DATA_FREE_CHECKS)
def test_sklearn_data_free_checks_with_named_pipelines(check):
    named = NameLabelClassifier([("mlp", small_pipe()), ("counts", counts_pipe())])
    getattr(sk_checks, check)("NameLabelClassifier", named)


def test_a_splitter_that_holds_nothing_out_is_refused(echo):
    (names, labels), _ = echo
    everything = [(np.arange(len(names)), np.array([], dtype=int))]
    clf = NameLabelClassifier(echo_pipe(max_iter=2), calibration="temperature")
    with pytest.raises(ValueError, match="held-out names"):
        clf.set_params(cv=_Splits(everything)).fit(names, labels)
    assert not hasattr(clf, "pipelines_")


class _Splits:
    """A splitter that gives fixed (train, test) pairs."""

    def __init__(self, splits):
        self.splits = splits

    def split(self, X, y=None, groups=None):
        yield from self.splits

    def get_n_splits(self, X=None, y=None, groups=None):
        return len(self.splits)


@pytest.mark.slow
def test_weights_calibration_pools_each_pipeline_with_its_fitted_weight(echo):
    (names, labels), (held, held_labels) = echo
    # small_pipe's batches of 32: fitted weights far from equal (0.12 and 0.88),
    # so weights given to the wrong pipelines raise the log-loss above the bound.
    members = [small_pipe(max_iter=10), small_pipe(max_iter=3, embedding_dim=2)]
    clf = NameLabelClassifier(members, calibration="weights", cv=2)
    clf.fit(names, labels)
    assert clf.pool_weights_.shape == (2,) and clf.temperature_ > 0
    np.testing.assert_allclose(clf.pool_weights_.sum(), 1.0)
    # log_likelihood: pipeline m of each fold has pool_weights_[m] / 2.
    per = [
        NameLabelClassifier(p).fit(["x", "y"], ["A", "B"])  # a shell for each
        for p in clf.pipelines_
    ]
    for shell, pipe in zip(per, clf.pipelines_, strict=True):
        shell.pipelines_, shell.classes_ = [pipe], clf.classes_
    ll = [shell.log_likelihood(held[:6]) for shell in per]
    w = clf.pool_weights_
    expected = (w[0] * (ll[0] + ll[2]) + w[1] * (ll[1] + ll[3])) / 2
    np.testing.assert_allclose(clf.log_likelihood(held[:6]), expected, rtol=1e-12)
    equal = NameLabelClassifier(members, calibration="temperature", cv=2)
    equal.fit(names, labels)
    np.testing.assert_array_equal(equal.pool_weights_, [0.5, 0.5])
    weighted_loss = log_loss(held_labels, clf.predict_proba(held))
    assert weighted_loss <= log_loss(held_labels, equal.predict_proba(held)) + 0.01


def test_pool_weights_persist_and_a_damaged_copy_fails_at_load(echo, tmp_path):
    from sknextchar import DamagedModelError

    (names, labels), (held, _) = echo
    members = [echo_pipe(max_iter=5), echo_pipe(max_iter=5, embedding_dim=3)]
    clf = NameLabelClassifier(members, calibration="weights", cv=2)
    clf.fit(names, labels)
    save_model(clf, tmp_path / "w.skops")
    loaded = load_model(tmp_path / "w.skops")
    np.testing.assert_array_equal(loaded.pool_weights_, clf.pool_weights_)
    np.testing.assert_array_equal(loaded.predict_proba(held), clf.predict_proba(held))
    clf.pool_weights_ = np.array([0.2, 0.3, 0.5])  # 4 pipelines, 3 weights
    joblib.dump(clf, tmp_path / "bad.joblib")
    with pytest.raises(DamagedModelError, match="rounds of 3"):
        joblib.load(tmp_path / "bad.joblib")
    clf.pool_weights_ = np.array([np.nan, 1.0])
    joblib.dump(clf, tmp_path / "nan.joblib")
    with pytest.raises(DamagedModelError, match="finite non-negative"):
        joblib.load(tmp_path / "nan.joblib")
    clf.pool_weights_ = "heavy"
    joblib.dump(clf, tmp_path / "text.joblib")
    with pytest.raises(DamagedModelError, match="one weight per pipeline"):
        joblib.load(tmp_path / "text.joblib")


def test_a_copy_saved_before_pool_weights_pools_equally(echo, calibrated):
    _, (held, _) = echo
    state = calibrated.__getstate__()
    del state["pool_weights_"]
    old = NameLabelClassifier.__new__(NameLabelClassifier)
    old.__setstate__(state)
    np.testing.assert_array_equal(old.pool_weights_, [1.0])
    np.testing.assert_array_equal(
        old.predict_proba(held), calibrated.predict_proba(held)
    )


def test_folds_share_the_alphabet_auto_learns_from_all_the_names(echo):
    # "ë" in one name only: its fold's pipelines would not know it otherwise.
    (names, labels), _ = echo
    names = [*names[:-1], "zoë"]
    pipe = echo_pipe(max_iter=3)
    pipe.steps[0][1].set_params(alphabet="auto")
    clf = NameLabelClassifier(pipe, calibration="temperature", cv=3).fit(names, labels)
    proba = clf.predict_proba(["zoë", "bekebeke"])
    assert np.isfinite(proba).all() and np.allclose(proba.sum(axis=1), 1)
    for fold in clf.pipelines_:
        assert "ë" in fold[0].vocabulary_
    assert pipe.steps[0][1].alphabet == "auto"  # the estimator is not changed


def test_a_name_impossible_under_every_label_is_an_error_not_nan():
    counts = make_pipeline(
        ContextWindowTransformer(context_length=2),
        PerLabelClassifier(KneserNeyClassifier(order=3, add_k=0)),
    )
    names, labels = ["anna", "bella", "bruno", "carlo"], ["f", "f", "m", "m"]
    clf = NameLabelClassifier(counts).fit(names, labels)
    np.testing.assert_array_equal(clf.predict_proba(["anna", "bruno"]), np.eye(2))
    with pytest.raises(ValueError, match=r"names 'zzz' probability 0 under every"):
        clf.predict_proba(["anna", "zzz"])
    with pytest.raises(ValueError, match=r"names 'zzz', 'qqz' probability 0 under"):
        clf.predict_proba(["zzz", "zzz", "qqz", "zzz"])  # each name once
    with pytest.raises(ValueError, match="add_k above 0, or add_k=None for Kneser-Ney"):
        NameLabelClassifier(counts, calibration="temperature", cv=2).fit(
            names * 3 + ["zzzz", "qqqq"], labels * 3 + ["f", "m"]
        )


def test_a_zero_prior_cannot_be_calibrated(echo):
    (names, labels), _ = echo
    clf = NameLabelClassifier(echo_pipe(max_iter=1), priors=[0.0, 1.0], cv=2)
    for calibration in ("temperature", "weights"):
        with pytest.raises(ValueError, match=r"labels \['A'\] probability 0"):
            clf.set_params(calibration=calibration).fit(names, labels)
    ruled_out = clf.set_params(calibration=None).fit(names, labels)
    assert set(ruled_out.predict(names[:20])) == {"B"}
