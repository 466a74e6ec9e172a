"""Generation over a plain next-log-probabilities function: no estimator at all.

The model is a random table of log P(next | last two symbols) over the symbols
``-abc``, wrapped in a function that records its calls. Exact name probabilities
and likelihoods computed from the table are the oracle.
"""

import itertools

import numpy as np
import pytest
from scipy import stats
from scipy.special import log_softmax

from sknextchar import _beam
from sknextchar._beam import beam_search
from sknextchar._decoding import DrawCache, SamplingControls
from sknextchar._generation import (
    MAX_BATCH_FACTOR,
    check_reachable,
    draw_cache,
    sample_ids,
    sample_names,
    sample_new_names,
)
from sknextchar._set_request import SetRequest
from sknextchar.nn.functional import init_params, log_proba_by_row
from tests._traced import tracing

VOCABULARY = ("-", "a", "b", "c")
L = 2  # context length


class TableModel:
    """log P(next | context) from a seeded random table; records every call."""

    def __init__(self, seed=0):
        logits = np.random.default_rng(seed).normal(size=(len(VOCABULARY) ** L, 4))
        logits[:, 0] += 0.5  # ends a little more often: short names
        self.table = log_softmax(logits, axis=1)
        self.calls = []

    def __call__(self, contexts):
        self.calls.append(np.array(contexts))
        codes = np.asarray(contexts, dtype=np.intp) @ 4 ** np.arange(L)[::-1]
        return self.table[codes]

    def log_likelihood(self, name):
        """log P(name, then the end marker), untempered."""
        ids = [VOCABULARY.index(c) for c in name] + [0]
        padded = [0] * L + ids
        return sum(
            self.table[padded[i] * 4 + padded[i + 1], ids[i]] for i in range(len(ids))
        )


def encode(prefix):
    """The letter ids and the (1, L) context after ``prefix``."""
    ids = np.array([VOCABULARY.index(c) for c in prefix], dtype=np.uint8)
    context = np.concatenate((np.zeros(L, dtype=np.uint8), ids))[-L:][None, :]
    return ids, context


def exact_proba(model, name, controls, prefix=""):
    """P(name, then the end marker), step by step from the controls' weights.

    At ``max_length`` the end marker keeps its own probability: a name that
    draws a letter there is discarded, so these numbers sum to the acceptance
    rate, and the kept names follow them divided by that sum.
    """
    proba, text = 1.0, prefix
    for symbol in name[len(prefix) :] + "-":
        log_proba = model.table[encode(text)[1] @ [4, 1]]  # (1, 4)
        weights = controls.weights(log_proba, [len(text)])[0]
        proba *= weights[VOCABULARY.index(symbol)] / weights.sum()
        text += symbol
    return proba


def every_name(controls, prefix=""):
    lo, hi = max(controls.min_length, len(prefix)), controls.max_length
    return [
        prefix + "".join(p)
        for n in range(lo - len(prefix), hi - len(prefix) + 1)
        for p in itertools.product("abc", repeat=n)
    ]


def sample(model, controls, n, prefix="", seed=0):
    ids, context = encode(prefix)
    return sample_names(
        model,
        prefix_ids=ids,
        context=context,
        n_samples=n,
        vocabulary=VOCABULARY,
        controls=controls,
        rng=np.random.default_rng(seed),
    )


@pytest.mark.parametrize(
    "params, prefix",
    [
        ({"max_length": 3}, ""),
        ({"min_length": 2, "max_length": 3, "temperature": 0.7}, ""),
        ({"max_length": 4, "top_k": 2}, "c"),
        ({"max_length": 3, "top_p": 0.8, "temperature": 1.5}, "ab"),
    ],
)
def test_sample_frequencies_match_the_exact_probabilities(params, prefix):
    # Chi-square at a tiny alpha with a fixed seed: it cannot flake, and a wrong
    # context shift, draw or length rule moves the frequencies far beyond it.
    # The kept names follow the model conditioned on ending by max_length: no
    # name is cut (a cut would give each longest name the mass of all its
    # continuations, far beyond this test's threshold).
    controls = SamplingControls(**params)
    model = TableModel()
    names = every_name(controls, prefix)
    expected = np.array([exact_proba(model, n, controls, prefix) for n in names])
    acceptance = expected.sum()
    assert 0.2 < acceptance < 1  # some names are discarded, enough are kept
    expected /= acceptance
    drawn = sample(model, controls, 20000, prefix)
    n = len(drawn)
    assert abs(n / 20000 - acceptance) < 0.02  # binomial: 8 standard deviations
    counts = np.array([drawn.count(name) for name in names])
    assert counts.sum() == n  # every name is one of the possible names
    assert (counts[expected == 0] == 0).all()  # nothing impossible is drawn
    keep = expected * n > 5  # rare names are pooled into one cell
    observed = np.r_[counts[keep], counts[~keep].sum()]
    wanted = np.r_[expected[keep], expected[~keep].sum()] * n
    statistic = ((observed - wanted) ** 2 / np.maximum(wanted, 1e-12)).sum()
    assert statistic < stats.chi2.isf(1e-9, df=keep.sum())


def test_greedy_is_the_argmax_path():
    model = TableModel()
    controls = SamplingControls(temperature=0, min_length=2, max_length=6)
    name = ""
    while len(name) < controls.max_length:
        log_proba = model.table[encode(name)[1] @ [4, 1]][0].copy()
        if len(name) < controls.min_length:
            log_proba[0] = -np.inf
        if np.argmax(log_proba) == 0:
            break
        name += VOCABULARY[np.argmax(log_proba)]
    assert sample(model, controls, 5) == [name] * 5


def test_one_model_call_per_step_on_distinct_contexts():
    model = TableModel()
    controls = SamplingControls(max_length=6)
    ids = sample_ids(
        model,
        prefix_ids=np.array([], dtype=np.uint8),
        context=np.zeros((1, L), dtype=np.uint8),
        n_samples=500,
        n_symbols=4,
        controls=controls,
        rng=np.random.default_rng(0),
    )
    # Names still going at 6 letters are discarded; the rest are at most 6.
    assert 0 < len(ids) < 500 and ids.shape[1] <= 6 and ids.dtype == np.uint8
    assert 1 <= len(model.calls) <= controls.max_length + 1
    assert model.calls[0].shape == (1, L)  # all 500 names start from "--"
    for call in model.calls:
        assert call.dtype == np.uint8  # the contexts keep the ids' dtype
        assert len(np.unique(call, axis=0)) == len(call)  # each context once
    # A row is letters, then end markers only.
    ended = ids == 0
    assert (ended[:, :-1] <= ended[:, 1:]).all() and not ended[:, 0].any()


def test_memory_grows_with_the_letters_not_with_max_length():
    # Before, sample_ids allocated (n_samples, max_length) ids up front:
    # max_length=10**9 took 3.7 GiB for one short name.
    controls = SamplingControls(max_length=10**9)
    with tracing() as traced:
        ids = sample_ids(
            TableModel(),
            prefix_ids=np.array([], dtype=np.uint8),
            context=np.zeros((1, L), dtype=np.uint8),
            n_samples=100,
            n_symbols=4,
            controls=controls,
            rng=np.random.default_rng(0),
        )
    assert len(ids) == 100 and traced.peak < 2**20  # all ended, under a megabyte


def test_the_random_state_is_the_only_source_of_randomness():
    model, controls = TableModel(), SamplingControls(max_length=5)
    assert sample(model, controls, 100, seed=3) == sample(model, controls, 100, seed=3)
    assert sample(model, controls, 100, seed=3) != sample(model, controls, 100, seed=4)
    ids, context = encode("")
    legacy = [
        sample_names(
            model,
            prefix_ids=ids,
            context=context,
            n_samples=20,
            vocabulary=VOCABULARY,
            controls=controls,
            rng=np.random.RandomState(0),
        )
        for _ in range(2)
    ]
    assert legacy[0] == legacy[1]


def test_sample_new_names_keeps_new_names_in_order():
    batches = iter([["a", "b", "a", "x"], ["c", "b", "d", "e"]])
    sizes = []

    def scripted(n):
        sizes.append(n)
        return next(batches)

    names = sample_new_names(
        scripted,
        SetRequest(
            4, unique=True, exclude={"x"}, max_rounds=5, controls=SamplingControls()
        ),
    )
    assert names == ["a", "b", "c", "d"]
    assert sizes[0] >= 4  # enough for every name at an acceptance rate of 1
    assert sizes[1] > 2 * sizes[0] / 4  # sized up: 2 of sizes[0] were accepted


def test_sample_new_names_without_unique_keeps_repeats():
    names = sample_new_names(
        lambda n: ["a"] * n,
        SetRequest(
            3, unique=False, exclude={"b"}, max_rounds=1, controls=SamplingControls()
        ),
    )
    assert names == ["a", "a", "a"]


def test_sample_new_names_batches_are_bounded():
    sizes = []

    def rarely_new(n):
        sizes.append(n)
        return ["old"] * n

    with pytest.raises(ValueError, match="Could only generate 0 of the 5 requested"):
        sample_new_names(
            rarely_new,
            SetRequest(
                5,
                unique=False,
                exclude={"old"},
                max_rounds=6,
                controls=SamplingControls(),
            ),
        )
    assert len(sizes) == 6 and max(sizes) <= MAX_BATCH_FACTOR * 5 + 1024


def test_a_deterministic_sampler_gets_one_round():
    sizes = []

    def greedy(n):
        sizes.append(n)
        return ["same"] * n

    controls = SamplingControls(temperature=0, max_length=7)
    with pytest.raises(
        ValueError,
        match=r"Could only generate 1 of the 2 requested distinct names after "
        r"drawing \d+ \(temperature=0, min_length=1, "
        r"max_length=7\)",  # no "0 excluded names" when none was excluded
    ):
        sample_new_names(
            greedy,
            SetRequest(2, unique=True, exclude=set(), max_rounds=9, controls=controls),
        )
    assert len(sizes) == 1


def test_check_reachable():
    controls = SamplingControls(min_length=2, max_length=3)
    check_reachable(9 + 27, n_letters=3, n_prefix=0, controls=controls)
    with pytest.raises(ValueError, match="asks for 37 distinct names, but at most 36"):
        check_reachable(37, n_letters=3, n_prefix=0, controls=controls)
    with pytest.raises(ValueError, match="at most 4 can be generated"):
        check_reachable(5, n_letters=3, n_prefix=2, controls=controls)  # ab, aba..
    with pytest.raises(ValueError, match="at most 1 can be generated"):
        check_reachable(2, n_letters=3, n_prefix=0, controls=SamplingControls(top_k=1))


def exhaustive_ranking(model, min_length, max_length, prefix="", exclude=()):
    controls = SamplingControls(min_length=min_length, max_length=max_length)
    names = [n for n in every_name(controls, prefix) if n not in exclude]
    scores = np.array([model.log_likelihood(n) for n in names])
    return [names[i] for i in np.argsort(-scores, kind="stable")]


def search(model, n_names, beam_width, min_length, max_length, prefix="", **kw):
    ids, context = encode(prefix)
    names, _ = beam_search(
        model,
        prefix_ids=ids,
        context=context,
        n_names=n_names,
        beam_width=beam_width,
        vocabulary=VOCABULARY,
        min_length=min_length,
        max_length=max_length,
        **kw,
    )
    return names


@pytest.mark.parametrize("prefix", ["", "b", "cab"])
@pytest.mark.parametrize("min_length, max_length", [(1, 4), (3, 4), (4, 5)])
def test_a_wide_beam_is_exact(prefix, min_length, max_length):
    model = TableModel(seed=1)
    ranking = exhaustive_ranking(model, min_length, max_length, prefix)
    assert search(model, 10, 3**5, min_length, max_length, prefix) == ranking[:10]


def test_a_narrow_beam_still_finds_the_best_name():
    model = TableModel(seed=2)
    ranking = exhaustive_ranking(model, 1, 5)
    best = search(model, 5, 4, 1, 5)
    assert best[0] == ranking[0] and len(set(best)) == 5
    scores = [model.log_likelihood(n) for n in best]
    assert scores == sorted(scores, reverse=True)


def test_beam_search_skips_excluded_names_and_returns_what_exists():
    model = TableModel(seed=3)
    ranking = exhaustive_ranking(model, 2, 2)
    assert len(ranking) == 9
    assert search(model, 3, 100, 2, 2, exclude=set(ranking[:2])) == ranking[2:5]
    assert search(model, 20, 100, 2, 2) == ranking  # only 9 names exist


def test_beam_search_never_returns_a_name_the_model_cannot_end():
    # Names of probability 0 (cut off: the end marker cannot follow them)
    # filled the list after the others, scored -inf.
    model = TableModel(seed=4)
    logits = model.table.copy()
    logits[np.arange(len(logits)) % 4 == 1, 0] = -np.inf  # no end after "a"
    model.table = log_softmax(logits, axis=1)
    finite = [
        name
        for name in exhaustive_ranking(model, 1, 3)
        if np.isfinite(model.log_likelihood(name))
    ]
    assert len(finite) == 2 + 6 + 18  # no name ends with "a"
    assert search(model, 100, 3**4, 1, 3) == finite
    assert search(model, 5, 10, 2, 2, prefix="ca") == []


LETTERS = ("-",) + tuple("abcdefghijklmnopqrstuvwxyz")


def bigram_model(seed):
    """log P(next | last symbol), a random table over 27 symbols."""
    table = log_softmax(np.random.default_rng(seed).normal(size=(27, 27)), axis=1)
    return lambda contexts: table[np.asarray(contexts)[:, -1]]


def search_letters(model, n_names, beam_width, max_length=8):
    names, _ = beam_search(
        model,
        prefix_ids=np.array([], np.uint8),
        context=np.zeros((1, 1), np.uint8),
        n_names=n_names,
        beam_width=beam_width,
        vocabulary=LETTERS,
        min_length=1,
        max_length=max_length,
    )
    return names


def test_beam_search_refuses_a_search_that_would_not_fit_in_memory(monkeypatch):
    # most_likely(10**7) passed a count of half its real peak and ran for more
    # than 10 minutes. The count covers the real peak and is not far above it.
    model = bigram_model(0)
    with tracing() as traced:
        names = search_letters(model, 2000, 10_000)
    peak = traced.peak
    assert len(names) == 2000
    monkeypatch.setattr(_beam, "machine_memory", lambda: peak - 1)
    with pytest.raises(
        ValueError,
        match=r"n_names=2000 with beam_width=10000 .* Ask for fewer.* with sample\(\)",
    ):
        search_letters(model, 2000, 10_000)
    monkeypatch.setattr(_beam, "machine_memory", lambda: 2 * peak)
    assert search_letters(model, 2000, 10_000) == names


def test_beam_search_counts_the_beam_asked_for_and_only_names_that_exist():
    def never(contexts):
        raise AssertionError("the search started")

    # A beam of 10**13 cannot fit, however few names are asked for ...
    with pytest.raises(
        ValueError, match="n_names=10 with beam_width=10000000000000"
    ) as info:
        search(never, 10, 10**13, 1, 30)
    assert "fewer names" not in str(info.value)  # the beam is the lever
    # ... but no beam is wider than the names that exist: 120 here.
    assert len(search(TableModel(seed=0), 10**18, 10**19, 1, 4)) == 120


@pytest.mark.parametrize("n_names", [10**9, 10**18])
def test_beam_search_refuses_more_names_than_memory_before_searching(n_names):
    # The default beam (2 * n_names wide) ran out of memory after seconds.
    calls = []

    def counted(contexts):
        calls.append(len(contexts))
        return TableModel(seed=0)(contexts)

    with (
        tracing() as traced,
        pytest.raises(ValueError, match=rf"n_names={n_names} with beam_width="),
    ):
        search(counted, n_names, 2 * n_names, 1, 40)  # 3**40 names exist
    assert calls == [] and traced.peak < 2**20


@pytest.mark.parametrize("params", [{"temperature": 0}, {"top_k": 1}])
def test_a_deterministic_path_that_cycles_is_dropped_at_once(params):
    # The path "aaaa..." never ends: with max_length=10**9 the loop would run
    # for hours; it stops when the context "aa" comes back.
    def always_a(contexts):
        return np.log(np.tile([0.1, 0.6, 0.2, 0.1], (len(contexts), 1)))

    calls = []

    def counted(contexts):
        calls.append(len(contexts))
        return always_a(contexts)

    controls = SamplingControls(max_length=10**9, **params)
    ids = sample_ids(
        counted,
        prefix_ids=np.array([], dtype=np.uint8),
        context=np.zeros((1, L), dtype=np.uint8),
        n_samples=3,
        n_symbols=4,
        controls=controls,
        rng=np.random.default_rng(0),
    )
    assert ids.shape[0] == 0 and len(calls) <= 4


def without_the_cache(monkeypatch):
    """Make sample_ids take its plain path: the model on every step's contexts."""
    monkeypatch.setattr(DrawCache, "fits", staticmethod(lambda *args: False))


@pytest.mark.parametrize(
    "params",
    [
        {"max_length": 8},
        {"min_length": 3, "max_length": 6, "temperature": 0.7},
        {"max_length": 7, "top_k": 2, "temperature": 2.0},
        {"max_length": 6, "top_p": 0.8},
        {"max_length": 5, "top_k": 1},
    ],
)
def test_the_draw_cache_changes_no_name(monkeypatch, params):
    controls = SamplingControls(**params)
    cached_model, plain_model = TableModel(), TableModel()
    cached = sample(cached_model, controls, 3000, prefix="a", seed=1)
    without_the_cache(monkeypatch)
    assert sample(plain_model, controls, 3000, prefix="a", seed=1) == cached
    rows = [sum(map(len, model.calls)) for model in (cached_model, plain_model)]
    # Contexts met at an earlier step are not asked again (a deterministic
    # path meets each context once anyway).
    assert rows[0] < rows[1] or (controls.deterministic and rows[0] == rows[1])


def test_the_model_sees_each_context_once_before_and_once_from_min_length():
    model = TableModel()
    ids = sample_ids(
        model,
        prefix_ids=np.array([], dtype=np.uint8),
        context=np.zeros((1, L), dtype=np.uint8),
        n_samples=2000,
        n_symbols=4,
        controls=SamplingControls(min_length=2, max_length=9),
        rng=np.random.default_rng(0),
    )
    assert len(ids) > 1000
    # Steps 0 and 1 cannot end (the end marker is masked there): their contexts
    # are drawn from a cache of their own. From step 2 on, no context is asked
    # twice.
    assert [len(call) for call in model.calls[:2]] == [1, 3]
    later = np.concatenate(model.calls[2:])
    assert len(np.unique(later, axis=0)) == len(later)


def test_the_draw_cache_changes_no_name_of_a_float32_network(monkeypatch):
    """A 27-symbol MLP whose rows do not depend on the other rows of a call."""
    V, K, L3 = 27, 10, 3
    E, coefs, intercepts = init_params(
        V, K, L3, (64,), V, "relu", np.float32, np.random.RandomState(0)
    )
    coefs[-1][:] = np.random.RandomState(1).normal(size=coefs[-1].shape)

    def network(contexts):
        return log_proba_by_row(contexts, E, coefs, intercepts, "relu")

    def names(seed):
        return sample_ids(
            network,
            prefix_ids=np.array([], dtype=np.uint8),
            context=np.zeros((1, L3), dtype=np.uint8),
            n_samples=3000,
            n_symbols=V,
            controls=SamplingControls(temperature=0.9, max_length=12),
            rng=np.random.default_rng(seed),
        )

    cached = [names(seed) for seed in range(3)]
    without_the_cache(monkeypatch)
    for seed, ids in enumerate(cached):
        np.testing.assert_array_equal(names(seed), ids)


def test_calls_sharing_a_cache_draw_what_they_would_alone(monkeypatch):
    """The rounds of one request share a cache: the same names, fewer rows asked."""
    controls = SamplingControls(min_length=2, max_length=7)
    ids, context = encode("")

    def rounds(model, cache):
        rng = np.random.default_rng(5)
        return [
            sample_ids(
                model,
                prefix_ids=ids,
                context=context,
                n_samples=400,
                n_symbols=4,
                controls=controls,
                rng=rng,
                cache=cache,
            )
            for _ in range(3)
        ]

    shared_model, plain_model = TableModel(), TableModel()
    shared = rounds(shared_model, draw_cache(4, L, 400, controls))
    without_the_cache(monkeypatch)
    plain = rounds(plain_model, None)
    for a, b in zip(shared, plain):
        np.testing.assert_array_equal(a, b)
    # 16 contexts of 2 symbols in all, each asked at most once per cache.
    assert sum(map(len, shared_model.calls)) <= 2 * 16
    assert sum(map(len, plain_model.calls)) > 2 * 16
