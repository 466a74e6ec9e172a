"""The advice on a prefix a picture refuses, told as the sampler and the call
have it.

A prefix of ``max_length`` letters (``EndOnlyError``) is told with where the
bound comes from: the longest training name, ``min_length``, or, for a sampler
with no record of its training names' lengths, the default 20. At
``max_length=1`` the advice offers the empty prefix once. A prefix of
characters the model lacks (``UnknownSymbolsError``) carries its argument, so
``sknextchar plot`` names its flag and quotes the prefix as given, even one
that holds ``prefix='``.
"""

import pytest
from sklearn.frozen import FrozenEstimator
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    save_model,
)
from sknextchar._dead_ends import EndOnlyError, PrefixError
from sknextchar.cli import main

NAMES = ["asha", "abid", "ravi", "uma"]
pytest.importorskip("matplotlib")


def _pipe():
    return make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())


def _tree_error(sampler, prefix, error=EndOnlyError):
    from sknextchar.plotting import plot_generation_tree

    with pytest.raises(error) as caught:
        plot_generation_tree(sampler, prefix)
    return caught.value


def test_a_sampler_without_a_record_of_lengths_is_told_the_default():
    sampler = NameSampler(FrozenEstimator(_pipe().fit(NAMES))).fit([])
    assert sampler.training_length_range() is None
    message = str(_tree_error(sampler, "a" * 20))
    assert "gives this sampler (the default 20, with no record" in message, message
    assert "longest training name" not in message, message
    assert "Set max_length above 20" in message, message


@pytest.mark.parametrize(
    "params, prefix, why",
    [
        ({}, "abid", "(4: its longest training name)"),
        ({"min_length": 6}, "a" * 6, "(6: its min_length)"),
    ],
)
def test_the_bound_resolved_says_where_it_comes_from(params, prefix, why):
    sampler = NameSampler(_pipe(), **params).fit(NAMES)
    message = str(_tree_error(sampler, prefix))
    assert f"max_length=None gives this sampler {why}" in message, message


@pytest.mark.parametrize("argument", ["context", "prefix"])
def test_at_max_length_one_the_empty_prefix_is_offered_once(argument):
    from sknextchar.plotting import plot_generation_tree, plot_temperature

    draw = plot_temperature if argument == "context" else plot_generation_tree
    sampler = NameSampler(_pipe(), max_length=1).fit(NAMES)
    with pytest.raises(ValueError) as caught:
        draw(sampler, "9")
    message = str(caught.value)
    assert message.count(f"{argument}=''") == 1, message
    assert "most probable start" not in message, message
    with pytest.raises(EndOnlyError) as caught:
        draw(sampler, "a")
    message = str(caught.value)
    assert f"or pass {argument}='' (the start of a name)." in message, message
    assert "0 letters" not in message, message


def test_the_unknown_symbols_error_carries_its_argument_and_prefix():
    sampler = NameSampler(_pipe()).fit(NAMES)
    error = _tree_error(sampler, "a prefix='b", PrefixError)
    assert (error.argument, error.prefix) == ("prefix", "a prefix='b")
    assert error.with_argument("context").argument == "context"
    assert str(error.with_argument("context")).startswith('context="a prefix=\'b"')


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("advice") / "model.skops")
    save_model(NameSampler(_pipe(), max_length=6).fit(NAMES), path)
    return path


@pytest.mark.slow  # through the command line
@pytest.mark.parametrize("flag", ["--tree", "--distribution"])
def test_plot_quotes_a_prefix_that_holds_its_argument_as_given(
    model_file, flag, tmp_path, capsys
):
    picture = str(tmp_path / "p.png")
    prefix = "a prefix='b context='c"
    assert main(["plot", model_file, flag, prefix, "-o", picture]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"sknextchar: error: {flag} {prefix!r} holds"), err
    assert f"such as {flag} '" in err and f"or {flag} '' (the start" in err, err
    assert err.count(flag) == 3, err


@pytest.mark.slow  # through the command line
def test_plot_quotes_a_prefix_of_max_length_letters(model_file, tmp_path, capsys):
    picture = str(tmp_path / "p.png")
    assert main(["plot", model_file, "--tree", "abidab", "-o", picture]) == 1
    err = capsys.readouterr().err
    assert "error: 'abidab' (--tree) has as many letters as the 6" in err, err


@pytest.mark.parametrize(
    "estimator, params, fitted, why",
    [
        ("frozen", {}, [], "(the default 20, with no record"),
        ("pipe", {"min_length": 6}, NAMES, "(6: its min_length)"),
    ],
)
def test_the_table_tells_where_its_bound_comes_from(estimator, params, fitted, why):
    pipe = FrozenEstimator(_pipe().fit(NAMES)) if estimator == "frozen" else _pipe()
    sampler = NameSampler(pipe, **params).fit(fitted)
    high = 20 if estimator == "frozen" else 6
    with pytest.raises(EndOnlyError) as caught:
        sampler.temperature_table("a" * high)
    assert f"max_length=None gives this sampler {why}" in str(caught.value)
