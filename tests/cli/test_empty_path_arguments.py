"""An empty path argument (an unset shell variable) is refused, never read.

``sknextchar train "$NAMES" -o m.skops`` with ``$NAMES`` unset passes an empty
NAMES_FILE; taken for no argument at all, it trained on the bundled names
without a word (with ``-q``). The files a command reads are refused empty,
in the command line's words (no ``load_model``).
"""

import pytest

from sknextchar.cli import main

BUNDLED = "leave NAMES_FILE out to train on the bundled names"
MODEL = "give the path of the model file (saved by train)"


@pytest.mark.parametrize(
    "argv, argument, advice",
    [
        (["train", "", "-q"], "NAMES_FILE", BUNDLED),
        (["train", "names.txt", "--resume", "", "-q"], "--resume", MODEL),
        (["sample", "", "-n", "2"], "MODEL", MODEL),
        (["score", "", "asha"], "MODEL", MODEL),
        (["classify", "", "asha"], "MODEL", MODEL),
        (["table", "", "abi"], "MODEL", MODEL),
    ],
)
def test_an_empty_path_is_refused(
    argv, argument, advice, tmp_path, monkeypatch, capsys
):
    """Refused, and the message says what to do: give the file, or (for the
    names of train) leave the argument out for the bundled names."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "names.txt").write_text("abid\nasha\nravi\n")
    output = ["-o", "m.skops", "--max-iter", "1"] if argv[0] == "train" else []
    assert main([*argv, *output]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1, err
    assert f"argument {argument}: expected the path of a file" in err
    assert "empty path (''" in err and "load_model" not in err
    assert advice in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["names.txt"]  # no model
