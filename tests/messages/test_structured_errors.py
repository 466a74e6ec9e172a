"""A prefix no name can go on from is refused with an error that carries the
parts of its message as attributes, and ``sknextchar plot`` and the sampling
shortfall build their messages from those parts, never from another module's
wording: a change of words in one module cannot silently break the other."""

import inspect
import pickle

import numpy as np
import pytest
from sklearn.pipeline import make_pipeline

import sknextchar._shortfall as shortfall
import sknextchar.cli._plot as plot_command
from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    save_model,
)
from sknextchar._dead_ends import (
    DeadEndError,
    LongPrefixError,
    UnendingPrefixError,
    UnfinishedTreeError,
)
from sknextchar._decoding import SamplingControls
from sknextchar._training_record import HOTTER_WORDS, AdvisedWords, RepeatedNames
from sknextchar.cli import main

# One letter of context, add_k=0: after "c" come "a", "b", "d" and "x"; after
# "a", "b", "d" only "c"; a name ends only after "xyz" (10 to 22 letters).
NAMES = ["cacbcd" * k + "cxyz" for k in (1, 2, 3)]
UNFINISHED = "cacbcd" * 3 + "c"  # every branch the tree draws dies


def _pipe():
    return make_pipeline(
        ContextWindowTransformer(context_length=1), KneserNeyClassifier(add_k=0)
    )


@pytest.fixture(scope="module")
def sampler():
    return NameSampler(_pipe()).fit(NAMES)


@pytest.fixture(scope="module")
def bounded():
    """A sampler whose names have at most 9 letters."""
    return NameSampler(_pipe(), max_length=9).fit(NAMES)


def _raised(call, cls):
    with pytest.raises(cls) as info:
        call()
    assert isinstance(info.value, ValueError)  # what users catch
    return info.value


def _same_again(error):
    """The error pickled and loaded, and its message made again from its parts."""
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error) and vars(again) == vars(error)
    assert str(again) == str(error) == error.message()
    return error


def test_a_dead_end_carries_its_place_and_bound(sampler):
    error = _raised(lambda: sampler.next_char_proba(["cacb", "cxyz"]), DeadEndError)
    assert (error.argument, error.index, error.prefix) == ("prefixes", 1, "cxyz")
    assert error.min_length == 10  # the shortest training name
    assert str(_same_again(error)).startswith("No name can continue prefixes[1]=")
    one = _raised(lambda: sampler.temperature_table("cxyz"), DeadEndError)
    assert (one.argument, one.index, one.place) == ("prefix", None, "prefix")


def test_the_picture_names_the_dead_end_by_its_own_argument(sampler):
    from sknextchar.plotting import plot_temperature

    pytest.importorskip("matplotlib")
    error = _raised(lambda: plot_temperature(sampler, "cxyz"), DeadEndError)
    assert (error.argument, error.prefix, error.min_length) == ("context", "cxyz", 10)
    assert str(_same_again(error)).startswith("No name can continue context='cxyz'")


def test_a_prefix_at_or_past_max_length_carries_its_bound(bounded):
    long = _raised(
        lambda: bounded.next_char_proba(["ca", "cacbcdcacbcd"]), LongPrefixError
    )
    assert (long.index, long.letters, long.max_length) == (1, 12, 9)
    _same_again(long)
    at = _raised(lambda: bounded.temperature_table("cacbcdcac"), UnendingPrefixError)
    assert (at.place, at.prefix, at.max_length) == ("prefix", "cacbcdcac", 9)
    _same_again(at)


def test_the_unfinished_tree_carries_its_prefix(sampler):
    from sknextchar.plotting import plot_generation_tree

    pytest.importorskip("matplotlib")
    error = _raised(
        lambda: plot_generation_tree(sampler, UNFINISHED), UnfinishedTreeError
    )
    assert error.prefix == UNFINISHED
    _same_again(error)


def test_plot_reads_no_other_modules_wording():
    for name in ("_DEAD_END", "_UNFINISHED_TREE", "_LENGTH_BOUND"):
        assert not hasattr(plot_command, name), name
    source = inspect.getsource(plot_command)
    for words in ("No name can continue (?", "the branches the tree shows"):
        assert words not in source, words
    assert "HOTTER_WORDS" not in inspect.getsource(shortfall)


@pytest.fixture(scope="module")
def model_files(tmp_path_factory, sampler, bounded):
    folder = tmp_path_factory.mktemp("structured")
    files = {"free": str(folder / "free.skops"), "nine": str(folder / "nine.skops")}
    save_model(sampler, files["free"])
    save_model(bounded, files["nine"])
    return files


def _reworded(monkeypatch, cls, **parts):
    """``cls`` says something else in Python: plot must not care."""
    monkeypatch.setattr(cls, "message", lambda self: "Reworded in Python.")
    for name, value in parts.items():
        monkeypatch.setattr(cls, name, value)


def _raising(monkeypatch, error):
    """plot's pictures raise ``error``, worded otherwise than its class words it."""
    import sknextchar.plotting as plotting

    error.args = ("Reworded in Python.",)

    def picture(*args, **kwargs):
        raise error

    for name in ("plot_generation_tree", "plot_temperature"):
        monkeypatch.setattr(plotting, name, picture)


def _plot_error(argv, capsys, tmp_path):
    pytest.importorskip("matplotlib")
    picture = str(tmp_path / "p.png")
    assert main(["plot", *argv, "-o", picture]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Reworded in Python." not in err, err
    return err


@pytest.mark.parametrize("flag", ["--tree", "--distribution"])
def test_plot_builds_the_dead_end_from_the_errors_parts(
    model_files, flag, monkeypatch, capsys, tmp_path
):
    pytest.importorskip("matplotlib")
    parts = {"reason": "NO SYMBOL", "cause": "SOME MODEL", "smoothing": "SMOOTHER"}
    _reworded(monkeypatch, DeadEndError, **parts)
    err = _plot_error([model_files["free"], flag, "cxyz"], capsys, tmp_path)
    said = f"No name can continue 'cxyz' ({flag}): NO SYMBOL below 10 letters ("
    assert said in err, err
    assert f"SOME MODEL: draw another {flag}" in err, err
    assert "with smoothing (SMOOTHER); to see" in err, err


def test_plot_names_a_dead_branch_from_the_errors_place(
    model_files, monkeypatch, capsys, tmp_path
):
    _raising(monkeypatch, DeadEndError("prefixes", 0, "cac", min_length=4))
    err = _plot_error([model_files["free"], "--tree", "ca"], capsys, tmp_path)
    said = "No name can continue 'cac', a branch of 'ca' (--tree): "
    assert said in err and " below 4 letters (" in err, err
    assert err.rstrip().endswith(f"run: sknextchar table {model_files['free']} cac")


@pytest.mark.parametrize("flag", ["--tree", "--distribution"])
def test_plot_builds_the_length_bound_from_the_errors_parts(
    model_files, flag, monkeypatch, capsys, tmp_path
):
    argv = [model_files["nine"], flag, "cacb"]
    _raising(
        monkeypatch, LongPrefixError("prefix", None, "x", letters=1234, max_length=7)
    )
    err = _plot_error(argv, capsys, tmp_path)
    assert f"The {flag} prefix has 1,234 letters, more than the 7 that" in err, err
    assert "its sampler was saved with 'max_length' 7, which plot keeps" in err, err
    _raising(monkeypatch, UnendingPrefixError("prefix", None, "x", max_length=6))
    err = _plot_error(argv, capsys, tmp_path)
    said = f"No name can continue 'cacb' ({flag}): it has as many letters as the 6"
    assert said in err and f"Give a shorter {flag}" in err, err


def test_plot_builds_the_unfinished_tree_from_the_errors_class(
    model_files, monkeypatch, capsys, tmp_path
):
    _raising(monkeypatch, UnfinishedTreeError("cacb"))
    err = _plot_error([model_files["free"], "--tree", "cacb"], capsys, tmp_path)
    assert "No name that starts with 'cacb' (--tree) can be finished along" in err


def _repeated_words():
    """The words of a test of sample with the names it rejected over and over."""
    tally = RepeatedNames(lambda rows: ["ab"][: len(rows)])
    tally.add(np.array([[1, 2]] * 20), [True] * 20)
    return tally.words("not among the training names")


def test_repeated_names_keep_their_words_without_the_advice():
    words = _repeated_words()
    assert isinstance(words, AdvisedWords) and words.endswith(f": {HOTTER_WORDS})")
    assert HOTTER_WORDS not in words.plain
    assert words.plain.removesuffix(")") + f": {HOTTER_WORDS})" == words
    assert pickle.loads(pickle.dumps(words)).plain == words.plain


@pytest.mark.parametrize("temperature", [2.0, np.inf])
def test_the_shortfall_drops_the_advice_by_its_parts(temperature):
    # Other advice, in other words: the shortfall drops it by the parts, not
    # by searching the words for the text of HOTTER_WORDS.
    words = AdvisedWords("drawn: BE HOTTER (NOW)", plain="drawn")
    message = shortfall.shortfall_message(
        0, 2, 9, False, set(), SamplingControls(temperature=temperature),
        [words], novel=True,
    )  # fmt: skip
    higher = temperature != np.inf
    assert ("drawn: BE HOTTER (NOW)" in message) is higher, message
    assert ("as ending by max_length=20, drawn." in message) is not higher, message


def test_plot_temperature_names_a_long_context_as_its_argument():
    from sklearn.pipeline import make_pipeline

    from sknextchar import ContextWindowTransformer, KneserNeyClassifier, NameSampler
    from sknextchar.plotting import plot_temperature

    pipe = make_pipeline(ContextWindowTransformer(), KneserNeyClassifier())
    sampler = NameSampler(pipe, max_length=5).fit(["anna", "bob", "carla", "dora"])
    with pytest.raises(ValueError, match=r"^context='abcdef' has 6 letters"):
        plot_temperature(sampler, context="abcdef")
