"""NameSampler: sampling controls, beam search, scores, persistence, the protocol.

Most tests run on the n-gram test doubles of ``tests/_doubles.py``, whose
probabilities are exact counts: an oracle for greedy paths, beam search and
scores. The protocol tests use a model with the unchecked ``next_log_proba``, and
one with nothing but ``fit`` and ``predict_log_proba``. The real classifier is
exercised at the end. The math and the generation loop have their own modules
(test_decoding.py, test_generation.py).
"""

import itertools
import pickle

import joblib
import numpy as np
import pytest
from scipy import stats
from sklearn.base import clone
from sklearn.frozen import FrozenEstimator
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline, make_pipeline

from sknextchar import ContextWindowTransformer, NameSampler, TemperatureTable
from sknextchar._compat import InvalidParameterError
from sknextchar._decoding import sampling_weights, tempered_log_proba
from tests._doubles import BareNGram, FastNGramCounts, NGramCounts, count_pipe

NAMES = [
    "abid", "abida", "aditi", "amit", "anita", "arun", "asha", "bina", "chetan",
    "deepa", "divya", "gita", "hari", "isha", "jaya", "kavita", "lata", "mohan",
    "neel", "ravi", "sita", "uma", "vijay", "zoya",
]  # fmt: skip


@pytest.fixture(scope="module")
def sampler():
    # Explicit bounds: the defaults would be the training names' 3 to 6 letters.
    return NameSampler(count_pipe(), min_length=1, max_length=12).fit(NAMES)


@pytest.fixture(scope="module")
def tiny():
    """Alphabet "ab", context 2, names of 1..5 letters: 62 possible names."""
    pipe = count_pipe(alpha=0.5, alphabet="ab")
    names = ["ab", "ba", "aab", "abb", "b", "bba", "abab"]
    return NameSampler(pipe, min_length=1, max_length=5).fit(names)


def variant(sampler, **params):
    """The same fitted model with other sampling parameters, without refitting."""
    params = {**sampler.get_params(deep=False), **params}
    params["estimator"] = FrozenEstimator(sampler.estimator_)
    return NameSampler(**params).fit(["unused"])


def greedy_by_hand(sampler, prefix=""):
    """The argmax path, one prefix at a time, straight from the pipeline."""
    transformer, clf = sampler.estimator_.steps[0][1], sampler.estimator_.steps[-1][1]
    name = prefix
    while len(name) < sampler.max_length:
        log_proba = clf.predict_log_proba(transformer.encode_prefixes([name]))[0]
        if len(name) < sampler.min_length:
            log_proba[0] = -np.inf
        symbol = transformer.vocabulary_[int(np.argmax(log_proba))]
        if symbol == "-":
            break
        name += symbol
    return name


# --------------------------------------------------------------------------- #
# Probabilities.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("temperature", np.logspace(-6, 6, 13).tolist() + [0, np.inf])
def test_tempered_rows_finite_and_normalised(sampler, temperature):
    s = variant(sampler, temperature=temperature)
    proba = s.predict_proba(NAMES)
    assert np.isfinite(proba).all()
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-12)
    nxt = s.next_char_proba(["", "a", "ab", "xyz", "abidabidabid"])
    assert np.isfinite(nxt).all()
    np.testing.assert_allclose(nxt.sum(axis=1), 1.0, rtol=1e-12)
    log_proba = s.estimator_[-1].predict_log_proba(s.estimator_[0].transform(NAMES))
    np.testing.assert_array_equal(
        proba, np.exp(tempered_log_proba(log_proba, temperature))
    )
    weights = sampling_weights(log_proba, temperature=temperature, top_p=0.9)
    assert np.isfinite(weights).all() and (weights.max(axis=1) == 1).all()


# --------------------------------------------------------------------------- #
# Sampling.
# --------------------------------------------------------------------------- #
def test_seeded_reproducibility(sampler):
    first = sampler.sample(200, random_state=0)
    assert first == sampler.sample(200, random_state=0)
    assert first == sampler.sample(200, random_state=np.random.default_rng(0))
    assert first != sampler.sample(200, random_state=1)
    legacy = sampler.sample(50, random_state=np.random.RandomState(3))
    assert legacy == sampler.sample(50, random_state=np.random.RandomState(3))
    assert len(sampler.sample(7)) == 7  # random_state=None


def test_copies_and_unique_rounds_are_reproducible(sampler):
    kwargs = dict(unique=True, exclude=NAMES, random_state=5)
    assert sampler.sample(60, **kwargs) == pickle.loads(pickle.dumps(sampler)).sample(
        60, **kwargs
    )


@pytest.mark.parametrize("prefix", ["", "a", "ka", "zzz"])
def test_zero_temperature_is_the_argmax_path(sampler, prefix):
    expected = greedy_by_hand(sampler, prefix)
    greedy = clone(sampler).set_params(temperature=0).fit(NAMES)
    assert greedy.sample(5, prefix=prefix, random_state=0) == [expected] * 5
    tiny_t = clone(sampler).set_params(temperature=1e-6).fit(NAMES)
    assert tiny_t.sample(5, prefix=prefix, random_state=0) == [expected] * 5
    top1 = clone(sampler).set_params(top_k=1, temperature=3.0).fit(NAMES)
    assert top1.sample(5, prefix=prefix, random_state=0) == [expected] * 5


def test_greedy_respects_min_length(sampler):
    s = clone(sampler).set_params(temperature=0, min_length=7, max_length=40)
    s.fit(NAMES)
    name = s.sample(1)[0]
    assert name == greedy_by_hand(s) and 7 <= len(name) < 40


def test_very_high_temperature_gives_uniform_first_letters(sampler):
    # One letter per name; 26 letters, 260 expected each. The statistic of a
    # uniform draw exceeds the 1e-9 quantile once in a billion seeds, and this
    # seed is fixed: the test cannot flake, and the biased model fails it.
    n = 26 * 260
    critical = stats.chi2.isf(1e-9, df=25)
    hot = clone(sampler).set_params(temperature=1e6, max_length=1).fit(NAMES)
    names = hot.sample(n, random_state=0)
    counts = np.array([names.count(c) for c in "abcdefghijklmnopqrstuvwxyz"])
    assert counts.sum() == n
    assert ((counts - n / 26) ** 2 / (n / 26)).sum() < critical
    cold = clone(hot).set_params(temperature=1.0).fit(NAMES)
    names = cold.sample(n, random_state=0)
    counts = np.array([names.count(c) for c in "abcdefghijklmnopqrstuvwxyz"])
    assert ((counts - n / 26) ** 2 / (n / 26)).sum() > critical
    first = hot.next_char_proba([""])[0]
    np.testing.assert_allclose(first[1:], 1 / 26, rtol=1e-4)


@pytest.mark.parametrize(
    "params, prefix",
    [
        ({"min_length": 4, "max_length": 10}, ""),
        ({"min_length": 3, "max_length": 3, "temperature": 2.0}, "a"),
        ({"min_length": 1, "max_length": 6, "top_p": 0.8}, "sh"),
        ({"min_length": 5, "max_length": 8, "top_k": 3}, "Ka"),
        ({"min_length": 2, "max_length": 4}, "abcd"),
    ],
)
@pytest.mark.filterwarnings("ignore:The prefix .* has capitals:UserWarning")  # "Ka"
def test_names_use_vocabulary_and_respect_lengths_and_prefix(sampler, params, prefix):
    s = clone(sampler).set_params(**params).fit(NAMES)
    names = s.sample(300, prefix=prefix, random_state=0)
    assert len(names) == 300
    letters = set("abcdefghijklmnopqrstuvwxyz")
    for name in names:
        assert set(name) <= letters
        assert params["min_length"] <= len(name) <= params["max_length"]
        assert name.startswith(prefix.lower())


def test_max_length_never_cuts_names(sampler):
    s = clone(sampler).set_params(max_length=2, temperature=5.0).fit(NAMES)
    names = s.sample(500, random_state=0)
    assert {len(n) for n in names} == {1, 2}  # hot: most names would run on
    # Each name ended: under the model its end marker had a real chance, and
    # the names of 2 letters come with the end's odds, not with all the mass of
    # their continuations (a cut would make them about 26 times as frequent).
    end = s.next_char_proba(["ab"])[0]
    assert end[0] == 1.0  # given that a name is kept, at max_length it ends


def test_min_length_renormalises_letters(sampler):
    s = clone(sampler).set_params(min_length=3).fit(NAMES)
    model = np.exp(
        sampler.estimator_[-1].predict_log_proba(
            sampler.estimator_[0].encode_prefixes(["ab"])
        )
    )[0]
    short = s.next_char_proba(["ab"])[0]
    assert short[0] == 0
    np.testing.assert_allclose(short[1:], model[1:] / model[1:].sum())
    np.testing.assert_allclose(
        s.next_char_proba(["abi"]), sampler.next_char_proba(["abi"])
    )


def test_unique_and_exclude_are_honoured(sampler):
    hot = clone(sampler).set_params(temperature=1.5).fit(NAMES)
    names = hot.sample(150, unique=True, random_state=0)
    assert len(set(names)) == 150
    novel = hot.sample(150, exclude=NAMES, random_state=0)
    assert len(novel) == 150 and not set(novel) & set(NAMES)
    both = hot.sample(150, unique=True, exclude=set(NAMES[:10]), random_state=0)
    assert len(set(both)) == 150 and not set(both) & set(NAMES[:10])
    upper = hot.sample(50, exclude=[n.upper() for n in NAMES], random_state=0)
    assert not set(upper) & set(NAMES)  # exclude is lowercased like the names


def test_unique_fills_the_whole_reachable_set(sampler):
    one_letter = clone(sampler).set_params(max_length=1, temperature=1e6).fit(NAMES)
    names = one_letter.sample(26, unique=True, random_state=0)
    assert sorted(names) == list("abcdefghijklmnopqrstuvwxyz")


def test_unreachable_unique_counts_fail_clearly(sampler):
    one_letter = clone(sampler).set_params(max_length=1).fit(NAMES)
    with pytest.raises(ValueError, match="at most 26 can be generated"):
        one_letter.sample(27, unique=True)
    greedy = clone(sampler).set_params(temperature=0).fit(NAMES)
    with pytest.raises(ValueError, match="at most 1 can be generated"):
        greedy.sample(2, unique=True)
    with pytest.raises(ValueError, match="Could only generate 0 of the 1"):
        greedy.sample(1, exclude=greedy.sample(1))
    cold = clone(sampler).set_params(top_k=2, max_length=3).fit(NAMES)
    with pytest.raises(ValueError, match="at most 14 can be generated"):  # 2+4+8
        cold.sample(500, unique=True, random_state=0, max_rounds=3)
    with pytest.raises(ValueError, match="after drawing"):  # rare, not impossible
        sampler.sample(5, pattern="q{5}", random_state=0, max_rounds=2)


def test_top_k_one_equals_greedy(sampler):
    greedy = clone(sampler).set_params(temperature=0).fit(NAMES)
    top1 = clone(sampler).set_params(top_k=1).fit(NAMES)
    for prefix in ("", "s", "vi"):
        assert top1.sample(20, prefix=prefix, random_state=1) == greedy.sample(
            20, prefix=prefix, random_state=2
        )


@pytest.mark.parametrize("top_k", [1, 2, 5, 27])
def test_top_k_keeps_k_most_probable(sampler, top_k):
    s = clone(sampler).set_params(top_k=top_k, min_length=1).fit(NAMES)
    prefixes = ["a", "bi", "ravi", "x"]
    model = sampler.next_char_proba(prefixes)
    kept = s.next_char_proba(prefixes)
    for row_model, row_kept in zip(model, kept):
        top = np.argsort(-row_model, kind="stable")[:top_k]
        assert set(np.flatnonzero(row_kept)) == set(top)
        np.testing.assert_allclose(row_kept[top], row_model[top] / row_model[top].sum())


@pytest.mark.parametrize("top_p", [0.05, 0.3, 0.5, 0.8, 0.95, 1.0])
@pytest.mark.parametrize("temperature", [0.5, 1.0, 2.0])
def test_top_p_keeps_smallest_set_reaching_p(sampler, top_p, temperature):
    s = clone(sampler).set_params(top_p=top_p, temperature=temperature).fit(NAMES)
    prefixes = ["a", "bi", "ravi", "x", "shi"]
    tempered = np.exp(
        tempered_log_proba(
            sampler.estimator_[-1].predict_log_proba(
                sampler.estimator_[0].encode_prefixes(prefixes)
            ),
            temperature,
        )
    )
    kept = s.next_char_proba(prefixes)
    for full, row in zip(tempered, kept):
        support = np.flatnonzero(row)
        mass = full[support].sum()
        assert mass >= top_p - 1e-12  # reaches p ...
        assert mass - full[support].min() < top_p  # ... and no smaller set does
        outside = np.setdiff1d(np.arange(len(full)), support)
        if outside.size:  # the kept symbols are the most probable ones
            assert full[support].min() >= full[outside].max()
        np.testing.assert_allclose(row[support], full[support] / mass)
    firsts = {(n + "-")[1] for n in s.sample(300, prefix="a", random_state=0)}
    assert firsts <= {s.vocabulary_[i] for i in np.flatnonzero(kept[0])}


def test_sampling_is_batched_one_call_per_step(sampler):
    clf = sampler.estimator_[-1]
    calls = []
    original = clf.predict_log_proba

    def spy(X):
        calls.append(np.asarray(X).shape)
        return original(X)

    clf.predict_log_proba = spy
    try:
        sampler.sample(500, random_state=0)
    finally:
        del clf.predict_log_proba
    # Each round of drawing starts from the empty context "--" (one row for all
    # names) and runs at most max_length + 1 steps, one call each.
    starts = [i for i, shape in enumerate(calls) if shape == (1, 2)]
    assert starts[0] == 0 and 1 <= len(starts) <= 3
    rounds = np.diff([*starts, len(calls)])
    assert (rounds <= sampler.max_length + 1).all()
    assert all(rows <= 500 and width == 2 for rows, width in calls)
    # Names that share a context share one row: at most 26 contexts "-a".."-z".
    assert calls[1][0] <= 26


def test_blas_threads_are_restored(sampler):
    from threadpoolctl import threadpool_info

    before = [info["num_threads"] for info in threadpool_info()]
    sampler.sample(10, random_state=0)
    sampler.most_likely(2)
    assert [info["num_threads"] for info in threadpool_info()] == before


def test_sample_frequencies_match_the_model(sampler):
    # Law of large numbers on the first two symbols: sampled frequencies against
    # P(first) * P(second | first) from the model, a chi-square at a tiny alpha
    # (fixed seed: it cannot flake). The second step draws from many contexts.
    # max_length=60: so long that no name fails to end (the count model ends a
    # name with probability above 0.1 at every step), so no conditioning.
    sampler = variant(sampler, max_length=60)
    names = sampler.sample(20000, random_state=0)
    letters = sampler.vocabulary_[1:]
    first = sampler.next_char_proba([""])[0][1:]  # (26,)
    second = sampler.next_char_proba(list(letters))  # (26, 27)
    expected = (first[:, None] * second).ravel() * len(names)
    pairs = [a + b for a in letters for b in sampler.vocabulary_]
    index = {pair: i for i, pair in enumerate(pairs)}
    counts = np.bincount([index[(n + "-")[:2]] for n in names], minlength=len(pairs))
    keep = expected > 5  # rare pairs are pooled into one cell
    counts = np.r_[counts[keep], counts[~keep].sum()]
    expected = np.r_[expected[keep], expected[~keep].sum()]
    statistic = ((counts - expected) ** 2 / expected).sum()
    assert statistic < stats.chi2.isf(1e-9, df=len(counts) - 1)


# --------------------------------------------------------------------------- #
# Scores and beam search.
# --------------------------------------------------------------------------- #
def test_score_samples_is_sum_of_window_log_probabilities(sampler):
    names = ["abid", "zoya", "qqq", "a"]
    pipe = sampler.estimator_
    windows = pipe[0].transform(names)
    per_window = np.log(pipe.predict_proba(names))[
        np.arange(len(windows)), windows.targets
    ]
    expected = [per_window[windows.name_index == i].sum() for i in range(len(names))]
    np.testing.assert_allclose(sampler.score_samples(names), expected)
    lengths = np.array([len(n) + 1 for n in names])
    np.testing.assert_allclose(
        sampler.score_samples(names, per_char=True), np.array(expected) / lengths
    )
    assert sampler.score(names) == pytest.approx(per_window.mean())
    hot = clone(sampler).set_params(temperature=3.0).fit(NAMES)
    assert hot.score(names) == pytest.approx(sampler.score(names))  # untempered


def test_score_samples_is_a_probability(tiny):
    # Over every name of 1..5 letters the model's probabilities sum to
    # P(length <= 5) < 1, and the 62 names each get a positive share.
    every = ["".join(p) for n in range(1, 6) for p in itertools.product("ab", repeat=n)]
    proba = np.exp(tiny.score_samples(every))
    assert len(every) == 62 and 0.5 < proba.sum() < 1 and (proba > 0).all()


def exhaustive_ranking(sampler, letters, prefix=""):
    lo, hi = sampler.min_length, sampler.max_length
    every = [
        prefix + "".join(p)
        for n in range(max(lo, len(prefix)) - len(prefix), hi - len(prefix) + 1)
        for p in itertools.product(letters, repeat=n)
    ]
    scores = sampler.score_samples(every)
    order = np.argsort(-scores, kind="stable")
    return [every[i] for i in order], scores[order]


@pytest.mark.parametrize("beam_width", [None, 64, 8])
@pytest.mark.parametrize("prefix", ["", "b", "aba"])
def test_beam_search_matches_exhaustive_search(tiny, beam_width, prefix):
    ranking, _ = exhaustive_ranking(tiny, "ab", prefix)
    best = tiny.most_likely(5, prefix=prefix, beam_width=beam_width)
    assert best[0] == ranking[0]
    if beam_width != 8:  # a beam as wide as the tree is exact
        assert best == ranking[:5]
    scores = tiny.score_samples(best)
    assert (np.diff(scores) <= 0).all()


def test_beam_search_respects_lengths_and_exclude(tiny):
    s = clone(tiny).set_params(min_length=3, max_length=4).fit(["ab", "ba", "aab"])
    ranking, _ = exhaustive_ranking(s, "ab")
    assert s.most_likely(24) == ranking  # all 8 + 16 names, best first
    assert s.most_likely(3, exclude=ranking[:2]) == ranking[2:5]
    with pytest.raises(ValueError, match="n_names=25 .* at most 24 names of 3 to 4"):
        s.most_likely(25)  # refused before the search: only 24 exist


def test_beam_search_on_a_real_vocabulary(sampler):
    best = sampler.most_likely(20)
    scores = sampler.score_samples(best)
    assert len(set(best)) == 20 and (np.diff(scores) <= 0).all()
    assert best[0] == sampler.most_likely(1, beam_width=500)[0]
    novel = sampler.most_likely(10, prefix="a", exclude=NAMES)
    assert all(n.startswith("a") and n not in NAMES for n in novel)


# --------------------------------------------------------------------------- #
# The lecture's table.
# --------------------------------------------------------------------------- #
def test_temperature_table(sampler):
    table = sampler.temperature_table("ABI", temperatures=(0.5, 1, 2))
    assert isinstance(table, TemperatureTable)
    assert table.prefix == "abi" and table.context == "bi"
    assert table.symbols == sampler.vocabulary_ and table.temperatures == (0.5, 1, 2)
    assert table.proba.shape == (27, 3)
    np.testing.assert_allclose(table.proba[:, 1], sampler.next_char_proba(["abi"])[0])
    np.testing.assert_allclose(table.proba.sum(axis=0), 1)
    # Low temperature sharpens, high temperature flattens.
    top = np.argmax(table.proba[:, 1])
    assert table.proba[top, 0] > table.proba[top, 1] > table.proba[top, 2]
    for column, t in zip(table.proba.T, (0.5, 1, 2)):
        np.testing.assert_allclose(
            column, variant(sampler, temperature=t).next_char_proba(["abi"])[0]
        )
    assert table.to_string(top=1).splitlines()[2].split()[0] == sampler.vocabulary_[top]


def test_temperature_table_applies_the_other_controls(sampler):
    s = variant(sampler, top_k=3, min_length=5, max_length=6)
    table = s.temperature_table("", temperatures=(0, 1, np.inf))
    assert table.prefix == "" and table.context == "--"
    assert ((table.proba > 0).sum(axis=0) == [1, 3, 3]).all()
    assert (table.proba[0] == 0).all()  # too short to end
    # At max_length only the end is left: what sampling draws from, but the
    # table would show nothing of the model.
    assert s.next_char_proba(["abcdef"])[0, 0] == 1.0
    with pytest.raises(ValueError, match="as many as max_length=6"):
        s.temperature_table("abcdef", temperatures=(1.0,))


# --------------------------------------------------------------------------- #
# Errors.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "params, match",
    [
        ({"temperature": -0.5}, "temperature"),
        ({"temperature": float("nan")}, "temperature"),
        ({"top_p": 0.0}, "top_p"),
        ({"top_p": 1.5}, "top_p"),
        ({"top_k": 0}, "top_k"),
        ({"min_length": 0}, "min_length"),
    ],
)
def test_bad_constructor_parameters(params, match):
    with pytest.raises(InvalidParameterError, match=match):
        NameSampler(count_pipe(), **params).fit(NAMES)


def test_bad_parameters_set_after_fit_are_caught(sampler):
    s = pickle.loads(pickle.dumps(sampler))
    s.set_params(temperature=-1)
    for method in (lambda: s.sample(3), lambda: s.predict_proba(["abid"])):
        with pytest.raises(InvalidParameterError, match="temperature"):
            method()
    s.set_params(temperature=1.0, min_length=5, max_length=4)
    with pytest.raises(ValueError, match="max_length=4 must be >= min_length=5"):
        s.sample(3)


def test_max_length_below_min_length():
    with pytest.raises(ValueError, match="max_length=3 must be >= min_length=4"):
        NameSampler(count_pipe(), min_length=4, max_length=3).fit(NAMES)


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"n_samples": 0}, ValueError, "n_samples must be a positive int"),
        ({"n_samples": -3}, ValueError, "n_samples"),
        ({"n_samples": 2.5}, TypeError, "n_samples"),
        ({"n_samples": True}, TypeError, "n_samples"),
        ({"prefix": "ab1"}, ValueError, r"outside the vocabulary \['1'\]"),
        ({"prefix": "a-"}, ValueError, "outside the vocabulary"),
        ({"prefix": "a" * 13}, ValueError, "13 letters, more than max_length=12"),
        ({"prefix": ["a"]}, TypeError, r"prefix is .* not a str: give the start"),
        ({"unique": "yes"}, TypeError, "unique"),
        ({"exclude": "abid"}, TypeError, "not a single string"),
        ({"exclude": 5}, TypeError, "exclude"),
        ({"exclude": ["abid", 3]}, TypeError, r"exclude\[1\] is 3 \(int\), not a str"),
        ({"random_state": "seed"}, TypeError, "random_state"),
        ({"random_state": -1}, ValueError, "random_state"),
        ({"max_rounds": 0}, ValueError, "max_rounds"),
    ],
)
def test_bad_sample_arguments(sampler, kwargs, error, match):
    kwargs = {"n_samples": 3, **kwargs}
    with pytest.raises(error, match=match):
        sampler.sample(**kwargs)


def test_bad_other_arguments(sampler):
    with pytest.raises(ValueError, match="n_names"):
        sampler.most_likely(0)
    with pytest.raises(TypeError, match="beam_width"):
        sampler.most_likely(3, beam_width=2.0)
    with pytest.raises(ValueError, match="outside the vocabulary"):
        sampler.most_likely(3, prefix="é")
    with pytest.raises(ValueError, match="more than max_length"):
        sampler.next_char_proba(["a" * 13])
    with pytest.raises(TypeError, match="single str"):
        sampler.next_char_proba("abi")
    with pytest.raises(ValueError, match="temperatures"):
        sampler.temperature_table("abi", temperatures=(1.0, -1.0))
    with pytest.raises(ValueError, match="temperatures"):
        sampler.temperature_table("abi", temperatures=(float("nan"),))
    with pytest.raises(TypeError, match="temperatures"):
        sampler.temperature_table("abi", temperatures=2.0)
    with pytest.raises(TypeError, match=r"prefix is .* not a str: give the start"):
        sampler.temperature_table(["abi"])


@pytest.mark.parametrize(
    "estimator, match",
    [
        (NGramCounts(), "got NGramCounts"),
        (make_pipeline(NGramCounts()), r"steps \['NGramCounts'\]"),
        (
            make_pipeline(ContextWindowTransformer(), "passthrough"),
            r"steps \['ContextWindowTransformer'\]",
        ),
        (
            Pipeline(
                [("w", ContextWindowTransformer()), ("c", ContextWindowTransformer())]
            ),
            "has no predict_log_proba",
        ),
    ],
)
def test_estimator_must_be_a_window_pipeline(estimator, match):
    with pytest.raises(TypeError, match=match):
        NameSampler(estimator).fit(NAMES)


def test_classes_must_be_the_vocabulary():
    class Narrow(NGramCounts):
        def fit(self, X, y=None):
            super().fit(X, y)
            self.classes_ = self.classes_[1:]
            return self

    with pytest.raises(ValueError, match="classes_ must be the transformer's whole"):
        NameSampler(make_pipeline(ContextWindowTransformer(2), Narrow())).fit(NAMES)


def test_unfitted_sampler_raises(sampler):
    from sklearn.exceptions import NotFittedError

    fresh = clone(sampler)
    for method in (
        lambda: fresh.sample(3),
        lambda: fresh.most_likely(3),
        lambda: fresh.score(NAMES),
        lambda: fresh.score_samples(NAMES),
        lambda: fresh.next_char_proba([""]),
        lambda: fresh.temperature_table("abi"),
    ):
        with pytest.raises(NotFittedError, match="is not fitted yet"):
            method()


# --------------------------------------------------------------------------- #
# The sampler inside scikit-learn.
# --------------------------------------------------------------------------- #
def test_frozen_pipeline_is_not_refit(sampler):
    pipe = count_pipe().fit(NAMES)
    table = pipe[-1].log_table_
    fits = NGramCounts.n_fits
    bounds = {"temperature": 0.7, "min_length": 1, "max_length": 12}
    frozen = NameSampler(FrozenEstimator(pipe), **bounds).fit(["other", "names"])
    assert NGramCounts.n_fits == fits
    assert frozen.estimator_.estimator is pipe and pipe[-1].log_table_ is table
    fitted = NameSampler(count_pipe(), **bounds).fit(NAMES)
    assert NGramCounts.n_fits == fits + 1
    assert frozen.sample(50, random_state=0) == fitted.sample(50, random_state=0)
    # Frozen steps inside a pipeline are found too.
    inner = Pipeline([("w", FrozenEstimator(pipe[0])), ("c", FrozenEstimator(pipe[1]))])
    assert NameSampler(inner).fit(NAMES).sample(5, random_state=0) == NameSampler(
        pipe
    ).fit(NAMES).sample(5, random_state=0)


def test_unfitted_frozen_pipeline_raises():
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError, match="is not fitted yet"):
        NameSampler(FrozenEstimator(count_pipe())).fit(NAMES)


def test_grid_search_over_inner_parameters():
    search = GridSearchCV(
        NameSampler(count_pipe(), temperature=0.8),
        {
            "estimator__contextwindowtransformer__context_length": [1, 2],
            "estimator__ngramcounts__alpha": [0.01, 1.0],
        },
        cv=3,
    ).fit(NAMES)
    scores = search.cv_results_["mean_test_score"]
    assert np.isfinite(scores).all() and (scores < 0).all()
    best = search.best_estimator_
    assert best.temperature == 0.8
    assert best.score(NAMES) == pytest.approx(best.estimator_.score(NAMES))
    assert len(search.best_estimator_.sample(3, random_state=0)) == 3


def test_joblib_round_trip_gives_the_same_samples(sampler, tmp_path):
    path = tmp_path / "sampler.joblib"
    joblib.dump(sampler, path)
    again = joblib.load(path)
    assert again.sample(100, random_state=0) == sampler.sample(100, random_state=0)
    assert again.most_likely(5) == sampler.most_likely(5)


def test_skops_round_trip_gives_the_same_samples(sampler, tmp_path):
    sio = pytest.importorskip("skops.io")
    path = tmp_path / "sampler.skops"
    sio.dump(sampler, path)
    untrusted = set(sio.get_untrusted_types(file=path))
    assert untrusted <= {
        "sknextchar._sampler.NameSampler",
        "sknextchar._transformer.ContextWindowTransformer",
        f"{NGramCounts.__module__}.NGramCounts",
    }
    again = sio.load(path, trusted=sorted(untrusted))
    assert again.sample(100, random_state=0) == sampler.sample(100, random_state=0)


def test_fitted_state_is_plain(sampler):
    fitted = {k: v for k, v in vars(sampler).items() if k.endswith("_")}
    assert set(fitted) == {
        "estimator_",
        "vocabulary_",
        "training_length_counts_",
        "training_length_counts_by_label_",  # None: fitted without labels
        "training_name_hashes_",
        "training_name_folded_hashes_",  # None: names of a to z have no case
        "training_transitions_",  # the kinds of symbols that follow each other
        "training_prefix_lengths_",  # length counts of common prefixes' names
        "training_name_weight_",  # the weight of one name in the length counts
    }
    assert type(sampler.training_name_weight_) is float  # plain, not numpy
    assert sampler.training_transitions_.dtype.kind == "U"  # plain strings
    assert sampler.training_length_counts_by_label_ is None
    assert sampler.training_name_folded_hashes_ is None
    assert isinstance(sampler.vocabulary_, tuple)
    # The record: NumPy arrays only, 8 bytes per distinct training name.
    assert sampler.training_name_hashes_.dtype == np.uint64
    assert sampler.training_name_hashes_.nbytes == 8 * len(set(NAMES))
    assert sampler.training_length_counts_.tolist() == [0, 0, 0, 1, 14, 7, 2]


# --------------------------------------------------------------------------- #
# The sampler/model protocol: any model, its class unknown to the sampler.
# --------------------------------------------------------------------------- #
def every_use(sampler):
    """Each public call of the sampler that reads the model, and its result."""
    return {
        "sample": sampler.sample(200, random_state=0),
        "new": sampler.sample(30, unique=True, exclude=NAMES, random_state=0),
        "greedy": variant(sampler, temperature=0).sample(2),
        "score": sampler.score(NAMES),
        "score_samples": sampler.score_samples(NAMES).tolist(),
        "most_likely": sampler.most_likely(5, prefix="a"),
        "next_char_proba": sampler.next_char_proba(["", "ab"]).tolist(),
        "temperature_table": sampler.temperature_table("ab").proba.tolist(),
        "predict_proba": sampler.predict_proba(["abid"]).tolist(),
    }


@pytest.mark.parametrize("model", [FastNGramCounts, BareNGram])
def test_any_model_that_follows_the_protocol_can_be_sampled(sampler, model):
    # The same counts behind another class, with and without next_log_proba
    # (BareNGram has no classes_, no score and no mixin): the same results.
    other = NameSampler(count_pipe(model=model), min_length=1, max_length=12)
    other.fit(NAMES)
    assert every_use(other) == every_use(sampler)


def test_the_unchecked_next_log_proba_is_used_when_the_model_has_one():
    pipe = make_pipeline(ContextWindowTransformer(2), FastNGramCounts(strict=True))
    fast = NameSampler(pipe, min_length=1, max_length=12).fit(NAMES)
    every_use(fast)  # predict_log_proba would raise
    assert fast.estimator_[-1].n_next_calls_ >= 10


def test_a_model_without_classes_must_give_one_column_per_symbol():
    class TooFewColumns(BareNGram):
        def predict_log_proba(self, X):
            return super().predict_log_proba(X)[:, 1:]

    pipe = make_pipeline(ContextWindowTransformer(2), TooFewColumns())
    with pytest.raises(
        ValueError,
        match=r"27 columns, in id order\) for each context; got shape "
        r"\(1, 26\)",
    ):
        NameSampler(pipe).fit(NAMES)


# --------------------------------------------------------------------------- #
# With the real classifier, through a real Pipeline.
# --------------------------------------------------------------------------- #
# Tiny data and few epochs: the classifier stops at max_iter, and says so.
quiet_mlp = pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")


def mlp_pipe(**params):
    from sknextchar import CharEmbeddingMLPClassifier

    params = {
        "embedding_dim": 3,
        "hidden_layer_sizes": (16,),
        "max_iter": 100,
        "random_state": 0,
        **params,
    }
    return make_pipeline(
        ContextWindowTransformer(3), CharEmbeddingMLPClassifier(**params)
    )


@pytest.fixture(scope="module")
def mlp_sampler():
    return NameSampler(mlp_pipe(), temperature=0.9, min_length=1, max_length=10).fit(
        NAMES
    )


@quiet_mlp
def test_mlp_sampling(mlp_sampler):
    names = mlp_sampler.sample(300, prefix="s", random_state=0)
    assert names == mlp_sampler.sample(300, prefix="s", random_state=0)
    assert all(n.startswith("s") and 1 <= len(n) <= 10 and n.isalpha() for n in names)
    hot = variant(mlp_sampler, temperature=1.5)
    novel = hot.sample(20, unique=True, exclude=NAMES, random_state=0)
    assert len(set(novel)) == 20 and not set(novel) & set(NAMES)


@quiet_mlp
def test_mlp_fast_path_equals_the_public_predictions(mlp_sampler):
    pipe = mlp_sampler.estimator_
    prefixes = ["", "a", "abi", "kavit"]
    contexts = pipe[0].encode_prefixes(prefixes)
    model = np.exp(pipe[-1].predict_log_proba(contexts).astype(np.float64))
    tempered = model ** (1 / 0.9)
    tempered[0, 0] = 0  # min_length=1: the empty prefix cannot end
    np.testing.assert_allclose(
        mlp_sampler.next_char_proba(prefixes),
        tempered / tempered.sum(axis=1, keepdims=True),
        rtol=1e-5,
    )
    windows = pipe[0].transform(NAMES)
    log_proba = pipe.predict_log_proba(NAMES)[np.arange(len(windows)), windows.targets]
    sums = np.bincount(windows.name_index, log_proba.astype(np.float64))
    np.testing.assert_allclose(mlp_sampler.score_samples(NAMES), sums, rtol=1e-5)
    assert mlp_sampler.score(NAMES) == pytest.approx(pipe.score(NAMES), rel=1e-5)


@quiet_mlp
def test_mlp_greedy_and_beam_search(mlp_sampler):
    greedy = clone(mlp_sampler).set_params(temperature=0).fit(NAMES)
    assert greedy.sample(3) == [greedy_by_hand(greedy)] * 3
    short = clone(mlp_sampler).set_params(max_length=3).fit(NAMES)
    ranking, _ = exhaustive_ranking(short, "abcdefghijklmnopqrstuvwxyz")
    assert short.most_likely(5, beam_width=26 * 26) == ranking[:5]
    assert short.most_likely(5)[0] == ranking[0]


@quiet_mlp
def test_mlp_frozen_pipeline_is_not_refit(mlp_sampler):
    pipe = mlp_sampler.estimator_
    coefs, curve = pipe[-1].coefs_, list(pipe[-1].loss_curve_)
    frozen = NameSampler(
        FrozenEstimator(pipe), temperature=0.9, min_length=1, max_length=10
    )
    frozen.fit(["other", "names"])
    assert pipe[-1].coefs_ is coefs and pipe[-1].loss_curve_ == curve
    assert frozen.sample(30, random_state=0) == mlp_sampler.sample(30, random_state=0)


@quiet_mlp
def test_mlp_grid_search():
    search = GridSearchCV(
        NameSampler(mlp_pipe(max_iter=5)),
        {"estimator__charembeddingmlpclassifier__embedding_dim": [2, 4]},
        cv=2,
    ).fit(NAMES)
    assert np.isfinite(search.cv_results_["mean_test_score"]).all()
    assert len(search.best_estimator_.sample(3, random_state=0)) == 3


@quiet_mlp
def test_mlp_persistence_round_trips(mlp_sampler, tmp_path):
    from sknextchar import load_model, save_model

    expected = mlp_sampler.sample(50, random_state=0)
    for name, kwargs in (("s.skops", {}), ("s.joblib", {"allow_pickle": True})):
        again = load_model(save_model(mlp_sampler, tmp_path / name), **kwargs)
        assert again.sample(50, random_state=0) == expected
        assert again.most_likely(3) == mlp_sampler.most_likely(3)


def test_a_prefix_too_long_is_quoted_cut_in_the_message():
    # Before: a 100,000-letter prefix made a 100,093-character message.
    from sknextchar import make_default_pipeline

    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=2)
    sampler = NameSampler(pipe).fit(["asha", "ravi"] * 5)
    with pytest.raises(ValueError, match="100,000 letters, more than max_length") as e:
        sampler.sample(1, prefix="a" * 100_000)
    assert len(str(e.value)) < 300
