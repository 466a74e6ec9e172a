"""The decoding math: temperature, top-k/top-p, length bounds, draws, contexts."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from sknextchar._decoding import (
    DrawCache,
    SamplingControls,
    count_names,
    draw,
    sampling_weights,
    tempered_log_proba,
)
from sknextchar._row_keys import distinct_rows, ngram_keys


def test_tempered_extremes_on_extreme_logits():
    log_proba = np.array([[-1e5, 0.0, -3.0], [-np.inf, -2.0, -2.0]])
    for t in (1e-6, 1.0, 1e6):
        out = np.exp(tempered_log_proba(log_proba, t))
        assert np.isfinite(out).all() and np.allclose(out.sum(axis=1), 1)
    np.testing.assert_allclose(
        np.exp(tempered_log_proba(log_proba, np.inf)), [[1 / 3] * 3, [0, 0.5, 0.5]]
    )
    np.testing.assert_array_equal(
        np.exp(tempered_log_proba(log_proba, 0)), [[0, 1, 0], [0, 1, 0]]
    )


def test_tempered_log_proba_does_not_change_its_input():
    log_proba = np.log(np.array([[0.6, 0.3, 0.1]]))
    copy = log_proba.copy()
    for t in (0, 0.5, np.inf):
        tempered_log_proba(log_proba, t)
        sampling_weights(log_proba, temperature=t, top_k=2, top_p=0.5)
    np.testing.assert_array_equal(log_proba, copy)


def test_temperature_is_exp_z_over_t():
    z = np.log(np.array([[0.6, 0.3, 0.1]]))
    for t in (0.5, 1.0, 2.0):
        expected = np.exp(z / t) / np.exp(z / t).sum()
        np.testing.assert_allclose(np.exp(tempered_log_proba(z, t)), expected)
        w = sampling_weights(z, temperature=t)
        np.testing.assert_allclose(w / w.sum(), expected)


def test_top_p_keeps_smallest_set_reaching_p():
    z = np.log(np.array([[0.1, 0.4, 0.3, 0.2]]))
    support = {
        p: np.flatnonzero(sampling_weights(z, top_p=p)[0]).tolist()
        for p in (0.3, 0.4, 0.41, 0.7, 0.71, 0.9, 0.91, 1.0)
    }
    assert support == {
        0.3: [1],
        0.4: [1],
        0.41: [1, 2],
        0.7: [1, 2],
        0.71: [1, 2, 3],
        0.9: [1, 2, 3],
        0.91: [0, 1, 2, 3],
        1.0: [0, 1, 2, 3],
    }


def test_top_k_and_top_p_rank_by_the_model_at_infinite_temperature():
    z = np.log(np.array([[0.1, 0.5, 0.3, 0.1]]))
    np.testing.assert_array_equal(
        sampling_weights(z, temperature=np.inf, top_k=2), [[0, 1, 1, 0]]
    )
    # Uniform over the kept symbols, and the nucleus is the top two symbols.
    np.testing.assert_array_equal(
        sampling_weights(z, temperature=np.inf, top_p=0.5), [[0, 1, 1, 0]]
    )


def test_end_allowed_per_row():
    z = np.log(np.array([[0.5, 0.5], [0.5, 0.5]]))
    weights = sampling_weights(z, end_allowed=np.array([False, True]))
    np.testing.assert_array_equal(weights, [[0, 1], [1, 1]])


@settings(max_examples=60, deadline=None)
@given(
    logits=arrays(np.float64, (3, 6), elements=st.floats(-30, 30)),
    temperature=st.sampled_from([0.0, 1e-6, 0.3, 1.0, 4.0, 1e6, np.inf]),
    top_k=st.one_of(st.none(), st.integers(1, 7)),
    top_p=st.one_of(st.none(), st.floats(1e-3, 1.0)),
    end_allowed=st.booleans(),
)
def test_sampling_weights_properties(logits, temperature, top_k, top_p, end_allowed):
    log_proba = tempered_log_proba(logits, 1.0)
    weights = sampling_weights(
        log_proba,
        temperature=temperature,
        top_k=top_k,
        top_p=top_p,
        end_allowed=end_allowed,
    )
    assert np.isfinite(weights).all() and (weights >= 0).all()
    np.testing.assert_array_equal(weights.max(axis=1), 1.0)
    if not end_allowed:
        assert (weights[:, 0] == 0).all()
    support = weights > 0
    if top_k is not None:
        assert (support.sum(axis=1) <= top_k).all()
    if temperature == 0:
        assert (support.sum(axis=1) == 1).all()
    # The model's most probable allowed symbol is always kept.
    allowed = log_proba.copy()
    if not end_allowed:
        allowed[:, 0] = -np.inf
    assert support[np.arange(3), np.argmax(allowed, axis=1)].all()
    # Kept symbols are at least as probable as dropped allowed ones.
    for row, keep in zip(allowed, support):
        dropped = row[~keep & np.isfinite(row)]
        if dropped.size:
            assert row[keep].min() >= dropped.max()


def test_draw_never_picks_zero_weight():
    weights = np.array([[0.0, 1.0, 0.0, 2.0, 0.0]] * 5)
    u = np.array([1e-300, 1 / 3, 1 / 3 + 1e-12, 0.999999, 1.0])
    assert draw(weights, u).tolist() == [1, 1, 3, 3, 3]


def test_draw_shares_rows_and_matches_probabilities(rng):
    weights = np.array([[0.0, 1.0, 3.0], [2.0, 0.0, 2.0]])
    rows = np.repeat([0, 1], 40000)
    ids = draw(weights, 1.0 - rng.random(len(rows)), rows)
    first = np.bincount(ids[:40000], minlength=3) / 40000
    second = np.bincount(ids[40000:], minlength=3) / 40000
    np.testing.assert_allclose(first, [0, 0.25, 0.75], atol=0.01)
    np.testing.assert_allclose(second, [0.5, 0, 0.5], atol=0.01)
    assert first[0] == 0 and second[1] == 0


def first_reaching(weights, uniform, rows):
    """The oracle: the first symbol whose normalised CDF reaches u, row by row."""
    cdf = np.cumsum(weights, axis=1)
    cdf /= cdf[:, -1:]
    return np.array([np.flatnonzero(cdf[r] >= u)[0] for r, u in zip(rows, uniform)])


@pytest.mark.parametrize("n_symbols", [1, 2, 3, 4, 5, 27, 32, 33, 64])
def test_draw_is_the_first_symbol_whose_cdf_reaches_u(rng, n_symbols):
    # Weights with many zeros (never drawn) and ties; uniforms at both ends of
    # (0, 1] and exactly on the CDF's values.
    weights = rng.random((50, n_symbols)) * (rng.random((50, n_symbols)) < 0.4)
    weights[:, rng.integers(0, n_symbols, 50)] += 1.0  # a positive weight per row
    rows = rng.integers(0, 50, 4000)
    cdf = np.cumsum(weights, axis=1) / weights.sum(axis=1, keepdims=True)
    uniform = 1.0 - rng.random(4000)
    uniform[:200] = cdf[rows[:200], rng.integers(0, n_symbols, 200)]  # on a step
    uniform[200:210], uniform[210:220] = 1.0, 1e-300
    uniform = np.clip(uniform, 1e-300, 1.0)  # a zero CDF value is not a uniform
    ids = draw(weights, uniform, rows)
    np.testing.assert_array_equal(ids, first_reaching(weights, uniform, rows))
    assert (weights[rows, ids] > 0).all()


def test_cache_keys_of_contexts_are_base_n_numbers():
    # The draw cache keys uint8 contexts with the n-gram keys of _ngram.
    contexts = np.array([[0, 0, 0], [0, 0, 1], [1, 0, 0], [26, 26, 26]], np.uint8)
    assert ngram_keys(contexts, None, 27).tolist() == [0, 1, 729, 27**3 - 1]
    assert ngram_keys(contexts[:, :0], None, 27).tolist() == [0, 0, 0, 0]


def test_draw_cache_draws_what_draw_draws(rng):
    """Contexts added over several steps, past the first capacity: same ids."""
    n_symbols, context_length = 5, 4
    cache = DrawCache(n_symbols, context_length)
    weights = rng.random((n_symbols**context_length, n_symbols)) ** 3  # by key
    stored = set()
    for _ in range(6):
        contexts = rng.integers(0, n_symbols, (300, context_length)).astype(np.uint8)
        keys = cache.keys(contexts)
        new = cache.unseen(keys)
        assert len(np.unique(keys[new])) == len(new)  # one row per new context
        assert set(keys[new].tolist()) == set(keys.tolist()) - stored
        cache.add(keys[new], weights[keys[new]])
        stored |= set(keys[new].tolist())
        assert cache.unseen(keys).size == 0
        uniform = 1.0 - rng.random(len(keys))
        np.testing.assert_array_equal(
            cache.draw(keys, uniform), draw(weights, uniform, keys)
        )


def test_draw_cache_unseen_gives_one_position_per_new_context():
    cache = DrawCache(n_symbols=3, context_length=1, capacity=1)
    keys = np.array([2, 1, 2, 0, 1, 2])
    new = cache.unseen(keys)
    assert sorted(keys[new].tolist()) == [0, 1, 2]
    cache.add(np.array([1]), np.array([[1.0, 1.0, 1.0]]))
    new = cache.unseen(keys)
    assert sorted(keys[new].tolist()) == [0, 2]
    cache.add(keys[new], np.ones((2, 3)))  # grows past its capacity
    assert cache.unseen(keys).size == 0
    assert cache.draw(keys, np.full(6, 0.5)).tolist() == [1] * 6


def test_draw_cache_fits_small_context_spaces():
    assert DrawCache.fits(27, 3, n_names=1)  # 19,683 contexts: always
    assert not DrawCache.fits(27, 4, n_names=10_000)  # 531,441
    assert DrawCache.fits(27, 4, n_names=940_000)


@pytest.mark.parametrize(
    "n_symbols, context_length", [(3, 2), (27, 3), (27, 6), (27, 14)]
)  # a table of every context, int64 keys, rows compared whole
def test_distinct_rows(rng, n_symbols, context_length):
    contexts = rng.integers(0, n_symbols, (400, context_length)).astype(np.uint8)
    contexts[200:] = contexts[rng.integers(0, 200, 200)]  # repeats
    distinct, inverse = distinct_rows(contexts, n_symbols)
    np.testing.assert_array_equal(distinct[inverse], contexts)
    assert len(distinct) == len(np.unique(contexts, axis=0))


@pytest.mark.parametrize(
    "args, expected",
    [
        ((2, 0, 1, 3), 2 + 4 + 8),
        ((2, 2, 1, 3), 1 + 2),  # the prefix alone is a name, then 2 ways on
        ((2, 1, 3, 3), 4),
        ((26, 0, 2, 2), 676),
    ],
)
def test_count_names(args, expected):
    assert count_names(*args, enough=10**6) == expected


def test_count_names_stops_early():
    assert 10**6 < count_names(26, 0, 1, 10**6, enough=10**6) < 10**8


def test_controls_next_symbol_proba_applies_every_control():
    log_proba = np.log(np.array([[0.4, 0.3, 0.2, 0.1]] * 4))
    controls = SamplingControls(temperature=1.0, top_k=3, min_length=2, max_length=4)
    proba = controls.next_symbol_proba(log_proba, lengths=[0, 1, 2, 4])
    np.testing.assert_allclose(proba.sum(axis=1), 1)
    # Too short: no end marker, then the top 3 of the letters.
    np.testing.assert_allclose(proba[0], [0, 0.5, 1 / 3, 1 / 6])
    np.testing.assert_allclose(proba[1], proba[0])
    # Long enough: the top 3 of every symbol.
    np.testing.assert_allclose(proba[2], [4 / 9, 3 / 9, 2 / 9, 0])
    np.testing.assert_array_equal(proba[3], [1, 0, 0, 0])  # at max_length


def test_controls_weights_equal_sampling_weights():
    log_proba = np.log(np.array([[0.4, 0.3, 0.2, 0.1]]))
    controls = SamplingControls(temperature=0.7, top_p=0.8, min_length=3)
    np.testing.assert_array_equal(
        controls.weights(log_proba, 2),
        sampling_weights(log_proba, temperature=0.7, top_p=0.8, end_allowed=False),
    )


@pytest.mark.parametrize(
    "params, greedy, deterministic",
    [
        ({}, False, False),
        ({"temperature": 0}, True, True),
        ({"top_k": 1, "temperature": 3.0}, False, True),
        ({"top_p": 0.01}, False, False),
    ],
)
def test_controls_flags(params, greedy, deterministic):
    controls = SamplingControls(**params)
    assert (controls.greedy, controls.deterministic) == (greedy, deterministic)
