"""A user's table as a spreadsheet writes it: a title or a blank line above
its header row, a header typed in decomposed Unicode or with a qualifier, a
column of row numbers, counts written other than with the digits 0 to 9, and a
tab inside a quoted name."""

import re
import warnings

import pytest

from sknextchar import make_default_pipeline, train_from_file
from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._comment_lines import CommentLinesWarning

KN = ["--model", "kneser-ney", "--context-length", "2", "--alphabet", "auto"]


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the model files


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return str(path)


def train(capsys, path, *flags):
    argv = [*KN, "--validation-fraction", "0", "-o", "m.skops", "--force", *flags]
    status = main(["train", path, *argv])
    return status, capsys.readouterr().err


def loaded(path, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = load_names(path, **kwargs)
    return names, " ".join(str(warning.message) for warning in caught)


TITLED = [
    ("t.csv", "Baby names 2024\nname,gender\nZoe,F\nJose,M\nAnna,F\n", "utf-8"),
    ("t.csv", "Baby names 2024;;\nname;gender;count\nZoe;F;3\nJose;M;2\n", "utf-8"),
    ("t.txt", "\ufeffMy names\r\nName\tGender\r\nZoë\tF\r\nJosé\tM\r\n", "utf-16-le"),
    ("t.csv", "Baby names\n\nnotes\nname,gender\nZoe,F\nJose,M\n", "utf-8"),
]


@pytest.mark.parametrize(("file", "text", "encoding"), TITLED)
def test_a_title_above_the_header_is_left_out_with_a_warning_naming_it(
    tmp_path, capsys, file, text, encoding
):
    # It was refused ("Delete line 1 ..."): the user had to edit the file.
    path = write(tmp_path / file, text, encoding)
    lines = text.lstrip("\ufeff").splitlines()
    at = next(i for i, line in enumerate(lines) if line.lower().startswith("name"))
    above = {1: "line 1", 2: "lines 1 and 2", 3: "lines 1-3"}[at]  # as runs
    wanted = (
        f"{path!r} has its header row {lines[at]!r} (with the column of names "
        f"{lines[at][:4]!r}) on line {at + 1}, below {above}"
    )
    left_out = ": read as its title, left out"
    expected = ["Zoë", "José"] if encoding != "utf-8" else ["Zoe", "Jose"]
    status, err = train(capsys, path)
    assert status == 0 and err.count(wanted) == 1 and left_out in err, err
    status, err = train(capsys, path, "--names-column", lines[at][:4])
    assert status == 0 and err.count(wanted) == 1 and left_out in err, err
    label = "Gender" if "\t" in lines[at] else "gender"  # and by label
    status, err = train(capsys, path, "--labels", label)
    assert status == 0 and err.count(wanted) == 1 and left_out in err, err
    kwargs = {"names_column": lines[at][:4], "encoding": encoding}
    names, message = loaded(path, **kwargs)
    assert names[:2] == expected and wanted in message and left_out in message
    assert lines[0].lstrip("\ufeff") not in names
    if "count" in lines[at]:  # and with the counts of the rows below it
        names, message = loaded(path, counts_column="count", **kwargs)
        assert names[0] == expected and list(names[1]) == [3.0, 2.0], names
        assert wanted in message


@pytest.mark.parametrize(("file", "text", "encoding"), TITLED)
def test_a_title_above_the_header_is_left_out_in_chunks(tmp_path, file, text, encoding):
    from sknextchar import make_default_pipeline, train_from_file

    path = write(tmp_path / file, text, encoding)
    column = next(ln for ln in text.splitlines() if ln.lower().startswith("name"))
    pipe = make_default_pipeline(random_state=0).set_params(
        clf__hidden_layer_sizes=(4,), clf__max_iter=1, clf__validation_fraction=0.0,
        windows__alphabet="auto",
    )  # fmt: skip
    with pytest.warns(UserWarning, match="read as its title, left out") as caught:
        fitted = train_from_file(
            path, pipe, chunk_size=2, encoding=encoding, names_column=column[:4]
        )
    told = [w for w in caught if "title" in str(w.message)]
    assert len(told) == 1 and type(told[0].message).__name__ == "TitleLinesWarning"
    vocabulary = set(fitted[0].vocabulary_)
    assert not vocabulary & set("byt "), vocabulary  # the title's letters


def test_a_title_above_a_comma_header_of_a_list_offers_names_column(tmp_path, capsys):
    # In a .txt file "Name, Anna" below a title may be a name: refused, with
    # what to pass instead of deleting line 1 (it said "Delete line 1" alone).
    path = write(tmp_path / "list.txt", "My list\nName, Anna\nDoe, Jane\n")
    status, err = train(capsys, path)
    assert (
        status != 0 and "To read its column of names, pass --names-column Name" in err
    )
    names, message = loaded(path)
    assert "pass names_column='Name' (the lines above its header row are" in message
    assert message.endswith("so each whole line is a name.)"), message  # said once
    names, message = loaded(path, names_column="Name")
    assert names == ["Doe"] and "'My list'" in message


NAMES_ABOVE = [
    ("pasted.csv", "Zoe\nJose\nname,sex\nemma,F\nliam,M\n", "lines 1 and 2"),
    ("ma.csv", "Mary Ann\n\nname;sex\nemma;F\nliam;M\n", "lines 1 and 2"),
    ("acc.tsv", "Zoë\nJean-Luc\nname\tsex\nemma\tF\nliam\tM\n", "lines 1 and 2"),
]


@pytest.mark.parametrize(("file", "text", "above"), NAMES_ABOVE)
def test_names_above_a_header_row_are_refused_not_left_out_as_a_title(
    tmp_path, capsys, file, text, above
):
    # Lines that read as names above a header row were left out as a title,
    # the warning quoting the first alone: refused now, as before the title
    # was left out, every one of them quoted; said to read as names, to be
    # moved below the header row (it said "(a title?). Delete lines 1 to 2"),
    # and load_names' warning "once those lines are deleted".
    path = write(tmp_path / file, text)
    first = text.splitlines()[0]
    refusal = (
        f"not a title, so {'it is' if 'ma.csv' in file else 'they are'} not left "
        "out. If "
    )
    refusal = (
        re.escape(refusal)
        + ".* below the header row, as (a row with its|rows with their) other "
        + "cells; "
        + re.escape(f"else delete {above}, so that the file starts with its header")
    )
    with pytest.raises(ValueError, match=refusal) as caught:
        load_names(path, names_column="name")
    assert repr(first) in str(caught.value)
    names, message = loaded(path)  # one name per line, with the refusal's words
    assert names[0] == first and re.search(refusal, message), message
    assert repr(first) in message
    assert "once those lines are moved or deleted, names_column reads" in message
    for flags in ([], ["--names-column", "name"], ["--labels", "sex"]):
        status, err = train(capsys, path, *flags)
        assert status != 0 and re.search(refusal, err), (flags, err)
        assert repr(first) in err, (flags, err)
        assert "read as its title" not in err


def test_the_title_warning_quotes_every_line_it_leaves_out(tmp_path, capsys):
    text = "Baby names 2024\nSource: a survey\nZoe\nname,sex\nemma,F\nliam,M\n"
    path = write(tmp_path / "t.csv", text)
    quoted = "lines 1-3 ('Baby names 2024', 'Source: a survey', 'Zoe'), not rows"
    names, message = loaded(path, names_column="name")
    assert names == ["emma", "liam"] and quoted in message, message
    status, err = train(capsys, path)
    assert status == 0 and err.count(quoted) == 1, err


def test_a_lone_subtitle_is_refused_and_a_name_in_a_title_said_to_be_moved(
    tmp_path, capsys
):
    # A name-like line alone above the header row was refused as "(a title?)",
    # one in a title block left out quoted but not said to read as a name.
    path = write(tmp_path / "o.csv", "Ohio\nname,count\nemma,5\nliam,3\n")
    refusal = "'Ohio', which is not a row of the table; it reads as a name, not a "
    with pytest.raises(ValueError, match=re.escape(refusal)):
        load_names(path, names_column="name")
    status, err = train(capsys, path)
    assert status != 0 and refusal + "title, so it is not left out. If it" in err
    path = write(tmp_path / "m.csv", "Baby names 2024\nZoe\nname,count\nemma,5\n")
    note = "left out ('Zoe' reads as a name: if it is one, move it below the header"
    names, message = loaded(path, names_column="name")
    assert names == ["emma"] and note in message, message
    status, err = train(capsys, path)
    assert status == 0 and err.count(note) == 1, err


def test_a_wrong_counts_column_of_a_titled_table_names_its_header_row(tmp_path, capsys):
    # The error quoted the title left out as the header row.
    path = write(
        tmp_path / "t.csv", "Baby names 2024,,\n,,\nname,sex,count\nemma,F,5\n"
    )
    status, err = train(capsys, path, "--counts", "xyz")  # no guess: the header
    error = err[err.index("error:") :]
    assert status != 0 and "['name', 'sex', 'count']" in error, err
    assert "Baby names" not in error, err


def test_the_looks_like_a_table_warning_of_a_titled_table_quotes_its_header(tmp_path):
    path = write(tmp_path / "t.csv", "Baby names 2024\nname,count\nemma,5\nliam,3\n")
    names, message = loaded(path)
    assert "a header row 'name,count' with a column 'name'" in message, message
    assert "a header row 'Baby names 2024'" not in message


def test_a_list_with_a_comma_line_is_no_titled_table(tmp_path, capsys):
    path = write(tmp_path / "list.txt", "Zoë\nName, Anna\nJosé\nSmith, Bob\nAnn\n")
    names, message = loaded(path)
    assert names[1] == "Name, Anna" and message == ""
    status, err = train(capsys, path)
    assert status == 0 and "header row" not in err, err


@pytest.mark.parametrize("flags", [[], ["--names-column", "name"]])
def test_blank_lines_above_the_header_are_skipped(tmp_path, capsys, flags):
    path = write(tmp_path / "b.csv", "\n \nname,gender\nasha,F\nravi,M\n")
    status, err = train(capsys, path, *flags)
    assert status == 0, err
    assert load_names(path, names_column="name") == ["asha", "ravi"]
    names, counts = load_names(
        write(tmp_path / "c.csv", "\nname,count\nasha,3\n"),
        names_column="name",
        counts_column="count",
    )
    assert names == ["asha"] and counts.tolist() == [3.0]


def test_a_header_in_decomposed_unicode_is_found(tmp_path, capsys):
    path = write(tmp_path / "n.csv", "Pre\u0301nom;Sexe\nZoë;F\nJosé;M\n")
    assert load_names(path, names_column="Pr\u00e9nom") == ["Zoë", "José"]
    status, err = train(capsys, path)
    assert status == 0 and "read its column 'Pre\u0301nom'" in err, err
    status, err = train(capsys, path, "--names-column", "Pr\u00e9nom")
    assert status == 0, err


@pytest.mark.parametrize("header", ["Full name", "Baby Name", "Name:", "Name (first)"])
def test_a_one_column_header_saying_name_is_a_header(tmp_path, capsys, header):
    path = write(tmp_path / "n.csv", f"{header}\nasha\nravi\n")
    names, message = loaded(path)
    assert f"a header row {header!r}" in message, message
    status, err = train(capsys, path)
    assert status == 0 and f"starts with the header {header!r}" in err, err


def test_a_one_column_title_with_digits_stays_a_name(tmp_path):
    path = write(tmp_path / "n.csv", "Names 2024\nasha\nravi\n")
    names, message = loaded(path)  # no header; told it may be a title
    assert names == ["Names 2024", "asha", "ravi"] and "header" not in message
    assert "'Names 2024', is read as a name" in message, message


TITLED_COUNTS = "Baby names 2024\nname,count\nZoe,5\nJose,3\n"


def test_a_misspelt_names_column_of_a_titled_table_names_its_header_row(
    tmp_path, capsys
):
    # The error called the title the header row: "The first row (the header)
    # of 't.csv' is 'Baby names 2024', with no column 'nmae'".
    path = write(tmp_path / "t.csv", TITLED_COUNTS)
    told = "has its header row 'name,count' (with the column of names 'name') on line 2"
    with pytest.raises(ValueError) as caught:
        load_names(path, names_column="nmae")
    error = str(caught.value)
    assert told in error and "'Baby names 2024'" in error, error
    assert "no column 'nmae' (did you mean 'name'?)" in error, error
    assert "first row" not in error and "header=None" not in error, error
    # Not raised while handling the old error: the traceback showed it first.
    assert caught.value.__suppress_context__ and caught.value.__cause__ is None
    status, err = train(capsys, path, "--names-column", "nmae")
    assert status != 0 and told in err and "first row" not in err, err
    assert "(did you mean --names-column name?)" in err, err  # the CLI's words
    status, err = train(capsys, path, "--names-column", "nmae", "--labels", "count")
    error = err[err.index("error:") :]
    assert status != 0 and "(did you mean --names-column name?)" in error, err
    status, err = train(capsys, path, "--names-column", "xyz", "--labels", "count")
    error = err[err.index("error:") :]  # no guess: the header row, where it is
    assert status != 0 and "header row (line 2) is ['name', 'count']" in error, err


def test_a_wrong_counts_column_below_a_title_names_its_line_in_python_too(
    tmp_path, capsys
):
    # Both interfaces said "first row (the header)" of a header on line 2.
    path = write(tmp_path / "t.csv", TITLED_COUNTS)
    with pytest.raises(ValueError) as caught:
        loaded(path, names_column="name", counts_column="xyz")  # no guess
    error = str(caught.value)
    assert error.startswith("counts_column='xyz' is not a column ")
    assert "first" not in error
    assert "(beside the names 'name') of " in error, error
    assert "whose header row (line 2) is ['name', 'count']:" in error, error
    for flags in (["--counts", "xyz"], ["--labels", "count", "--counts", "xyz"]):
        status, err = train(capsys, path, *flags)
        error = err[err.index("error:") :]
        assert status != 0 and "first row" not in error, (flags, err)
        assert "whose header row (line 2) is ['name', 'count']:" in error, (flags, err)


def test_a_near_miss_is_never_the_column_of_names_or_labels(tmp_path, capsys):
    # "(did you mean 'name'?)" was offered for the counts beside the names
    # 'name' (and --names-column sex beside --labels sex): refused next.
    path = write(tmp_path / "p.csv", "name,sex,count\nZoe,F,5\nJose,M,3\n")
    with pytest.raises(ValueError) as caught:
        load_names(path, names_column="name", counts_column="nam")
    assert "did you mean" not in str(caught.value), caught.value
    for flags in (["--counts", "nam"], ["--labels", "sex", "--names-column", "sx"]):
        status, err = train(capsys, path, *flags)
        assert status != 0 and "did you mean" not in err, (flags, err)
    status, err = train(capsys, path, "--labels", "sex", "--names-column", "nmae")
    assert status != 0 and "(did you mean --names-column name?)" in err, err


def told_title(path, line):
    return f"Line {line} of {path!r}, 'Baby names 2024', is read as a name"


LISTS = [  # the text, the line of its title
    ("Baby names 2024\nZoe\nJose\nMary Ann\n", 1),
    ("\n\nBaby names 2024\r\nZoe\r\nJose\r\n", 3),
    ("\ufeffBaby names 2024\nZoe\nJose\n", 1),
]


@pytest.mark.parametrize(("text", "line"), LISTS)
def test_a_title_line_above_a_list_of_names_is_told_with_its_line(
    tmp_path, capsys, text, line
):
    # It was read as a name without a word (with alphabet='auto', trained on);
    # then said to be "The first line" when blank lines were above it.
    path = write(tmp_path / "list.txt", text)
    names, message = loaded(path)
    assert names[0] == "Baby names 2024" and told_title(path, line) in message
    assert "and no name below it has a digit: if it is a title, delete" in message
    status, err = train(capsys, path)
    assert status == 0 and err.count(told_title(path, line)) == 1, err


@pytest.mark.parametrize(
    "text",
    [
        "Zoe\nMary Ann\n",
        "Baby names 2024\nZoe\nR2 D2\n",
        "Agent 7\nZoe\n",
        "Mary Ann 2\nZoe\n",
        "R2 D2\nZoe\n",
        "Anna 2.0\nZoe\n",
        "Jean 3 Paul\nZoe\n",
        "Louis 14\nZoe\n",
        "Baby names 2024\n",
    ],
)
def test_a_name_with_a_digit_is_not_told_as_a_title(tmp_path, text):
    # A digit anywhere in a first name of two words was enough (R2 D2).
    assert loaded(write(tmp_path / "ok.txt", text))[1] == "", text


def test_a_title_line_is_told_once_by_each_reader(tmp_path, capsys):
    # Chunked and resumed trainings read the file twice or more.
    path = write(tmp_path / "list.txt", "Baby names 2024\nZoe\nJose\nEmma\n")
    for flags in (
        [
            "--alphabet",
            "auto",
            "--max-iter",
            "1",
            "--chunk-size",
            "1",
            "-o",
            "m.skops",
            "--hidden-layer-sizes",
            "4",
        ],
        [
            "--resume",
            "m.skops",
            "--max-iter",
            "2",
            "--chunk-size",
            "2",
            "-o",
            "r.skops",
        ],
    ):
        status = main(["train", path, *flags])
        err = capsys.readouterr().err
        assert status == 0 and err.count(told_title(path, 1)) == 1, (flags, err)
    labels = write(tmp_path / "labels.txt", "sex\nX\nF\nM\nF\n")
    names = write(tmp_path / "n.txt", "name\nBaby names 2024\nZoe\nJose\nEmma\n")
    status, err = train(capsys, names, "--labels", labels)  # its line 2
    assert status == 0 and err.count(told_title(names, 2)) == 1, err
    pipe = make_default_pipeline(random_state=0).set_params(
        windows__alphabet="auto", clf__hidden_layer_sizes=(4,), clf__max_iter=1
    )
    for epochs, kwargs in ((1, {"chunk_size": 1}), (2, {"resume": True})):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pipe = train_from_file(
                path, pipe.set_params(clf__max_iter=epochs), **kwargs
            )
        told = [w for w in caught if "is read as a name" in str(w.message)]
        assert len(told) == 1 and told_title(path, 1) in str(told[0].message)
        assert issubclass(told[0].category, CommentLinesWarning)  # for --resume


def test_the_title_line_rule_looks_at_the_same_lines_in_each_reader(tmp_path):
    # load_names looked at the next 1,000 names, train_from_file at its
    # first 1,001 lines, blank ones included: the two told apart; and "no
    # name below it has a digit" was said of names it had not looked at.
    text = "Baby names 2024\n" + "\n" * 10 + "zoe\n" * 990 + "r2 d2\n" * 20
    path = write(tmp_path / "long.txt", text)
    said = "and no name below it on the first 1,001 lines has a digit"
    assert said in loaded(path)[1]
    pipe = make_default_pipeline(random_state=0).set_params(
        windows__alphabet="auto", clf__hidden_layer_sizes=(4,), clf__max_iter=1
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        train_from_file(path, pipe, chunk_size=500)
    told = [str(w.message) for w in caught if "is read as a name" in str(w.message)]
    assert len(told) == 1 and said in told[0], told


@pytest.mark.parametrize("start", [0, 1])
def test_a_column_of_row_numbers_is_offered_as_nothing(tmp_path, capsys, start):
    rows = "".join(
        f"{start + i},{n},{g},{c}\n"
        for i, (n, g, c) in enumerate(
            [("asha", "F", 7), ("ravi", "M", 2), ("meena", "F", 5)]
        )
    )  # two labels: a column of one is offered as nothing either
    path = write(tmp_path / "n.csv", "id,name,gender,count\n" + rows)
    status, err = train(capsys, path)
    assert status == 0 and "--counts count" in err and "--labels gender" in err, err
    assert "id" not in err.split("read its column")[1], err


BAD_COUNTS = ["1_000", "\u0665", "\uff15", "1e3", "+5", "1e-400", "-0", "0x10"]


@pytest.mark.parametrize("cell", BAD_COUNTS)
def test_a_count_is_digits_as_the_message_says(tmp_path, capsys, cell):
    path = write(tmp_path / "n.csv", f"name,count\nasha,{cell}\nravi,2\n")
    message = f"{re.escape(repr(cell))} in the column 'count' .* with the digits 0 to 9"
    with pytest.raises(ValueError, match=message):
        load_names(path, names_column="name", counts_column="count")
    status, err = train(capsys, path, "--counts", "count")
    assert status != 0 and "written with the digits 0 to 9" in err, err


def test_a_count_beyond_two_to_the_53_is_refused_in_python_too(tmp_path):
    path = write(tmp_path / "n.csv", "name,count\nasha,9007199254740993\n")
    with pytest.raises(ValueError, match="more than 9,007,199,254,740,992"):
        load_names(path, names_column="name", counts_column="count")
    path = write(tmp_path / "m.csv", "name,count\nasha,9007199254740992\n")
    assert load_names(path, names_column="name", counts_column="count")[1][0] == 2**53


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", " "])
def test_a_space_between_thousands_gets_the_hint(tmp_path, space):
    path = write(tmp_path / "n.csv", f"name;count\nasha;17{space}728\n")
    with pytest.raises(ValueError, match="no thousands separators"):
        load_names(path, names_column="name", counts_column="count")


def test_a_tab_inside_a_quoted_name_is_refused(tmp_path, capsys):
    path = write(tmp_path / "n.txt", 'Name\tGender\n"Zoë\tAnn"\tF\nJosé\tM\n')
    with pytest.raises(ValueError, match="Line 2 of .* with a tab in it"):
        load_names(path, names_column="Name")
    status, err = train(capsys, path)
    assert status != 0 and "no name or label holds a tab" in err, err
