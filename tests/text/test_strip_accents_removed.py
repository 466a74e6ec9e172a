"""The advice of a strip_accents that removes every character of a name says
what those characters are: combining marks, or characters without an ASCII
equivalent (Greek, Cyrillic letters under strip_accents='ascii'), not
"accents or other combining marks" for a name such as 'α'."""

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar.cli import main


def _message(strip, names):
    with pytest.raises(ValueError, match="removes every character") as e:
        ContextWindowTransformer(strip_accents=strip).fit(names)
    return str(e.value)


def test_letters_without_ascii_are_not_called_marks():
    message = _message("ascii", ["asha", "\u03b1", "\u0431\u043e\u0440"])
    assert "combining marks" not in message
    assert "without an ASCII equivalent ('α', 'б', 'о', 'р')" in message
    assert "Pass strip_accents='unicode'" in message


def test_names_of_marks_and_of_other_letters_are_told_apart():
    message = _message("ascii", ["asha", "\u03b1", "\u0301"])
    marks = message.split("combining marks (")[1].split(")")[0]
    assert "COMBINING ACUTE ACCENT" in marks and "α" not in marks
    assert "without an ASCII equivalent ('α')" in message
    assert "strip_accents='unicode' removes too" in message
    assert "Pass strip_accents='unicode'" not in message


@pytest.mark.parametrize("strip", ["ascii", "unicode"])
def test_marks_only_are_named(strip):
    message = _message(strip, ["asha", "\u0301\u0308"])
    assert "only accents or other combining marks (" in message
    assert "COMBINING DIAERESIS" in message
    assert "ASCII equivalent" not in message


def test_the_command_line_spells_the_mixed_advice_as_flags(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("asha\nravi\n\u03b1\n\u0301\n", encoding="utf-8")
    model = str(tmp_path / "m.skops")
    argv = ["train", str(names), "--strip-accents", "ascii", "-q", "-o", model]
    assert main([*argv, "--model", "kneser-ney"]) == 1
    err = capsys.readouterr().err
    assert "--strip-accents unicode removes too" in err
    assert "leave out --strip-accents" in err and "strip_accents" not in err
