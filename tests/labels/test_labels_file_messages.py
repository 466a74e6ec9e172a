"""What ``train --labels FILE`` and a list read with its quote marks are told:
the flag of the file that is wrong (a pipe no program writes to, a model
file), an empty pipe said to be empty, a title line whose label goes with it,
and in Python the advice that reads quoted names without their quotes. Each
piece of advice, followed, trains the names themselves."""

import os
import sys
import time

import pytest

from sknextchar import ContextWindowTransformer, load_model
from sknextchar.cli import main
from sknextchar.cli._column_note import shell_word
from sknextchar.datasets import _opened_bytes, load_names
from sknextchar.datasets._opened_bytes import PIPE_WAIT, PipeError, open_bytes
from tests._shared_files import kept_as_it_was

NAMES = ["Anna", "Ben", "Carla", "Dev", "Emil", "Fatima", "Goran", "Hana"]
LABELS = ["f", "m", "f", "m", "m", "f", "m", "f"]
TITLE = "Baby names 2024"
LINUX = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="an empty pipe is told on Linux"
)
FIFOS = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")


def _write(path, lines):
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return str(path)


def _train(tmp_path, names_file, *more):
    out = tmp_path / "m.skops"
    argv = ["train", names_file, "-o", str(out), "-q", "--force", *more]
    return main([*argv, "--model", "kneser-ney"]), out


def _trained_on(out, names):
    return load_model(str(out)).in_training_set([n.lower() for n in names]).all()


@pytest.fixture
def names_file(tmp_path):
    return _write(tmp_path / "names.txt", NAMES)


# ------------------------------------------------ the flag of the wrong file


@FIFOS
def test_labels_fifo_no_program_writes_to_names_the_flag(
    tmp_path, names_file, capsys, monkeypatch
):
    monkeypatch.setattr(_opened_bytes, "PIPE_WAIT", 0.2)  # not the 2 s a user is given
    fifo = tmp_path / "labels"
    os.mkfifo(fifo)
    code, out = _train(tmp_path, names_file, "--labels", str(fifo))
    err = capsys.readouterr().err
    assert code == 1 and not out.exists(), err
    # Before: "'.../labels' is a pipe that ...", with no word of --labels.
    assert f"error: --labels '{fifo}' is a pipe that no program writes to" in err
    assert "Traceback" not in err


def test_labels_model_file_names_the_flag_and_the_advice_trains(
    tmp_path, names_file, capsys
):
    code, model = _train(tmp_path, names_file)  # a model file to pass by mistake
    model = model.rename(tmp_path / "old.skops")
    before = model.read_bytes()
    code, out = _train(tmp_path, names_file, "--labels", str(model))
    err = capsys.readouterr().err
    assert code == 1 and not out.exists(), err
    # Before: "... is a model file (skops format), not a text file of names";
    # then --labels '{model}', a Python string, not the word typed in a shell.
    told = f"error: --labels {shell_word(str(model))} is a model file, not a file"
    assert f"{told} of labels" in err, err
    assert "not a text file of names" not in err
    assert "pass --labels a text file of labels" in err
    assert "'sknextchar sample', 'score' or 'classify'" in err
    assert model.read_bytes() == before
    labels = _write(tmp_path / "labels.txt", LABELS)
    assert _train(tmp_path, names_file, "--labels", labels)[0] == 0
    assert _trained_on(out, NAMES)


# ------------------------------------------------ an empty pipe


def _empty_pipe():
    """The path of a pipe whose only writer closed it without writing (as
    ``<(true)`` gives one)."""
    read, write = os.pipe()
    os.close(write)
    return read, f"/proc/self/fd/{read}"


@LINUX
def test_open_bytes_tells_an_empty_pipe_at_once():
    fd, path = _empty_pipe()
    try:
        start = time.monotonic()
        with pytest.raises(PipeError, match="is an empty pipe: the program"):
            open_bytes(path)
        assert time.monotonic() - start < PIPE_WAIT  # not waited for
    finally:
        os.close(fd)


@LINUX
@pytest.mark.parametrize("labels", [False, True])
def test_cli_says_an_empty_pipe_is_empty(tmp_path, names_file, capsys, labels):
    fd, pipe = _empty_pipe()
    try:
        args = ("--labels", pipe) if labels else ()
        code, out = _train(tmp_path, names_file if labels else pipe, *args)
    finally:
        os.close(fd)
    err = capsys.readouterr().err
    assert code == 1 and not out.exists(), err
    # Before: "is a pipe that no program writes to (none did for 2 seconds)".
    flag = "--labels " * labels
    assert f"error: {flag}'{pipe}' is an empty pipe" in err
    assert "no program writes to" not in err and "Traceback" not in err


# ------------------------------------------------ a title above paired lines


def test_the_title_warning_says_to_delete_its_label_too(tmp_path, capsys):
    names = _write(tmp_path / "kids.txt", [TITLE, *NAMES])
    labels = _write(tmp_path / "labels.txt", ["f", *LABELS])
    code, _ = _train(tmp_path, names, "--labels", labels)
    err = capsys.readouterr().err
    assert code == 1
    # Before: "if it is a title, delete that line." (its label left behind,
    # every name then a line off its label).
    assert f"delete that line and line 1 of '{labels}'." in err
    _write(tmp_path / "kids.txt", NAMES)  # both lines deleted
    _write(tmp_path / "labels.txt", LABELS)
    code, out = _train(tmp_path, names, "--labels", labels)
    assert code == 0 and _trained_on(out, NAMES)


def test_the_label_of_a_title_below_a_header_row_is_its_own_line(tmp_path, capsys):
    names = _write(tmp_path / "kids.txt", ["name", TITLE, *NAMES])
    labels = _write(tmp_path / "labels.txt", ["f", *LABELS])  # no header row
    assert _train(tmp_path, names, "--labels", labels)[0] == 1
    err = capsys.readouterr().err
    assert f"Line 2 of '{names}'" in err
    assert f"delete that line and line 1 of '{labels}'." in err


def test_the_quoted_lists_warning_and_error_agree(tmp_path, capsys):
    names = _write(tmp_path / "kids.txt", [f'"{n}"' for n in [TITLE, *NAMES]])
    labels = _write(tmp_path / "labels.txt", ["f", *LABELS])
    assert _train(tmp_path, names, "--labels", labels)[0] == 1
    err = capsys.readouterr().err
    # The same line: the warning's line 1 is the error's first label.
    assert f"delete that line and line 1 of '{labels}'." in err
    assert f"delete it and its label, the first label of '{labels}';" in err


# ------------------------------------------------ Python: quoted names


def test_load_names_of_a_quoted_list_is_advised_what_reads_it(tmp_path):
    path = _write(tmp_path / "kids.txt", [f'"{n}"' for n in NAMES])
    with pytest.warns(UserWarning):
        names = load_names(path)
    with pytest.raises(ValueError) as info:
        ContextWindowTransformer().fit(names)
    message = str(info.value)
    # Before: "pass alphabet='auto' (or a larger alphabet)", which learns '"'.
    assert "alphabet='auto'" not in message
    assert "the names are in double quotes ('\"Anna\"')" in message
    assert "load_names(path, header=None, names_column=0)" in message
    names = load_names(path, header=None, names_column=0)  # the advice
    fitted = ContextWindowTransformer().fit(names)
    assert names == NAMES and '"' not in fitted.vocabulary_


def test_a_quoted_lists_title_is_told_to_delete(tmp_path):
    lines = [f'"{n}"' for n in [TITLE, *NAMES]]
    path = _write(tmp_path / "kids.txt", lines)
    with pytest.warns(UserWarning):
        names = load_names(path)
    with pytest.raises(ValueError) as info:
        ContextWindowTransformer().fit(names)
    message = str(info.value)
    assert "alphabet='auto'" not in message
    assert "load_names(path, header=None, names_column=0)" in message
    assert f"the first name, '\"{TITLE}\"', reads as the list's title" in message
    _write(tmp_path / "kids.txt", lines[1:])  # the title deleted
    names = load_names(path, header=None, names_column=0)
    assert ContextWindowTransformer().fit(names) and names == NAMES


def test_names_with_a_quote_mark_of_their_own_keep_the_alphabet_advice():
    with pytest.raises(ValueError) as info:
        ContextWindowTransformer().fit(["anna", 'o"neil'])
    assert "alphabet='auto'" in str(info.value)
    assert "double quotes" not in str(info.value)


def test_cli_spells_the_quoted_advice_as_flags(tmp_path, capsys):
    lines = [f'"{i}. {n}"' for i, n in enumerate(NAMES, 1)]  # no CSV reading helps
    path = _write(tmp_path / "kids.txt", lines)
    assert _train(tmp_path, path)[0] == 1
    err = capsys.readouterr().err
    assert "load_names" not in err and "--alphabet auto" not in err
    assert "pass --no-header --names-column 1 (a table of one column)" in err
    assert _train(tmp_path, path, "--no-header", "--names-column", "1")[0] == 1
    err = capsys.readouterr().err  # the quotes gone: the list's numbers told
    assert "'1. Anna'" in err and "the names start with list numbers" in err


# ------------------------------------------------ review: advice a command takes


def _csv(tmp_path, lines, labels):
    rows = ["name,label", *(f"{n},{lab}" for n, lab in zip(lines, labels))]
    return _write(tmp_path / "kids.csv", rows)


@pytest.mark.parametrize("model", ["kneser-ney", "mlp"])
def test_labels_file_quoted_advice_is_a_csv_of_both(tmp_path, capsys, model):
    lines = [f'"{i}. {n}"' for i, n in enumerate(NAMES, 1)]  # no CSV reading helps
    names = _write(tmp_path / "kids.txt", lines)
    labels = _write(tmp_path / "labels.txt", LABELS)
    argv = ["train", names, "--labels", labels, "-o", str(tmp_path / "m.skops")]
    assert main([*argv, "-q", "--model", model]) == 1
    err = capsys.readouterr().err.split("error: ")[-1]
    # Before: "pass --no-header --names-column 1", which --labels FILE refuses.
    assert "--no-header" not in err
    assert "one CSV file with a header row (name,label) and pass --labels label" in err
    table = _csv(tmp_path, lines, LABELS)  # the advice followed: quotes gone
    assert _train(tmp_path, table, "--labels", "label")[0] == 1
    err = capsys.readouterr().err
    assert "'1. Anna'" in err and "the names start with list numbers" in err
    table = _csv(tmp_path, [f'"{n}"' for n in NAMES], LABELS)  # and numbers gone
    code, out = _train(tmp_path, table, "--labels", "label")
    assert code == 0 and _trained_on(out, NAMES)


@pytest.mark.parametrize("header", [False, True])
def test_a_titles_label_is_its_own_in_the_error(tmp_path, capsys, header):
    head = ["name"] * header
    quoted = [f'"{n}"' for n in NAMES]
    names = _write(tmp_path / "kids.txt", [*head, f'"{TITLE}"', *quoted])
    labels = _write(tmp_path / "l.txt", [*["label"] * header, "f", *LABELS])
    assert _train(tmp_path, names, "--labels", labels)[0] == 1
    err = capsys.readouterr().err
    # Before: "delete it and line 1 of 'l.txt'", the header row "label".
    assert f"delete it and its label, the first label of '{labels}'" in err
    assert f"line {1 + header} of '{labels}'." in err  # the warning: same line
    _write(tmp_path / "kids.txt", [*head, *quoted])  # both deleted
    _write(tmp_path / "l.txt", [*["label"] * header, *LABELS])
    table = _csv(tmp_path, quoted, LABELS)  # then the error's advice
    code, out = _train(tmp_path, table, "--labels", "label")
    assert code == 0 and _trained_on(out, NAMES)


def test_a_numbered_titled_lists_error_names_the_titles_label(tmp_path, capsys):
    lines = [TITLE, *(f"{i}. {n}" for i, n in enumerate(NAMES, 1))]
    names = _write(tmp_path / "kids.txt", lines)
    labels = _write(tmp_path / "l.txt", ["f", *LABELS])
    assert _train(tmp_path, names, "--labels", labels)[0] == 1
    err = capsys.readouterr().err.split("error: ")[-1]
    # Before: "reads as the list's title: delete it." (its label left behind).
    assert f"delete it and its label, the first label of '{labels}'" in err


@pytest.fixture(scope="module")
def labelled_model(tmp_path_factory):
    """A model trained by label once for the module: read, never written."""
    folder = tmp_path_factory.mktemp("labelled")
    names = _write(folder / "names.txt", NAMES)
    code, model = _train(folder, names, "--labels", _write(folder / "l.txt", LABELS))
    assert code == 0
    with kept_as_it_was(model):
        yield str(model)


@pytest.mark.parametrize("command", ["score", "classify"])
@pytest.mark.parametrize("typed", [False, True])
def test_score_and_classify_advise_no_flag_they_lack(
    tmp_path, capsys, labelled_model, command, typed
):
    quoted = [f'"{n}"' for n in NAMES[:2]]
    given = quoted if typed else ["--names-file", _write(tmp_path / "q.txt", quoted)]
    assert main([command, labelled_model, *given]) == 1
    err = capsys.readouterr().err
    # Before: "pass --no-header --names-column 1", which they refuse.
    assert "--no-header" not in err and "Traceback" not in err


def test_the_alphabet_is_only_a_step_after_the_quotes():
    with pytest.raises(ValueError) as info:
        ContextWindowTransformer().fit(['"Анна"', '"Борис"'])
    message = str(info.value)
    # Before: "Clean the names, or pass alphabet='auto'", learning the quotes.
    assert (
        "alphabet='auto' (or a larger alphabet) once they are read without" in message
    )
    assert "or pass alphabet='auto' (or a larger alphabet)." not in message
    with pytest.raises(ValueError) as info:
        ContextWindowTransformer().fit(['"Anna"', '""'])
    assert "alphabet=" not in str(info.value)  # only '"' unknown: no alphabet
    fitted = ContextWindowTransformer(alphabet="auto").fit(["Анна", "Борис"])
    assert '"' not in fitted.vocabulary_  # the advice followed


def test_a_labels_link_to_nothing_names_the_flag(tmp_path, names_file, capsys):
    link = tmp_path / "labels.txt"
    os.symlink("gone.txt", link)
    code, out = _train(tmp_path, names_file, "--labels", str(link))
    err = capsys.readouterr().err
    assert code == 1 and not out.exists(), err
    # Before: "No such file of names: '.../labels.txt'." (the wrong file's kind).
    told = f"of labels: --labels {shell_word(str(link))} (a symbolic link to 'gone.txt'"
    assert f"{told}, which" in err, err
    assert "of names" not in err and "Traceback" not in err
    _write(tmp_path / "gone.txt", LABELS)  # following the advice trains
    code, out = _train(tmp_path, names_file, "--labels", str(link))
    assert code == 0 and out.exists(), capsys.readouterr().err


@pytest.mark.parametrize(
    "head, table_name, title",
    [([], "kids.csv", "Gender"), (["name"], "my kids.csv", "Kid's sex")],
)
def test_a_table_given_as_the_labels_file_is_advised_as_the_table(
    tmp_path, capsys, head, table_name, title
):
    # Before: files of unequal lengths were advised to "put the names and labels
    # in one CSV file with a header row (name,label)", the file given; and with
    # a header row "name" over the names, as many lines: labels 'Anna,f'...
    # The advice is run as a shell reads it: quoted words unquoted (before
    # this change, wrapped in a Python repr), the model file's own path.
    import shlex

    names = _write(tmp_path / "kids.txt", [*head, *NAMES])
    table = tmp_path / table_name
    table.write_text(
        f"Given Name;Year;{title}\n"
        + "".join(f"{n};2001;{lab}\n" for n, lab in zip(NAMES, LABELS)),
        encoding="utf-8",
    )
    table = str(table)
    model = str(tmp_path / "the model.skops")
    for command in ("train", "classify"):
        argv = (
            ["train", names, "--labels", table, "-o", model, "--force"]
            if command == "train"
            else ["classify", model, "--names-file", names, "--labels", table]
        )
        assert main([*argv, "-q"]) == 1
        err = capsys.readouterr().err
        assert "one CSV file" not in err and "Traceback" not in err
        words = shlex.split(err.split("any other options you gave): ")[1])
        assert words[:2] == ["sknextchar", command] and model in words
        assert words[words.index("--labels") + 1] == title
        more = ["--force", "--model", "kneser-ney"] if command == "train" else []
        assert main([*words[1:], "-q", *more]) == 0, capsys.readouterr().err
        if command == "train":
            assert _trained_on(model, NAMES)
        else:
            rows = capsys.readouterr().out.splitlines()[1:]
            assert [row.split()[4] for row in rows] == LABELS


@pytest.mark.parametrize(
    "header, cells, advised",
    [
        ("name,count,kind", ["3,{label}"], "kind"),  # before: --labels count
        ("name,count,kind,town", ["3,{label},x", "2,{label},y"], "COLUMN"),
        ("name,count", ["3"], "COLUMN"),
    ],
)
def test_a_table_of_labels_advises_no_column_of_numbers(
    tmp_path, names_file, capsys, header, cells, advised
):
    rows = [
        f"{name},{cells[i % len(cells)].format(label=label)}"
        for i, (name, label) in enumerate(zip(NAMES, LABELS))
    ]
    table = _write(tmp_path / "counts.csv", [header, *rows])
    code, out = _train(tmp_path, names_file, "--labels", table)
    err = capsys.readouterr().err
    assert code == 1 and err.rstrip().endswith(f"--labels {advised} -o {out}")
    if advised == "COLUMN":  # the titles to choose from, or none
        columns = header.split(",")[1:]
        listed = ", ".join(map(repr, columns[1:] if len(columns) > 2 else columns))
        assert f"({listed})" in err or f"in one of {listed}." in err


# ------------------------------ a file of labels that is a headerless table


def test_a_headerless_table_of_labels_is_refused_and_the_advice_trains(
    tmp_path, names_file, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)  # the command's words: its files as given
    _write(tmp_path / "pairs.csv", [f"{n},{v}" for n, v in zip(NAMES, LABELS)])
    # Before: each line 'Anna,f' was read as a label of its own.
    code, out = _train(tmp_path, names_file, "--labels", "pairs.csv")
    err = capsys.readouterr().err
    assert code == 1 and not out.exists(), err
    assert "its first row, 'Anna,f', looks like a row of data" in err
    advice = err.split("you gave): sknextchar ")[1].split()
    flags = ["--no-header", "--names-column", "1", "--labels", "2"]
    assert advice[:7] == ["train", "pairs.csv", *flags], err
    code, out = _train(tmp_path, "pairs.csv", *flags, "--validation-fraction", "0")
    assert code == 0 and _trained_on(out, NAMES), capsys.readouterr().err


def test_labels_with_a_comma_in_a_txt_file_are_still_labels(tmp_path, names_file):
    labels = _write(tmp_path / "labels.txt", [f"{v}, x" for v in LABELS])
    code, out = _train(tmp_path, names_file, "--labels", labels)
    assert code == 0 and _trained_on(out, NAMES)
