"""Review of the reading of tables: lists that only look like tables, clear refusals."""

import warnings

import pytest

from sknextchar import train_from_file
from sknextchar.cli import main
from sknextchar.cli._labelled import (
    names_column_of,
    read_labelled_names,
    read_names_file,
)
from sknextchar.datasets import load_names


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("first", ["Name, Anna", "Nome, Anna", "Name;Anna"])
def test_a_list_whose_first_name_holds_a_comma_stays_a_list(tmp_path, capsys, first):
    # A .txt list of single names: its first line is a name, not a header.
    path = write(tmp_path / "list.txt", f"{first}\nasha\n\nabid\n")
    assert read_names_file(path, training=True) == [first, "asha", "abid"]
    assert names_column_of(path) is None  # the same decision, for --chunk-size
    assert capsys.readouterr().err == ""  # no note about a table
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "looks like a table" warning
        assert load_names(path) == [first, "asha", "abid"]
    # In a .csv file, or with rows that split too, the header still makes a table.
    csv_path = write(tmp_path / "list.csv", f"{first}\nasha\nabid\n")
    assert read_names_file(csv_path) == ["asha", "abid"]
    sep = ";" if ";" in first else ","
    # (a row of one field, abid, between rows: a name; at the end, a footer)
    table = write(tmp_path / "kids.txt", f"{first}\nasha{sep}f\nabid\nomar{sep}m\n")
    assert read_names_file(table) == ["asha", "abid", "omar"]


def test_the_note_on_a_comma_table_in_a_txt_file_says_how_to_keep_lines(
    tmp_path, capsys
):
    # "Surname, Given" on every line, headed by a header-like name: a table, but
    # the note says how to read whole lines, and that way works.
    path = write(tmp_path / "list.txt", "Nome, Anna\nSmith, Bob\nJones, Carl\n")
    assert read_names_file(path) == ["Smith", "Jones"]
    err = capsys.readouterr().err
    assert "if each line is a whole name, commas included, start the file" in err
    path = write(tmp_path / "list.txt", "\nNome, Anna\nSmith, Bob\nJones, Carl\n")
    assert read_names_file(path) == ["Nome, Anna", "Smith, Bob", "Jones, Carl"]
    # A .csv file is a table by its name: no such advice.
    path = write(tmp_path / "kids.csv", "Nome,Anna\nSmith,Bob\n")
    read_names_file(path)
    assert "blank line" not in capsys.readouterr().err


def test_names_column_that_is_the_label_column_is_named_so(tmp_path):
    path = write(tmp_path / "kids.csv", "id,name,label\n1,asha,f\n2,abid,m\n")
    with pytest.raises(ValueError, match=r"--names-column label is also the label"):
        read_labelled_names(path, "label", names_column="label")


def test_chunked_table_with_a_header_only_names_its_column(tmp_path, capsys):
    path = write(tmp_path / "kids.csv", "name,label\n")
    with pytest.raises(ValueError, match=r"names below the header.*'name'"):
        train_from_file(path, chunk_size=10, names_column="name")
    model = str(tmp_path / "m.skops")
    assert main(["train", path, "--chunk-size", "5", "-q", "-o", model]) == 1
    assert "in its column 'name'" in capsys.readouterr().err
