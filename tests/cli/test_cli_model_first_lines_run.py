"""A model file given first, as a command, then options and words after a
``--``: every line the error offers is run for real, with a model that its
command can use (a labelled one for ``classify``), and must end without a
usage error (session 60)."""

import shlex

import pytest

from sknextchar.cli import main

NAMES = "name,sex\nasha,F\nravi,M\nmeera,F\nanil,M\nsita,F\nrama,M\n"


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """Two folders, each with an ``m.skops``: unlabelled, and labelled."""
    made = {}
    for kind, labels in (("plain", []), ("labelled", ["--labels", "sex"])):
        folder = tmp_path_factory.mktemp(kind)
        (folder / "n.csv").write_text(NAMES, encoding="utf-8")
        argv = ["train", str(folder / "n.csv"), *labels, "--model", "kneser-ney"]
        assert main([*argv, "-q", "-o", str(folder / "m.skops")]) == 0
        made[kind] = folder
    return made


def _usage_error(capsys, argv):
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and "Traceback" not in err, err
    return err.removeprefix("sknextchar: error: ").rstrip("\n")


def _offered(err):
    """The command lines an error offers, each as its words after the program."""
    runs = err.split("run: ", 1)[1].replace("; to read them as options, drop the "
                                            "'--': ", ", or: ")  # fmt: skip
    lines = [shlex.split(line) for line in runs.split(", or: ")]
    assert all(line[0] == "sknextchar" for line in lines), err
    return [line[1:] for line in lines]


def _run(line, folders, tmp_path, monkeypatch, capsys):
    """The exit status of ``line`` run in the folder of the model its command
    can use, ``-o FILE`` written under ``tmp_path``, and what it wrote to stderr."""
    monkeypatch.chdir(folders["labelled" if line[0] == "classify" else "plain"])
    line = [str(tmp_path / "out.png") if word == "FILE" else word for word in line]
    status = main(line)
    return status, capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "commands"),
    [
        # Before: "run: sknextchar sample m.skops -n 3 -- asha", which sample
        # refuses (it takes no name): -n is sample's, the names score's.
        (
            ["m.skops", "-n", "3", "--", "asha"],
            ["sample", "score", "classify", "table"],
        ),
        # Before: "run: sknextchar plot m.skops --tree ab -o FILE -- asha".
        (
            ["m.skops", "--tree", "ab", "--", "asha"],
            ["plot", "score", "classify", "table"],
        ),
        (
            ["m.skops", "-n", "3", "--tree", "ab", "--", "asha"],
            ["sample", "plot", "score", "classify", "table"],
        ),
    ],
)
def test_options_before_the_end_and_words_after_it_get_lines_that_run(
    argv, commands, folders, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    err = _usage_error(capsys, argv)
    assert err.startswith(
        "unknown command 'm.skops': no one command reads both the options before "
        "'--' and the words after it; run: sknextchar "
    ), err
    lines = _offered(err)
    assert [line[0] for line in lines] == commands, err
    for line in lines:  # each run for real, with a model its command can use
        status, said = _run(line, folders, tmp_path, monkeypatch, capsys)
        assert status == 0, (line, said)
        assert ("asha" in line) == (line[0] in ("score", "classify", "table")), line


@pytest.mark.parametrize(
    ("argv", "dropped"),
    [
        # Before: "(drop the '--' to read them as options)", and no line.
        (["m.skops", "--", "-n", "3"], [["sample", "m.skops", "-n", "3"]]),
        (
            ["m.skops", "--", "-n", "3", "--tree", "ab"],
            [
                ["sample", "m.skops", "-n", "3"],
                ["plot", "m.skops", "--tree", "ab", "-o", "FILE"],
            ],
        ),
    ],
)
def test_flags_after_the_end_get_the_line_without_it(
    argv, dropped, folders, tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    err = _usage_error(capsys, argv)
    words = " ".join(argv[2:])
    assert err == (
        "unknown command 'm.skops': the words after '--' are not options; run: "
        f"sknextchar score m.skops -- {words}, or: sknextchar classify m.skops -- "
        f"{words}; to read them as options, drop the '--': "
        + ", or: ".join(shlex.join(["sknextchar", *line]) for line in dropped)
    ), err
    for line in _offered(err):
        status, said = _run(line, folders, tmp_path, monkeypatch, capsys)
        if line in dropped:
            assert status == 0, (line, said)
        else:  # "-n" scored as a name: not in the model's characters, no usage error
            assert status == 1 and "outside the vocabulary" in said, (line, said)


@pytest.mark.parametrize(
    "argv",
    [
        # A flag no command has: no line for it. Before, "-x" after '--' was
        # told "(drop the '--' to read them as options)", which sample refuses.
        ["m.skops", "--bogus", "--", "asha"],
        ["m.skops", "--", "-x"],
    ],
)
def test_no_line_that_would_not_run_is_offered_for_the_part_before_the_end(
    argv, capsys
):
    err = _usage_error(capsys, argv)
    assert "no one command reads both" not in err and "drop the '--'" not in err, err
