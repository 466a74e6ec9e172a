"""Python and the command line read a file of names alike, and refuse alike.

``load_names`` (Python), what ``sknextchar train`` reads (``cli/_labelled``,
through ``training_names``) and the first pass of ``train_from_file`` are
different readers (the command line never calls ``load_names``): a format or a
rule added to one alone would give a model in Python that the command line
cannot train, or the other way round. Each format read here (the list of
"Which files are read" on docs/your_own_names.rst) gives the same names,
labels and counts through each of them; each format refused there is refused
by each with the same words on what the file is. A new format goes in the
table of its side.
"""

import bz2
import gzip
import json
import lzma
import sqlite3

import numpy as np
import pytest

from sknextchar import train_from_file
from sknextchar.cli import main
from sknextchar.cli._arguments import check_reading_flags
from sknextchar.cli._commands import training_names
from sknextchar.cli._parser import build_parser
from sknextchar.cli._places import Places
from sknextchar.cli._workbook_files import workbook_as_text
from sknextchar.datasets import load_names

NAMES = ["Asha", "Zoë", "Ravi", "Jean-Luc"]
LABELS = ["F", "F", "M", "M"]
COUNTS = [3.0, 1.0, 2.0, 5.0]
ROWS = list(zip(NAMES, LABELS, COUNTS, strict=True))


def _table(delimiter, *, header=True):
    head = [delimiter.join(["name", "sex", "count"])] if header else []
    rows = [delimiter.join([n, s, f"{c:g}"]) for n, s, c in ROWS]
    return "\n".join(head + rows) + "\n"


_PLAIN = "\n".join([NAMES[0], "", *NAMES[1:]]) + "\n"  # a blank line, skipped
_COLUMN = {"names_column": "name"}
_BY_COLUMN = ["--names-column", "name"]
_LABELLED = {**_COLUMN, "labels_column": "sex", "counts_column": "count"}
_BY_LABEL = [*_BY_COLUMN, "--labels", "sex", "--counts", "count"]

# (file name, its bytes, load_names' arguments, train's flags, whether
# train_from_file reads it: it takes no labels and reads no workbook). A table
# is given its column of names: without one, load_names reads whole lines (it
# guesses nothing, and warns that the file looks like a table) where train
# finds the column, a difference of design.
READ = {
    "plain": ("n.txt", _PLAIN.encode(), {}, [], True),
    "crlf": ("n.txt", _PLAIN.replace("\n", "\r\n").encode(), {}, [], True),
    "bom": ("n.txt", _PLAIN.encode("utf-8-sig"), {}, [], True),
    "utf-16": ("n.txt", _PLAIN.encode("utf-16"), {}, [], True),
    "gzip": ("n.txt.gz", gzip.compress(_PLAIN.encode()), {}, [], True),
    "bzip2": ("n.txt.bz2", bz2.compress(_PLAIN.encode()), {}, [], True),
    "xz": ("n.txt.xz", lzma.compress(_PLAIN.encode()), {}, [], True),
    "csv": ("n.csv", _table(",").encode(), _COLUMN, _BY_COLUMN, True),
    "tsv": ("n.tsv", _table("\t").encode(), _COLUMN, _BY_COLUMN, True),
    "semicolons": ("n.csv", _table(";").encode(), _COLUMN, _BY_COLUMN, True),
    "counts": (
        "n.csv",
        _table(",").encode(),
        {**_COLUMN, "counts_column": "count"},
        [*_BY_COLUMN, "--counts", "count"],
        True,
    ),
    "labels": ("n.csv", _table(",").encode(), _LABELLED, _BY_LABEL, False),
    "no-header": (
        "n.csv",
        _table(",", header=False).encode(),
        {"header": None, "names_column": 0, "labels_column": 1},
        ["--no-header", "--names-column", "1", "--labels", "2"],
        False,
    ),
}


def _cli_read(path, flags):
    """``(names, labels, counts)`` as ``sknextchar train PATH FLAGS`` reads
    them, as its entry point sets it up (``cli/_main``), without training."""
    args = build_parser().parse_args(["train", str(path), *flags, "-o", "m.skops"])
    args.places = Places()
    check_reading_flags(args)
    with workbook_as_text(args):
        return training_names(args)


class _Read(Exception):
    """Raised by the check of train_from_file's first pass: names read, no
    training."""


def _first_pass_names(path, **arguments):
    """The names that ``train_from_file`` reads from ``path`` in its first
    pass, before any training."""
    read = []

    def check(chunk):
        read.extend(chunk)
        raise _Read

    with pytest.raises(_Read):
        train_from_file(str(path), check_names=check, **arguments)
    return read


def _as_three(loaded):
    """``load_names``' result as ``(names, labels, counts)``."""
    if isinstance(loaded, list):
        return loaded, None, None
    if len(loaded) == 3:
        return loaded
    names, other = loaded
    return (names, None, other) if isinstance(other, np.ndarray) else (*loaded, None)


def _same(python, command_line):
    names, labels, counts = python
    cli_names, cli_labels, cli_counts = command_line
    assert cli_names == names
    assert (cli_labels is None) == (labels is None)
    assert labels is None or list(cli_labels) == list(labels)
    assert (cli_counts is None) == (counts is None)
    assert counts is None or np.array_equal(cli_counts, counts)


@pytest.mark.parametrize("case", READ, ids=READ)
def test_every_reader_gives_the_same_names_labels_and_counts(tmp_path, case, capsys):
    file_name, data, arguments, flags, chunked = READ[case]
    path = tmp_path / file_name
    path.write_bytes(data)
    python = _as_three(load_names(str(path), **arguments))
    assert python[0] == NAMES
    _same(python, _cli_read(path, flags))
    if chunked:
        chunk_arguments = {k: v for k, v in arguments.items() if k != "labels_column"}
        assert _first_pass_names(path, **chunk_arguments) == NAMES
    capsys.readouterr()  # the command line's notes on the table it read


def test_a_workbook_is_read_as_its_csv_by_both(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl", reason="workbooks need openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["name", "sex", "count"])
    for row in ROWS:
        book.active.append(list(row))
    book.save(tmp_path / "n.xlsx")
    python = load_names(str(tmp_path / "n.xlsx"), **_LABELLED)
    assert python[0] == NAMES
    _same(python, _cli_read(tmp_path / "n.xlsx", _BY_LABEL))
    capsys.readouterr()


def _sqlite(path):
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
    connection.close()


_JSON_LINES = "".join(json.dumps(name) + "\n" for name in NAMES)
# (file name, its bytes or a function that writes it, the start of what each
# reader says the file is)
REFUSED = {
    "json": ("n.json", json.dumps(NAMES).encode(), "is a JSON list of names,"),
    "json-lines": ("n.jsonl", _JSON_LINES.encode(), "is a JSON list of names (JSON"),
    "json-records": (
        "n.json",
        json.dumps([{"name": n} for n in NAMES]).encode(),
        "is a JSON list of records",
    ),
    "png": ("n.png", b"\x89PNG\r\n\x1a\n" + bytes(8), "is a PNG image,"),
    "pdf": ("n.pdf", b"%PDF-1.4\n", "is a PDF document,"),
    "zstd": ("n.txt.zst", b"\x28\xb5\x2f\xfd" + bytes(8), "is a zstd-compressed"),
    "xls": ("n.xls", b"\xd0\xcf\x11\xe0" + bytes(60), "is an Office document"),
    "sqlite": ("n.db", _sqlite, "is an SQLite database,"),
}


def _what_it_is(message, path):
    """What ``message`` says the file at ``path`` is: its words up to "not a
    text file of names" (the advice after them is each side's own)."""
    assert "not a text file of names" in message, message
    return message.split("not a text file of names")[0].split(str(path), 1)[-1]


@pytest.mark.parametrize("case", REFUSED, ids=REFUSED)
def test_every_reader_refuses_the_same_formats_alike(tmp_path, case, capsys):
    file_name, data, said = REFUSED[case]
    path = tmp_path / file_name
    data(path) if callable(data) else path.write_bytes(data)
    with pytest.raises(ValueError) as python:
        load_names(str(path))
    with pytest.raises(ValueError) as chunked:
        train_from_file(str(path))
    assert main(["train", str(path), "-o", str(tmp_path / "m.skops"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and not (tmp_path / "m.skops").exists()
    what = _what_it_is(str(python.value), path)
    assert said in what
    assert _what_it_is(str(chunked.value), path) == what
    assert _what_it_is(err, path) == what


def test_json_lines_are_refused_by_python_and_by_train(tmp_path, capsys):
    # The policy of "Which files are read" (docs/your_own_names.rst): JSON
    # Lines are refused with a command that converts them, never read as
    # names, in the default run of the tests (the tests of the commands that
    # convert JSON run them, and are slow).
    path = tmp_path / "x.jsonl"
    path.write_text(_JSON_LINES, encoding="utf-8")
    with pytest.raises(ValueError, match=r"\(JSON Lines\), not a text file of names"):
        load_names(str(path))
    assert main(["train", str(path), "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "(JSON Lines), not a text file of names: write its names" in err
    assert "Traceback" not in err
