"""A NUL character in a path or in the end marker is refused with what to do.

A command line cannot hold a NUL (``exec`` takes C strings), so these come
from Python: ``main([...])``, ``save_model``, ``load_model``, ``load_names``,
``end_symbol``. Found by running every command with random flags and values:

1. ``main(["train", ..., "-o", "m\\x00.skops"])``, ``plot -o``, and a model
   file's path with a NUL printed ``error: embedded null byte`` (Python's own
   words, neither the flag nor the path); each now names the path and says
   what to do. A file of names with a NUL was called missing ("No such file of
   names", with a "Did you mean" of another file); it is now told as such.
2. ``end_symbol="\\x00"`` trained, then failed with "These windows use the
   vocabulary '\\x00abc...', but the model's classes_ are ['', 'a', ...]":
   NumPy's strings drop a trailing NUL. It is refused before any name is read.
"""

import os

import pytest

from sknextchar import ContextWindowTransformer, load_model
from sknextchar._file_safety import check_target
from sknextchar.cli import main
from sknextchar.datasets import load_names
from tests._count_model import copied_into, names_in, trained_count_model


@pytest.fixture
def names(tmp_path):
    return names_in(tmp_path)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    return trained_count_model(tmp_path_factory.mktemp("model"))


@pytest.fixture
def model(trained, names, tmp_path):
    """The module's count model in ``tmp_path`` beside ``names``, as each test
    once trained it there."""
    return copied_into(trained, tmp_path)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["train", "{names}", "--model", "kneser-ney", "-o", "a\x00b.skops"],
            "save to",
        ),
        (["plot", "{model}", "--loss", "-o", "a\x00b.png"], "save to"),
        (["plot", "{model}", "--loss", "--force", "-o", "{model}\x00.png"], "save to"),
        (["sample", "a\x00b.skops"], "load"),
        (["train", "--resume", "a\x00b", "-o", "o.skops"], "load"),
    ],
    ids=["train-o", "plot-o", "plot-force", "sample", "resume"],
)
def test_a_path_with_nul_is_refused_by_name(
    argv, expected, tmp_path, names, model, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    before = sorted(os.listdir(tmp_path))
    places = {"names": names, "model": model}
    capsys.readouterr()
    assert main([word.format(**places) for word in argv]) == 1
    err = capsys.readouterr().err
    assert "embedded null byte" not in err and "Traceback" not in err, err
    assert f"Cannot {expected} '" in err, err
    assert "a path cannot hold the NUL character ('\\x00')" in err, err
    assert "Counted" not in err  # refused before training
    assert sorted(os.listdir(tmp_path)) == before


def test_python_gets_the_same_messages(tmp_path):
    with pytest.raises(ValueError, match=r"Pass the path of a model file"):
        check_target(str(tmp_path / "a\x00b.skops"))
    with pytest.raises(ValueError, match=r"Cannot load .*the NUL character"):
        load_model(str(tmp_path / "a\x00b.skops"))


def test_a_nul_end_symbol_is_refused_before_fitting():
    with pytest.raises(ValueError, match=r"end_symbol cannot be '\\x00' \(NUL\)"):
        ContextWindowTransformer(end_symbol="\x00").fit(["asha", "ravi"])


def test_the_command_line_refuses_a_nul_end_symbol(tmp_path, names, capsys):
    output = tmp_path / "o.skops"
    argv = ["train", str(names), "--model", "kneser-ney", "--end-symbol", "\x00"]
    assert main([*argv, "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sknextchar: error: --end-symbol cannot be '\\x00'"), err
    assert "classes_" not in err and not output.exists()


def test_another_end_symbol_still_trains(tmp_path, names):
    output = tmp_path / "o.skops"  # one that shows (\x01 is refused: see
    # test_unseen_end_symbol.py)
    argv = ["train", str(names), "--model", "kneser-ney", "--end-symbol", "\u2022"]
    assert main([*argv, "-q", "-o", str(output)]) == 0
    assert main(["sample", str(output), "-n", "2", "--seed", "0"]) == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["score", "{model}", "--names-file", "{dir}/a\x00b"],
        ["sample", "{model}", "--exclude-file", "{dir}/a\x00b"],
        ["classify", "{model}", "--names-file", "{dir}/a\x00b"],
        ["train", "{dir}/a\x00b", "-o", "{dir}/o.skops"],
    ],
    ids=["score", "sample", "classify", "train"],
)
def test_a_names_file_with_nul_is_not_called_missing(argv, tmp_path, model, capsys):
    capsys.readouterr()
    places = {"model": model, "dir": tmp_path}
    assert main([word.format(**places) for word in argv]) == 1
    err = capsys.readouterr().err
    assert "No such file" not in err and "Traceback" not in err, err
    assert (
        f"{str(tmp_path / 'a')!r}"[:-1] + "\\x00b' cannot be a file of names: a path "
        "cannot hold the NUL character ('\\x00'). Check the path." in err
    ), err
    assert not (tmp_path / "o.skops").exists()


def test_load_names_suggests_no_other_file_for_a_nul(tmp_path, model):
    with pytest.raises(ValueError, match="cannot hold the NUL") as info:
        load_names(str(tmp_path / "m\x00.skops"))
    assert "Did you mean" not in str(info.value)
