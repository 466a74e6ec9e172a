"""Messages count names in words that agree with the number ("1 name holds",
"2 names hold"), and are made from numbers, not by reading or rewriting
another message's English: the count and places of a file's names read as
empty, the command line's advice on a prefix past the length limit, and the
plotting functions' advice in the spelling of their own argument."""

import re
import warnings

import pytest

from sknextchar import (
    ContextWindowTransformer,
    NameSampler,
    make_default_pipeline,
    train_from_file,
)
from sknextchar._dead_ends import LongPrefixError
from sknextchar._limits import MAX_LETTERS
from sknextchar._unknown_advice import drop_refused
from sknextchar._words import MAX_REPORTED
from sknextchar.cli import main
from sknextchar.datasets import load_names
from tests._file_lines import by_line

WORDS = ["asha", "ravi", "uma", "abid", "neha", "mira", "anu", "raj"]


def _fit_error(names, **params):
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(**params).fit(names)
    return str(caught.value)


def _fit_warning(names, **params):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ContextWindowTransformer(**params).fit(names)
    (warning,) = [w for w in caught if issubclass(w.category, UserWarning)]
    return str(warning.message)


# (what makes a message of n names, the words for 1 name, the words for 2)
CASES = {
    "tab": (
        lambda n: _fit_warning(["a\tb"] * n + WORDS, alphabet="auto"),
        "1 name holds a tab",
        "2 names hold a tab",
    ),
    "mark": (
        lambda n: _fit_error(["\u0301a"] * n + WORDS, alphabet="auto"),
        "1 name starts with a combining mark",
        "2 names start with a combining mark",
    ),
    "invisible": (
        lambda n: _fit_error(["\u200b"] * n + WORDS),
        "1 name holds only invisible",
        "2 names hold only invisible",
    ),
    "stripped": (
        lambda n: _fit_error(["\u0301"] * n + WORDS, strip_accents="unicode"),
        "removes every character of 1 name: names[0]='\u0301'. It holds only",
        "removes every character of 2 names: names[0]='\u0301', names[1]='\u0301'. "
        "They hold only",
    ),
    "dropped": (
        lambda n: _encode_error(["123"] * n + WORDS),
        "leaves 1 name without any character",
        "leaves 2 names without any character",
    ),
    "folded": (
        lambda n: _fit_warning(
            ["\u0439\u043e"] * n + WORDS, alphabet="auto", strip_accents="unicode"
        ),
        "1 name is learned changed: names[0]='йо' read as 'ио' ('й' becomes 'и'). "
        "To keep it as written",
        "2 names are learned changed",
    ),
}


def _encode_error(names):
    fitted = ContextWindowTransformer(handle_unknown="drop").fit(WORDS)
    with pytest.raises(ValueError) as caught:
        fitted.encode(names)
    return str(caught.value)


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_count_of_names_agrees_with_its_number(case):
    message_of, one, two = CASES[case]
    assert one in message_of(1)
    assert two in message_of(2)
    for n in (1, 2):
        assert "(s)" not in message_of(n)


def test_the_advice_on_names_left_empty_agrees_with_their_number():
    one = _fit_error(WORDS + ["\u0301"], strip_accents="ascii")
    two = _fit_error(WORDS + ["ß", "ß"], strip_accents="ascii")
    assert ". It holds " in one and ": remove it, or " in one
    assert ". They hold " in two and ", or remove them." in two
    assert "would leave 1 name without" in drop_refused(1, "names[2]='x'")
    assert "would leave 3 names without" in drop_refused(3, "names[2]='x'")


# ------------------------------------- names read as empty in a file's chunks
EMPTY = {"invisible": "\u200b", "stripped": "\u0301"}


@pytest.mark.parametrize("kind", sorted(EMPTY))
@pytest.mark.parametrize("chunk_size", [3, 7, 100])
def test_a_file_in_chunks_counts_and_places_every_empty_name(
    tmp_path, kind, chunk_size
):
    lines = [WORDS[i % len(WORDS)] for i in range(40)]
    empty_at = [8, 9, 17, 25, 26, 33, 38]  # 7 names, in several chunks
    for i in empty_at:
        lines[i] = EMPTY[kind]
    path = tmp_path / "names.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    params = {"windows__strip_accents": "unicode"} if kind == "stripped" else {}
    pipe = make_default_pipeline(random_state=0).set_params(**params)
    with pytest.raises(ValueError) as in_memory:
        pipe.fit(load_names(path))
    with pytest.raises(ValueError) as from_file:
        train_from_file(path, pipe, chunk_size=chunk_size)
    message = str(from_file.value)
    assert f"{len(empty_at)} names" in message and "(s)" not in message
    shown = [int(n) for n in re.findall(r"\(line (\d+) of ", message)]
    assert shown == [i + 1 for i in empty_at[:MAX_REPORTED]]  # no blank line
    # As a fit on all the names says it (the file's in the pipeline's spelling),
    # each name by its line.
    assert message.replace("windows__", "") == by_line(str(in_memory.value), path)


# ------------------------------------------- a prefix past the length limit
@pytest.fixture(scope="module")
def count_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kn")
    names = folder / "names.txt"
    names.write_text("\n".join(WORDS) + "\n", encoding="utf-8")
    model = folder / "m.skops"
    argv = ["train", str(names), "--model", "kneser-ney", "-q", "-o", str(model)]
    assert main(argv) == 0
    return str(model)


def _reworded(self):
    return f"{self.place} is {self.letters} letters long; the bound is elsewhere."


@pytest.mark.parametrize("reworded", [False, True])
def test_the_command_line_builds_the_limit_advice_from_the_numbers(
    count_model, capsys, monkeypatch, reworded
):
    if reworded:  # the advice does not depend on the error's English
        monkeypatch.setattr(LongPrefixError, "message", _reworded)
    past = "a" * (MAX_LETTERS + 5)
    assert main(["sample", count_model, "--prefix", past]) == 1
    err = capsys.readouterr().err
    assert f"has {MAX_LETTERS + 5:,} letters, more than --max-length " in err, err
    assert f"shorten the prefix to {MAX_LETTERS:,} letters or fewer" in err, err
    assert "raise --max-length" not in err, err
    assert main(["sample", count_model, "--prefix", "a" * 30]) == 1
    err = capsys.readouterr().err
    assert "has 30 letters, more than --max-length " in err, err
    assert "raise --max-length or shorten the prefix." in err, err


def test_the_commands_own_check_of_a_prefix_gives_the_same_advice(count_model, capsys):
    past = "a" * (MAX_LETTERS + 5)
    argv = ["sample", count_model, "--max-length", "3", "--prefix"]
    assert main([*argv, past]) == 1
    err = capsys.readouterr().err
    assert "more than --max-length 3, which is at most " in err, err
    assert f"shorten the prefix to {MAX_LETTERS:,} letters or fewer" in err, err
    assert main([*argv, "abcd"]) == 1
    err = capsys.readouterr().err
    assert "--prefix abcd has 4 letters, more than --max-length 3; raise " in err


# ------------------------------------- plotting: the advice names its argument
@pytest.fixture(scope="module")
def short_sampler():
    pipe = make_default_pipeline(random_state=0).set_params(
        clf__hidden_layer_sizes=(8,), clf__max_iter=3
    )
    return NameSampler(pipe, max_length=5).fit(WORDS)


def test_plotting_names_a_long_prefix_by_the_argument_given(short_sampler):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from sknextchar.plotting import plot_generation_tree, plot_temperature

    with pytest.raises(LongPrefixError) as caught:
        plot_temperature(short_sampler, context="abababab")
    message = str(caught.value)
    assert message.startswith("context='abababab' has 8 letters"), message
    assert message.endswith("shorten the context."), message
    with pytest.raises(LongPrefixError) as caught:
        plot_generation_tree(short_sampler, prefix="abababab")
    message = str(caught.value)
    assert message.startswith("prefix='abababab' has 8 letters"), message
    assert message.endswith("shorten the prefix."), message


def test_the_error_of_empty_names_keeps_its_numbers_through_pickling():
    import pickle

    from sknextchar._empty_names import EmptyNamesError

    with pytest.raises(EmptyNamesError) as caught:
        ContextWindowTransformer().fit(["asha", "\u200b", "\u200b"])
    error = caught.value.placed(["names[40]", "names[41]"], n_names=9)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is EmptyNamesError and str(copy) == str(error)
    assert str(copy).startswith("9 names hold only invisible characters")
    assert "names[40]='\\u200b', names[41]='\\u200b'. Remove them." in str(copy)


def test_a_file_in_chunks_refuses_a_lone_mark_as_a_fit_does(tmp_path):
    # alphabet='auto' learns every symbol: no character is unknown, and the
    # mark's own error is given (it was an error of unpacking).
    lines = [WORDS[i % len(WORDS)] for i in range(30)]
    lines[4] = "\u0301a"
    path = tmp_path / "names.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pipe = make_default_pipeline(random_state=0).set_params(windows__alphabet="auto")
    with pytest.raises(ValueError) as in_memory:
        pipe.fit(load_names(path))
    with pytest.raises(ValueError) as from_file:
        train_from_file(path, pipe, chunk_size=5)
    assert str(from_file.value).startswith("1 name starts with a combining mark")
    assert "'\u0301a' (line 5 of " in str(from_file.value)
    message = str(from_file.value).replace("windows__", "")
    assert message == by_line(str(in_memory.value), path)
