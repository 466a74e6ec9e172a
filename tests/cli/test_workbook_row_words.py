"""The command line's notes on a workbook number its sheet's rows as rows (a
CSV file's as lines)."""

import contextlib

import pytest

from sknextchar.cli import main
from tests._workbooks import written_csv, written_workbook

openpyxl = pytest.importorskip(
    "openpyxl", reason='workbooks need openpyxl: pip install "sknextchar[excel]"'
)

ROWS = [
    ["name", "sex"],
    ["Chloé", "F"],
    [None, "M"],
    ["Noah", "M"],
    [None, "F"],
    ["Emma", "F"],
    ["Liam", "M"],
]
KN = ["--model", "kneser-ney", "--context-length", "2", "--alphabet", "auto"]


def _workbook(path):
    return written_workbook(path, ROWS)


def _csv(path):
    return written_csv(path, ROWS)


@pytest.mark.slow  # about 1 s for the workbook
@pytest.mark.parametrize(
    "make, word", [(_workbook, "rows"), (_csv, "lines")], ids=["xlsx", "csv"]
)
def test_rows_left_out_are_numbered_in_the_files_words(tmp_path, capsys, make, word):
    path = make(tmp_path / ("babies.xlsx" if word == "rows" else "babies.csv"))
    out = str(tmp_path / "m.skops")
    assert main(["train", path, *KN, "-o", out]) == 0
    err = capsys.readouterr().err
    assert f"are left out ({word} 3 and 5)." in err, err


@pytest.mark.parametrize("sheet", [True, False], ids=["xlsx", "csv"])
def test_the_note_on_a_table_calls_a_sheet_a_sheet(capsys, sheet):
    # A sheet is read as tab-separated text, but a user who saved a workbook
    # knows no tabs: the note calls it a sheet with a header row.
    from sknextchar.cli._column_note import table_note
    from sknextchar.datasets._sheet_rows import sheet_rows
    from sknextchar.datasets._tables import find_table

    lines = ["name\tsex\n", "Chloé\tF\n", "Noah\tM\n"]
    with sheet_rows() if sheet else contextlib.nullcontext():
        table_note(find_table(lines[0], "babies.tsv"), "babies.xlsx", True, lines=lines)
    err = capsys.readouterr().err
    kind = "a sheet with a header row" if sheet else "tab-separated, with a header"
    assert f"'babies.xlsx' is a table ({kind}): read its column 'name'" in err, err
