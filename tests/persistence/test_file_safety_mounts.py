"""Saving where the file system itself says no, and saves cut short.

A read-only mount (a CD, a snapshot, a container's read-only layer) is told as
such, not as a permission of its owner, and a Ctrl-C at any point of a save
leaves no temporary file beside the target.
"""

import os
import re
import secrets
import types

import pytest

from sknextchar import ContextWindowTransformer, save_model
from sknextchar._file_safety import atomic_write
from sknextchar._temp_files import new_file
from sknextchar.cli import main
from tests._interrupts import interrupted_at


@pytest.fixture
def read_only_mount(tmp_path, monkeypatch):
    """``tmp_path`` as a read-only mount shows it: statvfs flags it, and
    os.access says no to writing there (its mode bits let its owner write)."""
    real_statvfs, real_access = os.statvfs, os.access

    def inside(path):
        return os.path.realpath(os.fspath(path)).startswith(str(tmp_path))

    def statvfs(path):
        found = real_statvfs(path)
        if not inside(path):
            return found
        return types.SimpleNamespace(f_flag=found.f_flag | os.ST_RDONLY)

    def access(path, mode):
        return real_access(path, mode) and not (mode & os.W_OK and inside(path))

    monkeypatch.setattr(os, "statvfs", statvfs)
    monkeypatch.setattr(os, "access", access)
    return tmp_path


@pytest.mark.skipif(not hasattr(os, "statvfs"), reason="no statvfs")
def test_a_read_only_mount_is_named_as_such(read_only_mount):
    model = ContextWindowTransformer().fit(["asha"])
    with pytest.raises(PermissionError) as caught:
        save_model(model, read_only_mount / "m.skops")
    message = str(caught.value)
    assert "mounted read-only" in message
    assert "you may not write it" not in message  # its mode lets root write
    assert os.listdir(read_only_mount) == []


@pytest.mark.skipif(not hasattr(os, "statvfs"), reason="no statvfs")
def test_train_names_a_read_only_mount(read_only_mount, tmp_path_factory, capsys):
    names = tmp_path_factory.mktemp("names") / "names.txt"
    names.write_text("abid\nasha\nravi\n")
    target = read_only_mount / "m.skops"
    assert main(["train", str(names), "-o", str(target), "-q"]) == 1
    err = capsys.readouterr().err
    assert "mounted read-only" in err and err.count("\n") == 1
    assert "Traceback" not in err


def test_an_interrupt_anywhere_in_a_save_leaves_no_temporary_file(tmp_path):
    """Ctrl-C between any two lines of atomic_write (and of the making of its
    temporary file): the target holds the old bytes or the new ones, and no
    temporary file stays beside it."""
    target = tmp_path / "m.txt"
    target.write_text("old")

    def write():
        atomic_write(target, lambda tmp: open(tmp, "w").write("new"))

    line = 0
    while interrupted_at(line := line + 1, write, atomic_write, new_file):
        assert os.listdir(tmp_path) == ["m.txt"], f"interrupted at line {line}"
        assert target.read_text() in ("old", "new")
        target.write_text("old")
    assert line > 15  # the interrupts reached every line of the save


def test_train_refuses_dash_as_its_output(tmp_path, monkeypatch, capsys):
    """``-o -`` asks for the standard output, which a model never goes to; it
    wrote a file named '-' (and its report to the standard output)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "names.txt").write_text("abid\nasha\nravi\n")
    argv = ["train", "names.txt", "--max-iter", "1", "-q", "-o", "-"]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "standard output" in err and "./- for a file named '-'" in err
    assert os.listdir(tmp_path) == ["names.txt"]


def test_save_model_takes_dash_as_a_file_name(tmp_path, monkeypatch):
    """In Python a path is a path: '-' is a file of that name."""
    monkeypatch.chdir(tmp_path)
    save_model(ContextWindowTransformer().fit(["asha"]), "-")
    assert os.listdir(tmp_path) == ["-"]


def _suggested(err):
    """The file a refusal suggests: ``such as 'loss.png'``."""
    found = re.search(r"such as '([^']+)'", err)
    assert found, err
    return found.group(1)


@pytest.mark.slow  # trains a model (and plot draws it)
@pytest.mark.parametrize("command", ["train", "plot"])
def test_the_advice_for_dash_works(command, tmp_path, monkeypatch, capsys):
    """Each command refuses ``-o -`` with advice that works when followed: a
    model file for train, a picture file with its suffix for plot."""
    if command == "plot":
        pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "names.txt").write_text("abid\nasha\nravi\nsita\n")
    train = ["train", "names.txt", "--max-iter", "1", "-q", "-o"]
    argv = train if command == "train" else ["plot", "m.skops", "--loss", "-o"]
    if command == "plot":
        assert main([*train, "m.skops"]) == 0
    capsys.readouterr()
    assert main([*argv, "-"]) == 1
    err = capsys.readouterr().err
    assert "standard output" in err and err.count("\n") == 1, err
    suggested = _suggested(err)
    assert main([*argv, suggested]) == 0, capsys.readouterr().err
    assert (tmp_path / suggested).is_file()


@pytest.fixture
def file_on_a_read_only_mount(tmp_path, monkeypatch):
    """A model file that is a read-only mount of its own (``mount --bind`` and
    ``remount,ro``): its folder may be written, the file may not, and no chmod
    changes that. Its mode bits let its owner write."""
    target = tmp_path / "m.skops"
    save_model(ContextWindowTransformer().fit(["asha"]), target)
    real_statvfs, real_access = os.statvfs, os.access

    def on_it(path):
        return os.path.realpath(os.fspath(path)) == str(target)

    def statvfs(path):
        found = real_statvfs(path)
        if not on_it(path):
            return found
        return types.SimpleNamespace(f_flag=found.f_flag | os.ST_RDONLY)

    def access(path, mode):
        return real_access(path, mode) and not (mode & os.W_OK and on_it(path))

    monkeypatch.setattr(os, "statvfs", statvfs)
    monkeypatch.setattr(os, "access", access)
    return target


@pytest.mark.skipif(not hasattr(os, "statvfs"), reason="no statvfs")
def test_a_file_on_a_read_only_mount_gets_no_chmod_advice(
    file_on_a_read_only_mount, capsys
):
    """chmod fails on a read-only file system: the only advice is another file,
    in Python and on the command line."""
    target = file_on_a_read_only_mount
    before = target.read_bytes()
    with pytest.raises(PermissionError) as caught:
        save_model(ContextWindowTransformer().fit(["ravi"]), target)
    message = str(caught.value)
    assert "mounted read-only" in message and "another path" in message
    assert "chmod" not in message
    names = target.parent / "names.txt"
    names.write_text("abid\nasha\nravi\n")
    argv = ["train", str(names), "--force", "-q", "-o", str(target)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "mounted read-only" in err and "another output file" in err
    assert "chmod" not in err and err.count("\n") == 1
    assert target.read_bytes() == before


def test_a_temporary_name_taken_is_tried_again(tmp_path, monkeypatch):
    """A random name of the temporary file that another file has (one chance
    in 2**32) is not an error: another name is tried, that file kept."""
    target = tmp_path / "m.txt"
    other = tmp_path / ".m.txt.taken.txt"
    other.write_text("another's")
    names = iter(["taken", "taken", "fresh"])
    monkeypatch.setattr(secrets, "token_hex", lambda n: next(names))
    atomic_write(target, lambda tmp: open(tmp, "w").write("new"))
    assert target.read_text() == "new" and other.read_text() == "another's"
    assert sorted(os.listdir(tmp_path)) == [".m.txt.taken.txt", "m.txt"]


def test_a_temporary_name_always_taken_is_refused(tmp_path, monkeypatch):
    """Tries are few: a name that is always taken says so, nothing changed."""
    target = tmp_path / "m.txt"
    other = tmp_path / ".m.txt.taken.txt"
    other.write_text("another's")
    monkeypatch.setattr(secrets, "token_hex", lambda n: "taken")
    with pytest.raises(FileExistsError, match="Cannot write .*was not created"):
        atomic_write(target, lambda tmp: open(tmp, "w").write("new"))
    assert os.listdir(tmp_path) == [".m.txt.taken.txt"]
    assert other.read_text() == "another's"
