"""A table without a header row is as wide as the widest of its first rows,
not as its first row alone (``Emma,F`` above ``Liam,M,19837``)."""

import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

SHORT_FIRST = "Emma,F\nLiam,M,19837\nOlivia,F,17921\n"


@pytest.fixture
def short_first(tmp_path):
    path = tmp_path / "yob.txt"
    path.write_text(SHORT_FIRST, encoding="utf-8")
    return str(path)


def test_a_column_missing_from_the_first_row_is_a_column(short_first):
    # The count missing from line 1 is told, not the column refused.
    with pytest.raises(ValueError, match="Line 1 of .* has nothing in the") as told:
        load_names(short_first, header=None, names_column=0, counts_column=2)
    assert "is not a column" not in str(told.value)
    with pytest.raises(ValueError, match="widest row among its first 3 lines has 3"):
        load_names(short_first, header=None, names_column=0, counts_column=3)


def test_the_command_line_reads_the_widest_row(short_first, tmp_path, capsys):
    argv = ["train", short_first, "--no-header", "--names-column", "1"]
    argv += ["--counts", "3", "--model", "kneser-ney", "-o", str(tmp_path / "m")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "Line 1 of" in err and "is not a column" not in err


def test_a_wider_row_further_down_is_not_told_of_a_header(tmp_path):
    path = tmp_path / "yob.txt"
    path.write_text("Emma,F,3\n" * 1001 + "Liam,M,4,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Line 1002 of .* more than the 3 of its") as e:
        load_names(path, header=None, names_column=0)
    assert "header" not in str(e.value)
