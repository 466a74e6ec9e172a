"""A title line that holds the delimiter (``Baby names; 2024``) above a header
row: read as a title, left out with a warning, when the column of names typed
is a cell of the line below it and not of the title itself."""

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names
from sknextchar.datasets._table_rows import TitleLinesWarning
from sknextchar.datasets._tables import title_of

TITLED = {
    "p8.csv": ("Baby names; 2024\r\nName;Gender\r\nasha;F\r\nravi;M\r\n", "Name"),
    "p7.csv": (
        "Babynamen; Stand 2024\nVorname;Geschlecht\nasha;F\nravi;M\n",
        "Vorname",
    ),
}


@pytest.mark.parametrize("file", sorted(TITLED))
def test_a_title_with_the_delimiter_is_left_out_below_the_typed_column(tmp_path, file):
    text, column = TITLED[file]
    path = tmp_path / file
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.warns(TitleLinesWarning, match="read as its title, left out"):
        assert load_names(path, names_column=column) == ["asha", "ravi"]


def test_the_command_line_reads_the_table_below_such_a_title(tmp_path, capsys):
    text, column = TITLED["p8.csv"]
    path = tmp_path / "p8.csv"
    path.write_text(text, encoding="utf-8", newline="")
    out = tmp_path / "m.skops"
    argv = ["train", str(path), "--names-column", column, "--max-iter", "1"]
    status = main([*argv, "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 0 and out.exists(), err
    assert "read as its title, left out" in err and "--counts" not in err, err


def test_a_row_above_holding_the_typed_column_is_no_title():
    # "Name" is a cell of line 1 too: line 1 may be the header, not a title
    lines = ["Name;Gender\n", "Name;Sex\n", "asha;F\n"]
    assert title_of(lines, "t.csv", "Name") is None
    assert title_of(["Baby names; 2024\n", *lines[1:]], "t.csv", "Name")[0] == 1


def test_a_title_with_the_delimiter_above_names_and_labels(tmp_path):
    text, column = TITLED["p8.csv"]
    path = tmp_path / "p8.csv"
    path.write_text(text, encoding="utf-8", newline="")
    with pytest.warns(TitleLinesWarning, match="read as its title, left out"):
        names, labels = load_names(path, names_column=column, labels_column="Gender")
    assert names == ["asha", "ravi"] and list(labels) == ["F", "M"]
