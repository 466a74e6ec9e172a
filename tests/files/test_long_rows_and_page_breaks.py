"""Lines read one name per line: long rows, page breaks, long lines in bytes.

1. A spreadsheet export with rows longer than a name, read without
   ``names_column``, is told to be a table (and how to read it) before it is
   refused, and the refusal names ``names_column=``.
2. A page break (form feed) or another control character that is whitespace,
   next to a name, is stripped with the line, as it was; inside a name it is
   refused.
3. The readers look at the bytes of a file, not its text, for lines too long:
   a line long in bytes but not in letters is read, and one too long is
   refused with its line number, wherever the blocks read split the file.
"""

import warnings

import pytest

from sknextchar import make_default_pipeline, train_from_file
from sknextchar._name_chunks import read_name_chunks
from sknextchar.datasets import load_names


def _chunks(path):
    return [name for chunk in read_name_chunks(path, 100) for name in chunk]


def _train(path):
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=1)
    return train_from_file(path, pipe, chunk_size=100)


READERS = [load_names, _chunks, _train]


def _export(path, sep=",", columns=300):
    header = sep.join(["name"] + [f"q{i}" for i in range(columns)])
    rows = [sep.join([name] + ["yes"] * columns) for name in ("asha", "ravi", "zoe")]
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_a_wide_export_says_it_is_a_table_then_names_names_column(
    tmp_path, reader, sep
):
    path = _export(tmp_path / "export.csv", sep)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ValueError, match="pass names_column=") as error:
            reader(path)
    told = [str(w.message) for w in caught if "looks like a table" in str(w.message)]
    assert told and "names_column='name'" in told[0]
    assert f"Line 1 of {str(path)!r}" in str(error.value)
    assert load_names(path, names_column="name") == ["asha", "ravi", "zoe"]


@pytest.mark.parametrize("reader", [load_names, _chunks])
def test_a_long_line_without_separators_keeps_its_own_advice(tmp_path, reader):
    path = tmp_path / "names.txt"
    path.write_text("asha\n" + "ab" * 600 + "\nzoe\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Line 2 .* Give each name a line") as error:
        reader(path)
    assert "names_column" not in str(error.value)


@pytest.mark.parametrize("reader", [load_names, _chunks])
@pytest.mark.parametrize("space", ["\x0c", "\x0b", "\x1c", "\x1f"])
def test_a_page_break_next_to_a_name_is_stripped(tmp_path, reader, space):
    path = tmp_path / "names.txt"
    path.write_text(f"asha\nravi\n{space}uma\nzoe{space}\n{space}\n", encoding="utf-8")
    assert reader(path) == ["asha", "ravi", "uma", "zoe"]


@pytest.mark.parametrize("reader", [load_names, _chunks])
@pytest.mark.parametrize("line", ["ra\x0cvi", "\x1bravi", "ravi\x1a"])
def test_a_control_character_in_a_name_is_refused(tmp_path, reader, line):
    path = tmp_path / "names.txt"
    path.write_text(f"asha\n{line}\nzoe\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Line 2 .* a control character"):
        reader(path)


def _long_in_bytes(path, newline, long_line):
    """A file of over 2 MB (more than one block read) with ``long_line``
    (its number returned) after its first 1.5 MB."""
    short = ["asha", "ravi", "zoe", "José"] * 45_000  # about 1.5 MB
    lines = short + ["é" * 600, long_line] + short
    path.write_bytes(newline.join(lines).encode("utf-8"))
    return len(short) + 2


@pytest.mark.slow
@pytest.mark.parametrize("reader", [load_names, _chunks])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_line_long_in_bytes_only_is_read_one_too_long_refused(
    tmp_path, reader, newline
):
    path = tmp_path / "names.txt"
    _long_in_bytes(path, newline, "é" * 1000)  # 2,000 bytes, 1,000 letters
    names = reader(path)
    assert names[180_001] == "é" * 1000 and len(names) == 360_002
    number = _long_in_bytes(path, newline, "é" * 1001)
    with pytest.raises(ValueError, match=f"Line {number} of"):
        reader(path)


def test_a_control_character_across_two_pieces_is_refused(tmp_path):
    path = tmp_path / "names.txt"
    start = "asha\n" * (65_536 // 5)  # 65,535 bytes
    path.write_text(start + "r\x1bavi\nzoe\n", encoding="utf-8")  # \x1b: byte 65,536
    with pytest.raises(ValueError, match=f"Line {65_536 // 5 + 1} .* '\\\\x1b'"):
        _chunks(path)


def test_a_control_character_before_a_piece_ends_is_refused(tmp_path):
    path = tmp_path / "names.txt"
    # after the first megabyte (looked at whole): 6 bytes before a piece ends
    start = "asha\n" * 275_250
    path.write_text(start + "rav\x1b" + "i" * 10 + "\nzoe\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Line 275251 .* '\\\\x1b'"):
        _chunks(path)


@pytest.mark.slow
@pytest.mark.parametrize("reader", [load_names, _chunks])
@pytest.mark.parametrize("more", [0, 200_000])  # the long line in block 2, 3
def test_a_line_end_across_two_blocks_is_counted_once(tmp_path, reader, more):
    path = tmp_path / "names.txt"
    # "\r" the last byte of the first megabyte, "\n" the first of the next
    lines = ["abc"] + ["asha"] * (174_762 + more) + ["é" * 100_001, "zoe"]
    data = "\r\n".join(lines).encode("utf-8")
    assert data[(1 << 20) - 1 : (1 << 20) + 1] == b"\r\n"
    path.write_bytes(data)
    with pytest.raises(ValueError, match=f"Line {174_764 + more} of"):
        reader(path)
