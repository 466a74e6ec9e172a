"""A list copied from a web page or a document, ``1. Anna``, ``2) Ben``: the
error on its unknown characters says the names start with list numbers and
offers only what removes them (``handle_unknown="drop"``), not an alphabet that
holds them, which would learn ``"1. anna"`` as a name; following the advice
learns the names without their numbers."""

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar.cli import main

NAMES = ["Anna", "Ben", "Carla", "Dev", "Emil", "Fatima", "Goran"]


def _error(names, **params):
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(**params).fit(names)
    return str(caught.value)


@pytest.mark.parametrize("mark", [".", ")"])
def test_numbered_names_are_told_and_only_dropping_is_offered(mark):
    numbered = [f"{i}{mark} {name}" for i, name in enumerate(NAMES, 1)]
    message = _error(numbered)
    assert f"start with list numbers ('1{mark} Anna')" in message
    assert "alphabet='auto'" not in message
    assert message.endswith("pass handle_unknown='drop' to remove unknown characters.")
    # The advice followed: the names without their numbers.
    fitted = ContextWindowTransformer(handle_unknown="drop").fit(numbered)
    assert fitted.decode(fitted.encode(numbered)) == [n.lower() for n in NAMES]


def test_names_without_numbers_keep_the_alphabet_advice():
    message = _error(["Anna 1", "Zoë"])
    assert "list numbers" not in message
    assert "alphabet='auto'" in message


def test_cli_numbered_list_is_told_in_flags(tmp_path, capsys):
    path = tmp_path / "web.txt"
    lines = [f"{i}. {name}" for i, name in enumerate(NAMES, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops"), "-q"]
    assert main([*argv, "--model", "kneser-ney"]) == 1
    err = capsys.readouterr().err
    assert "start with list numbers ('1. Anna')" in err
    assert "--alphabet" not in err
    assert err.rstrip().endswith(
        "pass --handle-unknown drop to remove unknown characters."
    )
    assert "Traceback" not in err


def test_cli_numbered_list_with_case_kept_is_told_in_flags(tmp_path, capsys):
    # With --keep-case the first hint lowercases: it reads as a flag to leave
    # out, not "pass leave out --keep-case"; following it trains.
    path = tmp_path / "web.txt"
    lines = [f"{i}) {name}" for i, name in enumerate(NAMES, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops"), "-q"]
    argv += ["--model", "kneser-ney"]
    assert main([*argv, "--keep-case"]) == 1
    err = capsys.readouterr().err
    assert "or leave out --keep-case to lowercase capitals" in err, err
    assert "with --handle-unknown drop" in err
    assert "pass leave out" not in err
    assert main([*argv, "--handle-unknown", "drop"]) == 0


def _mixed():
    # Numbered names first, then names without numbers, of other scripts too:
    # only an alphabet keeps "李", so its advice stays.
    return [f"{i}. {name}" for i, name in enumerate(NAMES * 2, 1)] + ["Zoë", "Li 李"]


def test_a_list_partly_numbered_keeps_the_alphabet_advice():
    message = _error(_mixed())
    assert "list numbers" not in message
    assert "alphabet='auto'" in message


@pytest.mark.parametrize("chunks", [[], ["--chunk-size", "4", "--model", "mlp"]])
def test_cli_a_list_partly_numbered_keeps_the_alphabet_advice(tmp_path, capsys, chunks):
    path = tmp_path / "mixed.txt"
    path.write_text("\n".join(_mixed()) + "\n", encoding="utf-8")
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops"), "-q"]
    flags = chunks or ["--model", "kneser-ney"]
    assert main([*argv, *flags]) == 1
    err = capsys.readouterr().err
    assert "list numbers" not in err
    assert "--alphabet auto" in err


def test_cli_numbered_list_in_chunks_is_told(tmp_path, capsys):
    path = tmp_path / "web.txt"
    lines = [f"{i}. {name}" for i, name in enumerate(NAMES * 2, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops"), "-q"]
    assert main([*argv, "--chunk-size", "4", "--model", "mlp"]) == 1
    err = capsys.readouterr().err
    assert "start with list numbers ('1. Anna')" in err
    assert "--alphabet" not in err
