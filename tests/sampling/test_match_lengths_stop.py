"""A request that match_lengths thins stops as soon as it cannot be met.

``sample(20000, unique=True, match_lengths=True)`` of the default model of
the bundled names at temperature 0.2 drew all 20 rounds, 6.1 million names
in 30 s, before failing with 3,904 names, though the distinct names the
model offered grew by about 100 a round from the fourth round on: drawing
stops early without ``match_lengths``, but not with it, as the thinning's
rate moves. The names offered to the thinning bound what it can accept.

At temperature 0.05 the model draws six names over and over; ``unique=True``
then said to loosen the length bounds and allow more rounds (seven names
with the widest bounds, nine after 200 rounds), as only three names or
fewer were told as drawn over and over. With match_lengths the repeats the
thinning left out itself went uncounted, and the same advice stayed; and
the names drawn over and over were told when the length bounds, not the
model, limited them (max_length=4 at temperature 0.15; max_length=6 helps).
"""

import itertools
from types import SimpleNamespace

import numpy as np
import pytest

from sknextchar._decoding import SamplingControls
from sknextchar._generation import MAX_BATCH_FACTOR, sample_new_names
from sknextchar._length_match import LENGTH_PILOT, length_matcher
from sknextchar._set_request import SetRequest
from sknextchar.cli._errors import cli_spelling

CONTROLS = SamplingControls(min_length=1, max_length=4)


def thinned_request(draw, n_samples, *, unique=True, max_rounds=20):
    """The names, or the error, of ``n_samples`` names of ``draw(n)`` thinned
    to a target of 2 to 4 letters, and the names drawn."""
    keep = length_matcher(
        [0, 0, 1, 1, 1], CONTROLS, np.random.default_rng(0), unique=unique
    )
    drawn = []

    def sample(n):
        drawn.append(n)
        return keep(draw(n))

    try:
        result = sample_new_names(
            sample,
            SetRequest(n_samples, unique=unique, exclude=set(), max_rounds=max_rounds,
                       controls=CONTROLS, pilot=LENGTH_PILOT),
            matched=keep.tally,
        )  # fmt: skip
    except ValueError as error:
        result = str(error)
    return result, sum(drawn)


def test_few_distinct_names_stop_early_with_unique():
    # 5 names of 2 to 4 letters, drawn over and over: 50 distinct ones
    # cannot come, and the rounds that offer no new name show it.
    names = itertools.cycle(["ab", "abc", "abcd", "ba", "bca"])
    message, drawn = thinned_request(lambda n: list(itertools.islice(names, n)), 50)
    assert message.startswith("Could only generate 5 of the 50 requested distinct")
    all_rounds = LENGTH_PILOT + 19 * (MAX_BATCH_FACTOR * 50 + 1024)
    assert drawn < all_rounds / 2  # 11,944 of 35,656


def test_new_names_ever_rarer_stop_early_and_size_no_rounds():
    # Every round offers 10 names not drawn before, however many it draws:
    # the rounds left cannot give the 1,000, and the rate of the names
    # accepted, which falls, sizes no rounds.
    tally = SimpleNamespace(  # what the thinning did
        kept_names=set(), thinned=0, candidates=0, kept=0, repeats=0
    )
    number = itertools.count()

    def sample(n):
        new = [f"n{next(number)}" for _ in range(10)]
        tally.kept_names.update(new)
        return new

    with pytest.raises(ValueError) as caught:
        sample_new_names(
            sample,
            SetRequest(1_000, unique=True, exclude=set(), max_rounds=20,
                       controls=SamplingControls(), pilot=LENGTH_PILOT),
            matched=tally,
        )  # fmt: skip
    message = str(caught.value)
    assert "Drawing stopped early" in message
    assert "names not drawn before come ever more rarely" in message
    assert "rounds more are needed" not in message
    n_accepted = int(message.split()[3])
    assert n_accepted < 100  # of 190 in 19 rounds


def test_rare_names_stop_early_without_unique():
    # One draw in 2,000 passes the other tests (a narrow pattern, say).
    rng = np.random.default_rng(1)

    def draw(n):
        return ["abc"] * int(rng.binomial(n, 1 / 2000))

    message, drawn = thinned_request(draw, 500, unique=False)
    assert message.startswith("Could only generate")
    assert "Drawing stopped early" in message
    assert drawn < (MAX_BATCH_FACTOR * 500 + 1024) * 5


@pytest.mark.filterwarnings("ignore:match_lengths=True cannot give")  # 3 letters
def test_a_request_that_can_be_met_is_not_stopped():
    # 3,000 names of 3 letters, drawn at random: 2,500 distinct ones take
    # several rounds of ever fewer new names, and each round adds some.
    pool = [a + b + c for a in "abcdefghijklmnop" for b in "abcdefghijklmnop"
            for c in "abcdefghijkl"][:3000]  # fmt: skip
    rng = np.random.default_rng(2)
    names, _ = thinned_request(lambda n: list(rng.choice(pool, n)), 2500)
    assert isinstance(names, list) and len(set(names)) == 2500


def redrawn(n_names, n_samples):
    """The error of ``n_samples`` distinct names of a sampler that draws
    ``n_names`` names over and over."""
    stream = itertools.cycle([f"na{c}" for c in "abcdefghij"[:n_names]])
    with pytest.raises(ValueError) as caught:
        sample_new_names(
            lambda n: list(itertools.islice(stream, n)),
            SetRequest(n_samples, unique=True, exclude=set(), max_rounds=20,
                       controls=SamplingControls(temperature=0.05)),
        )  # fmt: skip
    return str(caught.value)


@pytest.mark.parametrize("n_names", [2, 6])
def test_names_drawn_over_and_over_advise_what_draws_others(n_names):
    message = redrawn(n_names, 200)
    assert message.startswith(f"Could only generate {n_names} of the 200")
    assert "draws over and over" in message
    for lever in ("Raise the temperature", "ask for fewer", "leave out unique=True"):
        assert lever in message
    # The same names would come again: neither looser bounds nor more rounds.
    for useless in ("length bounds", "max_rounds", "rarely produces"):
        assert useless not in message
    assert "leave out --unique" in cli_spelling(message)


def test_many_names_drawn_over_and_over_are_counted_not_listed():
    message = redrawn(6, 200)
    assert "were one of the 6 names again" in message
    assert "'naa'" not in message


def test_names_the_bounds_leave_out_keep_the_advice_to_loosen_them():
    # Ten names drawn over and over, but one draw in four is left out by the
    # other tests (max_length, say): those, not the model, may limit the
    # names (max_length=4 at temperature=0.15 gave 49 of 140 names, 6 up to 140).
    stream = itertools.cycle([f"na{c}" for c in "abcdefghij"])

    def sample(n):
        return [x for i, x in enumerate(itertools.islice(stream, n)) if i % 4]

    with pytest.raises(ValueError) as caught:
        sample_new_names(
            sample,
            SetRequest(200, unique=True, exclude=set(), max_rounds=20,
                       controls=SamplingControls(temperature=0.15, max_length=4)),
        )  # fmt: skip
    message = str(caught.value)
    assert message.startswith("Could only generate 10 of the 200")
    assert "loosen the length bounds" in message
    assert "draws over and over" not in message


def test_repeats_the_thinning_left_out_count_as_names_drawn_over_and_over():
    # Six draws in ten are 'abcd', whose 4 letters the target lacks: the
    # thinning leaves it out, and its repeats, which sample never sees.
    names = itertools.cycle(["ab", "abcd", "abcd", "abcd", "ba", "abcd", "abcd",
                             "abc", "abcd", "bca"])  # fmt: skip
    keep = length_matcher([0, 0, 1, 1], CONTROLS, np.random.default_rng(0), unique=True)
    with pytest.raises(ValueError) as caught:
        sample_new_names(
            lambda n: keep(list(itertools.islice(names, n))),
            SetRequest(50, unique=True, exclude=set(), max_rounds=20, controls=CONTROLS,
                       pilot=LENGTH_PILOT),
            matched=keep.tally,
        )  # fmt: skip
    message = str(caught.value)
    assert message.startswith("Could only generate 4 of the 50")
    assert "were one of the 4 names again, already returned, or names" in message
    assert "match_lengths=True left out, which the model draws over and over" in message
    # Without unique the thinning still leaves out most draws: leave out both.
    assert "leave out unique=True and match_lengths=True" in message
    for useless in ("length bounds", "max_rounds", "rarely produces"):
        assert useless not in message
    assert "leave out --unique and --match-lengths" in cli_spelling(message)
