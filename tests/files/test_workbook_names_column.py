"""``load_names`` on a workbook without ``names_column``: a sheet with a header
row is read for its column of names, by the command line's rule (a row's cells
joined by tabs are never a name), and the messages number its rows as rows."""

import warnings

import pytest

from sknextchar.datasets import load_names
from tests._workbooks import written_csv, written_workbook

openpyxl = pytest.importorskip(
    "openpyxl", reason='workbooks need openpyxl: pip install "sknextchar[excel]"'
)

ROWS = [
    ["name", "sex", "year", "count"],
    ["Chloé", "F", 2000, 142],
    [None, "M", 2000, 7],
    ["Noah", "M", 2000, 40],
    [None, "F", 2001, 9],
    ["Emma", "F", 2001, 120],
]


def test_a_sheet_with_a_header_row_is_read_for_its_column_of_names(tmp_path):
    book = written_workbook(tmp_path / "babies.xlsx", ROWS)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        names = load_names(book)
        table = load_names(
            written_csv(tmp_path / "babies.csv", ROWS), names_column="name"
        )
    assert names == ["Chloé", "Noah", "Emma"] == table
    told = [str(w.message) for w in caught]
    assert not any("looks like a table" in m or "\t" in m for m in told), told


def test_the_column_is_the_command_lines_given_names_before_name(tmp_path):
    rows = [["Name", "Vorname", "Jahr"], ["Müller", "Anna", 1990], ["Kaya", "Emre", 91]]
    assert load_names(written_workbook(tmp_path / "namen.xlsx", rows)) == [
        "Anna",
        "Emre",
    ]


def test_a_one_column_sheet_without_a_header_is_still_one_name_a_row(tmp_path):
    rows = [["Asha"], ["Ravi"], ["Zoë"]]
    assert load_names(written_workbook(tmp_path / "k.xlsx", rows)) == [
        "Asha",
        "Ravi",
        "Zoë",
    ]


def test_rows_left_out_are_numbered_as_rows_of_a_sheet(tmp_path):
    book = written_workbook(tmp_path / "babies.xlsx", ROWS)
    with pytest.warns(UserWarning, match=r"are left out \(rows 3 and 5\)\.$"):
        load_names(book, names_column="name")
    with pytest.warns(UserWarning, match=r"are left out \(rows 3 and 5\)\.$"):
        load_names(book)
    table = written_csv(tmp_path / "babies.csv", ROWS)
    with pytest.warns(UserWarning, match=r"are left out \(lines 3 and 5\)\.$"):
        load_names(table, names_column="name")


def test_a_sheet_without_a_header_row_warns_of_whole_rows(tmp_path):
    rows = [[f"Name{chr(97 + i)}", "F", 2000 + i] for i in range(6)]
    with pytest.warns(UserWarning, match="so each whole row is a name"):
        load_names(written_workbook(tmp_path / "k.xlsx", rows))
