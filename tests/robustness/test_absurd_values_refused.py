"""Absurd inputs of the Python API, refused up front with a clear message.

A billion-letter ``min_length``, bools where numbers are meant, a pattern no
name matches with a practically endless ``max_rounds``, a label whose every
name weighs 0, a hundred thousand temperatures of which one is negative.
"""

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    KneserNeyClassifier,
    MixtureClassifier,
    NameSampler,
    _generation,
)
from sknextchar._decoding import SamplingControls
from sknextchar._generation import check_sample_memory, sample_new_names
from sknextchar._set_request import SetRequest
from sknextchar._temperature_checks import check_temperatures

NAMES = ["abid", "aditi", "amit", "asha", "ravi", "uma"]


def _kneser_ney_pipe(**params):
    return make_pipeline(ContextWindowTransformer(), KneserNeyClassifier(**params))


@pytest.mark.parametrize("min_length", [1001, 10**9])
def test_huge_min_length_is_refused_at_fit_with_its_name(min_length):
    sampler = NameSampler(_kneser_ney_pipe(), min_length=min_length)
    with pytest.raises(ValueError, match=r"'min_length' parameter .* \[1, 1000\]"):
        sampler.fit(NAMES)
    assert not hasattr(sampler, "estimator_")


@pytest.mark.slow
def test_huge_min_length_set_after_fit_is_refused_before_drawing():
    sampler = NameSampler(_kneser_ney_pipe()).fit(NAMES)
    sampler.set_params(min_length=10**9)
    with pytest.raises(ValueError, match="'min_length' parameter"):
        sampler.sample(2, random_state=0)
    sampler.set_params(min_length=1000, max_length=1000)  # the limit itself works
    assert all(len(name) == 1000 for name in sampler.sample(1, random_state=0))


def test_memory_check_counts_the_letters_of_min_length():
    # 10**9 names of 1000 letters need terabytes; their contexts alone do not.
    check_sample_memory(10**9 // 200, 3, n_symbols=27)
    with pytest.raises(ValueError, match=r"n_samples=5000000, min_length=1000 "):
        check_sample_memory(10**9 // 200, 3, min_length=1000, n_symbols=27)


def test_memory_check_counts_the_probabilities_of_a_large_alphabet(monkeypatch):
    # Each step holds the probabilities of every symbol for each name drawn:
    # 10,000 names of a 301-symbol model need ~120 MB, which the check put at
    # 2 MB (200 bytes a name), so a model of Chinese characters ran out of
    # memory where one of 26 letters fits.
    monkeypatch.setattr("sknextchar._sizes.machine_memory", lambda: 20 * 10**6)
    letters = [chr(0x4E00 + i) for i in range(300)]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    sampler = NameSampler(pipe).fit([a + b for a, b in zip(letters, letters[1:])])
    assert len(sampler.vocabulary_) == 301
    with pytest.raises(
        ValueError,
        match=r"n_samples=10000 makes the names being generated \(with the "
        r"probabilities of 301 symbols for each\) need 1\.\d+e\+08 bytes.*"
        r"lower n_samples",
    ):
        sampler.sample(10_000, random_state=0)
    check_sample_memory(10_000, 3, n_symbols=27)  # 26 letters: 19 MB, fits


@pytest.mark.parametrize(
    "fallback", [[True, True, True], ["0.5", "1", "1.5"], [[0.5], [1, 2], 1.5]]
)
def test_discount_fallback_of_bools_or_text_is_refused(fallback):
    pipe = _kneser_ney_pipe(discount_fallback=fallback)
    with pytest.raises(ValueError, match="discount_fallback must be 3 numbers"):
        pipe.fit(NAMES)


@pytest.mark.parametrize("weights", [[True, False], [True, 0.5], ["1", "0"]])
def test_mixture_weights_of_bools_or_text_are_refused(weights):
    members = [("kn", KneserNeyClassifier()), ("bigram", KneserNeyClassifier(2))]
    pipe = make_pipeline(
        ContextWindowTransformer(), MixtureClassifier(members, weights=weights)
    )
    with pytest.raises(ValueError, match="weights must be 'fit' or 2 non-negative"):
        pipe.fit(NAMES)


def test_add_k_minus_zero_is_zero():
    pipes = [_kneser_ney_pipe(add_k=k, order=2).fit(NAMES) for k in (0.0, -0.0)]
    windows = pipes[0][0].transform(["abid", "zq"])
    zero, minus_zero = (pipe[-1].predict_proba(windows) for pipe in pipes)
    np.testing.assert_array_equal(minus_zero, zero)
    assert not np.signbit(minus_zero).any()  # no -0.0 among the probabilities


def test_impossible_constraints_stop_long_before_max_rounds():
    calls = []

    def nothing_passes(n):
        calls.append(n)
        if len(calls) > 5_000:  # without the stop: 10**18 rounds
            raise RuntimeError("drawing went on and on")
        return []

    with pytest.raises(ValueError, match="more rounds would not help"):
        sample_new_names(
            nothing_passes,
            SetRequest(5, unique=False, exclude=frozenset(), max_rounds=10**18,
                       controls=SamplingControls()),
            constraints=["matching pattern '[0-9]+'"],
        )  # fmt: skip
    assert sum(calls) >= 1_000_000  # a million names drawn first, none passing


def test_sample_with_a_pattern_no_name_matches_ends_with_a_clear_message(
    monkeypatch,
):
    # The stop after NONE_ACCEPTED_LIMIT names drawn in vain is what is tested,
    # not its size: a limit of 20,000 draws the names in a fiftieth of the time.
    monkeypatch.setattr(_generation, "NONE_ACCEPTED_LIMIT", 20_000)
    sampler = NameSampler(_kneser_ney_pipe()).fit(NAMES)
    stopped = r"matching pattern='\[\^a-z\]\+'.*stopped after 20,\d{3} names without"
    with pytest.raises(ValueError, match=stopped):
        # A negated class: only drawing tells it admits no name ([0-9]+ is
        # refused before drawing: every match needs a digit the model never writes).
        sampler.sample(5, pattern="[^a-z]+", max_rounds=10**18, random_state=0)
    # A rare but possible pattern still gets its names within the default rounds.
    assert sampler.sample(2, pattern="u.*", random_state=0)[0].startswith("u")


@pytest.mark.parametrize("discriminative_epochs", [0, 2])
def test_mlp_label_whose_every_name_weighs_zero_is_refused(discriminative_epochs):
    windows = ContextWindowTransformer().fit_transform(NAMES)
    labels = np.array(["f", "f", "m", "m", "f", "m"])
    clf = CharEmbeddingMLPClassifier(
        max_iter=2, discriminative_epochs=discriminative_epochs, random_state=0
    )
    with pytest.raises(ValueError, match="0 for every name of the label 'f', so"):
        clf.fit(windows, labels, sample_weight=np.where(labels == "f", 0.0, 1.0))
    assert not hasattr(clf, "label_classes_")  # a failed fit leaves no trace
    # One name of weight > 0 is enough.
    clf.fit(windows, labels, sample_weight=[0, 0, 1, 1, 0.5, 1])
    assert clf.label_classes_.tolist() == ["f", "m"]


def test_many_temperatures_with_one_bad_are_refused_in_a_short_message():
    # Listed whole, 100,001 values would be a message of half a megabyte.
    temperatures = [0.5] * 10**5 + [-1.0]
    with pytest.raises(ValueError) as info:
        check_temperatures(temperatures)
    message = str(info.value)
    assert len(message) < 300
    assert "(100,001 values)" in message
    assert "temperatures[100000]=-1.0" in message


def test_most_likely_of_more_names_than_exist_is_refused_at_once(monkeypatch):
    # most_likely(10**9) weighed all 12 million names of the bounds (~70 s)
    # before "Found only ...": the count of names is known up front.
    names = ["ab", "ba", "a", "bb"]
    pipe = make_pipeline(
        ContextWindowTransformer(alphabet="auto"), KneserNeyClassifier()
    )
    sampler = NameSampler(pipe, min_length=1, max_length=2).fit(names)
    assert sampler.vocabulary_ == ("-", "a", "b")
    # Exact on this model: its 2 letters make 2 + 4 names, all of nonzero
    # probability, and most_likely finds them all.
    every = sampler.most_likely(6, keep_spelling=False)
    assert sorted(every) == ["a", "aa", "ab", "b", "ba", "bb"]
    searched = []
    monkeypatch.setattr(
        "sknextchar._sampler.beam_search", lambda *a, **k: searched.append(1)
    )
    with pytest.raises(ValueError, match="n_names=7 asks for more names") as error:
        sampler.most_likely(7, keep_spelling=False)
    assert "at most 6 names of 1 to 2 letters" in str(error.value)
    assert "model's 2 letters" in str(error.value)
    with pytest.raises(ValueError, match="at most 3 names of 1 to 2") as error:
        sampler.most_likely(4, prefix="a", keep_spelling=False)  # a, aa, ab
    assert "letters after a prefix of 1 letter." in str(error.value)
    with pytest.raises(ValueError, match="n_names=1000000000 asks for more"):
        sampler.most_likely(10**9)
    assert not searched  # refused before any search
