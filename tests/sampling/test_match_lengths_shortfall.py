"""A request that match_lengths leaves short of names says to sample without it.

With ``unique=True``, ``match_lengths=True`` thins the names to the training
names' lengths, and the distinct names of the short lengths run out first:
``sample(20000, unique=True, match_lengths=True)`` of a Kneser-Ney model of
the bundled names at temperature 0.5 failed (19,999 names), and 100,000 names
of a model of US first names failed after 87 s (98,037 names), while the same
requests without ``match_lengths`` took a second. The error listed every
setting to change but that one.
"""

import itertools

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._decoding import SamplingControls
from sknextchar._generation import sample_new_names
from sknextchar._length_match import LENGTH_PILOT, length_matcher
from sknextchar._set_request import SetRequest
from sknextchar._shortfall import shortfall_message
from sknextchar._training_record import AdvisedWords
from sknextchar.cli._errors import cli_spelling
from sknextchar.datasets import load_indian_names

LEVER = "sample without match_lengths=True"


def shortfall(stream, target, match=True):
    """The error of a request for 3 distinct names of a sampler that draws
    the names of ``stream`` over and over, thinned to the lengths of
    ``target`` (``match``) or not."""
    stream = itertools.cycle(stream)
    controls = SamplingControls(min_length=1, max_length=3)
    keep = length_matcher(target, controls, np.random.default_rng(0), unique=True)
    try:
        sample_new_names(
            lambda n: (keep if match else list)([next(stream) for _ in range(n)]),
            SetRequest(3, unique=True, exclude=set(), max_rounds=2, controls=controls,
                       pilot=LENGTH_PILOT if match else 0),
            matched=keep.tally if match else None,
        )  # fmt: skip
    except ValueError as error:
        return str(error)
    raise AssertionError("3 distinct names of 2")


def test_thinned_names_too_few_offer_sampling_without_match_lengths():
    # "a" would be a third name, but no training name has 1 letter.
    message = shortfall(["a", "ab", "ba"], [0, 0, 1])
    assert message.startswith("Could only generate 2 of the 3 requested distinct")
    assert LEVER in message
    assert "sample without --match-lengths" in cli_spelling(message)


def test_one_name_thinned_in_every_round_is_one_name():
    # "a" is thinned out in every round, thousands of draws, but it is one
    # name: without match_lengths, 2 of the 3 names, still short.
    message = shortfall(["a", "ab"], [0, 0, 1])
    assert message.startswith("Could only generate 1 of the 3 requested distinct")
    assert LEVER not in message


def test_names_not_thinned_do_not_offer_it():
    assert LEVER not in shortfall(["ab", "ba"], [0, 0, 1], match=False)


def test_names_the_thinning_kept_do_not_offer_it():
    # Both names have the training names' 2 letters: none was thinned out,
    # so sampling without match_lengths gives no third name either.
    message = shortfall(["ab", "ba"], [0, 0, 1])
    assert message.startswith("Could only generate 2 of the 3 requested distinct")
    assert LEVER not in message


def test_names_drawn_over_and_over_do_not_offer_it():
    # Every draw was one training name: the thinning is not what left none.
    words = AdvisedWords(
        "not among the 10 training names", plain="", repeated=30_000,
        names=("sant",),
    )  # fmt: skip
    message = shortfall_message(
        0, 5, 30_000, False, set(), SamplingControls(temperature=0.01), [words],
        novel=True, limit=20_000, matched=True,
    )  # fmt: skip
    assert "the length of 'sant'" in message  # the advice of repeated draws
    assert LEVER not in message


@pytest.fixture(scope="module")
def cold():
    model = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(model, temperature=0.01).fit(load_indian_names())


@pytest.mark.parametrize("match_lengths", [True, False])
def test_one_name_drawn_over_and_over_with_unique_says_so(cold, match_lengths):
    # At temperature 0.01 every draw is one name: 1 of 5 distinct names, and
    # only what draws other names helps (the matcher drops the repeats of the
    # names it kept, and must tell them to sample).
    sampler = cold
    with pytest.raises(ValueError) as caught:
        sampler.sample(5, unique=True, match_lengths=match_lengths, random_state=0)
    message = str(caught.value)
    (name,) = sampler.sample(1, random_state=0)
    assert message.startswith("Could only generate 1 of the 5 requested distinct")
    assert f"names drawn were {name!r} again" in message
    assert "draws over and over" in message
    for lever in ("raise the temperature", "ask for fewer", "leave out unique=true"):
        assert lever in message.lower()
    for useless in ("length bounds", "max_rounds", "match_lengths"):
        assert useless not in message
