"""``load_names`` and the command line refuse, as they read a file, a line too
long to be a name (in bounded memory) and a line with a control character
(by its line, as NUL is refused), the same as the chunked reader.

A file of one line of 50 MB was read whole and copied several times (about
300 MB) before ``train`` refused its one "name"; ``load_names`` returned it.
ESC, DEL, a form feed... in a line were read into a name, refused by ``fit``
at its index in the list, which the user cannot find in the file.
"""

import pytest

from sknextchar._name_chunks import read_name_chunks
from sknextchar._text import describe_symbol
from sknextchar.cli import main
from sknextchar.datasets import load_names
from tests._traced import refused_peak, tracing


@pytest.mark.parametrize("letter", ["a", "é"])
def test_load_names_refuses_a_line_of_megabytes_as_it_reads(tmp_path, letter):
    path = tmp_path / "names.txt"
    path.write_text("asha\r\nravi\r\n" + letter * 20_000_000, encoding="utf-8")
    error, peak = refused_peak(load_names, path)
    message = str(error)
    assert message.startswith(f"Line 3 of {str(path)!r} holds a name of more than ")
    assert "1,000 characters" in message and "a line of its own" in message
    assert peak < 8_000_000  # the line is 20 million characters


def test_load_names_reads_a_long_row_of_a_table(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text(f"name,notes\nasha,{'n' * 5_000}\nravi,x\n", encoding="utf-8")
    assert load_names(path, names_column="name") == ["asha", "ravi"]
    path.write_text(f"asha\n{'b' * 1_001}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Line 2 of .* a name of more than 1,000 char"):
        load_names(path)


def test_train_refuses_a_line_of_megabytes_without_a_traceback(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_text("asha\n" + "ravi, " * 3_000_000, encoding="utf-8")
    with tracing() as traced:
        status = main(["train", str(path), "-o", str(tmp_path / "model")])
    err = capsys.readouterr().err
    assert status != 0 and "Traceback" not in err
    assert f"Line 2 of {str(path)!r} holds more than 1,000,000 characters" in err
    assert traced.peak < 20_000_000  # the line is 18 million characters
    assert not (tmp_path / "model").exists()


def _chunks(path):
    return list(read_name_chunks(path, 10))


@pytest.mark.parametrize("char", ["\x01", "\x0b", "\x0c", "\x1a", "\x1b", "\x7f"])
@pytest.mark.parametrize("read", [load_names, _chunks], ids=["whole", "chunks"])
def test_a_control_character_is_refused_by_its_line(tmp_path, char, read):
    path = tmp_path / "names.txt"
    path.write_text(f"asha\n\nra{char}vi\numa\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        read(str(path))
    message = str(caught.value)
    start = f"Line 3 of {str(path)!r} holds {describe_symbol(char)}, a control "
    assert message.startswith(start) and "delete it" in message


def test_the_command_line_refuses_a_control_character_by_its_line(tmp_path, capsys):
    path = tmp_path / "names.txt"
    path.write_text("asha\nra\x1bvi\n", encoding="utf-8")
    assert main(["train", str(path), "-o", str(tmp_path / "model")]) != 0
    err = capsys.readouterr().err
    assert f"Line 2 of {str(path)!r} holds '\\x1b' (ESCAPE), a control" in err
    assert "Traceback" not in err


def test_a_tab_is_no_control_character_in_a_file(tmp_path):
    path = tmp_path / "names.tsv"
    path.write_text("name\tsex\nasha\tf\nravi\tm\n", encoding="utf-8")
    assert load_names(path, names_column="name") == ["asha", "ravi"]
    assert _chunks(str(path)) == [["name\tsex", "asha\tf", "ravi\tm"]]
