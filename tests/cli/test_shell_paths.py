"""The shell commands a message gives work on any file name.

A message is one line: a path with a line end in it, quoted as it was, had its
line end turned into a space, and the ``mv`` that the fallback message of
``train`` offered then named no file. Such a path is spelled ``$'...'``.
"""

import errno
import os
import re
import shlex
import shutil
import subprocess

import pytest

from sknextchar._shown_paths import shell_word
from sknextchar.cli._what_was_saved import move_command, shell_path

NAMES = [
    "my model.skops",
    "new\nline.skops",
    "tab\there.skops",
    "it's \\ odd.skops",
    os.fsdecode(b"bad\xff\xfe.skops"),  # a name that is no UTF-8
    "-dash\n.skops",
]
bash = shutil.which("bash")


@pytest.mark.parametrize("name", NAMES)
def test_a_shell_path_is_one_line_of_shown_characters(name):
    word = shell_path(name)
    assert word.isprintable()  # no line end, no tab
    word.encode("utf-8")  # no lone surrogate, which a terminal cannot show


def test_a_lone_surrogate_is_shown_as_its_code_point():
    # U+D800 stands for no byte (only a Python caller of main() passes one):
    # os.fsencode raised UnicodeEncodeError. Shown as \ud800, not a round trip:
    # bash reads $'\ud800' as the bytes ED A0 80, or as itself under LC_ALL=C.
    assert shell_word("a\ud800") == "$'a\\ud800'"
    assert shell_word("a\udcff") == "$'a\\xff'"  # a byte that is no UTF-8


@pytest.mark.skipif(bash is None, reason="no bash")
def test_the_move_command_moves_the_file(tmp_path):
    """Each path as bash reads it back is the file itself: the mv works."""
    for name in NAMES:
        kept = os.path.join(os.fsencode(tmp_path), b"kept.skops")
        open(kept, "wb").close()
        target = os.fsencode(name)
        command = move_command(os.fsdecode(kept), name)
        subprocess.run([bash, "-c", command], cwd=tmp_path, check=True)
        assert os.listdir(os.fsencode(tmp_path)) == [target.removeprefix(b"./")]
        os.remove(os.path.join(os.fsencode(tmp_path), target))


sh = shutil.which("sh")


@pytest.mark.parametrize(
    "name", ["क्\u200dष.skops", "a\u00a0b.skops", "zw\u200cnj.skops"]
)
def test_an_invisible_character_of_a_name_is_quoted_as_any_other(name):
    """A zero-width joiner (Indic names) or a no-break space is no line end:
    the path is quoted as it was, so ``sh`` (dash), which has no ``$'...'``,
    reads the command too."""
    assert shell_path(name) == shlex.quote(name)


@pytest.mark.skipif(sh is None, reason="no sh")
def test_sh_moves_a_file_whose_name_has_an_invisible_character(tmp_path):
    name = "a\u00a0b\u200d.skops"
    (tmp_path / "kept.skops").write_bytes(b"")
    command = move_command(str(tmp_path / "kept.skops"), name)
    subprocess.run([sh, "-c", command], cwd=tmp_path, check=True)
    assert os.listdir(tmp_path) == [name]


@pytest.mark.slow  # trains a model, then runs bash
@pytest.mark.skipif(bash is None, reason="no bash")
def test_the_printed_fallback_command_moves_the_model(tmp_path, monkeypatch, capsys):
    """A save of ``train`` that fails (a full disk) keeps the model in a new
    file and prints the ``mv`` that moves it into place; run as printed (one
    line of the message) in bash, it moves that file to ``-o``, line end and
    all."""
    from sknextchar import load_model
    from sknextchar.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "names.txt").write_text("abid\nasha\nravi\nsita\n")
    output = "new\nline.skops"
    real_replace = os.replace

    def replace(src, dst):  # the disk fills up as the model goes into place
        if os.path.basename(dst) == output:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_replace(src, dst)

    def link(src, dst):  # the same, without --force: a link, never a rename
        if os.path.basename(dst) == output:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_link(src, dst)

    real_link = os.link
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "link", link)
    argv = ["train", "names.txt", "--max-iter", "1", "-q", "-o", output]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    command = re.search(r"move it into place \((mv .*)\), or use it", err).group(1)
    monkeypatch.setattr(os, "replace", real_replace)
    subprocess.run([bash, "-c", command], cwd=tmp_path, check=True)
    assert sorted(os.listdir(tmp_path)) == sorted([output, "names.txt"])
    load_model(tmp_path / output)  # the trained model, moved into place
