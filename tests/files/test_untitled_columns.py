"""Columns a header row leaves without a title, as spreadsheets export them:
a trailing empty column (``name,sex,``; ``name,,`` above ``Anna,F,``), two
untitled columns, and the Python reading of one by its position (counted
from 0, as pandas' ``usecols`` counts)."""

import re

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names
from tests.files.test_tables_as_exported import KN, ROWS, read, write

NAMES = [n for n, _, _ in ROWS]
SEXES = [s for _, s, _ in ROWS]


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def failed(capsys, *argv):
    assert main(["train", *argv, *KN, "-o", "m.skops"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


def labels_then_empty(delimiter=","):
    """``name,,`` above ``Anna,F,``: a spreadsheet's empty last column."""
    d = delimiter
    return f"name{d}{d}\n" + "".join(f"{n}{d}{s}{d}\n" for n, s, _ in ROWS)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_an_empty_untitled_column_leaves_the_other_read_by_its_number(delimiter):
    # It was refused: "--labels 2 is neither a file nor a column of ..."
    write("k.csv", labels_then_empty(delimiter))
    assert read("k.csv", "--labels", "2")[:2] == (NAMES, SEXES)


def test_the_refusal_offers_the_untitled_column_that_has_values(capsys):
    write("k.csv", labels_then_empty())
    err = failed(capsys, "k.csv", "--labels", "sex")
    assert "; its column 2 has no title: --labels 2 reads it." in err, err
    flags = re.search(r"(--labels \d+) reads it", err)[1].split()
    assert read("k.csv", *flags)[1] == SEXES


def test_the_note_offers_the_untitled_column_that_has_values(capsys):
    write("k.csv", labels_then_empty())
    assert read("k.csv") == (NAMES, None, None)
    assert capsys.readouterr().err.endswith("; to train by label, pass --labels 2.\n")


def test_an_empty_column_read_by_its_number_is_said_to_be_empty(capsys):
    write("k.csv", labels_then_empty())
    err = failed(capsys, "k.csv", "--labels", "3")
    assert "no label in column 3" in err and "--labels 2 reads it" in err, err


def test_each_of_two_untitled_columns_is_read_by_its_number(capsys):
    text = "name,,\n" + "".join(f"{n},{s},{c}x\n" for n, s, c in ROWS)
    write("k.csv", text)
    assert read("k.csv", "--labels", "2")[1] == SEXES
    assert read("k.csv", "--labels", "3")[1] == [f"{c}x" for _, _, c in ROWS]
    err = failed(capsys, "k.csv", "--labels", "sex")
    assert "its columns 2 and 3 have no title: --labels 2 or --labels 3" in err, err
    read("k.csv")  # the note guesses neither
    assert "--labels" not in capsys.readouterr().err


def test_a_titled_column_beside_a_trailing_empty_one_is_read_as_before():
    text = "name,sex,\n" + "".join(f"{n},{s},\n" for n, s, _ in ROWS)
    assert read(write("k.csv", text), "--labels", "sex")[:2] == (NAMES, SEXES)
    assert load_names("k.csv", labels_column="sex") == (NAMES, SEXES)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_python_reads_an_untitled_column_by_its_position_from_0(delimiter):
    text = f"name{delimiter}\n" + "".join(f"{n}{delimiter}{s}\n" for n, s, _ in ROWS)
    assert load_names(write("k.csv", text), labels_column=1) == (NAMES, SEXES)
    assert load_names(
        write("e.csv", labels_then_empty(delimiter)), labels_column=1
    ) == (
        NAMES,
        SEXES,
    )


def test_python_reads_an_untitled_column_with_counts():
    text = "name,,count\n" + "".join(f"{n},{s},{c}\n" for n, s, c in ROWS)
    names, labels, counts = load_names(
        write("k.csv", text), labels_column=1, counts_column="count"
    )
    assert (names, labels) == (NAMES, SEXES)
    assert counts.tolist() == [c for _, _, c in ROWS]


def test_python_names_a_row_without_a_label_by_the_position_given():
    write("k.csv", "name,\nAnna,F\nRavi,\nMaria,F\n")
    with pytest.raises(
        ValueError, match=r"no label in its 2nd column \(labels_column=1\)"
    ):
        load_names("k.csv", labels_column=1)


def test_python_refuses_the_position_of_a_titled_column_with_its_title():
    write("k.csv", "name,sex,\nAnna,F,\nRavi,M,\n")
    with pytest.raises(TypeError, match="labels_column='sex' reads it"):
        load_names("k.csv", labels_column=1)


def test_python_refuses_a_position_past_the_untitled_one_saying_it():
    write("k.csv", "name,\nAnna,F\nRavi,M\n")
    with pytest.raises(TypeError, match="no title: labels_column=1 reads it") as e:
        load_names("k.csv", labels_column=2)
    assert "counted from 0" in str(e.value)


def test_python_says_how_to_read_an_untitled_column_to_a_blank_header():
    write("k.csv", "name,\nAnna,F\nRavi,M\n")
    with pytest.raises(ValueError, match="by its position, counted from 0: labels_col"):
        load_names("k.csv", labels_column="")


def test_python_reads_a_numpy_position_and_a_file_object():
    import io

    import numpy as np

    text = "name\t\nAnna\tF\nRavi\tM\n"
    assert load_names(write("k.tsv", text), labels_column=np.int64(1))[1] == ["F", "M"]
    assert load_names(io.StringIO(text), labels_column=1)[1] == ["F", "M"]


@pytest.mark.parametrize("title", ["Baby names 2024,\n", "Baby names 2024,,\n,,\n"])
def test_a_title_with_empty_cells_is_no_header_row_for_a_number(title):
    # `--labels 2` took the title's empty 2nd cell for an untitled column:
    # it trained on the name 'name' with the label 'sex'.
    text = title + "name,sex,\n" + "".join(f"{n},{s},\n" for n, s, _ in ROWS)
    write("k.csv", text)
    with pytest.warns(UserWarning, match="below line"):
        names, labels, _ = read("k.csv", "--labels", "sex")
    assert (names, labels) == (NAMES, SEXES)
    with pytest.warns(UserWarning, match="below line"):
        with pytest.raises(ValueError, match="--labels 2 is neither a file nor"):
            read("k.csv", "--labels", "2")


def test_python_refusal_of_a_position_does_not_deny_the_positions_it_offers():
    # Before: "must be the header ... (a str) or None, not its position; ...
    # labels_column=1 ... reads one": the refusal's first words denied its advice.
    write("k.csv", "name,,\nAnna,F,\nRavi,M,\n")
    with pytest.raises(TypeError) as e:
        load_names("k.csv", labels_column=0)
    said = str(e.value)
    assert said.startswith(
        "labels_column must be the header of the column of labels (a str), the "
        "position of a column left without a title, or None; got 0."
    )
    assert "not its position" not in said and "labels_column=1 reads it" in said


@pytest.mark.parametrize(
    "text, offered",
    [
        ("name,,\nAnna,F,\nRavi,M,\n", "Its column 1, counted from 0, has no title: "),
        ("name,,\nAnna,,F\nRavi,,M\n", "Its column 2, counted from 0, has no title: "),
        ("name,sex,\nAnna,F,3\nRavi,M,5\n", ""),  # counts: no labels
    ],
)
def test_python_offers_only_the_untitled_columns_with_labels(text, offered):
    # It offered "labels_column=1 or labels_column=2 reads one" for either
    # table, though one column was empty; the command line offers the other.
    write("k.csv", text)
    with pytest.raises(TypeError) as e:
        load_names("k.csv", labels_column=0)
    said = str(e.value)
    assert " or labels_column=" not in said, said
    if not offered:
        assert "no title" not in said, said
        return
    assert offered in said, said
    given = int(re.search(r"labels_column=(\d) reads it", said)[1])
    assert load_names("k.csv", labels_column=given)[1] == ["F", "M"]  # it works


def test_python_says_an_empty_column_read_by_its_position_is_empty(capsys):
    # labels_column=2 said only which rows had no label; --labels 3 added that
    # the column has none on any row, and which untitled column has them.
    write("k.csv", labels_then_empty())
    with pytest.raises(ValueError) as e:
        load_names("k.csv", labels_column=2)
    said = str(e.value)
    assert "Its column 2, counted from 0, has no label on any row" in said, said
    at = int(re.search(r"(?<=labels_column=)(\d) reads it", said)[1])
    assert load_names("k.csv", labels_column=at) == (NAMES, SEXES)
    err = failed(capsys, "k.csv", "--labels", "3")
    assert "Column 3 has no label on any row" in err, err


def test_a_column_with_labels_on_some_rows_is_not_said_to_be_empty(capsys):
    write("k.csv", "name,,\nAnna,F,\nRavi,M,x\nMaria,F,\n")
    with pytest.raises(ValueError) as e:
        load_names("k.csv", labels_column=2)
    assert "no label on any row" not in str(e.value)
    assert "no label on any row" not in failed(capsys, "k.csv", "--labels", "3")


def test_a_label_on_a_row_without_a_name_is_a_label_of_the_column(capsys):
    # Its one label on a row without a name, column 3 was said to have none.
    write("k.csv", "name,,\n,F,x\nAnna,F,\n")
    assert "no label on any row" not in failed(capsys, "k.csv", "--labels", "3")


@pytest.mark.parametrize(
    "text, offered, cli",
    [
        ("name,\n{}", "; counts_column=1 also returns their counts", "--counts 2"),
        (
            "name,,\n{}",
            "; labels_column=1 also returns their labels, and counts_column=2 "
            "their counts",
            "--labels 2; to weigh each name by how often it occurs, pass --counts 3",
        ),
        (
            "Baby names 2024;;\nname;;\n{}",
            "; labels_column=1 also returns their labels, and counts_column=2 "
            "their counts",
            "--labels 2; to weigh each name by how often it occurs, pass --counts 3",
        ),
        (
            "name,sex,\n{}",
            "; labels_column='sex' also returns their labels, and counts_column=2 "
            "their counts",
            "--labels sex; to weigh each name by how often it occurs, pass --counts 3",
        ),
    ],
)
@pytest.mark.filterwarnings("ignore:.*read as its title")
def test_the_warning_of_a_table_read_as_lines_offers_its_untitled_columns(
    text, offered, cli, capsys
):
    # load_names(path) offered names_column only, while train's note offered
    # --counts 2 (--labels 2 and --counts 3) for the same file.
    d = ";" if "Baby" in text else ","
    rows = "".join(f"{n}{d}{s}{d}{c}\n" for n, s, c in ROWS)
    if text.startswith("name,\n"):
        rows = "".join(f"{n},{c}\n" for n, _, c in ROWS)
    write("k.csv", text.format(rows))
    with pytest.warns(UserWarning, match="looks like a table") as caught:
        load_names("k.csv")
    said = [str(w.message) for w in caught if "looks like a table" in str(w.message)]
    assert f"(a header row is needed{offered}), or use pandas" in said[0], said
    read("k.csv")
    assert cli in capsys.readouterr().err
    # The offered arguments read the columns the note offers.
    given = dict(
        (argument, int(v) if v.isdigit() else v.strip("'"))
        for argument, v in re.findall(r"(\w+_column)=('?\w+'?)", offered)
    )
    got = load_names("k.csv", names_column="name", **given)
    assert got[0] == NAMES and got[-1].tolist() == [float(c) for _, _, c in ROWS]


def test_python_offers_the_untitled_column_a_title_number_hides_from_the_cli():
    # "name,,2" above "Anna,7,F": train's note cannot offer --counts 2 (it reads
    # the column titled 2); Python's position has no such clash.
    write("k.csv", "name,,2\nAnna,7,F\nRavi,8,M\nLena,9,F\n")
    with pytest.warns(UserWarning, match="looks like a table") as caught:
        load_names("k.csv")
    said = next(str(w.message) for w in caught if "looks like" in str(w.message))
    assert (
        "(a header row is needed; labels_column='2' also returns their labels, and "
        "counts_column=1 their counts), or use pandas" in said
    ), said
