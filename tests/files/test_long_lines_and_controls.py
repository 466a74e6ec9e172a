"""A line too long to be a name is refused as it is read, in bounded memory;
an alphabet given with a control character is refused at fit.

1. A file of one line of megabytes (its line ends lost, a list on one line)
   was read whole, and copied several times, before the length of its one
   "name" was looked at: the chunked reader refuses it from the first
   characters past 1,000 (the longest name), naming its line.
2. ``alphabet=`` with NUL, a line break, ESC, DEL or a C1 character was taken
   as letters no name may hold (names with one are refused at fit).
"""

import pytest

from sknextchar import ContextWindowTransformer
from sknextchar._limits import MAX_LETTERS
from sknextchar._name_chunks import read_name_chunks
from sknextchar._text import describe_symbol
from sknextchar.datasets._long_lines import MAX_ROW_LETTERS, LineLengths
from tests._traced import refused_peak


def _chunks(path, names_column=None):
    return list(read_name_chunks(path, 100, names_column=names_column))


@pytest.mark.parametrize("letter", ["a", "é"])
def test_a_line_of_megabytes_is_refused_without_reading_it_whole(tmp_path, letter):
    path = tmp_path / "names.txt"
    path.write_text("asha\nravi\n" + letter * 20_000_000, encoding="utf-8")
    error, peak = refused_peak(_chunks, str(path))
    message = str(error)
    assert f"Line 3 of {str(path)!r}" in message
    assert f"a name of more than {MAX_LETTERS:,} characters" in message
    assert peak < 8_000_000  # the line is 20 million characters (was 100 MB)


def test_a_name_of_the_longest_length_is_read(tmp_path):
    path = tmp_path / "names.txt"
    name = "b" * MAX_LETTERS
    path.write_text(f"asha\n   {name}   \r\nravi", encoding="utf-8")
    assert _chunks(str(path)) == [["asha", name, "ravi"]]
    path.write_text(f"asha\r\n\r\n   {name}b   \nravi", encoding="utf-8")
    with pytest.raises(ValueError, match="Line 3 of .* a name of more than 1,000 char"):
        _chunks(str(path))


def test_whitespace_around_a_name_does_not_count(tmp_path):
    path = tmp_path / "names.txt"
    padding = " " * 300_000  # longer than a piece read at a time
    path.write_text(f"asha\n{padding}ravi{padding}\numa\n", encoding="utf-8")
    assert _chunks(str(path)) == [["asha", "ravi", "uma"]]


def test_a_table_row_may_be_longer_than_a_name(tmp_path):
    path = tmp_path / "names.csv"
    notes = "n" * 5_000
    path.write_text(f"name,notes\nasha,{notes}\nravi,x\n", encoding="utf-8")
    assert _chunks(str(path), names_column="name") == [["asha", "ravi"]]
    path.write_text("name,notes\n" + "asha," * MAX_ROW_LETTERS, encoding="utf-8")
    with pytest.raises(ValueError, match="Line 2 of .* holds more than 1,000,000 char"):
        _chunks(str(path), names_column="name")


@pytest.mark.parametrize("size", [1, 2, 7, 1000])
def test_line_numbers_are_right_whatever_the_pieces(size):
    text = "asha\r\nravi\r\rumaa\n\u2028bb\nxxxxxxx  \n"
    lengths = LineLengths("names.txt", longest=6)
    with pytest.raises(ValueError) as caught:
        for start in range(0, len(text), size):
            lengths.check(text[start : start + size])
    message = str(caught.value)
    assert message.startswith("Line 6 of 'names.txt' holds a name of more than 6 ")
    assert "starting 'xxxxxxx'" in message


@pytest.mark.parametrize("char", ["\x00", "\n", "\r", "\x1b", "\x7f", "\x85", "\x9f"])
@pytest.mark.parametrize("as_given", [lambda s: f"ab{s}c", lambda s: ["a", s]])
def test_an_alphabet_with_a_control_character_is_refused(char, as_given):
    transformer = ContextWindowTransformer(alphabet=as_given(char))
    with pytest.raises(ValueError) as caught:
        transformer.fit(["abc"])
    message = str(caught.value)
    assert message.startswith(f"alphabet has {describe_symbol(char)}, a control ")
    assert "remove it from the alphabet" in message
    assert not hasattr(transformer, "vocabulary_")


def test_an_alphabet_may_hold_a_tab_as_names_may():
    transformer = ContextWindowTransformer(alphabet="ab\t").fit(["a\tb"])
    assert "\t" in transformer.vocabulary_
