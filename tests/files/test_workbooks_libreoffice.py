"""Workbooks written by a spreadsheet program (LibreOffice Calc), not by
openpyxl: read as the CSV file of the same table, and LibreOffice's own
formats refused with how to save them as a workbook that is read.

The files are in ``tests/data/libreoffice/``, written by
``tests/data/make_libreoffice_workbooks.py`` (which needs LibreOffice; the
tests do not): each ``lo_NAME.xlsx`` beside ``lo_NAME.csv``, the same table
as typed in a text file.
"""

import hashlib
import pathlib
import re
import shutil
import warnings
import zipfile

import numpy as np
import pytest

from sknextchar.cli import main
from sknextchar.datasets import load_names

pytest.importorskip(
    "openpyxl", reason='workbooks need openpyxl: pip install "sknextchar[excel]"'
)

DATA = pathlib.Path(__file__).parents[1] / "data" / "libreoffice"
TABLE = dict(labels_column="Sex", counts_column="Count")


def _quietly(path, **arguments):
    """load_names, its warnings (a title above the header) set aside: the
    same for the workbook and its CSV, compared by the tests of tables."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_names(str(path), **arguments)


def _same(read, expected):
    if isinstance(expected, list):
        assert read == expected
        return
    for got, wanted in zip(read, expected, strict=True):
        np.testing.assert_array_equal(np.asarray(got), np.asarray(wanted))


@pytest.mark.parametrize(
    ("book", "arguments"),
    [
        # header, labels, counts: one shown "1,234", one typed as Text ("7");
        # accented and non-Latin names, a cell with a comma, a date column,
        # formula columns, formatted empty rows below the table
        ("lo_table.xlsx", TABLE),
        ("lo_table.xlsm", TABLE),
        ("lo_table.xlsx", dict(names_column="Note")),
        # a CSV file opened in LibreOffice and saved as .xlsx
        ("lo_from_csv.xlsx", TABLE),
        # labels merged over the rows they apply to, a name over its counts
        ("lo_merged.xlsx", TABLE),
        # a name merged over three rows of a list: one name
        ("lo_merged_names.xlsx", {}),
    ],
)
def test_read_as_the_csv_of_the_same_table(book, arguments):
    table = DATA / book.replace(".xlsm", ".xlsx").replace(".xlsx", ".csv")
    expected = _quietly(table, **arguments)
    _same(_quietly(DATA / book, **arguments), expected)


def test_merged_labels_and_names_as_the_sheet_shows_them():
    names, labels, counts = _quietly(DATA / "lo_merged.xlsx", **TABLE)
    assert list(zip(names, labels, counts)) == [
        ("Asha", "F", 3), ("Asha", "F", 4), ("Meera", "F", 2),
        ("Zoë", "F", 1), ("Ravi", "M", 5), ("Arjun", "M", 6),
    ]  # fmt: skip
    assert load_names(str(DATA / "lo_merged_names.xlsx")) == ["Asha", "Ravi"]


def test_formulas_give_the_values_libreoffice_stored():
    # a text result is stored as t="str" (no shared string), a number as a
    # number, a truth value as t="b"
    names = _quietly(DATA / "lo_table.xlsx", names_column="Shout")
    assert names[:3] == ["ASHA", "ZOË", "JOSÉ"]
    doubled = dict(names_column="Name", counts_column="Double")
    assert _quietly(DATA / "lo_table.xlsx", **doubled)[1].tolist()[:3] == [24, 2468, 14]


def test_the_hidden_sheet_is_listed_and_passed_over():
    path = str(DATA / "lo_sheets.xlsx")
    with pytest.warns(
        UserWarning,
        match=r"Read sheet 'Kids' .* \('Kids', 'Lookup' \(hidden\), 'Old'\)",
    ):
        assert load_names(path) == ["Asha", "Ravi", "Zoë", "王芳"]
    assert load_names(path, sheet="Lookup") == ["code", "F"]
    assert load_names(path, sheet=2) == ["Bo"]


@pytest.mark.parametrize(
    ("book", "arguments", "message"),
    [
        ("lo_dates.xlsx", {},
         r"cell A5 of sheet 'Names' of '.*lo_dates.xlsx' holds a date \(2020-01-02\)"),
        ("lo_table.xlsx", dict(names_column="Born"),
         r"cell D2 of sheet 'Names' .* holds a date \(2019-03-04\)"),
    ],
)  # fmt: skip
def test_a_date_cell_read_as_a_name_is_refused(book, arguments, message):
    with pytest.raises(ValueError, match=message):
        _quietly(DATA / book, **arguments)  # warned of first: digits in names


def test_error_values_of_failed_formulas_are_no_labels():
    # LibreOffice stores them as t="e" cells: #N/A, #DIV/0!
    message = (
        r"3 rows of '.*lo_errors.(xlsx|csv)' have a name but no label in the "
        r"column 'Code' \('#N/A', the error value a spreadsheet writes for a "
        r"formula that failed, is no label\): line 2 \('Asha', label '#N/A'\), "
        r"line 3 \('Ravi', label '#DIV/0!'\), line 4"
    )
    for name in ("lo_errors.xlsx", "lo_errors.csv"):
        with pytest.raises(ValueError, match=message):
            load_names(str(DATA / name), labels_column="Code")


def test_an_xlsm_is_read_and_its_macros_never_parsed(tmp_path):
    # The macros (xl/vbaProject.bin) are not read, let alone run.
    path = tmp_path / "macros.xlsm"
    shutil.copy(DATA / "lo_table.xlsm", path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xcc<!DOCTYPE not xml" * 50)
    expected = _quietly(DATA / "lo_table.csv", **TABLE)
    _same(_quietly(path, **TABLE), expected)


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("lo_names.ods", r"a LibreOffice \(OpenDocument\) spreadsheet \(\.ods\)"),
        ("lo_names.fods", r"a flat OpenDocument file \(\.fods, LibreOffice\)"),
    ],
)
def test_libreoffices_own_formats_are_refused_with_how_to_save(
    tmp_path, capsys, name, what
):
    path = tmp_path / name
    shutil.copy(DATA / name, path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    advice = (
        r"not a text file of names: open it in LibreOffice Calc and save it as "
        r"an Excel workbook or a CSV file \(File > Save As\.\.\., file type "
        r"'Excel 2007-365 \(\.xlsx\)' or 'Text CSV \(\.csv\)'\)"
    )
    with pytest.raises(ValueError, match=f"{what}, {advice}"):
        load_names(str(path))
    with pytest.raises(ValueError, match=what):
        load_names(str(path), sheet="Names")
    status = main(["train", str(path), "-o", str(tmp_path / "m.skops")])
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert re.search(f"^sknextchar: error: '.*{name}' is {what}, {advice}", err)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "m.skops").exists()


@pytest.mark.slow  # trains two models (about 2 s)
def test_cli_trains_from_a_libreoffice_workbook_as_from_its_csv(tmp_path, capsys):
    runs = []
    for name in ("lo_table.xlsx", "lo_table.csv"):
        path = tmp_path / name
        shutil.copy(DATA / name, path)
        model = str(tmp_path / f"{name}.skops")
        flags = ["--labels", "Sex", "--counts", "Count", "--alphabet", "auto"]
        flags += ["--model", "kneser-ney", "--seed", "0"]
        status = main(["train", str(path), "-o", model, *flags])
        out, err = capsys.readouterr()
        assert status == 0, err
        assert "Traceback" not in err
        runs.append(re.search(r"Held-out NLL: ([0-9.]+)", out + err)[1])
    assert runs[0] == runs[1]
