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
from scipy.stats import chisquare, fisher_exact
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    PerLabelClassifier,
)
from sknextchar._decoding import SamplingControls
from sknextchar._length_match import LENGTH_PILOT, length_matcher
from sknextchar._prefix_lengths import LengthsOf, blend_lengths
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
        keep.tally.warn_unreturned(1, controls)  # however few names asked for
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
        keep.tally.warn_unreturned(1, controls)
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


def nucleus_sampler(n_short, n_long):
    """A sampler whose nucleus (top_p=0.9) never ends a name after "ab": the
    ``n_short`` names "ab" are never drawn, the ``2 * n_long`` longer ones are."""
    names = ["ab"] * n_short + ["abcde"] * n_long + ["abcdf"] * n_long
    model = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier(order=3))
    return NameSampler(model, top_p=0.9).fit(names)


@pytest.fixture(scope="module")
def nucleus():
    return nucleus_sampler(40, 980)  # 2% of 2,000 names have 2 letters


def test_a_small_share_lacking_is_told_when_the_request_would_show_it(nucleus):
    # 2% of 3,000 names: 60 names of 2 letters missing, below the 5% share
    # that alone warned before (no warning at all then); counted as of
    # 3,000 * 2,000 / 5,000 = 1,200 names, 24.
    with pytest.warns(UserWarning, match="match_lengths=True cannot give") as caught:
        drawn = nucleus.sample(3000, match_lengths=True, random_state=0)
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "had 2 letters, the lengths of 2% of all training names" in message
    assert "(about 60 of the 3,000 names asked for would have them)" in message
    assert "raise top_p (or leave top_p out)" in message
    # Of the names drawn in every round, not of the first ones alone.
    assert "none of the first" not in message
    # The oracle: the lengths returned are unlike the training names'.
    counts = np.bincount([len(name) for name in drawn], minlength=6)
    observed = [counts[2], counts[5]]
    assert len(drawn) == sum(observed)
    assert chisquare(observed, [0.02 * 3000, 0.98 * 3000]).pvalue < 1e-6


def test_a_small_share_lacking_of_a_small_request_stays_quiet(nucleus):
    # 2% of 100 names: 2 names, no test would see them missing.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(nucleus.sample(100, match_lengths=True, random_state=0)) == 100


def test_a_length_of_few_training_names_lacking_from_many_stays_quiet():
    # 1 name of 2 letters in 100: 30 of 3,000 names would have 2 letters,
    # but the training names tell that share too roughly for their absence
    # to show (counted as of 3,000 * 100 / 3,100 names, 1).
    small = nucleus_sampler(1, 49)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        drawn = small.sample(3000, match_lengths=True, random_state=0)
    n_short = sum(len(name) == 2 for name in drawn)
    assert n_short == 0  # never drawn, as above
    # The oracle: no test at the 1% level tells these lengths from the
    # training names'.
    table = [[n_short, len(drawn) - n_short], [1, 99]]
    assert fisher_exact(table).pvalue > 0.01


@pytest.fixture(scope="module")
def rare():
    """A sampler at temperature 0.5 that draws names of 2 letters (2.5% of
    its 10,000 training names) about once in 800 names and too many names of
    6 letters, so the thinning leaves out some of the first names and draws
    again: the first 1,000 names often lack 2 letters, later ones have them."""
    names = ["ab"] * 250 + ["abcde"] * 3000 + ["abxyzw"] * 6750
    model = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    return NameSampler(model, temperature=0.5).fit(names)


def test_a_length_drawn_in_a_later_round_is_not_told_lacking(rare):
    # 25 of 1,000 names would have 2 letters (22.7 counted as of 909
    # names). At seeds 1 and 3 the first 1,000 names drawn had none, and the
    # names returned 15 and 13: the warning is true of the names returned.
    told = []
    for seed in (0, 1, 2, 3, 10):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            drawn = rare.sample(1000, match_lengths=True, random_state=seed)
        lacking = not any(len(name) == 2 for name in drawn)
        assert len(caught) == lacking, (seed, [str(w.message) for w in caught])
        told.append(lacking)
    assert 0 < sum(told) < len(told)  # both cases are met


def test_a_common_length_drawn_in_a_later_round_is_not_told_lacking():
    # 6% of the training names have 2 letters, which the sampler draws about
    # once in 670 names at temperature 0.35: at seeds 1 and 3 the first 1,000
    # names had none, and a warning said so and that the names returned
    # lacked them (6% is over the 5% told of the first names) while they
    # held 45 and 46 (60 asked for). Told at the end, of every round: none.
    names = ["ab"] * 600 + ["abcde"] * 3000 + ["abxyzw"] * 6400
    model = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    cool = NameSampler(model, temperature=0.35).fit(names)
    for seed in (1, 3):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            drawn = cool.sample(1000, match_lengths=True, random_state=seed)
        n_short = sum(len(name) == 2 for name in drawn)
        # 45 and 46 at these seeds; a change in how the sampler draws from
        # its random state may need new seeds whose first 1,000 names lack
        # 2 letters (as HEAD's warning before the move showed for these).
        assert 40 <= n_short <= 50, (seed, n_short)
        # The oracle: the lengths returned are no way off the training names'.
        assert chisquare([n_short, 1000 - n_short], [60, 940]).pvalue > 0.03


def test_lengths_lacking_from_every_round_are_told_however_few_names_asked():
    # The first 1,000 names (the first batch, whatever the request) lack 2
    # letters, 6% of the training names, and so do all later: 2 names asked
    # for are told, as the first 1,000 names were before.
    names = ["ab"] * 600 + ["abcde"] * 3000 + ["abxyzw"] * 6400
    model = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    cold = NameSampler(model, temperature=0.2).fit(names)
    with pytest.warns(UserWarning, match="match_lengths=True cannot give") as caught:
        drawn = cold.sample(2, match_lengths=True, random_state=1)
    assert len(caught) == 1 and not any(len(name) == 2 for name in drawn)
    assert "had 2 letters, the lengths of 6% of all training names" in (
        str(caught[0].message)
    )
    assert "asked for" not in str(caught[0].message)  # "about 0" is no news


def test_a_label_without_a_prefix_names_the_label_s_names():
    # Names of 7 letters are 25% of label y's names but 10% of all training
    # names (1,000 of 10,300): the share told is the label's, and so must be
    # the names it is told of. Without a prefix the words said "all training
    # names" (a prefix gave "the training names of label 'y'").
    x_names = ["ab"] * 300 + ["abcde"] * 3000 + ["abxyzw"] * 3000
    names = x_names + ["qrs"] * 3000 + ["qrstuvw"] * 1000
    labels = ["x"] * len(x_names) + ["y"] * 4000
    model = make_pipeline(
        ContextWindowTransformer(), PerLabelClassifier(KneserNeyClassifier())
    )
    cold = NameSampler(model, temperature=0.01).fit(names, labels)
    for prefix in ("", "q"):
        with pytest.warns(UserWarning, match="cannot give") as caught:
            cold.sample(20, match_lengths=True, label="y", prefix=prefix)
        message = str(caught[0].message)
        assert len(caught) == 1
        assert "the lengths of the training names of label 'y': " in message
        assert "the lengths of 25% of the training names of label 'y' (" in message
        assert "all training names" not in message


def test_no_warning_comes_before_the_error_of_names_falling_short(rare):
    # One round: the thinning leaves too few names, and the error says so;
    # at seed 1 the first 1,000 names lack 2 letters, but no warning comes.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="Could only generate"):
            rare.sample(1000, match_lengths=True, random_state=1, max_rounds=1)


def test_the_names_asked_for_and_the_target_set_how_small_a_share_warns():
    def warnings_of(target, lengths, n_samples):
        """The warnings of sample asking for n_samples names, when the names
        drawn have ``lengths`` (1,000 of each)."""
        controls = SamplingControls(min_length=1, max_length=len(target) - 1)
        keep = length_matcher(target, controls, np.random.default_rng(0))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            keep(["x" * k for k in lengths for _ in range(LENGTH_PILOT)])
            keep.tally.warn_unreturned(n_samples, controls)
        return [str(w.message) for w in caught]

    # 0.4% of 100,000 names have 1 letter: 20 and 24 names of 5,000 and
    # 6,000, counted as of 4,762 and 5,660 names, 19.05 and 22.6.
    large = [0, 400, 99_600]
    assert warnings_of(large, [2], 5000) == []
    (message,) = warnings_of(large, [2], 6000)
    assert "none of the 1,000 names drawn that pass the other tests had 1 letter" in (
        message
    )
    # A share below 1% is written with its digit, not as "0%".
    assert "the lengths of 0.4% of all training names" in message
    assert "(about 24 of the 6,000 names asked for would have them)" in message
    # The same share of 1,000 names: 24 names, counted as of 857 names, 3.4.
    assert warnings_of([0, 4, 996], [2], 6000) == []
    # A prefix's 31 names blended with all names' lengths as 40 names: the
    # blend alone gives the 2 letters that no name of the prefix has (1.8%):
    # 880 of 50,000 names, counted as of 71 names, 1.25.
    blended = blend_lengths(
        np.array([0, 0, 0, 0, 4, 12, 12, 3]),
        np.array([0, 0, 1000, 2000, 5000, 9000, 8000, 5000, 2000]),
        40.0,
        start=2,
    )
    assert 0.01 < blended[2] / blended.sum() < 0.05
    assert warnings_of(blended, range(3, 9), 50_000) == []
    # Had the target 71,000 names of those shares, it would warn.
    (message,) = warnings_of(blended * 1000, range(3, 9), 50_000)
    assert "had 2 letters" in message
