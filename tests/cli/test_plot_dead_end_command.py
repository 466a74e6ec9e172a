"""plot's dead end names a ``sknextchar table`` command that can be copied as
it is, even for a --tree that the shell must quote ("o'nb")."""

import shlex

import pytest

from sknextchar.cli import main


def test_the_table_command_of_a_dead_end_runs_as_written(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    names = tmp_path / "names.txt"
    # add_k=0, one letter of context: after "b" only the end, below 5 letters.
    names.write_text("o'nab\nq'nab\no'ncd\nq'ncd\n", encoding="utf-8")
    model = str(tmp_path / "dead end.skops")
    train = ["train", str(names), "--model", "kneser-ney", "--add-k", "0"]
    flags = ["--context-length", "1", "--alphabet", "auto", "-q", "-o", model]
    assert main([*train, *flags]) == 0
    picture = str(tmp_path / "p.png")
    assert main(["plot", model, "--tree", "o'nb", "-o", picture]) == 1
    err = capsys.readouterr().err
    assert "run: sknextchar table " in err, err
    command = shlex.split(err.rstrip("\n").rpartition("run: ")[2])
    assert command == ["sknextchar", "table", model, "o'nb"], err
    capsys.readouterr()
    assert main(command[1:]) == 0
