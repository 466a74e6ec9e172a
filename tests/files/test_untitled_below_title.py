"""A column left without a title in a header row below a title line (``Baby
names 2024,`` above ``name,`` above ``Anna,F``): read by its position in
Python as by its number on the command line, the title left out with its
warning, as a titled column below a title is read."""

import pytest

from sknextchar.datasets import load_names
from tests.files.test_tables_as_exported import ROWS, in_tmp_path, read, write  # noqa: F401

NAMES = [n for n, _, _ in ROWS]
SEXES = [s for _, s, _ in ROWS]
COUNTS = [float(c) for _, _, c in ROWS]
TITLE = "Baby names 2024,,\n"


def below_title(header, *columns):
    rows = "".join(",".join(str(row[i]) for i in columns) + "\n" for row in ROWS)
    return TITLE + header + "\n" + rows


def test_python_reads_an_untitled_column_of_labels_below_a_title():
    # It was refused: "labels_column must be the header ... not its position".
    write("k.csv", below_title("name,,", 0, 1, 2))
    with pytest.warns(UserWarning, match="below line 1"):
        names, labels = load_names("k.csv", labels_column=1)
    assert (names, labels) == (NAMES, SEXES)
    with pytest.warns(UserWarning, match="below line 1"):
        assert read("k.csv", "--labels", "2")[:2] == (NAMES, SEXES)


def test_python_reads_an_untitled_column_of_counts_below_a_title():
    write("k.csv", below_title("name,sex,", 0, 1, 2))
    with pytest.warns(UserWarning, match="below line 1"):
        names, labels, counts = load_names(
            "k.csv", labels_column="sex", counts_column=2
        )
    assert (names, labels, counts.tolist()) == (NAMES, SEXES, COUNTS)
    with pytest.warns(UserWarning, match="below line 1"):
        names, counts = load_names("k.csv", names_column="name", counts_column=2)
    assert (names, counts.tolist()) == (NAMES, COUNTS)
    with pytest.warns(UserWarning, match="below line 1"):
        names, labels, counts = read("k.csv", "--labels", "sex", "--counts", "3")
    assert (names, labels, counts.tolist()) == (NAMES, SEXES, COUNTS)


def test_python_refuses_a_titled_column_below_a_title_by_position():
    write("k.csv", below_title("name,sex,count", 0, 1, 2))
    with pytest.raises(TypeError, match="not its position"):
        load_names("k.csv", labels_column=1)
    with pytest.raises(TypeError, match="not its position"):
        load_names("k.csv", names_column="name", counts_column=2)


def test_python_reads_untitled_columns_below_a_sep_line():
    # Excel's "sep=;" line above the header row: "not its position" (as below
    # a title before), while train --labels 2 --counts 3 read it.
    rows = "".join(f"{n};{s};{c}\n" for n, s, c in ROWS)
    write("k.csv", "sep=;\nname;;\n" + rows)
    names, labels, counts = load_names("k.csv", labels_column=1, counts_column=2)
    assert (names, labels, counts.tolist()) == (NAMES, SEXES, COUNTS)
    assert read("k.csv", "--labels", "2", "--counts", "3")[1] == SEXES
    write("t.csv", "sep=;\nname;sex;count\n" + rows)
    with pytest.raises(TypeError, match="not its position"):
        load_names("t.csv", labels_column=1)


@pytest.mark.parametrize(
    "top, line", [("sep=;\n", 2), ("Baby names 2024;;\n", 2), ("Kids of 2020\n\n", 3)]
)
@pytest.mark.parametrize(
    "given, told",
    [
        ({"labels_column": 1}, "pass the header of its column of labels"),
        ({"names_column": "name", "counts_column": 2}, "one of 'count'"),
        ({"names_column": 0}, "pass names_column='name'"),
    ],
)
def test_a_refused_position_below_a_first_line_names_the_header_row(
    top, line, given, told
):
    # It said "... not its position; got 1." and no more: the first row (the
    # sep line, a title) is not the header row, which was left unnamed.
    rows = "".join(f"{n};{s};{c}\n" for n, s, c in ROWS)
    write("t.csv", top + "name;sex;count\n" + rows)
    with pytest.raises(TypeError) as refused:  # before the file is read
        load_names("t.csv", **given)
    said = str(refused.value)
    assert f"The header row of 't.csv' (line {line}), 'name;sex;count'," in said
    assert told in said and "first row" not in said
