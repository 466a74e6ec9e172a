"""sample(label=..., min_label_proba=...): names the model itself recognises as of
their label, by rejection on P(label | name) (issue 15, label fidelity)."""

import itertools
import time

import numpy as np
import pytest
from scipy.special import logsumexp
from scipy.stats import chisquare
from sklearn.base import clone
from sklearn.pipeline import make_pipeline
from sklearn.utils._param_validation import InvalidParameterError

from sknextchar import CharEmbeddingMLPClassifier, ContextWindowTransformer, NameSampler
from sknextchar._label_posterior import (
    label_log_likelihood,
    label_posterior,
    name_windows,
    posterior_filter,
)
from sknextchar._pipeline import next_log_proba_function, split_pipeline
from sknextchar._training_record import padded_ids
from tests.labels.test_labels import CLI_TINY, ending_corpus, small_pipe


@pytest.fixture(scope="module")
def corpus():
    return ending_corpus()


@pytest.fixture(scope="module")
def sampler(corpus):
    return NameSampler(small_pipe()).fit(*corpus)


def by_label(sampler, names):
    """log P(name | label) of each label, from score_samples (the oracle)."""
    classes = split_pipeline(sampler.estimator_)[1].label_classes_
    return np.stack([sampler.score_samples(names, label=c) for c in classes], axis=1)


def ids_of(sampler, names):
    transformer = split_pipeline(sampler.estimator_)[0]
    return padded_ids(transformer.encode(names))[0]


# ------------------------------------------------------------------ the math
def test_posterior_filter_on_a_hand_computed_model():
    # Label 0: P(end, a, b) = (0.2, 0.6, 0.2) after every context; label 1:
    # (0.2, 0.2, 0.6). "ab": 0.6*0.2*0.2 vs 0.2*0.6*0.2, posterior 1/2;
    # "aab": 0.6*0.6*0.2*0.2 vs 0.2*0.2*0.6*0.2, posterior 3/4; "b": 1/4.
    def table(p):
        return lambda contexts: np.log(np.tile(p, (len(contexts), 1)))

    functions = [table([0.2, 0.6, 0.2]), table([0.2, 0.2, 0.6])]
    ids = np.array([[1, 2, 0], [1, 1, 2], [2, 0, 0]])
    ll = label_log_likelihood(ids, functions, context_length=2, n_symbols=3)
    expected = np.log([[0.024, 0.024], [0.0144, 0.0048], [0.04, 0.12]])
    np.testing.assert_allclose(ll, expected)
    np.testing.assert_allclose(label_posterior(ll)[:, 0], [0.5, 0.75, 0.25])
    passes = posterior_filter(functions, 0, 0.7, context_length=2, n_symbols=3)
    assert passes(ids).tolist() == [False, True, False]
    passes = posterior_filter(functions, 1, 0.7, context_length=2, n_symbols=3)
    assert passes(ids).tolist() == [False, False, True]
    assert label_log_likelihood(
        ids[:0], functions, context_length=2, n_symbols=3
    ).shape == (0, 2)


def test_windows_of_id_rows_are_the_transformers(sampler):
    names = ["bakoma", "ti", "limusa", "ro"]
    transformer = split_pipeline(sampler.estimator_)[0]
    windows = transformer.transform(names)
    contexts, targets, rows = name_windows(ids_of(sampler, names), 3)
    np.testing.assert_array_equal(contexts, windows.contexts)
    np.testing.assert_array_equal(targets, windows.targets)
    np.testing.assert_array_equal(rows, windows.name_index)


def test_posterior_is_bayes_rule_on_the_models_own_likelihoods(sampler):
    names = sampler.sample(200, label="A", random_state=0)
    names += sampler.sample(200, label="B", random_state=1)
    model = split_pipeline(sampler.estimator_)[1]
    functions = [next_log_proba_function(model, c) for c in ("A", "B")]
    ll = label_log_likelihood(
        ids_of(sampler, names), functions, context_length=3,
        n_symbols=len(sampler.vocabulary_),
    )  # fmt: skip
    oracle = by_label(sampler, names)
    np.testing.assert_allclose(ll, oracle, rtol=1e-10, atol=1e-10)
    bayes = np.exp(oracle - logsumexp(oracle, axis=1, keepdims=True))
    np.testing.assert_allclose(label_posterior(ll), bayes, atol=1e-12)


# ------------------------------------------------------------- the sampler
def test_every_name_kept_reaches_the_threshold_and_has_the_label_ending(corpus):
    # A model trained for 4 epochs gives label A a wrong ending about one
    # time in ten; its own posterior puts those names aside.
    weak = NameSampler(small_pipe(max_iter=4)).fit(*corpus)
    for index, (label, ending) in enumerate((("A", "a"), ("B", "o"))):
        plain = weak.sample(1000, label=label, random_state=0)
        kept = weak.sample(1000, label=label, random_state=0, min_label_proba=0.9)
        right = [np.mean([n.endswith(ending) for n in s]) for s in (plain, kept)]
        assert right[0] < 0.95 and right[1] > 0.97, (label, right)
        ll = by_label(weak, kept)
        posterior = np.exp(ll[:, index] - logsumexp(ll, axis=1))
        assert posterior.min() >= 0.9


def test_threshold_zero_or_none_gives_the_same_names(sampler):
    for label in ("A", "B"):
        plain = sampler.sample(300, label=label, random_state=5)
        for value in (None, 0, 0.0):
            same = sampler.sample(
                300, label=label, random_state=5, min_label_proba=value
            )
            assert same == plain


def exact_distribution(sampler, names, label, threshold):
    """P(name | label) over names of 1 to max_length letters, kept by the filter."""
    ll = by_label(sampler, names)
    index = ["A", "B"].index(label)
    posterior = np.exp(ll[:, index] - logsumexp(ll, axis=1))
    assert np.abs(posterior - threshold).min() > 1e-6  # no name on the edge
    weight = np.exp(ll[:, index]) * (posterior >= threshold)
    return weight / weight.sum()


# Two letters and at most three of them: 14 possible names, whose exact
# probabilities score_samples gives.
EVERY = ["".join(p) for k in (1, 2, 3) for p in itertools.product("ab", repeat=k)]


@pytest.fixture(scope="module")
def tiny():
    names_a = ["a", "ba", "aa", "bba", "aba", "ab", "bab"]
    names_b = ["b", "ab", "bb", "aab", "bab", "ba", "aba"]
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=2, alphabet="ab"),
        CharEmbeddingMLPClassifier(
            embedding_dim=3, hidden_layer_sizes=(8,), max_iter=40,
            learning_rate_init=0.05, random_state=0,
        ),
    )  # fmt: skip
    return NameSampler(pipe, min_length=1, max_length=3).fit(
        names_a + names_b, ["A"] * 7 + ["B"] * 7
    )


@pytest.mark.parametrize("label,threshold", [("A", 0.0), ("A", 0.6), ("B", 0.6)])
def test_kept_names_follow_the_model_conditioned_on_the_threshold(
    tiny, label, threshold
):
    # With min_length=1 the end marker is masked at the start only, which
    # rescales every name's probability alike.
    sampler, every = tiny, EVERY
    expected = exact_distribution(sampler, every, label, threshold)
    n = 20_000
    drawn = sampler.sample(n, label=label, min_label_proba=threshold, random_state=0)
    counts = np.array([drawn.count(name) for name in every])
    assert counts.sum() == n and not counts[expected == 0].any()
    possible = expected > 0
    assert possible.sum() >= 4  # the test compares a distribution, not one name
    result = chisquare(counts[possible], n * expected[possible])
    assert result.pvalue > 1e-3, (label, threshold, result)


@pytest.mark.parametrize("label", ["A", "B"])
def test_most_likely_names_that_reach_the_threshold_are_exact(tiny, label):
    # A beam as wide as every name: the search is exhaustive, so its result is
    # the best names by likelihood among those whose posterior reaches 0.6.
    weight = exact_distribution(tiny, EVERY, label, 0.6)
    order = np.argsort(-weight, kind="stable")
    expected = [EVERY[i] for i in order[:3]]
    got = tiny.most_likely(3, label=label, beam_width=64, min_label_proba=0.6)
    assert got == expected
    assert tiny.most_likely(3, label=label, min_label_proba=0) == tiny.most_likely(
        3, label=label
    )
    with pytest.raises(ValueError, match=r"Found only .*min_label_proba=0.6"):
        tiny.most_likely(14, label=label, beam_width=64, min_label_proba=0.6)


def test_works_with_every_other_control(sampler):
    tuned = (
        clone(sampler)
        .set_params(temperature=1.3, top_k=8, top_p=0.95, min_length=5, max_length=7)
        .fit(*ending_corpus())
    )
    names, scores = tuned.sample(
        30, label="B", prefix="b", pattern="b.*o", novel=True, unique=True,
        match_lengths=True, exclude=["bakoso"], min_label_proba=0.95,
        random_state=0, return_scores=True,
    )  # fmt: skip
    assert len(set(names)) == 30 and "bakoso" not in names
    assert all(n.startswith("b") and n.endswith("o") for n in names)
    assert all(5 <= len(n) <= 7 for n in names)
    assert not tuned.in_training_set(names).any()
    ll = by_label(tuned, names)
    assert (np.exp(ll[:, 1] - logsumexp(ll, axis=1)) >= 0.95).all()
    np.testing.assert_allclose(scores, ll[:, 1])


def test_errors_say_what_to_do(corpus, sampler):
    plain = NameSampler(small_pipe(max_iter=2)).fit(corpus[0])
    with pytest.raises(ValueError, match="needs label=.*fitted with labels"):
        plain.sample(5, min_label_proba=0.5)
    with pytest.raises(ValueError, match="label="):
        sampler.sample(5, min_label_proba=0.5)  # a labelled model needs a label
    with pytest.raises(ValueError, match="Unknown label 'C'"):
        sampler.sample(5, label="C", min_label_proba=0.5)
    for bad in (1.5, -0.1, "high"):
        with pytest.raises(InvalidParameterError, match="min_label_proba"):
            sampler.sample(5, label="A", min_label_proba=bad)


def test_an_impossible_threshold_fails_in_bounded_time(corpus):
    # Both labels trained on the same names: no name is surely of one label.
    names = corpus[0]
    same = NameSampler(small_pipe(max_iter=10)).fit(
        names + names, ["A"] * len(names) + ["B"] * len(names)
    )
    start = time.perf_counter()
    with pytest.raises(ValueError, match=r"0 of the 100.*min_label_proba"):
        same.sample(100, label="A", min_label_proba=1.0, max_rounds=5)
    assert time.perf_counter() - start < 20


def test_cli_sample_min_label_proba(tmp_path, capsys, corpus):
    from sknextchar.cli import main

    (tmp_path / "names.txt").write_text("\n".join(corpus[0]) + "\n")
    (tmp_path / "labels.txt").write_text("\n".join(corpus[1]) + "\n")
    model = tmp_path / "m.skops"
    names, labels = str(tmp_path / "names.txt"), str(tmp_path / "labels.txt")
    assert main(["train", names, "--labels", labels, *CLI_TINY, "-o", str(model)]) == 0
    capsys.readouterr()
    argv = ["sample", str(model), "--label", "A", "-n", "40", "--seed", "0"]
    assert main([*argv, "--min-label-proba", "0.9"]) == 0
    out = capsys.readouterr().out.split()
    assert len(out) == 40 and all(n.endswith("a") for n in out)
    assert main([*argv[:2], "--min-label-proba", "0.9", "--seed", "0"]) == 1
    assert "label" in capsys.readouterr().err
    assert main([*argv, "--min-label-proba", "1.5"]) == 2
    assert "--min-label-proba: must be a float in the range" in capsys.readouterr().err
    # An impossible threshold: the error names the flags, not the parameters.
    assert main([*argv, "--min-label-proba", "1.0", "--max-length", "3"]) == 1
    err = capsys.readouterr().err
    assert "--min-label-proba 1.0" in err and "min_label_proba" not in err
    assert "Traceback" not in err
    # --max-rounds bounds the rejection rounds, and the advice names the flag.
    start = time.perf_counter()
    impossible = [*argv, "--min-label-proba", "1.0", "--max-length", "3"]
    assert main([*impossible, "--max-rounds", "2"]) == 1
    assert time.perf_counter() - start < 10
    err = capsys.readouterr().err
    assert "(--max-rounds ...)" in err and "max_rounds" not in err
    assert main([*argv, "--max-rounds", "0"]) == 2
    assert "--max-rounds" in capsys.readouterr().err


def test_generation_takes_one_label_for_all_names(sampler):
    for call in (
        lambda: sampler.sample(2, label=["A", "B"], random_state=0),
        lambda: sampler.most_likely(2, label=np.array(["A", "B"])),
    ):
        with pytest.raises(ValueError, match="label must be a single label .* got"):
            call()
    # One label in a list: the label itself is what to pass.
    with pytest.raises(ValueError, match=r"takes the label itself.*label='A'"):
        sampler.next_char_proba([""], label=["A"])
