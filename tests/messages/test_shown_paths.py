"""Paths in messages: one spelling (``shown_path``), a byte of a file name that
is no UTF-8 shown as ``\\xff``, not as the ``\\udcff`` of Python's ``repr``."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from sknextchar import train_from_file
from sknextchar._shown_paths import shown_path
from sknextchar.cli import main
from sknextchar.datasets import load_names

# Linux keeps the bytes of a name as given; macOS and Windows refuse such names.
needs_byte_names = pytest.mark.skipif(
    sys.platform != "linux", reason="file names of any bytes"
)


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("names.txt", "'names.txt'"),  # as repr: most messages read as before
        (b"caf\xff.txt", "'caf\\xff.txt'"),  # the byte, not '\\udcff'
        ("caf\udcff.txt", "'caf\\xff.txt'"),  # the same name, decoded
        ("o'brien.txt", '"o\'brien.txt"'),  # quoted as repr quotes it
        ("a 'b' \"c\".txt", "'a \\'b\\' \"c\".txt'"),
        ("C:\\names\\a.txt", "'C:\\\\names\\\\a.txt'"),  # as repr, doubled
        ("caf\\udcff.txt", "'caf\\\\udcff.txt'"),  # typed: a backslash, not a byte
        ("a\nb\t.txt", "'a\\nb\\t.txt'"),  # one line
        ("zoë.txt", "'zoë.txt'"),
    ],
)
def test_a_path_is_shown_in_quotes_with_its_bytes(path, shown):
    assert shown_path(path) == shown


def test_two_paths_are_never_shown_alike():
    # A byte, a line end or a tab of a name, and the backslash typed in one.
    paths = [b"caf\xff", "caf\\xff", "a\nb", "a\\nb", "a\\", "a", "a\\udcff", "a\udcff"]
    shown = [shown_path(path) for path in paths]
    assert len(set(shown)) == len(paths), shown
    assert shown_path("a\\udcff") == repr("a\\udcff")  # what repr gives, kept


def test_a_path_object_is_shown_as_its_path(tmp_path):
    assert shown_path(tmp_path / "a.txt") == repr(str(tmp_path / "a.txt"))
    assert shown_path(7) == "7"  # no path: a message on a wrong argument


@pytest.fixture
def byte_named(tmp_path):
    """A folder in which a name of the file system may hold any byte."""
    folder = os.fsencode(tmp_path)
    try:
        with open(os.path.join(folder, b"probe\xff"), "wb"):
            pass
    except OSError:  # a file system that refuses such names
        pytest.skip("this file system refuses names that are no UTF-8")
    return folder


@needs_byte_names
def test_train_shows_a_byte_of_a_file_name_as_the_byte(byte_named, capsys):
    binary = os.path.join(byte_named, b"bad\xff.txt")
    with open(binary, "wb") as file:
        file.write(b"\x00\x01anna\nbob\n")
    argument = os.fsdecode(binary)  # as the shell passes it to Python
    assert main(["train", argument, "-o", os.fsdecode(byte_named) + "/m.skops"]) == 1
    err = capsys.readouterr().err
    assert f"{os.fsdecode(byte_named)}/bad\\xff.txt' holds NUL characters" in err
    assert "udcff" not in err and "Traceback" not in err
    missing = os.fsdecode(os.path.join(byte_named, b"none\xfe.txt"))
    assert main(["train", missing, "-o", os.fsdecode(byte_named) + "/m.skops"]) == 1
    assert "none\\xfe.txt'." in capsys.readouterr().err


@needs_byte_names
def test_train_saves_to_a_byte_name_and_says_where(byte_named, capsys):
    names = os.path.join(byte_named, b"caf\xe9.txt")  # Latin-1, not UTF-8
    with open(names, "wb") as file:
        file.write(b"\n".join([b"anna", b"bella", b"carla", b"dora", b"emma"] * 8))
    output = os.fsdecode(os.path.join(byte_named, b"m\xe9.skops"))
    args = ["--max-iter", "1", "--hidden-layer-sizes", "4", "--seed", "0"]
    assert main(["train", os.fsdecode(names), *args, "-o", output]) == 0
    out = capsys.readouterr().out
    assert f"Saved the model to '{os.fsdecode(byte_named)}/m\\xe9.skops'" in out
    assert "udce9" not in out


@needs_byte_names
def test_load_names_says_which_file_with_its_bytes(byte_named):
    binary = os.path.join(byte_named, b"bad\xff.txt")
    with open(binary, "wb") as file:
        file.write(b"\x00\x01anna\n")
    with pytest.raises(ValueError, match=r"bad\\xff\.txt' holds NUL") as raised:
        load_names(binary)
    assert "udcff" not in str(raised.value)


def test_an_unreadable_file_with_a_byte_name_gets_a_command_that_works():
    from sknextchar.cli._errors import error_message

    denied = PermissionError(13, "Permission denied", "caf\udcff.txt")
    message = error_message(denied)
    assert "cannot read 'caf\\xff.txt': Permission denied" in message
    assert "(ls -l $'caf\\xff.txt')" in message  # bash reads back the byte


def _file(folder, name, data=b"anna\nbob\ncarla\ndora\n"):
    path = os.path.join(folder, name)
    with open(path, "wb") as file:
        file.write(data)
    return os.fsdecode(path)


@needs_byte_names
def test_did_you_mean_shows_the_byte_of_the_file_it_offers(byte_named, capsys):
    _file(byte_named, b"caf\xfe.txt")
    missing = os.fsdecode(os.path.join(byte_named, b"caf\xff.txt"))
    assert main(["train", missing, "-o", os.fsdecode(byte_named) + "/m.skops"]) == 1
    err = capsys.readouterr().err
    assert "caf\\xff.txt'. Did you mean '" in err
    assert err.rstrip().endswith("/caf\\xfe.txt'?"), err
    assert "udc" not in err


@needs_byte_names
def test_every_path_of_a_message_shows_its_bytes(byte_named, capsys):
    folder = os.fsdecode(byte_named)
    names = _file(byte_named, b"names.txt")
    labels = _file(byte_named, b"lab\xff.txt", b"f\nm\nf\nm\n")
    json = _file(byte_named, b"j\xff.json", b'["anna", "bob"]')
    out = ["-o", folder + "/m.skops"]
    assert main(["train", names, "--labels", labels, "--names-column", "x", *out])
    err = capsys.readouterr().err  # the flag's value as a shell reads it back
    assert "--labels $'" in err and "lab\\xff.txt'" in err, err
    assert main(["train", json, *out]) == 1
    err = capsys.readouterr().err
    assert "j\\xff.txt'." in err and "udc" not in err
    for command in (["score", names], ["table", names]):  # a file as NAME, CONTEXT
        assert main([*command, _file(byte_named, b"caf\xfe.txt")]) == 1
        err = capsys.readouterr().err
        assert " 'caf\\xfe.txt' is a file" not in err  # the folder comes first
        assert "caf\\xfe.txt' is a file on disk" in err and "udc" not in err
        assert "--names-file $'" in err and "/caf\\xfe.txt'." in err


def _bash(command, cwd):
    """Run ``command`` as a user pasting it into bash would."""
    if shutil.which("bash") is None:
        pytest.skip("no bash to paste the command into")
    return subprocess.run(["bash", "-c", command], cwd=cwd, check=False).returncode


@needs_byte_names
def test_the_chmod_command_of_a_protected_byte_name_works_in_bash(
    byte_named, capsys, monkeypatch
):
    names = _file(byte_named, b"names.txt")
    protected = _file(byte_named, b"m\xff.skops", b"x")
    os.chmod(protected, 0o444)
    monkeypatch.chdir(byte_named)  # the command as given: a relative path
    assert main(["train", names, "-o", os.path.basename(protected)]) == 1
    err = capsys.readouterr().err
    command = re.search(r"\((chmod u\+w [^)]*)\)", err)[1]
    assert command == "chmod u+w $'m\\xff.skops'"
    assert _bash(command, byte_named) == 0
    assert os.stat(protected).st_mode & 0o200  # the shell found the file


@needs_byte_names
def test_the_rm_command_of_a_loop_of_links_works_in_bash(
    byte_named, capsys, monkeypatch
):
    names = _file(byte_named, b"names.txt")
    loop = os.path.join(byte_named, b"loop\xff.skops")
    os.symlink(os.path.basename(loop), loop)  # a link to itself
    monkeypatch.chdir(byte_named)
    assert main(["train", names, "-o", os.fsdecode(os.path.basename(loop))]) == 1
    command = re.search(r"\((rm [^)]*)\)", capsys.readouterr().err)[1]
    assert command == "rm $'loop\\xff.skops'"
    assert _bash(command, byte_named) == 0 and not os.path.lexists(loop)


@needs_byte_names
def test_the_cat_command_of_a_fifo_of_names_names_its_bytes(byte_named):
    fifo = os.path.join(byte_named, b"p\xff.fifo")
    os.mkfifo(fifo)  # refused before it is opened, which would wait for a writer
    with pytest.raises(ValueError, match=r"\(for example `cat \$'") as raised:
        train_from_file(os.fsdecode(fifo))
    assert "p\\xff.fifo' > names.txt`" in str(raised.value)


@needs_byte_names
def test_labels_of_a_byte_named_file_are_named_with_its_bytes(byte_named, capsys):
    # Before: "Labels of --labels '/.../lab\udcff.txt' differ only in case ...
    # write it alike in '/.../lab\udcff.txt'": the file name as no shell reads it.
    names = os.path.join(byte_named, b"n.txt")
    with open(names, "wb") as file:
        file.write(b"anna\nbob\ncarl\ndave\n")
    labels = os.path.join(byte_named, b"lab\xff.txt")
    with open(labels, "wb") as file:
        file.write(b"f\nm\nM\nf\n")
    out = os.fsdecode(os.path.join(byte_named, b"m.skops"))
    argv = ["train", os.fsdecode(names), "--labels", os.fsdecode(labels), "-q"]
    assert main([*argv, "--model", "kneser-ney", "-o", out]) == 0
    err = capsys.readouterr().err
    folder = os.fsdecode(byte_named)
    assert f"Labels of --labels $'{folder}/lab\\xff.txt' differ only in case" in err
    assert f"write it alike in '{folder}/lab\\xff.txt'" in err
    assert "udcff" not in err
    with open(labels, "wb") as file:
        file.write(b"f\nf\nf\nf\n")
    assert main([*argv, "--model", "kneser-ney", "-o", out, "--force"]) == 1
    err = capsys.readouterr().err
    assert f"Every name of --labels $'{folder}/lab\\xff.txt' has the label" in err
