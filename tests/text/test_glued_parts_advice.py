"""Names of several parts, ``Anna Maria`` or ``Karl-Heinz``, whose space or
hyphen the alphabet lacks: the error that offers ``handle_unknown="drop"``
says that dropping glues the parts (``'Anna Maria'`` learned as
``'annamaria'``), and offers the alphabet with the space (and hyphen) added,
which, followed, learns the names with their parts apart."""

import shlex
import warnings

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


# Fitting with handle_unknown="drop" on such names warns, once per fit.
def _glued_warnings(names, **params):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ContextWindowTransformer(handle_unknown="drop", **params).fit(names)
    return [w for w in caught if "between the letters" in str(w.message)]


def test_dropping_that_glues_parts_warns_at_the_callers_line():
    names = [*MIDDLE, "Karl-Heinz", " Jo-", "Ann."]  # edges and "." not told
    with pytest.warns(UserWarning, match="between the letters") as caught:
        ContextWindowTransformer(handle_unknown="drop").fit(names)
    glued = [w for w in caught if "between the letters" in str(w.message)]
    assert len(glued) == 1 and glued[0].filename == __file__
    assert str(glued[0].message) == (
        "handle_unknown='drop' removes a space or hyphen between the letters of "
        "4 names, which are learned as one word: names[0]='Anna Maria' is learned "
        f"as 'annamaria'. Pass alphabet='{LETTERS} -' and end_symbol='_' to keep "
        "the space and the hyphen inside the names, with handle_unknown='drop' to "
        "remove the other unknown characters."
    )


def test_the_name_shown_is_as_learned_with_case_kept():
    (told,) = _glued_warnings(["Anna Maria", "anna"], lowercase=False)
    assert "names[0]='Anna Maria' is learned as 'nnaaria'" in str(told.message)
    assert "of 1 name, which is learned" in str(told.message)


@pytest.mark.parametrize(
    "names",
    [["-ann", "bo"], [" anna ", "bo-"], ["Ann.", "Bo!"], ["1. Anna", "Bo"]],
)
def test_no_warning_when_no_name_is_glued(names):
    assert _glued_warnings(names) == []


def test_no_warning_for_the_bundled_names():
    from sknextchar.datasets import load_indian_names

    names = list(load_indian_names(return_X_y=True)[0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ContextWindowTransformer(handle_unknown="drop").fit(names)


def test_cli_warns_that_dropping_glues_parts_and_the_offer_runs(tmp_path, capsys):
    path = tmp_path / "middle.txt"
    path.write_text("\n".join([*MIDDLE, "Karl-Heinz"]) + "\n", encoding="utf-8")
    argv = ["train", str(path), "--model", "kneser-ney", "-q", "-o"]
    assert main([*argv, str(tmp_path / "a.skops"), "--handle-unknown", "drop"]) == 0
    err = capsys.readouterr().err
    assert err.count("between the letters") == 1
    assert (
        "sknextchar: warning: --handle-unknown drop removes a space or hyphen "
        "between the letters of 4 names, which are learned as one word: 'Anna "
        f"Maria' (line 1 of '{path}') is learned as 'annamaria'. Pass "
    ) in err
    offer = err.split(". Pass ", 1)[1].split(" to keep")[0]
    assert offer == f"--alphabet '{LETTERS} -' and --end-symbol ."
    flags = shlex.split(offer.replace(" and ", " "))
    assert main([*argv, str(tmp_path / "b.skops"), *flags]) == 0
    assert "between the letters" not in capsys.readouterr().err
