"""Messages that said something else than what was wrong.

1. ``train --resume`` of a Checkpoint's file (a classifier alone) spoke of a
   count model.
2. ``sample --pattern (`` and a ``--prefix`` longer than ``--max-length``
   were refused only once the model had loaded (seconds).
3. A named pipe as a file of names waited silently for a writer: at a
   terminal, one line now says so.
"""

import argparse
import io
import os
import sys
import threading

import pytest

from sknextchar import (
    CharEmbeddingMLPClassifier,
    ContextWindowTransformer,
    save_model,
)
from sknextchar.cli import _main, main

NAMES = ["asha", "ravi", "meena", "anil"] * 3


def test_resume_of_a_classifier_alone_says_what_it_lacks(tmp_path, capsys):
    windows = ContextWindowTransformer().fit_transform(NAMES)
    clf = CharEmbeddingMLPClassifier(hidden_layer_sizes=(4,), max_iter=1)
    checkpoint = str(tmp_path / "checkpoint.skops")
    save_model(clf.fit(windows), checkpoint)
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    argv = ["train", str(names), "--resume", checkpoint, "-q",
            "-o", str(tmp_path / "m.skops")]  # fmt: skip
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "CharEmbeddingMLPClassifier alone" in err, err
    assert "ContextWindowTransformer" in err and "count model" not in err, err


@pytest.mark.parametrize(
    "flags, expected",
    [
        (["--pattern", "("], "--pattern '(' is not a valid regular expression"),
        (["--prefix", "abcdefgh", "--max-length", "3"],
         "--prefix abcdefgh has 8 letters, more than --max-length 3; raise "
         "--max-length or shorten the prefix."),
        (["--prefix", "  ka\u0301ma", "--max-length", "3"],  # 4 letters: á is one
         "has 4 letters, more than --max-length 3"),
    ],
)  # fmt: skip
def test_sample_refuses_what_needs_no_model_before_loading_it(
    tmp_path, capsys, flags, expected
):
    absent = str(tmp_path / "absent.skops")  # never loaded: the flags come first
    assert main(["sample", absent, "-n", "2", *flags]) == 1
    err = capsys.readouterr().err
    assert expected in err and "absent" not in err, err


def test_a_prefix_within_max_length_still_reaches_the_model(tmp_path, capsys):
    absent = str(tmp_path / "absent.skops")
    assert main(["sample", absent, "--prefix", "ka\u0301m", "--max-length", "3"]) == 1
    assert "absent.skops" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_of_names_is_announced_at_a_terminal(tmp_path, monkeypatch):
    fifo = tmp_path / "names.txt"
    os.mkfifo(fifo)

    def write_later():
        with open(fifo, "w", encoding="utf-8") as pipe:  # waits for the reader
            pipe.write("\n".join(NAMES) + "\n")

    writer = threading.Thread(target=write_later, daemon=True)
    writer.start()
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    argv = ["train", str(fifo), "--model", "kneser-ney",
            "-o", str(tmp_path / "m.skops")]  # fmt: skip
    assert main(argv) == 0, terminal.getvalue()
    writer.join(5)
    lines = terminal.getvalue().splitlines()
    assert [line for line in lines if "a pipe: waiting" in line] == [
        f"sknextchar: reading {str(fifo)!r}, a pipe: waiting for a program to "
        "write into it (Ctrl-C stops)..."
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_no_announcement_for_files_or_away_from_a_terminal(tmp_path):
    fifo, plain = tmp_path / "fifo.txt", tmp_path / "plain.txt"
    os.mkfifo(fifo)
    plain.write_text("asha\n", encoding="utf-8")
    terminal, log = _Terminal(), io.StringIO()
    _main.announce_pipes(argparse.Namespace(names_file=str(plain)), terminal)
    _main.announce_pipes(argparse.Namespace(exclude_file=str(fifo)), log)
    assert terminal.getvalue() == log.getvalue() == ""
