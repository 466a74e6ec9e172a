"""The command line's first words: a file given without its command gets the
command line to run; standard input is named as typed on every line of
``train``; a mistyped flag is guessed by the one guesser of the package."""

import argparse

import pytest

from sknextchar.cli import build_parser, main

NAMES = "asha\numa\nravi\nmira\nrahul\nsita\n"
SMALL = ["--max-iter", "1", "--hidden-layer-sizes", "4", "--embedding-dim", "2"]


def _usage_error(capsys, argv):
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    return err.removeprefix("sknextchar: error: ").rstrip("\n")


@pytest.mark.parametrize(
    ("argv", "told"),
    [
        # Before: "unknown command 'n.txt' (see 'sknextchar --help')"
        (["n.txt", "-o", "m.skops"], "run: sknextchar train n.txt -o m.skops"),
        (["my names.txt", "-o", "m.skops"], "train 'my names.txt' -o m.skops"),
        (["n.txt"], "run: sknextchar train n.txt -o MODEL"),  # -o is required
        (["-", "--max-iter", "3"], "sknextchar train - --max-iter 3 -o MODEL"),
        (["data/unseen.csv", "-o", "m"], "sknextchar train data/unseen.csv -o m"),
        (["m.skops", "-n", "3"], "run: sknextchar sample m.skops -n 3"),
        (["m.joblib"], "to generate names with a model, run: sknextchar sample m"),
        # Before (as delivered): argparse's own message, the word in double quotes
        (["it's.txt"], """run: sknextchar train "it's.txt" -o MODEL"""),
        # Before (as delivered): --order taken for -o, no -o in the line to run
        (["n.txt", "--order", "3"], "sknextchar train n.txt --order 3 -o MODEL"),
        (["n.txt", "--out=m"], "run: sknextchar train n.txt --out=m"),
    ],
)
def test_a_file_given_as_the_command_gets_the_command_to_run(
    argv, told, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    for name in ("n.txt", "my names.txt", "it's.txt"):
        (tmp_path / name).write_text(NAMES, encoding="utf-8")
    err = _usage_error(capsys, argv)
    assert err.startswith(f"unknown command {argv[0]!r}: to "), err
    assert told in err, err


def test_a_typo_of_a_command_is_still_guessed_and_else_the_commands_listed(capsys):
    assert _usage_error(capsys, ["trian", "n.txt"]).endswith("did you mean 'train'?")
    # Before: "unknown command 'fly' (see 'sknextchar --help')", one more step
    err = _usage_error(capsys, ["fly"])
    assert err.startswith("unknown command 'fly' (the commands: train, sample, ")
    assert "plot)" in err and len(err) < 100
    # Before: "unknown command 'help' (see 'sknextchar --help')"
    assert _usage_error(capsys, ["help"]).endswith("did you mean 'sknextchar --help'?")
    # Before: "unknown command 'm.skops' (see ...)", the value of -o taken for it
    err = _usage_error(capsys, ["-o", "m.skops"])
    assert "options come after the command: sknextchar COMMAND -o m.skops (" in err


@pytest.mark.parametrize(
    ("argv", "told"),
    [
        # Before (as delivered): "unknown command '3': options come after ..."
        (["--max-iter", "3", "n.txt"], "sknextchar COMMAND --max-iter 3 n.txt (the "),
        # Before (as delivered): "... sknextchar COMMAND --seed 1 train n.txt"
        (["--seed", "1", "train", "n.txt"], "sknextchar train --seed 1 n.txt -o MODEL"),
        (["-n", "3", "sample", "m.skops"], "sknextchar sample -n 3 m.skops"),
    ],
)
def test_options_before_the_command_are_told_the_line_to_run(argv, told, capsys):
    err = _usage_error(capsys, argv)
    assert err.startswith("options come after the command: ") and told in err, err


def test_a_directory_given_as_the_command_is_not_given_to_train(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "names").mkdir()
    for word in ("names", "names/"):
        # Before (as delivered): "names/" got "run: sknextchar train names/ ...",
        # which train refuses ("'names/' is a directory")
        err = _usage_error(capsys, [word])
        assert err.startswith(f"unknown command {word!r} (the commands: "), err


def test_standard_input_is_named_as_typed_on_every_line_of_train(
    tmp_path, monkeypatch, capsys
):
    given = tmp_path / "given.txt"  # what standard input holds
    given.write_text(NAMES, encoding="utf-8")
    monkeypatch.setattr("sknextchar.cli._stdin_files.STDIN", str(given))
    model = str(tmp_path / "m.skops")
    assert main(["train", "-", *SMALL, "-o", model]) == 0
    # Before: "Training on 6 names from -...", the "-" named nowhere else so
    err = capsys.readouterr().err
    assert err.startswith("Training on 6 names from standard input ('-')...\n"), err
    resumed = ["--resume", model, "--max-iter", "2", "-o", model + ".2"]
    assert main(["train", "-", *resumed]) == 0
    out = capsys.readouterr().out
    # Before: "on the names of '/tmp/.../given.txt'", a path never typed
    assert "on the names of standard input ('-') in " in out and str(given) not in out
    chunks = ["--chunk-size", "3", "--validation-fraction", "0", "--force"]
    assert main(["train", "-", *SMALL, *chunks, "-o", model]) == 0
    out = capsys.readouterr().out
    assert "Trained on standard input ('-') in chunks of 3" in out, out
    assert str(given) not in out


@pytest.mark.parametrize(
    ("argv", "guess"),
    [
        # Kept: the guesses of the flags' own guesser before
        (["train", "--max-iters", "3", "-o", "m"], "did you mean --max-iter?"),
        (["sample", "m.skops", "--seeds", "0"], "did you mean --seed?"),
        (["sample", "m.skops", "--temprature", "2"], "did you mean --temperature?"),
        (["sample", "m.skops", "--novell"], "did you mean --novel?"),
        (["sample", "m.skops", "--to-pk", "3"], "did you mean --top-k?"),  # swapped
        (["sample", "m.skops", "--topx", "3"], "did you mean --top-k or --top-p?"),
        (["sample", "m.skops", "--labels", "f"], "did you mean --label?"),
        (["classify", "m.skops", "a", "--labesl", "x"], "did you mean --labels?"),
        (["train", "--novell", "-o", "m"], None),  # train has no --novel: no --model
        (["sample", "m.skops", "--bogus"], None),  # close to none
        # Before: none; now the letters of the option in another order
        (["train", "--esde", "0", "-o", "m"], "did you mean --seed?"),
        (["train", "--ofrec", "-o", "m"], "did you mean --force?"),
    ],
)
def test_a_mistyped_flag_is_guessed_by_the_one_guesser(argv, guess, capsys):
    err = _usage_error(capsys, argv)
    typo = next(arg for arg in argv[1:] if arg.startswith("-"))
    assert f"unrecognized argument: {typo}" in err, err
    if guess is None:
        assert "did you mean" not in err, err
    else:
        assert guess in err, err


@pytest.mark.parametrize(
    ("argv", "told"),
    [
        # Before: "the following arguments are required: COMMAND, and
        # unrecognized argument: -V (see 'sknextchar --help')", no guess
        (["-V"], "unrecognized argument: -V; did you mean --version?"),
        (["-v"], "unrecognized argument: -v; did you mean --version?"),
        (["--verison"], "unrecognized argument: --verison; did you mean --version?"),
    ],
)
def test_the_version_spelled_as_other_tools_spell_it_is_guessed(argv, told, capsys):
    assert _usage_error(capsys, argv) == told


def test_a_flag_of_no_option_still_says_the_command_is_missing(capsys):
    err = _usage_error(capsys, ["--bogus"])
    assert err.startswith("the following arguments are required: COMMAND, and ")
    assert "did you mean" not in err, err
    # -v is no --version where the command has none: no guess
    assert "did you mean" not in _usage_error(capsys, ["sample", "m.skops", "-v"])


@pytest.mark.parametrize(
    ("argv", "told"),
    [
        # Before: "unknown command '--' (the commands: train, sample, ...)"
        (
            ["--", "n.txt"],
            ": to train a model on a file of names, run: "
            "sknextchar train n.txt -o MODEL",
        ),
        (
            ["--", "sample", "m.skops", "-n", "3"],
            "; run: sknextchar sample m.skops -n 3",
        ),
        (
            ["--", "-x.txt"],
            ": to train a model on a file of names, run: "
            "sknextchar train ./-x.txt -o MODEL",
        ),
        # standard input stays '-', no file named so ('./-')
        (
            ["--", "-", "--seed", "1"],
            ": to train a model on a file of names, run: "
            "sknextchar train - --seed 1 -o MODEL",
        ),
        # Before: "the following arguments are required: COMMAND, and
        # unrecognized argument: --"
        (["--"], " (the commands: train, sample, score, classify, table, plot)"),
    ],
)
def test_a_double_dash_before_the_command_is_told_what_it_does(
    argv, told, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    for name in ("n.txt", "-x.txt"):
        (tmp_path / name).write_text(NAMES, encoding="utf-8")
    err = _usage_error(capsys, argv)
    assert err == "'--' ends the options of a command, and comes after it" + told


def test_a_double_dash_after_the_command_still_ends_its_options(tmp_path, capsys):
    model = str(tmp_path / "m.skops")
    names = tmp_path / "n.txt"
    names.write_text(NAMES, encoding="utf-8")
    assert main(["train", *SMALL, "-o", model, "--", str(names)]) == 0
    capsys.readouterr()
    assert main(["score", model, "--by", "per-char", "--", "asha"]) == 0
    assert "asha" in capsys.readouterr().out


def test_the_flag_guesser_asks_the_ranking_once(monkeypatch):
    # Before: close_word up to four times (swapped, close, a tie's two)
    from sknextchar.cli import _unknown_args

    calls = []
    ranked = _unknown_args.ranked_words

    def counted(*args, **kwargs):
        calls.append(args[0])
        return ranked(*args, **kwargs)

    monkeypatch.setattr(_unknown_args, "ranked_words", counted)
    for flag in ("--topx", "--to-pk", "--bogus", "--labesl"):
        _unknown_args._near_option(flag, {"--top-k", "--top-p", "--label", "--labels"})
    assert calls == ["--topx", "--to-pk", "--bogus", "--labesl"]


def _filled(line):
    """The words of an offered command line, its placeholders filled in."""
    values = {"MODEL": "m.skops", "NAME": "asha", "CONTEXT": "abi", "FILE": "x.png"}
    return [values.get(word, word) for word in line.split()[1:]]


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        # Before: "'--' ends the options of a command, and comes after it (the
        # commands: train, sample, score, classify, table, plot)"
        (["--", "trian", "n.txt"], "sknextchar train n.txt -o MODEL"),
        (["--", "sampel", "m.skops"], "sknextchar sample m.skops"),
        (["--", "Scroe", "m.skops", "asha"], "sknextchar score m.skops asha"),
    ],
)
def test_a_typo_of_a_command_after_a_double_dash_is_guessed(argv, line, capsys):
    err = _usage_error(capsys, argv)
    meant = line.split()[1]
    assert err == (
        "'--' ends the options of a command, and comes after it; unknown command "
        f"{argv[1]!r}; did you mean {meant!r}? If so, run: {line}"
    )
    assert build_parser().parse_args(_filled(line)).run.__name__ == meant


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        # Before: "... run: sknextchar sample", "... run: sknextchar score", ...
        (["sample"], "sknextchar sample MODEL"),
        (["score"], "sknextchar score MODEL NAME"),
        (["classify"], "sknextchar classify MODEL NAME"),
        (["table"], "sknextchar table MODEL CONTEXT"),
        (["table", "--top", "3"], "sknextchar table MODEL CONTEXT --top 3"),
        # CONTEXT before --top would be read as the model: it goes last
        (
            ["table", "--top", "3", "m.skops"],
            "sknextchar table --top 3 m.skops CONTEXT",
        ),
        (["plot"], "sknextchar plot MODEL --embeddings -o FILE"),
        (["plot", "m.skops"], "sknextchar plot m.skops --embeddings -o FILE"),
        (["score", "m.skops"], "sknextchar score m.skops NAME"),
        # a list option takes every word after it: CONTEXT comes before it
        (
            ["table", "m.skops", "--temperatures", "1", "2"],
            "sknextchar table m.skops CONTEXT --temperatures 1 2",
        ),
        (["train"], "sknextchar train -o MODEL"),
    ],
)
def test_a_double_dash_before_a_command_is_told_a_line_that_runs(argv, line, capsys):
    err = _usage_error(capsys, ["--", *argv])
    assert err == f"'--' ends the options of a command, and comes after it; run: {line}"
    assert build_parser().parse_args(_filled(line)).run.__name__ == argv[0]


@pytest.mark.parametrize(
    ("argv", "told"),
    [
        # Before: "the following arguments are required: -o/--output, the file
        # to write: sknextchar plot m.skops -o FILE", which then stopped on the
        # missing picture
        (
            ["plot", "m.skops"],
            "the following arguments are required: -o/--output and one of "
            "--embeddings --loss --tree --distribution, for example: "
            "sknextchar plot m.skops --embeddings -o FILE",
        ),
        # Before: "the following arguments are required: MODEL, -o/--output"
        (
            ["plot"],
            "the following arguments are required: MODEL, -o/--output and one "
            "of --embeddings --loss --tree --distribution, for example: "
            "sknextchar plot MODEL --embeddings -o FILE",
        ),
        # Before: "one of the arguments --embeddings ... is required", no line
        (
            ["plot", "m.skops", "-o", "x.png"],
            "one of the arguments --embeddings --loss --tree --distribution is "
            "required, for example: sknextchar plot m.skops --embeddings -o x.png",
        ),
    ],
)
def test_all_that_plot_misses_is_told_at_once(argv, told, capsys):
    err = _usage_error(capsys, argv)
    assert err == f"{told} (see 'sknextchar plot --help')"
    line = told.partition("for example: ")[2]
    assert build_parser().parse_args(_filled(line)).run.__name__ == "plot"


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        # Before: "unknown command 'explain' (the commands: train, ...)"
        (["explain", "m.skops", "asha"], "sknextchar score m.skops asha --explain"),
        (["explain"], "sknextchar score MODEL NAME --explain"),
        (["tree", "m.skops"], "sknextchar plot m.skops --tree PREFIX -o FILE"),
        (["loss", "m.skops", "-o", "l.png"], "sknextchar plot m.skops -o l.png --loss"),
        # The option given too: it was added again, "plot m.skops --tree ab
        # --tree PREFIX" (no -o FILE), a line that lacked -o FILE and gave --tree twice
        (
            ["tree", "m.skops", "--tree", "ab"],
            "sknextchar plot m.skops --tree ab -o FILE",
        ),
        (["tree", "m.skops", "--tree=ab"], "sknextchar plot m.skops --tree=ab -o FILE"),
    ],
)
def test_an_option_typed_as_the_command_gets_its_command(argv, line, capsys):
    err = _usage_error(capsys, argv)
    command = line.split()[1]
    assert err == (
        f"unknown command {argv[0]!r}: --{argv[0]} is an option of {command!r}; "
        f"run: {line}"
    )
    words = [word.replace("PREFIX", "ab") for word in _filled(line)]
    assert build_parser().parse_args(words).run.__name__ == command


def test_an_option_typed_as_the_command_before_a_name_puts_the_model_first(
    tmp_path, monkeypatch, capsys
):
    # Was "run: sknextchar score asha NAME --explain": the name taken for the
    # model, a line that then fails on the file 'asha'.
    monkeypatch.chdir(tmp_path)
    err = _usage_error(capsys, ["explain", "asha"])
    assert err.endswith("run: sknextchar score MODEL asha --explain"), err
    err = _usage_error(capsys, ["explain", "m.skops", "asha"])  # named as a model
    assert err.endswith("run: sknextchar score m.skops asha --explain"), err


def test_an_option_of_a_file_or_of_several_commands_is_no_command(capsys):
    # --resume MODEL: the file typed after it would be its NAMES_FILE instead
    err = _usage_error(capsys, ["resume", "m.skops"])
    assert err.startswith("unknown command 'resume' (the commands: "), err
    err = _usage_error(capsys, ["label", "m.skops"])  # sample, score, table, ...
    assert err == "unknown command 'label'; did you mean 'table'?"


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        # Before: "the following arguments are required: NAME or --names-file",
        # when a name was given: 'asha' was taken for the model
        (["score", "asha"], "sknextchar score MODEL asha"),
        (["classify", "asha", "--priors", "f=1"], "classify MODEL asha --priors f=1"),
        # Before: "the following arguments are required: CONTEXT"
        (["table", "abi", "--top", "3"], "sknextchar table MODEL abi --top 3"),
    ],
)
def test_a_name_given_without_the_model_is_told_the_model_comes_first(
    argv, line, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    err = _usage_error(capsys, argv)
    assert f"; {argv[1]!r} is no file: the model file comes first, " in err, err
    assert err.endswith(f"{line} (see 'sknextchar {argv[0]} --help')"), err


def test_a_model_file_given_without_names_is_not_told_to_come_first(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "abi").write_text("", encoding="utf-8")  # a file: maybe the model
    for argv in (["score", "m.skops"], ["table", "abi"], ["table", "m.joblib"]):
        assert "comes first" not in _usage_error(capsys, argv)


def test_a_number_of_names_without_its_flag_is_told_n(capsys):
    # Before: "unrecognized argument: 10 (see 'sknextchar sample --help')"
    err = _usage_error(capsys, ["sample", "m.skops", "10"])
    assert err == (
        "unrecognized argument: 10; did you mean -n 10 (the number of names)? "
        "(see 'sknextchar sample --help')"
    )
    # a command without -n: no -n guessed (table's note on one CONTEXT only)
    err = _usage_error(capsys, ["table", "m.skops", "abi", "10"])
    assert err == (
        "unrecognized argument: 10; table takes one CONTEXT ('abi' here): run it "
        "again for '10' (see 'sknextchar table --help')"
    )


@pytest.mark.parametrize(
    "given", [["-n", "5"], ["-n5"], ["--n-samples=5"], ["--n-s", "5"]]
)
def test_a_number_after_n_was_given_is_not_told_n_again(capsys, given):
    # Before: `sample m.skops -n 5 10` was asked "did you mean -n 10 (the number
    # of names)?", though -n was given: the word alone is named.
    err = _usage_error(capsys, ["sample", "m.skops", *given, "10"])
    assert err == "unrecognized argument: 10 (see 'sknextchar sample --help')"


def test_a_count_before_the_model_is_told_the_line_meant(capsys):
    # Before: "unrecognized argument: m.skops": 10 was taken for the model
    err = _usage_error(capsys, ["sample", "10", "m.skops", "--seed", "0"])
    line = "sknextchar sample m.skops --seed 0 -n 10"
    assert err == (
        "unrecognized argument: m.skops; the model comes first, the number of "
        f"names after -n: {line} (see 'sknextchar sample --help')"
    )
    assert build_parser().parse_args(_filled(line)).n_samples == 10
    # -n given as well: no line (it would give -n twice)
    err = _usage_error(capsys, ["sample", "10", "m.skops", "-n", "3"])
    assert err == "unrecognized argument: m.skops (see 'sknextchar sample --help')"


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        # Before: "the following arguments are required: NAME or --names-file"
        (["score", "n.txt"], "sknextchar score MODEL --names-file n.txt"),
        (
            ["classify", "n.txt", "-q"],
            "sknextchar classify MODEL --names-file n.txt -q",
        ),
    ],
)
def test_a_names_file_given_as_the_model_is_told_names_file(
    argv, line, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "n.txt").write_text(NAMES, encoding="utf-8")
    err = _usage_error(capsys, argv)
    assert err == (
        "the following arguments are required: NAME or --names-file; 'n.txt' is "
        f"a text file, no model: to {argv[0]} its names, run: {line} "
        f"(see 'sknextchar {argv[0]} --help')"
    )
    assert build_parser().parse_args(_filled(line)).names_file == "n.txt"
    # Before: "run: sknextchar score n.txt NAME --explain", the file as MODEL
    err = _usage_error(capsys, ["explain", "n.txt"])
    assert err.endswith("run: sknextchar score MODEL --names-file n.txt --explain")


def test_a_second_context_of_table_is_told_it_takes_one(capsys):
    # Before: "unrecognized argument: ravi"
    err = _usage_error(capsys, ["table", "m.skops", "abi", "ravi", "--top", "2"])
    assert err == (
        "unrecognized argument: ravi; table takes one CONTEXT ('abi' here): run it "
        "again for 'ravi' (see 'sknextchar table --help')"
    )
    err = _usage_error(capsys, ["table", "m.skops", "abi", "ravi", "mira", "uma"])
    assert "('abi' here): run it again for each of the others" in err


@pytest.mark.parametrize(
    ("argv", "told"),
    [
        # Before: "the following arguments are required: -o/--output, and
        # unrecognized argument: --bogus": the picture not named
        (
            ["plot", "m.skops", "--bogus"],
            "the following arguments are required: -o/--output and one of "
            "--embeddings --loss --tree --distribution, for example: sknextchar "
            "plot m.skops --embeddings -o FILE, and unrecognized argument: --bogus",
        ),
        # Before: "... for example: sknextchar plot m.skops --embeddings --bogus
        # -o x.png", a line that fails on --bogus
        (
            ["plot", "m.skops", "--bogus", "-o", "x.png"],
            "one of the arguments --embeddings --loss --tree --distribution is "
            "required, for example: sknextchar plot m.skops --embeddings -o x.png, "
            "and unrecognized argument: --bogus",
        ),
        # Before: "... for example: sknextchar plot m.skops --embeddings --tee ab
        # -o x.png": the typo untold; 'ab' would be left over: no line
        (
            ["plot", "m.skops", "--tee", "ab", "-o", "x.png"],
            "one of the arguments --embeddings --loss --tree --distribution is "
            "required, and unrecognized argument: --tee; did you mean --tree?",
        ),
        # Before: "the following arguments are required: -o/--output, and
        # unrecognized argument: --bogus", no line
        (
            ["train", "n.txt", "--bogus"],
            "the following arguments are required: -o/--output, the file to "
            "write: sknextchar train n.txt -o MODEL, and unrecognized argument: "
            "--bogus",
        ),
    ],
)
def test_what_is_missing_and_a_typo_are_told_together(argv, told, capsys):
    err = _usage_error(capsys, argv)
    assert err == f"{told} (see 'sknextchar {argv[0]} --help')"
    line = told.partition("example: ")[2] or told.partition("write: ")[2]
    if line:
        line = line.partition(", and ")[0]
        assert build_parser().parse_args(_filled(line)).run.__name__ == argv[0]


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        # Before: "run: sknextchar train n.txt --max-iter 0", no -o: following
        # it, the value was told, then -o
        (["trian", "n.txt", "--max-iter", "0"], "train n.txt --max-iter 0 -o MODEL"),
        (["n.txt", "--seed", "x"], "train n.txt --seed x -o MODEL"),
        (["table", "--top", "0"], "table MODEL CONTEXT --top 0"),
        (["score", "m.skops", "--by", "bogus"], "score m.skops NAME --by bogus"),
    ],
)
def test_a_line_with_a_bad_value_still_gets_its_placeholders(argv, line, capsys):
    err = _usage_error(capsys, ["--", *argv])
    assert err.endswith(f"run: sknextchar {line}"), err
    fixed = {"0": "3", "x": "1", "bogus": "total"}
    words = [fixed.get(word, word) for word in _filled(f"sknextchar {line}")]
    assert build_parser().parse_args(words).run.__name__ == line.split()[0]


# ---- a model given first with an option sample lacks (found by U2 in session 58)
@pytest.mark.parametrize(
    ("argv", "told"),
    [
        # Before: "run: sknextchar sample m.skops --tree ab", which sample
        # refused ("unrecognized argument: --tree"), and both values kept.
        (["m.skops", "--tree", "ab"], "plot m.skops --tree ab -o FILE"),
        (["m.skops", "--tree", "ab", "--tree=cd"], "plot m.skops --tree=cd -o FILE"),
        (["m.skops", "--distribution", "a", "-o", "d.png"], "plot m.skops "),
        (["m.skops", "--by", "per-char"], "score m.skops NAME --by per-char"),
        (["m.skops", "--top", "3"], "table m.skops CONTEXT --top 3"),
    ],
)
def test_a_model_given_first_gets_the_command_that_has_its_options(argv, told, capsys):
    err = _usage_error(capsys, argv)
    flag = next(word for word in argv[1:] if word.startswith("--")).split("=")[0]
    command = told.split()[0]
    assert err.startswith(f"unknown command 'm.skops': {flag} is an option of "), err
    assert f"{flag} is an option of {command!r}; run: sknextchar {told}" in err, err
    # The line offered parses: its command takes every option typed.
    words = err.partition("run: sknextchar ")[2].split()
    build_parser().parse_args(words)


def test_a_model_given_first_keeps_sample_when_sample_or_no_one_command_fits(capsys):
    # sample takes them: as before.
    err = _usage_error(capsys, ["m.skops", "-n", "3", "--seed", "1"])
    assert err.endswith("generate names with a model, run: sknextchar sample "
                        "m.skops -n 3 --seed 1"), err  # fmt: skip
    # --names-file is of score and of classify: no one command to offer.
    err = _usage_error(capsys, ["m.skops", "--names-file", "n.txt"])
    assert "run: sknextchar sample m.skops --names-file n.txt" in err, err
    # train's --model is the kind of model to train: train takes no MODEL.
    err = _usage_error(capsys, ["m.skops", "--model", "kneser-ney"])
    assert "sknextchar train" not in err, err  # was: train m.skops ... -o MODEL


@pytest.mark.parametrize(
    ("argv", "told", "lines"),
    [
        # Before: "to generate names with a model, run: sknextchar sample
        # m.skops -n 3 --tree ab", which sample refused (no --tree).
        (
            ["m.skops", "-n", "3", "--tree", "ab"],
            "-n is an option of 'sample' and --tree of 'plot'",
            ["sample m.skops -n 3", "plot m.skops --tree ab -o FILE"],
        ),
        (  # the flags every line takes (-q) go to each; --seed is not plot's
            ["m.skops", "--seed", "1", "-n", "3", "--top", "2", "--tree=a", "-q"],
            "--seed and -n are options of 'sample', --top of 'table' and --tree of "
            "'plot'",
            [
                "sample m.skops --seed 1 -n 3 -q",
                "table m.skops CONTEXT --top 2 -q",
                "plot m.skops --tree=a -q -o FILE",
            ],
        ),
        (  # sample takes --label, and so does table: no line of sample
            ["m.skops", "--label", "f", "--top", "2", "--by", "per-char"],
            "--top is an option of 'table' and --by of 'score'",
            [
                "table m.skops CONTEXT --label f --top 2",
                "score m.skops NAME --label f --by per-char",
            ],
        ),
        (  # a list of values: each goes with its flag
            ["m.skops", "--temperatures", "0.5", "1", "-n", "2"],
            "--temperatures is an option of 'table' and -n of 'sample'",
            ["table m.skops CONTEXT --temperatures 0.5 1", "sample m.skops -n 2"],
        ),
    ],
)
def test_a_model_given_first_with_options_no_one_command_takes_gets_each_line(
    argv, told, lines, capsys
):
    err = _usage_error(capsys, argv)
    offered = ", or: ".join(f"sknextchar {line}" for line in lines)
    assert err == (
        f"unknown command 'm.skops': {told}, which no one command takes together; "
        f"run: {offered}"
    ), err
    for line in lines:  # each line, its placeholders filled, is read by its command
        fixed = {"CONTEXT": "ab", "NAME": "asha", "FILE": "t.png"}
        words = [fixed.get(word, word) for word in line.split()]
        assert build_parser().parse_args(words).run.__name__ == words[0]


@pytest.mark.parametrize(
    "argv",
    [
        ["m.skops", "-n", "3", "--tree", "ab", "--bogus"],  # a typo: no line for it
        ["m.skops", "--names-file", "n.txt", "-n", "3"],  # of score and classify
    ],
)
def test_a_model_given_first_keeps_sample_when_a_flag_has_no_one_command(argv, capsys):
    err = _usage_error(capsys, argv)
    assert "to generate names with a model, run: sknextchar sample m.skops" in err, err


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        # Before: "run: sknextchar plot m.skops --tree", no PREFIX (nor -o).
        (["m.skops", "--tree"], "plot m.skops --tree PREFIX -o FILE"),
        (["m.skops", "--tree", "-o", "t.png"], "plot m.skops --tree PREFIX -o t.png"),
        (["--", "plot", "m.skops", "--tre"], "plot m.skops --tre PREFIX -o FILE"),
        (
            ["--", "table", "m.skops", "a", "--temperatures"],
            "table m.skops a --temperatures T",
        ),
    ],
)
def test_an_option_without_its_value_gets_its_placeholder(argv, line, capsys):
    err = _usage_error(capsys, argv)
    assert err.endswith(f"run: sknextchar {line}"), err


# argparse's words, as another language (or release) may word them.
_REWORDED = {
    "expected one argument": "il manque une valeur",
    "expected at least one argument": "il manque au moins une valeur",
}


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["m.skops", "--tree"], "plot m.skops --tree PREFIX -o FILE"),
        (
            ["--", "plot", "m.skops", "--tre", "-o", "t.png"],
            "plot m.skops --tre PREFIX -o t.png",
        ),
        (
            ["--", "table", "m.skops", "a", "--temperatures"],
            "table m.skops a --temperatures T",
        ),
    ],
)
def test_an_option_without_its_value_gets_its_placeholder_in_any_wording(
    argv, line, monkeypatch, capsys
):
    # The placeholder was placed only on argparse's English "argument --tree:
    # expected one argument"; reworded, the line came without PREFIX.
    monkeypatch.setattr(argparse, "_", lambda text: _REWORDED.get(text, text))
    err = _usage_error(capsys, argv)
    assert err.endswith(f"run: sknextchar {line}"), err


def test_a_file_of_names_given_first_with_an_option_of_plot_is_not_given_to_plot(
    tmp_path, monkeypatch, capsys
):
    # It was offered "sknextchar plot n.txt --tree ab -o FILE" (a file of
    # names as the model) once a model file got plot's line.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "n.txt").write_text(NAMES, encoding="utf-8")
    err = _usage_error(capsys, ["n.txt", "--tree", "ab"])
    assert "run: sknextchar train n.txt --tree ab -o MODEL" in err, err


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        # Before: "run: sknextchar score m.skops NAME --by BY", which score
        # refuses (BY is none of total, per-char): now its first choice.
        (["m.skops", "--by"], "score m.skops NAME --by total"),
        (["--", "score", "m.skops", "asha", "--by"], "score m.skops asha --by total"),
        (["by", "m.skops", "asha"], "score m.skops asha --by total"),
    ],
)
def test_an_option_of_choices_without_its_value_gets_its_first_choice(
    argv, line, capsys
):
    err = _usage_error(capsys, argv)
    assert err.endswith(f"run: sknextchar {line}"), err
    words = [{"NAME": "asha"}.get(word, word) for word in line.split()]
    assert build_parser().parse_args(words).by == "total"


@pytest.mark.parametrize(
    "argv",
    [
        # Before: "run: sknextchar sample m.skops --tr ab", though --tr starts
        # plot's --tree too (argparse calls it ambiguous in plot). The options
        # in argparse's order (were sorted: "--tree, --trust-pickle").
        ["m.skops", "--tr", "ab"],
        ["m.skops", "-n", "3", "--tr", "ab"],
    ],
)
def test_a_model_given_first_with_an_ambiguous_flag_names_its_options(argv, capsys):
    err = _usage_error(capsys, argv)
    assert err.startswith(
        "unknown command 'm.skops': --tr could match --trust-pickle, --tree"
    ), err
    assert "run: sknextchar sample" not in err, err


@pytest.mark.parametrize(
    ("argv", "lines"),
    [
        # Flags after '--' get the line without it too: in
        # test_cli_model_first_lines_run.py.
        (
            ["m.skops", "--by", "total", "--", "asha"],
            ["score m.skops --by total -- asha"],
        ),
        (
            ["m.skops", "--", "abi"],
            ["score m.skops -- abi", "classify m.skops -- abi", "table m.skops -- abi"],
        ),
    ],
)
def test_a_model_given_first_with_words_after_the_end_of_options(argv, lines, capsys):
    err = _usage_error(capsys, argv)
    offered = ", or: ".join(f"sknextchar {line}" for line in lines)
    assert err == (
        "unknown command 'm.skops': the words after '--' are not options (drop the "
        f"'--' to read them as options); run: {offered}"
    ), err
    for line in lines:  # each line is read whole by its command, -n 3 as words
        namespace, extras = build_parser().parse_known_args(line.split())
        assert extras == [] and namespace.run.__name__ == line.split()[0]


def test_a_model_given_first_with_nothing_after_the_end_of_options_keeps_sample(
    capsys,
):
    err = _usage_error(capsys, ["m.skops", "--"])
    assert err.endswith(
        "to generate names with a model, run: sknextchar sample m.skops --"
    )
