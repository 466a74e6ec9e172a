"""unique=True at a low temperature: the levers offered are those that help.

The model draws the same few thousand names over and over; the length bounds
left out 0.05% of 1.6 million names drawn, yet the error offered "loosen the
length bounds". It now offers them only when they left out more than
FEW_LEFT_OUT of the names drawn, and offers to raise the temperature otherwise.
"""

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
from sknextchar._shortfall import FEW_LEFT_OUT, few_left_out
from sknextchar.datasets import load_indian_names


@pytest.fixture(scope="module")
def sampler():
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=3), KneserNeyClassifier()
    )
    return NameSampler(pipe).fit(load_indian_names())


def test_bounds_that_left_out_almost_nothing_are_not_offered(sampler):
    cold = NameSampler(sampler.estimator, temperature=0.1).fit(load_indian_names())
    with pytest.raises(ValueError) as caught:
        cold.sample(2000, unique=True, random_state=0)
    message = str(caught.value)
    assert message.startswith("Could only generate ")
    assert "length bounds" not in message and "pattern" not in message
    assert "raise the temperature (temperature=...)" in message
    assert "ask for fewer names" in message
    hot = cold.set_params(temperature=0.5)  # the lever it offers gives them
    assert len(set(hot.sample(2000, unique=True, random_state=0))) == 2000


def test_bounds_that_left_out_many_names_are_still_offered(sampler):
    cold = NameSampler(sampler.estimator, temperature=0.15, max_length=4)
    cold = cold.fit(load_indian_names())
    with pytest.raises(ValueError) as caught:
        cold.sample(140, unique=True, random_state=0)
    assert "loosen the length bounds (min_length=..., max_length=...)" in str(
        caught.value
    )
    assert len(cold.set_params(max_length=6).sample(140, unique=True, random_state=0))


@pytest.mark.parametrize(
    "repeats, drawn, accepted, few",
    [(1_621_549, 1_625_120, 2_753, True), (32_574, 42_572, 49, False)],
)
def test_few_left_out_measures_what_the_tests_left_out(repeats, drawn, accepted, few):
    assert few_left_out(repeats, drawn, accepted) is few
    edge = int(FEW_LEFT_OUT * 100_000)  # names left out of 100,000 drawn
    assert few_left_out(100_000 - edge - 10, 100_000, 10) is True
    assert few_left_out(100_000 - edge - 11, 100_000, 10) is False


def _repeats_counted(sampler, n, **params):
    """The error of ``sample(n, unique=True, **params)`` and the repeats its
    rounds counted (read from keep_new, the one place that counts them)."""
    import sknextchar._generation as generation

    counted = []
    keep_new = generation.keep_new

    def counting(*args):
        counted.append(keep_new(*args))
        return counted[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(generation, "keep_new", counting)
        with pytest.raises(ValueError) as caught:
            sampler.sample(n, unique=True, random_state=0, **params)
    return str(caught.value), sum(counted)


def test_a_shortfall_of_repeats_says_so_and_how_many(sampler):
    # "0.x% of the drawn names were accepted ... The model rarely produces such
    # names", when most names drawn were such names, drawn again.
    cold = NameSampler(sampler.estimator, temperature=0.1).fit(load_indian_names())
    message, repeats = _repeats_counted(cold, 2000)
    drawn = int(message.split(" after drawing ")[1].split(" ")[0].replace(",", ""))
    assert 2 * repeats >= drawn
    share = f"{100 * repeats / drawn:.2f}%"
    assert f"; {repeats:,} ({share}) were repeats of names accepted before." in message
    assert "The model rarely produces new such names under" in message
    assert "rarely produces such names" not in message


def test_a_shortfall_of_few_repeats_counts_them_too(sampler):
    cold = NameSampler(sampler.estimator, temperature=0.1).fit(load_indian_names())
    message, repeats = _repeats_counted(cold, 2000, pattern=".*v.*")
    drawn = int(message.split(" after drawing ")[1].split(" ")[0].replace(",", ""))
    assert 0 < 2 * repeats < drawn
    assert f"; {repeats:,} (" in message and "were repeats of names" in message
    assert "The model rarely produces new such names under" in message


def test_a_shortfall_without_repeats_keeps_its_words(sampler):
    cold = NameSampler(sampler.estimator, temperature=0.1).fit(load_indian_names())
    message, repeats = _repeats_counted(cold, 20, pattern=".*zz.*")
    assert repeats == 0 and "were repeats" not in message
    assert "The model rarely produces such names under" in message
