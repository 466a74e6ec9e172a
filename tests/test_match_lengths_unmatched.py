"""match_lengths says so when the names drawn lack the training names' lengths.

``sample(match_lengths=True)`` thins names by length; a length the sampler
never draws cannot be matched. At temperature 0.01 every name was the greedy
name, of 4 letters, and the names returned kept that length alone without a
word although 9 names in 10 of the training names are longer. Kneser-Ney
pipelines on the bundled names fit in a fraction of a second.
"""

import warnings

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._decoding import SamplingControls
from sknextchar._length_match import LENGTH_PILOT, length_matcher
from sknextchar._prefix_lengths import LengthsOf
from sknextchar.cli._errors import cli_spelling
from sknextchar.datasets import load_indian_names


@pytest.fixture(scope="module")
def fitted():
    model = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(model).fit(load_indian_names())


@pytest.fixture
def sampler(fitted):
    """The fitted sampler, its controls set back after each test."""
    params = fitted.get_params(deep=False)
    yield fitted
    fitted.set_params(**params)


def test_a_cold_sampler_warns_which_lengths_it_lacks(sampler):
    names = load_indian_names()
    cold = sampler.set_params(temperature=0.01)
    with pytest.warns(UserWarning, match="match_lengths=True cannot give") as caught:
        drawn = cold.sample(50, match_lengths=True, random_state=0)
    assert len(caught) == 1  # one warning per call
    drawn_lengths = set(map(len, drawn))
    assert len(drawn_lengths) == 1  # the greedy name's length alone
    (length,) = drawn_lengths
    # The share of the training names of other lengths, counted here.
    share = np.mean([len(name) != length for name in names])
    message = str(caught[0].message)
    assert f"{share:.0%} of all training names" in message
    others = sorted(set(map(len, names)) - {length})
    assert f"{others[0]} to {others[-1]} letters" in message
    assert "too, raise the temperature (e.g. temperature=1.0)." in message
    # Sampling without match_lengths draws the same lengths: no advice.
    assert "without" not in message
    assert caught[0].filename == __file__  # points at the call
    # On the command line, every setting is a flag.
    spelled = cli_spelling(message)
    assert "--match-lengths" in spelled and "--temperature 0.01" in spelled
    assert "=" not in spelled


# Enough names that the check runs (it waits for LENGTH_PILOT names that pass
# the other tests); the prefixes are rare ("abhishe", whose target falls back
# to all names' lengths) and common ("raj"); a pattern of 5 letters matches
# names of that length on purpose, as min_length does.
@pytest.mark.parametrize(
    "controls, request_",
    [
        ({}, {}),
        ({"temperature": 0.5}, {}),
        ({"top_k": 3}, {}),
        ({"min_length": 7}, {}),
        ({}, {"prefix": "abhishe"}),
        ({}, {"prefix": "raj"}),
        ({}, {"pattern": ".{5}"}),
    ],
)
def test_names_of_every_length_give_no_warning(sampler, controls, request_):
    sampler.set_params(**controls)
    n = 2 * LENGTH_PILOT
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        drawn = sampler.sample(n, match_lengths=True, random_state=0, **request_)
    assert len(drawn) == n
    if "pattern" in request_:
        assert set(map(len, drawn)) == {5}


def test_the_share_is_of_the_target_named():
    # Target: 1 name of 1 letter, 1 of 2, 2 of 3; min_length=2 leaves 2 and 3,
    # and the names offered have 2 letters: those of 3 are 2 of the 3 left.
    controls = SamplingControls(min_length=2, max_length=3)
    keep = length_matcher(
        [0, 1, 1, 2], controls, np.random.default_rng(0),
        whose=LengthsOf("training names of label 'x'", every=False),
    )  # fmt: skip
    with pytest.warns(UserWarning) as caught:
        keep(["ab"] * LENGTH_PILOT)
    message = str(caught[0].message)
    assert len(caught) == 1
    assert (
        "had 3 letters, the lengths of 67% of the training names of label 'x' "
        "with 2 letters or more (" in message
    )
    # At temperature 1, without top_k nor top_p, no setting draws them.
    assert "The model draws names of those lengths too rarely to match them." in (
        message
    )
    assert "To draw" not in message and "without" not in message


def test_a_share_of_the_lengths_a_prefix_allows_names_them():
    # The prefix allows 3 or 4 letters: the names offered lack 4, 2 names in
    # 3 of those (but 2 in 8 of all the training names).
    controls = SamplingControls(min_length=1, max_length=4, temperature=0.5, top_k=3)
    keep = length_matcher(
        [0, 4, 1, 1, 2], controls, np.random.default_rng(0), fits=(3, 4),
        whose=LengthsOf(why="fewer than 20 start with the prefix"),
    )  # fmt: skip
    with pytest.warns(UserWarning) as caught:
        keep(["abc"] * LENGTH_PILOT)
    message = str(caught[0].message)
    assert "the lengths of 67% of the training names with 3 letters or more (" in (
        message
    )
    assert message.count("fewer than 20") == 1  # said once, not ") ("
    # Two ways: "a or b", no comma.
    assert "(e.g. temperature=1.0) or raise top_k (or leave top_k out)." in message


def test_a_blended_target_cut_by_the_bounds_says_which_lengths_it_blends(sampler):
    # "ra" is common: its names' lengths, blended with all names'; max_length
    # leaves out the longer ones; at temperature 0.01 the names lack some.
    cold = sampler.set_params(temperature=0.01, max_length=7)
    with pytest.warns(UserWarning, match="match_lengths=True cannot give") as caught:
        cold.sample(5, prefix="ra", match_lengths=True, random_state=0)
    message = str(caught[0].message)
    blend = ", blended with all training names' lengths"
    who = "the training names that start with the prefix"
    assert f"the lengths of {who}{blend}: none" in message
    # The lengths within the bounds are of the prefix's names, then blended.
    assert f"of {who} with at most 7 letters{blend} (" in message
    assert message.count(blend) == 2


def test_lengths_no_name_can_have_are_no_target():
    # A prefix or a pattern allows names of 2 letters alone (fits).
    controls = SamplingControls(min_length=1, max_length=3)
    keep = length_matcher([0, 1, 1, 2], controls, np.random.default_rng(0), fits=(2, 2))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(keep(["ab"] * LENGTH_PILOT)) == LENGTH_PILOT
