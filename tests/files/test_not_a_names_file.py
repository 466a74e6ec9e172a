"""A file that is no text, passed as the file of names, is named for what it is.

An image, a PDF, a database or a model file used to fail at its first bytes
with the advice to pass another encoding, which cannot help.
"""

import os
import pickle
import re
import sqlite3
import zipfile

import pytest

from sknextchar import train_from_file
from sknextchar.cli import main
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "-q"]
NAMES = "asha\numa\nravi\nmira\nrahul\n"
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04"


def _real_png():
    matplotlib = pytest.importorskip("matplotlib")
    images = os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "images")
    with open(os.path.join(images, "hand.png"), "rb") as f:
        return f.read()


def _sqlite(path):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE people (name TEXT)")
        db.execute("INSERT INTO people VALUES ('asha')")
    db.close()


def _write(path, content):
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    return str(path)


KINDS = [
    ("names.png", _real_png, "a PNG image", "one name a line"),
    ("names.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 8, "a JPEG image", None),
    ("names.gif", GIF, "a GIF image", None),
    ("names.pdf", b"%PDF-1.4\n%\xac\xdc \xab\xba\n" * 4, "a PDF document", None),
    ("names.sqlite", _sqlite, "an SQLite database", "as a CSV file"),
    ("names.zst", b"\x28\xb5\x2f\xfd\x00\xff" * 4, "a zstd-compressed file", None),
]


@pytest.mark.parametrize("filename, content, what, advice", KINDS)
def test_files_that_are_no_text_say_what_they_are(
    tmp_path, capsys, filename, content, what, advice
):
    content = content() if content is _real_png else content
    path = _write(tmp_path / filename, content)
    shown = f"{path!r} is {what}, not a text file of names"
    for read in (load_names, train_from_file):
        with pytest.raises(ValueError, match=re.escape(shown)) as caught:
            read(path)
        assert "encoding" not in str(caught.value)
        assert advice is None or advice in str(caught.value)
    model = str(tmp_path / "m.skops")
    for argv in (["train", path, *KN], ["train", path, "--chunk-size", "2", "-q"]):
        assert main([*argv, "-o", model]) == 1
        err = capsys.readouterr().err
        assert shown in err and "encoding" not in err and err.count("\n") == 1


def test_a_model_file_passed_as_names_is_named_a_model_file(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text(NAMES, encoding="utf-8")
    model = str(tmp_path / "model.skops")
    assert main(["train", str(names), *KN, "-o", model]) == 0
    capsys.readouterr()
    shown = f"{model!r} is a model file (skops format), not a text file of names"
    with pytest.raises(ValueError, match=re.escape(shown) + ".*load_model"):
        load_names(model)
    assert main(["train", model, *KN, "-o", str(tmp_path / "again.skops")]) == 1
    err = capsys.readouterr().err
    assert shown in err and "'sknextchar sample'" in err and "load_model" not in err
    # A pickle (joblib's or pickle's): a model to load only if trusted.
    pickled = _write(tmp_path / "model.pkl", pickle.dumps(["asha", "uma"]))
    with pytest.raises(ValueError, match=r"a Python pickle .*allow_pickle=True"):
        train_from_file(pickled)
    assert main(["train", pickled, *KN, "-o", str(tmp_path / "again.skops")]) == 1
    err = capsys.readouterr().err
    assert "is a Python pickle" in err and "--trust-pickle" in err
    assert "allow_pickle" not in err


def test_zip_archives_say_which_kind(tmp_path):
    def zipped(name, *entries):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as archive:
            for entry in entries:
                archive.writestr(entry, "asha\n")
        return str(path)

    cases = [
        (zipped("names.zip", "names.txt"), "a zip archive, .* unzip"),
        # A workbook is read (tests/files/test_workbooks.py): this one is damaged.
        (zipped("names.xlsx", "[Content_Types].xml", "xl/workbook.xml"), "an Excel"),
    ]
    for path, what in cases:
        with pytest.raises(ValueError, match=f"(is|read as) {what}"):
            load_names(path)
    # A zip cut short (its directory unreadable) is still no text.
    cut = _write(tmp_path / "cut.zip", b"PK\x03\x04\x14\x00" + b"\x00\x01" * 20)
    with pytest.raises(ValueError, match=r"is a zip archive \(a model file"):
        load_names(cut)


def test_text_that_starts_like_a_signature_is_read(tmp_path):
    # "BZh" without bzip2's block magic after it is a name.
    path = _write(tmp_path / "names.txt", b"BZhanna\numa\n")
    assert load_names(path) == ["BZhanna", "uma"]
