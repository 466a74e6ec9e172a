"""Requests no name can meet are refused with the settings that can help, and
the pictures of generation draw only branches a name can finish."""

import string

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.pipeline import make_pipeline

from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler

LETTERS = list(string.ascii_lowercase)


def kn(names, context_length=2, **params):
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=context_length), KneserNeyClassifier()
    )
    return NameSampler(pipe, **params).fit(names)


@pytest.fixture(scope="module")
def one_letter():
    """Every name a max_length=1 sampler can give is one of its training names."""
    return kn(LETTERS, max_length=1)


# --------------------------------------------------------------------------- #
# Every possible name left out: refused before drawing, with true levers.
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize(
    "kwargs, lever",
    [
        ({"novel": True}, "sample without novel=True"),
        ({"exclude": LETTERS}, "exclude fewer names (exclude=...)"),
        ({"novel": True, "pattern": "[a-c]"}, "sample without novel=True"),
    ],
)
def test_every_name_left_out_is_refused_without_unique(one_letter, kwargs, lever):
    with pytest.raises(ValueError) as info:
        one_letter.sample(3, random_state=0, **kwargs)
    message = str(info.value)
    assert message.startswith("No name can be returned: 26 names exist"), message
    assert "all 26 of them are left out" in message and lever in message, message
    assert "loosen the length bounds" in message, message
    for useless in ("temperature", "top_k", "top_p", "max_rounds", "ask for fewer"):
        assert useless not in message, message


def test_top_k_does_not_hide_that_every_name_is_left_out(one_letter):
    # top_k allows some of the 26 names: all of them are training names too.
    one_letter.set_params(top_k=5)
    try:
        with pytest.raises(ValueError, match="No name can be returned") as info:
            one_letter.sample(2, novel=True, random_state=0)
        assert "top_k" not in str(info.value).split("(")[-1]
    finally:
        one_letter.set_params(top_k=None)


def test_one_name_left_over_is_enough_without_unique():
    sampler = kn(LETTERS[:-1] + ["zz"], max_length=1)  # "z" is new
    assert sampler.sample(5, novel=True, random_state=0) == ["z"] * 5


def test_unique_with_no_new_name_does_not_advise_fewer_names(one_letter):
    with pytest.raises(ValueError, match="at most 0 new ones") as info:
        one_letter.sample(3, unique=True, novel=True, random_state=0)
    assert "ask for fewer" not in str(info.value)


# --------------------------------------------------------------------------- #
# After drawing: only the settings in use, and those that change the outcome.
# --------------------------------------------------------------------------- #
NAMES = ["anna", "bob", "carl", "dave", "eve", "asha", "ravi"]


def shortfall(sampler, **kwargs):
    with pytest.raises(ValueError, match="Could only generate") as info:
        sampler.sample(3, random_state=0, max_rounds=2, **kwargs)
    return str(info.value)


def test_shortfall_names_only_the_filters_in_use():
    message = shortfall(kn(NAMES, max_length=2), pattern="zz")
    assert "loosen the pattern (pattern=...)" in message, message
    assert "top_k" not in message and "top_p" not in message, message
    assert "ask for fewer" not in message, message  # none was accepted
    assert "raise the temperature" not in message, message
    message = shortfall(kn(NAMES, top_p=0.5, max_length=2), exclude=["zz"] + NAMES)
    assert "pattern" not in message and "loosen top_p=..." in message, message
    assert "exclude fewer names (exclude=...)" in message, message


@pytest.mark.parametrize(
    "params, lever, useless",
    [
        ({"top_k": 1}, "set top_k=... above 1", "temperature"),
        ({"temperature": 0}, "set temperature=... above 0", "top_k"),
    ],
)
def test_greedy_shortfall_names_what_undoes_it(params, lever, useless):
    message = shortfall(kn(NAMES, **params), novel=True)
    assert "greedy decoding" in message and lever in message.lower(), message
    assert useless not in message.split("names kept must be")[1], message
    assert "sample without novel=True" in message, message  # not lowercased


# --------------------------------------------------------------------------- #
# A prefix of max_length letters whose end the model rules out is a dead end.
# --------------------------------------------------------------------------- #
@pytest.fixture(scope="module")
def dead_at_max_length():
    """add_k=0 and one-letter contexts: "c" is only ever followed by "d", so
    "abc" cannot end, and max_length=3 allows it nothing else."""
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=1), KneserNeyClassifier(add_k=0)
    )
    return NameSampler(pipe, min_length=1, max_length=3).fit(["abcd", "xy", "ae"])


def test_next_char_proba_does_not_end_a_name_the_model_cannot_end(
    dead_at_max_length,
):
    assert "abc" not in dead_at_max_length.sample(200, random_state=0)
    with pytest.raises(ValueError, match="it has max_length=3 letters") as info:
        dead_at_max_length.next_char_proba(["abc"])
    assert "min_length" not in str(info.value)
    np.testing.assert_allclose(dead_at_max_length.next_char_proba(["ae"])[0, 0], 1)


def tree_texts(fig):
    ax = fig.axes[0]
    return [t.get_text() for t in ax.texts if t.get_bbox_patch() is None]


@pytest.mark.parametrize("depth", [3, 4])
def test_generation_tree_leaves_out_dead_branches(dead_at_max_length, depth):
    plt = pytest.importorskip("matplotlib.pyplot")
    from sknextchar.plotting import plot_generation_tree

    fig = plot_generation_tree(dead_at_max_length, "", top_k=3, depth=depth)
    try:
        # "a" -> "ab" -> "abc" leads nowhere: neither "abc" (ended or going on)
        # nor "ab" is drawn; the names the sampler gives are.
        texts = tree_texts(fig)
        assert sorted(texts) == ["ae", "xy"], texts
    finally:
        plt.close(fig)


def test_generation_tree_refuses_a_prefix_with_no_live_branch(dead_at_max_length):
    pytest.importorskip("matplotlib")
    from sknextchar.plotting import plot_generation_tree

    with pytest.raises(ValueError, match="No name that starts with 'ab' can be"):
        plot_generation_tree(dead_at_max_length, "ab", top_k=3, depth=2)


# --------------------------------------------------------------------------- #
# most_likely: the most probable names by default, and true advice.
# --------------------------------------------------------------------------- #
def test_most_likely_default_beam_finds_the_most_probable_names():
    from sknextchar.datasets import load_indian_names

    sampler = kn(load_indian_names(), context_length=3)
    exact = sampler.most_likely(20, beam_width=20_000)
    # The former default beam (100) missed 4 of these, the 7th among them.
    assert sampler.most_likely(20) == exact


@pytest.mark.parametrize(
    "kwargs, levers, not_levers",
    [
        ({"n_names": 30}, ["ask for fewer names"], ["beam_width", "exclude"]),
        (
            {"n_names": 3, "exclude": LETTERS},
            ["exclude fewer names (exclude=...)"],
            ["beam_width", "ask for fewer"],
        ),
    ],
)
def test_most_likely_shortfall_names_only_levers_that_help(
    one_letter, kwargs, levers, not_levers
):
    # More names than exist are refused before the search, with the same levers.
    refused = "Found only|asks for more names than exist"
    with pytest.raises(ValueError, match=refused) as info:
        one_letter.most_likely(**kwargs)
    message = str(info.value).lower()
    # Longer names exist, shorter ones cannot: only max_length helps.
    assert "allow longer names (max_length=...)" in message, message
    assert "shorter" not in message and "loosen" not in message, message
    assert all(lever in message for lever in levers), message
    assert not any(lever in message for lever in not_levers), message


@pytest.mark.parametrize("beam_width", [None, 3])
def test_most_likely_never_returns_a_name_the_model_cannot_end(
    dead_at_max_length, beam_width
):
    # "ab" and "abc" have probability 0: they were returned, cut off, after
    # "xy" and "ae". A beam of 3 holds every live branch, so a wider beam
    # finds nothing more and is not advised.
    best = dead_at_max_length.most_likely(2, beam_width=beam_width)
    assert sorted(best) == ["ae", "xy"]
    assert np.isfinite(dead_at_max_length.score_samples(best)).all()
    with pytest.raises(ValueError, match="Found only 2 of the 3") as info:
        dead_at_max_length.most_likely(3, beam_width=beam_width)
    message = str(info.value)
    assert "weighed every name of nonzero probability" in message, message
    assert "beam_width" not in message, message
    # "abcd" is longer; no name is shorter than min_length=1.
    assert "allow longer names (max_length=...)" in message, message
    assert "min_length=..." not in message, message


def test_most_likely_advises_only_length_bounds_that_find_more(dead_at_max_length):
    # Of 3 or 4 letters only "abcd" can end; "xy" and "ae" are shorter.
    sampler = clone(dead_at_max_length).set_params(min_length=3, max_length=4)
    sampler.fit(["abcd", "xy", "ae"])
    assert sampler.most_likely(1) == ["abcd"]
    with pytest.raises(ValueError, match="Found only 1 of the 2") as info:
        sampler.most_likely(2)
    message = str(info.value)
    assert "allow shorter names (min_length=...)" in message, message
    assert "max_length=..." not in message, message


def test_most_likely_shortfall_advises_a_wider_beam_when_it_could_help():
    two = kn(LETTERS, max_length=2)  # 26 + 676 names, a beam of 5 is not exact
    with pytest.raises(
        ValueError, match=r"widen the beam \(beam_width=\.\.\.\)"
    ) as info:
        two.most_likely(700, beam_width=5)  # at most 26 + 5 * 26 found
    assert "weighed every name" not in str(info.value)


@pytest.mark.parametrize(
    "prefix, min_length, why",
    [("abc", 1, "it has max_length=3 letters"), ("xy", 3, "below min_length=3")],
)
def test_sample_refuses_a_prefix_no_name_can_go_on_from(
    dead_at_max_length, prefix, min_length, why
):
    # Every name drawn after it would be discarded: no temperature or round
    # helps, so the request is refused before drawing, saying why.
    sampler = dead_at_max_length
    sampler.set_params(min_length=min_length)
    try:
        with pytest.raises(ValueError, match=f"No name can continue prefix='{prefix}'"):
            sampler.sample(2, prefix=prefix, random_state=0)
        with pytest.raises(ValueError, match=why) as info:
            sampler.sample(2, prefix=prefix, random_state=0)
        assert "temperature" not in str(info.value)
        assert "max_rounds" not in str(info.value)
    finally:
        sampler.set_params(min_length=1)
