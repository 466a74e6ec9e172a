"""The line readers: a DOS end-of-file mark, and lines broken at U+2028.

1. Old Windows tools end a CRLF file with Ctrl-Z (U+001A), a DOS end-of-file
   mark: it was refused as a control character in a name. It is stripped at
   the very end of the file only, by every reader; inside a name it is still
   refused.
2. A file of names between U+2028 (LINE SEPARATOR), with no ``\\n``, is one
   line to a text editor: the chunk reader joined and checked it again at
   each piece it read (13 s for 800,000 names). Each character is now looked
   at a bounded number of times, and the names are those of ``load_names``.
"""

import itertools

import pytest

from sknextchar._name_chunks import read_name_chunks
from sknextchar.cli import main
from sknextchar.datasets import _line_stream, load_names
from sknextchar.datasets._long_lines import LineLengths
from sknextchar.datasets._table_rows import LINES_LOOKED_AT


def _chunked(path, **kwargs):
    return list(itertools.chain.from_iterable(read_name_chunks(path, 7, **kwargs)))


@pytest.mark.parametrize(
    "data",
    [
        b"asha\r\nravi\r\n\x1a",  # what old Windows tools write
        b"asha\r\nravi\x1a",  # the mark right after the last name
        "asha\r\nravi\r\n\x1a".encode("utf-16"),
        ("".join(f"name{i}\r\n" for i in range(150_000)) + "\x1a").encode(),
    ],
    ids=["crlf", "no-line-end", "utf-16", "past-the-first-megabyte"],
)
def test_a_dos_end_of_file_mark_is_stripped_by_every_reader(tmp_path, data):
    path = tmp_path / "names.txt"
    path.write_bytes(data)
    expected = data.decode("utf-16" if data[:2] == b"\xff\xfe" else "utf-8")
    expected = expected.removesuffix("\x1a").split()
    assert load_names(path) == expected
    assert _chunked(path) == expected


def test_the_mark_is_stripped_from_a_table_too(tmp_path):
    path = tmp_path / "names.csv"
    path.write_bytes(b"name,gender\r\nasha,f\r\nravi,m\r\n\x1a")
    assert load_names(path, names_column="name") == ["asha", "ravi"]
    assert _chunked(path, names_column="name") == ["asha", "ravi"]


@pytest.mark.parametrize("chunk_size", [None, "2"])
def test_train_reads_a_file_with_the_mark(tmp_path, capsys, chunk_size):
    path = tmp_path / "names.txt"
    path.write_bytes(b"asha\r\nravi\r\numa\r\nzoe\r\n\x1a")
    argv = ["train", str(path), "-q", "--max-iter", "1", "-o", str(tmp_path / "m")]
    argv += ["--chunk-size", chunk_size] if chunk_size else []
    assert main(argv) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    "data, line",
    [
        (b"asha\r\nra\x1avi\r\n", 2),  # in a name
        (b"asha\r\nravi\x1a\r\n", 2),  # not the end of the file
        (b"asha\r\nravi\r\n\x1a\r\n", 3),
        (b"asha\r\nravi\r\n\x1a\x1a", 3),  # one mark only
    ],
)
def test_the_mark_elsewhere_is_still_refused(tmp_path, data, line):
    path = tmp_path / "names.txt"
    path.write_bytes(data)
    for read in (load_names, _chunked):
        with pytest.raises(ValueError, match=f"Line {line} of .*U\\+001A"):
            read(path)


def _line_separated(tmp_path, n_names, before=""):
    path = tmp_path / "names.txt"
    text = before + "\u2028".join(f"name{i}" for i in range(n_names))
    path.write_text(text, encoding="utf-8")
    return path, text


@pytest.mark.slow
@pytest.mark.parametrize("head", [0, LINES_LOOKED_AT + 5])
def test_names_between_line_separators_are_read_as_load_names_reads_them(
    tmp_path, head
):
    before = "".join(f"first{i}\n" for i in range(head))
    path, _ = _line_separated(tmp_path, 200_000, before)
    assert _chunked(path) == load_names(path)


def test_a_long_line_of_line_separators_is_looked_at_once(tmp_path, monkeypatch):
    # Past the first lines (which may be a table's rows), a line is at most a
    # name long: a line of 640,000 characters between U+2028s is one the
    # reader holds over ten pieces; each character is checked about once.
    before = "".join(f"first{i}\n" for i in range(LINES_LOOKED_AT + 5))
    path, text = _line_separated(tmp_path, 70_000, before)
    looked_at = []

    class Counted(LineLengths):
        def check(self, piece, **kwargs):
            looked_at.append(len(piece))
            return super().check(piece, **kwargs)

    monkeypatch.setattr(_line_stream, "LineLengths", Counted)
    assert len(text) > 10 * _line_stream._PIECE
    assert _chunked(path) == load_names(path)
    assert sum(looked_at) <= 2 * len(text)
