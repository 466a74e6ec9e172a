"""MixtureClassifier and its EM weights: exact special cases, a corpus built for
mixing, the fit/refit protocol, array input, and the pipeline tools around it."""

import numpy as np
import pytest
from joblib import parallel_config
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.utils import estimator_checks
from sklearn.utils.estimator_checks import parametrize_with_checks
from sklearn.utils.parallel import Parallel

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameSampler,
    _mixture,
    load_model,
    save_model,
)
from sknextchar._mixture_weights import em_mixture_weights
from sknextchar.datasets import load_indian_names
from tests._sklearn_checks import EXTRA_CHECKS, FLOAT_X_WEIGHT_CHECKS

pytestmark = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")

NAMES = load_indian_names()[::10]
TRAIN, HELD_OUT = NAMES[::2], NAMES[1::2]


def tiny_mlp(seed=0):
    return CharEmbeddingMLPClassifier(
        embedding_dim=4, hidden_layer_sizes=(16,), max_iter=2, random_state=seed
    )


def mixture_pipeline(members, context_length=3, **params):
    return Pipeline(
        [
            ("windows", ContextWindowTransformer(context_length=context_length)),
            ("clf", MixtureClassifier(members, **params)),
        ]
    )


# ------------------------------------------------------------------ EM


def test_em_finds_the_optimum_of_two_members():
    # mean log(w a + (1 - w) b) over the windows, with a, b the members'
    # probabilities: the optimum is where its derivative mean((a - b) / mix) is 0.
    rng = np.random.default_rng(0)
    p = rng.uniform(0.01, 1, size=(500, 2))
    p[:250, 0] *= 0.2  # member 1 is better on the first half
    weights, score, n_iter = em_mixture_weights(p, max_iter=5000, tol=1e-14)
    mix = p @ weights
    assert abs(np.mean((p[:, 0] - p[:, 1]) / mix)) < 1e-5
    assert score == pytest.approx(np.mean(np.log(mix))) and n_iter > 1
    grid = np.linspace(0, 1, 201)
    best = max(np.mean(np.log(w * p[:, 0] + (1 - w) * p[:, 1])) for w in grid)
    assert score >= best - 1e-12


def test_em_gives_no_weight_to_a_dominated_member():
    p = np.column_stack([np.full(100, 0.5), np.full(100, 0.1)])
    weights, _, _ = em_mixture_weights(p, max_iter=2000)
    assert weights[0] > 0.99 and weights.sum() == pytest.approx(1.0)


# ------------------------------------------------------------------ exact cases


def test_weights_one_zero_equal_the_first_member():
    members = [("kn", KneserNeyClassifier(order=3)), ("mlp", tiny_mlp())]
    pipe = mixture_pipeline(members, weights=[1, 0]).fit(TRAIN)
    alone = Pipeline(
        [("windows", ContextWindowTransformer(3)), ("kn", KneserNeyClassifier(order=3))]
    ).fit(TRAIN)
    np.testing.assert_array_equal(
        pipe.predict_log_proba(HELD_OUT), alone.predict_log_proba(HELD_OUT)
    )
    assert pipe.score(HELD_OUT) == pytest.approx(alone.score(HELD_OUT), abs=1e-12)
    mixture = pipe["clf"]
    assert mixture.weights_.tolist() == [1.0, 0.0] and mixture.n_iter_ == 0
    assert (
        mixture.validation_score_ is None and mixture.member_validation_scores_ is None
    )


def test_given_weights_are_a_linear_interpolation():
    members = [("kn3", KneserNeyClassifier(order=3)), ("kn5", KneserNeyClassifier())]
    pipe = mixture_pipeline(members, context_length=4, weights=[2, 6]).fit(TRAIN)
    kn3, kn5 = pipe["clf"].estimators_
    windows = pipe["windows"].transform(HELD_OUT)
    expected = 0.25 * kn3.predict_proba(windows) + 0.75 * kn5.predict_proba(windows)
    np.testing.assert_allclose(pipe.predict_proba(HELD_OUT), expected, rtol=1e-12)
    np.testing.assert_allclose(pipe.predict_proba(HELD_OUT).sum(axis=1), 1.0)


# ------------------------------------------------------------------ fitted weights


def two_kinds_of_names(n, seed):
    """Half random strings of letters (a unigram is right about them; a trigram
    with almost no smoothing, which has seen each of their contexts a few times,
    is badly wrong), half the names of a deterministic family (runs of the cycle
    x, y, z of random start and length: the trigram is right about them, the
    unigram wrong). The family has 36 distinct names, so the mixture's held-out
    part, which holds out every copy of a name it draws, has some of them."""
    rng = np.random.default_rng(seed)
    letters = list("abcdefghijklmnopqrstuvwxyz")
    random_names = ["".join(rng.choice(letters, size=6)) for _ in range(n // 2)]
    starts, lengths = rng.integers(0, 3, n // 2), rng.integers(4, 16, n // 2)
    cycle = "xyz" * 6
    return random_names + [cycle[s : s + k] for s, k in zip(starts, lengths)]


def test_fitted_weights_beat_each_member_where_each_is_right_on_half():
    train, held_out = two_kinds_of_names(600, seed=0), two_kinds_of_names(600, seed=1)
    members = [
        ("unigram", KneserNeyClassifier(order=1, add_k=1)),
        ("trigram", KneserNeyClassifier(order=3, add_k=0.01)),
    ]
    pipe = mixture_pipeline(members, context_length=2, random_state=0).fit(train)
    mixture = pipe["clf"]
    windows = pipe["windows"].transform(held_out)
    member_scores = [member.score(windows) for member in mixture.estimators_]
    assert pipe.score(held_out) > max(member_scores) + 0.1
    assert 0.1 < mixture.weights_[0] < 0.9
    assert mixture.validation_score_ > max(mixture.member_validation_scores_)
    # Fixed weights at either end are the members, and do worse.
    for w in ([1, 0], [0, 1]):
        fixed = mixture_pipeline(members, context_length=2, weights=w).fit(train)
        assert fixed.score(held_out) < pipe.score(held_out)


def test_refit_trains_members_on_all_names_and_keeps_weights():
    members = [("kn3", KneserNeyClassifier(order=3)), ("kn5", KneserNeyClassifier())]
    refit = mixture_pipeline(members, context_length=4, random_state=0).fit(TRAIN)
    kept = mixture_pipeline(members, context_length=4, random_state=0, refit=False).fit(
        TRAIN
    )
    n_windows = len(refit["windows"].transform(TRAIN))
    assert refit["clf"].estimators_[1].n_windows_ == n_windows
    assert kept["clf"].estimators_[1].n_windows_ < 0.95 * n_windows
    np.testing.assert_array_equal(refit["clf"].weights_, kept["clf"].weights_)
    # The held-out part is a tenth of the names, whole names only.
    assert kept["clf"].estimators_[1].n_windows_ == pytest.approx(
        0.9 * n_windows, rel=0.05
    )


def test_array_input_and_members_missing_a_class():
    rng = np.random.default_rng(0)
    X = rng.integers(0, 3, size=(200, 2))
    y = np.where(X[:, 1] == 2, "two", "other")
    y[0] = "rare"  # may fall in the held-out part: a member never sees it
    mixture = MixtureClassifier(
        [("kn", KneserNeyClassifier()), ("uni", KneserNeyClassifier(order=1))],
        random_state=0,
    ).fit(X, y)
    assert mixture.classes_.tolist() == ["other", "rare", "two"]
    proba = mixture.predict_proba(X)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert mixture.score(X, y) > np.log(1 / 3)
    assert (mixture.predict(X[y != "rare"]) == y[y != "rare"]).mean() > 0.9


@pytest.mark.parametrize(
    "params, match",
    [
        ({"estimators": []}, "non-empty list of \\(name, estimator\\) pairs"),
        ({"estimators": [KneserNeyClassifier()]}, "non-empty list of"),
        ({"weights": [1, 2, 3]}, "weights must be 'fit' or 2 non-negative numbers"),
        ({"weights": [0, 0]}, "not all zero"),
        ({"validation_fraction": 0.9999}, "held-out part is too small"),
    ],
)
def test_bad_settings_say_what_to_do(params, match):
    members = [("a", KneserNeyClassifier()), ("b", KneserNeyClassifier(order=2))]
    mixture = MixtureClassifier(members).set_params(**params)
    windows = ContextWindowTransformer().fit_transform(TRAIN[:50])
    with pytest.raises(ValueError, match=match):
        mixture.fit(windows)


def test_member_without_predict_log_proba_is_refused():
    from sklearn.linear_model import LinearRegression

    mixture = MixtureClassifier([("lr", LinearRegression())])
    with pytest.raises(TypeError, match="must have fit and predict_log_proba"):
        mixture.fit(ContextWindowTransformer().fit_transform(TRAIN[:50]))


def test_member_that_is_no_next_character_model_is_named():
    from sklearn.linear_model import LogisticRegression

    mixture = MixtureClassifier(
        [("kn", KneserNeyClassifier()), ("lr", LogisticRegression())]
    )
    pipe = Pipeline([("windows", ContextWindowTransformer()), ("clf", mixture)])
    with pytest.raises(
        TypeError,
        match=r"The member 'lr' of estimators \(LogisticRegression\) is not a "
        r"next-character model: its fit needs y.*set_params\(lr='drop'\); in a "
        r"Pipeline, prefix the mixture's step name \(e\.g\. clf__lr\)\.$",
    ):
        pipe.fit(TRAIN[:50])
    assert not hasattr(mixture, "estimators_")
    pipe.set_params(clf__lr="drop").fit(TRAIN[:50])  # the advice works


def test_a_frozen_member_is_named_as_frozen_with_what_to_give():
    from sklearn.frozen import FrozenEstimator

    fitted = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    fitted.fit(TRAIN[:50])
    frozen = FrozenEstimator(fitted[-1])
    mixture = MixtureClassifier([("kn", frozen), ("add1", KneserNeyClassifier(1))])
    pipe = Pipeline([("windows", ContextWindowTransformer()), ("clf", mixture)])
    with pytest.raises(
        TypeError,
        match=r"The member 'kn' of estimators is a "
        r"FrozenEstimator\(KneserNeyClassifier\).*never fitted\. Give the "
        r"KneserNeyClassifier itself.* To keep a fitted model as it is, use it on "
        r"its own: NameSampler\(FrozenEstimator\(its pipeline\)\)\.fit\(\[\]\) "
        r"samples and scores names with it",
    ):
        pipe.fit(TRAIN[:50])
    pipe.set_params(clf__kn=KneserNeyClassifier()).fit(TRAIN[:50])  # the advice
    # The other advice: the fitted model, kept as it is, samples and scores.
    kept = NameSampler(FrozenEstimator(fitted)).fit([])
    assert kept.score_samples(TRAIN[:3]).shape == (3,)
    assert len(kept.sample(2, random_state=0)) == 2


@parametrize_with_checks(
    [
        MixtureClassifier(
            [("kn", KneserNeyClassifier()), ("add1", KneserNeyClassifier(add_k=1))],
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
        "MixtureClassifier",
        MixtureClassifier(
            [("kn", KneserNeyClassifier()), ("add1", KneserNeyClassifier(add_k=1))],
            random_state=0,
        ),
    )


# ------------------------------------------------------------------ composition


@pytest.fixture(scope="module")
def mixed_pipe():
    members = [("kn", KneserNeyClassifier(order=4)), ("mlp", tiny_mlp())]
    return mixture_pipeline(members, random_state=0).fit(TRAIN)


def test_grid_search_reaches_members_parameters():
    members = [("kn", KneserNeyClassifier(order=2)), ("add", KneserNeyClassifier())]
    search = GridSearchCV(
        mixture_pipeline(members, context_length=4, random_state=0),
        {"clf__kn__order": [2, 5]},
        cv=2,
    ).fit(TRAIN)
    best = search.best_params_["clf__kn__order"]
    assert search.best_estimator_["clf"].estimators_[0].order_ == best
    scores = search.cv_results_["mean_test_score"]
    assert scores[0] != scores[1] and np.all(scores < 0)


def test_sampler_uses_the_mixture(mixed_pipe):
    sampler = NameSampler(mixed_pipe).fit(TRAIN)
    names = sampler.sample(50, random_state=0)
    assert len(names) == 50 and all(names)
    # A name has at least one letter: the sampler conditions the first symbol on
    # not being the end marker.
    first = sampler.next_char_proba([""])[0]
    windows = mixed_pipe["windows"]
    model = mixed_pipe["clf"].predict_proba(windows.encode_prefixes([""]))[0]
    np.testing.assert_allclose(first[1:], model[1:] / model[1:].sum())
    assert len(sampler.most_likely(3, beam_width=5)) == 3
    assert sampler.score(HELD_OUT) == pytest.approx(mixed_pipe.score(HELD_OUT))


def test_persistence_round_trip(tmp_path, mixed_pipe):
    path = save_model(mixed_pipe, tmp_path / "mixture.skops")
    loaded = load_model(path)
    np.testing.assert_array_equal(
        loaded.predict_log_proba(HELD_OUT), mixed_pipe.predict_log_proba(HELD_OUT)
    )
    assert [type(m).__name__ for m in loaded["clf"].estimators_] == [
        "KneserNeyClassifier",
        "CharEmbeddingMLPClassifier",
    ]


def test_parallel_members_give_the_same_model():
    members = [("mlp0", tiny_mlp(0)), ("mlp1", tiny_mlp(1))]
    serial = mixture_pipeline(members, random_state=0).fit(TRAIN[:200])
    with parallel_config(backend="threading"):
        parallel = mixture_pipeline(members, random_state=0, n_jobs=2).fit(TRAIN[:200])
    np.testing.assert_array_equal(serial["clf"].weights_, parallel["clf"].weights_)
    np.testing.assert_array_equal(
        serial.predict_proba(HELD_OUT[:20]), parallel.predict_proba(HELD_OUT[:20])
    )


@pytest.mark.parametrize("n_jobs", [10**18, 64])
def test_no_more_workers_than_members(monkeypatch, n_jobs):
    # Each worker is a process started at once; n_jobs=10**18 ended in an
    # OverflowError from joblib.
    asked = []

    def serial(n_jobs):
        asked.append(n_jobs)
        return Parallel(n_jobs=1)

    monkeypatch.setattr(_mixture, "Parallel", serial)
    members = [("kn2", KneserNeyClassifier(order=2)), ("kn3", KneserNeyClassifier())]
    mixture_pipeline(members, n_jobs=n_jobs).fit(TRAIN[:200])
    assert asked == [2, 2]  # the weights, then the refit on every name


# ------------------------------------------------------------------ log-linear


def test_log_linear_weights_reach_the_optimum(rng):
    # The held-out NLL is convex in the weights: at the optimum found, no small
    # step along any feasible direction lowers it.
    from sknextchar._mixture_weights import log_linear_log_proba, log_linear_weights

    logits = rng.normal(size=(3, 400, 5))
    members = [
        logits[m] - np.log(np.exp(logits[m]).sum(1, keepdims=True)) for m in range(3)
    ]
    targets = rng.integers(0, 5, size=400)
    weights, score, _ = log_linear_weights(members, targets, tol=1e-12)

    def mean_ll(w):
        return log_linear_log_proba(members, w)[np.arange(400), targets].mean()

    assert score == pytest.approx(mean_ll(weights))
    for direction in np.eye(3):
        for step in (1e-3, -1e-3):
            candidate = np.maximum(weights + step * direction, 0)
            assert mean_ll(candidate) <= score + 1e-9


def test_log_linear_mixture():
    train, held_out = two_kinds_of_names(600, seed=0), two_kinds_of_names(600, seed=1)
    members = [
        ("unigram", KneserNeyClassifier(order=1, add_k=1)),
        ("trigram", KneserNeyClassifier(order=3, add_k=0.01)),
    ]
    pipe = mixture_pipeline(
        members, context_length=2, combine="log-linear", random_state=0
    ).fit(train)
    windows = pipe["windows"].transform(held_out)
    member_scores = [m.score(windows) for m in pipe["clf"].estimators_]
    assert pipe.score(held_out) > max(member_scores) + 0.1
    np.testing.assert_allclose(pipe.predict_proba(held_out).sum(axis=1), 1.0)
    # Weights (1, 0): the first member; given weights are not normalised.
    first = mixture_pipeline(
        members, context_length=2, combine="log-linear", weights=[1, 0]
    ).fit(train)
    np.testing.assert_allclose(
        first.predict_log_proba(held_out),
        first["clf"].estimators_[0].predict_log_proba(windows),
        atol=1e-12,
    )
    sharper = clone(first).set_params(clf__weights=[2, 0]).fit(train)
    assert sharper["clf"].weights_.tolist() == [2.0, 0.0]
    assert sharper.score(held_out) != first.score(held_out)


def test_callbacks_propagate_into_the_members():
    from sknextchar.callbacks import History

    history = History()
    members = [("kn", KneserNeyClassifier()), ("mlp", tiny_mlp())]
    pipe = mixture_pipeline(members, random_state=0).set_callbacks(history)
    pipe.fit(TRAIN[:200])
    # Two epochs of the MLP on the training part, two more when it is refitted.
    assert [record["epoch"] for record in history.records] == [1, 2, 1, 2]


# ------------------------------------------------------------ float32 members


@pytest.mark.parametrize("combine", ["linear", "log-linear"])
def test_rows_sum_to_one_in_float64_with_a_float32_member(combine):
    # The MLP computes in float32 by default: its rows sum to 1 within float32's
    # rounding (1e-7), which a float64 result must not inherit: NumPy's
    # Generator.choice refuses float64 probabilities off by more than 1.5e-8.
    members = [("kn", KneserNeyClassifier(order=3)), ("mlp", tiny_mlp())]
    pipe = mixture_pipeline(members, combine=combine, weights=[1, 1]).fit(TRAIN)
    assert (
        pipe["clf"].estimators_[1].predict_log_proba(pipe[0].transform(TRAIN)).dtype
        == np.float32
    )
    proba = pipe.predict_proba(HELD_OUT)
    assert proba.dtype == np.float64
    np.testing.assert_allclose(proba.sum(axis=1), 1, rtol=0, atol=1e-12)
    fast = np.exp(pipe["clf"].next_log_proba(pipe[0].transform(HELD_OUT).contexts))
    np.testing.assert_allclose(fast.sum(axis=1), 1, rtol=0, atol=1e-12)
    rng = np.random.default_rng(0)
    for row in proba[:50]:
        rng.choice(len(row), p=row)
