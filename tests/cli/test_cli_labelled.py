"""``train --labels`` on users' files: CSV columns, label files, safe inputs."""

import re

import pytest

from sknextchar._shown_paths import shell_path
from sknextchar.cli import main
from sknextchar.cli._labelled import read_labelled_names
from sknextchar.datasets import load_names

KN = ["--model", "kneser-ney", "--context-length", "2", "-q"]
HALF = ["--validation-fraction", "0.5"]  # the rare names are held out at some seed


def write(path, text, newline=None):
    path.write_text(text, encoding="utf-8", newline=newline)
    return str(path)


def test_the_labels_file_is_an_input_never_overwritten(tmp_path, capsys):
    names = write(tmp_path / "names.txt", "asha\nravi\nsita\nomar\n")
    labels = write(tmp_path / "labels.txt", "f\nm\nf\nm\n")
    args = ["train", names, "--labels", labels, *KN, "-o", labels, "--force"]
    assert main(args) == 1
    assert "one of the input files" in capsys.readouterr().err
    assert (tmp_path / "labels.txt").read_text() == "f\nm\nf\nm\n"


def test_a_labels_file_pairs_with_the_names_line_by_line(tmp_path):
    names = write(tmp_path / "names.txt", "anna\nbob\n\ncarl\n\n")
    labels = write(tmp_path / "labels.txt", "A\nB\n\nC\n")
    assert read_labelled_names(names, labels) == (
        ["anna", "bob", "carl"],
        ["A", "B", "C"],
    )
    shifted = write(tmp_path / "shifted.txt", "A\nB\nX\nC\n")  # line 3: no name
    with pytest.raises(ValueError, match=r"Line 3 of .* holds '' and line 3 of .*'X'"):
        read_labelled_names(names, shifted)
    short = write(tmp_path / "short.txt", "A\nB\n")
    with pytest.raises(ValueError, match="has 4 lines but .* has 2"):
        read_labelled_names(names, short)


LINES, LINE_LABELS = "anna\nbob\ncarl\ndora\n", "f\nm\nm\nf\n"
PAIRED = (["anna", "bob", "carl", "dora"], ["f", "m", "m", "f"])


@pytest.mark.parametrize(
    "names, labels",
    [
        (LINES, "\ufefff\r\nm\r\nm\r\nf\r\n\r\n\n"),  # BOM, CRLF, blank lines
        ("name\n" + LINES, "label\n" + LINE_LABELS),  # a header row in each
        ("First Name\n" + LINES, "Gender\n" + LINE_LABELS),
        ("name\n" + LINES, LINE_LABELS),  # a header row in the names file alone
        ("Full name\n" + LINES, "Gender\n" + LINE_LABELS),  # as --labels COLUMN
        ("Name:\n" + LINES, LINE_LABELS),
        ("\nname\n" + LINES, "\nlabel\n" + LINE_LABELS),  # after a blank line
    ],
)
def test_a_labels_file_pairs_header_rows_and_line_ends(tmp_path, capsys, names, labels):
    # Both header rows were read as a name and its label ('name', 'label').
    names = write(tmp_path / "names.txt", names)
    labels = write(tmp_path / "labels.txt", labels, newline="")
    assert read_labelled_names(names, labels) == PAIRED
    err = capsys.readouterr().err
    header = "name" in open(names).read().lower()
    line = 1 + open(names).read().startswith("\n")
    assert (f"Note: read line {line} of {names!r}" in err) == header, err


@pytest.mark.parametrize(
    "names, labels, told",
    [  # a header row in each, a label missing: the labels shifted by one
        (
            "name\n" + LINES,
            "label\nf\nm\nm\n",
            "line 5 of {names!r} holds 'dora', and {labels!r} ends at line 4",
        ),
        # a name missing; a rare first label is no header row to add one above
        (
            "bob\nanna\nbea\nxan\n",
            "m\nf\nf\nx\nf\n",
            "line 5 of {labels!r} holds 'f', and {names!r} ends at line 4",
        ),
        ("", "f\nm\n", "line 1 of {labels!r} holds 'f', and {names!r} holds no line"),
    ],
)
def test_header_rows_are_judged_per_file_and_the_rest_must_pair(
    tmp_path, names, labels, told
):
    names, labels, message = _refused(tmp_path, names, labels)
    assert told.format(names=names, labels=labels) in message, message
    lengths = [text.count("\n") for text in (open(names).read(), open(labels).read())]
    assert f"has {lengths[0]} lines but {labels!r} has {lengths[1]}:" in message
    assert "pass --labels label" in message and "add a first line" not in message


def test_a_header_row_in_the_labels_file_alone_is_refused_saying_what_to_do(tmp_path):
    names = write(tmp_path / "names.txt", LINES)
    labels = write(tmp_path / "labels.txt", "label\n" + LINE_LABELS)
    with pytest.raises(ValueError) as caught:
        read_labelled_names(names, labels)
    assert str(caught.value) == (
        f"Line 1 of {labels!r}, 'label', reads as a header row, and {names!r} has "
        f"one line fewer, with no header row: add a first line 'name' to "
        f"{names!r} (its header row), or delete line 1 of {labels!r} if it is no "
        "label."
    )
    fixed = write(tmp_path / "names.txt", "name\n" + LINES)  # as the error says
    assert read_labelled_names(fixed, labels) == PAIRED


@pytest.mark.parametrize(
    "labels, told",
    [
        (
            "f\nm\nm\n",
            "line 4 of {names!r} holds 'dora', and {labels!r} ends at line 3",
        ),
        (
            LINE_LABELS + "m\n",
            "line 5 of {labels!r} holds 'm', and {names!r} ends at line 4",
        ),
    ],
)
def test_files_of_unequal_lengths_say_which_line_and_what_to_do(
    tmp_path, capsys, labels, told
):
    names = write(tmp_path / "names.txt", LINES)
    labels = write(tmp_path / "labels.txt", labels)
    model = str(tmp_path / "m.skops")
    assert main(["train", names, "--labels", labels, *KN, "-o", model]) == 1
    err = capsys.readouterr().err
    assert told.format(names=names, labels=labels) in err, err
    assert "pass --labels label" in err and "Traceback" not in err


def test_a_labels_file_needs_the_names_file(tmp_path):
    labels = write(tmp_path / "labels.txt", "f\nm\n")
    with pytest.raises(ValueError, match="is a file of labels.*pass NAMES_FILE"):
        read_labelled_names(None, labels)


def test_csv_columns_rows_and_line_ends(tmp_path):
    # "Name" in any case is the name column, whatever the columns before it.
    text = "id,Name,label\n1,asha,f\n2,ravi,m\n"
    assert read_labelled_names(write(tmp_path / "a.csv", text), "label") == (
        ["asha", "ravi"],
        ["f", "m"],
    )
    # Old Mac line ends (CR only), and an empty trailing field from a spreadsheet.
    path = write(tmp_path / "cr.csv", "name,label\rasha,f,\rravi,m\r", newline="")
    assert read_labelled_names(path, "label") == (["asha", "ravi"], ["f", "m"])
    # An unquoted comma in a name shifts the columns: refused, with its line.
    path = write(
        tmp_path / "comma.csv", 'name,label\nasha,f\nMary, Ann,f\n"Lee, Jo",m\n'
    )
    with pytest.raises(ValueError, match=r"Line 3 .* 3 fields, more than the 2"):
        read_labelled_names(path, "label")


def test_file_errors_with_labels_are_one_line(tmp_path, capsys):
    csv_file = write(tmp_path / "n.csv", "name,label\nasha,f\n")
    args = ["train", csv_file, "--labels", "label", "--encoding", "bogus", "-o", "x"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "--encoding bogus is not a text encoding" in err and "Traceback" not in err
    (tmp_path / "bin.csv").write_bytes(b"name,label\n\x00\x01,f\n")
    assert (
        main(["train", str(tmp_path / "bin.csv"), "--labels", "label", "-o", "x"]) == 1
    )
    assert "NUL characters" in capsys.readouterr().err


@pytest.mark.slow
def test_held_out_count_model_with_a_rare_label_and_a_rare_character(tmp_path, capsys):
    # One name of label "other", and one name with "é": at some of these seeds,
    # "josé" lands among the held-out names; "zed", the one name of "other",
    # never does (before, it did, and was left out of the held-out NLL).
    rows = [f"{n},{'f' if i % 2 else 'm'}" for i, n in enumerate(NAMES)]
    rows[0] = "zed,other"
    path = write(tmp_path / "rare.csv", "name,label\n" + "\n".join(rows) + "\n")
    for seed in range(8):
        args = ["train", path, "--labels", "label", *KN, *HALF, "--seed", str(seed)]
        args.remove("-q")  # -q leaves out the report read here
        out = tmp_path / f"m.{_suffix(seed)}"
        assert main([*args, "-o", str(out), "--force"]) == 0
        out = capsys.readouterr().out
        assert "on 10 held-out names (counted without them;" in out
    accented = write(tmp_path / "acc.txt", "\n".join(["josé", *NAMES]) + "\n")
    for seed in range(8):
        args = [
            "train",
            accented,
            *KN,
            *HALF,
            "--alphabet",
            "auto",
            "--seed",
            str(seed),
        ]
        out = tmp_path / f"a.{_suffix(seed)}"
        assert main([*args, "-o", str(out), "--force"]) == 0


def _suffix(seed):
    """A skops file at seed 0 only: the split at each seed is what is tested, and
    a skops file takes ten times as long as joblib to write and check."""
    return "joblib" if seed else "skops"


NAMES = [
    "asha", "ravi", "sita", "omar", "lena", "ivan", "maya", "noah", "ella",
    "liam", "zara", "arun", "devi", "kiran", "mira", "rohan", "tara", "yash",
    "anil", "bina",
]  # fmt: skip


def test_labels_are_compared_in_one_unicode_form(tmp_path, capsys):
    # The file says "Zürich" decomposed (u + combining diaeresis), the command
    # line composed, and the other way round: the same label.
    decomposed, composed = "Zu\u0308rich", "Z\u00fcrich"
    rows = "".join(f"{name},{decomposed if i % 2 else 'Bern'}\n"
                   for i, name in enumerate(NAMES))  # fmt: skip
    path = write(tmp_path / "cities.csv", "name,label\n" + rows)
    model = str(tmp_path / "m.skops")
    assert main(["train", path, "--labels", "label", *KN, "-o", model]) == 0
    for typed in (composed, decomposed):
        assert main(["sample", model, "--label", typed, "-n", "2", "--seed", "0"]) == 0
        assert (
            main(["classify", model, "asha", "--priors", f"{typed}=1", "Bern=1"]) == 0
        )
    assert f"P({composed})" in capsys.readouterr().out


def test_the_one_name_of_a_label_is_counted_not_held_out(tmp_path, capsys):
    # Before, at this seed the one "m" name was held out: the report had no
    # held-out NLL ("the label of every held-out name is one that no counted
    # name has"), and the held-out model had no "m".
    from sklearn.model_selection import train_test_split

    rows = [("asha", "f"), ("anita", "f"), ("uma", "f"), ("ravi", "m")]
    path = tmp_path / "few.csv"
    path.write_text("name,label\n" + "".join(f"{n},{g}\n" for n, g in rows))
    labels = [g for _, g in rows]
    seed = next(  # a plain split that holds out the one "m" name
        s
        for s in range(100)
        if train_test_split(labels, test_size=1, random_state=s)[1] == ["m"]
    )
    args = ["train", str(path), "--labels", "label", "--model", "kneser-ney"]
    assert main([*args, "--seed", str(seed), "-o", str(tmp_path / "m.skops")]) == 0
    out = capsys.readouterr().out
    assert "Held-out NLL: " in out and "on 1 held-out name (counted without" in out


def test_the_labels_help_says_a_labels_file_may_have_a_header_row(capsys):
    # The help said "one label per line, one for each line of NAMES_FILE" alone,
    # though a header row in either file is read as one (with a note).
    assert main(["train", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    start = help_text.index("--labels COLUMN_OR_FILE train")
    labels_help = help_text[start : help_text.index("--counts COLUMN", start)]
    said = (
        "a first line that is a header ('name' in NAMES_FILE, 'sex' or 'label' in "
        "FILE) is read as that file's header row, with a note"
    )
    assert said in labels_help, labels_help


def test_a_names_file_of_one_line_is_told_in_the_singular(tmp_path):
    # Before: "'names.txt' has 1 lines but 'labels.txt' has 2".
    names = write(tmp_path / "names.txt", "anna\n")
    labels = write(tmp_path / "labels.txt", "A\nB\n")
    with pytest.raises(ValueError, match=r"names.txt' has 1 line but .* has 2:"):
        read_labelled_names(names, labels)


@pytest.mark.parametrize(
    "names, labels, told",
    [  # Before: "'names.txt' has 3 lines but 'labels.txt' has 3".
        (
            "name\nanna\nbob\n",
            "f\nm\nf\n",
            "{names!r} has 2 lines below its header row (line 1), but {labels!r} "
            "has 3, with no header row: line 3 of {labels!r} holds 'f'",
        ),
        # A header word in quotes is a header row: was read as the first label,
        # beside the first name ('"label"' for 'anna'), and 'dora' left without.
        (
            LINES,
            '"label"\n' + LINE_LABELS,
            "Line 1 of {labels!r}, '\"label\"', reads as a header row",
        ),
        (
            "name\n" + LINES,
            '"label"\nf\nm\nm\n',
            "{names!r} has 5 lines but {labels!r} has 4: line 5 of {names!r} holds",
        ),
    ],
)
def test_unpaired_files_are_counted_as_their_header_rows_are_read(
    tmp_path, names, labels, told
):
    names, labels, message = _refused(tmp_path, names, labels)
    assert told.format(names=names, labels=labels) in message, message


def _refused(tmp_path, names, labels):
    """The paths of files of ``names`` and ``labels`` written in ``tmp_path``,
    and the message that refuses them."""
    names = write(tmp_path / "names.txt", names)
    labels = write(tmp_path / "labels.txt", labels)
    with pytest.raises(ValueError) as caught:
        read_labelled_names(names, labels)
    return names, labels, str(caught.value)


@pytest.mark.parametrize(
    "list_text, line",
    [
        ("Emma\nLiam\nZoe\n", "its first line"),
        ("name\nEmma\nLiam\n", "its first line"),
        ("\n\nEmma\nZoe\n", "its line 3"),  # was "its first line, 'Emma'"
    ],
)
def test_labels_column_of_a_list_says_a_list_has_none(tmp_path, list_text, line):
    # Before: "--labels F is neither a file nor a column of 'n.txt', whose first
    # row (the header) is ['Emma']": a list of names read as a table.
    names = write(tmp_path / "n.txt", list_text)
    first = list_text.split()[0]
    with pytest.raises(ValueError) as caught:
        read_labelled_names(names, "F")
    message = str(caught.value)
    # Was a list's reading told at length (394 characters for --labels é.txt
    # beside names.txt, measured); now what is wrong and what to pass.
    assert message == (
        f"--labels F is neither a file nor a column: {names!r} is a list of "
        "names. Pass a file of their labels, one per line (--labels FILE)."
    ), message
    assert "header)" not in message and "Did you mean" not in message
    with pytest.raises(ValueError, match=f"{line}, {first!r}, has no comma") as caught:
        load_names(names, labels_column="F")
    assert str(caught.value).startswith(
        f"labels_column='F' is not a column of {names!r}: {names!r} is a list"
    )  # was ": it is a list", 'F' read as "it"


@pytest.mark.parametrize("names_text", ["anna\nbob\n", "name,sex\nanna,f\nbob,m\n"])
def test_a_mistyped_labels_file_is_offered_the_close_one(tmp_path, names_text):
    # Before: no "Did you mean", as a missing file of names or model file has.
    names = write(tmp_path / "lables.csv", names_text)  # closest, but the names
    labels = write(tmp_path / "labels.txt", "f\nm\n")
    with pytest.raises(ValueError) as caught:
        read_labelled_names(names, str(tmp_path / "lables.txt"))
    # as the flag to paste (before: " Did you mean '/tmp/.../labels.txt'?")
    said = f" Did you mean --labels {shell_path(labels)}?"
    assert str(caught.value).endswith(said), caught.value


def test_a_mistyped_labels_file_near_a_column_gets_one_guess(tmp_path, monkeypatch):
    # Before: "(did you mean --labels label?) ... Did you mean 'labels.txt'?".
    monkeypatch.chdir(tmp_path)  # label.txt as typed, one letter from label
    write(tmp_path / "names.csv", "name,label\nanna,f\nbob,m\n")
    write(tmp_path / "labels.txt", "f\nm\n")
    with pytest.raises(ValueError) as caught:
        read_labelled_names("names.csv", "label.txt")
    message = str(caught.value)
    assert message.endswith(" Did you mean --labels labels.txt?"), message
    assert message.count("did you mean") == 0, message


@pytest.mark.parametrize(
    "empty, why",
    [
        ("", "it is empty"),
        ("\n\r\n\n", "it is empty"),
        # Before: "'names.txt' has 2 lines but 'labels.txt' has 1: ...".
        ("label\n", "only a header row, 'label'"),
        ('\n"gender"\r\n', "only a header row, '\"gender\"'"),
    ],
)
def test_an_empty_labels_file_is_told_as_one(tmp_path, empty, why):
    # Before: "'names.txt' has 2 lines but 'labels.txt' has 0: ... holds no line".
    names = write(tmp_path / "names.txt", "anna\nbob\n")
    labels = write(tmp_path / "labels.txt", empty)
    told = rf"^--labels \S+labels.txt holds no label \({re.escape(why)}"
    with pytest.raises(ValueError, match=told):
        read_labelled_names(names, labels)
