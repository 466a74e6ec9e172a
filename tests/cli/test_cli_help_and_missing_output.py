"""A new user's first minute at the command line: each command's help fits 80
columns and ends with examples that run; a missing -o gets the line to type;
an int written as a float is told its spelling; a model saved without an
extension is offered for the model file that is not there."""

import contextlib
import io
import shlex

import pytest

from sknextchar.cli import build_parser, main
from sknextchar.cli._examples import EXAMPLES

COMMANDS = ["train", "sample", "score", "classify", "table", "plot"]
NAMES = "asha\numa\nravi\nmira\nrahul\nsita\n"
SMALL = ["--max-iter", "1", "--hidden-layer-sizes", "4", "--embedding-dim", "2"]


def _usage_error(capsys, argv, status=2):
    assert main(argv) == status
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err.removeprefix("sknextchar: error: ").rstrip("\n")


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_each_help_fits_80_columns_and_ends_with_examples(command, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([*command, "--help"]) == 0
    lines = out.getvalue().splitlines()
    # Before: the program's description had a line of 82 characters, and no
    # command's help had an example
    # (and plot's usage had a line of 87: argparse kept its group of one
    # choice on one line; now broken at a "|")
    wide = [line for line in lines if len(line) > 80]
    assert wide == []
    if command == ["plot"]:
        usage = " ".join(out.getvalue().split("\n\n")[0].split())
        group = "(--embeddings | --loss | --tree PREFIX | --distribution CONTEXT)"
        assert group in usage
    assert "examples:" in lines, lines[-5:]
    examples = lines[lines.index("examples:") + 1 :]
    assert examples[0].startswith("  sknextchar")
    assert all(line.startswith("  ") for line in examples), examples


@pytest.mark.parametrize("command", COMMANDS)
def test_every_example_of_a_help_is_a_command_line_that_parses(command):
    lines = EXAMPLES[command].splitlines()[1:]
    for line in lines:
        words = shlex.split(line.split("    ")[0])  # without the comment beside it
        args = build_parser().parse_args(words[1:])
        assert args.run.__name__ == command, line


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        # Before: "the following arguments are required: -o/--output (see ...)"
        (["train", "n.txt"], "sknextchar train n.txt -o MODEL"),
        (["train"], "sknextchar train -o MODEL"),
        (
            ["train", "my names.txt", "--seed", "1"],
            "train 'my names.txt' --seed 1 -o MODEL",
        ),
        (["train", "--", "-n.txt"], "sknextchar train -o MODEL -- -n.txt"),
        (["plot", "m.skops", "--loss"], "sknextchar plot m.skops --loss -o FILE"),
    ],
)
def test_a_missing_output_is_told_the_line_to_type(argv, line, capsys):
    err = _usage_error(capsys, argv)
    assert err.startswith(
        "the following arguments are required: -o/--output, the file to write: "
    ), err
    assert line in err and err.endswith(f"(see 'sknextchar {argv[0]} --help')"), err


def test_a_double_dash_is_no_unknown_flag_when_output_is_missing(capsys):
    err = _usage_error(capsys, ["train", "--", "n.txt"])
    # Before: "..., and unrecognized argument: -- (see ...)"
    assert "unrecognized" not in err, err
    # a typo of -o is still told as a typo, not with the line
    err = _usage_error(capsys, ["train", "n.txt", "--ouput", "m"])
    assert err.endswith("did you mean --output? (see 'sknextchar train --help')")


@pytest.mark.parametrize(
    ("argv", "told"),
    [
        # Before: "expected an int; got '1e3'", no more
        (["sample", "m.skops", "-n", "1e3"], "got '1e3'; write it as 1000 (see "),
        (
            ["train", "--max-iter", "20.0", "-o", "m"],
            "got '20.0'; write it as 20 (see ",
        ),
        # a whole number too large for a float to hold exactly: not misspelled
        (["sample", "m.skops", "-n", "1e30"], "expected an int; got '1e30' (see "),
        # out of the range: the range told, not a spelling it would refuse
        (
            ["sample", "m.skops", "-n", "-5.0"],
            "must be an int of at least 1; got '-5.0' (see ",
        ),
        (
            ["train", "--max-iter", "0.0", "-o", "m"],
            "--max-iter: must be an int of at least 1; got '0.0' (see ",
        ),
        (["sample", "m.skops", "-n", "2.5"], "expected an int; got '2.5' (see "),
        (["sample", "m.skops", "-n", "inf"], "expected an int; got 'inf' (see "),
    ],
)
def test_an_int_written_as_a_float_is_told_its_spelling(argv, told, capsys):
    assert told in _usage_error(capsys, argv)


def test_a_model_saved_without_extension_is_offered(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "n.txt").write_text(NAMES, encoding="utf-8")
    assert main(["train", "n.txt", *SMALL, "-o", "m"]) == 0
    capsys.readouterr()
    # Before: "No such model file: 'm.skops'." with no word of 'm'
    err = _usage_error(capsys, ["sample", "m.skops"], status=1)
    assert err == "No such model file: 'm.skops'. Did you mean 'm'?"
    # a file of names beside it is no model: not offered
    err = _usage_error(capsys, ["sample", "n.skops"], status=1)
    assert err == "No such model file: 'n.skops'."
