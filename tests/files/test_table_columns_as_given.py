"""Tables read wrong or told in long messages: rows whose fields vary in number
at another delimiter than the header's, a header with thousands of twin
columns, a ``names_column`` given as a position, a column of one label far
down a long file offered as ``--labels``."""

import os
import re

import pytest

from sknextchar import train_from_file
from sknextchar.cli import main
from sknextchar.cli._labelled import read_names_file
from sknextchar.datasets import load_names
from sknextchar.datasets._table_rows import check_one_column

KN = ["--model", "kneser-ney", "--alphabet", "auto", "--context-length", "2", "-q"]


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("suffix", [".csv", ".txt"])
def test_rows_of_varying_fields_at_another_delimiter_are_refused(
    tmp_path, capsys, suffix
):
    # Each row used to be read as one name, its semicolons included.
    path = write(tmp_path / f"kids{suffix}", "name,label\nAnna;F;3\nRavi;M\nZoë;F\n")
    said = "every row has 2 to 3 fields between semicolons (the first: 'Anna', 'F'"
    with pytest.raises(ValueError, match=re.escape(said)) as error:
        load_names(path, names_column="name")
    assert "(name;label;column3)" in str(error.value)
    with pytest.raises(ValueError, match=re.escape(said)):
        list(train_from_file(path, names_column="name", chunk_size=2))
    for flags in ([], ["--labels", "label"], ["--names-column", "name"]):
        assert main(["train", path, *KN, "-o", str(tmp_path / "m"), *flags]) == 1
        assert said in capsys.readouterr().err
    # A few rows of one field among them: still refused, counted.
    path = write(tmp_path / "few.csv", "name,label\nAnna;F;3\nRavi;M\nZoë\n")
    with pytest.raises(ValueError, match="2 of the 3 rows have 2 to 3 fields"):
        load_names(path, names_column="name")


def test_rows_split_at_the_headers_delimiter_are_read_as_before(tmp_path):
    path = write(tmp_path / "ok.csv", "name,label\nAnna,F\nRavi;M\nZoë,F;x\n")
    assert load_names(path, names_column="name") == ["Anna", "Ravi;M", "Zoë"]


def test_thousands_of_twin_columns_are_listed_cut():
    header = ["name"] * 3000 + ["label"]
    with pytest.raises(ValueError) as error:
        check_one_column(header, 0, "'wide.csv'")
    said = str(error.value)
    assert "has 3,000 columns headed 'name' (columns 1-3000 of its" in said  # a run
    assert len(said) < 400
    with pytest.raises(ValueError, match=r"\(columns 1 and 3 of its header row\)"):
        check_one_column(["name", "x", "Name"], 0, "'kids.csv'")


@pytest.mark.parametrize(
    "text, said",
    [
        (
            "name,label\nAnna,F\n",
            "'name,label', has 2 columns: pass names_column='name'",
        ),
        (
            "a;b\nAnna;F\n",
            "'a;b', has no usual header of names (such as 'name'). If it is a "
            "header row, pass the header of its column of names, one of 'a', 'b'",
        ),  # fmt: skip
        ("Anna\nRavi\n", "if it is a name, pass names_column=None"),
    ],
)
def test_a_names_column_given_as_a_position_says_what_to_pass(tmp_path, text, said):
    path = write(tmp_path / "kids.csv", text)
    start = "names_column must be the header of the column of names (a str) or None, "
    start += "not its position; got 5. The first row of "
    for read in (
        lambda: load_names(path, names_column=5),
        lambda: train_from_file(path, names_column=5, chunk_size=2),
        lambda: load_names(path, names_column=5, counts_column="label"),
    ):
        with pytest.raises(TypeError) as error:
            read()
        assert str(error.value).startswith(start)
        assert said in str(error.value)


@pytest.mark.parametrize(
    "text, said",
    [
        (
            "Emma,F,18688\nLiam,M,19837\n",
            "If it is a row of data (the file has no header row), pass header=None "
            "and the positions of its columns, counted from 0: header=None, "
            "names_column=0, counts_column=2.",
        ),
        (
            "name,sex,count\nEmma,F,5\n",
            "has 3 columns: pass the header of its column of counts, one of "
            "'count'. Column 2 is 'count' counted from 0 (counts_column='count'",
        ),
    ],
)
def test_a_counts_column_given_as_a_position_says_what_to_pass(tmp_path, text, said):
    # It said only "... (a str) or None; got 2", where names_column=0 on the
    # same file without a header row offers header=None and the positions.
    path = write(tmp_path / "yob.txt", text)
    start = "counts_column must be the header of a column of counts (a str) or "
    start += "None, not its position; got 2. The first row of "
    for read in (
        lambda: load_names(path, counts_column=2),
        lambda: load_names(path, names_column="name", counts_column=2),
        lambda: train_from_file(path, names_column="name", counts_column=2),
    ):
        with pytest.raises(TypeError) as error:
            read()
        assert str(error.value).startswith(start)
        assert said in str(error.value)


@pytest.mark.parametrize(
    "text, offered_too",
    [
        ("Baby names; 2024\nName;Gender\nasha;F\nravi;M\n", False),
        ("Baby names; 2024\nasha;3\nravi;5\n", True),
    ],
)
def test_a_headerless_counts_position_offers_only_a_column_of_numbers(
    tmp_path, text, offered_too
):
    # Below a title with a semicolon it offered counts_column='2024' in the
    # "if it is a header row" reading, over a column of F and M.
    path = write(tmp_path / "p8.csv", text)
    with pytest.raises(TypeError) as error:
        load_names(path, counts_column=1)
    said = str(error.value)
    assert "If it is a header row" in said, said
    assert ("counts_column='2024'" in said) is offered_too, said
    assert ("one of '2024'" in said) is offered_too, said
    assert "counts_column='Baby names'" not in said, said


def offered(path, capsys, **kwargs):
    """The columns that train's note offers as --labels."""
    read_names_file(path, training=True, **kwargs)
    note = capsys.readouterr().err
    if "pass --labels " not in note:
        return ""
    offer = note.split("pass --labels ")[1].split(";")[0].rstrip(".\n")
    return offer.removeprefix("COLUMN (one of ").removesuffix(")")


def test_a_column_of_one_label_far_down_a_long_file_is_not_offered(tmp_path, capsys):
    # Past the first 1,000 lines, every column used to be offered as --labels,
    # and 'land' (one label) was then refused by train --labels land.
    rows = [f"n{i % 26 * 'a'}b,F,IN,{i % 3}\n" for i in range(1200)]
    rows[1100] = "zoe,M,IN,0\n"  # the one M: a name of count 0
    rows[1150] = "eva, F\u0301 ,IN,2\n"  # F and an accent: another label too
    path = write(tmp_path / "kids.csv", "name,sex,land,n\n" + "".join(rows))
    assert offered(path, capsys) == "sex"
    assert offered(path, capsys, counts="n") == "sex"  # F́
    rows[1150] = "eva, F ,IN,2\n"
    path = write(tmp_path / "kids.csv", "name,sex,land,n\n" + "".join(rows))
    assert offered(path, capsys) == "sex"
    assert offered(path, capsys, counts="n") == ""  # the M is of count 0
    rows[1199] = "bo,F,PK,1\n"
    path = write(tmp_path / "kids.csv", "name,sex,land,n\n" + "".join(rows))
    assert offered(path, capsys) == "'sex', 'land'"


def test_a_column_with_a_blank_label_far_down_a_long_file_is_not_offered(
    tmp_path, capsys
):
    # Two labels in the first 1,000 lines, a name without one on line 1102:
    # 'sex' was offered as --labels, which train --labels sex then refused.
    rows = [f"n{i % 26 * 'a'}b,{'FM'[i % 2]},{'IP'[i % 3 == 0]}\n" for i in range(1200)]
    path = write(tmp_path / "kids.csv", "name,sex,land\n" + "".join(rows))
    assert offered(path, capsys) == "'sex', 'land'"
    rows[1100] = "zoe, ,I\n"
    path = write(tmp_path / "kids.csv", "name,sex,land\n" + "".join(rows))
    assert offered(path, capsys) == "land"
    assert main(["train", path, "--labels", "sex", *KN, "-o", str(tmp_path / "m")])
    assert (
        "has the name 'zoe' but no label in the column 'sex'" in capsys.readouterr().err
    )
    rows[1100] = ",,\n"  # a blank row: no name, nothing to label
    path = write(tmp_path / "kids.csv", "name,sex,land\n" + "".join(rows))
    assert offered(path, capsys) == "'sex', 'land'"


def test_a_names_column_not_a_header_is_refused_before_the_file_is_read(
    tmp_path, monkeypatch
):
    # The refusal used to come after the whole file was read (seconds and
    # hundreds of megabytes for a large file): only its first lines are read.
    from sknextchar import _name_chunks
    from sknextchar.datasets import _base

    def whole(*args, **kwargs):
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(_base, "read_text", whole)
    monkeypatch.setattr(_name_chunks, "file_lines", whole)
    path = write(tmp_path / "kids.csv", "name,sex\nAnna,F\n")
    for read in (load_names, train_from_file):
        with pytest.raises(TypeError, match="got 5. The first row of .* 'name,sex'"):
            read(path, names_column=5)
        # As before: names_column is refused first, before the file is known
        # to exist, and before counts_column.
        with pytest.raises(TypeError, match=r"^names_column .* got 5\.$"):
            read(str(tmp_path / "nope.csv"), names_column=5)
        with pytest.raises(TypeError, match="^names_column .* got 0. The first"):
            read(path, names_column=0, counts_column=1)


def refusal(tmp_path, text, names_column):
    path = write(tmp_path / "kids.csv", text)
    with pytest.raises(TypeError) as error:
        load_names(path, names_column=names_column)
    return str(error.value)


def test_a_bool_names_column_is_not_called_a_position(tmp_path):
    said = refusal(tmp_path, "name,sex\nAnna,F\n", True)
    assert "position" not in said
    assert "or None; got True, a bool, not a header. The first row" in said


def test_a_position_is_offered_as_the_headers_it_can_mean(tmp_path):
    said = refusal(tmp_path, "id,first,last\n1,Ann,Lee\n", 1)
    assert (
        "one of 'id', 'first', 'last'. Column 1 is 'first' counted from 0 "
        "(names_column='first' reads it), 'id' counted from 1 (names_column='id' "
        "reads it). If it is a row of data"
    ) in said
    said = refusal(tmp_path, "id,first,last\n1,Ann,Lee\n", 3)  # from 1 only
    assert (
        "Column 3 is 'last' counted from 1 (names_column='last' reads it). If"
    ) in said
    assert "Column" not in refusal(tmp_path, "id,first,last\n1,Ann,Lee\n", 9)
    # The column of names found is offered once, not again as a position.
    said = refusal(tmp_path, "id,name\n1,Ann\n", 1)
    assert said.endswith(
        "pass names_column='name'. Column 1 is 'id' counted from 1 "
        "(names_column='id' reads it)."
    )


def test_a_header_with_a_twin_is_not_offered(tmp_path):
    # names_column='name' would be refused: two columns are headed so.
    said = refusal(tmp_path, "name,Name,label\nAnn,Lee,F\n", 1)
    assert "names_column='name'" not in said and "names_column='Name'" not in said
    assert "has 2 columns headed 'name' (columns 1 and 2 of its header row)" in said
    assert "give each column a header of its own" in said
    said = refusal(tmp_path, "a;A;b\nAnn;Lee;F\n", 2)
    assert "one of 'b'. Column 2 is 'b' counted from 0" in said
    assert "'A' counted from 1" not in said


def test_a_first_row_that_is_no_header_is_not_described(tmp_path):
    # A title above the header row, a "sep=;" line: the message does not take
    # them for the header; it names the header row below them, by its line.
    for text in ("Names of 2020\nname,sex\nAnn,F\nBo,M\n", "sep=;\nname;sex\nAnn;F\n"):
        said = refusal(tmp_path, text, 1)
        assert "first row" not in said and "(line 2), 'name" in said
    import numpy as np

    said = refusal(tmp_path, "id,first,last\n1,Ann,Lee\n", np.int64(2))
    assert "Column 2 is 'last' counted from 0" in said


def test_the_header_of_a_one_column_table_is_offered_not_read_as_a_name(tmp_path):
    # The advice for a recognised header alone on its row was names_column=None,
    # which reads the header 'name' as a name.
    said = refusal(tmp_path, "name\nAnna\nBo\n", 0)
    assert "'name', has 1 column: pass names_column='name'." in said
    assert "names_column=None" not in said
    assert load_names(tmp_path / "kids.csv", names_column="name") == ["Anna", "Bo"]
    # One field not known as a header: a header, or a name; both are said.
    path = write(tmp_path / "kids.txt", "First Name\nAnna\nBo\n")
    with pytest.raises(TypeError) as error:
        load_names(path, names_column=0)
    assert (
        "'First Name', is one field, not a usual header of names (such as 'name'). "
        "If it heads the names below it, pass names_column='First Name'; if it is "
        "a name, pass names_column=None to read one name per line."
    ) in str(error.value)


@pytest.mark.parametrize(
    "name, text, example",
    [
        ("nohead.csv", "Anna,F\nBo,M\nCy,M\n", "'name,label'"),
        ("commas.txt", "Smith, Anna\nLee, Bo\n", "'name,label'"),
        (
            "wide.csv",
            "Anna;F;IN;3;x\nBo;M;PK;1;y\n",
            "'name;column2;column3;column4;...'",
        ),
    ],
)
def test_a_first_row_of_data_is_not_offered_only_as_a_header(
    tmp_path, name, text, example
):
    # Its cells were offered as headers: names_column='Anna' then dropped Anna.
    path = write(tmp_path / name, text)
    with pytest.raises(TypeError) as error:
        load_names(path, names_column=0)
    said = str(error.value)
    first = text.splitlines()[0]
    assert f"{first!r}, has no usual header of names (such as 'name'). " in said
    assert ". If it is a header row, pass the header of its column of names" in said
    assert (
        "If it is a row of data (the file has no header row), pass header=None "
        "and the positions of its columns, counted from 0: header=None, "
        "names_column=0; or pass names_column=None to read each whole line as a "
        "name."
    ) in said
    # Followed: the names are the first column, the first row's too.
    rows = [re.split("[,;]", line) for line in text.splitlines()]
    assert load_names(path, header=None, names_column=0) == [r[0] for r in rows]
    assert len(rows[0]) == len(re.split("[,;]", example.strip("'")))


def test_a_pipe_is_not_opened_to_name_the_columns(tmp_path, monkeypatch):
    # Opening a FIFO waits for a writer: the refusal of names_column must not.
    from sknextchar.datasets import _base

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFO on this system")

    def opened(*args, **kwargs):
        raise AssertionError("a pipe was opened")

    monkeypatch.setattr(_base, "open_lines", opened)
    fifo = tmp_path / "names.csv"
    os.mkfifo(fifo)
    with pytest.raises(TypeError, match=r"^names_column .* got 5\.$"):
        load_names(fifo, names_column=5)
    with pytest.raises(AssertionError, match="a pipe was opened"):  # a file is
        load_names(write(tmp_path / "kids.csv", "name\nAnna\n"), names_column=5)


def test_names_column_is_refused_before_an_encoding_not_a_str(tmp_path):
    # The encoding's TypeError came first when the file existed, last when not.
    path = write(tmp_path / "kids.csv", "name,sex\nAnna,F\n")
    for where in (path, tmp_path / "nope.csv"):
        for read in (load_names, train_from_file):
            with pytest.raises(TypeError, match=r"^names_column .* got 5\.$"):
                read(where, names_column=5, encoding=None)
    with pytest.raises(TypeError, match="^encoding must be"):
        load_names(path, names_column="name", encoding=None)


@pytest.mark.parametrize("path", ["descriptor", None, 1.5, 10**30])
def test_a_path_that_is_no_path_is_neither_read_nor_closed(tmp_path, path):
    # The header row named in the message of names_column is read only from a
    # path: a file descriptor would be read and closed (stdin lost for good).
    table = tmp_path / "kids.csv"
    table.write_text("name,label\nanna,f\n", encoding="utf-8")
    descriptor = os.open(table, os.O_RDONLY)
    try:
        given = descriptor if path == "descriptor" else path
        with pytest.raises(TypeError, match=r"^path must be the path of a file \(a"):
            train_from_file(given, names_column=5)
        os.fstat(descriptor)  # still open
        assert os.read(descriptor, 4) == b"name"  # and not read from
    finally:
        os.close(descriptor)
