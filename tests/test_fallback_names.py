"""The emergency copy of a model that could not be saved, when its own name or
path is the problem.

When saving to ``-o`` fails after training, the model is kept in
``<stem>.unsaved-<8 hex><suffix>``, beside ``-o`` or elsewhere. That name is 17
bytes longer than a short ``-o``: in a deep folder it (or the temporary file
written beside it first) passes the system's limit on a path where ``-o`` did
not, and the folder's failure was told as "File name too long", which read as
if ``-o`` were too long. It now says it is the new file's name or path, with
its length. The stem and suffix are cut (40 and 20 characters), so the name
itself fits in 255 bytes whatever ``-o``'s name.
"""

import os

import pytest

import sknextchar._persistence
from sknextchar.cli import main

NAMES = "asha\nravi\nsita\nomar\nanil\nmira\numa\nzoya\n"
TRAIN = ["--model", "kneser-ney", "-q"]


@pytest.fixture
def names(tmp_path, monkeypatch):
    """The names file; the temporary and current folders, where the model may be
    kept, are a folder of the test's own."""
    path = tmp_path / "names.txt"
    path.write_text(NAMES, encoding="utf-8")
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    monkeypatch.chdir(temp)
    return path


def deep_folder(root, length):
    """A new folder under ``root`` whose path has ``length`` bytes."""
    folder = str(root)
    while len(os.fsencode(folder)) < length - 210:
        folder = os.path.join(folder, "d" * 200)
    folder = os.path.join(folder, "e" * (length - len(os.fsencode(folder)) - 1))
    os.makedirs(folder)
    assert len(os.fsencode(folder)) == length
    return folder


def failing_dump(monkeypatch, failing):
    """Make ``_dump`` fail (no space left) for the temporary files ``failing``
    says, and write the others."""
    dump = sknextchar._persistence._dump

    def dump_or_fail(model, format, tmp):
        if failing(tmp):
            raise OSError(28, "No space left on device")
        dump(model, format, tmp)

    monkeypatch.setattr(sknextchar._persistence, "_dump", dump_or_fail)


def test_a_fallback_path_too_long_is_told_as_the_fallbacks(
    tmp_path, names, monkeypatch, capsys
):
    most = os.pathconf(tmp_path, "PC_PATH_MAX") - 1
    # -o and its temporary file (16 bytes longer) fit; the fallback, 17 bytes
    # longer than -o, and its temporary file do not.
    folder = deep_folder(tmp_path, most - 16 - len("/m.skops"))
    output = os.path.join(folder, "m.skops")
    failing_dump(monkeypatch, lambda tmp: True)  # no folder takes the model
    assert main(["train", str(names), *TRAIN, "-o", output]) == 1
    err = capsys.readouterr().err
    beside = f"in {folder!r}: "
    assert beside in err, err
    said = err.split(beside, 1)[1].split(";", 1)[0]
    assert said.startswith("the name or path of a new file there ('m.unsaved-"), said
    assert f".skops': {len(os.fsencode(output)) + 17:,} bytes with its folder)" in said
    assert said.endswith("is too long for the file system"), said
    assert "File name too long" not in err, err
    assert os.listdir(folder) == [] and os.listdir(tmp_path / "temp") == []


def test_the_longest_fallback_name_fits_beside_the_output(
    tmp_path, names, monkeypatch, capsys
):
    # 249 bytes: 40 characters of 4 bytes, a dot, 22 more; its fallback is
    # cut to 40 + 17 + 20 characters, 254 bytes. (Measured, not a fix.)
    output = tmp_path / ("\U0001f600" * 40 + "." + "\U0001f600" * 22)
    calls = []  # the first write, -o's, fails; the fallback's is written
    failing_dump(monkeypatch, lambda tmp: not calls.append(tmp) and len(calls) == 1)
    assert main(["train", str(names), *TRAIN, "-o", str(output)]) == 1
    capsys.readouterr()
    [kept] = [name for name in os.listdir(tmp_path) if ".unsaved-" in name]
    assert len(os.fsencode(kept)) == 254, kept
    assert not output.exists()
