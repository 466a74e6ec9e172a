"""Tables that were read wrong without a word: a header in another separator
than its rows, a .txt export's header read as a name, a 0/1 column offered as
counts, counts that number the rows, labels that differ only in case. Each
message's advice is followed here, and reads the file right."""

import re
import shlex

import pytest

from sknextchar import load_model
from sknextchar.cli import build_parser, main
from sknextchar.cli._commands import training_names
from sknextchar.cli._labelled import (
    names_column_of,
    read_labelled_names,
    read_names_file,
)
from sknextchar.datasets import load_names
from sknextchar.datasets._table_rows import UnnamedRowsWarning

KN = ["--model", "kneser-ney", "--alphabet", "auto", "--context-length", "2"]
KN += ["--force"]  # the model written again by each run
ROWS = [("Anna", "F"), ("John", "M"), ("Mary", "F"), ("Paul", "M")]


def write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding)
    return str(path)


def table(delimiter, header=None):
    lines = [delimiter.join(row) for row in ROWS]
    return "\n".join(([header] if header else []) + lines) + "\n"


def no_header_advice(err):
    """The flags that --no-header's advice gives, --labels last."""
    flags = re.search(r"--no-header --names-column \d+(?: --counts \d+)?", err)[0]
    labels = re.search(r"and (--labels \d+) to train by label", err)
    return flags.split() + (labels[1].split() if labels else [])


def as_written(example):
    """A header as a message writes it: a tab in words."""
    return example.replace(", a tab, ", "\t")


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_the_header_advised_for_a_headerless_table_reads_it(
    tmp_path, capsys, delimiter
):
    path = write(tmp_path / "rows.csv", table(delimiter))
    model = tmp_path / "m.skops"
    assert main(["train", path, *KN, "-o", str(model)]) == 1
    err = capsys.readouterr().err
    flags = no_header_advice(err)
    assert flags == ["--no-header", "--names-column", "1", "--labels", "2"]
    # Followed: the file as it is, its names the names, its labels the labels.
    assert main(["train", path, *KN, *flags, "-o", str(model)]) == 0
    assert load_model(str(model)).in_training_set(["Anna"]).tolist() == [True]
    argv = ["train", path, *flags, "-o", str(model)]
    assert training_names(build_parser().parse_args(argv))[:2] == (
        [name for name, _ in ROWS],
        [label for _, label in ROWS],
    )


def test_the_header_advised_names_the_column_of_names_not_the_first(tmp_path, capsys):
    # Ids first: the names are in the first column that holds no number.
    rows = [f"{i};{name};{label}" for i, (name, label) in enumerate(ROWS, 1)]
    path = write(tmp_path / "ids.csv", "\n".join(rows) + "\n")
    assert main(["train", path, *KN, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    flags = no_header_advice(err)
    assert flags == ["--no-header", "--names-column", "2", "--labels", "3"]
    # a row of data (1;Anna;f above 2;...): no value of it offered as a header
    assert "--names-column Anna" not in err and "--names-column COLUMN" in err
    # Followed: the names are the names, not the ids.
    argv = ["train", path, *flags, "-o", "m.skops"]
    assert training_names(build_parser().parse_args(argv))[0] == [n for n, _ in ROWS]


def test_the_header_advised_with_counts_has_every_column(tmp_path, capsys):
    text = "".join(f"{name};{label};{n}\n" for n, (name, label) in enumerate(ROWS, 3))
    path = write(tmp_path / "counts.csv", text)
    assert main(["train", path, *KN, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    flags = no_header_advice(err)
    assert flags == ["--no-header", "--names-column", "1", "--counts", "3"] + [
        "--labels",
        "2",
    ]
    argv = ["train", path, *KN, *flags]
    assert main([*argv, "-o", str(tmp_path / "m.skops")]) == 0
    argv = ["train", path, *flags, "-o", "m.skops"]
    names, labels, counts = training_names(build_parser().parse_args(argv))
    assert (names, labels) == ([n for n, _ in ROWS], [label for _, label in ROWS])
    assert counts.tolist() == [3, 4, 5, 6]


@pytest.mark.parametrize(
    ("delimiter", "suffix"), [(";", "csv"), (";", "txt"), ("\t", "tsv")]
)
def test_a_header_in_another_separator_than_its_rows_is_refused(
    tmp_path, capsys, delimiter, suffix
):
    # name,label written above rows Anna;F: each row was read as one name.
    path = write(tmp_path / f"joined.{suffix}", table(delimiter, "name,label"))
    model = tmp_path / "m.skops"
    for more in ([], ["--labels", "label"], ["--names-column", "name"]):
        assert main(["train", path, *KN, *more, "-o", str(model)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "has 2 fields between commas ('name', 'label')" in err
        assert not model.exists()
    with pytest.raises(ValueError, match="no row below it has as many"):
        names_column_of(path)  # --chunk-size reads the same first lines
    with pytest.raises(ValueError, match="no row below it has as many"):
        load_names(path, names_column="name")
    # Followed: the header written with the rows' separator reads them.
    header = as_written(re.search(r"as the rows are \((.+?)\)", err).group(1))
    fixed = write(tmp_path / f"fixed.{suffix}", table(delimiter, header))
    assert main(["train", fixed, *KN, "--labels", "label", "-o", str(model)]) == 0
    sampler = load_model(str(model))
    assert sampler.in_training_set(["Anna", "Paul"]).tolist() == [True, True]


def test_rows_that_are_whole_names_follow_the_quotes_advice(tmp_path, capsys):
    path = write(tmp_path / "joined.csv", table(";", "name,label"))
    assert main(["train", path, *KN, "-o", str(tmp_path / "m.skops")]) == 1
    err = capsys.readouterr().err
    quoted = re.search(r'in quotes: ("[^"]+")', err).group(1)
    assert quoted == '"Anna;F"'
    lines = ["name,label"] + [f'"{name};{label}"' for name, label in ROWS]
    fixed = write(tmp_path / "whole.csv", "\n".join(lines) + "\n")
    assert read_names_file(fixed) == [f"{name};{label}" for name, label in ROWS]


def test_rows_split_as_the_header_are_read_as_before(tmp_path):
    # A comma inside a name of a semicolon table: its rows split at the header's.
    path = write(tmp_path / "eu.csv", "name;sex\nSmith, Anna;F\nJones, Bo;M\n")
    assert read_names_file(path) == ["Smith, Anna", "Jones, Bo"]
    # Rows shorter than the header, split at no other separator: empty cells.
    path = write(tmp_path / "short.csv", "name,count\nAnna\nJohn\n")
    assert read_names_file(path) == ["Anna", "John"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # Rows shorter than the header (empty cells left out at the end), a
        # comma in each name: read at the header's separator, as before.
        ("semi3.csv", "name;sex;comment\nSmith, Anna;F\nJones, Bob;M\n"),
        ("t3.tsv", "name\tsex\tnote\nSmith, Anna\tF\nJones, Bob\tM\n"),
        ("trail.csv", "name;sex;\nSmith, Anna;F\nJones, Bob;M\n"),
        # One field at the header's semicolon: a comma is no rows' separator.
        ("missing.csv", "name;nickname\nSmith, Anna\nJones, Bob\n"),
    ],
)
def test_names_with_commas_under_a_wider_header_are_read(tmp_path, name, text):
    path = write(tmp_path / name, text)
    assert read_names_file(path) == ["Smith, Anna", "Jones, Bob"]
    with pytest.warns(UserWarning, match=r"written 'Surname, Given'"):
        names = list(load_names(path, names_column="name"))
    assert names == ["Smith, Anna", "Jones, Bob"]


@pytest.mark.parametrize(
    ("first", "encoding"), [("First Name", "utf-16"), ("name,count", "utf-8")]
)
def test_a_txt_list_whose_first_line_reads_as_a_header_has_a_note(
    tmp_path, capsys, first, encoding
):
    # Excel's "Unicode text" export: UTF-16 with a byte-order mark, a .txt name.
    text = first + "\r\n" + "".join(f"{name}\r\n" for name, _ in ROWS)
    path = write(tmp_path / "export.txt", text, encoding=encoding)
    flags = ["--encoding", encoding]
    assert read_names_file(path, encoding=encoding)[0] == first  # the rule, as before
    err = capsys.readouterr().err
    assert f"Note: {path!r} starts with {first!r}, read as a name" in err
    assert names_column_of(path, encoding=encoding) is None
    assert "read as a name" in capsys.readouterr().err  # --chunk-size too
    # Followed: --names-column reads the names below it, without a note.
    column = shlex.split(re.search(r"--names-column ('[^']+'|\S+)", err).group(1))
    assert read_names_file(path, encoding=encoding, names_column=column[0]) == [
        name for name, _ in ROWS
    ]
    model = str(tmp_path / "m.skops")
    argv = ["train", path, *KN, *flags, "--names-column", *column, "-o", model]
    assert main(argv) == 0
    assert "read as a name" not in capsys.readouterr().err
    assert load_model(model).in_training_set([first]).tolist() == [False]


def test_a_txt_list_with_a_blank_first_line_or_a_name_first_has_no_note(
    tmp_path, capsys
):
    assert read_names_file(write(tmp_path / "a.txt", "\nFirst Name\nAnna\n")) == [
        "First Name",
        "Anna",
    ]
    assert read_names_file(write(tmp_path / "b.txt", "Anna\nName\n")) == [
        "Anna",
        "Name",
    ]
    assert "Note" not in capsys.readouterr().err


def test_a_column_of_0_and_1_is_offered_as_labels(tmp_path, capsys):
    text = "name,is_female\n" + "".join(
        f"{name},{int(label == 'F')}\n" for name, label in ROWS
    )
    path = write(tmp_path / "bin.csv", text)
    model = str(tmp_path / "m.skops")
    assert main(["train", path, *KN, "-o", model]) == 0
    err = capsys.readouterr().err
    assert "--counts" not in err
    flag = re.search(r"to train by label, pass (--labels \S+)\.", err).group(1)
    # Followed: two labels, every name kept.
    assert main(["train", path, *KN, *flag.split(), "-o", model]) == 0
    assert "left out" not in capsys.readouterr().err
    assert read_labelled_names(path, "is_female")[1] == ["1", "0", "1", "0"]


def test_counts_of_0_and_1_warn_and_say_the_label_flag(tmp_path, capsys):
    text = "name,is_female\n" + "".join(
        f"{name},{int(label == 'F')}\n" for name, label in ROWS
    )
    path = write(tmp_path / "bin.csv", text)
    model = str(tmp_path / "m.skops")
    assert main(["train", path, *KN, "--counts", "is_female", "-o", model]) == 0
    err = capsys.readouterr().err
    assert "is 0 or 1" in err and "(2 of 4 here)" in err
    flag = re.search(r"pass (--labels \S+) in place of --counts", err).group(1)
    assert main(["train", path, *KN, *flag.split(), "-o", model]) == 0
    assert "warning" not in capsys.readouterr().err


def test_counts_that_number_the_rows_warn(tmp_path, capsys):
    text = "id,name\n" + "".join(f"{i},{name}\n" for i, (name, _) in enumerate(ROWS, 1))
    path = write(tmp_path / "ids.csv", text)
    model = str(tmp_path / "m.skops")
    assert main(["train", path, *KN, "--counts", "id", "-o", model]) == 0
    err = capsys.readouterr().err
    assert "number its rows 1, 2, 3... in order" in err
    assert "weighs 4 times" in err and "leave out --counts" in err
    # Followed: without --counts, no warning.
    assert main(["train", path, *KN, "-o", model]) == 0
    assert "warning" not in capsys.readouterr().err
    # Counts that do not number the rows: no warning.
    other = write(tmp_path / "c.csv", "name,count\nAnna,1\nJohn,2\nMary,5\n")
    assert main(["train", other, *KN, "--counts", "count", "-o", model]) == 0
    assert "warning" not in capsys.readouterr().err


def test_labels_that_differ_only_in_case_warn(tmp_path, capsys):
    text = "name,sex\nAnna,F\nJohn,M\nMary,F\nPaul,m\n"
    path = write(tmp_path / "case.csv", text)
    model = str(tmp_path / "m.skops")
    assert main(["train", path, *KN, "--labels", "sex", "-o", model]) == 0
    err = capsys.readouterr().err
    assert "differ only in case ('M' and 'm')" in err
    # Followed: every 'm' written as 'M' in the file, then one label.
    old, new = re.search(r"every ('\w+') as ('\w+')", err).groups()
    old, new = old.strip("'"), new.strip("'")
    write(tmp_path / "case.csv", text.replace(f",{old}\n", f",{new}\n"))
    assert main(["train", path, *KN, "--labels", "sex", "-o", model]) == 0
    assert "warning" not in capsys.readouterr().err
    assert sorted(set(read_labelled_names(path, "sex")[1])) == ["F", "M"]


def test_the_header_advised_has_as_many_fields_as_the_rows(tmp_path):
    path = write(tmp_path / "wide.csv", "name,label\nAnna;F;1\nBob;M;2\n")
    with pytest.raises(ValueError, match="as the rows are") as error:
        read_names_file(path)
    header = re.search(r"as the rows are \((.+?)\)", str(error.value)).group(1)
    assert header == "name;label;column3"
    # Followed: the header written so reads the names.
    fixed = write(tmp_path / "fixed.csv", f"{header}\nAnna;F;1\nBob;M;2\n")
    assert read_names_file(fixed) == ["Anna", "Bob"]


# Rows 3, 5 and 7 have a count and a label but no name; ",," and the blank
# lines at the end are empty rows, as a spreadsheet writes them: no word.
UNNAMED = 'name,sex,count\nAnna,F,3\n,M,40\nJohn,M,2\n ,F,9\nMary,F,1\n"",M,7\n,,\n\n\n'
UNNAMED_WORDS = (
    "3 rows of {} have no name in column 'name' and are left out, with their "
    "other cells (lines 3, 5 and 7)."
)


@pytest.mark.parametrize("counts", [None, "count"])
def test_load_names_warns_of_rows_without_a_name(tmp_path, counts):
    # They were left out without a word, their counts and labels with them.
    path = write(tmp_path / "kids.csv", UNNAMED)
    with pytest.warns(UserWarning) as caught:
        read = load_names(path, names_column="name", counts_column=counts)
    names = read if counts is None else read[0]
    assert list(names) == ["Anna", "John", "Mary"]
    (message,) = [str(w.message) for w in caught]
    # The count is named only when it is read: nothing else is lost without.
    lost = (
        ", with their other cells (lines 3, 5 and 7). To keep a row's count, "
        "write its name; remove the rows that have none."
        if counts
        else " (lines 3, 5 and 7)."
    )
    assert message == UNNAMED_WORDS.format(repr(path)).split(",")[0] + lost, message


def test_load_names_says_nothing_of_blank_and_empty_rows(tmp_path, recwarn):
    path = write(tmp_path / "kids.csv", "name,count\nAnna,3\n,\n\nJohn,2\n,,\n\n")
    assert load_names(path, names_column="name", counts_column="count")[0] == [
        "Anna",
        "John",
    ]
    assert load_names(path, names_column="name") == ["Anna", "John"]
    assert not [w for w in recwarn if "no name" in str(w.message)]


@pytest.mark.parametrize(
    "flags",
    [
        ["--counts", "count"],
        ["--labels", "sex"],
        ["--labels", "sex", "--counts", "count"],
    ],
)
def test_train_notes_the_rows_without_a_name(tmp_path, capsys, flags):
    path = write(tmp_path / "kids.csv", UNNAMED)
    model = str(tmp_path / "m.skops")
    assert main(["train", path, *KN, *flags, "-o", model]) == 0
    err = capsys.readouterr().err
    note = "Note: " + UNNAMED_WORDS.format(repr(path))
    assert err.count(note) == 1, err


def test_train_notes_the_first_rows_of_many_without_a_name(tmp_path, capsys):
    rows = [f"{name},F,2\n" for name in ("anna", "mara", "lena", "rosa")] * 75
    rows[10:300:2] = [",F,5\n"] * 145  # 145 rows of 300 lose their name
    path = write(tmp_path / "big.csv", "name,sex,count\n" + "".join(rows))
    model = str(tmp_path / "m.skops")
    assert main(["train", path, *KN, "--counts", "count", "-o", model]) == 0
    err = capsys.readouterr().err
    assert "145 rows of" in err and "(lines 12, 14, 16, 18, 20 and 140 more)" in err


def test_load_names_by_position_warns_of_rows_without_a_name(tmp_path):
    # header=None with counts_column lost the rows silently (load_names with a
    # header warned).
    path = write(tmp_path / "kids.csv", UNNAMED.split("\n", 1)[1])
    with pytest.warns(UserWarning) as caught:
        names, counts = load_names(path, header=None, names_column=0, counts_column=2)
    assert names == ["Anna", "John", "Mary"] and counts.tolist() == [3, 2, 1]
    (message,) = [str(w.message) for w in caught if "no name" in str(w.message)]
    assert message.startswith(
        f"3 rows of {path!r} have no name in the 1st column and are left out, "
        "with their other cells (lines 2, 4 and 6). To keep a row's count,"
    ), message


# Train the neural network a chunk of names at a time (only it reads in chunks).
CHUNKED = ["--max-iter", "1", "--hidden-layer-sizes", "4", "--seed", "0"]
CHUNKED += ["--validation-fraction", "0", "--chunk-size"]


@pytest.mark.parametrize(
    "flags, told",
    [
        # The chunked reader and --no-header said nothing of them.
        (["--counts", "count", *CHUNKED, "2"], "in column 'name'"),
        # Nor did it without counts, in a table or without a header row.
        (["--names-column", "name", *CHUNKED, "2"], "in column 'name'"),
        ([*CHUNKED, "2"], "in column 'name'"),
        (["--no-header", "--names-column", "1", *CHUNKED, "2"], "in the 1st column"),
        (["--no-header", "--names-column", "1", "--counts", "3"], "in the 1st column"),
        (["--no-header", "--names-column", "1", "--labels", "2"], "in the 1st column"),
    ],
)
def test_every_reader_of_train_tells_of_rows_without_a_name(
    tmp_path, capsys, flags, told
):
    text = UNNAMED if "--no-header" not in flags else UNNAMED.split("\n", 1)[1]
    path = write(tmp_path / "kids.csv", text)
    model = str(tmp_path / "m.skops")
    kind = [] if "--chunk-size" in flags else KN
    assert main(["train", path, *kind, *flags, "-o", model]) == 0
    err = capsys.readouterr().err
    lines = "(lines 2, 4 and 6)" if "--no-header" in flags else "(lines 3, 5 and 7)"
    words = f"3 rows of {path!r} have no name {told} and are left out"
    assert err.count(words) == 1 and lines in err, err


def test_the_chunked_reader_keeps_a_count_and_the_first_lines(tmp_path, capsys):
    rows = [f"{name},F,2\n" for name in ("anna", "mara", "lena", "rosa")] * 75
    rows[10:300:2] = [",F,5\n"] * 145  # 145 rows of 300 lose their name
    path = write(tmp_path / "big.csv", "name,sex,count\n" + "".join(rows))
    model = str(tmp_path / "m.skops")
    flags = ["--counts", "count", *CHUNKED, "7"]
    assert main(["train", path, *flags, "-o", model]) == 0
    err = capsys.readouterr().err
    assert "145 rows of" in err and "(lines 12, 14, 16, 18, 20 and 140 more)" in err


@pytest.mark.parametrize(
    "columns, told",
    [
        ({"names_column": "name"}, "in column 'name'"),
        ({"header": None, "names_column": 0}, "in the 1st column"),
    ],
)
def test_train_from_file_warns_once_of_rows_without_a_name(tmp_path, columns, told):
    # Without counts_column, the chunked reader left them out without a word.
    from sknextchar import make_default_pipeline, train_from_file

    text = UNNAMED if "header" not in columns else UNNAMED.split("\n", 1)[1]
    path = write(tmp_path / "kids.csv", text)
    pipe = make_default_pipeline(random_state=0).set_params(
        clf__hidden_layer_sizes=(4,), clf__max_iter=2, clf__validation_fraction=0.0
    )
    with pytest.warns(UserWarning) as caught:
        train_from_file(path, pipe, chunk_size=2, **columns)
    lines = "lines 2, 4 and 6" if "header" in columns else "lines 3, 5 and 7"
    found = [str(w.message) for w in caught if "no name" in str(w.message)]
    assert found == [
        f"3 rows of {path!r} have no name {told} and are left out ({lines})."
    ]


def test_load_names_by_position_without_counts_warns_of_rows_without_a_name(tmp_path):
    # header=None without counts_column left them out without a word.
    path = write(tmp_path / "kids.csv", UNNAMED.split("\n", 1)[1])
    with pytest.warns(UserWarning) as caught:
        assert load_names(path, header=None, names_column=0) == ["Anna", "John", "Mary"]
    (message,) = [str(w.message) for w in caught if "no name" in str(w.message)]
    assert message == (
        f"3 rows of {path!r} have no name in the 1st column and are left out "
        "(lines 2, 4 and 6)."
    )


# A table whose column of names is empty on every row (", Anna": the names
# in another column). header=None and counts refused it without a word of the
# rows left out; load_names with a header told them first, but advised to
# remove the rows without a name (all of them).
NAMELESS = "name,sex,count\n, Anna,3\n ,Mary,1\n"
OTHER_COLUMN = "No row has a name there: the names are likely in another column; "
BY_PLACE = "pass its place as names_column (counted from 0)."
BY_HEADER = "pass its header as names_column."
NO_NAME_READINGS = pytest.mark.parametrize(
    "columns, how",
    [
        ({"header": None, "names_column": 0}, BY_PLACE),
        ({"header": None, "names_column": 0, "counts_column": 2}, BY_PLACE),
        ({"names_column": "name", "counts_column": "count"}, BY_HEADER),
        ({"names_column": "name"}, BY_HEADER),
    ],
    ids=["no-header", "no-header-counts", "counts", "header"],
)


@NO_NAME_READINGS
def test_load_names_tells_rows_without_a_name_before_it_finds_none(
    tmp_path, columns, how
):
    text = NAMELESS if "header" not in columns else NAMELESS.split("\n", 1)[1]
    path = write(tmp_path / "kids.csv", text)
    with pytest.warns(UnnamedRowsWarning, match="2 rows of .* have no name") as told:
        with pytest.raises(ValueError, match="contains no names"):
            load_names(path, **columns)
    (message,) = [str(w.message) for w in told]
    assert message.endswith(OTHER_COLUMN + how) and "remove" not in message, message


@NO_NAME_READINGS
def test_train_from_file_tells_rows_without_a_name_before_it_finds_none(
    tmp_path, columns, how
):
    # Without counts_column it said nothing of them; with it, to remove them.
    from sknextchar import make_default_pipeline, train_from_file

    text = NAMELESS if "header" not in columns else NAMELESS.split("\n", 1)[1]
    path = write(tmp_path / "kids.csv", text)
    pipe = make_default_pipeline(random_state=0).set_params(clf__max_iter=1)
    with pytest.warns(UnnamedRowsWarning, match="2 rows of .* have no name") as told:
        with pytest.raises(ValueError, match="no names"):
            train_from_file(path, pipe, chunk_size=2, **columns)
    (message,) = [str(w.message) for w in told]
    assert message.endswith(OTHER_COLUMN + how) and "remove" not in message, message


CLI_BY_NUMBER = "pass its number as --names-column (counted from 1)."
CLI_BY_HEADER = "pass its header as --names-column."


@pytest.mark.parametrize(
    "flags, how",
    [
        (["--no-header", "--names-column", "1"], CLI_BY_NUMBER),
        (["--no-header", "--names-column", "1", "--labels", "2"], CLI_BY_NUMBER),
        (["--no-header", "--names-column", "1", "--counts", "3"], CLI_BY_NUMBER),
        (["--labels", "sex"], CLI_BY_HEADER),
        (["--counts", "count"], CLI_BY_HEADER),
        (["--no-header", "--names-column", "1", *CHUNKED, "2"], CLI_BY_NUMBER),
        (["--counts", "count", *CHUNKED, "2"], CLI_BY_HEADER),
    ],
    ids=["no-header", "labels-2", "counts-3", "labels-sex", "counts", "chunked-nh",
         "chunked-counts"],
)  # fmt: skip
def test_train_notes_rows_without_a_name_before_it_finds_none(
    tmp_path, capsys, flags, how
):
    text = NAMELESS if "--no-header" not in flags else NAMELESS.split("\n", 1)[1]
    path = write(tmp_path / "kids.csv", text)
    kind = [] if "--chunk-size" in flags else KN
    assert main(["train", path, *kind, *flags, "-o", str(tmp_path / "m.skops")]) == 1
    *_, told, error = capsys.readouterr().err.splitlines()  # after a table's note
    assert re.match(f"(Note|sknextchar: warning): 2 rows of {re.escape(repr(path))} "
                    "have no name", told), told  # fmt: skip
    assert told.endswith(OTHER_COLUMN + how) and "remove" not in told, told
    assert error.startswith("sknextchar: error: ") and "no names" in error, error


def test_the_chunked_reader_without_counts_keeps_a_count_and_the_first_lines(
    tmp_path,
):
    from sknextchar._name_chunks import read_name_chunks

    rows = [f"{name},F\n" for name in ("anna", "mara", "lena", "rosa")] * 75
    rows[10:300:2] = [",F\n"] * 145  # 145 rows of 300 lose their name
    path = write(tmp_path / "big.csv", "name,sex\n" + "".join(rows))
    with pytest.warns(UserWarning, match="no name") as caught:
        chunks = list(read_name_chunks(path, 7, names_column="name"))
    assert sum(map(len, chunks)) == 155
    (message,) = [str(w.message) for w in caught if "no name" in str(w.message)]
    assert message.startswith("145 rows of") and message.endswith(
        "(lines 12, 14, 16, 18, 20 and 140 more)."
    )


def test_the_names_column_note_comes_first_and_says_what_is_lost(tmp_path, capsys):
    # The note of the rows without a name came before the note of the column
    # read as the names; and it told of "a row's count and label" unread.
    path = write(tmp_path / "kids.csv", UNNAMED)
    model = str(tmp_path / "m.skops")
    assert main(["train", path, *KN, "-o", model]) == 0
    err = capsys.readouterr().err
    unnamed = err.index("Note: 3 rows of")
    assert err.index("read its column 'name'") < unnamed, err
    assert "To keep" not in err and "are left out (lines 3, 5 and 7)." in err, err
