"""The command lines offered in a usage error agree whichever way the command
was reached, and carry an option given twice once, with the value used.

Before: ``sknextchar -- score n.txt`` was offered ``sknextchar score n.txt
NAME`` (a text file taken for the model) where ``sknextchar score n.txt`` is
offered ``--names-file``; ``sknextchar n.txt -o a.skops -o b.skops`` was
offered ``sknextchar train n.txt -o a.skops -o b.skops``, a line that gives
-o twice."""

import pytest

from sknextchar.cli import build_parser, main
from tests.cli.test_cli_misplaced_words import NAMES, _filled, _usage_error


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "n.txt").write_text(NAMES, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["--", "score", "n.txt"], "sknextchar score MODEL --names-file n.txt"),
        (["--", "classify", "n.txt"], "sknextchar classify MODEL --names-file n.txt"),
        (["--", "score", "asha"], "sknextchar score MODEL asha"),
        (["--", "score", "n.txt", "--by", "per-char"],
         "sknextchar score MODEL --names-file n.txt --by per-char"),
    ],
)  # fmt: skip
def test_a_double_dash_before_the_command_offers_what_the_command_does(
    argv, line, folder, capsys
):
    err = _usage_error(capsys, argv)
    assert err.endswith(f"run: {line}"), err
    alone = _usage_error(capsys, argv[1:])  # the same words without '--'
    assert f"run: {line} (see" in alone or f"first, {line}" in alone, alone
    args = build_parser().parse_args(_filled(line))
    assert args.run.__name__ == argv[1]


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["n.txt", "-o", "a.skops", "-o", "b.skops"],
         "sknextchar train n.txt -o b.skops"),
        (["n.txt", "-o", "a.skops", "--output=b.skops", "--max-iter", "2"],
         "sknextchar train n.txt --output=b.skops --max-iter 2"),
        (["-n", "3", "-n", "4", "sample", "m.skops"], "sknextchar sample -n 4 m.skops"),
        (["-n3", "--n-s", "4", "sample", "m.skops"],
         "sknextchar sample --n-s 4 m.skops"),
        (["tree", "m.skops", "--tree", "ab", "--tree", "cd"],
         "sknextchar plot m.skops --tree cd -o FILE"),
        (["--", "trian", "n.txt", "-o", "a.skops", "-o", "b.skops"],
         "sknextchar train n.txt -o b.skops"),
        (["--", "table", "m.skops", "ab", "--top", "2", "--top", "3"],
         "sknextchar table m.skops ab --top 3"),
        # the same value twice: once is enough too
        (["m.skops", "--novel", "--novel"], "sknextchar sample m.skops --novel"),
    ],
)  # fmt: skip
def test_an_offered_line_gives_a_repeated_option_once(argv, line, folder, capsys):
    err = _usage_error(capsys, argv)
    assert err.endswith(line), err
    words = [word.replace("FILE", "x.png") for word in _filled(line)]
    build_parser().parse_args(words)
    assert "Note" not in capsys.readouterr().err  # no option given twice


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        # two options in one word: the line as typed (the note tells of it)
        (["-qn3", "-n", "4", "sample", "m.skops"],
         "sknextchar sample -qn3 -n 4 m.skops"),
        (["m.skops", "-n", "2"], "sknextchar sample m.skops -n 2"),  # once: as typed
    ],
)  # fmt: skip
def test_a_line_whose_repeat_is_not_found_is_offered_as_typed(
    argv, line, folder, capsys
):
    assert _usage_error(capsys, argv).endswith(line)


def test_plot_s_missing_output_is_offered_with_one_tree(folder, capsys):
    argv = ["plot", "m.skops", "--tree", "ab", "--tree", "cd"]
    err = _usage_error(capsys, argv)
    assert "write: sknextchar plot m.skops --tree cd -o FILE (see" in err, err
    assert main([*argv[:-2], "-o", "t.png", "--bogus"]) == 2  # no line, no crash
