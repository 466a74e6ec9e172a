"""The emergency copy of a model that could not be saved, when its own name or
path is the problem.

When saving to ``-o`` fails after training, the model is kept in
``<stem>.unsaved-<8 hex><suffix>``, beside ``-o`` or elsewhere. That name is 17
bytes longer than a short ``-o``: in a deep folder it (or the temporary file
written beside it first) passes the system's limit on a path where ``-o`` did
not, and the folder's failure was told as "File name too long", which read as
if ``-o`` were too long. It now says it is the new file's name or path, with
its length. The stem and suffix are cut (40 and 20 characters), so the name
itself fits in 255 bytes whatever ``-o``'s name; where names are shorter
(``PC_NAME_MAX``: 143 bytes on eCryptfs), further, so that the name and its
temporary file fit there.
"""

import errno
import os

import pytest

import sknextchar
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


def short_names(monkeypatch, most):
    """A file system whose names have at most ``most`` bytes (143 on
    eCryptfs): ``os.pathconf`` says so, and a new file of a longer name is
    refused, as the system refuses it."""
    pathconf, open_file = os.pathconf, os.open

    def limited_pathconf(path, name):
        return most if name == "PC_NAME_MAX" else pathconf(path, name)

    def limited_open(path, *args, **kwargs):
        if len(os.fsencode(os.path.basename(path))) > most:
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), path)
        return open_file(path, *args, **kwargs)

    monkeypatch.setattr(os, "pathconf", limited_pathconf)
    monkeypatch.setattr(os, "open", limited_open)


def test_the_fallback_name_fits_a_file_system_of_short_names(
    tmp_path, names, monkeypatch, capsys
):
    # -o has 126 bytes and its temporary file 142: both fit in 143. The
    # fallback's name took 143 bytes and its temporary file 146: refused in
    # every folder, and the trained model was lost.
    output = tmp_path / ("\U0001f600" * 30 + ".skops")
    calls = []  # the first write, -o's, fails (a full disk); the others write
    failing_dump(monkeypatch, lambda tmp: not calls.append(tmp) and len(calls) == 1)
    short_names(monkeypatch, 143)
    assert main(["train", str(names), *TRAIN, "-o", str(output)]) == 1
    err = capsys.readouterr().err
    [kept] = [name for name in os.listdir(tmp_path) if ".unsaved-" in name]
    written = os.fsencode(os.path.basename(calls[-1]))  # its temporary file
    assert len(os.fsencode(kept)) <= 143 and len(written) <= 143, (kept, written)
    assert kept.startswith("\U0001f600") and kept.endswith(".skops"), kept
    assert f"saved to {str(tmp_path / kept)!r} instead;" in err, err
    assert "was not lost" in err and not output.exists()
    assert type(sknextchar.load_model(tmp_path / kept)).__name__ == "NameSampler"


def test_a_system_without_pathconf_saves_and_keeps(tmp_path, monkeypatch):
    # As on Windows: the limits were read with os.pathconf, and every save
    # raised AttributeError. The limits there are taken as 255 and 4,095.
    from sknextchar import ContextWindowTransformer, save_model
    from sknextchar.cli._saving import keep_elsewhere

    monkeypatch.delattr(os, "pathconf")
    model = ContextWindowTransformer().fit(["asha"])
    assert save_model(model, tmp_path / "m.skops").exists()
    kept, failures = keep_elsewhere(model, tmp_path / "m.skops", "skops")
    assert failures == [] and kept.parent == tmp_path and kept.name != "m.skops"
