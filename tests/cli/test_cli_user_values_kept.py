"""The command line spells the package's parameters as flags (``alpha=0.1`` ->
``--alpha 0.1``), never what a message quotes from the user: a path, a label,
a prefix or a command to copy keep every character as the user gave them, even
when they look like a parameter and its value (a folder ``alpha=0.1``)."""

import shlex

import pytest
from sklearn.pipeline import make_pipeline

from sknextchar import (
    ContextWindowTransformer,
    KneserNeyClassifier,
    NameSampler,
    save_model,
)
from sknextchar._unknown_label import unknown_label_error
from sknextchar.cli import main
from sknextchar.cli._errors import cli_spelling

# One letter of context, add_k=0: after "b" only the end, below 5 letters.
NAMES = ["o'nab", "q'nab", "o'ncd", "q'ncd"]


@pytest.fixture
def folder(tmp_path):
    """A folder whose name reads as a setting of the parameter alpha."""
    path = tmp_path / "alpha=0.1"
    path.mkdir()
    return path


def _train(folder, *flags):
    names = folder / "names.csv"
    rows = [f"{name},{'ab'[i % 2]}" for i, name in enumerate(NAMES)]
    names.write_text("name,group\n" + "\n".join(rows) + "\n", encoding="utf-8")
    model = str(folder / "m.skops")
    train = ["train", str(names), "--model", "kneser-ney", "--add-k", "0"]
    flags = [*flags, "--context-length", "1", "--alphabet", "auto", "-q"]
    assert main([*train, *flags, "-o", model]) == 0
    return model


def test_a_missing_file_is_named_as_given(folder, capsys):
    missing = str(folder / "missing.txt")
    assert main(["train", missing, "-o", str(folder / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert repr(missing) in err and "--alpha" not in err, err


@pytest.mark.parametrize("label", [None, "a"])
def test_the_table_command_plot_suggests_runs_on_the_model_file(folder, label, capsys):
    pytest.importorskip("matplotlib")
    by_label = [] if label is None else ["--labels", "group"]
    model = _train(folder, *by_label)
    picked = [] if label is None else ["--label", label]
    picture = str(folder / "p.png")
    assert main(["plot", model, "--tree", "o'nb", *picked, "-o", picture]) == 1
    err = capsys.readouterr().err
    assert "--alpha" not in err, err
    command = shlex.split(err.rstrip("\n").rpartition("run: ")[2])
    assert command == ["sknextchar", "table", *picked, model, "o'nb"], err
    assert main(command[1:]) == 0, capsys.readouterr().err


def test_plot_names_a_model_file_saved_with_max_length_as_given(folder, capsys):
    pytest.importorskip("matplotlib")
    pipe = make_pipeline(
        ContextWindowTransformer(context_length=1), KneserNeyClassifier(add_k=0)
    )
    model = str(folder / "bounded.skops")
    save_model(NameSampler(pipe, max_length=4).fit(["abcab", "cab"]), model)
    picture = str(folder / "p.png")
    assert main(["plot", model, "--tree", "abcab", "-o", picture]) == 1
    err = capsys.readouterr().err
    assert f"drawn from {model!r}" in err and "--alpha" not in err, err


@pytest.mark.parametrize("label", ["alpha=0.1", "max_iter"])
def test_an_unknown_label_is_named_as_given(folder, label, capsys):
    model = _train(folder, "--labels", "group")
    assert main(["sample", model, "--label", label, "-n", "1"]) == 1
    err = capsys.readouterr().err
    assert f"Unknown --label {label}:" in err, err  # as typed, no --alpha


@pytest.mark.parametrize(
    "message, spelled",
    [
        # A quoted path is the user's; the setting after it is the package's.
        (
            "No file 'data/max_iter=3/x_max_iter.txt'; raise max_iter=5.",
            "No file 'data/max_iter=3/x_max_iter.txt'; raise --max-iter 5.",
        ),
        ('Unknown label "o\'neil alpha=1"', 'Unknown --label "o\'neil alpha=1"'),
        # A flag's value, typed unquoted; and the command to copy after "run: ".
        (
            "or --distribution max_iter; or alpha=1",
            "or --distribution max_iter; or --alpha 1",
        ),
        ("Lower alpha; run: sknextchar table alpha=0.1/m.skops max_iter", None),
    ],
)
def test_cli_spelling_skips_what_the_user_gave(message, spelled):
    if spelled is None:  # the command is kept; the advice before it is spelled
        spelled = message.replace("Lower alpha", "Lower --alpha")
    assert cli_spelling(message) == spelled


@pytest.mark.parametrize(
    "label, known, spelled",
    [
        # Before: "Unknown --label 'a\\\\b'", two backslashes to a shell.
        ("a\\b", ["F"], "Unknown --label 'a\\b': "),
        ("a\tb", ["F"], "Unknown --label $'a\\x09b': "),
        ("ë", ["F"], "Unknown --label ë: "),  # bare, as --labels é.txt is
        # Before: "did you mean 'M'?", no flag; now as --labels lable's hint.
        ("m", ["F", "M"], "Unknown --label m: did you mean --label M?"),
        ("a\\b", ["A\\B"], "did you mean --label 'A\\B'?"),
        ("-x", ["-X"], "did you mean --label=-X?"),  # as argparse reads it
    ],
)
def test_an_unknown_label_and_its_near_one_are_shell_words(label, known, spelled):
    message = cli_spelling(str(unknown_label_error(label, known)))
    assert spelled in message, message
    assert "did you mean '" not in message, message
