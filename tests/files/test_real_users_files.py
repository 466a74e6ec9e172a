"""Files as users have them: compressed (``names.txt.gz``), standard input
(``-``), a web address, and, in Python, a file object.

A compressed file used to be refused ("decompress it first"), ``-`` was "No
such file", a web address too, and ``load_names(io.StringIO(...))`` raised
TypeError.
"""

import bz2
import copy
import gzip
import io
import lzma
import os
import pickle
import re
import subprocess
import sys
import threading
import time
import warnings

import pytest

import sknextchar
from sknextchar.cli import main
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "-q"]
NAMES = "asha\numa\nravi\nmira\nrahul\n"
TABLE = "Name,Sex\nZoë,f\nJosé,m\nAsha,f\n"
COMPRESS = {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress}


@pytest.mark.parametrize("suffix", COMPRESS)
def test_compressed_files_read_as_the_text_they_hold(tmp_path, capsys, suffix):
    pack = COMPRESS[suffix]
    plain = tmp_path / "names.txt"
    plain.write_text(NAMES, encoding="utf-8")
    packed = tmp_path / f"names.txt.{suffix}"
    packed.write_bytes(pack(NAMES.encode()))
    assert load_names(packed) == load_names(plain) == NAMES.split()
    # A table in UTF-16 with its byte-order mark, labels and all.
    table = tmp_path / f"kids.csv.{suffix}"
    table.write_bytes(pack(TABLE.encode("utf-16")))
    assert load_names(table, labels_column="sex") == (
        ["Zoë", "José", "Asha"],
        ["f", "m", "f"],
    )
    model = str(tmp_path / "m.skops")
    chunks = ["--chunk-size", "2", "--max-iter", "2", "--validation-fraction", "0"]
    for flags in (KN, [*chunks, "-q"]):
        assert main(["train", str(packed), *flags, "-o", model, "--force"]) == 0
    argv = ["score", model, "--names-file", str(packed)]
    assert main(argv) == 0
    assert "rahul" in capsys.readouterr().out


def test_a_line_inside_a_compressed_file_is_named_as_in_the_text(tmp_path):
    text = "asha\n" + "x" * 1001 + "\nravi\n"
    plain, packed = tmp_path / "n.txt", tmp_path / "n.gz"
    plain.write_text(text, encoding="utf-8")
    packed.write_bytes(gzip.compress(text.encode()))
    with pytest.raises(ValueError) as told:
        load_names(plain)
    with pytest.raises(ValueError) as packed_told:
        load_names(packed)
    assert str(told.value).startswith("Line 2 of")
    assert str(packed_told.value) == str(told.value).replace(str(plain), str(packed))


def test_a_compressed_file_cut_short_or_a_bomb_is_refused(
    tmp_path, monkeypatch, capsys
):
    whole = gzip.compress(NAMES.encode() * 50)
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ValueError, match=r"is a gzip-compressed file, but it is cut"):
        load_names(cut)
    assert main(["train", str(cut), *KN, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "cut short" in err and "gzip -t" in err and err.count("\n") == 1
    # A bomb: far more text than a file of names compresses to (the floor
    # lowered, so that the test decompresses little).
    monkeypatch.setattr("sknextchar.datasets._compressed.MIN_ALLOWED_BYTES", 10_000)
    bomb = tmp_path / "bomb.gz"
    bomb.write_bytes(gzip.compress(b"asha\n" * 100_000))
    with pytest.raises(ValueError, match=r"decompresses to more than 100 times"):
        load_names(bomb)
    plain = tmp_path / "fine.gz"  # the same floor, names as they compress
    plain.write_bytes(gzip.compress("".join(f"n{i}\n" for i in range(5000)).encode()))
    assert len(load_names(plain)) == 5000


def test_dash_reads_standard_input_once(tmp_path, monkeypatch, capsys):
    given = tmp_path / "given.txt"  # what standard input holds
    given.write_text(NAMES, encoding="utf-8")
    monkeypatch.setattr("sknextchar.cli._stdin_files.STDIN", str(given))
    model = str(tmp_path / "m.skops")
    assert main(["train", "-", *KN, "-o", model]) == 0
    assert main(["score", model, "--names-file", "-"]) == 0
    assert "rahul" in capsys.readouterr().out
    argv = ["train", "-", "--labels", "-", *KN, "-o", model, "--force"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "NAMES_FILE and --labels are both '-'" in err and "./-" in err


def test_dash_is_named_standard_input_in_messages(tmp_path, monkeypatch, capsys):
    given = tmp_path / "given.txt"  # the user typed '-', not this path
    given.write_text("asha\n" + "a" * 2000 + "\n", encoding="utf-8")
    monkeypatch.setattr("sknextchar.cli._stdin_files.STDIN", str(given))
    assert main(["train", "-", *KN, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "Line 2 of standard input ('-') holds" in err
    assert str(given) not in err
    names = tmp_path / "names.txt"
    names.write_text(NAMES, encoding="utf-8")
    monkeypatch.setattr("sknextchar.cli._stdin_files.STDIN", "/dev/zero")
    argv = ["train", str(names), "--labels", "-", *KN, "-o", str(tmp_path / "m")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "--labels - is a device" in err and "/dev/zero" not in err


def test_dash_is_named_standard_input_in_notes(tmp_path, monkeypatch, capsys):
    given = tmp_path / "given.csv"  # the user typed '-', not this path
    given.write_text("Name,Sex\nZoe,f\nJose,m\nAsha,f\n", encoding="utf-8")
    monkeypatch.setattr("sknextchar.cli._stdin_files.STDIN", str(given))
    model = str(tmp_path / "m.skops")
    argv = ["train", "-", "--model", "kneser-ney", "-o", model]
    assert main(argv) == 0  # no -q: the table's note is informational
    err = capsys.readouterr().err
    assert "Note: standard input ('-') is a table" in err and str(given) not in err
    labelled = ["train", str(given), "--labels", "Sex", *KN, "-o", model, "--force"]
    assert main(labelled) == 0
    names = tmp_path / "names.txt"
    names.write_text("Zoe\nJose\nAsha\n", encoding="utf-8")
    given.write_text("f\nm\nf\n", encoding="utf-8")
    assert main(["classify", model, "--names-file", str(names), "--labels", "-"]) == 0
    err = capsys.readouterr().err
    assert "given their label of --labels -)." in err and str(given) not in err
    given.write_text("name\nZoë\n", encoding="utf-8")  # the place of an error
    assert main(["train", "-", *KN, "-o", model, "--force"]) == 1
    err = capsys.readouterr().err
    assert "'Zoë' (line 2 of standard input ('-'))" in err and str(given) not in err


@pytest.mark.slow  # a new process
def test_dash_reads_a_pipe(tmp_path):
    root = os.path.dirname(os.path.dirname(os.path.abspath(sknextchar.__file__)))
    env = {**os.environ, "PYTHONPATH": root}
    model = str(tmp_path / "m.skops")
    done = subprocess.run(
        [sys.executable, "-m", "sknextchar", "train", "-", *KN, "-o", model],
        input=gzip.compress(NAMES.encode()), capture_output=True, env=env,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert os.path.isfile(model)


def test_a_web_address_says_to_download_it(tmp_path, capsys):
    url = "https://example.org/names.txt"
    with pytest.raises(FileNotFoundError, match="is a web address.*curl"):
        load_names(url)
    assert main(["train", url, *KN, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "never downloaded" in err and "No such file" not in err


def test_file_objects_are_read_as_paths_are(tmp_path):
    assert load_names(io.StringIO(NAMES)) == NAMES.split()
    assert load_names(io.BytesIO("Zoë\n".encode("latin-1")), encoding="latin-1") == [
        "Zoë"
    ]
    path = tmp_path / "kids.csv"
    path.write_text(TABLE, encoding="utf-8")
    with open(path, encoding="utf-8") as text, open(path, "rb") as binary:
        assert load_names(text, labels_column="sex") == load_names(
            binary, labels_column="sex"
        )
    # Messages and warnings name the object, never a temporary file.
    with pytest.raises(ValueError, match=re.escape("<StringIO> contains no names")):
        load_names(io.StringIO("\n\n"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert load_names(io.StringIO("# girls\nasha\n")) == ["# girls", "asha"]
    assert [str(w.message).split()[0] for w in caught] == ["<StringIO>"]
    assert caught[0].filename == __file__


@pytest.mark.parametrize("source", ["StringIO", "BytesIO", "open file"])
@pytest.mark.parametrize(
    "text, columns, shown",
    [
        ("\n\n", {}, "{} contains no names"),  # its path, an attribute
        ("name,count\nAnna,x\n", {"names_column": "name", "counts_column": "count"},
         "Line 2 of {} has 'x'"),  # messages of rows, kept apart
        ("name,sex\nAnna,F\n", {"names_column": "nom"},
         "'nom' is not a column of {}"),
    ],
)  # fmt: skip
def test_a_file_objects_error_names_it_when_copied_or_pickled(
    tmp_path, source, text, columns, shown
):
    # An error whose message is made anew from its attributes named the
    # temporary copy again once copied or pickled ('/tmp/tmpab12cd/names').
    path = tmp_path / "kids.csv"
    path.write_text(text)
    if source == "open file":  # named by its name, in quotes, as a path is
        file, name = open(path, "rb"), repr(str(path))
    else:
        file = io.StringIO(text) if source == "StringIO" else io.BytesIO(text.encode())
        name = f"<{source}>"
    with file, pytest.raises(ValueError) as caught:
        load_names(file, **columns)
    error = caught.value
    for again in (error, copy.copy(error), pickle.loads(pickle.dumps(error))):
        assert type(again) is type(error) and str(again) == str(error)
        assert shown.format(name) in str(again), str(again)


def test_compressed_json_is_told_as_json(tmp_path):
    path = tmp_path / "names.json.gz"  # before: "Found characters outside..."
    path.write_bytes(gzip.compress(b'["asha", "ravi"]\n'))
    with pytest.raises(ValueError, match="gzip-compressed file of JSON.*gzip -dk"):
        load_names(path)


@pytest.mark.parametrize("suffix", ["bz2", "xz"])  # gzip tells from 2 bytes
def test_a_pipe_that_writes_its_first_bytes_slowly_is_read_as_compressed(
    tmp_path, suffix
):
    # A program that writes a byte at a time ((printf 'B'; sleep 1; cat rest)
    # | sknextchar train -): the first bytes once peeked at were too few to
    # tell a bzip2 or xz file, whose text was then read as a file of names.
    from sknextchar.datasets._opened_bytes import open_bytes

    fifo = tmp_path / "names.bz2"
    os.mkfifo(fifo)
    packed = COMPRESS[suffix](NAMES.encode())

    def write():
        with open(fifo, "wb", buffering=0) as f:
            for byte in packed[:12]:
                f.write(bytes([byte]))
                time.sleep(0.02)
            f.write(packed[12:])

    writer = threading.Thread(target=write)
    writer.start()
    try:
        with open_bytes(str(fifo)) as f:
            assert f.read() == NAMES.encode()
    finally:
        writer.join()


def test_a_pipe_of_text_is_read_line_by_line_as_it_comes(tmp_path):
    # Only bytes that may start a compressed file are waited for: a name typed
    # or written alone ("asha") is read at once.
    from sknextchar.datasets._opened_bytes import open_bytes

    fifo = tmp_path / "names"
    os.mkfifo(fifo)
    more, waited = threading.Event(), []

    def write():
        with open(fifo, "wb", buffering=0) as f:
            f.write(b"asha\n")
            waited.append(not more.wait(5))  # True: the reader waited for more
            f.write(b"ravi\n")

    writer = threading.Thread(target=write)
    writer.start()
    try:
        with open_bytes(str(fifo)) as f:
            assert f.readline() == b"asha\n"
            more.set()
            assert f.read() == b"ravi\n"
    finally:
        more.set()
        writer.join()
    assert waited == [False]
