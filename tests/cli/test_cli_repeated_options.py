"""An option given twice with two values keeps the last one, as argparse does
(the convention that lets a script or a line typed again override a value by
adding it), and is told, naming every value: argparse kept the last one
silently (``sample m.skops -n 5 -n 10`` drew 10 names, ``train n.txt -o
a.skops -o b.skops`` wrote ``b.skops`` without a word)."""

import pytest

from sknextchar.cli import build_parser, main
from tests.cli.test_cli_misplaced_words import NAMES, SMALL


@pytest.mark.parametrize(
    ("argv", "dest", "last", "told"),
    [
        (["sample", "m.skops", "-n", "5", "-n", "10"], "n_samples", 10,
         "-n/--n-samples was given twice, as -n 5 and as -n 10: the last one, -n 10,"),
        # every spelling of an option is the same option
        (["sample", "m.skops", "-n5", "--n-samples=3"], "n_samples", 3,
         "given twice, as -n 5 and as -n 3: the last one, -n 3,"),
        (["sample", "m.skops", "-qn3", "--n-s", "4"], "n_samples", 4,
         "given twice, as -n 3 and as -n 4:"),
        (["sample", "m.skops", "--seed", "1", "--seed=2", "--seed", "1"], "seed", 1,
         "given 3 times, as --seed 1, as --seed 2 and as --seed 1: the last one, "
         "--seed 1,"),
        ("table m.skops ab --temperatures 1 2 --temperatures 3".split(),
         "temperatures", [3.0],
         "as --temperatures 1 2 and as --temperatures 3: the last one"),
        (["score", "m.skops", "a", "--by", "total", "--by", "per-char"], "by",
         "per-char", "--by total and as --by per-char"),
    ],
)  # fmt: skip
def test_an_option_given_twice_keeps_the_last_value_and_says_so(
    argv, dest, last, told, capsys
):
    args = build_parser().parse_args(argv)
    assert getattr(args, dest) == last
    err = capsys.readouterr().err
    assert err.startswith("Note: ") and err.count("\n") == 1, err
    assert told in err and err.endswith(" is used.\n"), err


def test_train_given_two_outputs_writes_the_last_and_says_so(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "n.txt").write_text(NAMES, encoding="utf-8")
    argv = ["train", "n.txt", *SMALL, "-q", "-o", "a.skops", "--output=b c.skops"]
    assert main(argv) == 0
    # Before: 'b c.skops' written and a.skops not, without a word; told under -q
    # too (the notes that change what is trained are kept under -q)
    assert capsys.readouterr().err == (
        "Note: -o/--output was given twice, as -o a.skops and as -o 'b c.skops': "
        "the last one, -o 'b c.skops', is used.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b c.skops", "n.txt"]


def test_a_refused_command_line_tells_no_repeat(capsys):
    # the error alone: a note before it would be told of a line not run
    assert main(["sample", "m.skops", "-n", "5", "-n", "10", "--bogus"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: error: ") and "Note" not in err, err


@pytest.mark.parametrize(
    "argv",
    [
        ["sample", "m.skops", "-n", "2", "-n", "2", "--novel", "--novel"],
        ["sample", "m.skops", "-n", "5", "--n-samples", "05"],  # the same number
        ["train", "-o", "m.skops", "--keep-case", "--keep-case", "-q", "-q"],
    ],
)
def test_an_option_repeated_with_its_value_is_taken_without_a_word(argv, capsys):
    args = build_parser().parse_args(argv)
    assert args.run.__name__ == argv[0]
    assert capsys.readouterr().err == ""


def test_one_value_each_is_read_as_before(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "n.txt").write_text(NAMES, encoding="utf-8")
    assert main(["train", "n.txt", *SMALL, "-q", "-o", "m.skops"]) == 0
    assert main(["sample", "m.skops", "-n", "3", "--seed", "0"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.split()) == 3 and "Note" not in captured.err


@pytest.fixture
def argparse_internals_changed(monkeypatch):
    """argparse's private conversion hook (``_get_values``) in its own form,
    as a Python release that renames or reshapes it would leave an override
    of it: the note must be fed by argparse's public surface alone."""
    import argparse

    from sknextchar.cli import _command_parser

    monkeypatch.setattr(
        _command_parser.CommandParser,
        "_get_values",
        argparse.ArgumentParser._get_values,
    )


@pytest.mark.parametrize(
    ("argv", "dest", "last", "told"),
    [
        (["sample", "m.skops", "-n5", "--n-samples=3"], "n_samples", 3,
         "given twice, as -n 5 and as -n 3: the last one, -n 3,"),
        (["sample", "m.skops", "-qn4", "--n-s", "6"], "n_samples", 6,
         "given twice, as -n 4 and as -n 6: the last one, -n 6,"),
        (["sample", "m.skops", "-n", "5", "-n", "010"], "n_samples", 10,
         "as -n 5 and as -n 010: the last one, -n 010,"),  # the words typed
        ("table m.skops ab --temperatures 1 2 --temperatures 3".split(),
         "temperatures", [3.0],
         "as --temperatures 1 2 and as --temperatures 3: the last one"),
        (["score", "m.skops", "a", "--by", "total", "--by", "per-char"], "by",
         "per-char", "--by total and as --by per-char"),
        (["train", "-o", "m.skops", "--model", "kneser-ney", "--model=mlp"],
         "model", "mlp", "as --model kneser-ney and as --model mlp: the last"),
        (["train", "-o", "a.skops", "--output", "b.skops"], "output", "b.skops",
         "as -o a.skops and as -o b.skops: the last one, -o b.skops,"),
    ],
)  # fmt: skip
def test_the_note_needs_no_private_hook_of_argparse(
    argv, dest, last, told, capsys, argparse_internals_changed
):
    args = build_parser().parse_args(argv)
    assert getattr(args, dest) == last
    err = capsys.readouterr().err
    assert err.startswith("Note: ") and err.count("\n") == 1, err
    assert told in err and err.endswith(" is used.\n"), err


@pytest.mark.parametrize(
    "argv",
    [
        ["sample", "m.skops", "--novel", "--novel", "-q", "-q"],  # store_true
        ["train", "-o", "m", "--hidden-layer-sizes", "8", "4", "--hidden-l", "8", "4"],
        ["sample", "m.skops", "-n", "5", "--n-samples", "05"],
    ],
)
def test_a_repeat_with_its_value_is_still_silent(
    argv, capsys, argparse_internals_changed
):
    args = build_parser().parse_args(argv)
    assert args.run.__name__ == argv[0]
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("argv", "told"),
    [
        (["sample", "m.skops", "-n", "5", "-n", "x"],
         "argument -n/--n-samples: expected an int; got 'x'"),
        (["sample", "m.skops", "-n5", "-n0"],
         "argument -n/--n-samples: must be an int of at least 1; got '0'"),
        (["score", "m.skops", "a", "--by", "total", "--by", "all"],
         "argument --by: invalid choice: 'all'"),
        (["table", "m.skops", "ab", "--temperatures", "1", "--temperatures", "-1"],
         "argument --temperatures: must be a float in the range [0.0, inf]; got '-1'"),
    ],
)  # fmt: skip
def test_a_bad_second_value_is_refused_as_a_first_one(
    argv, told, capsys, argparse_internals_changed
):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"sknextchar: error: {told}") and "Note" not in err, err


def test_a_plain_type_keeps_argparse_s_own_error(capsys, argparse_internals_changed):
    from sknextchar.cli._command_parser import CommandParser

    parser = CommandParser(prog="sk", exit_on_error=False)
    parser.add_argument("--k", type=int)
    assert parser.parse_args(["--k", "1", "--k=2"]).k == 2
    assert "as --k 1 and as --k 2" in capsys.readouterr().err
    with pytest.raises(Exception, match=r"argument --k: invalid int value: 'y'"):
        parser.parse_args(["--k", "1", "--k", "y"])
