"""Hostile paths and absurd orders get messages that say what is wrong.

1. A file of names that is a loop of symbolic links is said to be one (it was
   "No such file of names", though the path is there), in Python and on the
   command line, as a model file and an output file already were.
2. ``train --labels`` given a pipe (``--labels <(cut -d, -f2 kids.csv)``)
   reads it as the file of labels it is; it was taken for a column's name.
3. A count model's order too long for 64-bit n-grams is refused with the
   largest order, before the advice to lengthen the windows, which a context
   of at most 1,000 symbols could not follow; an order past both limits gets
   both in one message, each of its two pieces of advice one that trains.
4. ``--labels`` that cannot be a file of labels says so, naming the flag: a
   loop of links, a device, NAMES_FILE itself; a named pipe that no program
   writes to is refused after a moment, never waited for.
"""

import os
import sys
import threading

import pytest

from sknextchar import ContextWindowTransformer, KneserNeyClassifier
from sknextchar.cli import main
from sknextchar.cli._column_note import shell_word
from sknextchar.datasets import _opened_bytes, load_names
from sknextchar.datasets._text_files import open_lines

NAMES = ["anna", "bob", "carl", "dave", "emma", "fred", "gina", "hugo"]
LABELS = ["f", "m", "m", "m", "f", "m", "f", "m"]


@pytest.fixture
def loop(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.symlink_to(second)
    second.symlink_to(first)
    return first


def test_a_loop_of_links_is_not_called_missing(loop):
    with pytest.raises(OSError, match="a loop of links") as info:
        load_names(loop)
    assert "No such file" not in str(info.value)
    assert str(info.value).startswith(f"{str(loop)!r} is not a file of names")
    assert "Errno" not in str(info.value)


def test_a_link_to_nothing_says_where_it_leads(tmp_path, capsys):
    link = tmp_path / "names.txt"
    link.symlink_to("moved.txt")
    with pytest.raises(FileNotFoundError) as info:
        load_names(link)
    # Before: "No such file of names: '.../names.txt'." though the link is there.
    assert "(a symbolic link to 'moved.txt', which is not there" in str(info.value)
    assert main(["train", str(link), "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "a symbolic link to 'moved.txt'" in err and "Traceback" not in err
    (tmp_path / "moved.txt").write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    assert load_names(link) == NAMES  # following the advice reads the names
    model = tmp_path / "m.skops"
    model.symlink_to("gone.skops")
    assert main(["sample", str(model), "-n", "1"]) == 1
    # Before: "No such model file: '.../m.skops'."
    assert "(a symbolic link to 'gone.skops'" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["train", "{loop}", "-o", "{out}"],
        ["train", "{loop}", "-o", "{out}", "--chunk-size", "3"],
        ["score", "{model}", "--names-file", "{loop}"],
        ["sample", "{model}", "--exclude-file", "{loop}"],
    ],
    ids=["train", "train-chunks", "score", "sample"],
)
def test_the_command_line_says_it_is_a_loop(argv, loop, tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    model = tmp_path / "m.skops"
    places = {"loop": str(loop), "out": str(tmp_path / "o.skops")}
    if argv[0] != "train":
        args = ["train", str(names), "-o", str(model), "--model", "kneser-ney"]
        assert main([*args, "-q"]) == 0
        places["model"] = str(model)
    capsys.readouterr()
    assert main([word.format(**places) for word in argv]) == 1
    err = capsys.readouterr().err
    assert "a loop of links" in err and "No such file" not in err, err
    assert "Traceback" not in err and not (tmp_path / "o.skops").exists()


@pytest.fixture
def names(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    return path


def _train_labels(names, labels, tmp_path, capsys):
    """The exit code and stderr of ``train NAMES --labels LABELS``."""
    out = tmp_path / "o.skops"
    argv = ["train", str(names), "--labels", str(labels), "-o", str(out)]
    code = main([*argv, "--model", "kneser-ney", "-q"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == 0 or not out.exists()
    return code, err


def test_labels_in_a_loop_of_links_are_said_to_be(names, loop, tmp_path, capsys):
    code, err = _train_labels(names, loop, tmp_path, capsys)
    told = f"--labels {shell_word(str(loop))} is not a file of labels"  # as typed
    assert code == 1 and told in err, err
    assert "a loop of links" in err and "neither a file nor a column" not in err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_labels_device_names_the_flag(device, names, tmp_path, capsys):
    code, err = _train_labels(names, device, tmp_path, capsys)
    assert code == 1, err
    assert f"--labels {device} is a device, not a file of labels" in err, err
    assert "file of names" not in err


def test_labels_that_are_the_names_file_are_refused(names, tmp_path, capsys):
    code, err = _train_labels(names, names, tmp_path, capsys)
    assert code == 1 and "is NAMES_FILE itself" in err, err


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="needs /dev/fd")
def test_one_pipe_as_names_and_labels_is_refused(tmp_path, capsys):
    fd = _pipe(NAMES)
    try:
        path = f"/dev/fd/{fd}"
        code, err = _train_labels(path, path, tmp_path, capsys)
    finally:
        os.close(fd)
    assert code == 1 and "is NAMES_FILE itself" in err, err


@pytest.fixture
def fifo(tmp_path, monkeypatch):
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    monkeypatch.setattr(_opened_bytes, "PIPE_WAIT", 0.2)
    path = tmp_path / "labels"
    os.mkfifo(path)
    return path


def test_a_labels_pipe_no_program_writes_to_is_refused(names, fifo, tmp_path, capsys):
    code, err = _train_labels(names, fifo, tmp_path, capsys)  # hung before
    assert code == 1 and "a pipe that no program writes to" in err, err


def test_a_labels_pipe_a_program_writes_to_is_read(names, fifo, tmp_path, capsys):
    def write():
        with open(fifo, "w", encoding="utf-8") as f:  # waits for the reader
            f.write("\n".join(LABELS) + "\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    code, err = _train_labels(names, fifo, tmp_path, capsys)
    writer.join(5)
    assert code == 0, err


@pytest.mark.skipif(sys.platform != "linux", reason="a pipe opened to read and write")
def test_a_utf16_pipe_keeps_its_byte_order_mark(fifo):
    writer = os.open(fifo, os.O_RDWR)  # a program that wrote and is still there
    os.write(writer, "Zoë\nJosé\n".encode("utf-16"))
    try:
        with open_lines(fifo) as lines:  # peeks at the mark past its first byte
            os.close(writer)
            writer = None
            assert (lines.encoding, list(lines)) == ("utf-16", ["Zoë\n", "José\n"])
    finally:
        if writer is not None:
            os.close(writer)


def _pipe(lines):
    """A pipe holding ``lines`` (what a shell's ``<(...)`` passes)."""
    read, write = os.pipe()
    os.write(write, ("\n".join(lines) + "\n").encode())
    os.close(write)
    return read


@pytest.mark.skipif(not os.path.isdir("/dev/fd"), reason="needs /dev/fd")
def test_labels_from_a_pipe_are_read(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    out = tmp_path / "m.skops"
    fd = _pipe(LABELS)
    try:
        argv = ["train", str(names), "--labels", f"/dev/fd/{fd}", "-o", str(out)]
        code = main([*argv, "--model", "kneser-ney", "-q"])
    finally:
        os.close(fd)
    err = capsys.readouterr().err
    assert code == 0, err
    assert main(["classify", str(out), "anna"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["name", "label", "P(f)", "P(m)"]  # the pipe's labels
    assert row.split()[:2] in (["anna", "f"], ["anna", "m"])


def test_a_labels_folder_is_still_read_as_a_column(tmp_path, capsys, monkeypatch):
    table = tmp_path / "kids.csv"
    table.write_text(
        "name,sex\n" + "".join(f"{n},{x}\n" for n, x in zip(NAMES, LABELS)),
        encoding="utf-8",
    )
    (tmp_path / "sex").mkdir()  # a folder of the column's name, beside
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "m.skops"
    argv = ["train", str(table), "--labels", "sex", "-o", str(out), "-q"]
    assert main([*argv, "--model", "kneser-ney"]) == 0, capsys.readouterr().err


def test_an_order_past_64_bits_gives_the_largest_order():
    windows = ContextWindowTransformer(context_length=20).fit_transform(NAMES)
    model = KneserNeyClassifier(order=10**6)
    with pytest.raises(ValueError, match="the order is at most 13") as info:
        model.fit(windows)
    assert "Lengthen the windows" not in str(info.value)
    short = ContextWindowTransformer(context_length=3).fit_transform(NAMES)
    with pytest.raises(ValueError, match="Lengthen the windows"):  # reachable
        KneserNeyClassifier(order=8).fit(short)


@pytest.mark.parametrize("make", [ContextWindowTransformer(3).fit_transform, None])
def test_an_order_past_both_limits_gives_both(make):
    model = KneserNeyClassifier(order=10**6)
    if make is None:  # plain ids: 3 columns of context, 27 symbols
        X, y = [[0, 1, 2], [26, 1, 2]], [1, 2]
        with pytest.raises(ValueError, match="contexts of 3 symbols allow") as info:
            model.fit(X, y)
        assert "give contexts of 12 symbols or less with order=13" in str(info.value)
        return
    with pytest.raises(ValueError, match="at most order=4 ") as info:
        model.fit(make(NAMES))
    message = str(info.value)
    assert "Pass order=4 or less" in message
    assert "(ContextWindowTransformer(context_length=12) or less)" in message
    assert "order=13 or less" in message and "Lengthen" not in message


def test_both_pieces_of_order_advice_train(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    argv = ["train", str(names), "--model", "kneser-ney", "-q", "--force"]
    out = ["-o", str(tmp_path / "m.skops")]
    assert main([*argv, *out, "--order", "1000000"]) == 1
    err = capsys.readouterr().err
    assert "Pass --order 4 or less" in err, err
    assert "(--context-length 12 or less) with --order 13 or less" in err, err
    assert main([*argv, *out, "--order", "4"]) == 0
    assert main([*argv, *out, "--order", "13", "--context-length", "12"]) == 0


def test_the_command_line_gives_the_largest_order(tmp_path, capsys):
    names = tmp_path / "names.txt"
    names.write_text("\n".join(NAMES) + "\n", encoding="utf-8")
    argv = ["train", str(names), "--model", "kneser-ney", "--order", "1000000"]
    argv += ["--context-length", "20"]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    assert "Pass --order 13 or less" in err and "--context-length" not in err, err
