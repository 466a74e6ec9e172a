"""Names of several parts, ``Anna Maria`` or ``Karl-Heinz``, whose space or
hyphen the alphabet lacks: the error that offers ``handle_unknown="drop"``
says that dropping glues the parts (``'Anna Maria'`` learned as
``'annamaria'``), and offers the alphabet with the space (and hyphen) added,
which, followed, learns the names with their parts apart."""

import shlex

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar.cli import main

MIDDLE = ["Anna Maria", "Johann Georg", "Karl", "Maria Theresia", "Josef"]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _error(names, **params):
    with pytest.raises(ValueError) as caught:
        ContextWindowTransformer(**params).fit(names)
    return str(caught.value)


def test_dropping_a_space_inside_names_is_told_and_the_space_offered():
    message = _error(MIDDLE)
    assert "handle_unknown='drop' to remove unknown characters" in message
    assert "('Anna Maria' is learned as 'annamaria')" in message
    offered = f"alphabet='{LETTERS} ' to keep the space inside the names"
    assert message.endswith(f"or {offered}.")
    # The advice followed: the parts are kept apart.
    fitted = ContextWindowTransformer(alphabet=f"{LETTERS} ").fit(MIDDLE)
    assert fitted.decode(fitted.encode(MIDDLE))[0] == "anna maria"


def test_a_hyphen_that_is_the_end_marker_is_offered_with_another_end_marker():
    names = ["Karl-Heinz", "Anna Maria", "Jo"]
    message = _error(names)
    offered = f"alphabet='{LETTERS} -' and end_symbol='.' to keep the space and "
    assert f"or {offered}the hyphen inside the names." in message
    fitted = ContextWindowTransformer(alphabet=f"{LETTERS} -", end_symbol=".")
    assert fitted.fit(names).decode(fitted.encode(names))[:2] == [
        "karl-heinz", "anna maria",
    ]  # fmt: skip


def test_other_unknown_characters_are_dropped_with_the_space_kept():
    message = _error(["Jan Józef /Kowalski/", "Anna /Müller/"])
    assert "('Jan Józef /Kowalski/' is learned as 'janjózefkowalski')" in message
    assert (
        f"or alphabet='{LETTERS} ' to keep the space inside the names, with "
        "handle_unknown='drop' to remove the other unknown characters (and "
        "strip_accents='unicode' to fold" in message
    )


def test_other_characters_dropped_are_not_told():
    message = _error(["Anna.", "Ben!"])
    assert "handle_unknown='drop' to remove unknown characters" in message
    assert "is learned as" not in message
    assert "to keep the space" not in message


def test_cli_offers_the_space_in_a_command_that_runs(tmp_path, capsys):
    path = tmp_path / "middle.txt"
    path.write_text("\n".join(MIDDLE) + "\n", encoding="utf-8")
    argv = ["train", str(path), "--model", "kneser-ney", "-o"]
    assert main([*argv, str(tmp_path / "a.skops")]) == 1
    err = capsys.readouterr().err
    assert "--handle-unknown drop to remove unknown characters" in err
    assert "('Anna Maria' is learned as 'annamaria')" in err
    offer = err.rsplit("or ", 1)[1]
    assert offer == f"--alphabet '{LETTERS} ' to keep the space inside the names.\n"
    flags = shlex.split(offer.split(" to keep")[0])
    assert main([*argv, str(tmp_path / "b.skops"), *flags]) == 0
    assert main(["score", str(tmp_path / "b.skops"), "anna maria"]) == 0
    assert "anna maria" in capsys.readouterr().out
