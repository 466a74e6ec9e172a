"""A small count model trained once for a test module, copied where a test
wants its own: training it for each test cost more than the test itself."""

import shutil

from sknextchar.cli import main

NAMES = "asha\nravi\nmeera\nanil\nsita\nrama\n"


def names_in(folder):
    """``folder/names.txt``: the six names of :data:`NAMES`, one a line."""
    path = folder / "names.txt"
    path.write_text(NAMES, encoding="utf-8")
    return path


def trained_count_model(folder):
    """``folder/m.skops``: a Kneser-Ney model of :data:`NAMES`, trained by the
    command line."""
    path = folder / "m.skops"
    args = ["train", str(names_in(folder)), "--model", "kneser-ney", "-q"]
    assert main([*args, "-o", str(path)]) == 0
    return path


def copied_into(model, folder):
    """``folder/m.skops``, a copy of ``model``: where a test trained it before."""
    return shutil.copyfile(model, folder / "m.skops")
