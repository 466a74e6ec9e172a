"""Notepad's names for encodings ("Unicode", "Unicode big endian", "ANSI")
given for a file of UTF-16 without a byte-order mark are answered with the
byte order its bytes show, in one step: the encoding advised reads the file
(no second error that names the other byte order, nor "another encoding"
for names of a script whose letters have no zero byte, such as Devanagari).
Each piece of advice is followed here."""

import contextlib
import re

import pytest

from sknextchar import load_model
from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._codecs import unknown_encoding_message
from tests._shared_files import kept_as_it_was

KN = ["--model", "kneser-ney", "--alphabet", "auto", "-q", "--force"]
SCRIPTS = {
    "latin": ["Zoë", "José", "Anna", "Chloé", "Noël", "Björn", "Inés"],
    "devanagari": ["अमित", "सुनीता", "राजेश", "प्रिया", "विकास", "पूजा"],
    "chinese": ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨磊"],
}
CASES = [
    (given, codec, script)
    for given in ("Unicode", "Unicode big endian", "ANSI", "UTF-8 with BOM")
    for codec in ("utf-16-le", "utf-16-be")
    for script in ("latin", "devanagari")
] + [("Unicode", codec, "chinese") for codec in ("utf-16-le", "utf-16-be")]


def _advised(err):
    return re.findall(r"--encoding ([\w-]+)", err)


def _notepad_file(folder, codec, script):
    """``folder/notepad.txt``: the names of ``script`` as Notepad saves them in
    ``codec``, with no byte order mark."""
    path = folder / "notepad.txt"
    path.write_bytes("".join(f"{n}\r\n" for n in SCRIPTS[script]).encode(codec))
    return path


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    """``followed(codec, script)``: the model that ``train --encoding codec``
    saves from :func:`_notepad_file`, trained once for the module (the same
    command for each name Notepad gives the encoding): read, never written."""
    models = {}
    with contextlib.ExitStack() as guards:

        def model(codec, script):
            if (codec, script) not in models:
                folder = tmp_path_factory.mktemp("followed")
                out, path = folder / "m.skops", _notepad_file(folder, codec, script)
                argv = ["train", str(path), "-o", str(out), *KN, "--encoding", codec]
                assert main(argv) == 0
                models[codec, script] = str(out)
                guards.enter_context(kept_as_it_was(out))
            return models[codec, script]

        yield model


@pytest.mark.parametrize(("given", "codec", "script"), CASES)
def test_notepads_names_on_utf16_without_a_mark_advise_its_byte_order(
    given, codec, script, tmp_path, capsys, followed
):
    path = _notepad_file(tmp_path, codec, script)
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops"), *KN]
    assert main([*argv, "--encoding", given]) == 1
    err = capsys.readouterr().err
    assert repr(given) in err and "Traceback" not in err
    assert _advised(err) == [codec], err  # one encoding, the file's
    # Followed (a file of the same bytes, the same command): its names as written.
    assert load_names(path, encoding=codec) == SCRIPTS[script]
    assert load_model(followed(codec, script)).in_training_set(SCRIPTS[script]).all()


def test_an_unknown_encoding_on_utf16_without_a_mark_advises_its_byte_order(
    tmp_path, capsys
):
    path = tmp_path / "names.txt"
    path.write_bytes("".join(f"{n}\n" for n in SCRIPTS["latin"]).encode("utf-16-be"))
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops"), *KN]
    assert main([*argv, "--encoding", "Western European"]) == 1
    err = capsys.readouterr().err
    assert "'Western European' is not a text encoding" in err
    assert _advised(err) == ["utf-16-be"]
    assert main([*argv, "--encoding", "utf-16-be"]) == 0


def test_notepads_names_on_text_of_one_byte_a_letter_are_answered_as_before():
    # No zero byte and no mark: "another encoding", as Notepad writes both.
    text = "Zoë\r\nJosé\r\n".encode()
    message = unknown_encoding_message("Unicode big endian", text)
    assert "saved in another encoding" in message
    assert re.findall(r"encoding='([\w-]+)'", message) == ["utf-8", "cp1252"]
    assert unknown_encoding_message("Unicode") == (
        "The encoding 'Unicode' is Notepad's name for Python's 'utf-16': pass "
        "encoding='utf-16'."
    )
    # "ANSI" and an unknown name on UTF-16's line breaks in one order and no
    # letter of a byte: not told the byte order, only "Unicode" is.
    zh = "王芳\n李娜\n".encode("utf-16-le")
    assert unknown_encoding_message("Unicode", zh).endswith("'utf-16-le'.")
    assert "encoding='cp1252'" in unknown_encoding_message("ANSI", zh)
    message = unknown_encoding_message("Western European", zh)
    assert re.findall(r"encoding='([\w-]+)'", message) == ["utf-8", "cp1252"]


def _damaged(codec, names, where):
    """The names in ``codec`` (a byte a character), each on its line, with NUL
    bytes: 64 at the end (a zero-padded tail), or one after the first line
    break at an even offset (where UTF-16 little-endian has its own)."""
    data = "".join(f"{name}\n" for name in names).encode(codec)
    if where == "tail":
        return data + bytes(64)
    at = next(i for i, byte in enumerate(data) if byte == 10 and i % 2 == 0) + 1
    return data[:at] + b"\x00" + data[at:]


# Names whose line breaks fall at even and at odd offsets, in turn.
LISTS = [
    ["Zoë", "José", "Anna", "Ravi"],
    ["Zoë", "José", "Ann", "Ravi"],
    ["Zoë", "Josée", "Anna", "Ravi", "Noël"],
    ["Chloé", "Inés", "Björn", "Ana"],
]


@pytest.mark.parametrize("where", ["tail", "stray"])
@pytest.mark.parametrize("codec", ["utf-8", "cp1252"])
@pytest.mark.parametrize("names", LISTS)
def test_nul_bytes_in_text_of_a_byte_a_letter_are_not_told_utf16(
    names, codec, where, tmp_path, capsys
):
    # A NUL after a line break is no sign of UTF-16 when the file's other
    # line breaks are not UTF-16's, nor are two NUL bytes (U+0000) ever.
    path = tmp_path / "names.txt"
    path.write_bytes(_damaged(codec, names, where))
    argv = ["train", str(path), "-o", str(tmp_path / "m.skops"), *KN]
    for given in ("Unicode", "Unicode big endian"):
        assert main([*argv, "--encoding", given]) == 1
        err = capsys.readouterr().err
        assert "saved in another encoding" in err, err
        assert _advised(err) == ["utf-8", "cp1252"], err
    # Followed: the file's own encoding names the damage, and what to do.
    assert main([*argv, "--encoding", codec]) == 1
    err = capsys.readouterr().err
    assert "holds NUL characters" in err and "delete the NUL characters" in err
    assert "Traceback" not in err


def test_chinese_names_whose_letters_hold_a_line_break_byte_are_still_told():
    # 上 is U+4E0A and 不 U+4E0D: units holding the byte of LF or CR that are
    # no line break; the line breaks are still most of them.
    names = ["上官婉儿", "王芳", "不凡", "李娜"]
    for codec in ("utf-16-le", "utf-16-be"):
        text = "".join(f"{name}\r\n" for name in names).encode(codec)
        message = unknown_encoding_message("Unicode", text)
        assert message.endswith(f"pass encoding={codec!r}."), message


def test_the_byte_order_told_is_said_in_one_clause():
    message = unknown_encoding_message("ANSI", "Zoë\n".encode("utf-16-le"))
    assert message.count(" but ") == 1, message
    assert "UTF-16 text (little-endian) without a byte-order mark" in message
