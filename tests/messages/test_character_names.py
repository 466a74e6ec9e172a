"""One character that does not show reads the same in every message of both
interfaces: its repr and, in parentheses, its name (Unicode's, a control
character's alias), or its code point when it has none
(``_text.describe_symbol``); where the character itself cannot be written (an
output that cannot hold it), its code point and that name
(``_text.code_point_name``).

Before, a message said "'\\x1b' (U+001B)" (a name of a list), "'\\x92', a
control character" (a line of a file), "U+0081 (unnamed)" (an output that
cannot hold it), "'\\u200b'" (the end marker in the unknown characters'
message) and "'\\x01' (control character U+0001)" (the end marker's warning)
for the same kinds of character.
"""

import io
import warnings

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar.cli import main
from sknextchar.cli._errors import output_encoding_message
from sknextchar.cli._streams import escaped_status
from sknextchar.datasets import load_names


def _fitted_names(char):
    ContextWindowTransformer(alphabet="auto").fit(["asha", f"ra{char}vi"])


def _file_line(char, tmp_path):
    path = tmp_path / "names.txt"
    path.write_text(f"asha\nra{char}vi\n", encoding="utf-8")
    load_names(path)


def _alphabet(char):
    ContextWindowTransformer(alphabet=f"ab{char}").fit(["ab"])


def _end_in_alphabet(char):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the end marker that does not show
        ContextWindowTransformer(alphabet=f"ab{char}", end_symbol=char).fit(["ab"])


def _unknown_characters(char):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = ContextWindowTransformer(alphabet="ab", end_symbol=char).fit(["ab"])
    fitted.transform([f"ab{char}z"])  # the end marker among the unknown


# (what is refused, the character, what the message says of it)
REFUSED = [
    (_fitted_names, "\x01", "holds '\\x01' (U+0001) at index 2"),
    (_fitted_names, "\x1b", "holds '\\x1b' (ESCAPE) at index 2"),
    (_fitted_names, "\x00", "holds '\\x00' (NUL) at index 2"),
    (_file_line, "\x7f", "holds '\\x7f' (DELETE), a control character"),
    (_file_line, "\x92", "holds '\\x92' (U+0092), a control character"),
    (_alphabet, "\x1b", "alphabet has '\\x1b' (ESCAPE), a control character"),
    (_alphabet, "\x00", "alphabet has '\\x00' (NUL), a control character"),
    (_end_in_alphabet, "\u200b", "symbol '\\u200b' (ZERO WIDTH SPACE): pass"),
    (_end_in_alphabet, "\u2028", "symbol '\\u2028' (LINE SEPARATOR): pass"),
    # Named once, without brackets in brackets.
    (_unknown_characters, "\u200b", "marker, shown as '\\u200b' (ZERO WIDTH SPACE)"),
    (
        _unknown_characters,
        "\u0301",
        "marker, shown as '\u0301' (COMBINING ACUTE ACCENT); '\u0301' only displays",
    ),
]


@pytest.mark.parametrize(
    ("refuse", "char", "told"), REFUSED, ids=lambda x: getattr(x, "__name__", None)
)
def test_each_refusal_names_the_character_as_the_others_do(
    refuse, char, told, tmp_path
):
    given = (char, tmp_path) if refuse is _file_line else (char,)
    with pytest.raises(ValueError) as caught:
        refuse(*given)
    assert told in str(caught.value)


# (the character, as a message names it where it cannot be written)
UNWRITTEN = [
    ("\u200b", "U+200B (ZERO WIDTH SPACE)"),
    ("\u2028", "U+2028 (LINE SEPARATOR)"),
    ("\x81", "U+0081"),  # no name: "U+0081 (unnamed)" before
]


@pytest.mark.parametrize(("char", "told"), UNWRITTEN)
def test_an_output_that_cannot_hold_it_names_it_as_the_others_do(char, told):
    out = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    with pytest.raises(UnicodeEncodeError) as caught:
        char.encode("cp1252")
    message = output_encoding_message(caught.value, out)
    assert message.startswith(f"cannot print {told}: the standard output")
    err = io.StringIO()
    escaped_status(0, dict.fromkeys(char), err, output=False)
    assert f", which has no {told}: it was written as " in err.getvalue()


# The end marker's warning (Python) and refusal (--end-symbol) say a control
# character is one, as the refusals of one in names and alphabets do.
@pytest.mark.parametrize(
    ("char", "named"), [("\x01", "U+0001"), ("\x92", "U+0092"), ("\x7f", "DELETE")]
)
def test_an_end_marker_that_is_a_control_character_is_said_to_be_one(
    char, named, tmp_path, capsys
):
    told = f"{char!r} ({named}), a control character that does not show: the end"
    with pytest.warns(UserWarning) as caught:
        ContextWindowTransformer(end_symbol=char).fit(["asha"])
    assert str(caught[0].message).startswith(f"end_symbol is {told}")
    names = tmp_path / "names.txt"
    names.write_text("asha\nravi\n", encoding="utf-8")
    argv = ["train", str(names), "-o", str(tmp_path / "m.skops"), "--end-symbol"]
    assert main([*argv, char]) == 1
    assert capsys.readouterr().err.startswith(
        f"sknextchar: error: --end-symbol cannot be {told}"
    )
