"""The temporary file written beside an output first fits the folder's names.

A file is written to a hidden temporary file beside it
(``.<name>.<8 hex><suffix>``), then renamed. The temporary file's name was
longer than the output's: where names are short (``PC_NAME_MAX``: 143 bytes on
eCryptfs), an output name that fits (a name of multi-byte characters) was
accepted, the model trained, and saving it failed, the model kept elsewhere.
The temporary file's own part is now cut so that its name fits wherever the
output's does.
"""

import errno
import os

import pytest

from sknextchar.cli import main

NAMES = "asha\nravi\nsita\nomar\nanil\nmira\numa\nzoya\n"


def short_names(monkeypatch, most):
    """A file system whose names have at most ``most`` bytes (143 on eCryptfs):
    ``os.pathconf`` says so, and a new file of a longer name is refused, as the
    system refuses it. The names tried are recorded."""
    pathconf, open_file = os.pathconf, os.open
    tried = []

    def limited_pathconf(path, name):
        return most if name == "PC_NAME_MAX" else pathconf(path, name)

    def limited_open(path, *args, **kwargs):
        tried.append(os.path.basename(path))
        if len(os.fsencode(os.path.basename(path))) > most:
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), path)
        return open_file(path, *args, **kwargs)

    monkeypatch.setattr(os, "pathconf", limited_pathconf)
    monkeypatch.setattr(os, "open", limited_open)
    return tried


@pytest.mark.parametrize(
    "command",
    [
        ["train", "{names}", "--model", "kneser-ney", "-q", "-o", "{out}"],
    ],
)
def test_an_output_name_that_fits_is_written(tmp_path, monkeypatch, capsys, command):
    names = tmp_path / "names.txt"
    names.write_text(NAMES, encoding="utf-8")
    # 33 characters of 4 bytes and ".skops": 138 bytes, within 143; its
    # temporary file's name was 154 bytes.
    output = tmp_path / ("\U0001f600" * 33 + ".skops")
    tried = short_names(monkeypatch, 143)
    argv = [part.format(names=names, out=output) for part in command]
    assert main(argv) == 0, capsys.readouterr().err
    assert output.exists()
    assert not [name for name in os.listdir(tmp_path) if ".unsaved-" in name]
    assert all(len(os.fsencode(name)) <= 143 for name in tried), tried


@pytest.mark.parametrize("most", [40, 143, 255])
def test_the_temporary_name_fits_where_the_name_does(tmp_path, monkeypatch, most):
    from sknextchar._temp_files import temp_name

    short_names(monkeypatch, most)
    given = ["m.skops", "\U0001f600" * 33 + ".skops", "\u00e9" * 120 + ".skops"]
    given.append("x" * (most - 6) + ".skops")  # the longest name there
    for name in [n for n in given if len(os.fsencode(n)) <= most]:
        temp = os.path.basename(temp_name(tmp_path / name, "0" * 8))
        assert len(os.fsencode(temp)) <= most, (name, temp)
        assert temp.startswith(".") and "00000000" in temp, temp
